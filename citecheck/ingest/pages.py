"""Text copied out of a paginated document (a journal article's PDF): notes at the foot of each page.

In such text a note's number is glued to the sentence it belongs to ("…along the coast from
Genoa.1 In six articles…") and the note itself opens a line further down, after the page's text
("1 The German text is in …"). A number becomes a note only when both halves are found, in order:
the marker before the note, and notes numbered one after another. A document needs two such
pairs before any number in it is read as a note, so a plain list of figures stays text.

Headings in such text sit on lines of their own inside a block ("Introduction" above the first
line of a paragraph); they are found only in a document with page notes.
"""

from __future__ import annotations

import re

from citecheck.ingest.markup import Markup, iter_lines
from citecheck.model import BlockKind, Footnote, Span

_NOTE_LINE = re.compile(r"(?P<number>\d{1,3})\.?[ \t]+(?=\S)")
# a number glued to the end of a word or sentence: "Genoa.1", "clauses.3", "catastrophe.10"
_GLUED_NUMBER = re.compile(r"(?<=[^\W\d_]|[.,;:!?’”\"')\]])\d{1,3}(?=\s|$)")
_DECIMAL = re.compile(r"\d[.,]$")
_YEAR_END = re.compile(r"\b1[5-9]\d\d[.,]$|\b20\d\d[.,]$")
_TRAILING_NUMBER = re.compile(r"\d+$")
_MIN_NOTES = 2
_HEADING_WORDS = 10


def mark_page_notes(text: str, m: Markup) -> None:
    """Find page notes and their markers; record them as footnotes, blank the numbers, and mark
    the headings that stand on their own line."""
    markers = _markers(text)
    if 1 not in markers or 2 not in markers:
        return  # the notes run from 1, and a document needs two
    lines = iter_lines(text)
    notes: list[tuple[int, int, int, int]] = []  # number, line index of the note's first line, body start, end
    marker_for: dict[int, int] = {}  # note number -> marker offset
    expected = 1
    searched_from = 0
    previous_blank = True
    i = 0
    while i < len(lines):
        start, end = lines[i]
        match = _NOTE_LINE.match(text, start, end)
        if not (previous_blank and match and int(match.group("number")) == expected):
            previous_blank = not text[start:end].strip() or _furniture(text[start:end])
            i += 1
            continue
        # a run of notes: each opens with the next number; other lines continue the note before
        block_start = start
        run: list[tuple[int, int, int, int]] = []
        j = i
        while j < len(lines):
            s, e = lines[j]
            line = text[s:e]
            if not line.strip() or _furniture(line):
                break
            note = _NOTE_LINE.match(text, s, e)
            if note and int(note.group("number")) == expected + len(run):
                run.append((int(note.group("number")), j, note.end(), e))
            elif run:
                number, first, body, _ = run[-1]
                run[-1] = (number, first, body, e)
            j += 1
        found = [(number, _last_marker(markers, number, searched_from, block_start)) for number, *_ in run]
        kept = 0
        for number, marker in found:
            if marker is None:
                break
            marker_for[number] = marker
            kept += 1
        if kept:
            notes.extend(run[:kept])
            expected += kept
            searched_from = block_start
            i = run[kept - 1][1] + 1
            previous_blank = False
        else:
            i += 1
            previous_blank = False
    if len(notes) < _MIN_NOTES:
        return
    for number, first, body, end in notes:
        line_start = lines[first][0]
        m.blank(line_start, body)
        m.footnotes.append(Footnote(str(number), Span(line_start, end), Span(body, end)))
        marker = marker_for[number]
        m.footnote_refs.append((str(number), Span(marker, marker + len(str(number)))))
        m.blank(marker, marker + len(str(number)))
        for k in range(first, len(lines)):
            if lines[k][0] >= end:
                break
            info = m.info(lines[k][0])
            info.kind = BlockKind.REFERENCE
            info.item_start = k == first
    _mark_headings(text, lines, m)
    _mark_paragraphs(text, lines, m, set(marker_for.values()))


def _markers(text: str) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for found in _GLUED_NUMBER.finditer(text):
        before = text[max(0, found.start() - 6):found.start()]
        if _DECIMAL.search(before) and not _YEAR_END.search(before):
            continue  # "3.5 million", but "in 1922.3" is a year and its note
        line_start = text.rfind("\n", 0, found.start()) + 1
        if not text[line_start:found.start()].strip():
            continue  # a number opening a line is a note or a list, not a marker
        out.setdefault(int(found.group()), []).append(found.start())
    return out


def _last_marker(markers: dict[int, list[int]], number: int, lo: int, hi: int) -> int | None:
    inside = [offset for offset in markers.get(number, ()) if lo <= offset < hi]
    return inside[-1] if inside else None


def _mark_paragraphs(text: str, lines: list[tuple[int, int]], m: Markup, markers: set[int]) -> None:
    """Copied page text keeps no blank line between paragraphs: a paragraph ends on a line that
    finishes a sentence well short of the measure, and the next line opens the next one."""
    widths = sorted(len(text[s:e].rstrip()) for s, e in lines if len(text[s:e].split()) > 3)
    if len(widths) < 8:
        return
    measure = widths[(len(widths) * 3) // 4]
    for k in range(len(lines) - 1):
        start, end = lines[k]
        line = text[start:end].rstrip()
        glued = _TRAILING_NUMBER.search(line)
        if glued and start + glued.start() in markers:
            line = line[:glued.start()]  # "…passed through on his way to Italy.5": the sentence ends before the note
        ended = line.rstrip()
        following = text[lines[k + 1][0]:lines[k + 1][1]]
        if not ended or ended[-1] not in ".!?”’\"" or len(ended) >= 0.8 * measure or not following.strip():
            continue
        if lines[k + 1][0] in m.line_info or not following.lstrip()[:1].isupper():
            continue
        m.info(lines[k + 1][0]).item_start = True


# a page's furniture in copied text: "212	E. MARCHBANK", "JOURNAL OF … HISTORY	213", "Downloaded by …"
PAGE_FURNITURE = re.compile(
    r"^\s*(?:\d{1,4}(?:\t|[ ]{2,})[A-Z][A-Z0-9.,'’&:() -]{2,100}"
    r"|[A-Z][A-Z0-9.,'’&:() -]{2,100}(?:\t|[ ]{2,})\d{1,4}"
    r"|Downloaded (?:by|from) .{3,200})\s*$"
)


def _furniture(line: str) -> bool:
    return PAGE_FURNITURE.match(line) is not None


def _mark_headings(text: str, lines: list[tuple[int, int]], m: Markup) -> None:
    """A short line with no closing punctuation, at the start of a block or after a finished
    sentence, above a line of text: "Introduction", "The night of 15–16 April"."""
    for k in range(len(lines) - 1):
        start, end = lines[k]
        line = text[start:end].strip()
        following = text[lines[k + 1][0]:lines[k + 1][1]].strip()
        if not line or not following or not line[0].isupper() or line[-1] in ".,;:!?-–—)’”\"'":
            continue
        if len(line.split()) > _HEADING_WORDS or start in m.line_info or _furniture(line):
            continue
        before = text[lines[k - 1][0]:lines[k - 1][1]].strip() if k else ""
        if before and before[-1] not in ".!?:”’\"" and not _furniture(before):
            continue  # the line before runs on into this one
        if not (following[0].isupper() or following[0] in "‘“\"'("):
            continue
        info = m.info(start)
        info.kind, info.heading_level = BlockKind.HEADING, 2
