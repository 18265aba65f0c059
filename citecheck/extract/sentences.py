"""Sentence segmentation that works on forum text as well as on essays.

It runs block by block over the prose view. Within a block, a line break ends a sentence in
line-structured text (forum posts written as short lines, link titles standing alone) but
not in hard-wrapped prose, which is recognised by its even line lengths. Periods end a
sentence unless they close an abbreviation or an initial; a missing space after a period
(``Stalin.And``) still ends one; a quotation that closes soon is not split.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import chain

from citecheck.letters import EMOJI, EMOJI_MODIFIER, LOWER, UPPER
from citecheck.model import Block, BlockKind, Document, Span

_ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "capt", "cpt", "adm", "st", "sr", "jr", "rev", "hon", "sgt",
     "maj", "gov", "pres", "sen", "rep", "gen", "mgr", "fr", "br", "sir", "lord", "ft", "mt", "vol", "vols", "ch",
     "chap", "c", "ca", "cf", "e.g", "i.e", "eg", "ie", "etc", "al", "pp", "p", "no", "nos", "fig", "figs", "ed", "eds",
     "trans", "repr", "approx", "vs", "v", "viz", "op", "cit", "ibid", "id", "art", "sec", "secs", "para", "paras",
     "ser", "n", "nn", "ms", "mss", "esp", "inc", "ltd", "co", "corp", "dept", "univ", "assn", "bros", "jan", "feb",
     "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "a.m", "p.m", "am", "pm", "ad", "bc", "b.c",
     "a.d", "cca", "cir", "abt", "est", "pt", "pts", "bk", "bks", "comp", "rpt", "rev'd", "transl", "introd", "pref",
     "suppl"]
)
_WORDS_TOO = frozenset(["no", "nos"])  # abbreviations only before a number: "but no. In 1856" ends a sentence
_NUMBER_NEXT = re.compile(r"\s*[\d#]")
_BOUNDARY = re.compile(
    r"(?:[.!?…]+|\.\.\.)[\"'”’»)\]*_]*(?:\[(?:\d{1,3}|[a-z]|citation needed|note \d+)\])*"
    # pasted wikitext: "... in 1971.<ref name="truth">{{cite book |...}}</ref> Between ...", "....<ref name="a" />",
    # "... in 2021.{{citation needed|date=September 2021}}"
    r"(?:<ref\b[^<>\n]{0,200}/>|<ref\b[^<>\n]{0,200}>[^<\n]{0,2000}</ref>|\{\{[^{}\n]{0,200}\}\})*"
    # "... myself. [margin: weasel -- who accepts it?]": an editor's or writer's bracketed note after a sentence
    # "Is there any basis for that? – rook3 Mar 9 '21 at 11:02": a comment's signature after its last sentence
    rf"(?=\s+(?:[\"'“‘«(\[]|\*{{1,2}}|_{{1,2}})?[{UPPER}0-9]|\s+\[[{LOWER}]+:(?!//)|\s+[–—][ \t]|\s*$)"
)
# chat and comment threads often start sentences in lower case: "partly. the army hated the SA",
# "is it true? someone in my class said so"; only after a word of two lower-case letters or more
_LOWER_START = re.compile(rf"(?<=[{LOWER}]{{2}})(?:[?!]+|\.)(?=[ \t]+[{LOWER}])")
# social posts end sentences with an emoji instead of a stop: "Sharing to my page 🙏 On Christmas ..."
_EMOJI_END = re.compile(rf"[{EMOJI}][{EMOJI_MODIFIER}]*(?=[ \t]+[{UPPER}])")
_MISSING_SPACE = re.compile(rf"(?<=[{LOWER}]{{2}})[.!?](?=[{UPPER}][{LOWER}])|(?<=[a-z]\))[.!?](?=[A-Z][a-z])")
_WORD_BEFORE = re.compile(r"([\w.'’-]+)$")
_CONTINUATION_END = re.compile(
    r"(?:[,;\-–—(/&+]|\b(?:the|of|and|or|to|a|an|in|on|for|with|from|by|at|as|that|which|who|whose|"
    r"but|than|into|between|his|her|their|its|our|my|your|was|were|is|are|be|been|not|no))\s*$",
    re.IGNORECASE,
)
_TERMINAL_END = re.compile(r"[.!?…:][\"'”’»)\]*_]*\s*$")
_LIST_START = re.compile(r"^\s*(?:[-*+•·▪◦–]|\d{1,3}[.)])\s")


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    block: int  # index into Document.blocks


def _is_abbreviation(word_with_period: str) -> bool:
    word = word_with_period.rstrip(".")
    if not word:
        return False
    if word.lower() in _ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():
        return True  # an initial: "A. Chernyaev", "Anna M. Cienciala"
    return re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word) is not None  # U.S.S.R., A.S., e.g.


def closes_abbreviation(text: str, dot: int) -> bool:
    """The full stop at ``dot`` closes an abbreviation or an initial ("vol. 2", "Anna M. Cienciala"), not a
    sentence; "no." only before a number ("but no. In 1856" ends one)."""
    before = _WORD_BEFORE.search(text, max(0, dot - 40), dot)
    return before is not None and _is_abbreviation(before.group(1) + ".") and not (
        before.group(1).lower() in _WORDS_TOO and not _NUMBER_NEXT.match(text, dot + 1))


def _wrapped(lines: list[str]) -> bool:
    """Hard-wrapped prose: the lines before the last run close to one width."""
    body = [len(line.rstrip()) for line in lines[:-1]]
    if len(body) < 3:
        return False
    width = max(body)
    if width < 60:
        return False
    near = sum(1 for n in body if n >= 0.8 * width)
    return near >= 0.8 * len(body)


def _line_breaks(text: str, base: int, wrapped: bool) -> list[int]:
    """Offsets (relative to the block) where a line break ends a sentence."""
    cuts: list[int] = []
    lines = text.split("\n")
    offset = 0
    for i, line in enumerate(lines[:-1]):
        offset += len(line) + 1
        nxt = lines[i + 1]
        if not line.strip():
            continue
        if _LIST_START.match(nxt) or line.lstrip().startswith("|") or nxt.lstrip().startswith("|"):
            cuts.append(offset)  # a list item, or a row of a table: each is its own statement
            continue
        if wrapped:
            continue
        if _TERMINAL_END.search(line):
            cuts.append(offset)
            continue
        if _CONTINUATION_END.search(line):
            continue
        first = nxt.lstrip()[:1]
        if first and (first.isupper() or first.isdigit() or first in "\"“‘«(["):
            cuts.append(offset)
    return cuts


def _quote_closes(text: str, pos: int, limit: int = 300) -> bool:
    """Is ``pos`` inside a double quotation that closes within ``limit`` characters? Only quotation
    marks on the same line count, so a stray mark cannot hold a whole paragraph together."""
    line_start = text.rfind("\n", 0, pos) + 1
    head = text[line_start:pos]
    curly_open = head.rfind("“")
    curly_close = head.rfind("”")
    if curly_open > curly_close:
        return text.find("”", pos, pos + limit) != -1
    if head.count('"') % 2 == 1:
        return text.find('"', pos, pos + limit) != -1
    return False


_TITLE_MARK_LIMIT = 200  # an emphasised run longer than this is a passage, not a title


def _inside_title(titles: tuple[Span, ...], pos: int) -> bool:
    """Is ``pos`` strictly inside a short italic or bold run ("*Jews for Sale? Nazi-Jewish ...*")?"""
    i = bisect_right(titles, pos, key=lambda span: span.start) - 1
    return i >= 0 and titles[i].start < pos < titles[i].end - 1 and len(titles[i]) <= _TITLE_MARK_LIMIT


def split_block(prose: str, block: Block, wrapped: bool | None = None, titles: tuple[Span, ...] = ()) -> list[Span]:
    """Sentence spans of one block; ``titles`` (sorted emphasis spans) hold a question or exclamation
    mark inside a title together."""
    start, end = block.span.start, block.span.end
    text = prose[start:end]
    if block.kind in (BlockKind.HEADING, BlockKind.CODE):
        return [block.span] if text.strip() else []
    cuts: set[int] = set()
    if "\n" in text:
        lines = text.split("\n")
        cuts.update(_line_breaks(text, start, _wrapped(lines) if wrapped is None else wrapped))
    # a stop before a capital, or in chat before a lower-case word: the same checks for both
    for m in chain(_BOUNDARY.finditer(text), _LOWER_START.finditer(text)):
        punct = m.group(0)
        if punct.startswith(".") and not punct.startswith("...") and len(punct.rstrip("\"'”’»)]")) == 1 and (
                closes_abbreviation(text, m.start())):
            continue
        if ('"' in text or "“" in text) and _quote_closes(text, m.end()):
            continue
        if titles and punct[0] in "?!" and _inside_title(titles, start + m.end()):
            continue
        cuts.add(m.end())
    for m in _MISSING_SPACE.finditer(text):
        cuts.add(m.end())
    for m in _EMOJI_END.finditer(text):
        cuts.add(m.end())
    spans: list[Span] = []
    previous = 0
    for cut in [*sorted(cuts), len(text)]:
        piece = text[previous:cut]
        stripped = piece.strip()
        if stripped and any(ch.isalnum() for ch in stripped):
            lead = len(piece) - len(piece.lstrip())
            spans.append(Span(start + previous + lead, start + previous + lead + len(stripped)))
        previous = cut
    return spans


def split_sentences(doc: Document) -> list[Sentence]:
    out: list[Sentence] = []
    titles = tuple(sorted(doc.emphasis, key=lambda span: span.start))
    for index, block in enumerate(doc.blocks):
        for span in split_block(doc.prose, block, titles=titles):
            out.append(Sentence(span, index))
    return out
