"""Configuration: discovery, precedence, validation with clear errors, `config show` and `init`."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.api import audit
from citecheck.cli import app
from citecheck.config import effective_items, find_config_file, load_config
from citecheck.errors import ConfigError
from citecheck.resolve.catalogue import load_catalogue
from citecheck.starter import STARTER_CONFIG, write_starter_files

DOCS = Path(__file__).resolve().parents[1] / "docs" / "configuration.md"


def _repo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir(parents=True)
    return tmp_path


def test_found_by_walking_up_to_the_repository_root(tmp_path: Path) -> None:
    repo = _repo(tmp_path / "repo")
    (repo / "citecheck.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    deep = repo / "docs" / "essays"
    deep.mkdir(parents=True)
    config = load_config(start=deep)
    assert config.fail_on == "error"
    assert config.origin("fail-on") == str((repo / "citecheck.toml").resolve())
    assert Path(config.root) == repo.resolve()


def test_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / "citecheck.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    repo = _repo(tmp_path / "repo")
    assert find_config_file(repo) is None
    assert load_config(start=repo).fail_on == "warning"


def test_file_names_and_their_order(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config_file(repo) is None  # a pyproject.toml without [tool.citecheck] is not a config
    (repo / "pyproject.toml").write_text('[tool.citecheck]\nfail-on = "note"\n'
                                         '[tool.citecheck.links]\nmode = "off"\n', encoding="utf-8")
    config = load_config(start=repo)
    assert (config.fail_on, config.links.mode) == ("note", "off")
    (repo / ".citecheck.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    assert load_config(start=repo).fail_on == "never"
    (repo / "citecheck.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    assert load_config(start=repo).fail_on == "error"


def test_explicit_file_and_command_line_overrides(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "citecheck.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    other = repo / "ci.toml"
    other.write_text('fail-on = "note"\nrefs = "catalogue/refs.yaml"\n[links]\nmode = "off"\n',
                     encoding="utf-8")
    config = load_config(other, start=repo, overrides={"links.mode": "live", "select": ["CC2,CC3"]})
    assert config.fail_on == "note"
    assert config.links.mode == "live" and config.origin("links.mode") == "command line"
    assert config.select == ("CC2", "CC3")
    assert config.resolve_path(config.refs) == repo / "catalogue" / "refs.yaml"  # relative to the file


@pytest.mark.parametrize(("content", "expected"), [
    ('fail_on = "error"\n', ["unknown key 'fail_on'", "valid keys:", "fail-on", "[links]"]),
    ('[links]\nspeed = 3\n', ["unknown key 'links.speed'", "timeout"]),
    ('fail-on = "errors"\n', ["'fail-on' must be one of error, warning, note, never, not 'errors'"]),
    ('[links]\nmode = "online"\n', ["'links.mode' must be one of replay, live, record, off"]),
    ('[claims]\nscope = "chapter"\n', ["'claims.scope' must be one of sentence, paragraph, post"]),
    ('jobs = "many"\n', ["'jobs' must be a non-negative whole number"]),
    ('[links]\nallow-private = "yes"\n', ["'links.allow-private' must be true or false"]),
    ('select = ["CC999"]\n', ["'select' names an unknown rule 'CC999'", "CC201", "misspelled-name"]),
    ('ignore = ["misspeled-name"]\n', ["'ignore' names an unknown rule 'misspeled-name'"]),
    ('[per-file-ignores]\n"drafts/*" = ["CC7"]\n', ["unknown rule 'CC7'"]),
    ('[severity]\nCC301 = "fatal"\n', ["'severity.CC301' must be one of error, warning, note"]),
    ('[severity]\nbogus = "error"\n', ["'severity.bogus' names an unknown rule 'bogus'"]),
    ('fail-on = \n', ["invalid TOML"]),
])
def test_errors_name_the_file_the_key_and_the_choices(tmp_path: Path, content: str,
                                                      expected: list[str]) -> None:
    path = _repo(tmp_path) / "citecheck.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(start=tmp_path)
    message = str(caught.value)
    assert message.startswith(str(path.resolve()))
    for part in expected:
        assert part in message


def test_cli_config_errors_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (_repo(tmp_path) / "citecheck.toml").write_text('colour = "red"\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for args in (["audit", "a.md"], ["config", "show"], ["fix", "a.md"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args
        assert "citecheck.toml: unknown key 'colour'" in result.stderr
    missing = runner.invoke(app, ["config", "show", "--config", "nope.toml"])
    assert missing.exit_code == 2 and "nope.toml: configuration file not found" in missing.stderr
    (tmp_path / "empty.toml").write_text("", encoding="utf-8")
    bad_flag = runner.invoke(app, ["audit", "a.md", "--config", "empty.toml", "--select", "CC999"])
    assert bad_flag.exit_code == 2
    assert "command line: 'select' names an unknown rule 'CC999'" in bad_flag.stderr


def test_config_show_prints_valid_toml_with_origins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (_repo(tmp_path) / "citecheck.toml").write_text(
        'fail-on = "error"\n[per-file-ignores]\n"drafts/*.md" = ["CC3"]\n[severity]\nCC101 = "warning"\n'
        '[claims]\nweasel-phrases = ["insiders say"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["config", "show"])
    assert result.exit_code == 0
    where = str((tmp_path / "citecheck.toml").resolve())
    lines = result.stdout.splitlines()
    assert lines[0] == f"# configuration file: {where}"
    assert f'fail-on = "error"  # {where}' in lines
    assert 'refs = "refs.yaml"  # default' in lines
    shown = tomllib.loads(result.stdout)
    assert shown["per-file-ignores"] == {"drafts/*.md": ["CC3"]}
    assert shown["severity"] == {"CC101": "warning"}
    assert shown["claims"]["weasel-phrases"] == ["insiders say"]
    assert shown["links"]["mode"] == "replay"


def test_every_key_is_documented() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    from citecheck.config import Config

    for key, _value, _origin in effective_items(Config()):
        name = key.rpartition(".")[2]
        assert f"| `{name}` |" in docs, key


def test_severity_overrides_prefer_the_most_specific_selector(tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text("In March 1939 the British cabinet offered Poland a guarantee.\n", encoding="utf-8")
    config_file = tmp_path / "citecheck.toml"
    config_file.write_text('[links]\nmode = "off"\n[names]\nlexicon = false\n'
                           '[severity]\nCC3 = "note"\nunsupported-claim = "error"\n', encoding="utf-8")
    [f] = audit([str(doc)], load_config(config_file)).report.files[0].findings
    assert (f.code, f.severity.value) == ("CC301", "error")
    config_file.write_text('[links]\nmode = "off"\n[names]\nlexicon = false\n'
                           '[severity]\nCC = "error"\nCC3 = "note"\n', encoding="utf-8")
    [f] = audit([str(doc)], load_config(config_file)).report.files[0].findings
    assert f.severity.value == "note"


def test_init_writes_valid_starter_files_and_never_overwrites(tmp_path: Path) -> None:
    lines = write_starter_files(tmp_path)
    assert lines[:2] == [f"{tmp_path / 'citecheck.toml'}: written", f"{tmp_path / 'refs.yaml'}: written"]
    assert (tmp_path / "citecheck.toml").read_text(encoding="utf-8") == STARTER_CONFIG
    config = load_config(tmp_path / "citecheck.toml")
    assert config.links.mode == "replay"
    catalogue = load_catalogue(tmp_path / "refs.yaml", required=True)
    assert catalogue.sources == () and catalogue.names == ()
    (tmp_path / "refs.yaml").write_text("version: 1\nsources: []\n", encoding="utf-8")
    again = write_starter_files(tmp_path)
    assert again[:2] == [f"{tmp_path / 'citecheck.toml'}: exists, left unchanged",
                         f"{tmp_path / 'refs.yaml'}: exists, left unchanged"]
    assert (tmp_path / "refs.yaml").read_text(encoding="utf-8") == "version: 1\nsources: []\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["citecheck.toml", "refs.yaml"]


def test_init_respects_an_existing_config_of_another_name(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.citecheck]\nfail-on = "error"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 0
    assert "pyproject.toml: exists, left unchanged" in result.stdout
    assert not (tmp_path / "citecheck.toml").exists()
    assert (tmp_path / "refs.yaml").exists()
