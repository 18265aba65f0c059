"""Block structure of the prose view: paragraphs, headings, list items, quotes, references."""

from __future__ import annotations

import re

from citecheck.ingest.markup import LineInfo, Markup, iter_lines
from citecheck.ingest.pages import mark_page_notes
from citecheck.model import Block, BlockKind, Post, Span

_TEXT_LIST = re.compile(r"(?m)^[ \t]{0,8}(?:[-*+•·▪◦–]|\d{1,3}[.)]|[a-z][.)])[ \t]+(?=\S)")
REFERENCE_HEADING = re.compile(
    r"^\s*(?:[*_]{1,3})?(?:\d+\.?\s*)?(?:references?(?:\s*(?:and|&)\s*further reading)?|bibliography|"
    # "References cited in this report", "Works cited in this review"
    r"(?:references?|works|sources)\s+(?:cited|used|quoted|mentioned)(?:\s+(?:in|for)\s+this\s+[a-z]+)?|"
    r"select(?:ed)? bibliography|"
    r"works cited|works consulted|works referenced|sources?(?:\s*(?:and|&)\s*further reading)?|"
    r"further reading(?:\s*(?:and|&)\s*(?:viewing|listening|watching))?|"
    r"(?:suggested|recommended|additional|essential|background|wider|core)(?:\s+further)?\s+reading|"
    r"reading list|literature|notes|endnotes|footnotes|citations|"
    r"primary sources|secondary sources|sources consulted|sources used|books(?: mentioned| used| cited| recommended)?|"
    r"recommended books|what I['’]m reading|"
    r"(?:online|web|internet|digital)(?:[ \t]*(?:/|and|&)[ \t]*media)?(?:[ \t]+(?:resources|sources))?|"
    r"(?:useful[ \t]+)?(?:links|resources)|films?[ \t]+and[ \t]+documentaries|documentaries|podcasts)"
    # "Further reading, if anyone wants it:", "References (partial)"
    # "**Sources and further reading**" in a plain-text post written in Markdown
    r"(?:[*_]{1,3})?(?:,[^:\n]{0,40}:|\s*(?:\([^()\n]{1,30}\))?\s*:?)(?:[*_]{1,3})?\s*(?:\[\s*edit\s*\]\s*)?$",
    re.IGNORECASE,
)
_NUMBERED_CAPS_HEADING = re.compile(r"[ \t]{0,8}\d{1,2}[.)][ \t]+(?=(?:[^a-z\n]*[A-Z]){3})[^a-z\n.!?:]{3,60}?[ \t]*")
_HEADING_LINE = re.compile(r"(?m)^([^\n]{3,40})\n(?=[ \t]*\S)")
_TEXT_EMPHASIS = re.compile(r"(?<![\w*\\])(\*{1,2}|_{1,2})(?=[^\s*_])([^\n]+?)(?<=[^\s*_\\])\1(?![\w*])")
_TEXT_QUOTE = re.compile(r"(?m)^[ \t]*>[ ]?")  # also the indented replies of copied comment threads


def parse_text(text: str) -> Markup:
    """Plain text: list items, ``>`` quote lines and the notes of a copied PDF page; everything else
    is left as written."""
    m = Markup.of(text)
    for quote in _TEXT_QUOTE.finditer(text):
        info = m.info(quote.start())
        info.kind, info.quote_depth = BlockKind.QUOTE, 1
        m.blank(quote.start(), quote.end())
    for item in _TEXT_LIST.finditer(text):
        if item.start() in m.line_info:
            continue
        info = m.info(item.start())
        line_end = text.find("\n", item.end())
        if _NUMBERED_CAPS_HEADING.fullmatch(text, item.start(), len(text) if line_end == -1 else line_end):
            info.kind, info.heading_level = BlockKind.HEADING, 0  # "3. FURTHER READING": a numbered section
        else:
            info.kind, info.item_start = BlockKind.LIST_ITEM, True
        m.blank(item.start(), item.end())
    for heading in _HEADING_LINE.finditer(text):
        line = heading.group(1).strip()
        if REFERENCE_HEADING.match(line) and not line.endswith(":") and heading.start() not in m.line_info:
            info = m.info(heading.start())
            # "References" over the first entry; no level: the list ends where the entries do
            info.kind, info.heading_level = BlockKind.HEADING, 0
    for emph in _TEXT_EMPHASIS.finditer(text):
        # "*The Nazi Olympics*" in a post written in Markdown and saved as text: a title in italics
        if not re.search(r"[A-Za-z]", emph.group(2)):
            continue
        marker = len(emph.group(1))
        m.emphasis.append(Span(emph.start(2), emph.end(2)))
        m.blank(emph.start(), emph.start() + marker)
        m.blank(emph.end() - marker, emph.end())
    m.emphasis.sort()
    mark_page_notes(text, m)
    return m


_VISIBLE = re.compile(r"\S")


class _RegionSweep:
    """Innermost markup region at increasing offsets, in one pass over the sorted regions."""

    def __init__(self, markup: Markup, prose: str) -> None:
        self._regions = markup.regions
        self._next = 0
        self._active: list[tuple[Span, BlockKind, int, int]] = []
        self._prose = prose

    def info(self, line_start: int, line_end: int) -> LineInfo | None:
        line = self._prose[line_start:line_end]
        offset = line_start + (len(line) - len(line.lstrip()))
        while self._next < len(self._regions) and self._regions[self._next][0].start <= offset:
            self._active.append(self._regions[self._next])
            self._next += 1
        self._active = [r for r in self._active if r[0].end > offset]
        if not self._active:
            return None
        span, kind, depth, level = max(self._active, key=lambda r: (r[0].start, -r[0].end))
        first = _VISIBLE.search(self._prose, span.start, span.end)
        opens = first is not None and line_start <= first.start() < line_end
        return LineInfo(kind=kind, quote_depth=depth, heading_level=level,
                        item_start=opens and kind is BlockKind.LIST_ITEM)


def segment_blocks(prose: str, markup: Markup, posts: tuple[Post, ...], chrome: tuple[Span, ...]) -> tuple[Block, ...]:
    blocks: list[Block] = []
    current: tuple[int, int, LineInfo] | None = None

    def post_of(offset: int) -> int | None:
        for post in posts:
            if post.span.start <= offset < post.span.end:
                return post.index
        return None

    def flush() -> None:
        nonlocal current
        if current is not None:
            start, end, info = current
            kind = info.kind if info.kind is not BlockKind.CHROME else BlockKind.PARAGRAPH
            blocks.append(Block(kind, Span(start, end), post_of(start), info.quote_depth, info.heading_level))
        current = None

    sweep = _RegionSweep(markup, prose) if markup.regions else None
    chrome_ends = {c.start: c.end for c in chrome}  # a chat message's header is chrome, its text is not
    for start, end in iter_lines(prose):
        line = prose[start:end]
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        info = markup.line_info.get(start)
        if info is None and sweep is not None:
            info = sweep.info(start, end)
        if info is None:
            info = LineInfo()
        if info.kind in (BlockKind.CODE, BlockKind.CHROME) or chrome_ends.get(start, -1) >= start + len(line.rstrip()):
            flush()
            continue
        lead = len(line) - len(line.lstrip())
        first = start + lead
        last = start + len(line.rstrip())
        starts_new = (
            current is None
            or info.kind is BlockKind.HEADING
            or info.item_start
            or current[2].kind is BlockKind.HEADING
            or info.quote_depth != current[2].quote_depth
            or (post_of(first) != post_of(current[0]))
        )
        if starts_new:
            flush()
            current = (first, last, info)
        else:
            assert current is not None
            current = (current[0], last, current[2])
    flush()
    return tuple(blocks)
