"""The command line: commands, formats, bad input and exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from citecheck.cli import app

FORUM = """Mar 2014
2,211
Bergen
#23
By the recent discovery of the Maisky diaries and a book by Godoretsky there is new light on the talks.
In the diaries of Chernyaev I found a passage from the diaries of Georgi Dimitrov.
The talks collapsed after Hallifax refused to go to Moscow in June 1939.
Georges Bonnet - Wikipedia
"""


def run(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def workdir(tmp_path: Path, repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with the repository's catalogue and no cassettes."""
    (tmp_path / "refs.yaml").write_text((repo / "refs.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "thread.txt").write_text(FORUM, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_audit_json_follows_the_schema(workdir: Path, repo: Path) -> None:
    code, out, _ = run("audit", "thread.txt", "--format", "json")
    assert code == 1
    report = json.loads(out)
    schema = json.loads((repo / "docs" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, schema)
    (file,) = report["files"]
    text = FORUM
    for item in file["sources"] + file["links"] + file["claims"] + file["findings"]:
        assert 0 <= item["start"] <= item["end"] <= len(text)
    for source in file["sources"]:
        assert text[source["start"]:source["end"]] == source["surface"]
    fixes = {(f["anchor"], f["fix"]["replacement"]) for f in file["findings"] if f["rule"] == "misspelled-name"}
    assert fixes == {("Godoretsky", "Gorodetsky"), ("Hallifax", "Halifax")}
    dimitrov = next(s for s in file["sources"] if "Dimitrov" in s["surface"])
    chernyaev = next(s for s in file["sources"] if "Chernyaev" in s["surface"])
    assert dimitrov["via"] == chernyaev["id"]
    assert [link["url"] for link in file["inferred_links"]] == ["https://en.wikipedia.org/wiki/Georges_Bonnet"]
    assert file["links"] == []


def test_text_report_names_posts_and_has_no_colour_when_piped(workdir: Path) -> None:
    code, out, _ = run("audit", "thread.txt")
    assert code == 1
    assert "post #23" in out and "CC201 misspelled-name" in out and "\x1b[" not in out
    code, coloured, _ = run("audit", "thread.txt", "--color")
    assert "\x1b[" in coloured


def test_extract_formats(workdir: Path) -> None:
    code, out, _ = run("extract", "thread.txt", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {row["surface"] for row in rows} >= {"a book by Godoretsky", "the Maisky diaries"}
    code, out, _ = run("extract", "thread.txt", "--format", "csl-json")
    items = json.loads(out)
    assert all({"id", "type", "title"} <= set(item) for item in items)
    assert len({item["id"] for item in items}) == len(items)
    code, out, _ = run("extract", "thread.txt", "--format", "bibtex")
    assert out.count("@") == len(items) and "title = {" in out
    code, out, _ = run("extract", "thread.txt", "--format", "json")
    assert json.loads(out)["files"][0]["sources"]
    code, out, _ = run("extract", "thread.txt")
    assert "thread.txt:5:" in out
    code, _, err = run("extract", "thread.txt", "--format", "docx")
    assert code == 2 and "unknown format 'docx'" in err


def test_provenance_formats(workdir: Path) -> None:
    code, out, _ = run("provenance", "thread.txt", "--format", "mermaid")
    assert code == 0 and out.startswith("flowchart LR")
    assert "-->|via|" in out
    code, out, _ = run("provenance", "thread.txt", "--format", "dot")
    assert out.startswith("digraph provenance {") and '[label="via"]' in out
    code, out, _ = run("provenance", "thread.txt", "--format", "json")
    graph = json.loads(out)["files"][0]
    assert any(e["relation"] == "via" for e in graph["edges"])
    code, out, _ = run("provenance", "thread.txt")
    assert "└─ via:" in out


def test_refs_check_and_suggest(workdir: Path) -> None:
    code, out, _ = run("refs", "check")
    assert code == 0 and "refs.yaml: ok" in out
    (workdir / "bad.yaml").write_text("version: 1\nsources:\n  - id: x\n    title: T\n    kind: novel\n",
                                      encoding="utf-8")
    code, _, err = run("refs", "check", "bad.yaml")
    assert code == 2 and "bad.yaml:5: source 'x': kind must be one of" in err
    (workdir / "essay.txt").write_text("See A. J. P. Lumley, The Forgotten Talks (Oxford, 1977) for details.\n"
                                       "Source: Lumley, A. The Forgotten Talks. Oxford: Clarendon, 1977.\n",
                                       encoding="utf-8")
    code, out, _ = run("refs", "suggest", "essay.txt")
    stanzas = yaml.safe_load(out)["sources"]
    assert any(s["title"] == "The Forgotten Talks" and s["year"] == 1977 for s in stanzas)


def test_bad_input_exits_2_with_one_line_naming_the_file(workdir: Path) -> None:
    code, _, err = run("audit", "missing.txt")
    assert code == 2 and err.strip() == "citecheck: missing.txt: no such file or directory"
    (workdir / "scan.txt").write_bytes(b"\x00\x01\x02binary")
    code, _, err = run("audit", "scan.txt")
    assert code == 2 and "scan.txt: binary file" in err and "Traceback" not in err
    code, out, err = run("audit", "thread.txt", "missing.txt", "--format", "json")
    assert code == 2 and json.loads(out)["files"][0]["path"] == "thread.txt"


def test_malformed_catalogue_is_exit_2(workdir: Path) -> None:
    (workdir / "refs.yaml").write_text("version: 1\nsources: [\n", encoding="utf-8")
    code, _, err = run("audit", "thread.txt")
    assert code == 2 and err.startswith("citecheck: refs.yaml:3: invalid YAML")


def test_stdin(workdir: Path) -> None:
    code, out, _ = run("audit", "-", "--format", "json", input=FORUM)
    assert code == 1 and json.loads(out)["files"][0]["path"] == "<stdin>"
    code, out, _ = run("audit", "-", "--format", "json", "--stdin-filename", "pasted.txt", input=FORUM)
    assert json.loads(out)["files"][0]["path"] == "pasted.txt"


def test_python_dash_m(workdir: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "citecheck", "version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout.startswith("citecheck ")


def test_every_command_is_documented_in_the_readme(repo: Path) -> None:
    readme = (repo / "README.md").read_text(encoding="utf-8")
    commands = [c.name for c in app.registered_commands] + [g.name for g in app.registered_groups]
    for name in commands:
        assert f"citecheck {name}" in readme, name
