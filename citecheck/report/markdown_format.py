"""A Markdown summary for a pull-request comment or ``$GITHUB_STEP_SUMMARY``.

Counts by rule and severity, then a table of findings with ``file:line`` links. Text from the
documents is escaped so that it cannot add links, images or HTML to the comment.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from citecheck.model import Report, Severity
from citecheck.report import repo_path
from citecheck.rules.registry import get_rule
from citecheck.textspan import LineIndex

if TYPE_CHECKING:
    from citecheck.report import RenderOptions

MAX_ROWS = 500  # GitHub caps a step summary at 1 MiB
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&$@])")
_ICON = {"error": "🔴", "warning": "🟠", "note": "🔵"}


def escape(text: str) -> str:
    """Document text inside a table cell: one line, Markdown and HTML inert."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _link(path: str, line: int, options: RenderOptions) -> str:
    target = f"{options.link_base}{path}#L{line}".replace(" ", "%20").replace("(", "%28").replace(")", "%29")
    return f"[{escape(path)}:{line}]({target})"


def render(report: Report, options: RenderOptions) -> str:
    rows: list[tuple[int, str, int, int, str, str, str]] = []
    by_rule: Counter[tuple[str, str, str]] = Counter()
    by_severity: Counter[str] = Counter()
    for file in report.files:
        index = LineIndex(file.document.text)
        path = repo_path(file.path, options)
        for f in file.findings:
            line, col = index.position(f.span.start)
            rows.append((-f.severity.rank, path, line, col, f.code, f.rule, f.message))
            by_rule[(f.code, f.rule, f.severity.value)] += 1
            by_severity[f.severity.value] += 1
    rows.sort()
    total = len(rows)
    counts = ", ".join(_plural(by_severity.get(s.value, 0), s.value) for s in Severity)
    summary = f"**{_plural(total, 'finding')}** in {_plural(len(report.files), 'file')} ({counts})"
    if report.suppressed:
        summary += f", {report.suppressed} suppressed"
    if report.baselined:
        summary += f", {report.baselined} in the baseline"
    out = ["## citecheck", "", summary + ".", ""]
    if not rows:
        out.append("No findings. :white_check_mark:")
        return "\n".join(out) + "\n"
    out += ["| Rule | Severity | Findings |", "| --- | --- | ---: |"]
    for (code, name, severity), n in sorted(by_rule.items(), key=lambda kv: (-Severity(kv[0][2]).rank,
                                                                              kv[0])):
        rule = get_rule(code)
        label = f"[{code}]({rule.help_uri}) {name}" if rule else f"{code} {name}"
        out.append(f"| {label} | {_ICON[severity]} {severity} | {n} |")
    out += ["", "| Location | Severity | Rule | Message |", "| --- | --- | --- | --- |"]
    for rank, path, line, _col, code, _name, message in rows[:MAX_ROWS]:
        severity = {3: "error", 2: "warning", 1: "note"}[-rank]
        link = _link(path, line, options)
        out.append(f"| {link} | {_ICON[severity]} {severity} | {code} | {escape(message)} |")
    if total > MAX_ROWS:
        out += ["", f"… and {total - MAX_ROWS} more (run `citecheck audit` locally for the full list)."]
    return "\n".join(out) + "\n"
