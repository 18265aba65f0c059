"""What the checker reads out of an answer: text, anchors for fragments, soft-404 signals."""

from __future__ import annotations

import codecs
import html
import re
from urllib.parse import unquote

import httpx

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
# Regexes rather than an HTML parser: anchors only need to be found, and the body is capped anyway.
_ANCHOR = re.compile(rb"""<[a-zA-Z][^>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_NOT_FOUND_PATH = re.compile(
    r"(?:^|/)(?:404|410|not[-_]?found|page[-_]?not[-_]?found|error[-_]?404|404[-_]?error|errors?/404)"
    r"(?:\.[a-z]{2,5})?/?$",
    re.IGNORECASE,
)
_NOT_FOUND_QUERY = re.compile(r"(?:^|&)(?:error|status|code)=404(?:&|$)|(?:^|&)(?:404|notfound)(?:[=&]|$)",
                              re.IGNORECASE)
# "/", "/en/", "/en-GB/", "/index.html"
_SITE_ROOT = re.compile(r"^/(?:[a-z]{2}(?:[-_][a-zA-Z]{2})?/|index\.[a-z]{2,5})?$")
# Fragments a browser or a script resolves without an element of that id.
_NOT_AN_ANCHOR = re.compile(r"^(?:top|:~:.*|!.*|/.*)?$")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def charset_of(content_type: str | None) -> str:
    match = _CHARSET.search(content_type or "")
    if match:
        try:
            return codecs.lookup(match.group(1)).name
        except LookupError:
            pass
    return "utf-8"


def decode_body(body: bytes, content_type: str | None) -> str:
    return body.decode(charset_of(content_type), errors="replace")


def is_html(content_type: str | None) -> bool:
    kind = (content_type or "text/html").split(";")[0].strip().lower()
    return kind in HTML_TYPES


def anchors(body: bytes) -> frozenset[str]:
    """Every ``id`` and ``name`` attribute value in an HTML document."""
    found = set()
    for match in _ANCHOR.finditer(body):
        raw = next(g for g in match.groups() if g is not None)
        found.add(html.unescape(raw.decode("utf-8", "replace")))
    return frozenset(found)


def fragment_missing(fragment: str, page_anchors: frozenset[str]) -> bool:
    if _NOT_AN_ANCHOR.match(fragment):
        return False
    decoded = unquote(fragment)
    candidates = {fragment, decoded, f"user-content-{decoded}", decoded.lower()}
    return candidates.isdisjoint(page_anchors)


def looks_soft_404(original: httpx.URL, final: httpx.URL) -> bool:
    """A redirect that lands on a site's front page or on a page named as a not-found page."""
    query = final.query.decode("ascii", "replace")
    if _NOT_FOUND_PATH.search(final.path) or _NOT_FOUND_QUERY.search(query):
        return True
    return bool(_SITE_ROOT.match(final.path)) and not _SITE_ROOT.match(original.path)
