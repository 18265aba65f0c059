"""The command line as CI sees it: exit codes, rule selection, output formats and files."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner, Result

from citecheck import cli
from citecheck.cli import app

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
LEXICON = """\
version: 1
people:
- {name: "Edward Wood, 1st Earl of Halifax", surname: "Halifax", known_as: ["Halifax"], role: statesman,
   country: GB}
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with a fast configuration (a two-name lexicon, links off) and a few documents."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "lexicon.yaml").write_text(LEXICON, encoding="utf-8")
    (tmp_path / "citecheck.toml").write_text(
        '[links]\nmode = "off"\n[names]\nlexicon = false\nextra = ["lexicon.yaml"]\n', encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "clean.md").write_text("The weather was fine.\n", encoding="utf-8")
    (docs / "note.md").write_text("See the memoirs of Józef Lipski for the Polish side of the talks.\n",
                                  encoding="utf-8")
    (docs / "warn.md").write_text("In 1939 Hallifax refused to go to Moscow.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def _codes(result: Result) -> list[str]:
    return sorted(line.split()[1] for line in result.stdout.splitlines())


def test_exit_0_when_clean(project: Path) -> None:
    result = _run("audit", "docs/clean.md")
    assert result.exit_code == 0, result.output
    assert "0 findings" in result.stdout


def test_exit_1_for_findings_at_or_above_fail_on(project: Path) -> None:
    result = _run("audit", "docs/warn.md", "-f", "concise")
    assert result.exit_code == 1
    assert _codes(result) == ["CC201", "CC301"]


@pytest.mark.parametrize(("args", "code"), [
    (["docs/note.md"], 0),  # a note is below the default fail-on (warning)
    (["docs/note.md", "--fail-on", "note"], 1),
    (["docs/warn.md", "--fail-on", "error"], 0),
    (["docs/warn.md", "--fail-on", "warning"], 1),
    (["docs/warn.md", "--fail-on", "never"], 0),
    (["docs/warn.md", "--exit-zero"], 0),
    (["docs/warn.md", "--select", "CC1"], 0),
])
def test_fail_on_and_exit_zero(project: Path, args: list[str], code: int) -> None:
    assert _run("audit", *args).exit_code == code


def test_fail_on_from_the_configuration_and_overridden_on_the_command_line(project: Path) -> None:
    (project / "citecheck.toml").write_text('fail-on = "note"\n[links]\nmode = "off"\n'
                                            '[names]\nlexicon = false\n', encoding="utf-8")
    assert _run("audit", "docs/note.md").exit_code == 1
    assert _run("audit", "docs/note.md", "--fail-on", "warning").exit_code == 0


def test_exit_2_for_a_missing_file(project: Path) -> None:
    result = _run("audit", "docs/warn.md", "docs/missing.md")
    assert result.exit_code == 2
    assert "docs/missing.md: no such file or directory" in result.stderr


def test_exit_2_for_an_invalid_config_key(project: Path) -> None:
    (project / "citecheck.toml").write_text("[links]\nmodes = 'off'\n", encoding="utf-8")
    result = _run("audit", "docs/clean.md")
    assert result.exit_code == 2
    assert "citecheck.toml: unknown key 'links.modes'" in result.stderr


def test_exit_2_for_an_unknown_format(project: Path) -> None:
    result = _run("audit", "docs/warn.md", "--format", "xml")
    assert result.exit_code == 2
    assert "unknown format 'xml'" in result.stderr and "sarif" in result.stderr


@pytest.mark.parametrize("args", [["audit"], ["audit", "docs", "--no-such-flag"],
                                  ["audit", "docs", "--fail-on", "bad"]])
def test_exit_2_for_usage_errors(project: Path, args: list[str]) -> None:
    assert _run(*args).exit_code == 2


def test_exit_2_for_exit_zero_with_an_input_error(project: Path) -> None:
    assert _run("audit", "docs/missing.md", "--exit-zero").exit_code == 2


def test_an_unexpected_exception_is_exit_2_never_1(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "audit", crash)
    monkeypatch.setattr(cli, "AuditRun", crash)
    result = _run("audit", "docs/warn.md")
    assert result.exit_code == 2
    assert result.stderr.strip() == ("citecheck: internal error: RuntimeError: boom "
                                     "(rerun with --debug for the traceback)")
    debug = _run("audit", "docs/warn.md", "--debug")
    assert debug.exit_code == 2 and "Traceback" in debug.stderr


@pytest.mark.parametrize(("option", "selector", "expected"), [
    ("--select", "CC201", ["CC201"]),
    ("--select", "CC2", ["CC201"]),
    ("--select", "misspelled-name", ["CC201"]),
    ("--select", "CC201,CC301", ["CC201", "CC301"]),
    ("--ignore", "CC301", ["CC201"]),
    ("--ignore", "CC3", ["CC201"]),
    ("--ignore", "unsupported-claim", ["CC201"]),
    ("--ignore", "ALL", []),
])
def test_select_and_ignore_by_code_prefix_or_name(project: Path, option: str, selector: str,
                                                  expected: list[str]) -> None:
    result = _run("audit", "docs/warn.md", "-f", "concise", option, selector)
    assert _codes(result) == expected


def test_per_file_ignores(project: Path) -> None:
    (project / "citecheck.toml").write_text(
        '[per-file-ignores]\n"docs/warn.*" = ["CC3"]\n[links]\nmode = "off"\n[names]\nlexicon = false\n'
        'extra = ["lexicon.yaml"]\n', encoding="utf-8")
    assert _codes(_run("audit", "docs/warn.md", "-f", "concise")) == ["CC201"]


def test_every_format_from_the_command_line(project: Path) -> None:
    for fmt in ("text", "concise", "json", "sarif", "github", "markdown", "junit"):
        result = _run("audit", "docs", "-f", fmt)
        assert result.exit_code == 1, (fmt, result.output)
        out = result.stdout
        match fmt:
            case "json":
                assert json.loads(out)["summary"]["findings"] == 3
            case "sarif":
                jsonschema.Draft4Validator(SCHEMA).validate(json.loads(out))
            case "junit":
                assert ET.fromstring(out.encode()).get("failures") == "3"
            case "github":
                assert all(line.startswith(("::warning ", "::notice ")) for line in out.splitlines())
            case "concise":
                assert len(out.splitlines()) == 3
            case "markdown":
                assert out.startswith("## citecheck")
            case "text":
                assert "3 findings" in out


def test_output_file_is_written_and_stdout_stays_empty(project: Path) -> None:
    result = _run("audit", "docs/warn.md", "-f", "sarif", "--output-file", "out/report.sarif")
    assert result.exit_code == 1
    assert result.stdout == ""
    report = json.loads((project / "out" / "report.sarif").read_text(encoding="utf-8"))
    results = report["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"docs/warn.md"}


def test_reports_are_byte_for_byte_reproducible(project: Path) -> None:
    for fmt in ("sarif", "junit", "markdown", "github", "concise"):
        assert _run("audit", "docs", "-f", fmt).stdout == _run("audit", "docs", "-f", fmt).stdout
