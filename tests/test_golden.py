"""Golden tests: the CLI on the bundled examples, compared with the expected JSON report.

Regenerate after an intended change with ``CITECHECK_UPDATE_GOLDEN=1 pytest tests/test_golden.py``
and review the diff like code.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.cli import app

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture()
def in_repo(repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(repo)
    return repo


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("examples.json", ("audit", "examples/", "--format", "json")),
        ("examples-sources.csv", ("extract", "examples/", "--format", "csv")),
        ("examples-provenance.mmd", ("provenance", "examples/", "--format", "mermaid")),
        ("examples-provenance.dot", ("provenance", "examples/", "--format", "dot")),
        ("examples-provenance.json", ("provenance", "examples/", "--format", "json")),
        ("examples-provenance.txt", ("provenance", "examples/", "--format", "text")),
        ("examples.sarif", ("audit", "examples/", "--format", "sarif")),
        ("examples-concise.txt", ("audit", "examples/", "--format", "concise")),
    ],
)
def test_examples_match_the_golden_output(in_repo: Path, name: str, args: tuple[str, ...]) -> None:
    code, out = _run(*args)
    assert code in (0, 1), out
    path = GOLDEN / name
    if os.environ.get("CITECHECK_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8")


def test_the_report_is_byte_for_byte_deterministic(in_repo: Path) -> None:
    first = _run("audit", "examples/", "--format", "json")
    second = _run("audit", "examples/", "--format", "json")
    assert first == second


def test_the_examples_show_every_phenomenon(in_repo: Path) -> None:
    code, out = _run("audit", "examples/", "--format", "json")
    assert code == 1
    report = json.loads(out)
    rules = {f["rule"] for file in report["files"] for f in file["findings"]}
    for rule in ("misspelled-name", "unresolved-source", "vague-source", "second-hand-source", "duplicated-passage",
                 "weasel-attribution", "unsupported-claim", "unsourced-quotation"):
        assert rule in rules, rule
    forum = next(f for f in report["files"] if f["path"].endswith("forum_thread_munich.txt"))
    assert len(forum["posts"]) >= 6
    assert any(s["via"] for s in forum["sources"])
    assert any(s["vague"] for s in forum["sources"])
    fixes = {(f["anchor"], f["fix"]["replacement"]) for f in forum["findings"] if f["rule"] == "misspelled-name"}
    assert ("Daladeir", "Daladier") in fixes
