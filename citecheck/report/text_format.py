"""The readable report: grouped by file and by post, colour only when asked (a TTY without NO_COLOR)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from citecheck.model import FileReport, Finding, Report, Severity
from citecheck.textspan import LineIndex

if TYPE_CHECKING:
    from citecheck.report import RenderOptions

_COLORS = {"error": "\x1b[31m", "warning": "\x1b[33m", "note": "\x1b[36m", "bold": "\x1b[1m", "dim": "\x1b[2m",
           "reset": "\x1b[0m"}


class _Paint:
    def __init__(self, on: bool) -> None:
        self.on = on

    def __call__(self, style: str, text: str) -> str:
        return f"{_COLORS[style]}{text}{_COLORS['reset']}" if self.on else text


def _group_label(file: FileReport, finding: Finding) -> str:
    post = file.document.post_at(finding.span.start)
    if post is None:
        return ""
    who = f" ({post.author})" if post.author else ""
    return f"{post.label}{who}"


def render_file(file: FileReport, paint: _Paint, show_fixes: bool = True) -> list[str]:
    index = LineIndex(file.document.text)
    lines = [paint("bold", file.path)]
    unresolved = sum(1 for s in file.sources if s.ref is None)
    lines.append(paint("dim", f"  {len(file.sources)} sources ({len(file.sources) - unresolved} in the catalogue), "
                              f"{len(file.links)} links, {len(file.claims)} claims "
                              f"({sum(1 for c in file.claims if not c.supported)} unsupported)"))
    current = None
    for f in file.findings:
        label = _group_label(file, f)
        if label != current and label:
            lines.append(f"  {paint('bold', label)}")
        current = label
        line, column = index.position(f.span.start)
        indent = "    " if label else "  "
        severity = paint(f.severity.value, f"{f.severity.value:<7}")
        lines.append(f"{indent}{line}:{column} {severity} {f.code} {f.rule}  {f.message}")
        if show_fixes and f.fix is not None:
            lines.append(f"{indent}    fix: {f.fix.replacement!s}")
    if not file.findings:
        lines.append("  no findings")
    return lines


def render(report: Report, options: RenderOptions) -> str:
    stream = Stream(options)
    return stream.begin() + "".join(stream.file(f) for f in report.files) + stream.end(
        baselined=report.baselined, suppressed=report.suppressed)


class Stream:
    """The text report, written file by file."""

    def __init__(self, options: RenderOptions) -> None:
        self.paint = _Paint(options.color)
        self.show_fixes = options.show_fixes
        self.counts: Counter[str] = Counter()
        self.files = 0

    def begin(self) -> str:
        return ""

    def file(self, file: FileReport) -> str:
        self.files += 1
        self.counts.update(f.severity.value for f in file.findings)
        return "\n".join(render_file(file, self.paint, self.show_fixes)) + "\n\n"

    def end(self, *, baselined: int = 0, suppressed: int = 0) -> str:
        return self.paint("bold", summary_line(self.files, self.counts, baselined, suppressed)) + "\n"


def summary_line(files: int, counts: Counter[str], baselined: int, suppressed: int) -> str:
    total = sum(counts.values())
    parts = [f"{counts.get(s.value, 0)} {s.value}{'s' if counts.get(s.value, 0) != 1 else ''}" for s in Severity]
    summary = f"{files} file{'s' if files != 1 else ''}, {total} finding" \
              f"{'s' if total != 1 else ''} ({', '.join(parts)})"
    if suppressed:
        summary += f", {suppressed} suppressed"
    if baselined:
        summary += f", {baselined} in the baseline"
    return summary
