"""Reference lists, footnotes and ``Source:`` lines: one citation per bibliographic entry.

Entries are parsed for the common styles (Chicago/Turabian "Surname, Given. Title. Place:
Publisher, Year.", APA "Surname, G. (Year). Title.", and "Given Surname, Title (Publisher,
Year)"); whatever cannot be parsed is still reported, with the entry as its surface.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import pairwise

from citecheck.extract.urls import find_urls
from citecheck.extract.vocabulary import CALENDAR_DAY, WORK_NOUNS, YEAR, document_kind
from citecheck.ingest.blocks import REFERENCE_HEADING
from citecheck.letters import LOWER, UPPER
from citecheck.model import Block, BlockKind, Citation, Document, SourceKind, Span

# "Provenance:" only over a work named with a capital: "Provenance: found inside a family Bible …" tells an
# object's history
# "Sources: ...", "Sources 📚 ...", "Sources — ...", and "... his craft. Source: Starman by Jamie Doran, ch. 6."
_SOURCE_LINES = re.compile(r"(?im)(?:^[ \t]*|(?<=[.!?)][ \t])(?=(?-i:Sources?[ \t]*:)))"
                           r"(?:(?:sources?|references?|refs?|via|cited from|bibliography|further reading|"
                           r"(?:suggested|recommended|preferred)[ \t]+citation|"
                           r"how[ \t]+to[ \t]+cite(?:[ \t]+this[ \t]+\w+)?|cite[ \t]+(?:this[ \t]+\w+[ \t]+)?as|"
                           r"citation[ \t]*\((?:APA|MLA|Chicago|Harvard|MHRA|Turabian)\b[^)\n]{0,30}\))"
                           r"(?:[ \t]*:|[ \t]+[–—]|[ \t]*[\u2600-\u27bf\U0001f300-\U0001faff]+\ufe0f?)[ \t]*|"
                           r"provenance[ \t]*:[ \t]*(?=(?-i:[A-Z])))")
_ENTRY_SPLIT = re.compile(
    r"(?:(?<=\d\d\d\d\.)|(?<=\d\)\.)|(?<=\d\d\d\d\)\.))\s+"
    rf"(?=[{UPPER}][\w'’-]+(?:\s[{UPPER}][\w'’-]+)?,\s+(?:[A-Z]\.\s?)*(?:[{UPPER}][{LOWER}]+(?:\s[A-Z]\.)*)?\.?\s)"
)
_NOTE_NUMBER_LEAD = r"[ \t]*(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}[.)])[ \t]+"
_NOTE_NUMBER = re.compile(_NOTE_NUMBER_LEAD + r"(?=\S)")
_NUMBER_BEFORE = re.compile(_NOTE_NUMBER_LEAD)  # the whole of what stands before an entry's text
_SAME_AS_BEFORE = re.compile(r"(?:Ibid|Ib\.|Id\.|Op\.?\s*cit|Loc\.?\s*cit)\b", re.IGNORECASE)  # "Ibid., p. 14."
_BACK_ARROW = re.compile(r"(?:[↑^]|Jump up(?: to)?:?)(?:[ \t]*[↑^]|[ \t]*\b[a-z]\b)*[ \t]*")
# "Freedman, The Official History (2005). Also Hastings & Jenkins, The Battle for the Falklands (1983)."
_ALSO_SPLIT = re.compile(r"(?<=[.;])\s+(?:Also|See also|Plus|And)(?:\s*:)?\s+(?=[A-Z])")
# "Hobsbawm, Age of Extremes (1994), p. 85; Judt, Postwar (2005), p. 12.": works run together in one note or
# source line, the one before the semicolon closed by its imprint or page
_SEMICOLON_SPLIT = re.compile(
    r"(?<=[)\d])\s*;\s+(?:(?:see\s+also|see|cf\.|also|and)\s+)?"
    rf"(?=(?:[{UPPER}][\w'’-]+(?:\s[{UPPER}][\w'’-]+)?|(?:[A-Z][\w'’-]*\.?\s){{1,3}}[{UPPER}][\w'’-]+),\s+"
    rf"[\"“‘*_]?[{UPPER}\d])")
_ENTRY_START = re.compile(
    r"^\s*(?:[\[(]?\d{1,3}[.)\]]\s+|[-*•]\s+)?"
    rf"(?:(?:[{UPPER}][\w'’-]+|[{UPPER}](?=\s[{UPPER}][\w'’-]+,))(?:\s[{UPPER}][\w'’-]+)?,\s"  # Surname, Given
    # ("Ó Gráda, Cormac")
    r"|(?:[A-Z][\w'’-]*\.?\s){1,4}(?:(?:van|von|de|der|du|la)\s)?[A-Z][\w'’-]+(?:\s(?:Jr|Sr|III|II)\.?)?"
    r"(?:\s\(eds?\.?\))?,\s)"  # Given Surname,
)
_FULL = rf"[{UPPER}][{LOWER}'’]+(?:-[{UPPER}][{LOWER}'’]+)?"
_INIT = r"[A-Z]\.(?:-?[A-Z]\.)*"
_CHICAGO = re.compile(
    rf"^(?P<surname>(?:[A-Z][\w'’-]+|[{UPPER}](?:[\w'’-]+|(?=\s[{UPPER}])))(?:\s(?:[{UPPER}][\w'’-]+|van|von|de|der))*),\s+"
    rf"(?P<given>(?:{_FULL})(?:\s{_FULL})?(?:\s?{_INIT})*|(?:{_INIT}\s?)+)"
    # author-date: "Wemheuer, Felix. 2014. Famine Politics ..."
    rf"(?:,\s*(?:and\s|&\s)?(?P<more>[^.]{{2,120}}?))?(?:\.|(?<=\.))\s+(?:(?P<year>{YEAR})[a-z]?\.\s+)?"
    r"(?P<rest>[\"“‘A-Za-z].+)$",
    re.DOTALL,
)
# "Macfie, A. L. (1979). ...", "Bonar Law, A. (7 October 1922). ...", "Reston, J. (May 12, 1940). ..."
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"  # "(Radio 4, 2017)" is no date
_APA = re.compile(rf"^(?P<authors>.+?)\s*\((?:(?:\d{{1,2}}\s+)?{_MONTH}\.?(?:\s+\d{{1,2}})?,?\s+)?"
                  rf"(?P<year>{YEAR})[a-z]?\)\.?\s+(?P<rest>.+)$", re.DOTALL)
# author-date with the name in its own order: "Yang Jisheng. 2012. Tombstone: ..."
_NAME_DATE = re.compile(rf"^(?P<authors>[{UPPER}][\w'’-]+(?:\s[{UPPER}][\w'’-]+){{1,2}})\.\s+"
                        rf"(?P<year>{YEAR})[a-z]?\.\s+(?P<rest>[\"“‘A-Z].+)$", re.DOTALL)
# "Antony Beevor, The Battle for Spain (2006)" is no APA entry by "Antony Beevor, The Battle for Spain"
_TITLE_IN_AUTHORS = re.compile(r"\s(?:The|of|for|in|on|to|from|the)\s|:\s")
# "Doran and Bizony, Starman (1998)": two surnames, then the title
_SURNAMES_FIRST = re.compile(r"^(?P<authors>[A-Z][\w'’-]+\s(?:and|&)\s[A-Z][\w'’-]+),\s+(?P<rest>[\"“‘A-Z].+)$",
                             re.DOTALL)
# "Starman by Jamie Doran and Piers Bizony, chapter 6": a title, then its authors
_TITLE_BY = re.compile(
    r"^(?P<title>[\"“‘]?[A-Z][^,;()\n]{1,100}?)[\"”’]?\s+by\s+"
    r"(?P<authors>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}"
    r"(?:(?:,\s|\s(?:and|&)\s)[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3})*)")
_GIVEN_FIRST = re.compile(
    r"^(?P<authors>(?:[A-Z][\w'’.-]+\.?\s){1,4}[A-Z][\w'’-]+(?:\s(?:Jr|Sr|III|II)\.?)?"
    r"(?:\s(?:and|&)\s(?:[A-Z][\w'’.-]+\.?\s){1,4}[A-Z][\w'’-]+)?)(?:\s\(eds?\.?\))?"
    r",\s+(?P<rest>.+)$",
    re.DOTALL,
)
_QUOTED_TITLE = re.compile(r"[\"“‘](?P<title>[^\"”]{3,300}?)[.,]?(?:[\"”]|’(?![a-z]))")
_BROADCAST = re.compile(r"\((?:BBC\s)?(?:Radio\s\d|Radio\b|podcast\b)", re.IGNORECASE)  # "(Radio 4, 2017)"
_YEAR = re.compile(rf"\b({YEAR})\b")
_EDITION = re.compile(r",?\s+(?:\d{1,2}(?:st|nd|rd|th)|new|revised|rev\.)\s+(?:edn|ed\.|edition)\.?$", re.IGNORECASE)
_ISBN = re.compile(r"\bISBN(?:-1[03])?:?\s*((?:97[89][\s-]?)?(?:\d[\s-]?){9}[\dXx])\b")
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+[^\s\"<>.,;)])")
_JOURNALISH = re.compile(r"\b(?:journal|review|quarterly|vol\.|volume|no\.|issue|pp\.|proceedings|bulletin|"
                         r"magazine|gazette|times|post|herald|tribune)\b", re.IGNORECASE)
_THESISH = re.compile(r"\b(?:thesis|dissertation|ph\.?\s?d\.?|master'?s)\b", re.IGNORECASE)


_LINE_END_HYPHEN = re.compile(r"(?<=[a-z])-\n[ \t]*(?=[a-z])")  # "Univer-\n   sity"


@dataclass(frozen=True, slots=True)
class ParsedReference:
    authors: tuple[str, ...]
    title: str | None
    year: int | None
    publisher: str | None
    kind: SourceKind


def _entry_shaped(text: str) -> bool:
    """Laid out as a reference entry: authors first, a quoted title, or "Title by Author"."""
    return bool(_CHICAGO.match(text) or _APA.match(text) or _GIVEN_FIRST.match(text) or _QUOTED_TITLE.search(text)
                or _TITLE_BY.match(text))


def _without_number(text: str) -> str:
    """An entry without its note number: "(1) Nella Last, ..." → "Nella Last, ..."."""
    number = _NOTE_NUMBER.match(text)
    return text[number.end():] if number else text


def looks_bibliographic(text: str) -> bool:
    """A reference entry names a work: a year or link or identifier, and something title-like."""
    t = text.strip()
    if len(t) < 8:
        return False
    has_anchor = bool(_YEAR.search(t) or "://" in t or _ISBN.search(t) or _DOI.search(t) or "www." in t)
    # an entry needs no year when it opens with its author, or reads "Starman by Jamie Doran and Piers Bizony"
    return (has_anchor and (len(t.split()) >= 3 or _entry_shaped(t))) or _CHICAGO.match(t) is not None or (
        _TITLE_BY.match(t) is not None and len(t) < 200)


_GIVEN_COMMA = re.compile(rf"([{UPPER}][{LOWER}]+(?:\s[A-Z]\.)*),\s+")
_TITLE_THEN_IMPRINT = re.compile(rf"[*_]?[{UPPER}\d][^().;]{{0,200}}\((?:[^()]{{0,80}},\s*)?{YEAR}\)")
_TITLE_AFTER_NAME = re.compile(rf"[\"“‘]|{_TITLE_THEN_IMPRINT.pattern}")


def parse_reference(text: str) -> ParsedReference:
    t = " ".join(_LINE_END_HYPHEN.sub("", text).split()).replace("''", "")  # wikitext's ''italics
    authors: tuple[str, ...] = ()
    title: str | None = None
    publisher: str | None = None
    rest = t
    dated: int | None = None  # the year after an APA entry's authors
    if (m := _APA.match(t)) and len(m.group("authors")) < 120 and not _TITLE_IN_AUTHORS.search(m.group("authors")):
        authors = tuple(a.strip() for a in re.split(r",\s*(?:&|and)\s*|\s*&\s*|;\s*", m.group("authors")) if a.strip())
        rest = m.group("rest")
        dated = int(m.group("year"))
    elif m := _INITIALS_COMMA.match(t):
        authors, rest = (f"{' '.join(m.group('initials').split())} {m.group('surname')}",), m.group("rest")
    elif (m := _CHICAGO.match(t)) and len(m.group("surname")) < 40:
        authors = (f"{m.group('given').strip()} {m.group('surname')}".strip(),)
        if m.group("more") and _CO_AUTHOR.fullmatch(m.group("more")):
            authors += (m.group("more"),)  # "Kramer, Reinhold, and Tom Mitchell."
        rest = m.group("rest")
        dated = int(m.group("year")) if m.group("year") else None
    elif m := _NAME_DATE.match(t):
        authors, rest, dated = (m.group("authors"),), m.group("rest"), int(m.group("year"))
    elif ((m := _GIVEN_FIRST.match(t)) and len(m.group("authors")) < 80) or (m := _SURNAMES_FIRST.match(t)):
        authors = tuple(a.strip() for a in re.split(r"\s+(?:and|&)\s+", m.group("authors")))
        rest = m.group("rest")
    elif (by := _TITLE_BY.match(t)) is not None:
        authors = tuple(a.strip() for a in re.split(r",\s+|\s+(?:and|&)\s+", by.group("authors")) if a.strip())
        rest = by.group("title") + "."
    if not authors and (lead := re.match(r"^([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?),\s", t)):
        authors = (lead.group(1),)
        if given := re.match(r"\s*[\w'’-]{1,20}\.\s+(?=[A-Z\"“‘])", t[lead.end():]):
            rest = t[lead.end() + given.end():]  # "Ropp,  eodore. War in the Modern World.": a name copied badly
        elif t[lead.end():lead.end() + 1] in "\"“‘":
            rest = t[lead.end():]  # 'BBC, "Partition Voices" (Radio 4, 2017)'
        elif (given_comma := _GIVEN_COMMA.match(t, lead.end())) and _TITLE_AFTER_NAME.match(t, given_comma.end()):
            # 'Knight, Alan, "Cardenismo: Juggernaut or Jalopy?", ...', "Meyer, Lorenzo, Mexico and ... (Austin, 1977)"
            authors = (f"{given_comma.group(1)} {lead.group(1)}",)
            rest = t[given_comma.end():]
        elif _TITLE_THEN_IMPRINT.match(t, lead.end()):
            rest = t[lead.end():]  # "Judt, Postwar (Penguin, 2005)": the surname alone, then the title

    quoted = _QUOTED_TITLE.search(rest)
    if quoted and quoted.start() < 5:
        title = quoted.group("title").strip()
    else:
        title_match = re.match(r"([^.(]{2,250}?)(?:\.\s|\s[(\[]|\.$|$|\s[-–—]\s(?=[a-z])|,\s+(?:eds?\.|edited\s)"
                               r"|,\s+(?:pp?\.|ch\.|chap\.|chapter|vol\.)\s?\d"  # "Postwar, p. 12"
                               r"|(?<=[?!])\s+(?=[A-Z][\w '’-]{1,40}:\s))",  # "...Decolonization? Oxford: Berg"
                               rest)
        if title_match:
            title = _EDITION.sub("", title_match.group(1)).strip(" ,;:")  # "Black November, 2nd edn"
    pub = re.search(r":\s*([^:,]{2,80}?),\s*" + YEAR, rest) or re.search(r"\(([^(),]{2,60}?),\s*" + YEAR + r"\)", rest)
    if pub:
        publisher = pub.group(1).strip()
    years = [int(y) for y in _YEAR.findall(t)]
    year = dated or (years[-1] if years else None)  # "Macfie (1979). "The Chanak Affair (September–October 1922)""
    kind = SourceKind.BOOK
    if _THESISH.search(t):
        kind = SourceKind.THESIS
    elif title and not (quoted and quoted.start() < 5) and re.search(r"\b(?:journals?|diary|diaries)$", title, re.I):
        kind = SourceKind.DIARY  # "Wavell: The Viceroy's Journal, ed. Penderel Moon"
    elif (quoted and quoted.start() < 5) or _JOURNALISH.search(re.split(r"\s[-–—]\s(?=[a-z])", rest, maxsplit=1)[0]):
        kind = SourceKind.ARTICLE
    elif not authors and ("://" in t or "www." in t):
        kind = SourceKind.WEB
    if kind in (SourceKind.BOOK, SourceKind.ARTICLE) and _BROADCAST.search(t):
        kind = SourceKind.OTHER
    return ParsedReference(authors, title or None, year, publisher, kind)


def _entry_spans(prose: str, span: Span, *, one_per_line: bool = False) -> Iterator[Span]:
    """Split a block that holds several references (one per line, or run together)."""
    text = prose[span.start:span.end]
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]
    chunks: list[tuple[int, int]]
    hanging = _hanging_entries(text, lines)
    if hanging:
        chunks = hanging
    elif len(lines) > 1 and (one_per_line or all(_ENTRY_START.match(text[s:e]) for s, e in lines)
                             or all(_NOTE_NUMBER.match(text[s:e]) for s, e in lines) or _line_per_entry(text, lines)):
        chunks = lines  # "[5] Ibid., p. 58." and "[10] Amery diary, quoted in ..." are entries of a numbered list
    else:
        chunks = _entries_by_line_ends(text, lines)
    for s, e in chunks:
        piece = text[s:e]
        # where one entry ends and the next begins
        breaks = sorted([(m.end(), m.end()) for m in _ENTRY_SPLIT.finditer(piece)]
                        + [(m.start(), m.end()) for m in _ALSO_SPLIT.finditer(piece)]
                        + _semicolon_breaks(piece))
        starts = [0] + [b for _, b in breaks]
        ends = [a for a, _ in breaks] + [len(piece)]
        for a, b in zip(starts, ends, strict=True):
            raw = piece[a:b]
            lead = len(raw) - len(raw.lstrip())
            arrow = _BACK_ARROW.match(raw, lead)  # a wiki's back-link before its note: "↑ Patience, Kevin (1994)"
            if arrow:
                lead = arrow.end()
            number = _NOTE_NUMBER.match(raw, lead)
            if number and a == 0:
                lead = number.end()
            if a == 0 and (label := _SOURCE_LINES.match(raw)):
                lead = max(lead, label.end())  # "Further reading: ..." as a line of a notes section
            stripped = raw[lead:].strip()
            if stripped:
                yield Span(span.start + s + a + lead, span.start + s + a + lead + len(stripped))


def _semicolon_breaks(piece: str) -> list[tuple[int, int]]:
    """Where a semicolon parts two works that each read as a reference on their own; "Eric Hobsbawm, Age of
    Extremes, p. 90; Mazower, Dark Continent (1998)" stays one entry, its first work having no year to show."""
    marks = [(m.start(), m.end()) for m in _SEMICOLON_SPLIT.finditer(piece)]
    if not marks:
        return []
    starts = [0] + [b for _, b in marks]
    ends = [a for a, _ in marks] + [len(piece)]
    if all(looks_bibliographic(piece[a:b]) for a, b in zip(starts, ends, strict=True)):
        return marks
    return []


_LINE_END = re.compile(r"(?:[.)\]”\"]|\d|https?://\S+)\s*$")
_LINE_OPENING = re.compile(rf"[\"“‘(\[]?[{UPPER}0-9]")  # "Ó Gráda, Cormac. 2011."


def _line_per_entry(text: str, lines: list[tuple[int, int]]) -> bool:
    """A list set one work to a line, some of them not opening with an author ("Wavell: The Viceroy's
    Journal, ed. Moon (1973)."): every line ends as an entry ends and the next opens as one opens, which a
    paragraph wrapped at the margin does not do at every break, and most lines are entries by their shape."""
    if not all(_LINE_END.search(text, s, e) and _LINE_OPENING.match(text, s) for s, e in lines):
        return False
    shaped = sum(1 for s, e in lines if _ENTRY_START.match(text[s:e]) or _YEAR.search(text, s, e))
    return shaped * 2 > len(lines)


_DATED_END = re.compile(rf"{YEAR}[a-z]?\)?\.\s*$")
_TITLE_DATED_START = re.compile(rf"[A-Z][\w'’-]*(?:[ \t]+[A-Z\d][\w'’-]*){{0,6}},?[ \t]+\([^()\n]{{0,40}}\b{YEAR}\)")


def _entries_by_line_ends(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A block of entries some of which wrap: a new entry opens on the line after one that ends
    with a dated close ("... (HarperPress, 2010).") when that line opens as an entry does
    ("Housewife, 49 (ITV, 2006), written by ..."). Without such breaks the block is one piece."""
    if len(lines) < 2:
        return [(0, len(text))]
    chunks = [lines[0]]
    for (previous_start, previous_end), (s, e) in pairwise(lines):
        if _DATED_END.search(text, previous_start, previous_end) and (
                _ENTRY_START.match(text[s:e]) or _TITLE_DATED_START.match(text, s, e)):
            chunks.append((s, e))
        else:
            chunks[-1] = (chunks[-1][0], e)
    return chunks if len(chunks) > 1 else [(0, len(text))]


def _hanging_entries(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Entries set with a hanging indent: each opens at the margin, its other lines are indented."""
    indented = [text[s:e][:1] in " \t" for s, e in lines]
    if len(lines) < 2 or not any(indented) or (indented[0] and lines[0][0] > 0):
        return []
    chunks: list[tuple[int, int]] = []
    for (s, e), inside in zip(lines, indented, strict=True):
        if inside and chunks:
            chunks[-1] = (chunks[-1][0], e)
        elif _ENTRY_START.match(text[s:e]):
            chunks.append((s, e))
        else:
            return []
    return chunks


def _citation(doc: Document, span: Span, cue: str) -> Citation | None:
    text = doc.prose[span.start:span.end]
    if not looks_bibliographic(text):
        return None
    parsed = parse_reference(text)
    urls = [u for u, _ in find_urls(doc.prose, span.start, span.end)]
    urls += [link.url for link in doc.links if span.start <= link.span.start < span.end and not link.image]
    isbn = _ISBN.search(text)
    doi = _DOI.search(text)
    kind = parsed.kind
    if kind is SourceKind.BOOK and not parsed.authors and urls and not parsed.year:
        kind = SourceKind.WEB
    return Citation(
        span=span, surface=doc.text[span.start:span.end], kind=kind, cue=cue, title=parsed.title,
        authors=parsed.authors, year=parsed.year, url=urls[0] if urls else None, publisher=parsed.publisher,
        isbn=isbn.group(1).replace(" ", "") if isbn else None, doi=doi.group(1) if doi else None,
    )


_RULE_LINE = r"^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$"
_RULE = re.compile(_RULE_LINE, re.MULTILINE)
# what may stand between two entries of a list: "1. " before one, "](https://...)" after a linked one
_LIST_MARKER = re.compile(r"(?m)^[ \t]*(?:\d{1,3}[.)]|[-*+•])(?:[ \t]+|$)|\]\([^()\s]+\)")
_SEPARATES = re.compile(rf"[^\W_]|{_RULE_LINE}", re.MULTILINE)  # text or a rule between two blocks


_SUB_HEADING = re.compile(rf"[{UPPER}][\w'’-]*(?:[ \t]+[\w'’-]+){{0,2}}:?")


def reference_sections(doc: Document) -> list[tuple[int, int]]:
    """(first block, end block) index ranges of the blocks under a references heading.

    Under a Markdown or HTML heading the section runs to the next heading of the same level; under a
    plain "Sources:" line, or a heading line of plain text, it runs while the blocks look like reference
    entries, within one post.
    """
    sections: list[tuple[int, int]] = []
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        text = doc.prose[block.span.start:block.span.end]
        if "\n" in text.strip() or not REFERENCE_HEADING.match(text):
            continue
        end = i + 1
        if block.kind is BlockKind.HEADING and block.heading_level:
            level = block.heading_level
            while end < len(blocks):
                nxt = blocks[end]
                if (nxt.kind is BlockKind.HEADING and (nxt.heading_level or 9) <= level) or nxt.post != block.post:
                    break
                sub_heading = nxt.kind is BlockKind.HEADING
                if sub_heading and not REFERENCE_HEADING.match(doc.prose[nxt.span.start:nxt.span.end]):
                    break  # "### Source A" under "## Sources": a worksheet's exhibits, not a reference list
                if _RULE.search(doc.text, blocks[end - 1].span.end, nxt.span.start):
                    break  # a rule ("---") ends the list
                end += 1
        else:
            heading = block.kind is BlockKind.HEADING  # a heading line of plain text: "SOURCES & FURTHER READING"
            while end < len(blocks):
                nxt = blocks[end]
                entry = doc.prose[nxt.span.start:nxt.span.end]
                if end > i + 1 and nxt.kind is not BlockKind.HEADING and _SUB_HEADING.fullmatch(entry.strip()) and (
                        end + 1 < len(blocks)) and (
                        blocks[end + 1].kind is BlockKind.LIST_ITEM and blocks[end + 1].post == block.post):
                    end += 1  # "Other" or "Archives" over more entries of the list
                    continue
                if nxt.post != block.post or nxt.kind is BlockKind.HEADING or not (
                        nxt.kind is BlockKind.LIST_ITEM or (looks_bibliographic(entry) and (
                            not heading or _entry_shaped(_without_number(entry.strip()))))):
                    break
                between = _LIST_MARKER.sub("", doc.text[blocks[end - 1].span.end:nxt.span.start])
                if _SEPARATES.search(between):
                    break  # a rule ("---") or blanked chrome ("### 4 comments") ends the list
                end += 1
        if end > i + 1:
            sections.append((i + 1, end))
    return sections


_SENTENCE_BREAK = re.compile(r"[a-z)\]*_][.!?][\"”’]?\s+(?=[A-Z])")


def _running_prose(doc: Document, block: Block) -> bool:
    """A paragraph of sentences under a "Further reading" heading ("For readers who want ..., Longford is
    still the liveliest narrative. Jeffrey Butler's ... is good on ..."), or a note that discusses rather
    than lists ("The Mur des Fédérés. The number shot there is usually given as 147, but ..."): read as
    prose, not as one entry."""
    text = doc.prose[block.span.start:block.span.end]
    if block.kind is BlockKind.PARAGRAPH:
        # one long sentence of prose will do: "He joined Shackleton, as he tells it in ..., after dreaming that ..."
        # under an auction house's "Footnotes", its essay on the lot
        return _discursive(text, 300, 2) or _discursive(text, 150, 0)
    return block.kind is BlockKind.REFERENCE and _discursive_note(text)


def _discursive_note(text: str) -> bool:
    """A footnote or endnote of sentences: shorter than a paragraph of prose needs to be; one sentence will
    do when the writer speaks in it ("..., but I only know it second-hand from Halberstam's book.")."""
    return _discursive(text, 100, 1) or (_FIRST_PERSON.search(text) is not None and _discursive(text, 80, 0))


def _discursive(text: str, min_length: int, min_breaks: int) -> bool:
    """Sentences of prose, not an entry: long enough, one paragraph, not opening with an author's name,
    and mostly words in lower case (an entry is mostly names and title words)."""
    if len(text) < min_length or "\n" in text.strip() or _ENTRY_START.match(text):
        return False
    if len(_SENTENCE_BREAK.findall(text)) < min_breaks:
        return False
    words = _WORD_START.findall(text)
    return sum(w.islower() for w in words) >= 0.5 * len(words)


_WORD_START = re.compile(r"(?<![\w'’-])[^\W\d_]")
_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:ve|m|d)|we|my|our)\b")


def extract_references(doc: Document) -> list[Citation]:
    out: list[Citation] = []
    covered: list[Span] = []
    for first, end in reference_sections(doc):
        for block in doc.blocks[first:end]:
            if block.kind is BlockKind.HEADING or _running_prose(doc, block):
                continue
            for span in _entry_spans(doc.prose, block.span):
                # a numbered note names its source ("(5) Scrapbook of Mrs Joan Cattermole, vol. 2, in private
                # hands"); a list of works without numbers needs an entry's shape
                line_start = doc.prose.rfind("\n", 0, span.start) + 1
                numbered = _NUMBER_BEFORE.fullmatch(doc.prose, line_start, span.start) is not None and (
                    _SAME_AS_BEFORE.match(doc.prose, span.start, span.end) is None)
                outer, citation = _entry_citations(doc, span, "bibliography", any_named=numbered)
                out.extend(c for c in (outer, citation) if c is not None)
                if citation:
                    covered.append(span)
    # footnote bodies, and the bodies of wikitext references that hold no template ("<ref>Richard Baxell,
    # ''British Volunteers in the Spanish Civil War'' (Routledge, 2004), p. 17.</ref>")
    bodies = [footnote.body for footnote in doc.footnotes] + [
        # (in the text: Markdown's prose blanks the tags out as markup)
        Span(m.start("body"), m.end("body")) for m in _WIKI_REF.finditer(doc.text) if "{{" not in m.group("body")]
    for body in bodies:
        text = doc.prose[body.start:body.end].strip()
        if not text or _discursive_note(text) or _INDEFINITE_NOTE.match(text):
            continue  # "An unpublished thesis on post-war housing, details unknown": read as prose, a vague work
        lead = len(doc.prose[body.start:body.end]) - len(doc.prose[body.start:body.end].lstrip())
        span = Span(body.start + lead, body.start + lead + len(text))
        if any(span.overlaps(c) for c in covered):
            continue
        short = _short_notes(doc, span)
        if short:
            out.extend(short)
            covered.append(span)
            continue
        outer, citation = _entry_citations(doc, span, "footnote", any_named=True)
        out.extend(c for c in (outer, citation) if c is not None)
        if citation:
            covered.append(span)
    for block in doc.blocks:
        text = doc.prose[block.span.start:block.span.end]
        for m in _SOURCE_LINES.finditer(text):
            # "Source: X" on one line is one entry; "Sources:" over a list takes the lines that follow
            line_end = text.find("\n", m.end())
            line_end = len(text) if line_end == -1 else line_end
            one_line = bool(text[m.end():line_end].strip())
            inner = Span(block.span.start + m.end(), block.span.start + (line_end if one_line else len(text)))
            if any(inner.overlaps(c) for c in covered):
                continue
            covered.append(inner)
            for span in _entry_spans(doc.prose, inner, one_per_line=not one_line):
                outer, citation = _entry_citations(doc, span, "source-line", any_named=True)
                out.extend(c for c in (outer, citation) if c is not None)
    covered += [c.span for c in out]
    for span in _lone_entries(doc, covered):
        outer, citation = _entry_citations(doc, span, "bibliography", any_named=False)
        out.extend(c for c in (outer, citation) if c is not None)
    return out


# A reference entry on a line of its own, with no heading over it: "Gaddis, J. L. (2005). The Cold War: A New
# History. Penguin Press." or "Gaddis, John Lewis. The Cold War: A New History. New York: Penguin, 2005."
_SURNAME = rf"[{UPPER}][\w'’-]+"
_APA_LINE = re.compile(
    rf"{_SURNAME},\s(?:[A-Z]\.\s?){{1,3}}(?:,?\s(?:&|and)\s{_SURNAME},\s(?:[A-Z]\.\s?){{1,3}})*"
    rf"\s?\((?:{YEAR}|n\.\s?d\.)[a-z]?\)\.\s+[\"“‘\[]?[{UPPER}\d][^\n]*[.)\]\w/]")
_GIVEN = rf"(?:[{UPPER}][{LOWER}]+|[A-Z]\.)(?:\s(?:[{UPPER}][{LOWER}]+|[A-Z]\.))*"
# "Gaddis, John Lewis.", "STEER, G. L.", "Kramer, Reinhold, and Tom Mitchell.", "Heron, Craig, ed."
_CHICAGO_AUTHOR = (rf"{_SURNAME},\s{_GIVEN}(?:,?\s(?:and|&)\s{_GIVEN}\s{_SURNAME})?"
                   r"(?:,?\s\((?:ed|eds|comp)\.?\)|,\s(?:ed|eds|comp)\.)?(?:\.|(?<=\.))\s+")
_CHICAGO_LINE = re.compile(
    rf"{_CHICAGO_AUTHOR}"
    rf"[\"“‘]?[{UPPER}\d][^\n]{{2,250}}?"
    rf"[.?!”\"]\s+(?:[{UPPER}][^\n:.]{{1,40}}:\s)?[{UPPER}][^\n:]{{1,60}},\s{YEAR}\.?")
_LINE_LEAD = re.compile(r"[ \t]*(?:[-*•][ \t]+|\[?\d{1,3}[.)\]][ \t]+)?")
# "Tomkins, S. M., "The Influenza Epidemic ...", Journal of Pacific History 27:2 (1992), 181-197.": initials
# after the surname, then a comma and the title (the entry may run on over indented lines)
_INITIALS_COMMA = re.compile(rf"(?P<surname>{_SURNAME}),\s(?P<initials>(?:[A-Z]\.\s?){{1,3}}),\s+"
                             rf"(?P<rest>[\"“‘*_]?[{UPPER}\d].*)", re.DOTALL)
_CONTINUATION = re.compile(r"\n(?![ \t]*(?:[-*•+]|\d{1,3}[.)])[ \t])[ \t]+\S[^\n]*")
_CO_AUTHOR = re.compile(rf"{_GIVEN}\s{_SURNAME}")
_ENTRY_CLOSE = re.compile(r"[.)](?=\s|$)")
_CHICAGO_OPENING = re.compile(_CHICAGO_AUTHOR)


def _lone_entries(doc: Document, covered: list[Span]) -> Iterator[Span]:
    """Lines that are a whole APA or Chicago entry (after a list marker), on no line already read; and a Chicago
    entry that opens a line or a sentence and is followed by more ("3. KEEGAN, John. The Face of Battle. London:
    Jonathan Cape, 1976. Very good in wrapper.", "It is hardly fringe. Sanford, George. Katyn .... Routledge,
    2005.")."""
    for line in re.finditer(r"[^\n]+", doc.prose):
        lead = _LINE_LEAD.match(line.group())
        start = line.start() + (lead.end() if lead else 0)
        text = doc.prose[start:line.end()].rstrip()
        if any(c.start < line.end() and line.start() < c.end for c in covered):
            continue
        if _APA_LINE.fullmatch(text) or _CHICAGO_LINE.fullmatch(text):
            yield Span(start, start + len(text))
            continue
        if _CHICAGO_OPENING.match(text) and (run_on := _run_on_entry(doc, start, line.end())) is not None:
            yield run_on  # "Gordon, Harry. Die Like the Carp! ... Sydney: Cassell\n   Australia, 1978."
            continue
        if _INITIALS_COMMA.match(text):
            end = _run_on_end(doc, line.end())
            years = list(_YEAR.finditer(doc.prose, start, end))
            close = _ENTRY_CLOSE.search(doc.prose, years[-1].end(), end) if years else None
            if close is not None:
                yield Span(start, close.end())
            continue
        if not _COMMA_YEAR.search(text):
            continue  # every Chicago entry ends "Publisher, 1976": most lines need no closer look
        for opening in (start, *(m.end() for m in _SENTENCE_OPENING.finditer(doc.prose, start, line.end()))):
            entry = _CHICAGO_LINE.match(doc.prose, opening, line.end())
            if entry is not None and doc.prose[entry.end():entry.end() + 1] in ("", " ", "\t", "\n"):
                yield Span(opening, entry.end())
                break


def _run_on_end(doc: Document, line_end: int) -> int:
    """Where an entry that runs on over indented lines ends: before the next line that opens an entry of its own
    (read in the text: the prose blanks list markers)."""
    end = line_end
    while (more := _CONTINUATION.match(doc.text, end)) is not None and not (
            _CHICAGO_OPENING.match(opening := more.group().strip()) or _INITIALS_COMMA.match(opening)):
        end = more.end()
    return end


def _run_on_entry(doc: Document, start: int, line_end: int) -> Span | None:
    """A Chicago entry that runs on over indented lines."""
    end = _run_on_end(doc, line_end)
    if end == line_end:
        return None
    flat = " ".join(doc.prose[start:end].split())
    return Span(start, end) if _CHICAGO_LINE.fullmatch(flat) else None


_SENTENCE_OPENING = re.compile(r"(?<=[.!?])[ \t]+(?=[A-Z])")
_COMMA_YEAR = re.compile(rf",\s{YEAR}")


_INDEFINITE_NOTE = re.compile(r"(?:An?|Some)\s+(?:[a-z][\w'’-]*\s+){0,3}?(?:" + "|".join(
    sorted(map(re.escape, WORK_NOUNS), key=len, reverse=True)) + r")\b")
_WIKI_REF = re.compile(r"<ref(?:[ \t][^<>/\n]{0,200})?>(?P<body>[^<>\n]{1,1000}?)</ref>", re.IGNORECASE)


def _entry_citations(doc: Document, span: Span, cue: str, *, any_named: bool) -> tuple[Citation | None,
                                                                                      Citation | None]:
    """An entry's work, and the one it says the entry's document is quoted in ("Letter, 19 October 1936, quoted in
    Perry (2005), p. 87"), the document then known through it. An entry no parser reads is still a source (kind
    other) when it names someone or links somewhere: always with ``any_named``, else only when it is quoted."""
    outer, own = _quoted_in_split(doc, span, cue)
    citation = _citation(doc, own, cue)
    if citation is None and (any_named or outer is not None) and _has_name_or_link(doc, own):
        citation = Citation(span=own, surface=doc.text[own.start:own.end], kind=SourceKind.OTHER, cue=cue,
                            url=_first_link(doc, own))
    if outer is not None:
        citation = _known_through(doc, citation, outer)
    return outer, citation


# "Order of the day, 2 July 1920. The translation is the one quoted in Davies, White Eagle (1972)."
_QUOTED_IN_ENTRY = re.compile(
    r"[.;,]?\s+(?:(?:The|the|This|this)\s+(?:English\s+)?(?:translation|text|version|extract)\s+(?:is|was)\s+"
    r"(?:the\s+one\s+|that\s+)?|as\s+)?"
    r"(?:[Qq]uoted|[Cc]ited|[Rr]eproduced|[Pp]rinted|[Tt]ranslated|[Ee]xcerpted)\s+in\s+")
_DOCUMENT_START = re.compile(r"(?-i:[A-Z][\w'’-]+\s+){0,2}"
                             r"(?:letters?|order|orders|telegram|despatch|dispatch|memorandum|minutes|diary|diaries|"
                             r"speech|report|instructions|notes)\b", re.IGNORECASE)
_ENTRY_SENTENCE_END = re.compile(r"(?<=[.)])\s+(?=[A-Z])")


def _quoted_in_split(doc: Document, span: Span, cue: str) -> tuple[Citation | None, Span]:
    """The work an entry or a note says its document is quoted from ("Order of the day, 2 July 1920,
    quoted in Davies, White Eagle (1972)"; "Farmer, report on the circuit (1944), quoted in FitzSimons
    2002, p. 241"), and the span of the document's own words, cut where the quoting begins."""
    m = _QUOTED_IN_ENTRY.search(doc.prose, span.start, span.end)
    if m is None or m.start() - span.start < 10:
        return None, span
    end = _ENTRY_SENTENCE_END.search(doc.prose, m.end(), span.end)
    where = Span(m.end(), end.start() if end else span.end)
    short = _SHORT_WORK.match(doc.prose, where.start, where.end)
    whole_short = short is not None and not doc.prose[short.end():where.end].strip(" .;,")
    outer = None if whole_short else _citation(doc, where, cue)
    if outer is None and short is not None:  # "FitzSimons 2002, p. 241", "Walder (1969)": the work in short form
        outer = Citation(span=Span(where.start, short.end()), surface=doc.text[where.start:short.end()],
                         kind=SourceKind.OTHER, cue=cue, authors=(short.group("who"),),
                         year=int(short.group("year")) if short.group("year") else None)
    if outer is None:
        return None, span
    return outer, Span(span.start, m.start())


# a work named in short form after "quoted in": "FitzSimons 2002", "Brody, p. 12"
_SHORT_WORK = re.compile(r"(?P<who>[A-Z][\w'’-]+(?:\s(?:and|&)\s[A-Z][\w'’-]+)?)"
                         r"(?:,?\s\(?(?P<year>(?:1[5-9]|20)\d\d)\)?)?(?:,\s(?:pp?\.\s?)?\d+(?:[–-]\d+)?)?")


def _known_through(doc: Document, citation: Citation | None, outer: Citation) -> Citation | None:
    """The document of an entry, known through ``outer``: a letter, an order or a diary is no book."""
    if citation is None:
        return None
    document = _DOCUMENT_START.match(doc.prose, citation.span.start)
    if document is None and _FROM_TO_DATED.match(doc.prose, citation.span.start):
        return replace(citation, via=outer.span, kind=document_kind("letter"), title=None)
    kind = citation.kind if document is None else document_kind(document.group(0))
    return replace(citation, via=outer.span, kind=kind)


# "Badoglio to Graziani, 20 June 1930": a letter, by its writer, addressee and date
_FROM_TO_DATED = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]+\s+to\s+"
                            rf"(?:[A-Z][\w'’.-]*\s+){{0,2}}[A-Z][\w'’-]+,?\s+{CALENDAR_DAY}[ \t]+{YEAR}\b")


# a note's short form of a work listed in full elsewhere: "Fink, Genoa Conference, 174–6",
# "Himmer, ‘Rathenau, Russia, and Rapallo’, 150–5", "D’Abernon, Ambassador of Peace, vol. 1, 295–301"
_SHORT_NOTE = re.compile(
    r"(?:^|(?<=[;.]\s)|(?<=\b[Ss]ee\s)|(?<=\bcf\.\s)|(?<=\band\s)|(?<=\bin\s))"
    r"(?!(?:See|Cf|On|In|For)\s)(?P<who>[A-Z][\w'’-]+(?:\s(?:von|van|de|der|du|la|le|di|da)\s[A-Z][\w'’-]+"
    r"|\s[A-Z][\w'’-]+)?),\s+"
    r"(?P<title>[‘“\"][^’”\"]{2,200}(?:’(?=[a-z])[^’”\"]{0,200})*[’”\"]|[A-Z][^,;]{1,150}?),\s+"
    r"(?:(?:vol|Vol)\.\s*[\dIVXivx]+,\s*)?(?:pp?\.\s*)?(?!(?:1[5-9]|20)\d\d\b)(?P<pages>\d+(?:\s*[–-]\s*\d+)?)"
)


def _short_notes(doc: Document, span: Span) -> list[Citation]:
    """The works a note cites in short form, one citation each."""
    out: list[Citation] = []
    text = doc.prose[span.start:span.end]
    for m in _SHORT_NOTE.finditer(text):
        title = m.group("title")
        quoted = title[:1] in "‘“\""
        start, end = span.start + m.start(), span.start + m.end()
        out.append(Citation(span=Span(start, end), surface=doc.text[start:end],
                            kind=SourceKind.ARTICLE if quoted else SourceKind.BOOK, cue="footnote",
                            title=" ".join(title.strip("‘’“”\"").split()), authors=(m.group("who"),)))
    return out


def _first_link(doc: Document, span: Span) -> str | None:
    for link in doc.links:
        if span.start <= link.span.start < span.end and not link.image:
            return link.url
    for url, _ in find_urls(doc.prose, span.start, span.end):
        return url
    return None


def _has_name_or_link(doc: Document, span: Span) -> bool:
    text = doc.prose[span.start:span.end]
    return _first_link(doc, span) is not None or re.match(r"^\s*[A-Z][\w'’-]+", text) is not None


# an article's back matter: statements about the paper, not about the past
_BACK_MATTER_HEADING = re.compile(
    r"^\s*(?:disclosure statement|declaration of (?:competing )?interests?|conflicts? of interest|competing interests|"
    r"notes? on (?:the )?contributors?|about the authors?|author biograph(?:y|ies)|acknowledge?ments?|funding|"
    r"data availability(?: statement)?|orcid)\s*:?\s*$",
    re.IGNORECASE,
)


def _back_matter(doc: Document) -> set[int]:
    out: set[int] = set()
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if block.kind is not BlockKind.HEADING or not _BACK_MATTER_HEADING.match(
                doc.prose[block.span.start:block.span.end]):
            continue
        end = i + 1
        while end < len(blocks) and blocks[end].kind is not BlockKind.HEADING:
            end += 1
        out.update(range(i + 1, end))
    return out


def reference_blocks(doc: Document) -> set[int]:
    """Indexes of blocks that are reference entries or an article's back matter (no rule should
    read them as claims)."""
    out: set[int] = _back_matter(doc)
    for first, end in reference_sections(doc):
        out.update(i for i in range(first, end) if not _running_prose(doc, doc.blocks[i]))
    for i, block in enumerate(doc.blocks):
        if block.kind is BlockKind.REFERENCE and not _running_prose(doc, block):
            out.add(i)
    return out
