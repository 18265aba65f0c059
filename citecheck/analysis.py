"""One document through the pipeline: extract → resolve → assess. No I/O, no findings.

The context (lexicon, catalogue, settings) is built once per run and shared by every
document (and by every worker process with ``--jobs``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from citecheck.assess.claims import ClaimCandidate, busts_myths, classify
from citecheck.assess.support import SupportIndex
from citecheck.config import Config
from citecheck.extract import NameHints, extract_citations, extract_links
from citecheck.extract.bibliography import reference_blocks
from citecheck.extract.quotes import Quote, find_quotes
from citecheck.extract.sentences import Sentence, split_sentences
from citecheck.extract.vocabulary import IMPRINT_THEN_NOTE, PUBLISHER_OF_NAMES, publisher_spans, surname_of
from citecheck.model import BlockKind, Claim, ClaimKind, Document, RawLink, Source, Span, Tier
from citecheck.resolve.catalogue import Catalogue, load_catalogue
from citecheck.resolve.lexicon import Lexicon, build_lexicon
from citecheck.resolve.names import NameChecker, NameIssue
from citecheck.resolve.sources import Resolver, resolve_sources


@dataclass(frozen=True, slots=True)
class ClaimFact:
    claim: Claim
    weasels: tuple[tuple[Span, str], ...] = ()
    speaker: bool = False
    vague_only: bool = False
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True, slots=True)
class DocAnalysis:
    doc: Document
    sentences: tuple[Sentence, ...]
    quotes: tuple[Quote, ...]
    sources: tuple[Source, ...]
    links: tuple[RawLink, ...]
    claims: tuple[ClaimFact, ...]
    names: tuple[NameIssue, ...]


@dataclass
class Context:
    config: Config
    catalogue: Catalogue
    lexicon: Lexicon
    checker: NameChecker = field(init=False)
    resolver: Resolver = field(init=False)
    hints: NameHints = field(init=False)

    def __post_init__(self) -> None:
        self.checker = NameChecker(self.lexicon, frozenset(self.config.names.accept))
        self.resolver = Resolver(self.catalogue)
        lex = self.lexicon
        self.hints = NameHints(lex.is_person, lex.is_scholar, lex.is_place_or_event, lex.is_given_name,
                               lex.is_common_word, work_titled=lex.work_titled)


def build_context(config: Config) -> Context:
    catalogue = load_catalogue(config.resolve_path(config.refs), required=config.origin("refs") != "default")
    extra = tuple(str(config.resolve_path(p)) for p in config.names.extra)
    lexicon = build_lexicon(list(catalogue.names), bundled=config.names.lexicon, extra_files=extra)
    return Context(config, catalogue, lexicon)


_CONTEXTS: dict[int, Context] = {}


# a reference's imprint, then a sentence of the writer's own: "(Jonathan Cape, 1971). Read with care."


def _notes_on_references(sources: list[Source]) -> list[Span]:
    """"G. K. Zhukov, *Memoirs* (Cape, 1971). Read with care: he wrote under Brezhnev.": the note after a
    reference entry's imprint is the writer's prose, and its names are checked like the rest of it."""
    notes = []
    for source in sources:
        citation = source.citation
        if citation.cue in ("bibliography", "footnote") and (m := IMPRINT_THEN_NOTE.search(citation.surface)):
            notes.append(Span(citation.span.start + m.end(), citation.span.end))
    return notes


def _punched(spans: list[Span], holes: list[Span]) -> list[Span]:
    """``spans`` less every part that lies in one of ``holes``."""
    for hole in holes:
        kept = []
        for span in spans:
            if not span.overlaps(hole):
                kept.append(span)
                continue
            if span.start < hole.start:
                kept.append(Span(span.start, hole.start))
            if hole.end < span.end:
                kept.append(Span(hole.end, span.end))
        spans = kept
    return spans


def analyze(doc: Document, ctx: Context) -> DocAnalysis:
    citations = extract_citations(doc, ctx.hints)
    sources = resolve_sources(citations, ctx.resolver, doc.prose)
    links = extract_links(doc, citations, page_links=ctx.config.links.page_links)
    sentences = tuple(split_sentences(doc))
    quotes = tuple(find_quotes(doc.prose))
    claims = _claims(doc, sentences, quotes, sources, ctx)
    skip = [link.span for link in links] + [s.citation.span for s in sources if s.citation.cue == "url"]
    skip += [b.span for b in doc.blocks if b.kind is BlockKind.CODE]
    # reference entries are copied from title pages; their names (and publishers) are not corrected
    skip += [s.citation.span for s in sources if s.citation.cue in ("bibliography", "footnote")]
    skip += [doc.blocks[i].span for i in reference_blocks(doc)]
    skip += _title_spans(doc, sources)
    skip += [Span(m.start(), m.end()) for m in PUBLISHER_OF_NAMES.finditer(doc.prose)]
    skip += [Span(start, end) for start, end in publisher_spans(doc.prose)]
    skip += [Span(m.start("name"), m.end("name")) for m in _SIGNATURE.finditer(doc.prose)]
    skip = _punched(skip, _notes_on_references(sources))
    formal_authors = frozenset(a for s in sources if s.citation.cue in (
        "bibliography", "footnote", "cite-template", "source-line") for a in s.citation.authors if a.strip())
    formal = frozenset(surname_of(a) for a in formal_authors) | _commenter_names(doc)
    # "Richard Baxell, Unlikely Warriors (Aurum Press, 2012)" in the text spells the author as the title page does
    cited_authors = formal_authors | frozenset(
        a for s in sources if s.citation.cue == "author-title" and s.citation.title and s.citation.year
        for a in s.citation.authors if len(a.split()) >= 2)
    # an author-year reference's authors are corrected only with support nearby: "(Hanley, Choe and Mendoza, 2001)"
    referenced = frozenset(surname_of(a) for s in sources if s.citation.cue == "author-year"
                           for a in s.citation.authors)
    names = tuple(ctx.checker.check(doc.text, doc.prose, skip, protected=formal, cited_authors=cited_authors,
                                    referenced=referenced))
    return DocAnalysis(doc, sentences, quotes, tuple(sources), tuple(links), claims, names)


def _commenter_names(doc: Document) -> frozenset[str]:
    """The words of the real names that head a thread's posts ("Priya Sandhu - 3 May 2024 at 10:02"): a reply
    that says "thanks Mrs Sandhu" names the commenter, not a misspelled statesman. Handles are left out."""
    out: set[str] = set()
    for post in doc.posts:
        words = (post.author or "").split()
        if len(words) >= 2 and all(_NAME_WORD.fullmatch(w) for w in words):
            out.update(w for w in words if w[0].isupper())
    return frozenset(out)


# a letter's signature, spelled as its writer spells their own name: "Yours faithfully,\nDennis Wright"
_SIGNATURE = re.compile(
    r"^[ \t]*(?i:yours(?:[ \t]+(?:faithfully|sincerely|truly|ever))?|(?:with[ \t]+)?(?:best|kind|warm)(?:est)?[ \t]+"
    r"(?:regards|wishes)|regards|sincerely|cheers|many[ \t]+thanks|thanks|with[ \t]+thanks|best)[ \t]*[,.!]?[ \t]*\n"
    r"[ \t]*(?P<name>(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof)\.?[ \t]+)?[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t]*$",
    re.MULTILINE)
_NAME_WORD = re.compile(r"[A-Z][\w'’-]+|[a-z]{2,3}|[A-Z]\.")


def _title_spans(doc: Document, sources: list[Source]) -> list[Span]:
    """Titles are quoted as their works print them (often in another language): not corrected."""
    out: list[Span] = []
    for source in sources:
        c = source.citation
        if c.title and c.cue != "url":
            at = doc.prose.find(c.title, c.span.start, c.span.end + len(c.title))
            if at != -1:
                out.append(Span(at, at + len(c.title)))
    return out


def _claims(doc: Document, sentences: tuple[Sentence, ...], quotes: tuple[Quote, ...], sources: list[Source],
            ctx: Context) -> tuple[ClaimFact, ...]:
    settings = ctx.config.claims
    index = SupportIndex(doc, sentences, sources, quotes, scope=settings.scope, window=settings.window,
                         short_paragraph=settings.short_paragraph)
    skip_blocks = reference_blocks(doc)
    authors: dict[str, set[str]] = {}
    for source in sources:
        for author in (*source.citation.authors, *source.authors):
            words = [w for w in re.split(r"[\s,]+", author) if w and not re.fullmatch(r"(?:[A-Z]\.)+", w)]
            if words:
                surname = author.split(",")[0].strip() if "," in author else words[-1]
                authors.setdefault(surname, set()).add(source.id)
    by_id = {s.id: s for s in sources}
    out: list[ClaimFact] = []
    lexicon = ctx.lexicon
    myths = busts_myths(doc.prose)
    for i, sentence in enumerate(sentences):
        block = doc.blocks[sentence.block]
        if sentence.block in skip_blocks or block.kind in (BlockKind.HEADING, BlockKind.CODE):
            continue
        cover = _citation_cover(sentence.span, index.sources_in(i))
        candidate: ClaimCandidate | None = classify(
            doc.prose, sentence.span, index.quotes_in(i), cover,
            is_name=lambda w: lexicon.is_person(w) or lexicon.is_place_or_event(w),
            weasel_extra=settings.weasel_phrases, myths=myths,
        )
        if candidate is None:
            continue
        support = index.support(i, sentence.span, authors)
        if support is not None and candidate.kind is ClaimKind.WEASEL and not support.own:
            support = None  # "Many historians now accept ..." is not backed by a book the paragraph discusses
        ids = support.sources if support else ()
        supporting = [by_id[x] for x in ids if x in by_id]
        vague_only = bool(supporting) and all(s.citation.vague for s in supporting) and not (support and support.marker)
        supported = support is not None and not vague_only
        weak = supported and bool(supporting) and all(
            s.tier in (Tier.TERTIARY, Tier.USER_GENERATED) for s in supporting)
        cues = candidate.cues + ((f"supported by {support.why}",) if support else ())
        claim = Claim(
            span=sentence.span, text=doc.text[sentence.span.start:sentence.span.end], kind=candidate.kind,
            supported=supported, support=tuple(ids), weak=weak, cues=cues,
            marker_support=bool(support and support.marker),
        )
        out.append(ClaimFact(claim, candidate.weasels, candidate.speaker, vague_only, candidate.quotes))
    return tuple(out)


def _citation_cover(span: Span, sources: list[Source]) -> float:
    length = max(1, span.end - span.start)
    covered = 0
    for source in sources:
        c = source.citation.span
        if c.overlaps(span):
            covered += min(c.end, span.end) - max(c.start, span.start)
    return covered / length


def context_for(config: Config) -> Context:
    """A context per configuration, cached for the life of the process."""
    key = id(config)
    ctx = _CONTEXTS.get(key)
    if ctx is None:
        ctx = build_context(config)
        _CONTEXTS.clear()
        _CONTEXTS[key] = ctx
    return ctx


def default_root() -> Path:
    return Path.cwd()
