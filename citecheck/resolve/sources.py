"""Matching extracted citations to the catalogue, and giving every source a stable id and tier."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from urllib.parse import unquote, urlsplit

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from citecheck.extract.vocabulary import surname_of
from citecheck.model import Citation, Source, SourceKind, Tier
from citecheck.resolve.catalogue import Catalogue, CatalogueSource
from citecheck.resolve.lexicon import fold, strip_diacritics
from citecheck.resolve.names import OFFICES

_TERTIARY_HOSTS = ("wikipedia.org", "britannica.com", "encyclopedia.com", "history.com", "spartacus-educational.com",
                   "wikiwand.com", "newworldencyclopedia.org", "encyclopedia.ushmm.org")
_UGC_HOSTS = ("reddit.com", "quora.com", "historum.com", "stackexchange.com", "medium.com", "blogspot.",
              "wordpress.com", "tumblr.com", "twitter.com", "x.com", "facebook.com", "youtube.com")
_STOP = frozenset(["the", "a", "an", "of", "and", "in", "on", "for", "to"])


def normalize_url(url: str) -> str:
    """scheme-less, www-less, lower-case host, decoded path without trailing slash or fragment."""
    parts = urlsplit(url if "://" in url else "http://" + url)
    host = parts.netloc.lower().removeprefix("www.").removeprefix("m.").replace(".m.wikipedia", ".wikipedia")
    path = unquote(parts.path).rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{path}{query}"


def normalize_title(title: str) -> str:
    text = strip_diacritics(title).lower().replace("’", "'")
    words = [w for w in re.findall(r"[a-z0-9']+", text) if w not in _STOP]
    return " ".join(words)


def _kinds_compatible(a: SourceKind, b: SourceKind) -> bool:
    if a is b or SourceKind.OTHER in (a, b):
        return True
    return {a, b} <= {SourceKind.BOOK, SourceKind.DIARY, SourceKind.ARCHIVE}


class Resolver:
    """Matches citations to catalogue entries; built once per run, with indexes over the catalogue."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._by_url = {normalize_url(u): s for s in catalogue.sources for u in s.urls}
        self._titles: list[tuple[str, frozenset[str], re.Pattern[str], CatalogueSource]] = []
        for source in catalogue.sources:
            for t in (source.title, *source.aliases):
                norm = normalize_title(t) if t else ""
                if norm:
                    self._titles.append((norm, frozenset(norm.split()), re.compile(rf"\b{re.escape(norm)}\b"), source))
        self._title_keys = [t[0] for t in self._titles]
        self._people: list[tuple[str, str, CatalogueSource]] = [
            (fold(surname_of(p)), p, s) for s in catalogue.sources for p in (*s.authors, *s.editors) if p.strip()]
        self._memo: dict[tuple[object, ...], CatalogueSource | None] = {}

    def match(self, citation: Citation, context: str = "") -> CatalogueSource | None:
        """The catalogue entry a citation names; ``context`` is the text around it (for "a book by X"
        next to "the Maisky diaries")."""
        if not self.catalogue.sources:
            return None
        key = (citation.surface, citation.title, citation.authors, citation.url, citation.kind, citation.year,
               citation.isbn, citation.doi)
        if key in self._memo:
            return self._memo[key]
        found = self._match(citation, context)
        # a choice made from the surrounding text is not reusable for the same words elsewhere
        if found is None or not self._used_context:
            self._memo[key] = found
        return found

    def _match(self, citation: Citation, context: str) -> CatalogueSource | None:
        self._used_context = False
        if citation.url:
            hit = self._by_url.get(normalize_url(citation.url))
            if hit is not None:
                return hit
        for ident in (citation.isbn, citation.doi):
            if ident:
                for source in self.catalogue.sources:
                    if (source.isbn and re.sub(r"\D", "", source.isbn) == re.sub(r"\D", "", ident)) or (
                            source.doi and source.doi.lower() == ident.lower()):
                        return source
        surface = normalize_title(citation.surface)
        surface_words = frozenset(surface.split())
        title = normalize_title(citation.title) if citation.title else ""
        author_keys = {normalize_title(a) for a in citation.authors}
        best: tuple[float, CatalogueSource] | None = None
        if title:
            hit = process.extractOne(title, self._title_keys, scorer=fuzz.ratio, score_cutoff=90)
            if hit is not None:
                best = (hit[1], self._titles[hit[2]][3])
        if best is None and len(surface_words) >= 6 and citation.cue in ("bibliography", "footnote", "source-line"):
            # a reference entry that abbreviates the catalogue's title ("House of Commons Debates, 31 March
            # 1939, vol. 345, cols. 2415-20." for the full title with its subject)
            hit = process.extractOne(surface, self._title_keys, scorer=fuzz.partial_ratio, score_cutoff=95)
            if hit is not None and len(self._titles[hit[2]][0]) >= 20:
                best = (hit[1], self._titles[hit[2]][3])
        for norm, words, pattern, source in self._titles:
            score = 0.0
            if title and len(norm) >= 12 and norm in title:
                score = 95.0
            if len(words) >= 2 and words <= surface_words and norm not in author_keys and pattern.search(surface):
                score = max(score, 96.0)
            if score >= 90 and (best is None or score > best[0]):
                best = (score, source)
        if best is not None:
            return best[1]
        if citation.authors and not (citation.title and len(title.split()) >= 2):
            # a citation that names its title must match by title; by author only when it names none
            keys = [(fold(surname_of(a)), a) for a in citation.authors if a.strip()]
            candidates = list(dict.fromkeys(
                s for folded, person, s in self._people
                if any(_close_surnames(k, folded) and _same_first_initial(written, person) for k, written in keys)
                and _kinds_compatible(citation.kind, s.kind)
                # "(Nelson 1985)" is no work of 2006 by Neilson, nor by Nelson: the year a reference gives is its own
                and not (citation.year and s.year and s.year != citation.year)))
            if len(candidates) == 1:
                return candidates[0]
            if not candidates:
                return None
            self._used_context = True
            nearby = normalize_title(context)
            mentioned = [s for s in candidates if any(
                len(normalize_title(t).split()) >= 2 and normalize_title(t) in nearby for t in (s.title, *s.aliases))]
            if len(mentioned) == 1:
                return mentioned[0]
            if citation.year:
                dated = [s for s in candidates if s.year == citation.year]
                if len(dated) == 1:
                    return dated[0]
        return None


_HONORIFICS = frozenset(office.lower() for office in OFFICES) | {"dr", "prof", "gen", "mr", "mrs", "ms", "field"}


def _first_initial(name: str) -> str:
    """The initial of the first given name written ("Peter Hart" P, "B. H. Liddell Hart" B, "Hart" none)."""
    given = name.split(",", 1)[1].split() if "," in name else name.split()[:-1]
    given = [w for w in given if w.lower().rstrip(".") not in _HONORIFICS]
    return given[0][:1].upper() if given else ""


def _same_first_initial(written: str, catalogued: str) -> bool:
    """"Peter Hart" is not the catalogue's B. H. Liddell Hart; a bare surname may be anyone of that name."""
    a, b = _first_initial(written), _first_initial(catalogued)
    return not a or not b or a == b


def _close_surnames(fa: str, fb: str) -> bool:
    if fa == fb:
        return True
    if abs(len(fa) - len(fb)) > 2 or (fa[:1] != fb[:1] and sorted(fa) != sorted(fb)):
        return False
    return (len(fa) >= 6 and DamerauLevenshtein.distance(fa, fb) <= 2 and sorted(fa) == sorted(fb)) or (
        len(fa) >= 5 and DamerauLevenshtein.distance(fa, fb) <= 1)


def inferred_tier(citation: Citation) -> Tier | None:
    host = urlsplit(citation.url).netloc.lower() if citation.url and "://" in citation.url else ""
    site = (citation.site or "").lower()
    if any(host.endswith(h) for h in _TERTIARY_HOSTS) or site in ("wikipedia", "britannica", "encyclopedia britannica",
                                                                  "encyclopaedia britannica"):
        return Tier.TERTIARY
    if citation.kind is SourceKind.FORUM or any(h in host for h in _UGC_HOSTS):
        return Tier.USER_GENERATED
    if citation.kind in (SourceKind.DIARY, SourceKind.ARCHIVE):
        return Tier.PRIMARY
    if citation.kind in (SourceKind.BOOK, SourceKind.ARTICLE, SourceKind.THESIS):
        return Tier.SECONDARY
    return None


def resolve_sources(citations: Sequence[Citation], resolver: Resolver, text: str = "") -> list[Source]:
    """Sources in document order with ids S1, S2, ...; ``via`` names the outer source's id."""
    ordered = sorted(citations, key=lambda c: (c.span.start, c.span.end))
    ids = {c.span: f"S{i + 1}" for i, c in enumerate(ordered)}
    # the first initials this document gives each surname: "Peter Hart" makes a later bare "Hart" him
    initials: dict[str, set[str]] = {}
    for citation in ordered:
        for author in citation.authors:
            if initial := _first_initial(author):
                initials.setdefault(fold(surname_of(author)), set()).add(initial)
    out: list[Source] = []
    for citation in ordered:
        context = text[max(0, citation.span.start - 250):citation.span.end + 250]
        entry = resolver.match(citation, context)
        if entry is not None and _someone_else_here(citation, entry, initials):
            entry = None
        via = ids.get(citation.via) if citation.via is not None else None
        if entry is not None:
            kind = entry.kind if citation.kind is SourceKind.OTHER else citation.kind
            out.append(Source(
                id=ids[citation.span], citation=citation, ref=entry.id, kind=kind, tier=entry.tier, via=via,
                title=entry.title, authors=entry.authors or entry.editors, year=entry.year,
                url=citation.url or (entry.urls[0] if entry.urls else None),
            ))
        else:
            out.append(Source(
                id=ids[citation.span], citation=citation, ref=None, kind=citation.kind, tier=inferred_tier(citation),
                via=via, title=citation.title, authors=citation.authors, year=citation.year, url=citation.url,
            ))
    return _with_full_references(out)


_FULL_REFERENCE_CUES = frozenset(["bibliography", "footnote", "source-line"])
_SHORT_FORM_CUES = frozenset(["author-year", "author-verb", "according-to"])


def _with_full_references(sources: list[Source]) -> list[Source]:
    """A short form ("(Perry 2005)", "Perry argues") whose author, and year when it gives one, fit
    exactly one full entry of this document's reference list or notes takes that entry's title, kind,
    catalogue id and tier, and names it in ``same_as``."""
    full = [s for s in sources if s.citation.cue in _FULL_REFERENCE_CUES and s.title and s.authors]
    if not full:
        return sources
    by_surname: dict[str, list[Source]] = {}
    for s in full:
        for author in s.citation.authors or s.authors:
            by_surname.setdefault(fold(surname_of(author)), []).append(s)
    out = []
    for s in sources:
        c = s.citation
        # "Quoted in Walder (1969), p. 287." in a reference list names a work of the list in short form too
        short = c.cue in _SHORT_FORM_CUES or (c.cue in _FULL_REFERENCE_CUES and c.kind is SourceKind.OTHER)
        if short and not c.title and not c.vague and len(c.authors) == 1:
            fits: dict[str, Source] = {}
            for e in by_surname.get(fold(surname_of(c.authors[0])), ()):
                if c.year is None or e.year == c.year:
                    # a footnote and the bibliography may both give the work in full: the first one stands
                    fits.setdefault(normalize_title(e.title or ""), e)
            if len(fits) == 1:
                (e,) = fits.values()
                # the document's own entry outranks a catalogue match made from the surname alone
                work = e if e.ref or not s.ref else s
                authors = work.authors
                if not work.ref and len(" ".join(s.authors).split()) > len(" ".join(authors).split()):
                    authors = s.authors  # "Theodore Ropp refers to" says more than the entry's "Ropp"
                s = replace(s, same_as=e.id, ref=work.ref, tier=work.tier, title=work.title, authors=authors,
                            year=work.year, url=s.url or work.url,
                            kind=work.kind if s.kind is SourceKind.OTHER else s.kind)
        out.append(s)
    return out


def _someone_else_here(citation: Citation, entry: CatalogueSource, initials: dict[str, set[str]]) -> bool:
    """A citation by a bare surname ("Hart argues") matched to a catalogue author whose first initial
    is not one this document gives that surname elsewhere ("Peter Hart's Gallipoli")."""
    if citation.title or not citation.authors or any(_first_initial(a) for a in citation.authors):
        return False
    people = [*entry.authors, *entry.editors]
    for author in citation.authors:
        given = initials.get(fold(surname_of(author)))
        mine = {_first_initial(p) for p in people if fold(surname_of(p)) == fold(surname_of(author))} - {""}
        if given and mine and not given & mine:
            return True
    return False
