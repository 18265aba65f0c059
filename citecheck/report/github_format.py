"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` annotation per finding.

Everything that comes from a document is escaped as GitHub requires (``%``, CR and LF in the
message; also ``:`` and ``,`` in property values), so document text can never end the command
or start another one. GitHub shows only the first 10 annotations of each type per step, so the
most severe come first; write the full table to ``$GITHUB_STEP_SUMMARY`` with ``--format markdown``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from citecheck.model import Report, Severity
from citecheck.report import repo_path
from citecheck.textspan import LineIndex

if TYPE_CHECKING:
    from citecheck.report import RenderOptions

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}


def escape_data(text: str) -> str:
    """The message of a workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A ``key=value`` property of a workflow command."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, options: RenderOptions) -> str:
    rows: list[tuple[int, str, int, int, str, str]] = []
    for file in report.files:
        index = LineIndex(file.document.text)
        path = repo_path(file.path, options)
        for f in file.findings:
            line, col = index.position(f.span.start)
            end_line, end_col = index.position(f.span.end)
            if end_line == line:
                props = [("file", path), ("line", str(line)), ("col", str(col)), ("endLine", str(end_line)),
                         ("endColumn", str(end_col))]
            else:  # GitHub accepts columns only on single-line annotations
                props = [("file", path), ("line", str(line)), ("endLine", str(end_line))]
            props.append(("title", f"{f.code} {f.rule}"))
            properties = ",".join(f"{key}={escape_property(value)}" for key, value in props)
            command = f"::{_COMMAND[f.severity]} {properties}::{escape_data(f.message)}"
            rows.append((-f.severity.rank, path, line, col, f.code, command))
    rows.sort()
    return "".join(row[-1] + "\n" for row in rows)
