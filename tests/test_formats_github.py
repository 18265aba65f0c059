"""GitHub workflow-command annotations: escaped so that document text cannot inject commands,
most severe first because GitHub shows only the first 10 of each type."""

from __future__ import annotations

import re
from pathlib import Path

from citecheck.ingest import document_from_text
from citecheck.model import DocFormat, FileReport, Finding, Report, Severity, Span
from citecheck.report import RenderOptions, render
from citecheck.rules import finding

HOSTILE = "100% sure: a, b\r\n::error file=x.md,line=1::pwned\n::stop-commands::token %0A"
COMMAND = re.compile(r"^::(?P<cmd>[a-z-]+) (?P<props>[^:]*)::(?P<data>.*)$")


def _unescape_data(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def _unescape_property(text: str) -> str:
    text = text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
    return text.replace("%25", "%")


def _parse(line: str) -> tuple[str, dict[str, str], str]:
    """The way the Actions runner reads a workflow command."""
    match = COMMAND.match(line)
    assert match, line
    props = {}
    for pair in match["props"].split(","):
        key, _, value = pair.partition("=")
        props[key] = _unescape_property(value)
    return match["cmd"], props, _unescape_data(match["data"])


def _report(path: str, text: str, *findings: Finding) -> Report:
    doc = document_from_text(text, path, DocFormat.MARKDOWN)
    return Report(files=(FileReport(path=path, document=doc, findings=findings),))


def _render(report: Report, tmp_path: Path) -> str:
    return render(report, "github", RenderOptions(root=str(tmp_path), cwd=str(tmp_path)))


def test_hostile_text_cannot_inject_commands(tmp_path: Path) -> None:
    text = "Intro.\nHallifax went.\n"
    path = "docs/odd, name: v2.md"
    f = finding("CC201", Span(7, 15), HOSTILE, anchor="Hallifax")
    out = _render(_report(path, text, f), tmp_path)
    lines = out.splitlines()
    assert len(lines) == 1  # CR and LF in the message were escaped
    command, props, message = _parse(lines[0])
    assert command == "warning"
    assert message == HOSTILE
    assert props == {"file": path, "line": "2", "col": "1", "endLine": "2", "endColumn": "9",
                     "title": "CC201 misspelled-name"}
    assert "%25" in lines[0] and "%0A" in lines[0] and "%2C" in lines[0] and "%3A" in lines[0]


def test_exact_output_and_severity_order(tmp_path: Path) -> None:
    text = "Hallifax went.\nSee http://x.org/old.\nSee https://x.org/gone.\n"
    findings = (
        finding("CC201", Span(0, 8), "Misspelled name: \"Hallifax\"", anchor="Hallifax"),
        finding("CC402", Span(19, 35), "Permanent redirect", anchor="http://x.org/old"),
        finding("CC401", Span(41, 58), "Broken link", anchor="https://x.org/gone"),
    )
    out = _render(_report("a.md", text, *findings), tmp_path)
    assert out == (
        "::error file=a.md,line=3,col=5,endLine=3,endColumn=22,title=CC401 broken-link::Broken link\n"
        "::warning file=a.md,line=1,col=1,endLine=1,endColumn=9,title=CC201 misspelled-name::"
        "Misspelled name: \"Hallifax\"\n"
        "::notice file=a.md,line=2,col=5,endLine=2,endColumn=21,title=CC402 redirected-link::"
        "Permanent redirect\n"
    )


def test_many_errors_come_before_any_warning(tmp_path: Path) -> None:
    text = "x" * 40 + "\n"
    findings = [finding("CC201", Span(i, i + 1), "w", anchor=str(i)) for i in range(12)]
    findings += [finding("CC201", Span(20 + i, 21 + i), "e", anchor=str(i), severity=Severity.ERROR)
                 for i in range(12)]
    lines = _render(_report("a.md", text, *findings), tmp_path).splitlines()
    assert [line.split(" ")[0] for line in lines] == ["::error"] * 12 + ["::warning"] * 12


def test_multi_line_findings_have_no_columns(tmp_path: Path) -> None:
    text = "In March 1939 the\ncabinet offered a guarantee.\n"
    f = finding("CC301", Span(0, len(text) - 1), "Unsupported claim", anchor="claim")
    _, props, _ = _parse(_render(_report("a.md", text, f), tmp_path).strip())
    assert props == {"file": "a.md", "line": "1", "endLine": "2", "title": "CC301 unsupported-claim"}


def test_no_findings_no_output(tmp_path: Path) -> None:
    assert _render(_report("a.md", "Fine.\n"), tmp_path) == ""
