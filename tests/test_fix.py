"""Autofix: safe edits applied atomically, in the file's own encoding and line endings, never
losing the original; files with nothing to fix are left alone."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.cli import app
from citecheck.config import Config, LinkSettings, NameSettings
from citecheck.fix import apply_edits, fix_paths, plan_edits
from citecheck.model import Applicability, Fix, Span
from citecheck.rules import finding

LEXICON = """\
version: 1
people:
- {name: "Edward Wood, 1st Earl of Halifax", surname: "Halifax", known_as: ["Halifax"], role: statesman,
   country: GB}
- {name: "Neville Chamberlain", surname: "Chamberlain", role: statesman, country: GB, years: "1869-1940"}
"""


def _config(tmp_path: Path) -> Config:
    lexicon = tmp_path / "lexicon.yaml"
    lexicon.write_text(LEXICON, encoding="utf-8")
    return Config(refs=str(tmp_path / "none.yaml"), links=LinkSettings(mode="off"),
                  names=NameSettings(lexicon=False, extra=(str(lexicon),)))


def _docs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    return docs


def test_safe_fixes_are_applied(tmp_path: Path) -> None:
    doc = _docs(tmp_path) / "a.md"
    doc.write_text("In 1939 Hallifax refused to go.\n\nChamberlian went to Munich.\n", encoding="utf-8")
    outcome = fix_paths([str(doc)], _config(tmp_path))
    fixed = "In 1939 Halifax refused to go.\n\nChamberlain went to Munich.\n"
    assert doc.read_text(encoding="utf-8") == fixed
    assert outcome.fixed == 2 and outcome.ok
    assert outcome.summary_lines()[-1] == "Fixed 2 issues in 1 file."


def test_crlf_bom_and_utf16_survive_a_round_trip(tmp_path: Path) -> None:
    docs = _docs(tmp_path)
    crlf = docs / "crlf.txt"
    crlf.write_bytes(b"Hallifax went.\r\nChamberlian stayed.\r\n")
    bom = docs / "bom.md"
    bom.write_bytes(codecs.BOM_UTF8 + b"Hallifax went to Moscow.\r\n")
    utf16 = docs / "utf16.txt"
    utf16.write_bytes(codecs.BOM_UTF16_BE + "Hallifax went.\n".encode("utf-16-be"))
    outcome = fix_paths([str(docs)], _config(tmp_path))
    assert outcome.ok, outcome.summary_lines()
    assert crlf.read_bytes() == b"Halifax went.\r\nChamberlain stayed.\r\n"
    assert bom.read_bytes() == codecs.BOM_UTF8 + b"Halifax went to Moscow.\r\n"
    assert utf16.read_bytes() == codecs.BOM_UTF16_BE + "Halifax went.\n".encode("utf-16-be")


def test_a_file_with_nothing_to_fix_is_never_touched(tmp_path: Path) -> None:
    docs = _docs(tmp_path)
    clean = docs / "clean.md"
    clean.write_text("Halifax refused to go to Moscow.\n", encoding="utf-8")
    os.utime(clean, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    (docs / "dirty.md").write_text("Hallifax went.\n", encoding="utf-8")
    fix_paths([str(docs)], _config(tmp_path))
    assert clean.stat().st_mtime_ns == 1_000_000_000_000_000_000
    assert (docs / "dirty.md").read_text(encoding="utf-8") == "Halifax went.\n"


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    doc = _docs(tmp_path) / "latin1.txt"
    original = "René and Hallifax went to Moscow.\n".encode("latin-1")
    doc.write_bytes(original)
    outcome = fix_paths([str(doc)], _config(tmp_path))
    assert doc.read_bytes() == original
    assert not outcome.ok
    assert any("latin1.txt: not rewritten: not valid UTF-8" in line for line in outcome.summary_lines())


def test_diff_shows_the_change_and_writes_nothing(tmp_path: Path) -> None:
    doc = _docs(tmp_path) / "a.md"
    doc.write_text("Intro.\nHallifax went.\n", encoding="utf-8")
    before = doc.stat().st_mtime_ns
    outcome = fix_paths([str(doc)], _config(tmp_path), diff=True)
    assert doc.read_text(encoding="utf-8") == "Intro.\nHallifax went.\n"
    assert doc.stat().st_mtime_ns == before
    assert f"--- a/{doc}" in outcome.diff
    assert "-Hallifax went.\n+Halifax went.\n" in outcome.diff
    assert outcome.summary_lines()[-1] == "Would fix 1 issue in 1 file."


def test_unused_suppressions_are_removed(tmp_path: Path) -> None:
    doc = _docs(tmp_path) / "a.md"
    doc.write_text("Intro.\n<!-- citecheck: disable-next-line CC201 -->\nHalifax went.\n", encoding="utf-8")
    fix_paths([str(doc)], _config(tmp_path))
    assert doc.read_text(encoding="utf-8") == "Intro.\nHalifax went.\n"


def _listing(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_the_original_survives_a_failed_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              failure: BaseException) -> None:
    docs = _docs(tmp_path)
    doc = docs / "a.md"
    doc.write_text("Hallifax went.\n", encoding="utf-8")
    config = _config(tmp_path)

    def broken_replace(src: str, dst: str) -> None:
        raise failure

    monkeypatch.setattr(os, "replace", broken_replace)
    if isinstance(failure, OSError):  # reported, and the other files are still fixed
        outcome = fix_paths([str(doc)], config)
        assert outcome.refused == ((str(doc), "cannot write: No space left on device"),)
    else:  # interrupted mid-write
        with pytest.raises(KeyboardInterrupt):
            fix_paths([str(doc)], config)
    assert doc.read_text(encoding="utf-8") == "Hallifax went.\n"
    assert _listing(docs) == ["a.md"]  # no temporary file left behind


def test_plan_edits_drops_overlapping_and_ambiguous_edits() -> None:
    text = "Hallifax and Molotof and Ribentrop."

    def fix_at(start: int, end: int, replacement: str, how: Applicability = Applicability.SAFE) -> object:
        return finding("CC201", Span(start, end), "m", fix=Fix(replacement, Span(start, end), how))

    findings = [
        fix_at(0, 8, "Halifax"), fix_at(0, 8, "Halifax"),  # the same edit twice counts once
        fix_at(13, 20, "Molotov"), fix_at(13, 20, "Molotow"),  # two opinions: neither
        fix_at(25, 34, "Ribbentrop"), fix_at(28, 34, "xx"),  # overlapping: the first wins
        fix_at(4, 4, "", Applicability.UNSAFE),
    ]
    edits, dropped = plan_edits(findings, text)  # type: ignore[arg-type]
    assert [(e.span.start, e.replacement) for e in edits] == [(0, "Halifax"), (25, "Ribbentrop")]
    assert dropped == 3
    assert apply_edits(text, edits) == "Halifax and Molotof and Ribbentrop."


def test_unsafe_edits_need_unsafe() -> None:
    text = "See http://example.org/old."
    new = Fix("https://example.org/new", Span(4, 26), Applicability.UNSAFE)
    link = finding("CC402", Span(4, 26), "m", fix=new)
    assert plan_edits([link], text) == ([], 0)
    edits, _ = plan_edits([link], text, unsafe=True)
    assert apply_edits(text, edits) == "See https://example.org/new."


def test_replacements_with_line_breaks_follow_the_file() -> None:
    edit = Fix("a\nb", Span(0, 1))
    assert apply_edits("x\r\ny\r\n", [edit], "\r\n") == "a\r\nb\r\ny\r\n"


def _project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "lexicon.yaml").write_text(LEXICON, encoding="utf-8")
    (tmp_path / "citecheck.toml").write_text('[links]\nmode = "off"\n[names]\nlexicon = false\n'
                                             'extra = ["lexicon.yaml"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)


def test_cli_fix_and_audit_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _project(tmp_path, monkeypatch)
    Path("a.md").write_text("Hallifax went.\n", encoding="utf-8")
    Path("b.md").write_text("Chamberlian went to Munich in 1938.\n", encoding="utf-8")
    runner = CliRunner()
    diff = runner.invoke(app, ["fix", "a.md", "--diff"])
    assert diff.exit_code == 0
    assert "+Halifax went." in diff.stdout
    assert Path("a.md").read_text(encoding="utf-8") == "Hallifax went.\n"
    fixed = runner.invoke(app, ["fix", "a.md"])
    assert fixed.exit_code == 0 and "Fixed 1 issue in 1 file." in fixed.stderr
    assert Path("a.md").read_text(encoding="utf-8") == "Halifax went.\n"
    # audit --fix fixes the name, then reports what remains (an unsupported claim)
    audited = runner.invoke(app, ["audit", "b.md", "--fix", "-f", "concise"])
    assert Path("b.md").read_text(encoding="utf-8") == "Chamberlain went to Munich in 1938.\n"
    assert audited.exit_code == 1
    assert [line.split()[1] for line in audited.stdout.splitlines()] == ["CC301"]


def test_cli_fix_refusing_a_file_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _project(tmp_path, monkeypatch)
    Path("bad.txt").write_bytes(b"Ren\xe9 and Hallifax went.\n")
    result = CliRunner().invoke(app, ["fix", "bad.txt"])
    assert result.exit_code == 2
    assert "not valid UTF-8" in result.stderr
    assert Path("bad.txt").read_bytes() == b"Ren\xe9 and Hallifax went.\n"
