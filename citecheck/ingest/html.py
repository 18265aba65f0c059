"""An HTML reader that keeps offsets: visible text, ``<a href>`` targets with their anchors.

Tags are blanked in the prose view (block-level tags become line breaks), entities are
replaced by the character they stand for followed by spaces, and the content of scripts,
styles and other invisible elements is blanked.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from citecheck.ingest.markup import Markup
from citecheck.model import BlockKind, LinkOrigin, MarkupLink, Span

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*/?>")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_DECL = re.compile(r"<![a-zA-Z][^>]*>|<\?[^>]*>|<!\[CDATA\[.*?\]\]>", re.DOTALL)
_ENTITY = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_CITE = re.compile(r"""\bcite\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas")
_CHROME = ("nav", "footer", "aside", "form", "button", "select")
_CHROME_CLASS = re.compile(
    r"\s(?:class|id|role)\s*=\s*[\"']?[^\"'>]*\b(?:breadcrumbs?|navbar|nav-?menu|site-?nav|skip-?links?|"
    r"cookie-?(?:banner|notice)|share-?buttons?|social-?(?:share|links)|navigation|top-?bar|utility-?(?:bar|nav)|"
    r"site-?header|masthead)\b", re.IGNORECASE)
# a sidebar of reading is content: <aside class="further-reading"><h3>Find out more</h3>...
_READING_ASIDE = re.compile(
    r"\b(?:(?:further|suggested|recommended|more|background)[ _-]?reading|sources?|references|bibliography|"
    r"find[ _-]out[ _-]more|learn[ _-]more|read[ _-]more|see[ _-]also|citations|works[ _-]cited)\b", re.IGNORECASE)
_TAG_OR_SPACE = re.compile(r"<[^>]*>|\s+")
_TITLE_TAGS = frozenset({"cite", "em", "i"})
_BLOCK = frozenset(
    ["p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
     "table", "tr", "td", "th", "thead", "tbody", "tfoot", "section", "article", "header", "footer", "main", "hr",
     "title", "figure", "figcaption", "aside", "nav", "address", "details", "summary", "body", "html", "form",
     "fieldset", "caption"]
)


def _attribute(pattern: re.Pattern[str], tag: re.Match[str]) -> tuple[str, Span] | None:
    """An attribute's value (``href``, ``cite``) in a tag found by ``_TAG``: the value with its entities
    replaced, and where the value stands in the source."""
    found = pattern.search(tag.group(3) or "")
    if not found:
        return None
    gi = 1 if found.group(1) is not None else 2 if found.group(2) is not None else 3
    raw = found.group(gi)
    value_start = tag.start(3) + found.start(gi)
    return html.unescape(raw), Span(value_start, value_start + len(raw))


_Anchor = tuple[int, int, str, Span]  # an open <a href>: tag start, tag end, URL, where the URL stands


def _anchor_tag(m: Markup, tag: re.Match[str], closing: bool, open_anchor: _Anchor | None) -> _Anchor | None:
    """An ``<a>`` tag: an opening one with an href opens a link, a closing one ends the open link and
    records it. Returns the link left open."""
    if not closing:
        href = _attribute(_HREF, tag)
        return open_anchor if href is None else (tag.start(), tag.end(), *href)
    if open_anchor is not None:
        a_start, a_end, url, url_span = open_anchor
        m.links.append(MarkupLink(url, Span(a_start, tag.end()), url_span, Span(a_end, tag.start()),
                                  LinkOrigin.HTML))
    return None


_WORD_PIECE = re.compile(rf"[^\W\d_]{{1,40}}|{_ENTITY.pattern}")
_APOSTROPHES = "'’ʼ"


def _entity_char(entity: str) -> str | None:
    char = html.unescape(entity)
    if len(char) != 1:
        return None
    return " " if char in "\u00a0\u200b" else char


def _in_word(char: str, previous: str) -> bool:
    """An entity's character that belongs to the word around it: a letter, or an apostrophe after one."""
    return char.isalpha() or (char in _APOSTROPHES and previous.isalpha())


def _word_after(text: str, first: str, pos: int, end: int) -> tuple[str, int]:
    """The rest of a word that an entity opens or continues ("tain&#8217;s" after "P&eacute;"),
    decoded, and where it ends in the source."""
    pieces: list[str] = []
    previous = first
    while (piece := _WORD_PIECE.match(text, pos, end)) is not None:
        raw = piece.group(0)
        if raw.startswith("&"):
            char = _entity_char(raw)
            if char is None or not _in_word(char, previous):
                break
            raw = char
        pieces.append(raw)
        previous = raw[-1]
        pos = piece.end()
    return "".join(pieces), pos


def _blank_entities(m: Markup, text: str, start: int, end: int,
                    free: Callable[[int, int], bool] | None = None) -> None:
    """Each entity becomes its character followed by spaces. Inside a word ("P&eacute;tain",
    "Churchill&#8217;s") the rest of the word moves up against the character, and the spaces go after
    the word, so that the prose reads "Pétain" rather than "Pé      tain"."""
    done = start
    for ent in _ENTITY.finditer(text, start, end):
        if ent.start() < done or (free is not None and not free(ent.start(), ent.end())):
            continue
        char = _entity_char(ent.group(0))
        if char is None:
            continue
        in_word = _in_word(char, text[ent.start() - 1:ent.start()])
        rest, rest_end = _word_after(text, char, ent.end(), end) if in_word else ("", ent.end())
        if rest and (free is None or free(ent.end(), rest_end)):
            word = char + rest
            m.replace(ent.start(), rest_end, word + " " * (rest_end - ent.start() - len(word)))
            done = rest_end
        else:
            m.replace(ent.start(), ent.end(), char + " " * (ent.end() - ent.start() - 1))


def scan_inline_html(m: Markup, text: str, start: int, free: Callable[[int, int], bool],
                     take: Callable[[int, int], None]) -> None:
    """Inline HTML inside Markdown: ``<br>``, ``<a href>``, ``<sup>``... and entities."""
    open_anchor: _Anchor | None = None
    for tag in _TAG.finditer(text, start):
        if not free(tag.start(), tag.end()):
            continue
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        m.blank(tag.start(), tag.end(), breaks=name in _BLOCK)
        take(tag.start(), tag.end())
        if name == "a":
            open_anchor = _anchor_tag(m, tag, closing, open_anchor)
    _blank_entities(m, text, start, len(text), free)


def _page_link(m: Markup, tag: re.Match[str]) -> None:
    """An absolute link in navigation, header, footer or <head> (``<link rel="canonical" href=...>``)."""
    href = _attribute(_HREF, tag)
    if href is None:
        return
    url, url_span = href
    if re.match(r"https?://", url.strip(), re.IGNORECASE):
        m.links.append(MarkupLink(url, Span(tag.start(), tag.end()), url_span, None, LinkOrigin.PAGE))


_NOTE_NUMBER = re.compile(r"<sup\b[^>]*>\s*(?:<a\b[^>]*>\s*)?\[?(?P<num>\d{1,3})\]?\s*(?:</a>\s*)?</sup>",
                          re.IGNORECASE)


def _bracket_note_numbers(m: Markup, text: str, hidden: bytearray) -> None:
    """A note number set as ``<sup><a href="#ref1">1</a></sup>`` reads "[1]" in the prose view, as a
    footnote marker does in plain text: the blanked tags on either side give up one character each."""
    notes = [n for n in _NOTE_NUMBER.finditer(text) if not hidden[n.start()] and text[n.start("num") - 1] != "["]
    if not notes:
        return
    ends = {end: i for i, (_start, end, _rep) in enumerate(m.edits)}
    starts = {start: i for i, (start, _end, _rep) in enumerate(m.edits)}
    for note in notes:
        before, after = ends.get(note.start("num")), starts.get(note.end("num"))
        if before is None or after is None:
            continue
        s0, e0, rep = m.edits[before]
        m.edits[before] = (s0, e0, rep[:-1] + "[")
        s1, e1, rep = m.edits[after]
        m.edits[after] = (s1, e1, "]" + rep[1:])


def _reading_aside(text: str, tag: re.Match[str]) -> bool:
    """An <aside> that lists reading or sources, by its class or its opening words ("Find out more",
    "Further reading", "Sources"), rather than a sidebar of site furniture."""
    if _READING_ASIDE.search(tag.group(0)):
        return True
    opening = _TAG_OR_SPACE.sub(" ", text[tag.end():tag.end() + 300])[:60]
    return _READING_ASIDE.search(opening) is not None


def parse_html(text: str) -> Markup:
    m = Markup.of(text)
    for comment in _COMMENT.finditer(text):
        m.comments.append((comment.group(0), Span(comment.start(), comment.end())))
        m.blank(comment.start(), comment.end())
    hidden = bytearray(len(text))
    for comment in _COMMENT.finditer(text):
        hidden[comment.start():comment.end()] = b"\x01" * (comment.end() - comment.start())
    for decl in _DECL.finditer(text):
        if not hidden[decl.start()]:
            m.blank(decl.start(), decl.end())
    invisible_from: dict[str, int] = {}
    chrome_by_class: set[str] = set()
    quote_depth = 0
    region_stack: list[tuple[BlockKind, int, int]] = []  # kind, start, heading level
    anchor: _Anchor | None = None
    title_from: dict[str, int] = {}
    for tag in _TAG.finditer(text):
        if hidden[tag.start()]:
            continue
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        if not closing and name in ("a", "link") and (invisible_from or name == "link"):
            _page_link(m, tag)  # a link in the page's furniture is still a link to check
        if invisible_from and name not in invisible_from:
            continue
        m.blank(tag.start(), tag.end(), breaks=name in _BLOCK)
        if name == "footer" and quote_depth > 0 and "footer" not in invisible_from:
            continue  # <blockquote><p>...</p><footer>— Author, Work</footer>: the quotation's attribution
        by_class = not closing and name not in _INVISIBLE and _CHROME_CLASS.search(tag.group(0)) is not None
        if name == "aside" and not closing and not by_class and _reading_aside(text, tag):
            continue
        if name in _INVISIBLE or name in _CHROME or by_class or name in chrome_by_class:
            if not closing:
                invisible_from.setdefault(name, tag.end())
                if by_class:
                    chrome_by_class.add(name)  # <p class="breadcrumb">: furniture in an ordinary element
            elif name in invisible_from:
                begin = invisible_from.pop(name)
                m.blank(begin, tag.start())
                if name in _CHROME or name in chrome_by_class:
                    m.regions.append((Span(begin, tag.start()), BlockKind.CHROME, 0, 0))
                chrome_by_class.discard(name)
            continue
        if name == "a":
            anchor = _anchor_tag(m, tag, closing, anchor)
            continue
        if name in _TITLE_TAGS:
            # <cite> is the title of a work by definition; <em> and <i> often are
            if not closing:
                title_from[name] = tag.end()
            elif name in title_from:
                m.emphasis.append(Span(title_from.pop(name), tag.start()))
            continue
        if name in ("blockquote", "q") and not closing:
            cite = _attribute(_CITE, tag)
            if cite is not None:
                url, url_span = cite
                # the quotation's source, named in markup: a link the reader does not see
                m.links.append(MarkupLink(url, Span(tag.start(), tag.end()), url_span, None, LinkOrigin.HTML))
        kind = {
            "blockquote": BlockKind.QUOTE, "li": BlockKind.LIST_ITEM, "pre": BlockKind.CODE,
            "code": BlockKind.CODE, "title": BlockKind.HEADING,
        }.get(name)
        level = 0
        if re.fullmatch(r"h[1-6]", name):
            kind, level = BlockKind.HEADING, int(name[1])
        if kind is None:
            continue
        if name == "blockquote":
            quote_depth += -1 if closing else 1
        if not closing:
            region_stack.append((kind, tag.end(), level))
        else:
            for i in range(len(region_stack) - 1, -1, -1):
                if region_stack[i][0] is kind:
                    _, begin, lvl = region_stack.pop(i)
                    depth = quote_depth + 1 if kind is BlockKind.QUOTE else quote_depth
                    m.regions.append((Span(begin, tag.start()), kind, depth, lvl))
                    if kind is BlockKind.CODE:
                        m.blank(begin, tag.start())
                    break
    _blank_entities(m, text, 0, len(text), lambda s, e: not hidden[s])
    _bracket_note_numbers(m, text, hidden)
    m.links.sort(key=lambda link: (link.span.start, link.span.end))
    m.emphasis.sort()
    m.regions.sort(key=lambda r: (r[0].start, -r[0].end))
    return m
