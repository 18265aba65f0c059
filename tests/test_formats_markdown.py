"""The Markdown summary for pull-request comments and $GITHUB_STEP_SUMMARY."""

from __future__ import annotations

import re
from pathlib import Path

from citecheck.ingest import document_from_text
from citecheck.model import DocFormat, FileReport, Finding, Report, Severity, Span
from citecheck.report import RenderOptions, render
from citecheck.report.markdown_format import MAX_ROWS
from citecheck.rules import finding

TEXT = "Hallifax went.\nIn 1939 the cabinet offered a guarantee.\nSee https://x.org/gone.\n"


def _report(*findings: Finding, baselined: int = 0, suppressed: int = 0) -> Report:
    doc = document_from_text(TEXT, "docs/a.md", DocFormat.MARKDOWN)
    return Report(files=(FileReport(path="docs/a.md", document=doc, findings=findings),),
                  baselined=baselined, suppressed=suppressed)


def _render(report: Report, tmp_path: Path, link_base: str = "") -> str:
    options = RenderOptions(root=str(tmp_path), cwd=str(tmp_path), link_base=link_base)
    return render(report, "markdown", options)


FINDINGS = (
    finding("CC201", Span(0, 8), "Misspelled name: \"Hallifax\"", anchor="Hallifax"),
    finding("CC301", Span(15, 55), "Unsupported claim", anchor="claim"),
    finding("CC401", Span(60, 78), "Broken link", anchor="https://x.org/gone"),
)


def test_summary_counts_and_tables(tmp_path: Path) -> None:
    out = _render(_report(*FINDINGS, baselined=4, suppressed=2), tmp_path)
    lines = out.splitlines()
    assert lines[0] == "## citecheck"
    assert "**3 findings** in 1 file (1 error, 2 warnings, 0 notes), 2 suppressed, 4 in the baseline." in out
    rule_rows = [line for line in lines if line.startswith("| [CC")]
    assert [row.split("]")[0] for row in rule_rows] == ["| [CC401", "| [CC201", "| [CC301"]  # errors first
    assert "| [CC401](https://github.com/citecheck/citecheck/blob/main/docs/rules.md#cc401-broken-link) " \
           "broken-link | 🔴 error | 1 |" in lines
    finding_rows = [line for line in lines if line.startswith("| [docs/a.md:")]
    assert finding_rows[0] == "| [docs/a.md:3](docs/a.md#L3) | 🔴 error | CC401 | Broken link |"
    assert len(finding_rows) == 3


def test_links_use_the_link_base(tmp_path: Path) -> None:
    out = _render(_report(*FINDINGS), tmp_path, link_base="https://github.com/o/r/blob/abc123/")
    assert "[docs/a.md:1](https://github.com/o/r/blob/abc123/docs/a.md#L1)" in out


def test_document_text_cannot_break_the_table_or_add_markup(tmp_path: Path) -> None:
    hostile = ("a | b\n<img src=x onerror=alert(1)> ![t](http://t.example/p.png) [x](http://e.example) "
               "@team *em*")
    out = _render(_report(finding("CC201", Span(0, 8), hostile, anchor="Hallifax")), tmp_path)
    row = next(line for line in out.splitlines() if line.startswith("| [docs/a.md:1]"))
    assert len(row.split(" | ")) == 4  # the "|" in the message is escaped
    for markup in ("<img", "![t]", "[x](", "@team", "*em*"):
        assert not re.search(r"(?<!\\)" + re.escape(markup), out), markup
    assert r"\<img" in row and r"\!\[t\]" in row and r"\@team" in row and r"a \| b" in row


def test_no_findings(tmp_path: Path) -> None:
    out = _render(_report(), tmp_path)
    assert "**0 findings** in 1 file" in out
    assert "No findings." in out
    assert "| Location |" not in out


def test_long_reports_are_truncated(tmp_path: Path) -> None:
    many = [finding("CC201", Span(0, 8), f"m{i}", anchor=str(i), severity=Severity.NOTE)
            for i in range(MAX_ROWS + 7)]
    out = _render(_report(*many), tmp_path)
    assert sum(1 for line in out.splitlines() if line.startswith("| [docs/a.md:")) == MAX_ROWS
    assert "… and 7 more" in out
