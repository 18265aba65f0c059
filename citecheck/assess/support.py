"""Which citations stand behind each claim.

A claim is supported by a citation in the same sentence; by a citation in the sentences just
before it in the same paragraph (``window``, default 1); by any citation in a paragraph of at most
``short_paragraph`` sentences (default 6); by a citation standing alone right after it; by the
citation that introduces or closes a quoted passage or block quote it belongs to; by the citation
that introduces a list or paragraph ending with a colon ("as his diary records:"); and by the cited
work of an author it names ("Glantz states ..."). A sentence pointing back to a source ("According to
that page ...", "The diary also says ...") cites the nearest source before it. With scope
``paragraph`` or ``post`` any citation in the same paragraph or post supports it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from citecheck.extract.quotes import Quote
from citecheck.extract.sentences import Sentence
from citecheck.model import BlockKind, Document, Source, Span

LOCATOR = re.compile(
    r"\((?:(?:see\s+)?(?:Chapter|Chap\.|Ch\.|ch\.|chapter|p\.|pp\.|page|pages|Introduction|Preface|Conclusion|Epilogue|"
    r"Prologue|Appendix|Part|Book|vol\.|Vol\.|Volume|ibid\.?|Ibid\.?|op\.\s?cit\.|loc\.\s?cit\.|fol\.|f\.|ff\.)"
    r"[^()\n]{0,40})\)"
)
NUMERIC_MARKER = re.compile(r"\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]|(?<=[\w.,;:!?\"”)])[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
# "… for £120.(1)" glued to its sentence, with a note "(1) Parish minutes, …" opening a line further down
_PAREN_MARKER = re.compile(r"(?<=[^\W\d_]|[.,;:!?\"”’])\((\d{1,3})\)(?=[\s.,;:]|$)")
_PAREN_NOTE = re.compile(r"^[ \t]*\((\d{1,3})\)[ \t]+\S", re.MULTILINE)

_BACK_NOUN = (r"(?:web\s?)?(?:page|article|book|site|website|source|link|entry|report|diary|diaries|account|"
              r"documentary|video|film|paper|memoir|memoirs|letter|episode|podcast|study|chapter|biography|journal)")
_POINTS_BACK = re.compile(
    rf"\b(?:[Aa]ccording to\s+(?:that|this|the same|the|his|her|their)|(?:[Ii]n|[Ff]rom)\s+(?:that|this|the same))"
    rf"\s+{_BACK_NOUN}\b"
    # "…, she shows, …", "He argues that …": the author of the work just cited, by pronoun
    r"|\b(?P<pronoun>[Ss]he|[Hh]e)\s+(?:also\s+|rightly\s+|convincingly\s+|persuasively\s+)?(?:shows|showed|"
    r"argues|argued|demonstrates|demonstrated|concludes|concluded|points out|pointed out|establishes|established|"
    r"makes clear|made clear|documents|documented|estimates|estimated|calculates|calculated|quotes|quoted|cites|"
    r"cited)\b")
_REF_TAG_AFTER = re.compile(r"[ \t]*<ref\b[^<>\n]{0,300}>", re.IGNORECASE)
# an editor's flag that the sentence wants a source: "{{citation needed|date=June 2019}}", "[citation needed]"
_CITATION_NEEDED = re.compile(r"\{\{\s*(?:citation needed|cn|fact|citation required)\b[^{}]*\}\}|"
                              r"\[\s*citation needed\s*\]", re.IGNORECASE)
_POINTS_BACK_AT_START = re.compile(
    rf"[\s\"“'‘*_]*(?:That|This|The same|The|His|Her|Their)\s+{_BACK_NOUN}\s+(?:also\s+|even\s+|itself\s+)?"
    r"(?:says|said|states|stated|claims|claimed|notes|noted|argues|argued|reports|reported|mentions|mentioned|"
    r"shows|showed|gives|gave|describes|described|records|recorded|explains|explained|adds|added|quotes|quoted|"
    r"confirms|confirmed|puts|estimates|estimated|lists|listed|has|had|covers|covered|follows|followed|tells|told)\b"
    # "The chapters on the bombing are horrifying": a part of the work just cited
    r"|[\s\"“'‘*_]*(?:The|Its|His|Her|Their)\s+(?:opening\s+|closing\s+|first\s+|last\s+|early\s+|later\s+|final\s+)?"
    r"(?:chapters?|pages|sections?)\s+(?:on|about|covering|dealing\s+with)\b")
_SOURCE_LABEL = re.compile(r"\s*[*_]{0,2}(?:Source|Provenance|From|Credit)[*_]{0,2}:[*_]{0,2}[ \t]*", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")

T = TypeVar("T")


_SOURCE_LINE = re.compile(r"[ \t]*(?:Sources?|Credit|Image source)[ \t]*:", re.IGNORECASE)  # at the line's start
_QUOTED_IN = re.compile(r"\b(?:as\s+)?(?:quoted|cited|reproduced|printed)\s+in\b", re.IGNORECASE)


class SpanIndex(Generic[T]):
    """Items with spans, sorted, for overlap queries by bisection (the pipeline must stay linear)."""

    def __init__(self, items: Iterable[T], span_of: Callable[[T], Span]) -> None:
        self._items = sorted(items, key=lambda item: (span_of(item).start, span_of(item).end))
        self._spans = [span_of(item) for item in self._items]
        self._starts = [sp.start for sp in self._spans]
        self._longest = max((sp.end - sp.start for sp in self._spans), default=0)
        by_end = sorted(range(len(self._items)), key=lambda i: self._spans[i].end)
        self._ends = [self._spans[i].end for i in by_end]
        self._by_end = by_end

    def overlapping(self, start: int, end: int) -> list[T]:
        i = bisect_left(self._starts, start - self._longest)
        out = []
        while i < len(self._items) and self._starts[i] < end:
            if self._spans[i].end > start or (self._spans[i].start == self._spans[i].end == start):
                out.append(self._items[i])
            i += 1
        return out

    def starting_in(self, start: int, end: int) -> list[T]:
        return self._items[bisect_left(self._starts, start):bisect_left(self._starts, end)]

    def ending_in(self, start: int, end: int) -> list[T]:
        """Items whose span ends in [start, end], in order of their end."""
        lo, hi = bisect_left(self._ends, start), bisect_right(self._ends, end)
        return [self._items[i] for i in self._by_end[lo:hi]]


@dataclass(frozen=True, slots=True)
class Support:
    sources: tuple[str, ...]
    marker: bool  # a bare footnote marker or page locator
    why: str
    own: bool = False  # the sentence's own citation: in it, or in the citation-only sentence right after it


@dataclass
class SupportIndex:
    doc: Document
    sentences: Sequence[Sentence]
    sources: Sequence[Source]
    quotes: Sequence[Quote]
    scope: str = "sentence"
    window: int = 1
    short_paragraph: int = 6
    _own: list[tuple[set[str], bool]] = field(default_factory=list)
    _markers: list[Span] = field(default_factory=list)

    def __post_init__(self) -> None:
        doc = self.doc
        self._markers = [span for _label, span in doc.footnote_refs]
        self._markers += [Span(m.start(), m.end()) for m in LOCATOR.finditer(doc.prose)]
        self._markers += [Span(m.start(), m.end()) for m in NUMERIC_MARKER.finditer(doc.prose)]
        notes = {m.group(1) for m in _PAREN_NOTE.finditer(doc.prose)}
        self._markers += [Span(m.start(), m.end()) for m in _PAREN_MARKER.finditer(doc.prose) if m.group(1) in notes]
        self._markers.sort()
        self._marker_index: SpanIndex[Span] = SpanIndex(self._markers, lambda m: m)
        self._source_index: SpanIndex[Source] = SpanIndex(self.sources, lambda s: s.citation.span)
        self._quote_index: SpanIndex[Quote] = SpanIndex(self.quotes, lambda q: q.span)
        self._by_id = {s.id: s for s in self.sources}
        self._block_members: dict[int, list[int]] = {}
        for j, sentence in enumerate(self.sentences):
            self._block_members.setdefault(sentence.block, []).append(j)
        self._author_pattern: tuple[int, re.Pattern[str] | None, dict[str, set[str]]] | None = None
        self._refs_per_sentence = len(re.findall(r"<ref\b", doc.text[:200_000], re.IGNORECASE)) >= 3
        footnote_sources = self._footnote_sources()
        refs = sorted(doc.footnote_refs, key=lambda r: r[1].start)
        ref_starts = [span.start for _label, span in refs]
        for sentence in self.sentences:
            start, end = sentence.span.start, sentence.span.end
            ids = {s.id for s in self._source_index.overlapping(start, end)}
            if (tag := _REF_TAG_AFTER.match(doc.text, end)) is not None:
                # "... in 1911.<ref name="Ahmida1994"/>": the reference tag that hugs the sentence (in Markdown the
                # tag is markup, outside the sentence's prose)
                ids.update(s.id for s in self._source_index.starting_in(end, tag.end() + 1))
            marker = False
            for label, _span in refs[bisect_left(ref_starts, start):bisect_left(ref_starts, end + 2)]:
                marker = True
                ids.update(footnote_sources.get(label, ()))
            if not marker:
                marker = bool(self._marker_index.starting_in(start, end + 2))
            self._own.append((ids, marker))
        self._refer_back()

    def _refer_back(self) -> None:
        """"According to that page, ...", "The diary also says ...": a sentence that points back to a
        source named shortly before, in the same post and at most two paragraphs up, cites that source."""
        prose = self.doc.prose
        # one pass over the document: where each pointer starts, and whether it is only an author's pronoun
        pointers = [(m.start(), m.group("pronoun") is not None) for m in _POINTS_BACK.finditer(prose)]
        starts = [p for p, _ in pointers]
        for j, sentence in enumerate(self.sentences):
            ids, marker = self._own[j]
            start, end = sentence.span.start, sentence.span.end
            if ids or marker:
                continue
            inside = [pronoun for _, pronoun in pointers[bisect_left(starts, start):bisect_left(starts, end)]]
            at_start = _POINTS_BACK_AT_START.match(prose, start, end) is not None
            if not (inside or at_start):
                continue
            pronoun = not at_start and all(inside)
            before = self._source_index.ending_in(max(0, start - 1500), start)  # in order of their end
            if not before:
                continue
            nearest = before[-1]
            if pronoun and not nearest.citation.authors:
                continue  # "she shows" points back to a work with an author
            between = prose[nearest.citation.span.end:start]
            if len(_PARAGRAPH_BREAK.findall(between)) > 2 or (
                    self.doc.post_at(nearest.citation.span.start) != self.doc.post_at(start)):
                continue
            self._own[j] = ({nearest.id}, False)

    def sources_in(self, index: int) -> list[Source]:
        span = self.sentences[index].span
        return self._source_index.overlapping(span.start, span.end)

    def quotes_in(self, index: int) -> list[Quote]:
        span = self.sentences[index].span
        return self._quote_index.overlapping(span.start, span.end)

    def _footnote_sources(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for footnote in self.doc.footnotes:
            out[footnote.label] = {s.id for s in self._source_index.overlapping(footnote.body.start, footnote.body.end)}
        return out

    def cited(self, index: int) -> bool:
        ids, marker = self._own[index]
        return bool(ids) or marker

    def support(self, index: int, claim_span: Span, authors: dict[str, set[str]]) -> Support | None:
        ids, marker = self._own[index]
        if ids or marker:
            return Support(tuple(sorted(ids)), marker and not ids, "a citation in the same sentence", own=True)
        sentence = self.sentences[index]
        block = sentence.block
        if _CITATION_NEEDED.search(self.doc.text, sentence.span.start, sentence.span.end + 40):
            return None  # flagged as wanting a source: the sources around it do not cover it
        if self._refs_per_sentence:
            # wikitext cites as it goes: a <ref> covers the text of its paragraph before it, not the sentence after
            for j in self._block_members.get(block, []):
                if j > index and self.cited(j):
                    ids_j, marker_j = self._own[j]
                    return Support(tuple(sorted(ids_j)), marker_j and not ids_j, "a reference later in the paragraph")
            return self._author_support(claim_span, authors)
        if self.scope in ("paragraph", "post"):
            found = self._scope_support(index)
            if found is not None:
                return found
        for back in range(1, self.window + 1):
            j = index - back
            if j < 0 or self.sentences[j].block != block:
                break
            if self.cited(j):
                ids_j, marker_j = self._own[j]
                return Support(tuple(sorted(ids_j)), marker_j and not ids_j, "a citation in the sentence before")
        members = self._block_members.get(block, [])
        if 1 < len(members) <= self.short_paragraph:
            pooled = self._pooled(members, "a citation in the same short paragraph")
            if pooled is not None:
                return pooled
        j = index + 1
        if j < len(self.sentences) and self.sentences[j].block == block and (self._citation_only(j) or (
                self.cited(j) and self._attributes(j))):
            ids_j, marker_j = self._own[j]
            return Support(tuple(sorted(ids_j)), marker_j and not ids_j, "the citation after it", own=True)
        quoted = self._quote_support(claim_span, index)
        if quoted is not None:
            return quoted
        under = self._source_line_under(block)
        if under is not None:
            return under
        introduced = self._introduced(index) or self._table_caption(index)
        if introduced is not None:
            return introduced
        introducing = self._introduces_cited_passage(index, claim_span)
        if introducing is not None:
            return introducing
        return self._author_support(claim_span, authors)

    def _source_line_under(self, block: int) -> Support | None:
        """A "Source: ..." line right under the paragraph (a museum label, a caption, a fact box) cites
        what the paragraph says."""
        blocks = self.doc.blocks
        if block + 1 >= len(blocks) or blocks[block + 1].post != blocks[block].post:
            return None
        under = blocks[block + 1].span
        sources = self._source_index.overlapping(under.start, under.end)
        if not sources or blocks[block + 1].kind is not BlockKind.PARAGRAPH:
            return None
        if not _SOURCE_LINE.match(self.doc.prose, under.start, under.end):
            # or a line that is nothing but a citation: "Mass-Observation report (1941), as quoted in ..."
            text = self.doc.prose[under.start:under.end].strip()
            quoting = _QUOTED_IN.search(text) is not None
            if len(text) > 300 or self._covered(under.start, under.end) < (0.4 if quoting else 0.8) * len(text) or any(
                    src.citation.cue in ("url", "link", "link-title") for src in sources):
                return None
        ids = {src.id for src in sources}
        return Support(tuple(sorted(ids)), False, "the source line under the paragraph")

    def _introduces_cited_passage(self, index: int, claim_span: Span) -> Support | None:
        """"He wrote to his sister:" followed by a quoted passage that carries its citation."""
        if not self.doc.prose[claim_span.start:claim_span.end].rstrip().endswith(":"):
            return None
        j = index + 1
        if j >= len(self.sentences):
            return None
        nxt = self.sentences[j]
        block = self.doc.blocks[nxt.block]
        in_quote = (block.kind is BlockKind.QUOTE
                    or bool(self._quote_index.overlapping(nxt.span.start, nxt.span.start + 1)))
        if not in_quote:
            return None
        found = self._quote_support(nxt.span, j)
        by_id = self._by_id
        if found is None or any(by_id[i].citation.span.overlaps(claim_span) for i in found.sources if i in by_id):
            return None  # the claim is the line that cites; it does not support itself
        return Support(found.sources, found.marker, "the cited passage it introduces")

    def _attributes(self, j: int) -> bool:
        """The sentence opens by naming its source ("As Clark stresses in The Sleepwalkers, ...", "John
        Reed, who was present, described ... (Reed 1919)"): it usually covers what was just said."""
        span = self.sentences[j].span
        head = self.doc.prose[span.start:min(span.end, span.start + 80)]
        if re.match(r"\s*(?:As|According to|In|For|Following|See|Cf\.)\b", head):
            return True
        mine = self._source_index.overlapping(span.start, span.end)
        if any(s.citation.span.start < span.start + 60 and s.citation.cue not in ("url", "link") for s in mine):
            return True
        first = re.match(r"\s*(?:The\s+)?(?:[a-z]+\s+)*(?:[A-Z][\w'’-]+\s+){0,2}([A-Z][\w'’-]+)", head)
        return bool(first) and any(first.group(1) in a.split() for s in mine for a in (*s.citation.authors, *s.authors))

    def _citation_only(self, j: int) -> bool:
        span = self.sentences[j].span
        text = self.doc.prose[span.start:span.end]
        if not self.cited(j):
            return False
        covered = self._covered(span.start, span.end)
        covered += sum(len(m) for m in self._marker_index.starting_in(span.start, span.end))
        return covered >= 0.6 * len(text.strip())

    def _covered(self, start: int, end: int) -> int:
        """How many characters of ``start``..``end`` the citations cover."""
        return sum(min(s.citation.span.end, end) - max(s.citation.span.start, start)
                   for s in self._source_index.overlapping(start, end))

    def _scope_support(self, index: int) -> Support | None:
        sentence = self.sentences[index]
        if self.scope == "paragraph":
            members = self._block_members.get(sentence.block, [])
            why = "a citation in the same paragraph"
        else:
            post = self.doc.post_at(sentence.span.start)
            if post is None:
                members = self._block_members.get(sentence.block, [])
            else:
                members = [j for j, s in enumerate(self.sentences) if post.span.start <= s.span.start < post.span.end]
            why = "a citation in the same post"
        return self._pooled(members, why)

    def _pooled(self, members: Iterable[int], why: str) -> Support | None:
        """Every citation of a group of sentences (a short paragraph, a post) as one support."""
        ids: set[str] = set()
        marker = False
        for j in members:
            ids_j, marker_j = self._own[j]
            ids |= ids_j
            marker = marker or marker_j
        if ids or marker:
            return Support(tuple(sorted(ids)), marker and not ids, why)
        return None

    def _quote_support(self, claim_span: Span, index: int) -> Support | None:
        doc = self.doc
        block = doc.blocks[self.sentences[index].block]
        regions: list[Span] = [q.span for q in self._quote_index.overlapping(claim_span.start, claim_span.start + 1)
                               if q.span.start <= claim_span.start]
        if block.kind is BlockKind.QUOTE or block.quote_depth:
            # the whole run of quoted blocks around this one, within its post: a thread exported with replies
            # nested as quotes ("> **u/name** · 61 points") is many posts, not one quoted passage
            start_i = end_i = self.sentences[index].block
            while (start_i > 0 and doc.blocks[start_i - 1].quote_depth
                   and doc.blocks[start_i - 1].kind is BlockKind.QUOTE and doc.blocks[start_i - 1].post == block.post):
                start_i -= 1
            while (end_i + 1 < len(doc.blocks) and doc.blocks[end_i + 1].kind is BlockKind.QUOTE
                   and doc.blocks[end_i + 1].post == block.post):
                end_i += 1
            regions.append(Span(doc.blocks[start_i].span.start, doc.blocks[end_i].span.end))
        for region in regions:
            inside = {s.id for s in self._source_index.starting_in(region.start, region.end)
                      if s.citation.span.end <= region.end}
            marker_in = bool(self._marker_index.starting_in(region.start, region.end + 3))
            if inside or marker_in:
                return Support(tuple(sorted(inside)), marker_in and not inside, "a citation in the quoted passage")
            before = doc.prose[max(0, region.start - 300):region.start]
            lead = before.rstrip()
            intro_end = region.start - (len(before) - len(lead))
            intro = [s for s in self._source_index.ending_in(intro_end - 200, region.start)
                     if "\n\n\n" not in doc.prose[s.citation.span.end:region.start]]
            if intro and (lead.endswith(":") or intro[-1].citation.span.end >= intro_end - 3
                          or self._same_line_run(intro[-1].citation.span.end, region.start)):
                source = intro[-1]
                return Support((source.id,), False, "the citation that introduces the quoted passage")
            after = doc.prose[region.end:region.end + 60]
            m = LOCATOR.match(after.lstrip()) or NUMERIC_MARKER.match(after.lstrip())
            if m:
                return Support((), True, "the reference after the quoted passage")
            label = _SOURCE_LABEL.match(doc.prose, region.end)  # "> …" then "*Provenance:* Order of the day …"
            following = self._source_index.starting_in(region.end, (label.end() if label else region.end) + 5)
            if following:
                return Support((following[0].id,), False, "the citation after the quoted passage")
        return None

    def _same_line_run(self, a: int, b: int) -> bool:
        """Only a few short lines between a citation and a passage (a title line, then the excerpt)."""
        gap = self.doc.prose[a:b]
        return gap.count("\n") <= 2 and len(gap.strip()) < 80

    def _table_caption(self, index: int) -> Support | None:
        """A row of a table whose caption, just above or below it, carries a citation ("Table 1. Key
        dates (compiled from Khan 2007)", "Source: ...")."""
        doc = self.doc
        block_i = self.sentences[index].block
        if not doc.prose[doc.blocks[block_i].span.start:doc.blocks[block_i].span.end].lstrip().startswith("|"):
            return None
        for near in (block_i - 1, block_i + 1):
            if not 0 <= near < len(doc.blocks) or doc.blocks[near].kind is not BlockKind.PARAGRAPH:
                continue
            caption = doc.blocks[near].span
            if caption.end - caption.start > 300:
                continue
            for j in self._block_members.get(near, []):
                ids, marker = self._own[j]
                if ids or marker:
                    return Support(tuple(sorted(ids)), marker and not ids, "the citation in the table's caption")
        return None

    def _introduced(self, index: int) -> Support | None:
        """A list or paragraph under a line that ends with a colon and carries (or follows) a citation."""
        doc = self.doc
        block_i = self.sentences[index].block
        in_list = doc.blocks[block_i].kind is BlockKind.LIST_ITEM
        first_of_block = next(j for j in range(index, -1, -1) if j == 0 or self.sentences[j - 1].block != block_i)
        j = first_of_block - 1
        hops = 0
        while j >= 0 and hops < 12:
            prev = self.sentences[j]
            text = doc.prose[prev.span.start:prev.span.end].rstrip()
            prev_block = doc.blocks[prev.block]
            if text.endswith(":"):
                if self.cited(j):
                    ids, marker = self._own[j]
                    return Support(tuple(sorted(ids)), marker and not ids, "the citation that introduces the list")
                support = self.support(j, prev.span, {})
                if support is not None and (support.sources or support.marker):
                    return Support(support.sources, support.marker, "the cited passage this list belongs to")
                return None
            if prev_block.kind is not BlockKind.LIST_ITEM or not in_list:
                return None  # only a list runs on under the line that introduces it
            j = next((k for k in range(j, -1, -1) if k == 0 or self.sentences[k - 1].block != prev.block), 0) - 1
            hops += 1
        return None

    def _author_support(self, claim_span: Span, authors: dict[str, set[str]]) -> Support | None:
        if self._author_pattern is None or self._author_pattern[0] != id(authors):
            names = sorted((n for n in authors if len(n) >= 3), key=len, reverse=True)
            pattern = re.compile(
                rf"\b({'|'.join(re.escape(n) for n in names)})\b(?:['’]s)?\s+(?:\w+\s+)?(?:called|calls|wrote|writes|"
                rf"said|says|noted|notes|argued|argues|described|describes|recorded|records|claimed|claims|stated|"
                rf"states|believed|believes|suggested|suggests|remarked|observed|estimated|put it|concluded|insisted|"
                rf"added|explained|reported|recalled|thought|saw|considered|emphasi[sz]ed|stressed|conceded|admitted|"
                rf"quotes|quoted|cites|cited|diary|journal|memoirs?|book|account)\b") if names else None
            self._author_pattern = (id(authors), pattern, authors)
        pattern = self._author_pattern[1]
        if pattern is None:
            return None
        m = pattern.search(self.doc.prose, claim_span.start, claim_span.end)
        if m is None:
            return None
        surname = m.group(1)
        return Support(tuple(sorted(authors[surname])), False, f"the cited work of {surname}")
