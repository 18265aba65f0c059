"""One line per finding, ``path:line:col: CCnnn [severity] message``, sorted: for editors and grep."""

from __future__ import annotations

from typing import TYPE_CHECKING

from citecheck.model import FileReport, Report
from citecheck.textspan import LineIndex

if TYPE_CHECKING:
    from citecheck.report import RenderOptions


def _one_line(text: str) -> str:
    return " ".join(text.split())


Row = tuple[str, int, int, str, str, str]


def _rows(file: FileReport) -> list[Row]:
    index = LineIndex(file.document.text)
    rows: list[Row] = []
    for f in file.findings:
        line, column = index.position(f.span.start)
        rows.append((file.path, line, column, f.code, f.severity.value, _one_line(f.message)))
    return rows


def _lines(rows: list[Row]) -> str:
    return "".join(f"{path}:{line}:{col}: {code} [{severity}] {message}\n"
                   for path, line, col, code, severity, message in sorted(rows))


def _file_lines(file: FileReport) -> str:
    return _lines(_rows(file))


def render(report: Report, options: RenderOptions) -> str:
    return _lines([row for file in report.files for row in _rows(file)])


class Stream:
    """The same lines, written file by file (sorted within each file; a run yields files in order)."""

    def __init__(self, options: RenderOptions) -> None:
        pass

    def begin(self) -> str:
        return ""

    def file(self, file: FileReport) -> str:
        return _file_lines(file)

    def end(self, *, baselined: int = 0, suppressed: int = 0) -> str:
        return ""
