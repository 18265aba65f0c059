"""One line per finding, ``path:line:col: CCnnn [severity] message``, sorted: for editors and grep."""

from __future__ import annotations

from typing import TYPE_CHECKING

from citecheck.model import Report
from citecheck.textspan import LineIndex

if TYPE_CHECKING:
    from citecheck.report import RenderOptions


def _one_line(text: str) -> str:
    return " ".join(text.split())


def render(report: Report, options: RenderOptions) -> str:
    rows: list[tuple[str, int, int, str, str, str]] = []
    for file in report.files:
        index = LineIndex(file.document.text)
        for f in file.findings:
            line, column = index.position(f.span.start)
            rows.append((file.path, line, column, f.code, f.severity.value, _one_line(f.message)))
    rows.sort()
    return "".join(f"{path}:{line}:{col}: {code} [{severity}] {message}\n"
                   for path, line, col, code, severity, message in rows)
