"""The concise format: one ``path:line:col: CCnnn [severity] message`` line per finding, sorted."""

from __future__ import annotations

import re

from citecheck.ingest import document_from_text
from citecheck.model import DocFormat, FileReport, Finding, Report, Span
from citecheck.report import RenderOptions, render
from citecheck.rules import finding

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>CC\d{3}) "
                  r"\[(?P<sev>error|warning|note)\] (?P<message>.+)$")


def _file(path: str, text: str, *findings: Finding) -> FileReport:
    doc = document_from_text(text, path, DocFormat.MARKDOWN)
    return FileReport(path=path, document=doc, findings=findings)


def test_one_sorted_line_per_finding() -> None:
    b = "Intro.\n\nHallifax went.\n"
    a = "In 1939 the cabinet offered Poland a guarantee.\r\nHallifax went.\r\n"
    report = Report(files=(
        _file("b.md", b, finding("CC201", Span(8, 16), "Misspelled name: \"Hallifax\"", anchor="Hallifax")),
        _file("a.md", a,
              finding("CC201", Span(49, 57), "Misspelled name: \"Hallifax\"", anchor="Hallifax"),
              finding("CC301", Span(0, 47), "Unsupported claim:\n  \"In 1939 ...\"", anchor="claim")),
    ))
    out = render(report, "concise", RenderOptions())
    assert out == (
        'a.md:1:1: CC301 [warning] Unsupported claim: "In 1939 ..."\n'
        'a.md:2:1: CC201 [warning] Misspelled name: "Hallifax"\n'
        'b.md:3:1: CC201 [warning] Misspelled name: "Hallifax"\n'
    )
    assert all(LINE.match(line) for line in out.splitlines())


def test_nothing_to_report_prints_nothing() -> None:
    assert render(Report(files=(_file("a.md", "Fine.\n"),)), "concise", RenderOptions()) == ""
