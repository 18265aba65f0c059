"""Titles standing alone on a line: pasted link titles ("Georges Bonnet - Wikipedia",
"Headline | Culture24"), a title line over its URL, "Author / Title / Part" lines, headlines
over a quoted excerpt, and "From my thread:" pointers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import quote

from citecheck.extract.urls import find_urls
from citecheck.extract.vocabulary import SITE_KINDS, WORK_NOUNS, YEAR
from citecheck.ingest.forum import CLIPPING_HEADER
from citecheck.model import BlockKind, Citation, Document, SourceKind, Span

_WIKI = re.compile(
    r"^(?P<title>\S.{0,150}?)\s+[-–—|]\s+(?P<site>Wikipedia|Wikipédia|Wikipedia, the free encyclopedia|"
    r"Wikipedia, die freie Enzyklopädie|Wikipédia, l'encyclopédie libre|Wikipedia, la enciclopedia libre|"
    r"Википедия|Wikipedia, wolna encyklopedia)\.?$"
)
_WIKI_LANG = {"Wikipédia": "fr", "die freie": "de", "l'encyclopédie": "fr", "la enciclopedia": "es", "Википедия": "ru",
              "wolna": "pl"}
_PIPE = re.compile(r"^(?P<title>[^|]{3,220}?)\s+\|\s+(?P<right>[^|]{2,70}?)(?:\s+\|\s+(?P<third>[^|]{2,70}?))?\s*$")
_DASH_SITE = re.compile(r"^(?P<title>\S.{4,220}?)\s+[-–—:]\s+(?P<site>[^-–—:]{2,40}?)\s*$")
_SLASH = re.compile(r"^[^/\n]{2,90}(?:\s/\s[^/\n]{1,90}){1,4}$")
_MY_THREAD = re.compile(r"\b(?:from|in|see|on)\s+(?:my|our|this|the other|that)\s+(?:own\s+)?"
                        r"(?:thread|post|topic|blog)\b(?:\s*:)?\s*$", re.IGNORECASE)
_GREETING = re.compile(
    r"^(?:hi|hello|hey|dear|thanks|thank you|cheers|regards|kind regards|best regards|best|greetings|yours|"
    r"sincerely|ps|p\.s\.|edit|update|welcome|good luck|all the best|take care)\b",
    re.IGNORECASE,
)
_SMALL = frozenset(["a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "from", "with", "by", "vs",
                    "via", "as", "into", "about", "under", "over", "'s", "de", "von", "van", "der", "la", "le", "du",
                    "et"])
_FOREIGN_SMALL = frozenset(["de", "del", "la", "le", "les", "des", "du", "di", "da", "der", "die", "das", "und", "für",
                            "y", "et", "e", "van", "von", "voor", "och"])
_VERBISH = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|do|does|did|will|would|can|could|should|"
                      r"may|might|must|i|we|you|he|she|they|it|this|that)\b", re.IGNORECASE)
# "Posted 12 November 2018 by Jane Roe | 14 comments": a blog's own byline, not a pasted title
_POST_METADATA = re.compile(r"^(?:Posted|Published|Updated|Written|Filed|Last (?:updated|modified))\b|"
                            # "By Denise Harlow, Staff Writer | Published July 17, 2024 | Updated July 18, 2024"
                            r"^By[ \t]+[A-Z][^|\n]{1,80}\|[ \t]*(?:Published|Updated|Posted)\b|"
                            r"\b\d+\s+comments?\b|\bCategories:|\bTags:|\bLast (?:updated|modified) on\b",
                            re.IGNORECASE)
# a shop's book header, under the title line: "by Martin Ashcombe (Author)" (a bare "by Ann Hale" under a
# heading is as often the byline of the article itself)
# "by Martin Ashcombe (Author)", under a book's title; without the role only on a book page (see below)
_BY_LINE = re.compile(
    r"^by[ \t]+(?P<names>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}(?P<role>[ \t]*\((?:Author|Editor|Translator|"
    r"Contributor)[^)]*\))?(?:[ \t]*(?:,|and|&)[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}"
    r"(?:[ \t]*\([^)\n]{1,30}\))?)*)[ \t]*$")
# "Random House, 864 pp., $35.00" under a review's title and "by" line
_PRODUCT_DETAILS = re.compile(r"^\d\.\d\d\b|\b(?:ratings?|reviews|Published|Paperback|Hardcover|Kindle Edition|"
                              r"ISBN|Audiobook)\b|★|\b\d{2,4}[ \t]*pp\b|\b\d{2,4}[ \t]+pages\b|[$£€][ \t]?\d")
# a search engine's result (Google Books, Google Scholar, JSTOR, a library catalogue): the title on its own
# line over "Theda Perdue, Michael D. Green - 2007 - History - 241 pages" or "R Thornton - Ethnohistory, 1984 -
# JSTOR", or over the authors alone and then "Ethnohistory, Vol. 31, No. 4 (Autumn, 1984), pp. 289-300"
_RESULT_NAME = r"[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|de|van|von|der|la|le|du)){0,3}"
_RESULT_NAMES = (rf"{_RESULT_NAME}(?:,[ \t]*{_RESULT_NAME}){{0,5}}(?:,?[ \t]+(?:and|&)[ \t]+{_RESULT_NAME})?"
                 r"(?:,?[ \t]+et al\.?)?")
_RESULT_BYLINE = re.compile(rf"^(?P<names>{_RESULT_NAMES})[ \t]+[-–][ \t]+(?:(?P<venue>[^\n]{{2,60}}?),[ \t]*)?"
                            rf"(?P<year>{YEAR})(?:[ \t]+[-–][ \t]+[^\n]{{1,60}})?$")
_RESULT_NAMES_LINE = re.compile(rf"^(?P<names>{_RESULT_NAMES})$")
_RESULT_PUBLICATION = re.compile(rf"^(?:(?P<year>{YEAR})[ \t]+[-–][ \t]+[A-Z][^\n]{{2,80}}|"
                                 rf"(?P<venue>[A-Z][^\n]{{2,80}}?),[ \t]+Vol\.[^\n]*?\b(?P<vyear>{YEAR})\b[^\n]*)$")
# a Kindle clipping names its book on the line above its header: "Title (Author)" over "- Your Highlight on …"
_CLIPPING_BELOW = re.compile(rf"[ \t]*\r?\n[ \t]*{CLIPPING_HEADER}")
_CLIPPED_BOOK = re.compile(r"^(?P<title>.+?)[ \t]*\((?P<authors>[^()]{2,120})\)$")
_ROLE = re.compile(r"[ \t]*\((?P<role>[^)]*)\)")
_SENTENCE_OPENING = re.compile(r"^(?:I|We|You|He|She|They|It|This|That|But|And|So)\b")  # a sentence, not a title
_DATE_LINE = re.compile(rf"^(?:\w+\s)?\d{{1,2}}(?:st|nd|rd|th)?,?\s\w+,?\s{YEAR}|^\w+\s\d{{1,2}},?\s{YEAR}|^{YEAR}$")


def _lines(doc: Document) -> Iterator[tuple[int, int, str, bool]]:
    """(start, end, stripped text, in a forum post) for every visible line outside headings and code."""
    for block in doc.blocks:
        if block.kind in (BlockKind.HEADING, BlockKind.CODE, BlockKind.REFERENCE):
            continue
        text = doc.prose[block.span.start:block.span.end]
        offset = block.span.start
        for m in re.finditer(r"[^\n]+", text):
            raw = m.group(0)
            stripped = raw.strip()
            if not stripped:
                continue
            lead = len(raw) - len(raw.lstrip())
            start = offset + m.start() + lead
            yield start, start + len(stripped), stripped, block.post is not None


def wikipedia_url(title: str, lang: str = "en") -> str:
    return f"https://{lang}.wikipedia.org/wiki/" + quote(title.strip().replace(" ", "_"), safe="_()',!:-.~%")


def _title_case(text: str) -> bool:
    words = [w for w in re.split(r"[\s]+", text.strip().rstrip(".")) if w]
    if not 1 <= len(words) <= 8:
        return False
    significant = [w for w in words if w.lower() not in _SMALL]
    return bool(significant) and all(w[0].isupper() or w[0].isdigit() for w in significant)


def _is_url_line(text: str) -> bool:
    found = list(find_urls(text))
    return len(found) == 1 and len(found[0][0]) >= len(text.strip()) - 2


def _site_kind(site: str) -> SourceKind | None:
    words = site.split()
    if words and words[0].isupper() and len(words[0]) >= 2 and len(words) <= 3 and all(
            w[:1].isupper() for w in words):
        # "BBC Archive", "PBS NewsHour": a part of a known site named by its initials
        return SITE_KINDS.get(site.strip().lower(), SITE_KINDS.get(words[0].lower()))
    return SITE_KINDS.get(site.strip().lower())


def _looks_like_site(right: str) -> bool:
    r = right.strip()
    if _site_kind(r) is not None:
        return True
    words = r.split()
    if len(words) > 4:
        # "Museo Nacional Centro de Arte Reina Sofía": an institution's full name, every word capitalised
        return len(words) <= 9 and all(w[0].isupper() for w in words if w.lower() not in _SMALL | _FOREIGN_SMALL)
    return (bool(re.search(r"\d|\.[a-z]{2,4}$|[a-z][A-Z]", r))
            or all(w[0].isupper() for w in words if w.lower() not in _SMALL))


def _site_first(text: str) -> tuple[str, str] | None:
    """(site, title) of a link title that starts with a known site's name and ends with a headline."""
    parts = [p.strip() for p in text.split(" | ") if p.strip()]
    if len(parts) < 2:
        return None
    head = parts[0].lower()
    if not any(head == site or head.startswith(site + " ") for site in SITE_KINDS):
        return None
    title = max(parts[1:], key=len)
    if len(title.split()) < 3 or not re.search(r"[A-Za-z]{3,}", title):
        return None
    return parts[0], title


def _kind_from_title(title: str, default: SourceKind) -> SourceKind:
    for word in re.findall(r"[A-Za-z-]+", title.lower()):
        kind = WORK_NOUNS.get(word)
        if kind in (SourceKind.DIARY, SourceKind.THESIS, SourceKind.VIDEO, SourceKind.BOOK):
            return kind
    return default


def extract_title_lines(doc: Document) -> list[Citation]:
    out: list[Citation] = []
    lines = list(_lines(doc))
    forum = bool(doc.posts)
    by_title: dict[str, SourceKind] = {}
    for i, (start, end, text, in_post) in enumerate(lines):
        prev_text = lines[i - 1][2] if i > 0 else ""
        next_line = lines[i + 1] if i + 1 < len(lines) else None
        adjacent_next = next_line is not None and doc.prose.count("\n", end, next_line[0]) == 1
        if len(text) > 260 or _is_url_line(text) or _POST_METADATA.search(text):
            continue
        citation: Citation | None = None
        if _CLIPPING_BELOW.match(doc.text, end):
            book = _CLIPPED_BOOK.match(text)
            authors = tuple(a.strip() for a in book.group("authors").split(";")) if book else ()
            out.append(Citation(Span(start, end), doc.text[start:end], SourceKind.BOOK, "author-title",
                                title=book.group("title") if book else text, authors=authors))
            continue
        result = _search_result(doc, lines, i) if adjacent_next else None
        if result is not None:
            out.append(result)
            continue
        by_line = _BY_LINE.match(next_line[2]) if next_line is not None and adjacent_next else None
        if by_line and not by_line.group("role") and not (i + 2 < len(lines)
                                                          and _PRODUCT_DETAILS.search(lines[i + 2][2])):
            # a bare "by Name" is the author only on a book page, over "4.06 · 14,905 ratings" or "Published
            # 2003"; under a heading it is the article's own byline
            by_line = None
        if by_line and next_line is not None and _book_title_line(text):
            authors: list[str] = []
            editors: list[str] = []
            for part in re.split(r"[ \t]*(?:,|\band\b|&)[ \t]*", by_line.group("names")):
                role = _ROLE.search(part)
                name = _ROLE.sub("", part).strip()
                if name:
                    (editors if role and not role.group("role").lower().startswith("author") else authors).append(name)
            out.append(Citation(Span(start, next_line[1]), doc.text[start:next_line[1]], SourceKind.BOOK,
                                "author-title", title=text, authors=tuple(authors), editors=tuple(editors)))
            continue
        if m := _WIKI.match(text):
            lang = next((code for key, code in _WIKI_LANG.items() if key in m.group("site")), "en")
            title = m.group("title").strip()
            citation = Citation(Span(start, end), doc.text[start:end], SourceKind.WEB, "link-title", title=title,
                                site="Wikipedia", url=wikipedia_url(title, lang), url_inferred=True)
        elif (m := _PIPE.match(text)) and not text.startswith("|"):
            title, right, third = m.group("title").strip(), m.group("right").strip(), m.group("third")
            site = (third or "").strip() or (right if _looks_like_site(right) else None)
            if third and not _looks_like_site(third) and _site_first(text) is None:
                continue  # "Event 47 | BSL interpreted | Book signing afterwards in the bookshop": a listing's fields
            # "Name | French politician" (an encyclopaedia's title) or "Headline | Site": not a flair or menu
            described = bool(re.search(r"\b[a-z]{3,}", right)) or len(title.split()) >= 5 or len(right.split()) >= 5
            if _site_kind(site or "") is None and not described:
                leading = _site_first(text)
                if leading is None:
                    continue
                site, title = leading  # "BBC ON THIS DAY | 21 | 1968: Headline": the site comes first
            kind = _site_kind(site) if site else None
            if kind is None:
                kind = SourceKind.ARTICLE if len(title.split()) >= 6 else SourceKind.WEB
            citation = Citation(Span(start, end), doc.text[start:end], kind, "link-title", title=title, site=site)
        elif (m := _DASH_SITE.match(text)) and _site_kind(m.group("site")) is not None:
            site = m.group("site").strip()
            citation = Citation(Span(start, end), doc.text[start:end], _site_kind(site) or SourceKind.WEB,
                                "link-title", title=m.group("title").strip(), site=site)
        elif _SLASH.match(text) and (re.search(YEAR, text)
                                     or any(w in WORK_NOUNS for w in re.findall(r"[a-z]+", text.lower()))):
            parts = [p.strip() for p in text.split(" / ")]
            citation = Citation(Span(start, end), doc.text[start:end], _kind_from_title(text, SourceKind.OTHER),
                                "link-title", title=" / ".join(parts[1:]) or parts[0], authors=(parts[0],))
        elif forum and in_post and _MY_THREAD.search(prev_text) and _title_case(text):
            citation = Citation(Span(start, end), doc.text[start:end], SourceKind.FORUM, "my-thread",
                                title=text.rstrip("."))
        elif forum and in_post and _headline(text, prev_text, next_line[2] if next_line and adjacent_next else ""):
            citation = Citation(Span(start, end), doc.text[start:end], SourceKind.ARTICLE, "headline", title=text)
        elif forum and in_post and _pasted_title(text, prev_text):
            citation = Citation(Span(start, end), doc.text[start:end], SourceKind.WEB, "link-title",
                                title=text.rstrip("."))
        if citation is None:
            continue
        if next_line is not None and adjacent_next and _is_url_line(next_line[2]):
            url = next(iter(find_urls(next_line[2])))[0]
            citation = Citation(Span(start, next_line[1]), doc.text[start:next_line[1]], citation.kind, citation.cue,
                                title=citation.title, authors=citation.authors, url=url, site=citation.site)
        if citation.kind is SourceKind.FORUM and citation.title:
            by_title[citation.title.lower()] = SourceKind.FORUM
        out.append(citation)
    if by_title:
        out = [
            Citation(c.span, c.surface, SourceKind.FORUM, "my-thread", title=c.title)
            if c.title and c.title.lower() in by_title and c.cue == "link-title" and c.site is None else c
            for c in out
        ]
    return out


def _search_result(doc: Document, lines: list[tuple[int, int, str, bool]], i: int) -> Citation | None:
    """A search result: the title line ``lines[i]`` and the author line under it (see _RESULT_BYLINE)."""
    text = lines[i][2]
    if i + 1 >= len(lines) or not _book_title_line(text):
        return None
    below = lines[i + 1][2]
    byline = _RESULT_BYLINE.match(below)
    end = lines[i + 1][1]
    venue = byline.group("venue") if byline else None
    year = byline.group("year") if byline else None
    if byline is None:
        names = _RESULT_NAMES_LINE.match(below)
        if names is None or i + 2 >= len(lines) or doc.prose.count("\n", lines[i + 1][1], lines[i + 2][0]) != 1:
            return None
        publication = _RESULT_PUBLICATION.match(lines[i + 2][2])
        if publication is None:
            return None
        byline, end = names, lines[i + 2][1]
        venue, year = publication.group("venue"), publication.group("year") or publication.group("vyear")
    authors = tuple(a.strip() for a in re.split(r",|\band\b|&", byline.group("names")) if a.strip()
                    and not a.strip().startswith("et al"))
    start = lines[i][0]
    return Citation(Span(start, end), doc.text[start:end], SourceKind.ARTICLE if venue else SourceKind.BOOK,
                    "author-title", title=text, authors=authors, year=int(year) if year else None)


def _book_title_line(text: str) -> bool:
    """A line that can be a book's title over its "by …" line: not a sentence, not a greeting."""
    words = text.split()
    return (1 <= len(words) <= 30 and text[0].isupper() and text[-1] not in ".!?,;" and not _GREETING.match(text)
            and not _SENTENCE_OPENING.match(text))


def _headline(text: str, previous: str, following: str) -> bool:
    """A news headline pasted on its own line, over the excerpt it introduces."""
    words = text.split()
    if not 5 <= len(words) <= 25 or text[-1] in ".,:;!?\"”)" or not text[0].isupper():
        return False
    if _GREETING.match(text) or text[0] in "\"“(":
        return False
    if _SENTENCE_OPENING.match(text):
        return False
    quoted_next = following[:1] in ("\"", "“", "«")
    announced = previous.endswith(":") and bool(
        re.search(r"\b(?:article|link|book|headline|story|piece|news|page|source)\b", previous, re.IGNORECASE))
    return quoted_next or announced


def _pasted_title(text: str, previous: str) -> bool:
    """A short Title-Case line standing alone in a post: a link whose address was lost in copying."""
    if not _title_case(text) or text[-1] in ",:;!?" or _GREETING.match(text):
        return False
    words = text.rstrip(".").split()
    if len(words) < 2 or _VERBISH.search(text) or _DATE_LINE.match(text):
        return False
    if previous and not re.search(r"[.!?…:\"”)]$", previous):
        return False  # the end of a sentence that runs over a line break, not a title
    return any("-" in w or w.lower() in {"pact", "treaty", "war", "crisis", "agreement", "conference", "alliance",
                                         "history", "diaries", "diary", "papers", "documents", "origins", "road",
                                         "guarantee", "negotiations", "talks", "appeasement"} for w in words)
