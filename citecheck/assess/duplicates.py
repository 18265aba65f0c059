"""Passages repeated verbatim from an earlier post or document without quotation marks.

Sentences are keyed by their words (case and punctuation folded) in one pass over every
document of a run, so the cost is linear in the input. A run of consecutive repeated
sentences of at least ``min_words`` words is one duplicated passage, pointing at the place
its first sentence appeared first. Quoted sentences are quotations, not duplicates.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from citecheck.extract.quotes import Quote
from citecheck.extract.sentences import Sentence
from citecheck.model import BlockKind, Document, Span

_WORD = re.compile(r"\w+")
MIN_SENTENCE_WORDS = 2  # shorter repeats only extend a run; a run needs one sentence of 8 words
MIN_REPOST_WORDS = 10  # a whole post or comment posted again counts from this length
REPOST_LEAD_WORDS = 6  # "reposting bc it got buried:" before the repeated text
_COMMENT_LINE = re.compile(r"[*:#]+")


@dataclass(frozen=True, slots=True)
class Origin:
    path: str
    span: Span
    unit: tuple[int, int, int]  # (document index, post or block index, comment line start or -1)
    label: str = ""  # "thread.txt, post #31"


@dataclass(frozen=True, slots=True)
class DuplicatePassage:
    path: str
    span: Span
    words: int
    original: Origin
    original_label: str


@dataclass(frozen=True, slots=True)
class DocumentUnits:
    doc: Document
    sentences: Sequence[Sentence]
    quotes: Sequence[Quote]


def _unit(doc: Document, doc_index: int, sentence: Sentence) -> tuple[int, int, int]:
    """Where a sentence stands: its post, else its block, or its line when the line is one comment of a
    talk page ("* Keep ...", ":: Reply ...")."""
    post = doc.post_at(sentence.span.start)
    if post is not None:
        return doc_index, post.index, -1
    block_start = doc.blocks[sentence.block].span.start
    line_start = max(block_start, doc.prose.rfind("\n", block_start, sentence.span.start) + 1)
    if _COMMENT_LINE.match(doc.prose, line_start):
        return doc_index, -1 - sentence.block, line_start
    return doc_index, -1 - sentence.block, -1


def _quoted(doc: Document, sentence: Sentence, quotes: Sequence[Quote], quote_starts: list[int]) -> bool:
    block = doc.blocks[sentence.block]
    if (block.kind is BlockKind.QUOTE or block.quote_depth) and block.quote_depth > _post_depth(doc, sentence):
        return True
    i = bisect_right(quote_starts, sentence.span.start) - 1
    return i >= 0 and sentence.span.end <= quotes[i].span.end + 1


def _post_depth(doc: Document, sentence: Sentence) -> int:
    """How deep the post's own header is quoted: a thread exported with its replies nested as quotes
    ("> **u/name** · 61 points") writes a reply's own words at that depth; only deeper ones quote."""
    post = doc.post_at(sentence.span.start)
    if post is None or post.header is None:
        return 0
    line_start = doc.text.rfind("\n", 0, post.header.start) + 1
    marks = re.match(r"[ \t>]*", doc.text[line_start:post.header.end])
    return marks.group(0).count(">") if marks else 0


_CLAUSE_BREAK = re.compile(r"[:;]\s+|\s+[—–]\s+")
MIN_CLAUSE_WORDS = 8


def _clauses(prose: str, span: Span) -> list[tuple[Span, list[str]]]:
    """The parts of a sentence after a colon, semicolon or dash, when long enough to be a sentence
    copied into it (each with its words)."""
    text = prose[span.start:span.end]
    out: list[tuple[Span, list[str]]] = []
    for m in _CLAUSE_BREAK.finditer(text):
        rest = text[m.end():]
        words = _WORD.findall(rest.lower())
        if len(words) >= MIN_CLAUSE_WORDS:
            out.append((Span(span.start + m.end(), span.end), words))
    return out


class DuplicateFinder:
    """Finds repeated passages one document at a time, so a run never holds every document at once.

    Sentences are remembered by the hash of their words (64 bits: a collision among a few million
    sentences is vanishingly unlikely) with where they first appeared.
    """

    def __init__(self, min_words: int = 20) -> None:
        self.min_words = min_words
        self._seen: dict[int, Origin] = {}
        self._documents = 0

    def add(self, units: DocumentUnits) -> list[DuplicatePassage]:
        doc = units.doc
        doc_index = self._documents
        self._documents += 1
        quotes = sorted(units.quotes, key=lambda q: q.span.start)
        quote_starts = [q.span.start for q in quotes]
        out: list[DuplicatePassage] = []
        run: list[tuple[Sentence, int, Origin]] = []
        run_unit: tuple[int, int, int] = (doc_index, 0, -1)  # where the run's first sentence stands
        placed = [(sentence, _unit(doc, doc_index, sentence),
                   _WORD.findall(doc.prose[sentence.span.start:sentence.span.end].lower()))
                  for sentence in units.sentences]
        unit_words: dict[tuple[int, int, int], int] = {}
        for _sentence, unit, words in placed:
            unit_words[unit] = unit_words.get(unit, 0) + len(words)

        def flush() -> None:
            if run:
                words = sum(n for _s, n, _o in run)
                # a short passage counts when it is the whole post or comment, posted again (a one-line
                # paragraph is no post: a thread's title repeated as its poll question)
                block = doc.blocks[run[0][0].block]
                message = run_unit[1] >= 0 or run_unit[2] >= 0 or "\n" in doc.prose[
                    block.span.start:block.span.end].strip()
                whole = message and words >= MIN_REPOST_WORDS and (
                    unit_words.get(run_unit, 0) - words <= REPOST_LEAD_WORDS)
                if (words >= self.min_words or whole) and any(n >= 8 for _s, n, _o in run):
                    first = run[0][2]
                    span = Span(run[0][0].span.start, run[-1][0].span.end)
                    out.append(DuplicatePassage(doc.path, span, words, first, first.label))
                run.clear()

        for sentence, unit, words in placed:
            if len(words) < MIN_SENTENCE_WORDS or _quoted(doc, sentence, quotes, quote_starts):
                flush()
                continue
            key = hash(" ".join(words))
            origin = self._seen.get(key)
            pieces = _clauses(doc.prose, sentence.span)
            matched = sentence
            if origin is None or origin.unit == unit:
                # "So the short version: <a sentence copied from an earlier post>"
                for piece_span, piece_words in pieces:
                    found = self._seen.get(hash(" ".join(piece_words)))
                    if found is not None and found.unit != unit:
                        origin, matched, words = found, Sentence(piece_span, sentence.block), piece_words
                        break
            if origin is not None and origin.unit != unit:
                if run and run[-1][0].block != sentence.block and (
                        doc.blocks[run[-1][0].block].post != doc.blocks[sentence.block].post):
                    flush()
                if matched is not sentence:
                    flush()  # a copy that starts inside the sentence starts a passage of its own
                if not run:
                    run_unit = unit
                run.append((matched, len(words), origin))
                continue
            flush()
            if origin is None:
                post = doc.post_at(sentence.span.start)
                label = f"{doc.path}, {post.label}" if post is not None else doc.path
                self._seen[key] = Origin(doc.path, sentence.span, unit, label)
                for piece_span, piece_words in pieces:
                    self._seen.setdefault(hash(" ".join(piece_words)), Origin(doc.path, piece_span, unit, label))
        flush()
        return out


def find_duplicates(documents: Sequence[DocumentUnits], min_words: int = 20) -> list[DuplicatePassage]:
    finder = DuplicateFinder(min_words)
    return [dup for units in documents for dup in finder.add(units)]
