"""Baselines: adopt citecheck on existing content and fail CI only for new findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.api import audit
from citecheck.baseline import filter_report, load_baseline, write_baseline
from citecheck.cli import app
from citecheck.config import Config, LinkSettings, NameSettings
from citecheck.errors import BaselineError
from citecheck.model import Report

GREECE = "In May 1939 the British cabinet offered Greece a guarantee.\n"
CLAIMS = ("In March 1939 the British cabinet offered Poland a guarantee.\n\n"
          "In April 1939 the British cabinet offered Romania a guarantee.\n")


def _config(tmp_path: Path) -> Config:
    return Config(refs=str(tmp_path / "none.yaml"), links=LinkSettings(mode="off"),
                  names=NameSettings(lexicon=False))


def _audit(tmp_path: Path, *paths: Path) -> Report:
    return audit([str(p) for p in paths], _config(tmp_path)).report


def _count(report: Report) -> int:
    return sum(len(f.findings) for f in report.files)


def test_baselined_findings_are_not_reported_and_are_counted(tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text(CLAIMS, encoding="utf-8")
    report = _audit(tmp_path, doc)
    assert _count(report) == 2
    write_baseline(tmp_path / "baseline.json", report)
    filtered = filter_report(report, load_baseline(tmp_path / "baseline.json"))
    assert _count(filtered) == 0
    assert filtered.baselined == 2


def test_findings_stay_baselined_when_lines_move(tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text(CLAIMS, encoding="utf-8")
    write_baseline(tmp_path / "baseline.json", _audit(tmp_path, doc))
    moved = "# A new heading\n\nSome new words.\n\n\n" + CLAIMS.replace("\n\n", "\n\n\n\n")
    doc.write_text(moved, encoding="utf-8")
    moved = _audit(tmp_path, doc)
    filtered = filter_report(moved, load_baseline(tmp_path / "baseline.json"))
    assert _count(filtered) == 0
    assert filtered.baselined == 2


def test_a_new_finding_is_reported(tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text(CLAIMS, encoding="utf-8")
    write_baseline(tmp_path / "baseline.json", _audit(tmp_path, doc))
    doc.write_text(CLAIMS + "\n" + GREECE, encoding="utf-8")
    filtered = filter_report(_audit(tmp_path, doc), load_baseline(tmp_path / "baseline.json"))
    [new] = filtered.files[0].findings
    assert "Greece" in new.anchor
    assert filtered.baselined == 2


def test_a_repeated_finding_counts_each_occurrence(tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    sentence = "In March 1939 the British cabinet offered Poland a guarantee.\n\n"
    doc.write_text(sentence, encoding="utf-8")
    write_baseline(tmp_path / "baseline.json", _audit(tmp_path, doc))
    doc.write_text(sentence * 2, encoding="utf-8")
    filtered = filter_report(_audit(tmp_path, doc), load_baseline(tmp_path / "baseline.json"))
    assert _count(filtered) == 1
    assert filtered.baselined == 1


def test_the_file_is_deterministic_and_readable(tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text(CLAIMS, encoding="utf-8")
    report = _audit(tmp_path, doc)
    write_baseline(tmp_path / "one.json", report)
    write_baseline(tmp_path / "two.json", _audit(tmp_path, doc))
    one = (tmp_path / "one.json").read_bytes()
    assert one == (tmp_path / "two.json").read_bytes()
    assert one.endswith(b"\n")
    data = json.loads(one)
    assert list(data) == sorted(data)
    assert data["version"] == 1
    assert [e["code"] for e in data["findings"]] == ["CC301", "CC301"]
    assert all(e["path"] == doc.as_posix() and "line" not in e for e in data["findings"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "one.json", "two.json"]  # no temp files


@pytest.mark.parametrize(("content", "problem"), [
    ("{not json", "invalid JSON"),
    ("[]", "expected a JSON object"),
    ('{"version": 7, "findings": []}', "unsupported version 7"),
    ('{"version": 1, "findings": {}}', "'findings' must be a list"),
    ('{"version": 1, "findings": [{"code": "CC301"}]}', "findings[0] has no fingerprint"),
    ('{"version": 1, "findings": [{"fingerprint": "x", "occurrence": -1}]}', "occurrence"),
])
def test_a_malformed_baseline_names_the_file_and_the_problem(tmp_path: Path, content: str,
                                                             problem: str) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError) as caught:
        load_baseline(path)
    assert str(path) in str(caught.value)
    assert problem in str(caught.value)


def test_a_missing_baseline_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(BaselineError, match="not found"):
        load_baseline(tmp_path / "nope.json")


FAST = '[links]\nmode = "off"\n[names]\nlexicon = false\n'


def _project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "citecheck.toml").write_text(FAST, encoding="utf-8")
    doc = tmp_path / "a.md"
    doc.write_text(CLAIMS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return doc


def test_cli_write_baseline_then_baseline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = _project(tmp_path, monkeypatch)
    runner = CliRunner()
    written = runner.invoke(app, ["audit", "a.md", "--write-baseline", ".citecheck-baseline.json"])
    assert written.exit_code == 0, written.output
    assert "2 in the baseline" in written.stdout
    assert (tmp_path / ".citecheck-baseline.json").is_file()
    clean = runner.invoke(app, ["audit", "a.md", "--baseline", ".citecheck-baseline.json"])
    assert clean.exit_code == 0
    assert "0 findings" in clean.stdout and "2 in the baseline" in clean.stdout
    doc.write_text("Moved down.\n\n" + CLAIMS + "\n" + GREECE, encoding="utf-8")
    new = runner.invoke(app, ["audit", "a.md", "--baseline", ".citecheck-baseline.json", "-f", "json"])
    assert new.exit_code == 1
    summary = json.loads(new.stdout)["summary"]
    assert (summary["findings"], summary["baselined"]) == (1, 2)


def test_cli_malformed_baseline_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _project(tmp_path, monkeypatch)
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    result = CliRunner().invoke(app, ["audit", "a.md", "--baseline", "bad.json"])
    assert result.exit_code == 2
    assert "bad.json" in result.stderr and "malformed baseline" in result.stderr


def test_cli_baseline_applies_from_a_subdirectory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _project(tmp_path, monkeypatch)
    (tmp_path / "docs").mkdir()
    (tmp_path / "a.md").rename(tmp_path / "docs" / "a.md")
    runner = CliRunner()
    assert runner.invoke(app, ["audit", "docs", "--write-baseline", "baseline.json"]).exit_code == 0
    recorded = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))["findings"]
    assert [e["path"] for e in recorded] == ["docs/a.md", "docs/a.md"]
    monkeypatch.chdir(tmp_path / "docs")
    result = runner.invoke(app, ["audit", "a.md", "--baseline", "../baseline.json"])
    assert result.exit_code == 0
    assert "2 in the baseline" in result.stdout
