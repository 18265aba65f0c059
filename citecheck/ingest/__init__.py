"""Reading documents: files and directories in, :class:`~citecheck.model.Document` values out."""

from __future__ import annotations

import re

from citecheck.ingest.blocks import parse_text, segment_blocks
from citecheck.ingest.forum import detect_thread
from citecheck.ingest.html import parse_html
from citecheck.ingest.markdown import parse_markdown
from citecheck.ingest.markup import Markup, iter_lines
from citecheck.ingest.reader import STDIN, RawText, collect_paths, read_text
from citecheck.ingest.wikitext import wikitext_markup
from citecheck.ingest.wrapping import unwrap
from citecheck.model import BlockKind, DocFormat, Document, Span

__all__ = ["STDIN", "RawText", "build_document", "collect_paths", "document_from_text", "read_text"]

_NOT_NEWLINE = re.compile(r"[^\n]")


def _parse(text: str, fmt: DocFormat) -> Markup:
    match fmt:
        case DocFormat.MARKDOWN:
            return parse_markdown(text)
        case DocFormat.HTML:
            return parse_html(text)
        case DocFormat.TEXT:
            return parse_text(text)


def _blank_spans(prose: str, spans: tuple[Span, ...]) -> str:
    if not spans:
        return prose
    pieces: list[str] = []
    cursor = 0
    for span in sorted(spans):
        if span.start < cursor:
            continue
        pieces.append(prose[cursor:span.start])
        pieces.append(_NOT_NEWLINE.sub(" ", prose[span.start:span.end]))
        cursor = span.end
    pieces.append(prose[cursor:])
    return "".join(pieces)


def build_document(raw: RawText) -> Document:
    text = raw.text
    markup = _parse(text, raw.format)
    prose = markup.prose()
    if prose.startswith("\ufeff"):
        prose = " " + prose[1:]
    if "\r" in prose:
        prose = prose.replace("\r", " ")
    prose = _blank_spans(prose, tuple(wikitext_markup(prose)))
    layout = detect_thread(prose)
    prose = _blank_spans(prose, layout.chrome)
    for quote in layout.quotes:
        for start, _end in iter_lines(prose[quote.start:quote.end]):
            info = markup.info(quote.start + start)
            info.kind, info.quote_depth = BlockKind.QUOTE, max(1, info.quote_depth)
    blocks = segment_blocks(prose, markup, layout.posts, layout.chrome)
    prose = unwrap(prose, text)
    assert len(prose) == len(text)
    return Document(
        path=raw.path,
        text=text,
        format=raw.format,
        prose=prose,
        blocks=blocks,
        posts=layout.posts,
        links=tuple(markup.links),
        footnotes=tuple(markup.footnotes),
        footnote_refs=tuple(markup.footnote_refs),
        emphasis=tuple(markup.emphasis),
        comments=tuple(markup.comments),
        notices=raw.notices,
        encoding=raw.encoding,
        bom=raw.bom,
        newline=raw.newline,
    )


def document_from_text(text: str, path: str = "<text>", fmt: DocFormat | None = None) -> Document:
    """Build a document from a string (for tests and library callers)."""
    from citecheck.ingest.reader import guess_format

    fmt = fmt or guess_format(path, text)
    return build_document(RawText(path, text, fmt, "utf-8", text.startswith("\ufeff"), "\n", ()))
