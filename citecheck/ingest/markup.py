"""What a markup parser hands to the rest of ingest: a same-length prose view plus structure.

Parsers never rewrite text. They copy it into a mutable buffer and overwrite markup characters
with spaces (a tag that ends a block becomes a line break followed by spaces), so that offsets
in the prose view are offsets in the original file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citecheck.model import BlockKind, Footnote, MarkupLink, Span

_NOT_NEWLINE = re.compile(r"[^\n]")


@dataclass(slots=True)
class LineInfo:
    kind: BlockKind = BlockKind.PARAGRAPH
    quote_depth: int = 0
    heading_level: int = 0
    item_start: bool = False  # the line opens a list item / footnote / reference entry


@dataclass(slots=True)
class Markup:
    text: str
    edits: list[tuple[int, int, str]] = field(default_factory=list)  # same-length replacements
    links: list[MarkupLink] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    footnote_refs: list[tuple[str, Span]] = field(default_factory=list)
    emphasis: list[Span] = field(default_factory=list)
    comments: list[tuple[str, Span]] = field(default_factory=list)
    line_info: dict[int, LineInfo] = field(default_factory=dict)  # line start offset -> info
    # HTML structure does not follow lines: (span, kind, quote depth, heading level)
    regions: list[tuple[Span, BlockKind, int, int]] = field(default_factory=list)

    @classmethod
    def of(cls, text: str) -> Markup:
        return cls(text=text)

    def blank(self, start: int, end: int, *, breaks: bool = False) -> None:
        """Overwrite [start, end) with spaces, keeping line breaks; ``breaks`` makes the first
        characters line breaks so that the blanked markup ends a block (``<p>``, ``<br>``)."""
        if end <= start:
            return
        chunk = self.text[start:end]
        blanked = _NOT_NEWLINE.sub(" ", chunk) if "\n" in chunk else " " * len(chunk)
        if breaks:
            blanked = ("\n\n" + blanked[2:]) if len(blanked) >= 2 else "\n"
        self.edits.append((start, end, blanked))

    def replace(self, start: int, end: int, replacement: str) -> None:
        """Overwrite [start, end) with a string of the same length."""
        assert len(replacement) == end - start
        self.edits.append((start, end, replacement))

    def prose(self) -> str:
        if not self.edits:
            return self.text
        text = self.text
        pieces: list[str] = []
        cursor = 0
        for start, end, replacement in sorted(self.edits, key=lambda e: (e[0], -e[1])):
            if end <= cursor:
                continue
            if start < cursor:
                replacement = replacement[cursor - start:]
                start = cursor
            pieces.append(text[cursor:start])
            pieces.append(replacement)
            cursor = end
        pieces.append(text[cursor:])
        return "".join(pieces)

    def info(self, line_start: int) -> LineInfo:
        found = self.line_info.get(line_start)
        if found is None:
            found = LineInfo()
            self.line_info[line_start] = found
        return found


def iter_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, end excluding the line break."""
    out: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while start <= n:
        end = text.find("\n", start)
        if end == -1:
            out.append((start, n))
            break
        out.append((start, end))
        start = end + 1
    return out
