"""Quotations in prose: text in double quotation marks (straight, curly or guillemets), and
single curly quotes that span several words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.model import Span

_PAIRS = (
    re.compile(r"“([^“”\n]{1,2000}?(?:\n[^“”\n]{1,2000}?){0,6})”"),
    re.compile(r"«\s?([^«»]{1,2000}?)\s?»"),
    re.compile(r"„([^„“”\n]{1,2000}?)[“”]"),
    re.compile(r"‘([^‘’\n]{3,600}?)’(?![a-z])"),
)
_STRAIGHT = re.compile(r'"')


@dataclass(frozen=True, slots=True)
class Quote:
    span: Span  # including the quotation marks
    inner: Span

    def words(self, prose: str) -> int:
        return len(prose[self.inner.start:self.inner.end].split())


def find_quotes(prose: str, start: int = 0, end: int | None = None) -> list[Quote]:
    end = len(prose) if end is None else end
    found: list[Quote] = []
    for pattern in _PAIRS:
        for m in pattern.finditer(prose, start, end):
            if pattern.pattern.startswith("‘") and len(m.group(1).split()) < 3:
                continue
            found.append(Quote(Span(m.start(), m.end()), Span(m.start(1), m.end(1))))
    found.extend(_straight_quotes(prose, start, end))
    found.sort(key=lambda q: (q.span.start, -q.span.end))
    out: list[Quote] = []
    for quote in found:
        if out and quote.span.start < out[-1].span.end:
            continue
        out.append(quote)
    return out


def _straight_quotes(prose: str, start: int, end: int) -> list[Quote]:
    """Pair straight double quotes paragraph by paragraph; an odd one out is left unpaired."""
    out: list[Quote] = []
    para_start = start
    while para_start < end:
        para_end = prose.find("\n\n", para_start, end)
        para_end = end if para_end == -1 else para_end
        marks = [m.start() for m in _STRAIGHT.finditer(prose, para_start, para_end)]
        i = 0
        while i + 1 < len(marks):
            a, b = marks[i], marks[i + 1]
            inner = prose[a + 1:b]
            opens = a == para_start or not prose[a - 1].isalnum()
            closes = b + 1 >= len(prose) or not prose[b + 1].isalnum()
            if opens and closes and inner.strip() and inner.count("\n") <= 8:
                out.append(Quote(Span(a, b + 1), Span(a + 1, b)))
                i += 2
            else:
                i += 1
        para_start = para_end + 2
    return out
