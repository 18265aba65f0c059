"""A Markdown reader that keeps offsets: links, footnotes, reference definitions, emphasis.

It is not a renderer. It recognises the constructs that matter for citations (CommonMark
links with nested parentheses in URLs, reference definitions, footnotes, autolinks, inline
HTML links, emphasis used for titles) and the block structure (headings, quotes, list items,
code), and blanks their syntax in the prose view.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from citecheck.ingest.html import scan_inline_html
from citecheck.ingest.markup import Markup, iter_lines
from citecheck.model import BlockKind, Footnote, LinkOrigin, MarkupLink, Span

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}>[ ]?")
_LIST = re.compile(r"^[ \t]{0,8}(?:[-*+•]|\d{1,3}[.)])[ \t]+(?=\S)")
_REFDEF = re.compile(r"^ {0,3}\[(?!\^)([^\]\n]{1,200})\]:[ \t]*<?([^\s>]+)>?"
                     r"(?:[ \t]+(\"[^\"]*\"|'[^']*'|\([^)]*\)))?[ \t]*$")
_FOOTDEF = re.compile(r"^ {0,3}\[\^([^\]\s]{1,50})\]:[ \t]?")
_HR = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^\s<>]+)>", re.IGNORECASE)
_FOOTREF = re.compile(r"\[\^([^\]\s]{1,50})\](?!:)")
_EMPHASIS = re.compile(
    r"(?<![\w*\\])(\*{1,2})(?=[^\s*])(.+?)(?<=[^\s*\\])\1(?![\w*])"
    r"|(?<![\w\\])(_{1,2})(?=[^\s_])(.+?)(?<=[^\s_\\])\3(?!\w)"
)
_ESCAPE = re.compile(r"\\[\\`*_{}\[\]()#+\-.!<>|\"']")
_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\n.*?\n\1[ \t]*(?:\n|\Z)", re.DOTALL)


def parse_markdown(text: str) -> Markup:
    m = Markup.of(text)
    taken = bytearray(len(text))  # 1 where a construct was already consumed

    def take(start: int, end: int) -> None:
        taken[start:end] = b"\x01" * (end - start)

    def free(start: int, end: int) -> bool:
        return not any(taken[start:end])

    front = _FRONT_MATTER.match(text)
    body_start = 0
    if front:
        m.blank(front.start(), front.end())
        take(front.start(), front.end())
        body_start = front.end()
        for s, _e in iter_lines(text[: front.end()]):
            m.info(s).kind = BlockKind.CHROME

    fenced = _fenced_ranges(text, body_start)
    for comment in _COMMENT.finditer(text, body_start):
        if any(a <= comment.start() < b for a, b in fenced):
            continue  # an example in a code block is not a comment (nor a suppression)
        m.comments.append((comment.group(0), Span(comment.start(), comment.end())))
        m.blank(comment.start(), comment.end())
        take(comment.start(), comment.end())

    _scan_blocks(m, text, body_start, taken, take)

    for code in _CODE_SPAN.finditer(text, body_start):
        if "\n\n" in code.group(2) or not free(code.start(), code.end()):
            continue
        m.blank(code.start(), code.end())
        take(code.start(), code.end())

    _scan_links(m, text, body_start, take, free)

    for auto in _AUTOLINK.finditer(text, body_start):
        if not free(auto.start(), auto.end()):
            continue
        url_span = Span(auto.start(1), auto.end(1))
        m.links.append(MarkupLink(auto.group(1), Span(auto.start(), auto.end()), url_span, url_span,
                                  LinkOrigin.AUTOLINK))
        m.blank(auto.start(), auto.start() + 1)
        m.blank(auto.end() - 1, auto.end())
        take(auto.start(), auto.end())

    for ref in _FOOTREF.finditer(text, body_start):
        if not free(ref.start(), ref.end()):
            continue
        m.footnote_refs.append((ref.group(1), Span(ref.start(), ref.end())))
        m.blank(ref.start(), ref.end())
        take(ref.start(), ref.end())

    scan_inline_html(m, text, body_start, free, take)

    for emph in _EMPHASIS.finditer(text, body_start):
        marker = emph.group(1) or emph.group(3)
        inner_start = emph.start(2) if emph.group(1) else emph.start(4)
        inner_end = emph.end(2) if emph.group(1) else emph.end(4)
        if "\n\n" in text[inner_start:inner_end]:
            continue
        if not (free(emph.start(), inner_start) and free(inner_end, emph.end())):
            continue
        m.emphasis.append(Span(inner_start, inner_end))
        m.blank(emph.start(), emph.start() + len(marker))
        m.blank(emph.end() - len(marker), emph.end())

    for esc in _ESCAPE.finditer(text, body_start):
        if free(esc.start(), esc.end()):
            m.blank(esc.start(), esc.start() + 1)

    m.links.sort(key=lambda link: (link.span.start, link.span.end))
    m.emphasis.sort()
    return m


def _fenced_ranges(text: str, start: int) -> list[tuple[int, int]]:
    """Character ranges of fenced code blocks and inline code spans."""
    ranges: list[tuple[int, int]] = []
    fence: tuple[str, int] | None = None
    for line_start, line_end in iter_lines(text):
        if line_start < start:
            continue
        line = text[line_start:line_end]
        opened = _FENCE.match(line)
        if fence is None and opened:
            fence = (opened.group(1)[0] * 3, line_start)
        elif fence is not None and line.strip().startswith(fence[0]):
            ranges.append((fence[1], line_end))
            fence = None
    if fence is not None:
        ranges.append((fence[1], len(text)))
    ranges += [(m.start(), m.end()) for m in _CODE_SPAN.finditer(text, start) if "\n\n" not in m.group(2)]
    return ranges


def _scan_blocks(m: Markup, text: str, body_start: int, taken: bytearray, take: Callable[[int, int], None]) -> None:
    fence: str | None = None
    footnote: tuple[str, int, int] | None = None  # label, definition start, body start
    footnote_end = 0
    previous_blank = True
    previous_start = -1
    for start, end in iter_lines(text):
        if start < body_start:
            continue
        line = text[start:end]
        info = m.info(start)
        if fence is not None:
            info.kind = BlockKind.CODE
            m.blank(start, end)
            take(start, end)
            if line.strip().startswith(fence):
                fence = None
            continue
        opened = _FENCE.match(line)
        if opened:
            fence = opened.group(1)[0] * 3
            info.kind = BlockKind.CODE
            m.blank(start, end)
            take(start, end)
            continue
        if end > start and all(taken[start:end]):
            continue
        blank_line = not line.strip()
        if footnote is not None:
            if blank_line or line.startswith(("    ", "\t")):
                footnote_end = end if not blank_line else footnote_end
            else:
                _close_footnote(m, text, footnote, footnote_end)
                footnote = None
        offset = start
        rest = line
        depth = 0
        while True:
            q = _QUOTE.match(rest)
            if not q:
                break
            depth += 1
            m.blank(offset, offset + q.end())
            offset += q.end()
            rest = rest[q.end():]
        info.quote_depth = depth
        if depth:
            info.kind = BlockKind.QUOTE
        if _HR.match(rest) and (previous_blank or not rest.strip().startswith("-")):
            m.blank(offset, end, breaks=False)
            info.kind = BlockKind.CHROME
        elif (h := _HEADING.match(rest)) is not None:
            info.kind = BlockKind.HEADING
            info.heading_level = len(h.group(1))
            m.blank(offset, offset + h.end())
            trailing = re.search(r"[ \t]+#+[ \t]*$", rest)
            if trailing:
                m.blank(offset + trailing.start(), end)
        elif (sx := _SETEXT.match(rest)) is not None and not previous_blank and previous_start >= 0:
            m.blank(offset, end)
            prev = m.info(previous_start)
            prev.kind = BlockKind.HEADING
            prev.heading_level = 1 if sx.group(1)[0] == "=" else 2
            info.kind = BlockKind.CHROME
        elif (fd := _FOOTDEF.match(rest)) is not None:
            info.kind = BlockKind.REFERENCE
            info.item_start = True
            m.blank(offset, offset + fd.end())
            footnote = (fd.group(1), offset, offset + fd.end())
            footnote_end = end
        elif (rd := _REFDEF.match(rest)) is not None:
            info.kind = BlockKind.REFERENCE
            info.item_start = True
            url_start = offset + rd.start(2)
            url_span = Span(url_start, url_start + len(rd.group(2)))
            m.links.append(MarkupLink(rd.group(2), Span(offset, end), url_span,
                                      Span(offset + 1, offset + 1 + len(rd.group(1))), LinkOrigin.REFERENCE))
            m.blank(offset, end)
            take(offset, end)
        elif (li := _LIST.match(rest)) is not None:
            if not depth:
                info.kind = BlockKind.LIST_ITEM
            info.item_start = True
            m.blank(offset, offset + li.end())
        elif footnote is not None and not blank_line:
            info.kind = BlockKind.REFERENCE
        previous_blank = blank_line
        previous_start = start
    if footnote is not None:
        _close_footnote(m, text, footnote, footnote_end)


def _close_footnote(m: Markup, text: str, footnote: tuple[str, int, int], end: int) -> None:
    label, def_start, body_start = footnote
    end = max(end, body_start)
    while end > body_start and text[end - 1].isspace():
        end -= 1
    m.footnotes.append(Footnote(label, Span(def_start, end), Span(body_start, end)))


def _matching(text: str, start: int, open_ch: str, close_ch: str, limit: int) -> int:
    """Index of the bracket closing the one at ``start``, or -1."""
    depth = 0
    i = start
    end = min(len(text), start + limit)
    while i < end:
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == open_ch:
            depth += 1
        elif c == close_ch:
            depth -= 1
            if depth == 0:
                return i
        elif c == "\n" and i + 1 < end and text[i + 1] == "\n":
            return -1
        i += 1
    return -1


_LINK_DEST = re.compile(r"\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
                        r"(?:\s+(\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")


def _scan_links(m: Markup, text: str, body_start: int, take: Callable[[int, int], None],
                free: Callable[[int, int], bool]) -> None:
    definitions = {
        text[link.anchor.start:link.anchor.end].strip().lower(): link.url
        for link in m.links
        if link.origin is LinkOrigin.REFERENCE and link.anchor is not None
    }
    i = text.find("[", body_start)
    while i != -1:
        if (i > 0 and text[i - 1] == "\\") or not free(i, i + 1) or text.startswith("[^", i):
            i = text.find("[", i + 1)
            continue
        close = _matching(text, i, "[", "]", 2000)
        if close == -1:
            i = text.find("[", i + 1)
            continue
        image = i > 0 and text[i - 1] == "!"
        start = i - 1 if image else i
        anchor = Span(i + 1, close)
        after = close + 1
        dest = _LINK_DEST.match(text, after) if after < len(text) and text[after] == "(" else None
        url: str | None = None
        url_span: Span | None = None
        end = after
        origin = LinkOrigin.MARKDOWN
        if dest is not None:
            raw = dest.group(1)
            url_start = dest.start(1)
            if raw.startswith("<"):
                raw = raw[1:-1]
                url_start += 1
            url, url_span, end = raw, Span(url_start, url_start + len(raw)), dest.end()
        else:
            ref = re.match(r"\[([^\]\n]*)\]", text[after:after + 300])
            key = (ref.group(1) if ref and ref.group(1) else text[anchor.start:anchor.end]).strip().lower()
            if key in definitions:
                url = definitions[key]
                end = after + (ref.end() if ref else 0)
                origin = LinkOrigin.REFERENCE
        if url is None or not free(start, end):
            i = text.find("[", i + 1)
            continue
        m.links.append(MarkupLink(url, Span(start, end), url_span or Span(start, end), anchor, origin, image=image))
        if image:
            m.blank(start, end)
        else:
            m.blank(start, anchor.start)
            m.blank(anchor.end, end)
        take(start, anchor.start)
        take(anchor.end, end)
        if image:
            take(anchor.start, anchor.end)
        i = text.find("[", anchor.start)
