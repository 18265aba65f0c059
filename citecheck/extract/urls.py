"""Raw URLs in prose: bare links with trailing punctuation and parentheses handled right.

Only three shapes count as a URL written in prose: a scheme URL (``https://...``), a ``www.``
host, and a lower-case host with a path on a known top-level domain (``fedy-diary.ru/page``).
Words joined by a missing space (``Munich.It``), file names (``setup.py``) and e-mail
addresses are never URLs.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterator

from citecheck.model import Document, LinkOrigin, RawLink, Span

_SCHEME = re.compile(r"(?<![\w@/.+-])(?:https?|ftp)://[^\s<>\"'`\u00a0\u3000]+", re.IGNORECASE)
_WWW = re.compile(r"(?<![\w@/.:+-])www\d{0,3}\.[^\s<>\"'`\u00a0\u3000]+", re.IGNORECASE)
_COMMON_TLDS = (
    "com|org|net|edu|gov|mil|int|info|io|co|biz|eu|uk|de|fr|ru|it|nl|be|es|pl|cz|ch|at|se|no|dk|fi|"
    "ua|by|bg|ro|hu|gr|pt|ie|ca|au|nz|us|jp|cn|in|il|tr|su|am|ge|lt|lv|ee|sk|si|hr|rs|ba|mk|al|md"
)
_HOST_PATH = re.compile(
    rf"(?<![\w@/.:+-])[a-z0-9](?:[a-z0-9-]{{0,62}}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{{0,62}}[a-z0-9])?)*"
    rf"\.(?:{_COMMON_TLDS})/[^\s<>\"'`\u00a0\u3000]*"
)
# "grunwick40.wordpress.com": a site on a blogging platform is a web address even with no path
_PLATFORM = r"\.(?:(?:wordpress|blogspot|substack|tumblr|wixsite|weebly|typepad|livejournal)\.com|github\.io)"
_PLATFORM_HOST = re.compile(
    rf"(?<![\w@/.:+-])[a-z0-9](?:[a-z0-9-]{{0,62}}[a-z0-9])?{_PLATFORM}(?![\w.-]*\w)(?:/[^\s<>\"'`\u00a0\u3000]*)?"
)
_PLATFORM_SUFFIX = re.compile(_PLATFORM)
_TRAILING = ".,;:!?'\"’”»*_…"
_PAIRS = {")": "(", "]": "[", "}": "{"}


def trim_url(candidate: str) -> str:
    """Strip sentence punctuation and unbalanced closing brackets from the end of a URL."""
    url = candidate
    while url:
        last = url[-1]
        if last in _TRAILING:
            url = url[:-1]
            continue
        if last in _PAIRS and url.count(last) > url.count(_PAIRS[last]):
            url = url[:-1]
            continue
        break
    return url


def _valid_host(url: str) -> bool:
    host = re.sub(r"^[a-z]+://", "", url, flags=re.IGNORECASE).split("/", 1)[0].split("?", 1)[0]
    host = host.rsplit("@", 1)[-1].split(":", 1)[0]
    if not host or ("." not in host and host.lower() != "localhost"):
        return False
    if re.fullmatch(r"[\d.]+", host):
        return True
    labels = host.split(".")
    return all(labels) and not labels[-1].isdigit()


_TLD_SLASH = re.compile(rf"\.(?:{_COMMON_TLDS})/")
_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-")


def _host_paths(prose: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """Schemeless "host.tld/path" URLs, found from their ".tld/" (a rare sequence) instead of trying the
    host pattern at every letter of the text."""
    for tld in _TLD_SLASH.finditer(prose, start, end):
        i = tld.start()
        while i > start and prose[i - 1] in _HOST_CHARS:
            i -= 1
        m = _HOST_PATH.match(prose, i, end)
        if m is not None and m.start() <= tld.start():
            yield m


def _platform_hosts(prose: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """Blog-platform hosts, found from their rare ".wordpress.com" as _host_paths does from ".tld/"."""
    for suffix in _PLATFORM_SUFFIX.finditer(prose, start, end):
        i = suffix.start()
        while i > start and prose[i - 1] in _HOST_CHARS and prose[i - 1] != ".":
            i -= 1
        m = _PLATFORM_HOST.match(prose, i, end)
        if m is not None:
            yield m


def find_urls(prose: str, start: int = 0, end: int | None = None) -> Iterator[tuple[str, Span]]:
    """Bare URLs in ``prose[start:end]`` with their spans, in order."""
    end = len(prose) if end is None else end
    window = prose[start:end]  # the screen reads only the span asked about, not the whole document each time
    lowered = window.lower()
    if "://" not in window and "www" not in lowered and "/" not in window and ".com" not in lowered and (
            "github.io" not in lowered):
        return
    found: list[tuple[int, int]] = []  # kept sorted: an overlap test is two bisections
    for pattern in (_SCHEME, _WWW, _HOST_PATH, _PLATFORM_HOST):
        if pattern is _HOST_PATH:
            matches = _host_paths(prose, start, end)
        elif pattern is _PLATFORM_HOST:
            matches = _platform_hosts(prose, start, end)
        else:
            matches = pattern.finditer(prose, start, end)
        for m in matches:
            url = trim_url(m.group(0))
            if pattern is not _SCHEME and len(url) < 6:
                continue
            if pattern is _SCHEME and not _valid_host(url):
                continue
            s, e = m.start(), m.start() + len(url)
            i = bisect_left(found, (s, e))
            if (i > 0 and found[i - 1][1] > s) or (i < len(found) and found[i][0] < e):
                continue
            insort(found, (s, e))
    for s, e in found:
        yield prose[s:e], Span(s, e)


_SKIP_SCHEMES = ("mailto:", "javascript:", "tel:", "data:", "#", "file:")


def is_checkable(url: str) -> bool:
    lower = url.strip().lower()
    if lower.startswith(_SKIP_SCHEMES):
        return False
    return lower.startswith(("http://", "https://", "ftp://", "www."))


def document_links(doc: Document) -> list[RawLink]:
    """Every URL written in the document, once per occurrence: markup links and bare URLs."""
    links: list[RawLink] = []
    for link in doc.links:
        url = link.url.strip()
        if not is_checkable(url):
            continue
        anchor = doc.text[link.anchor.start:link.anchor.end] if link.anchor else None
        links.append(RawLink(url, link.url_span, link.origin, anchor))
    markup = sorted((link.span.start, link.span.end) for link in doc.links)
    markup_starts = [s for s, _e in markup]
    longest = max((e - s for s, e in markup), default=0)
    for url, span in find_urls(doc.prose):
        i = bisect_left(markup_starts, span.start - longest)
        if any(s < span.end and span.start < e for s, e in markup[i:bisect_left(markup_starts, span.end)]):
            continue  # the anchor text of a markup link that is itself a URL
        links.append(RawLink(url, span, LinkOrigin.BARE))
    links.sort(key=lambda link: (link.span.start, link.span.end))
    return links
