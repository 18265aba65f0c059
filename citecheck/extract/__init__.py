"""Extraction: every cited source in a document, with spans, merged and linked into chains."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from urllib.parse import unquote

from rapidfuzz import fuzz

from citecheck.extract.bibliography import extract_references
from citecheck.extract.prose_citations import (
    CO_AUTHOR_BEFORE,
    PERSON,
    SOMEONE_ON,
    NameHints,
    extract_prose_citations,
    surname_slip,
)
from citecheck.extract.sentences import closes_abbreviation
from citecheck.extract.titles import extract_title_lines
from citecheck.extract.urls import document_links, is_checkable
from citecheck.extract.vocabulary import (
    ANAPHORIC_SECOND_HAND,
    BACK_SECOND_HAND,
    CALENDAR_DAY,
    HOST_KINDS,
    IMPRINT_THEN_NOTE,
    NEWSPAPER_NAMES,
    QUOTING_ANAPHOR,
    READ_IN_CLAUSE,
    VESSEL_WORDS,
    WEEKDAYS,
    WHICH_I_READ,
    WHICH_QUOTED,
    WORK_NOUNS,
    YEAR,
    document_kind,
    split_url,
    support_link,
    surname_of,
)
from citecheck.extract.wikitext import cite_templates, pointed_wikilinks, reused_references
from citecheck.model import Citation, Document, LinkOrigin, RawLink, SourceKind, Span

__all__ = ["NameHints", "extract_citations", "extract_links", "kind_for_url"]

# which extractor wins when two citations overlap (lower is stronger)
_PRIORITY = {
    "bibliography": 0, "footnote": 0, "cite-template": 0, "source-line": 1, "link-title": 2, "my-thread": 2,
    "wikilink": 2,
    "headline": 2,
    "author-title": 3, "titled-work": 3, "work-noun": 4, "family-papers": 4, "link": 5, "role-name": 6,
    "according-to": 6,
    "author-verb": 7, "author-year": 7, "pronoun-work": 8, "archive-ref": 8, "isbn": 8, "doi": 8, "vague-work": 9,
    "url": 10,
}


def kind_for_url(url: str) -> SourceKind:
    parts = split_url(url)
    host = parts.netloc.lower()
    for suffix, kind in HOST_KINDS:
        if host == suffix or host.endswith("." + suffix) or (suffix.endswith(".") and suffix in host):
            return kind
    path = parts.path.lower()
    if re.search(r"/(?:threads?|forums?|viewtopic|topic|showthread|t)/|viewtopic\.php|showthread\.php", path):
        return SourceKind.FORUM
    return SourceKind.WEB


def _title_from_url(url: str) -> str | None:
    parts = split_url(url)
    if parts.netloc.endswith("wikipedia.org") and parts.path.startswith("/wiki/"):
        return unquote(parts.path[len("/wiki/"):]).replace("_", " ")
    return None


def extract_links(doc: Document, title_citations: list[Citation] | None = None, *,
                  page_links: bool = True) -> list[RawLink]:
    """Every URL written in the document, plus the URLs implied by pasted Wikipedia link titles;
    ``page_links`` False leaves out the links of a page's navigation, header and footer."""
    links = [link for link in document_links(doc) if page_links or link.origin is not LinkOrigin.PAGE]
    for citation in title_citations or ():
        if citation.url and citation.url_inferred:
            links.append(RawLink(citation.url, citation.span, LinkOrigin.INFERRED, citation.title))
    links.sort(key=lambda link: (link.span.start, link.span.end, link.origin.value))
    return links


# a link that asks the reader to do something, or names where to listen: "[Subscribe](...)", "[RSS](...)"
_CALL_TO_ACTION = re.compile(
    r"(?:subscribe(?:[ \t]+now)?|share\b.{0,60}|leave[ \t]+a[ \t]+comment|comments?|reply|"
    r"listen[ \t]+(?:on|in|via)\b.{0,30}|follow\b.{0,30}|sign[ \t]+up\b.{0,30}|donate\b.{0,30}|buy\b.{0,40}|"
    r"shop\b.{0,30}|merch|rss|spotify|"
    r"apple[ \t]+podcasts|google[ \t]+podcasts|pocket[ \t]+casts|overcast|stitcher|back[ \t]+to[ \t]+top|"
    # a site's own navigation: "Contact the programme", "Write a review", "See all 38 reviews ›", "Most helpful"
    r"home|about(?:[ \t]+us)?|contact\b.{0,30}|episodes|clips|search|log[ \t]?in|sign[ \t]+in|register|menu|"
    r"privacy(?:[ \t]+policy)?|terms\b.{0,30}|cookies?\b.{0,20}|faqs?|help|write[ \t]+a[ \t]+review|"
    r"see[ \t]+all\b.{0,40}|most[ \t]+(?:helpful|recent)|newest|oldest|next|previous|more[ \t]+episodes|"
    # "Show 3 more comments", "Load older replies", "Continue reading →"
    r"(?:show|load|view|see)[ \t]+(?:\d+[ \t]+)?(?:more|all|older|newer|earlier|previous)\b.{0,30}|"
    r"(?:read|see)[ \t]+more\b.{0,20}|continue[ \t]+reading\b.{0,20}|"
    # a newsletter's and an events page's buttons: "unsubscribe from this list", "book a place"
    r"unsubscribe\b.{0,30}|update[ \t]+your[ \t]+preferences|view[ \t]+(?:this[ \t]+email[ \t]+)?in[ \t]+"
    r"(?:your[ \t]+)?browser|forward[ \t]+to[ \t]+a[ \t]+friend|book[ \t]+(?:a[ \t]+place|now|tickets?|your[ \t]+"
    r"(?:place|seat|ticket))|get[ \t]+tickets?|register[ \t]+(?:now|here)|x|linkedin|email|print)",
    re.IGNORECASE)
# a site's category, tag or author index, or the comment box of a page: "Filed under <a href=".../category/spain/">"
_NAVIGATION_URL = re.compile(r"^https?://[^/?#]+/(?:[^?#]*/)?(?:category|categories|tag|tags|author)/[^/?#]+/?(?:[?#]|$)|"
                             # a wiki's own pages: "[Main Page](...)", "[Ships](.../wiki/Category:Ships)"
                             r"/wiki/(?:Main_Page|(?:Category|Special|Help|Portal|Template|Talk|User):)|"
                             r"#(?:comments?|respond|reply)$|"
                             # share buttons and a mailing list's own links
                             r"^https?://(?:www\.)?(?:twitter\.com/intent|x\.com/intent|facebook\.com/sharer|"
                             r"linkedin\.com/(?:sharing|shareArticle)|reddit\.com/submit|pinterest\.com/pin/create|"
                             r"wa\.me/|api\.whatsapp\.com/send|t\.me/share)|"
                             r"^https?://[^/?#]*\blist-manage\.com/", re.IGNORECASE)
# "Merch: https://...", "Support the channel on Patreon: https://...": a channel's own chrome, not a source
_CHROME_LABEL = re.compile(
    r"(?:merch|shop|store|donate|support\b.{0,40}|patreon|twitter|instagram|facebook|tiktok|discord|music|"
    r"sponsor(?:ed[ \t]+by)?|newsletter|subscribe\b.{0,30}|follow\b.{0,30}|business[ \t]+(?:enquiries|inquiries)|"
    r"contact)[ \t]*:[ \t]*", re.IGNORECASE)


def _link_citations(doc: Document) -> list[Citation]:
    out: list[Citation] = []
    for link in doc.links:
        if link.image or link.origin is LinkOrigin.PAGE or not is_checkable(link.url) or support_link(link.url):
            continue
        anchor = doc.text[link.anchor.start:link.anchor.end].strip() if link.anchor else None
        if (anchor and _CALL_TO_ACTION.fullmatch(anchor.strip("*_ "))) or _NAVIGATION_URL.search(link.url):
            continue
        title = _title_from_url(link.url) or anchor
        out.append(Citation(link.span, doc.text[link.span.start:link.span.end], kind_for_url(link.url), "link",
                            title=title, url=link.url))
    return out


def _merge(a: Citation, b: Citation) -> Citation:
    """One citation from two overlapping ones; the stronger extractor decides the kind and cue. A vague work
    whose description holds the other ("a radio documentary from around the centenary with interviews from the
    IWM sound archive") stays that vague work."""
    for outer, inner in ((a, b), (b, a)):
        if outer.vague and outer.cue == "vague-work" and outer.span.start < inner.span.start and (
                inner.span.end <= outer.span.end):
            return outer
    strong, weak = (a, b) if _PRIORITY.get(a.cue, 9) <= _PRIORITY.get(b.cue, 9) else (b, a)
    if strong.title and weak.title and strong.title in weak.authors:
        # "a decent general book, Mark Wyman, DPs: Europe's Displaced Persons (Cornell, 1998)": the name after the
        # work noun is the author of the title that follows
        strong = replace(strong, title=weak.title, authors=weak.authors)
    span = Span(min(a.span.start, b.span.start), max(a.span.end, b.span.end))
    kind = strong.kind if strong.kind is not SourceKind.OTHER else weak.kind
    if strong.kind is SourceKind.WEB and weak.kind not in (SourceKind.OTHER, SourceKind.WEB) and strong.cue == "link":
        kind = weak.kind
    return Citation(
        span=span, surface="", kind=kind, cue=strong.cue, title=strong.title or weak.title,
        # "*Les Garibaldiens* (1861)" is a title and its year, not the author-year "Garibaldiens (1861)"
        authors=strong.authors or tuple(a for a in weak.authors if not (strong.title and a in strong.title)),
        editors=strong.editors or weak.editors,
        year=strong.year or weak.year, url=strong.url or weak.url,
        url_inferred=strong.url_inferred if strong.url else weak.url_inferred, site=strong.site or weak.site,
        publisher=strong.publisher or weak.publisher, isbn=strong.isbn or weak.isbn, doi=strong.doi or weak.doi,
        vague=a.vague and b.vague, via=strong.via or weak.via, anaphor=a.anaphor and b.anaphor,
    )


_BRACKET_BETWEEN = re.compile(r"[ \t]*\([ \t]*")
_NAMED_IN_BRACKETS = frozenset({"work-noun", "vague-work", "pronoun-work"})


def _dedupe(doc: Document, citations: list[Citation]) -> list[Citation]:
    citations = sorted(citations, key=lambda c: (c.span.start, -c.span.end))
    out: list[Citation] = []
    for citation in citations:
        last = out[-1] if out else None
        if last is not None and last.vague and last.span.start < citation.span.start < last.span.end < (
                citation.span.end) and not doc.text[last.span.end:citation.span.end].strip("*_'"):
            # "a piece in the *Daily Nation*": the paper's name in italics, and its closing marks, inside a vague work
            span = Span(last.span.start, citation.span.end)
            out[-1] = replace(last, span=span, surface=doc.text[span.start:span.end])
        elif last is not None and citation.span.overlaps(last.span):
            merged = _merge(last, citation)
            out[-1] = replace(merged, surface=doc.text[merged.span.start:merged.span.end])
        elif last is not None and citation.cue == "titled-work" and not last.title and last.cue in (
                _NAMED_IN_BRACKETS) and _BRACKET_BETWEEN.fullmatch(doc.text, last.span.end, citation.span.start):
            # "his memoirs (*Years of Trial*, vol. 2)": the work and its title in brackets are one source
            span = Span(last.span.start, citation.span.end)
            out[-1] = replace(last, span=span, surface=doc.text[span.start:span.end], title=citation.title)
        else:
            out.append(citation)
    return out


_FIRST_TEXT = re.compile(r"[^ \t\n*_\"“]")
_TRANSCRIBED_AFTER_LABEL = re.compile(r"\b(?:Inscription|Transcription|Translation|Text|Motto|Legend|Caption|"
                                      r"Wording|Stamp|Reverse|Obverse)(?:[ \t]*\([^()\n]{1,30}\))?[ \t]*:[*_ \t]*$",
                                      re.IGNORECASE)
# a question may end a title or its main part: "*Jews for Sale? Nazi-Jewish Negotiations*", "*What Is History?*"
_EMPHASIS_TITLE = re.compile(r"^[A-Z0-9“\"'](?:[^.!?\n]|[?!](?=[ \t]+[A-Z0-9]|$)){1,150}$")
# "**4 October 1957**", "**4 Oct 1957**", "*Sputnik 1*": a date set in bold over a timeline entry, a craft and
# its number
# (and "**Tuesday 9 November, 8 pm**", a date set in bold over a society's programme)
_DATE_OR_CRAFT = re.compile(rf"(?:(?:{'|'.join(WEEKDAYS)}),?[ \t]+)?{CALENDAR_DAY}(?:,?[ \t]+{YEAR})?"
                            rf"(?:,?[ \t]+\d{{1,2}}(?:[.:]\d\d)?[ \t]*(?:am|pm|a\.m\.|p\.m\.))?"
                            rf"|[A-Z][\w-]+[ \t]+\d{{1,2}}")
_ABBREVIATION_DOT = re.compile(r"\b(?:Vol|vol|No|no|Pt|pt|St|Mr|Mrs|Dr|Jr|Bk|Ch)\.")  # "*Memoirs, Vol. 2: ...*"
_TITLE_SMALL = frozenset(["a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "from", "with", "by",
                          "vs", "via", "as", "into", "de", "la", "le", "du", "des", "der", "die", "das", "von", "van",
                          "y", "et"])


_PAPER_CITED_BEFORE = re.compile(r"\b(?:in|from|according to|read|see|per|cf\.|says|said)\s+(?:the\s+)?[*_]*$",
                                  re.IGNORECASE)
_PAPER_CITED_AFTER = re.compile(r"[*_]*\s*(?:of\s+\d|\(\d{1,2}\s|\(\d{4}|,\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|"
                                r"(?:also\s+|later\s+|then\s+)?(?:reported|reports|wrote|writes|says|said|claimed|"
                                r"claims|printed|published|ran\s+(?:a|an|the)|carried|quoted|noted))")
_VESSEL_BEFORE = re.compile(rf"\b{VESSEL_WORDS}[ \t]*[*_]*$")
_SHIP_LIST_JOIN = re.compile(r"[*_]*[^.;!?\n*_]{0,30}?(?:,|[ \t]and)[ \t]+[*_]*")


_WORK_NOUN_BEFORE = re.compile(r"\b(?:book|novel|memoir|study|history|biography|monograph|film|documentary)"
                               r"[ \t]*[*_]*$")
_TITLE_OWNER = re.compile(r"([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})(?:['’]s[ \t]+[*_]?|(?<=s)['’][ \t]+[*_]?|"
                          r",[ \t]+in[ \t]+[*_]?)$")  # "Beevor's *Stalingrad*", "Max Hastings' *The Korean War*"
_YEAR_AFTER_TITLE = re.compile(rf"[*_ \t]*(?:\((?:[^()\n]{{0,40}}?,[ \t]*)?{YEAR}\)|,[ \t]*{YEAR}\b)")
_WRITER_IN_BEFORE = re.compile(r"\b([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})[ \t]+in[ \t]+[*_]*$")
_NAME_IN_BEFORE = re.compile(r"\b[A-Z][\w'’-]+[ \t]+in[ \t*_]*$")
_COUNT_LABEL = re.compile(r"[A-Z][\w' ]{0,25}:[ \t]*[\d,.]+")  # "**Score: 14**", "**Votes: 3**"
_POST_LABEL = re.compile(r"^(?:Edit|Update|Addendum|Correction|Note|NB|PS|P\.S\.|TL;?DR)[ \t]*\d{0,2}[ \t]*:?$",
                         re.IGNORECASE)


# "- Hugh Thomas, *The Spanish Civil War* - the old brick": a reading list's author, then the title
_LIST_AUTHOR_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[-*+•][ \t]+|\d{1,3}[.)][ \t]+)?"
                                 # "Read Keane, *Road of Bones*": the imperative is no part of the name
                                 r"(?:(?:Read|See|Try|Also|Cf\.|Compare|And)[ \t]+)?"
                                 r"(?!(?:Read|See|Try|Also|Compare|And)\b)"
                                 r"([A-Z][\w'’-]+(?:[ \t]+(?:[A-Z]\.[ \t]*)*[A-Z][\w'’-]+){1,2}),[ \t]+[*_]?$")


_BOLD_ITEM_LABEL = re.compile(r"[ \t]*(?:(?:\d{1,3}[.)]|[-*+•])[ \t]+)?(?:\*\*|__)")
_LABEL_DASH_AFTER = re.compile(r"(?:\*\*|__)[ \t]*(?:[–—]|-{1,2}(?=[ \t]))")


def _emphasis_citations(doc: Document, hints: NameHints, taken: list[Span]) -> list[Citation]:
    """Italic titles in Markdown and HTML: *The Origins of the Second World War*."""
    out: list[Citation] = []
    last_ship = -1
    opening = _FIRST_TEXT.search(doc.prose)
    first_text = opening.start() if opening else len(doc.prose)  # where the document's own first words start
    for span in doc.emphasis:
        text = doc.prose[span.start:span.end].strip()
        if not _EMPHASIS_TITLE.match(_ABBREVIATION_DOT.sub("_", text)) or any(span.overlaps(t) for t in taken):
            continue
        lead = doc.prose[max(0, span.start - 40):span.start]
        if _VESSEL_BEFORE.search(lead) or (last_ship >= 0 and _SHIP_LIST_JOIN.fullmatch(
                doc.prose[last_ship:span.start])):
            last_ship = span.end  # "the galleass *San Lorenzo*", "the wrecks of *La Trinidad* and *El Gran Grifón*"
            continue
        words = [w.strip(":,;'\"“”") for w in text.split()]
        significant = [w for w in words if w and w.lower() not in _TITLE_SMALL]
        capitalised = sum(1 for w in significant if w[:1].isupper() or w[:1].isdigit())
        before = doc.prose[max(0, span.start - 60):span.start]
        owner = _TITLE_OWNER.search(before) or _LIST_AUTHOR_BEFORE.search(before)
        owned = owner is not None and (hints.is_person(owner.group(1).split()[-1])
                                       or hints.is_given_name(owner.group(1).split()[0]))
        dated = _YEAR_AFTER_TITLE.match(doc.prose, span.end) is not None
        # "quoted by Caroline Alexander in *The Endurance*": a writer's work
        writer_in = _WRITER_IN_BEFORE.search(before)
        by_writer_in = writer_in is not None and (hints.is_scholar(writer_in.group(1))
                                                  or writer_in.group(1).split()[-1] in hints.doc_authors)
        # "Vuillaume's *Mes cahiers rouges*", "*Souvenirs d'un fédéré* (1897)": titles in sentence case
        after_noun = _WORK_NOUN_BEFORE.search(before) is not None  # "in their 2017 book *Okupace 1968 a její oběti*"
        sentence_case = (owned or dated or after_noun or by_writer_in) and words[0][:1].isupper() and len(words) <= 10
        if _DATE_OR_CRAFT.fullmatch(text) and not (owned or dated or after_noun):
            continue
        # one word is a title after its author's name: "Anna Funder's <em>Stasiland</em>"
        one_word_owned = len(words) == 1 and (owned or by_writer_in) and words[0][:1].isupper() and not (
            hints.is_person(words[0]))
        if (len(words) < 2 and not one_word_owned) or len(words) > 16 or (
                capitalised < max(2, 0.75 * len(significant)) and not sentence_case and not one_word_owned):
            continue
        if _POST_LABEL.match(text) or (text.endswith(":") and len(words) <= 4) or _COUNT_LABEL.fullmatch(text):
            continue  # "**Edit 2:**", "**Mr O:**": a label on a later note or a marker's comment, not a title
        if _TRANSCRIBED_AFTER_LABEL.search(before) or span.start <= first_text:
            continue  # "**Inscription:** *Quittung über 50 Mark*", the document's own title over its first line
        in_work = dated and _NAME_IN_BEFORE.search(before) is not None  # "Louise Michel in *La Commune* (1898)"
        # "Max Hastings' *The Korean War*" is a book (a historian's); "Stalin's *Great Terror*" the event
        by_scholar = owner is not None and (hints.is_scholar(owner.group(1))
                                            or owner.group(1).split()[-1] in hints.doc_authors)
        if (hints.is_place_or_event(text) and not (in_work or by_scholar or by_writer_in)) or (
                hints.is_person(text) and len(words) <= 3):
            continue
        bold = doc.text[max(0, span.start - 2):span.start] in ("**", "__")
        if bold and len(words) <= 3 and hints.is_given_name(words[0]) and all(w[:1].isupper() for w in words):
            continue  # "**Ellen Marsh**" over a comment: a commenter's name set in bold, not a title
        if bold and _BOLD_ITEM_LABEL.fullmatch(doc.text, doc.text.rfind("\n", 0, span.start) + 1, span.start) and (
                _LABEL_DASH_AFTER.match(doc.text, span.end)):
            continue  # "5. **Bristol, 1963** – the boycott and its echoes": a chapter's heading in an outline
        if words[-1] in NEWSPAPER_NAMES or words[-1] == "Weekly":
            # "the *Daily Mail* splashed a letter", "he went out for the *Daily Mail*": the paper in the
            # story; "an article in the *Daily Mail*", "*The Times* reported", "*The Times* of 5 June" cite it
            after = doc.prose[span.end:span.end + 40]
            if not (_PAPER_CITED_BEFORE.search(before) or _PAPER_CITED_AFTER.match(after)):
                continue
        authors = (owner.group(1),) if owner and owned else ()
        lead_in = doc.text[max(0, span.start - 3):span.start]
        marker = len(lead_in) - len(lead_in.rstrip("*_"))
        # the title with its markers: "*The Nazi Olympics*", not "The Nazi Olympics*" beside its year
        start = span.start - (len(before) - before.rfind(owner.group(1))) if authors and owner else span.start - marker
        end = span.end + marker if doc.text[span.end:span.end + marker] == doc.text[span.start - marker:span.start] \
            else span.end
        out.append(Citation(Span(start, end), doc.text[start:end], SourceKind.BOOK, "titled-work",
                            title=text.strip("“”\"'"), authors=authors))
    return out


_FOUND_IN = re.compile(r"\b(?:found|read|saw|came across|discovered|noticed|there is|learned|learnt)\b", re.IGNORECASE)
_SECOND_HAND = re.compile(
    r"(?:^|[\s,(])(?:as\s+|is\s+|was\s+|are\s+|were\s+|has\s+been\s+|have\s+been\s+)?(?:quoted|cited|reproduced|"
    r"reprinted|excerpted|translated|summari[sz]ed|mentioned|printed|quotes|cites|reproduces|prints|excerpts)\s+"
    r"(?:(?:at\s+length|in\s+full|extensively)\s+)?(?:in|by)\b(?![ \t]*\d)"  # not "Cited by 112" under a search result
    r"|^[\s,(]*(?:via|through|in the words of)\s*$"
    r"|^[\s,]*as\s+(?:reported|recorded|told|retold)\s+(?:in|by)\b"  # "Browning's remark as reported in"
    # "I found Panikkar's own account ... only second-hand, in Halberstam's book"
    r"|\bsecond[- ]?hand,?\s+(?:in|from|through|via|by)\s+(?:the\s+)?$"
    r"|\b(?:from|in|through)\s+the\s+(?:\w+\s+){0,2}(?:passages?|extracts?|excerpts?|quotations?)\s*$"
    rf"|^[\s,]*{WHICH_I_READ}",
    re.IGNORECASE,
)
_QUOTING = re.compile(r"^\s*,?\s*(?:quotes|quoting|cites|citing|reproduces|reproducing|includes)\s*$", re.IGNORECASE)


_FROM_END = re.compile(r"\bfrom\s+(?:the\s+)?$")
_HAD_IT_FROM = re.compile(r"\s+(?:that\s+)?(?:he|she|they)\s+(?:had|got|took|found|borrowed)\s+"
                          r"(?:the|this|that|it|his|her)\b[^.!?\n]{0,40}?\bfrom\s+(?:the\s+)?$")
# "Lord Wavel's journal", "General Gamelin's orders": the rank or title before a document's owner
_OWNER_TITLE = (r"(?:(?:Lord|Lady|Sir|General|Field[ \t]+Marshal|Marshal|Admiral|President|Chancellor|Dr\.?|Mr\.?|"
                r"Mrs\.?|Count|Prince|Princess|King|Queen|Emperor|Bishop|Cardinal|Colonel|Captain|Major)\s+)")
_QUOTED_JUST_BEFORE = re.compile(rf"\b(?:quotes|cites|reproduces|prints)\s+{_OWNER_TITLE}?$")
_ONLY_OWNER_TITLE = re.compile(rf"\s*{_OWNER_TITLE}?")
_QUOTING_VERB_END = re.compile(r"\b(?:quotes|quoted|cites|cited|reproduces|reproduced|prints|printed)$")
_IN_BEFORE = re.compile(r"\b(?:in|from|within)\s+(?:the\s+)?(?:very\s+)?(?:\w+\s+){0,3}$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]\s")
_PRONOUN_SUBJECT = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\s+(?:also\s+)?$")


def _link_chains(doc: Document, citations: list[Citation]) -> list[Citation]:
    """Mark sources known only through another one (``via``). Only neighbours in the same stretch of
    text can be linked, so the cost stays linear in the number of citations."""
    out = sorted(citations, key=lambda c: (c.span.start, c.span.end))
    prose = doc.prose
    for i, inner in enumerate(out):
        # "In the diaries of Chernyaev I found ... from the diaries of Dimitrov": the outer one comes first
        for j in range(i - 1, max(-1, i - 6), -1):
            outer = out[j]
            if outer.span.end > inner.span.start:
                continue
            between = prose[outer.span.end:inner.span.start]
            if len(between) > 250 or "\n\n" in between:
                break
            before_outer = prose[max(0, outer.span.start - 40):outer.span.start]
            quoting_author = _ONLY_OWNER_TITLE.fullmatch(between) is not None and _QUOTING_VERB_END.search(
                outer.surface) is not None  # "Mukerjee also cites" + "Lord Wavel's journal"
            # "Clark claimed he had the line from Falkenhayn's memoirs": the author's work is the way to it
            had_it_from = outer.cue == "author-verb" and _HAD_IT_FROM.match(between) is not None
            if (_IN_BEFORE.search(before_outer) and _FOUND_IN.search(between) and _FROM_END.search(between)) or (
                    _QUOTING.match(between)) or quoting_author or had_it_from:
                out[i] = replace(inner, via=outer.span)
                break
        verb = _QUOTED_JUST_BEFORE.search(prose, max(0, inner.span.start - 30), inner.span.start)
        if out[i].via is None and verb is not None and i > 0:
            if _quoted_by(prose, verb.start(), out[i - 1]):
                # "Zamulin's book ... He also quotes a report Rotmistrov sent"
                out[i] = replace(inner, via=out[i - 1].span)
            elif (quoter := _quoter_before(prose, out[:i], verb.start())) is not None:
                out[i] = replace(inner, via=quoter.span)
        if out[i].via is not None or i + 1 >= len(out):
            continue
        # "Halder's diary, as quoted in Shirer's book": the nearest citation after it
        outer = out[i + 1]
        # ("Hugh Thomas, The Spanish Civil War (1961) ... I got that from Hugh Thomas" names the same work)
        if inner.span.end <= outer.span.start and not _own_author(inner, outer):
            between = prose[inner.span.end:outer.span.start]
            same_sentence = len(between) <= 160 and not _SENTENCE_END.search(between)
            if (same_sentence and _SECOND_HAND.search(between)) or (
                    len(between) <= 400 and "\n\n" not in between and _told_second_hand(between)):
                out[i] = replace(inner, via=outer.span)
            elif (len(between) <= 160 and not _SENTENCE_END.search(between)
                  and _QUOTING_VERB_END.search(outer.surface)):
                # "his diary, from the passages Harris quotes in The Man on Devil's Island": the book it is in
                work = out[i + 2] if i + 2 < len(out) else None
                near = work is not None and re.fullmatch(r"\s+(?:in|from)\s+", prose[outer.span.end:work.span.start])
                out[i] = replace(inner, via=work.span if near and work is not None else outer.span)
    out = _anaphoric_chains(doc, out)
    out = _came_by_chains(doc, out)
    out = _quoter_in_sentence(doc, out)
    return _label_passages(doc, out)


_QUOTING_VERB = r"(?:quotes|cites|reproduces|prints|reprints|excerpts)"
# "Askwith reproduces Peters's own version ... from his 1955 autobiography": a cited author quoting what follows
_AUTHOR_QUOTES = re.compile(rf"\b(?P<who>[A-Z][\w'’-]+)[ \t]+(?:also[ \t]+|even[ \t]+)?{_QUOTING_VERB}\b")
# "because Newark quotes it": the cited author quoting what came before (as in "quoted by Preston")
_AUTHOR_QUOTES_IT = re.compile(rf"\b(?P<who>[A-Z][\w'’-]+)[ \t]+(?:also[ \t]+)?{_QUOTING_VERB}[ \t]+(?:it|them|this)\b")


_CONTAINER_AFTER = re.compile(r"[^.!?\n]{0,40}?[ \t]in[ \t]+[*_\"“]*")


def _quoter_in_sentence(doc: Document, out: list[Citation]) -> list[Citation]:
    """A work left without a chain whose sentence names the author of another cited work as quoting it:
    "The interpreter Paul Schmidt, whose memoirs are also quoted by Preston", "the story comes from
    Pantaleone's book Mafia e politica, I only know it because Newark quotes it". The names found after the
    work come first, in the order written, then those before it."""
    prose = doc.prose
    for inner in list(out):
        if inner.via is not None or inner.vague:
            continue
        starts = _sentence_starts(prose, max(0, inner.span.start - 300), inner.span.start)
        start = starts[-1] if starts else max(0, inner.span.start - 300)
        end_m = _SENTENCE_END.search(prose, inner.span.end)
        end = min(end_m.start() + 1 if end_m else len(prose), inner.span.end + 300)
        after = [m for pattern in (_PASSIVE_QUOTER, _AUTHOR_QUOTES_IT)
                 for m in pattern.finditer(prose, inner.span.end, end)]
        named = [m.group("who") for m in sorted(after, key=lambda m: m.start())]
        named += [m.group("who") for m in _AUTHOR_QUOTES.finditer(prose, start, inner.span.start)
                  if not _CONTAINER_AFTER.fullmatch(prose, m.end(), inner.span.start)]  # "quotes at length in <it>"
        inner_authors = {surname_of(a) for a in (*inner.authors, *inner.editors) if a.strip()}
        for who in named:
            outer = _work_by(out, who)
            if outer is not None and outer.span != inner.span and surname_of(who) not in inner_authors and not (
                    outer.span.start <= inner.span.start < outer.span.end):
                _chain_cited(out, inner, outer)
                break
    return out


# "The booklet quotes the diary of the vicar": the work of that kind cited before
_THE_WORK_QUOTES = re.compile(r"\b[Tt]he\s+(?P<noun>book|booklet|pamphlet|biography|memoir|study|article|film|"
                              r"documentary|history|programme|thesis|paper|report|leaflet|catalogue)\s+"
                              r"(?:also\s+|even\s+|itself\s+)?$")
# "There's a bit in Trotter where he quotes Khrushchev's memoirs": the work of the author named
_IN_AUTHOR_WHERE = re.compile(r"\b(?:in|by)\s+(?P<who>[A-Z][\w'’-]+)(?:['’]s\s+\w+)?,?\s+(?:where|when)\s+"
                              r"(?:he|she|they)\s+(?:also\s+|even\s+)?$")


def _quoter_before(prose: str, cited: list[Citation], verb_start: int) -> Citation | None:
    """The work whose words are the subject of a quoting verb, when it is not the citation just before:
    "The booklet quotes ..." (the booklet cited earlier), "a bit in Trotter where he quotes ..." (Trotter's book)."""
    starts = _sentence_starts(prose, max(0, verb_start - 200), verb_start)
    sentence_start = starts[-1] if starts else max(0, verb_start - 200)
    if (the_work := _THE_WORK_QUOTES.search(prose, sentence_start, verb_start)) is not None:
        noun = the_work.group("noun")
        return next((c for c in reversed(cited) if c.span.end <= the_work.start()
                     and the_work.start() - c.span.end <= 3000 and c.kind is not SourceKind.WEB
                     and (noun in c.surface.lower() or c.kind is WORK_NOUNS.get(noun))), None)
    if (where := _IN_AUTHOR_WHERE.search(prose, sentence_start, verb_start)) is not None:
        return _work_by(cited, where.group("who"))
    return None


def _own_author(work: Citation, mention: Citation) -> bool:
    """``mention`` only names the author of ``work`` ("I got that from Hugh Thomas" after his book)."""
    return (mention.title is None and bool(mention.authors) and mention.cue in ("author-verb", "author-year")
            and {surname_of(a) for a in mention.authors} <= {surname_of(a) for a in work.authors})


def _told_second_hand(between: str) -> bool:
    """The text between a citation and the next one ends with a sentence that names where the
    writer got the first: "... or words to that effect. I'm quoting that second-hand, as quoted in"."""
    ends = list(_SENTENCE_END.finditer(between))
    if len(ends) != 1:
        return False
    return BACK_SECOND_HAND.match(between[ends[0].end():].lstrip()) is not None


_NOUN_KINDS = {"letter": SourceKind.ARCHIVE, "letters": SourceKind.ARCHIVE, "telegram": SourceKind.ARCHIVE,
               "dispatch": SourceKind.ARCHIVE, "memorandum": SourceKind.ARCHIVE, "minutes": SourceKind.ARCHIVE,
               "diary": SourceKind.DIARY, "diaries": SourceKind.DIARY, "journal": SourceKind.DIARY}


def _quoted_by(prose: str, at: int, cited: Citation) -> bool:
    """The quoting verb at ``at`` belongs to the citation just before it: "Horne quotes the letter" (the
    citation may end with the verb itself), or "Roberts, Stalin's Wars (2006). … He also quotes the Soviet
    record", where "he" is the author just cited, in the same paragraph."""
    if cited.span.start >= at:
        return False
    gap = at - cited.span.end
    return gap <= 40 or (gap <= 300 and bool(cited.authors) and "\n\n" not in prose[cited.span.end:at]
                         and _PRONOUN_SUBJECT.search(prose, max(0, at - 12), at) is not None)


def _anaphoric_chains(doc: Document, out: list[Citation]) -> list[Citation]:
    """"... in a letter of 8 October 1692. We read the letter as it is printed in Burr's Narratives": the
    letter cited just before is known through the book named after "printed in". When no letter was
    cited before ("he wrote to his sister that ... I know that letter only as quoted in X"), the words
    "that letter" stand for it: a source of its own, known through X."""
    prose = doc.prose
    starts = [c.span.start for c in out]
    added: list[Citation] = []
    matches: list[tuple[re.Match[str], int, Citation]] = []  # the words, the first citation after them, the outer
    for m in ANAPHORIC_SECOND_HAND.finditer(prose):
        k = bisect_left(starts, m.end())
        if k < len(out) and out[k].span.start - m.end() <= 200:
            matches.append((m, k, _titled_work_of_owner(out, out[k], m.start())))
    for m in QUOTING_ANAPHOR.finditer(prose):
        # the work it is quoted in, named right after, else the author or work that quotes it, just before
        k = bisect_left(starts, m.end())
        if k < len(out) and out[k].span.start - m.end() <= 40:
            matches.append((m, k, _titled_work_of_owner(out, out[k], m.start())))
        elif k > 0 and _quoted_by(prose, m.start(), out[k - 1]):
            matches.append((m, k, out[k - 1]))
    for m, k, outer in matches:
        noun = m.group("noun").lower()
        found = False
        for j in range(k - 1, -1, -1):
            inner = out[j]
            if inner.span.end > m.start() or inner is outer:
                continue
            if m.start() - inner.span.end > 400 or "\n\n" in prose[inner.span.end:m.start()]:
                break
            if inner.via in (None, outer.span) and (noun in inner.surface.lower()
                                                    or inner.kind is _NOUN_KINDS.get(noun)):
                out[j] = replace(inner, via=outer.span)
                found = True
                break
        words_at = m.start("ref") if "ref" in m.re.groupindex else m.start()
        if not found and any(c.span.start <= words_at < c.span.end for c in out[max(0, k - 2):k]):
            found = True  # the words are already part of a citation
        if not found:
            span = Span(words_at, m.end("noun"))
            added.append(Citation(span, doc.text[span.start:span.end], _NOUN_KINDS.get(noun, SourceKind.OTHER),
                                  "second-hand", via=outer.span, anaphor=True))
    return sorted(out + added, key=lambda c: (c.span.start, c.span.end)) if added else out


# "Kessler retells", "Margarita de Orellana summarises", "Joan typed": who passes a document on
_QUOTER = (r"(?P<who>[A-Z][\w'’-]+(?:\s+(?:de\s+)?[A-Z][\w'’-]+){0,2})\s+(?:quotes|cites|gives|prints|reprints|"
           r"summari[sz]es|retells|translates|reproduces|paraphrases|tells|typed|transcribed|copied)")
# a document spoken of as a thing: "his diary entry for 1 July", "the Crown Prince letter", "Nicholas II's
# instructions", "the contract's clauses"
_DOCUMENT_NOUNS = (r"diary\s+entry|diary\s+entries|entries|entry|letters?|telegrams?|cables?|despatch(?:es)?|"
                   r"dispatch(?:es)?|memorandum|memoranda|memos?|instructions|orders|order\s+of\s+the\s+day|drafts|"
                   r"minutes|notebooks?|recollections?|testimony|remark|clauses|diary|diaries|memoirs?|narrative|"
                   r"account|lecture|tapes|recordings?|interviews?|statement|speech(?:es)?|reports?|typescript|"
                   r"transcript|minute|judg(?:e)?ment|verdict|proclamation|(?:casualty|strength|loss)\s+returns?|"
                   r"notes|citation|summary|summaries|confessions?|photo(?:graph)?s?|editorials?|columns?|pamphlets?|leaflets?|"
                   r"testimonies|"
                   r"broadcasts?|communiqu[eé]s?|directives?|logs?|log\s*books?|note|obituar(?:y|ies)|files?|"
                   r"answers|interrogator(?:y|ies)|affidavits?|depositions?|assessments?|appreciations?|"
                   r"polls?|surveys?|proposals?|bulletins?|newsletters?|circulars?|handbills?|broadsheets?|"
                   r"(?:opening|closing|inaugural|radio|farewell)\s+address(?:es)?|(?:radio\s+)?exchanges?|"
                   r"radio\s+messages?|petitions?|resolutions?|manifesto(?:e?s)?|appeals?|ultimatums?|declarations?|findings|papers|"
                   r"notices?|oral\s+histor(?:y|ies)")
_DOCUMENT_NP = re.compile(
    r"(?:\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Tt]hose|[Tt]hese|[Aa]n?)\s+|"
    r"\b[A-Z][\w-]*(?:\s+[IVX]{1,4})?['’]s\s+|"
    r"\b(?:aides|survivors|veterans|witnesses|officers|soldiers|prisoners|passengers|crews|residents)['’]\s+)"
    r"(?:[A-Z][\w-]*\s+(?:and|&)\s+)?"  # "the Comintern and NKVD reports"
    r"(?:(?!(?:is|was|are|were|and|or|in|of|to|that|which)\b)[\w\"“”'’-]+\s+){0,3}?"  # 'Clay's "war scare" cable'
    rf"(?P<noun>(?i:{_DOCUMENT_NOUNS}))\b")
# "I've only seen it quoted in X", "I only know them from the extracts X prints in", "we use it as X quotes it in";
# "kept a diary ... It is now lost, but long extracts from it were printed in": the document named before
# words for a part of a document, not a document of their own: "the line", "that passage", "the quote"
_WORDS_OF_A_DOCUMENT = r"lines?|phrase|words|passages?|quotes?|quotations?|extracts?|sentences?|remarks?"
_CAME_BY_IT = re.compile(
    # "I have not seen the coroner's file; I rely on the extracts printed in Anderson"
    r"\b(?:I|[Ww]e)\s+(?:rely|relied|depend|depended|draw|drew)\s+(?:on|upon)\s+(?:the\s+)?"
    r"(?:extracts|excerpts|passages|quotations)\s+(?:printed|quoted|given|reproduced|published)\s+(?:in|by)\b|"
    r"\b(?:extracts|excerpts|passages|parts|sections|pages|quotations)\s+(?:from|of)\s+(?:it|them)\s+"
    r"(?:were|was|are|is|have\s+been|has\s+been)\s+(?:printed|published|quoted|reproduced|reprinted)\s+in\b|"
    r"\b(?:(?:I|[Ww]e)(?:['’]ve|['’]d)?\s+(?:have\s+|had\s+|will\s+|can\s+|must\s+)?"
    r"(?:(?:only|first|ever|never|just|really|actually)\s+)*"
    r"(?:read|seen|saw|know|known|knew|found|came\s+across|come\s+across|use|used|have|quote|cite|take|took|"
    r"taken|got)|"
    r"(?:I['’]m|I\s+am|[Ww]e['’]re|[Ww]e\s+are)\s+(?:only\s+)?(?:quoting|taking))\s+"
    # "I only really know what he said from that book"
    r"(?:(?P<pronoun>it|them|that|this|what\s+(?:he|she|they)\s+(?:said|wrote))|"
    r"(?P<np>(?:the|his|her|their|that|this|those|these|[A-Z][\w-]*['’]s)\s+"
    rf"(?:(?!(?:in|from|as)\b)[\w'’-]+\s+){{0,3}}?(?i:{_DOCUMENT_NOUNS}|bits?|{_WORDS_OF_A_DOCUMENT})))"
    r"(?:,[^,.;:!?\n]{1,50},)?"  # "We know that letter, like so much else on this page, from ..."
    r"\s+(?:(?:only|first|originally)\s+)?"  # "I saw that first in Hochschild's book"
    r"(?:(?:second[- ]?hand|at\s+second\s+hand),?\s+)?"  # "I only have it second-hand from Dimbleby"
    r"(?:(?:as\s+(?:it\s+is\s+|they\s+are\s+)?)?(?:quoted|cited|printed|reprinted|reproduced|excerpted|summari[sz]ed|"
    r"translated)\s+(?:in|by)\b|in\b|from\b|through\b|via\b|as\s+(?:it|they)\s+(?:appears?|stands?)\s+in\b|"
    rf"as\s+{_QUOTER}\s+(?:it|them)\b|"
    # "I only know it because Beevor quotes it", "I've never read the memoir itself, only the extracts Zamulin quotes"
    r"because\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:quotes|cites|prints|reproduces|gives)\s+(?:it|them)\b|"
    r"(?:\s*(?:itself|themselves|myself|ourselves))?,?\s*(?:but\s+)?only\s+(?:the\s+)?"
    r"(?:extracts|excerpts|passages|bits|quotations|parts)\b)")
# "The Sessions judgment is quoted at length in the book": a document known through the work named next
# (the verb is found first and the document looked for just before it: far fewer places to try)
_QUOTED_AT_LENGTH_IN = re.compile(
    r"(?:\b(?:is|was|are|were)\s+(?:(?:only|also)\s+)?|(?:,\s*as\s+(?:it\s+is\s+|they\s+are\s+|it\s+was\s+)?|\bonly\s+as\s+(?:it\s+is|they\s+are|it\s+was)\s+)|"
    r"\band\s+(?=\w+\s+(?:at|in)\s+\w+\s+by\b))"
    r"(?:quoted|printed|reprinted|reproduced|cited|excerpted|published|given(?=\s+in\s+full))\s+"
    r"(?:(?:at\s+(?:some\s+)?length|in\s+full|extensively|verbatim|in\s+part)\s+)?(?:in|by|from)\b|"
    # "from aides' recollections as retold in Dallek", "Lang's account as Cornelius Ryan recorded it in"
    r"\s+as\s+(?:(?:it|they)\s+(?:is|are|was|were)\s+)?(?:retold|recounted|recorded|related|relayed|told|"
    r"summari[sz]ed|paraphrased)\s+(?:in|by)\b|"
    r"\s+as\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}\s+(?:recorded|told|gave|quoted|reproduced|printed|retold|"
    r"related)\s+(?:it|them)\s+in\b|"
    # "staff consulted it as printed in Metson's compilation"
    r"(?<=\bit[ \t])as[ \t]+(?:quoted|printed|reprinted|reproduced)[ \t]+(?:in|by)\b|"
    # "compare the station logs summarised in Cullather": the participle straight after the document (or
    # after a comma: "Khan's statement to the court, quoted at length in Fay")
    r"(?<=[a-z]),?[ \t]+(?:quoted|summari[sz]ed|reproduced|reprinted|excerpted|transcribed)[ \t]+"
    r"(?:(?:at[ \t]+(?:some[ \t]+)?length|in[ \t]+full)[ \t]+)?in\b|"
    # "The Scotsman's report of the funeral, which Richards and Searle reproduce in their book", "his prison
    # confession -- which Gordon Prange quotes at length in Target Tokyo": the quoter named in a relative clause
    # ("The OGPU summaries that Kindler quotes at length")
    r"(?:[ \t]*(?:,|[-–—]{1,2})[ \t]*which|[ \t]+(?:that|which))[ \t]+"
    r"(?P<quoter>[A-Z][\w'’-]+(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][\w'’-]+)?)"
    r"(?:[ \t]+(?:and|&)[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)?[ \t]+(?:also[ \t]+)?"
    r"(?:quotes?|reproduces?|prints?|reprints?|transcribes?)\b"
    r"(?:[ \t]+(?:at[ \t]+(?:some[ \t]+)?length|in[ \t]+full|verbatim))?(?:[ \t]+in\b)?")
# "..., reproduced here,", "is quoted there too": in the work just named
_QUOTED_HERE = re.compile(r"(?:,[ \t]*|[ \t]+(?:is|was|are|were)[ \t]+(?:also[ \t]+)?)"
                          r"(?:quoted|reproduced|printed|reprinted|transcribed|given[ \t]+in[ \t]+full)[ \t]+"
                          r"(?:there|here)\b")
_USING_DOCUMENT = re.compile(r"(?:,\s+(?:using|drawing\s+on|based\s+on|which\s+(?:uses|draws\s+on|is\s+based\s+on))|"
                             r"\s+(?:uses|used|draws\s+on|drew\s+on))\s+"  # "Toye's book uses Mass-Observation diaries"
                             r"(?P<np>" + _DOCUMENT_NP.pattern + r"|(?-i:[A-Z][\w-]*)\s+(?:(?-i:[A-Z][\w-]*)\s+)?"
                             rf"(?i:{_DOCUMENT_NOUNS})\b)")
# "Bruce Cumings, The Korean War (2010), pp. 157-58, who got them from the declassified Joint Chiefs files"
_WHO_GOT_IT_FROM = re.compile(r"(?:,?[ \t]*(?:pp?\.[ \t]*[\dxivlc]+(?:[-–]\d+)?|ch\.[ \t]*\d+))?,?[ \t]+who[ \t]+"
                              r"(?:in[ \t]+turn[ \t]+)?(?:got|took|had|found|drew|borrowed)[ \t]+"
                              r"(?:it|them|this|that|these|those|the[ \t]+(?:figures?|numbers?|quotes?|story|words))"
                              r"[ \t]+from[ \t]+(?P<np>" + _DOCUMENT_NP.pattern + ")")
# "Dimbleby takes it from the Xinhua report of Lu Ping's press conference": the named author's source
_AUTHOR_TOOK_IT_FROM = re.compile(r"\b(?P<who>[A-Z][\w'’-]+)[ \t]+(?:(?:in[ \t]+turn|himself|herself)[ \t]+)?"
                                  r"(?:takes|took|gets|got|draws|drew|borrows|borrowed|lifts|lifted)[ \t]+"
                                  r"(?:it|them|this|that|the[ \t]+(?:line|lines|quote|quotation|figures?|numbers?|"
                                  r"story|phrase|words))[ \t]+(?:(?:straight|directly|second-hand)[ \t]+)?from[ \t]+"
                                  r"(?P<np>" + _DOCUMENT_NP.pattern + ")")
_WHOSE_DOCUMENT = re.compile(r"\s+(?:of|by)\s+[^,.;!?\n]{1,60}?(?=\s*,|\s+and\b|\s*\Z)")
# "One letter, from a little girl in Friedenau, is quoted in ...": the document, perhaps with an aside
_DOCUMENT_BEFORE_VERB = re.compile(
    r"(?:\b(?:[Oo]ne|[Aa]nother)\s+(?:(?!(?:is|was|are|were|and|or|in|of|to|that|which)\b)[\w-]+\s+){0,2}?"
    rf"(?P<noun2>(?i:{_DOCUMENT_NOUNS}))\b|" + _DOCUMENT_NP.pattern + "|"
    # "Rasulzade's famous line, quoted in Swietochowski": words someone said or wrote, read in a work
    r"\b[A-Z][\w'’-]*['’]s\s+(?:(?:famous|well-known|celebrated|oft-quoted|much-quoted|notorious|often-quoted|"
    r"last|final)\s+)?(?P<noun3>line|remark|words|phrase|slogan|quip|boast|dictum|prophecy|prediction)\b|"
    # "Radio Free Europe broadcasts from the time, as summarised by Deletant": a named maker's documents
    r"\b(?<![\w'’-]\s)(?-i:[A-Z][\w-]*\s+){1,3}(?P<noun4>broadcasts|reports|dispatches|despatches|telegrams|cables|"
    r"bulletins|communiqu[eé]s)\b)"
    # "The diary of the Condor Legion's chief of staff, Wolfram von Richthofen, as quoted in ...",
    # "A report by the Ministry of Home Security, written shortly after the raids and quoted at length by ..."
    # "The war diary entry for the day, where the CO reports ..., is quoted in Miles"
    # "Korolev's 1954 memo proposing an artificial satellite is quoted at length in Siddiqi"
    r"(?:\s+(?:of|for|from|to|by|on|about|[a-z]{2,}ing)\s+[^.!?\n]{1,80}?|"
    r"(?:\s+(?:of|for|from|to|by)\s+[^.!?\n,]{1,60}?)?,[^.!?\n]{1,160},)?"
    r"\s*\Z")
_SENTENCE_SUBJECT = re.compile(r"(?:[A-Z][\w'’-]+[ \t]+)?(?P<who>[A-Z][\w'’-]{2,})[ \t]+(?:also[ \t]+)?"
                               r"(?:makes|made|draws|drew|uses|used|relies|relied|shows|showed|argues|argued|"
                               r"writes|wrote|has|had|is|was|builds|built)\b")
_IT_BEFORE = re.compile(r"\b(?:[Ii]t|[Tt]hey)\s+\Z")
_WHO_QUOTES_NAME = re.compile(r"\b(?P<quoter>[A-Z][\w'’-]+),\s+who\s+(?:also\s+|actually\s+)?"
                              r"(?:quotes|cites|reproduces)\s+(?P<quoted>[A-Z][\w'’-]+)\b")
# "One letter we first read in Gershon's book": the document, then how the writer came by it
_DOCUMENT_WE_READ_IN = re.compile(
    r"(?P<np>\b(?:[Oo]ne|[Aa]nother|[Aa]n?)\s+(?:(?!(?:is|was|of|that|which)\b)[\w-]+\s+){0,2}?"
    # "a Bangor teacher whose diary I know only through ...": the writer and the document
    r"(?:(?-i:[a-z][\w-]*)\s+whose\s+(?:(?!(?:is|was|of|that|which)\b)[\w-]+\s+){0,1}?)?"
    rf"(?i:{_DOCUMENT_NOUNS}))\s+(?:(?:that|which)\s+)?(?:(?:I|we)(?:['’]ve|\s+have|\s+had)?)\s+"
    r"(?:(?:only|first|originally)\s+)*"
    # "one such report that I know only through Funder"
    r"(?:read|saw|seen|found|came\s+across|know|knew|known)\s+(?:only\s+)?(?:(?:quoted|printed|reproduced)\s+)?"
    r"(?:in|through)\b")
# "I have only read Butrick as they quote him": a writer read only through the work that quotes them
_READ_PERSON_AS_QUOTED = re.compile(
    r"\b(?:I|[Ww]e)(?:['’]ve|['’]d)?\s+(?:have\s+|had\s+)?(?:(?:only|first|ever|never|just)\s+)*(?:read|seen|know|known|"
    r"knew)\s+(?P<person>[A-Z][\w'’-]+)\s+(?:only\s+)?as\s+(?:(?P<pronoun>they|he|she)|(?P<quoter>[A-Z][\w'’-]+))\s+"
    r"(?:quotes?|cites?|gives?|prints?|reproduces?)\s+(?:him|her|them)\b")
# "Owen Pugh, who described in interviews how ...": someone named, and what they said and where
_WHO_SAYS = (r"who\s+(?:(?:later|also|once|had|afterwards)\s+)?(?:described|said|told|recalled|wrote|claimed|"
             r"remembered|admitted|testified|insisted|explained|gave)\b")
_WHO_SAID = re.compile(r",\s+" + _WHO_SAYS + r"(?:\s+in\s+(?:an?\s+)?"
                       r"(?:interviews?|his\s+memoirs?|her\s+memoirs?|evidence|court|a\s+letter))?")
_NAME_OF_TWO_OR_THREE = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}"
# "quote Strachey telling the Commons in 1947 that ...": what the person said, in the participle
_SAYING = (r"\s+(?:telling|saying|writing|describing|calling|warning|assuring|promising|admitting|claiming|boasting|"
           r"complaining|insisting|explaining|declaring|recalling)\b")
# "he quotes Home Office officials who admitted at the time that ...": a named body's people, and what they said
_GROUP_WHO_SAID = r"\s+" + _WHO_SAYS
_NAMED_GROUP = (r"(?:[A-Z][\w'’-]+\s+){1,3}(?:officials|ministers|officers|diplomats|civil\s+servants|witnesses|"
                r"survivors|veterans|policemen|staff|spokesmen)")
_NAMED_WHO_SAID = (rf"(?:{_NAME_OF_TWO_OR_THREE}(?={_WHO_SAID.pattern})|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}}"
                   rf"(?={_SAYING})|{_NAMED_GROUP}(?={_GROUP_WHO_SAID}))")
_NAMED_WHO_SAID_RE = re.compile(_NAMED_WHO_SAID + "(?P<said>" + _WHO_SAID.pattern + "|" + _SAYING + "|"
                                + _GROUP_WHO_SAID + ")")
# "Eric Delderfield, whose little book came out within months, quotes a letter written by the Town Clerk":
# the verb and the document first, the quoter looked for at the start of the sentence
# "Salmon quotes a lot from Farrar-Hockley's own memoir"
_QUOTES_DOCUMENT = re.compile(r"\b(?:quotes|cites|reproduces|prints|reprints|transcribes|quoting|citing|"
                              r"(?<=They\s)(?:quote|cite|reproduce|print|reprint)|"
                              r"(?<=They\salso\s)(?:quote|cite|reproduce|print|reprint)|"
                              # "because Bayly and Harper cite it in their notes": two authors (see CO_AUTHOR_BEFORE)
                              r"(?P<plural>quote|cite|reproduce|reprint)(?=\s)|"
                              # "and draws on her mother's letters from Tomsk", "it draws heavily on his own diary"
                              r"(?:draws|drew|drawing|relies|relied|relying|leans|leaned|leant|leaning)"
                              r"(?=\s+(?:(?:heavily|extensively|largely|mainly|closely)\s+)?(?:on|upon)\s)|"
                              # "Dale had access to the family papers of the agent"
                              r"(?:had|has|was\s+given|got)\s+(?:(?:privileged|unique|rare|full)\s+)?access\s+to(?=\s)|"
                              # "Jones makes heavy use of Zhordania's memoirs"
                              r"(?:makes|made|making)\s+(?:heavy|extensive|good|great|wide|much|full)\s+use\s+of)\s+"
                              # "quotes pages and pages from the diary of ...", "reproduces part of Sukarno's address"
                              r"(?:(?:pages\s+and\s+pages|page\s+after\s+page|pages|part|parts|much|most)\s+(?:from|of)\s+)?"
                              r"(?:(?:a\s+lot|extensively|at\s+length|heavily|liberally|freely|widely|generously|"
                              r"copiously|largely|mainly|closely)\s+)?(?:from\s+|on\s+|upon\s+)?"
                              # "he quotes huge chunks of the Sugamo statement", "quotes a bit of MacDonell's memoir"
                              r"(?:(?:(?:huge|large|long|big|great|whole|substantial|lengthy)\s+(?:chunks|swathes|sections|"
                              r"stretches|parts|portions|passages|extracts|excerpts)|"
                              r"a\s+(?:(?:big|large|long|good|short|little)\s+)?(?:chunk|bit|part|section|passage|"
                              r"paragraph|page|portion))\s+of\s+)?"
                              # "quotes a long extract from the 2nd Battalion's war diary"
                              r"(?:(?:a|an|the|some|two|three|several)\s+(?:(?:long|short|brief|few|lengthy)\s+)?"
                              r"(?:extracts?|excerpts?|passages?|quotations?)\s+from\s+)?"
                              # "prints the full text of the owners' notice"
                              r"(?:the\s+(?:full\s+|whole\s+|complete\s+|original\s+)?(?:text|wording)\s+of\s+)?"
                              r"(?:(?P<np>(?:a|an|the|his|her|their|its|one(?:\s+of\s+(?:the|those|these|his|her|their|its))?|"
                              # "Andrews' letters", "a *Manitoba Free Press* editorial"
                              r"(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*(?:['’]s|(?<=s)['’]))\s+"
                              # "the military court of inquiry report"
                              r"(?:(?:(?:court|board|commission|committee)\s+of\s+(?:inquiry|enquiry)|"
                              rf"(?!(?:in|from|as|of|and|but)\b)[*_]?[\w'’-]+[*_]?)\s+){{0,4}}?(?i:{_DOCUMENT_NOUNS})|"
                              # "reproduces letters from refugees he helped": documents in the plural, by whom
                              r"(?:(?:contemporary|newspaper|press|official|police|eyewitness|local|private|"
                              r"unpublished|original|wartime)\s+)?"
                              r"(?:letters|diaries|diary\s+entries|interviews|testimonies|recollections|telegrams|"
                              r"memoranda|reports|oral\s+histor(?:y|ies)|oral\s+testimon(?:y|ies))"
                              r"(?=\s+(?:from|of|by|written\s+by|sent\s+by|recorded|collected|gathered|taken)\s))\b|"
                              # "whether he's quoting Bill Alexander's British Volunteers for Liberty"
                              r"(?P<pronoun>it|them)\b|"
                              # "He quotes the police commissioner Gerard Soete, who described in interviews how
                              # ...": a person whose words reach the writer through the work
                              r"(?P<person>(?:the\s+(?:[A-Za-z][\w-]*\s+){1,4}?)?)(?=" + _NAMED_WHO_SAID + ")|"
                              r"(?P<work>(?=[A-Z])))")
# "someone on ww2talk has typed up the whole battalion war diary": the document is read in the post
_POSTER_COPIED_DOCUMENT = re.compile(
    SOMEONE_ON + r"[^.!?\n]{1,60}?\s+(?:has\s+|had\s+)?(?:kindly\s+)?(?:typed\s+up|transcribed|scanned(?:\s+in)?|"
    r"uploaded|photographed|copied\s+out|put\s+up|posted)\s+"
    # "posted what they say is a translated diary page"
    r"(?:what\s+(?:they|he|she)\s+(?:say|says|said|claim|claims|claimed)\s+(?:is|was|are|were)\s+)?"
    r"(?P<np>" + _DOCUMENT_NP.pattern + ")"
    # "posted a transcript of a Helberg interview": what the transcript is of
    r"(?:\s+of\s+(?:an?\s+|the\s+|his\s+|her\s+)?[^,.;:!?\n]{1,40}?(?=[,.;:!?\n]|\s+(?:years|from|in|on|he|she)\b))?")
_SOURCE_IS = re.compile(
    r"\b(?P<who>[A-Z][\w'’-]+)['’]s?\s+(?:only\s+|main\s+|chief\s+|principal\s+|own\s+)?source\s+"
    r"(?:for\s+[^,.;!?\n]{1,60}?\s+)?(?:is|was)\s+(?P<np>" + _DOCUMENT_NP.pattern + ")")
_PART_HAS_DOCUMENT = re.compile(
    r"\b(?:(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w-]+\s+){0,2}?(?:chapter|appendix|appendices|volume|"
    r"introduction|notes|section|book|edition)|[Ii]t)\s+(?:also\s+)?(?:has|contains|includes|gives)\s+"
    r"(?:the\s+(?:whole|full\s+text|text|bulk|most)\s+of\s+)?(?P<np>" + _DOCUMENT_NP.pattern + ")"
    r"(?:\s+(?:from|in|of)\s+(?:the\s+)?[*_]?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}[*_]?)?"
    r"\s+(?:(?:reproduced|quoted|printed|reprinted|transcribed)\b|in\s+full\b)")
_FROM_AFTER = re.compile(r"[ \t]+from[ \t]+")
_FROM_DOCUMENT = re.compile(r"[ \t]+from[ \t]+(?P<np>" + _DOCUMENT_NP.pattern + ")")
_ADVERB = r"(?:[ \t]+(?:also|even|actually|then|himself|herself|itself|in[ \t]+turn))?"
_NOT_A_NAME = r"(?!(?:It|He|She|This|That|They)\b)"  # a pronoun opening the sentence
_SUBJECT_NAME = re.compile(_NOT_A_NAME + r"(?P<who>[A-Z][\w'’-]+(?:[ \t]+(?:[A-Z]\.[ \t]+)?[A-Z][\w'’-]+){0,2})"
                           r"(?=[ \t]*,|"
                           # "Matthew Parker's book (Monte Cassino, 2003) quotes ..."
                           r"(?:['’]s[ \t]+(?:book|biography|history|study|account|memoir)"
                           r"(?:[ \t]*\([^()\n]{0,60}\))?|"
                           # "Tomkins (1992) reproduces Logan's telegrams": an author-year reference
                           r"[ \t]*\((?:1[5-9]|20)\d\d[a-z]?\))?"
                           + _ADVERB + r"[ \t]+(?:quotes|cites|reproduces|prints|reprints|transcribes)\b)")
# "..., and he quotes the report", "It's genuine though, Davin quotes the cable": the quoter just before the verb
_QUOTER_JUST_BEFORE = re.compile(r"(?:(?<![\w'’-])" + _NOT_A_NAME
                                 + r"(?P<who>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})(?:,?[ \t]+who)?|"
                                 r"\b(?P<pronoun>[Hh]e|[Ss]he|It|(?<=and[ \t])it|This|They)"
                                 # "Her book also quotes the diary of ...": the author's book, cited before
                                 r"|\b(?P<own>[Hh]is|[Hh]er|[Tt]heir)[ \t]+(?:(?:new|latest|own)[ \t]+)?"
                                 r"(?:book|study|biography|history|account|article))(?:['’]s|[ \t]+(?:is|was))?"
                                 + _ADVERB + r"\s+\Z")
# "an article in the Guardian years ago, in which Zador himself recalled ...", "In it Sam King, who came over on
# the same voyage, remembers ...": a person's words known through the work just named
_RECALLED_IN_WORK = re.compile(
    r"(?:,[ \t]+in[ \t]+which|(?:^|(?<=[.!?][ \t])|(?<=\n))In[ \t]+(?:it|this|that|(?:this|that|the)[ \t]+"
    r"(?:book|film|article|documentary|interview|programme|chapter))[ \t]*,?)[ \t]+"
    r"(?!(?:he|she|they|He|She|They|we|We|I)\b)(?P<who>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})"
    r"(?:[ \t]+(?:himself|herself))?(?:,[^,.;!?\n]{1,80},)?[ \t]+(?:recalled|recalls|remembered|remembers|"
    r"described|describes|said|says|told|tells|explained|explains|admitted|admits)\b", re.MULTILINE)
_IN_WORK_ASIDE = re.compile(r"[A-Z][\w'’-]+,[ \t]+in[ \t]+(?P<work>[^,;.!?\n]{3,160}?(?:,[ \t]*\d{4}\))?),[ \t]*\Z")
_WHICH_BEFORE = re.compile(r"\b(?:which|that)[ \t]+(?:also[ \t]+)?\Z")
_OF_PERSON = re.compile(r"[ \t]+of[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2}")


def _of_person_end(prose: str, end: int) -> int:
    """Where "the recollections" ends with whose they are: "the recollections of Vadim Orlov"."""
    m = _OF_PERSON.match(prose, end)
    return m.end() if m else end


# "the extracts quoted by Preston": whose work quotes it
_PASSIVE_QUOTER = re.compile(r"\b(?:quoted|cited|reproduced|printed|translated|given)[ \t]+by[ \t]+"
                             r"(?P<who>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)")
# "is quoted in Miles, I've never seen ...": a surname alone (not the first of two names) after the words
_BARE_SURNAME_AFTER = re.compile(r"[ \t]+(?P<who>[A-Z][\w'’-]+)(?![\w'’-]|[ \t]+[A-Z])")
# "this book", "Heumann's book": a book already cited
_BOOK_ANAPHOR = re.compile(r"\b(?:(?:this|that|the|his|her|their)|(?P<owner>[A-Z][\w-]+)['’]s)\s+"
                           r"(?:book|textbook|biography)\b")
# "Massu's own book, Baden 68, is the main account", but not "Those are Ulmanis's instructions"
_COPULA_BEFORE = re.compile(r"(?<![Tt]hose )(?<![Tt]hese )(?<![Tt]his )(?<![Tt]hat )(?<![Ii]t )(?<![Tt]hey )"
                            r"(?<![Hh]ere )(?<![Tt]here )\b(?:is|was|are|were|remains|remained|becomes|became)"
                            r"[ \t]+(?:still[ \t]+)?\Z")
_PERSON_WROTE = re.compile(r"\b(?!(?:He|She|They|It|We|You|This|That|There|Then|One|Someone)\b)"
                           r"(?P<who>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})(?:[ \t]+(?:himself|herself))?"
                           r"[ \t]+(?:had[ \t]+|has[ \t]+)?(?:wrote|written|said|told|declared|remarked|noted|"
                           r"admitted|complained|boasted)"
                           rf"(?:[ \t]+in[ \t]+{YEAR})?\b")
# "I know the line from Glantz and House": words of the document just cited, not a document of their own
_WORDS_QUOTED = re.compile(rf"\b(?:{_WORDS_OF_A_DOCUMENT})\Z")
_SENTENCE_START = re.compile(r"[.!?][\"”’)]*\s+|\n\s*\n\s*")


_ACCORDING_TO = re.compile(r"[Aa]ccording[ \t]+to[ \t]")
_DOCUMENT_AFTER_COMMA = re.compile(r"[ \t]*,[ \t]*(?P<np>" + _DOCUMENT_NP.pattern + ")"
                                   # what the document says, not what is said of it ("the reports were false")
                                   r"(?=[ \t]+(?:of[ \t]+[^,.;]{1,40}?[ \t]+)?(?:put|puts|gave|gives|said|says|"
                                   r"stated|states|recorded|records|listed|lists|counted|counts|reported|reports|"
                                   r"showed|shows|noted|notes|estimated|estimates|claimed|claims|mentioned|"
                                   r"mentions|described|describes|called|calls|warned|warns|spoke|speaks)\b)")
_SECOND_VERB = re.compile(r"(?:,[ \t]*|[ \t])and[ \t]+(?:also[ \t]+)?\Z")
_SUBJECT_GAP = re.compile(r"\)?[ \t]*(?:\([^()\n]{1,80}\)[ \t]*)?,?[ \t]*(?:(?:also|even|itself|then)[ \t]+)?")


def _work_just_before(out: list[Citation], prose: str, sentence_start: int, verb: int) -> Citation | None:
    """The work cited as the subject of the verb at ``verb``: only its imprint, a comma or an adverb between
    ("Grieve's book reproduces", "Yahil's classic study, The Rescue of Danish Jewry (JPS, 1969), reproduces"), or
    the work opening the sentence with a second verb of its own ("Goalless (Viking, 2006) reads the victory as
    ..., and reproduces")."""
    before = [c for c in out if c.span.end <= verb]
    if len(before) >= 2 and before[-1].cue == "author-year" and prose[before[-1].span.start - 1] == "(":
        before.pop()  # "Kalniete's *With Dance Shoes* (Kalniete 2009) reconstructs": the reference is the work's
    work = before[-1] if before else None
    if (work is None or work.span.start < sentence_start or work.vague or work.via is not None
            or (work.kind not in (SourceKind.BOOK, SourceKind.ARTICLE, SourceKind.THESIS, SourceKind.VIDEO,
                                  SourceKind.WEB)  # "Dragons and Lions (https://...), reproduces a letter"
                and work.cue != "author-year")):  # "Field (1984) traces ..., and cites letters written by ..."
        return None
    if _SUBJECT_GAP.fullmatch(prose, work.span.end, verb):
        return work
    opens = not prose[sentence_start:work.span.start].strip(" \t\n*_\"“")
    return work if opens and _SECOND_VERB.search(prose, max(work.span.end, verb - 16), verb) else None


def _sentence_starts(prose: str, lo: int, hi: int) -> list[int]:
    """Where sentences start between ``lo`` and ``hi``: no sentence ends in "vol. 2", "p. 14" or "ch. 6"."""
    return [m.end() for m in _SENTENCE_START.finditer(prose, lo, hi)
            if not (prose[m.start()] == "." and closes_abbreviation(prose, m.start()))]
_WHICH_I_READ = re.compile(rf"{WHICH_I_READ}|{WHICH_QUOTED}")
# "Nikolai Kamanin's diaries (quoted via Siddiqi", "Dobrynin's memoir has the meeting - quoted in Gaddis"
_QUOTED_VIA_NAME = re.compile(r"(?:[ \t]*[(,]|[^.!?\n]{0,80}?[ \t][-–—]|[ \t]+(?:[a-z]+[ \t]+)?(?=quoted|cited))"
                              r"[ \t]*(?:as[ \t]+)?"
                              r"(?:quoted|cited|reproduced|translated|excerpted)[ \t]+"
                              r"(?:in|by|via|from)[ \t]+(?P<who>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)")
_DOCUMENT_TAIL = re.compile(r"[^.!?\n]{0,90}?(?:,\s*|\s+)")  # a comma before "which"; none before "that"
# "as Kessler retells it", "in the extracts Ward gives", "from how Von Drehle quotes it": who quotes it
_QUOTED_BY = re.compile(rf"\b(?:as|how|which|because|extracts?|excerpts?|passages?|translation|version|bits)\s+"
                        rf"{_QUOTER}\b")
# "which I have only seen in Brody's extracts": whose extracts
_EXTRACTS_OF = re.compile(r"\b(?P<who>[A-Z][\w'’-]+)['’]s?\s+"
                          r"(?:extracts|excerpts|passages|quotations|translation|version)\b")


# "eleven Labour MPs wrote to the Prime Minister": the writing of a letter the text goes on to call "the letter"
_WROTE_TO = re.compile(r"\b(?:wrote|had[ \t]+written|telegraphed|cabled)(?:[ \t]+an?[ \t]+(?:[a-z]+[ \t]+)?"
                       r"(?:letter|note|telegram|cable|memo))?[ \t]+to[ \t]+(?:the[ \t]+)?"
                       r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3}")
_LETTER_NP = re.compile(r"\b(?:letter|letters|telegram|cable|note|memo)\Z")
_CLAUSE_START = re.compile(r"(?:[,;:(—–]|[.!?][\"”’)]*)\s*(?=[^,;:(—–.!?]*\Z)")


def _wrote_to(prose: str, start: int, end: int, named: str) -> Span | None:
    """Where the text before tells of the letter "the letter" names: "eleven Labour MPs wrote to the Prime
    Minister ... We know the letter from the copy reproduced in ...", from the writer to the addressee."""
    if not _LETTER_NP.search(named):
        return None
    wrote = next(reversed(list(_WROTE_TO.finditer(prose, start, end))), None)
    if wrote is None:
        return None
    clause = _CLAUSE_START.search(prose, max(start, wrote.start() - 60), wrote.start())
    subject_start = clause.end() if clause else max(start, wrote.start() - 60)
    subject = prose[subject_start:wrote.start()].split()[-3:]
    if not subject:
        return Span(wrote.start(), wrote.end())
    return Span(prose.rindex(subject[0], subject_start, wrote.start()), wrote.end())


def _came_by_chains(doc: Document, out: list[Citation]) -> list[Citation]:
    """"his diary entry for 1 July is chilling. I've only seen it quoted in Longerich's biography": the
    document just named is known through the work named after the words that say so. The document
    need not have been a citation of its own; when it was not, the words that name it become one."""
    prose = doc.prose
    added: list[Citation] = []
    told: list[Span] = []  # "the letter" where the letter was cited as its writing was told
    for m in _CAME_BY_IT.finditer(prose):
        outer = _came_by_outer(doc, out, m.start(), m.end())
        if outer is None:
            continue
        window_start = _sentence_before_start(prose, m.start())
        if "\n\n" in prose[window_start:m.start()]:
            window_start = prose.rindex("\n\n", window_start, m.start()) + 2
        cited = [c for c in out if window_start <= c.span.start and c.span.end <= m.start() and c is not outer]
        if m.group("np") and not _WORDS_QUOTED.search(m.group("np")):
            # "Pelletier's diary is blunt. I know the diary only as quoted in ...": the diary just cited
            same = _same_document(cited, m.group("np")) or _named_up_the_paragraph(
                prose, out, window_start, m.group("np"), outer)
            if same is not None:
                _chain_cited(out, same, outer)
                continue
            np_span = Span(m.start("np"), m.end("np"))
            inner_span = _wrote_to(prose, window_start, m.start(), m.group("np")) or np_span
            if inner_span != np_span:  # the letter is cited where its writing is told, not again as "the letter"
                out[:] = [c for c in out if not (c.span.overlaps(np_span) and (c.anaphor or (
                    c.span == np_span and not (c.authors or c.year or c.url))))]
                told.append(np_span)
        else:
            # "Massu's own book, Baden 68, is the main account": a predicate says what the work cited is
            nps = [np for np in _DOCUMENT_NP.finditer(prose, window_start, m.start())
                   if not _COPULA_BEFORE.search(prose, max(0, np.start() - 20), np.start())]
            if cited and (not nps or nps[-1].start() < cited[-1].span.end):
                _chain_cited(out, cited[-1], outer)
                continue
            if not nps:
                # 'Gurney himself wrote in 1949 that "..." – I know that line only from Bennett's article': the
                # words of the person who wrote or said them
                writer = next(reversed(list(_PERSON_WROTE.finditer(prose, window_start, m.start()))), None)
                if writer is not None:
                    _chain_document(doc, out, added, Span(writer.start(), writer.end()), outer,
                                    person=writer.group("who"))
                continue
            inner_span = Span(nps[-1].start(), nps[-1].end())
            if nps[-1].group(0).lower().startswith("the "):
                # "an American newspaper column in 1947 reported it. The column is by Lyons, and we know it
                # only as quoted by O'Toole": the column cited just before
                same = _same_document(cited, nps[-1].group(0)) or _named_up_the_paragraph(
                    prose, out, window_start, nps[-1].group(0), outer)
                if same is not None:
                    _chain_cited(out, same, outer)
                    continue
        _chain_document(doc, out, added, inner_span, outer)
    for verb in _QUOTED_AT_LENGTH_IN.finditer(prose):
        m = _DOCUMENT_BEFORE_VERB.search(prose, max(0, verb.start() - 280), verb.start())
        if m is None and (it := _IT_BEFORE.search(prose, max(0, verb.start() - 12), verb.start())) is not None:
            # "The 1944 board minute is lost. We know its wording only because it was quoted in full in ...": the
            # document the sentence before named
            m = _last_document_np(prose, _sentence_before_start(prose, it.start()), it.start())
        if m is None:
            continue
        quoter = verb.group("quoter")
        if quoter is not None and not verb.group(0).endswith(" in"):
            outer = _work_by(out, quoter)  # "..., which Taplin reproduces, describes ...": Taplin's work
        else:
            outer = _came_by_outer(doc, out, verb.end() - 2, verb.end())
        if verb.group(0).endswith("by") and (by := re.match(r"\s+([A-Z][\w'’-]+)", prose[verb.end():verb.end() + 40])):
            outer = _work_named(out, verb.end() + by.start(1), by.group(1))  # "quoted at length by MacPhail"
        _chain_document_before(doc, out, added, m, verb.start(), outer)
    for verb in _QUOTED_HERE.finditer(prose):
        # "Kershaw's Hitler has the date. Himmler's own diary entry is quoted there too": the work named just before
        m = _DOCUMENT_BEFORE_VERB.search(prose, max(0, verb.start() - 200), verb.start())
        if m is None:
            continue
        outer = next((c for c in reversed(out) if c.span.end <= m.start() and not c.vague and c.via is None
                      and c.kind is not SourceKind.WEB and m.start() - c.span.end <= 400), None)
        _chain_document_before(doc, out, added, m, verb.start(), outer)
    for work in list(out):
        # "Stangneth's Eichmann Before Jerusalem, using the Sassen interviews he gave in Argentina, shows ...":
        # the documents a cited work is built on are known through it
        used = _USING_DOCUMENT.match(prose, work.span.end) or _WHO_GOT_IT_FROM.match(prose, work.span.end)
        if used is not None and work.kind is SourceKind.BOOK and work.cue in ("author-title", "titled-work",
                                                                                  "work-noun"):
            _chain_document(doc, out, added, Span(used.start("np"), used.end("np")), work)
    for m in _AUTHOR_TOOK_IT_FROM.finditer(prose):
        outer = _work_by(out, m.group("who"))
        if outer is not None and not outer.span.overlaps(Span(m.start("np"), m.end("np"))):
            whose = _WHOSE_DOCUMENT.match(prose, m.end("np"))
            _chain_document(doc, out, added, Span(m.start("np"), whose.end() if whose else m.end("np")), outer)
    for m in _READ_PERSON_AS_QUOTED.finditer(prose):
        _read_person_as_quoted(doc, out, m)
    for m in _WHO_QUOTES_NAME.finditer(prose):
        # "The citation here is to Kessler's diary, but the page number matches Volkov, who quotes Kessler"
        outer = _work_by(out, m.group("quoter"))
        quoted = m.group("quoted")
        k = next((k for k in range(len(out) - 1, -1, -1) if out[k].span.end <= m.start()
                  and m.start() - out[k].span.end <= 300 and quoted in out[k].surface), None)
        if outer is not None and k is not None and out[k].via is None and out[k] is not outer:
            out[k] = replace(out[k], via=outer.span)
    for m in _DOCUMENT_WE_READ_IN.finditer(prose):
        # "One letter we first read in Gershon's book, written by a helper at the camp, describes ..."
        outer = _came_by_outer(doc, out, m.end() - 2, m.end())
        if outer is not None:
            _chain_document(doc, out, added, Span(m.start("np"), m.end("np")), outer)
    for m in _SOURCE_IS.finditer(prose):
        # "Dale's source for the speech is a report in the Carnarvon Herald": the report, read through Dale
        work = _work_by(out, m.group("who"), before=m.start())
        if work is not None:
            _chain_document(doc, out, added, Span(m.start("np"), m.end("np")), work)
    for m in _PART_HAS_DOCUMENT.finditer(prose):
        # "The Tebaga chapter has the whole of Ngarimu's citation from the Gazette reproduced": in the book
        # cited just before
        work = next((c for c in reversed(out) if m.start() - 600 <= c.span.start and c.span.end <= m.start()
                     and (c.title or c.authors) and not c.vague and c.via is None), None)
        if work is not None:
            _chain_document(doc, out, added, Span(m.start("np"), m.end("np")), work)
    for m in _POSTER_COPIED_DOCUMENT.finditer(prose):
        poster = next((c for c in out if c.span.start == m.start()), None)
        if poster is not None:
            _chain_document(doc, out, added, Span(m.start("np"), m.end()), poster)
    for work in list(out):
        # "According to Overy, Russia's War (Penguin, 1998), the NKVD report put the dead at 800,000": the document
        # the work is the authority for
        if _ACCORDING_TO.match(prose, work.span.start) and not work.vague and (
                named := _DOCUMENT_AFTER_COMMA.match(prose, work.span.end)) is not None:
            _chain_document(doc, out, added, Span(named.start("np"), named.end("np")), work)
    for m in _RECALLED_IN_WORK.finditer(prose):
        work = next((c for c in reversed(out) if c.span.end <= m.start() and m.start() - c.span.end <= 200
                     and c.via is None and not c.anaphor), None)
        if work is not None:
            _chain_document(doc, out, added, Span(m.start("who"), m.end("who")), work, person=m.group("who"))
    for m in _QUOTES_DOCUMENT.finditer(prose):
        aside = _IN_WORK_ASIDE.search(prose, max(0, m.start() - 200), m.start())
        if aside is not None and m.group("np"):
            # "Fralon, in A Good Man in Evil Times (Viking, 2000), reproduces letters from refugees": the work
            # named in the aside
            work = next((c for c in out if c.span.overlaps(Span(aside.start("work"), aside.end("work")))), None)
            if work is not None:
                _chain_document(doc, out, added, Span(m.start("np"), _of_person_end(prose, m.end("np"))), work)
                continue
        which = _WHICH_BEFORE.search(prose, max(0, m.start() - 20), m.start())
        if which is not None:
            # "the briefing book The Submarines of October, which prints the recollections of Vadim Orlov"
            work = next((c for c in reversed(out) if c.span.end <= which.start()
                         and not prose[c.span.end:which.start()].strip(" \t,")), None)
            if work is not None and m.group("np"):
                _chain_document(doc, out, added, Span(m.start("np"), _of_person_end(prose, m.end("np"))), work)
            elif work is not None and m.group("pronoun"):
                # "Anderson's book, which quotes it from Hansard": the work it is quoted from
                source = _FROM_AFTER.match(prose, m.end())
                quoted = next((c for c in out if source and c.span.start == source.end()), None)
                if quoted is not None:
                    _chain_cited(out, quoted, work)
                    continue
                # "the Dutch Red Cross report. I haven't seen it, I'm going by Schelvis's Sobibor, which quotes
                # it": the document named last before the work, in its sentence or the one before
                last = _last_document_np(prose, _sentence_before_start(prose, work.span.start), work.span.start)
                if last is not None:
                    _chain_document(doc, out, added, Span(last.start(), last.end()), work)
            continue
        starts = _sentence_starts(prose, max(0, m.start() - 300), m.start())
        sentence_start = starts[-1] if starts else max(0, m.start() - 300)
        subject = _SUBJECT_NAME.match(prose, sentence_start) or _QUOTER_JUST_BEFORE.search(
            prose, max(sentence_start, m.start() - 60), m.start())
        if m.group("plural") and not (subject is not None and subject.groupdict().get("who") and (
                CO_AUTHOR_BEFORE.search(prose, max(sentence_start, subject.start() - 40), subject.start()))):
            continue  # "I quote the diary": only "Bayly and Harper cite it" is two authors quoting
        if subject is None:
            # "Taubman's Khrushchev: The Man and His Era (2003) quotes the recollections of ...": the work cited
            # just before the verb is its subject
            work = _work_just_before(out, prose, sentence_start, m.start())
            if work is not None and m.group("np"):
                _chain_document(doc, out, added, Span(m.start("np"), _of_person_end(prose, m.end("np"))), work)
            continue
        pronoun = subject.groupdict().get("pronoun")
        pronoun = pronoun.capitalize() if pronoun == "it" else pronoun
        if subject.groupdict().get("own"):
            pronoun = {"his": "He", "her": "She", "their": "They"}[subject.group("own").lower()]
        if pronoun:
            # "Nigel Lewis's Exercise Tiger is the best book on it, and he quotes ...": the work of one author
            # cited last in this sentence or the one before; "The museum did a booklet. It quotes ...": the
            # work cited last
            lo = starts[-2] if len(starts) >= 2 else max(0, m.start() - 300)
            work = next((c for c in reversed(out) if lo <= c.span.start and c.span.end <= subject.start()
                         and (pronoun in ("It", "This") or (pronoun == "They" and (
                             len(c.authors) > 1 or " and " in c.surface)) or (
                             pronoun != "They" and len(c.authors) == 1 and (c.title or c.kind is SourceKind.BOOK)))),
                        None)
            if work is None and pronoun not in ("It", "This", "They"):
                # "Boyes sets out the arrangement (Boyes 2008, p. 61). He also quotes ...": the work of the one
                # author cited last, named in full earlier ("John Boyes, Project Emily (Tempus, 2008)")
                paragraph = prose.rfind("\n\n", 0, subject.start()) + 1
                last = next((c for c in reversed(out) if max(paragraph, subject.start() - 400) <= c.span.start
                             and c.span.end <= subject.start() and len(c.authors) == 1), None)
                work = _work_by(out, last.authors[0], before=subject.start(), titled=True) if last else None
                if work is None and last is not None and not last.vague and last.via is None and last.kind in (
                        SourceKind.BOOK, SourceKind.ARTICLE, SourceKind.THESIS):
                    work = last  # "Kerr's book was banned for years. ... He also reproduces ...": that book
                if work is None and len(starts) >= 2 and (
                        opener := _SENTENCE_SUBJECT.match(prose, starts[-2])) is not None:
                    # "Cameron makes fine use of sources ... She quotes the letter ...": the titled work of the
                    # writer the sentence before opens with
                    work = _work_by(out, opener.group("who"), before=subject.start(), titled=True) or _work_by(
                        out, opener.group("who"), before=subject.start())
        else:
            work = _work_by(out, subject.group("who"))
        if work is None:
            continue
        if m.group("person") is not None and (said := _NAMED_WHO_SAID_RE.match(prose, m.end())) is not None:
            named = prose[m.end():said.start("said")]
            _chain_document(doc, out, added, Span(m.end(), said.end()), work, person=named)
            continue
        if m.group("work") is not None:
            quoted = next((c for c in out if c.span.start == m.end() and c is not work), None)
            if quoted is not None:
                _chain_cited(out, quoted, work)
            continue
        source = _FROM_DOCUMENT.match(prose, m.end()) if m.group("pronoun") else None
        if m.group("np"):
            named = m.group("np")
            inner_span = Span(m.start("np"), m.end("np"))
        elif source is not None:
            # "Hugh Thomas, who quotes it from a newspaper interview Mola gave in 1936": the document it came from
            named = source.group("np")
            inner_span = Span(source.start("np"), source.end("np"))
        else:
            # "the Luftwaffe's own casualty return, Beevor reprints it": the document named just before
            # ("as Hale quotes it" belongs to the words that say how the writer came by it)
            if re.search(r"\b(?:as|how)\s+\Z", prose[max(0, subject.start() - 6):subject.start()]):
                continue
            last = _last_document_np(prose, sentence_start, subject.start())
            if last is None:
                # "I only found Tinker's old article, "...", because Bayly and Harper cite it": the work cited last
                cited = next((c for c in reversed(out) if sentence_start <= c.span.start
                              and c.span.end <= subject.start() and c is not work), None)
                if cited is None and m.group("pronoun") == "it":
                    # "Rivet wrote Behind Bamboo in 1946. I haven't got a copy, but Nelson quotes a long passage
                    # from it": the titled work of the sentence before
                    before_start = starts[-2] if len(starts) >= 2 else max(0, m.start() - 300)
                    cited = next((c for c in reversed(out) if before_start <= c.span.start
                                  and c.span.end <= sentence_start and c.title and not c.vague and c is not work
                                  and c.kind in (SourceKind.BOOK, SourceKind.ARTICLE, SourceKind.DIARY)), None)
                if cited is not None and m.group("pronoun") == "it":
                    _chain_cited(out, cited, work)
                continue
            named = last.group(0)
            inner_span = Span(last.start(), last.end())
        if named.lower().startswith("the "):
            # "Freyberg's cable of 5 May ... Davin quotes the cable": the document cited just before
            earlier = _same_document([c for c in out if sentence_start - 300 <= c.span.start
                                      and c.span.end <= inner_span.start and c is not work], named)
            if earlier is not None:
                inner_span = earlier.span
        _chain_document(doc, out, added, inner_span, work)
    for k, inner in enumerate(out):
        # "Les Garibaldiens (1861), which I have only read in the passages Riall quotes"
        if inner.via is None and (m := READ_IN_CLAUSE.match(prose, inner.span.end)) is not None:
            outer = _came_by_outer(doc, out, m.start(), m.end())
            if outer is not None and outer is not inner:
                out[k] = replace(inner, via=outer.span)
        elif inner.via is None and (m := _QUOTED_VIA_NAME.match(prose, inner.span.end)) is not None:
            # "Nikolai Kamanin's diaries (quoted via Siddiqi, ...)": a work of Siddiqi's cited in the document
            outer = _work_named(out, m.start("who"), m.group("who"))
            if outer is not None and outer is not inner:
                out[k] = replace(inner, via=outer.span)
    for which in _WHICH_I_READ.finditer(prose):
        # "In a memo of June 1957, which I have only read as Elkins quotes it, ...": not cited before
        # the document named last before "which", not the first noun phrase that reaches it ("The best account
        # is the officer Vadim Orlov's recollection, which we know through ...")
        m = next((d for d in reversed(list(_DOCUMENT_NP.finditer(prose, max(0, which.start() - 200), which.start())))
                  if (t := _DOCUMENT_TAIL.fullmatch(prose, d.end(), which.start())) is not None
                  and ("," in t.group(0) or prose.startswith("that", which.start()))), None)
        if m is None:
            continue
        inner_span = Span(m.start(), m.end("noun"))
        if any(inner_span.end <= c.span.start and c.span.end <= which.start() for c in out + added):
            continue  # a citation nearer "which" is the thing named ("the evening minute by minute; the note")
        named = [k for k, c in enumerate(out) if c.span.overlaps(inner_span)]
        if named or any(c.span.overlaps(inner_span) for c in added):
            # "the Herald's report, which Dale reprints": the newspaper cited there is known through Dale
            outer = _came_by_outer(doc, out, which.start(), which.end()) if named else None
            for k in named:
                if outer is not None and out[k].via is None and out[k] is not outer:
                    out[k] = replace(out[k], via=outer.span)
            continue
        outer = _came_by_outer(doc, out, which.start(), which.end())
        if outer is not None:
            added.append(Citation(inner_span, doc.text[inner_span.start:inner_span.end],
                                  document_kind(m.group("noun")), "second-hand", via=outer.span))
    added = [c for c in added if not any(c.span.overlaps(span) for span in told)]
    return sorted(out + added, key=lambda c: (c.span.start, c.span.end)) if added else out


def _last_document_np(prose: str, start: int, end: int) -> re.Match[str] | None:
    """The document named last between ``start`` and ``end``."""
    named = list(_DOCUMENT_NP.finditer(prose, start, end))
    return named[-1] if named else None


def _chain_cited(out: list[Citation], inner: Citation, outer: Citation) -> None:
    """``inner``, a citation already in ``out``, is known through ``outer``, unless a chain was found for it
    before."""
    if inner.via is None:
        out[out.index(inner)] = replace(inner, via=outer.span)


def _sentence_before_start(prose: str, at: int, reach: int = 400) -> int:
    """Where the sentence before the one holding ``at`` starts (at most ``reach`` characters back)."""
    starts = _sentence_starts(prose, max(0, at - reach), at)
    return starts[-2] if len(starts) >= 2 else max(0, at - reach)


def _same_document(cited: list[Citation], named: str) -> Citation | None:
    """The citation among ``cited`` (the last one) that "the diary" or "the cable" names again: its words hold
    the noun, or it is a work of that kind."""
    head = named.split()[-1].lower()
    kind = _NOUN_KINDS.get(head, SourceKind.DIARY if head.startswith("entr") else None)
    return next((c for c in reversed(cited) if head in c.surface.lower() or c.kind is kind), None)


def _named_up_the_paragraph(prose: str, out: list[Citation], window_start: int, named: str,
                            outer: Citation) -> Citation | None:
    """"Don't forget the Devlin report. The famous line is ... I've never read the whole report myself, I got it
    from McCracken's book": the document "the report" names, cited further up the paragraph than the sentence
    before."""
    if not re.match(r"(?i:the|that|this)\s", named):
        return None
    paragraph = max(prose.rfind("\n\n", 0, window_start) + 2, window_start - 500)
    return _same_document([c for c in out if paragraph <= c.span.start and c.span.end <= window_start
                           and c is not outer and c.via is None], named)


def _chain_document_before(doc: Document, out: list[Citation], added: list[Citation], m: re.Match[str], verb_start: int,
                           outer: Citation | None) -> None:
    """The document _DOCUMENT_BEFORE_VERB found before a verb of quoting ("A report by the Ministry of Home
    Security", with whose it is), known through ``outer``."""
    noun_end = next(m.end(group) for group in ("noun", "noun2", "noun3", "noun4") if m.group(group))
    whose = _WHOSE_DOCUMENT.match(doc.prose, noun_end, verb_start)
    inner_span = Span(m.start(), whose.end() if whose else noun_end)
    if outer is not None and not outer.span.overlaps(inner_span):
        _chain_document(doc, out, added, inner_span, outer)


def _chain_document(doc: Document, out: list[Citation], added: list[Citation], inner_span: Span,
                    outer: Citation, person: str | None = None) -> None:
    """The document (or the ``person``) named at ``inner_span`` is known through ``outer``: the citations
    already there get ``via``; when there are none, the words that name it become a second-hand citation
    of their own."""
    # (the work itself is no citation of the document: "Carr-Gregg quotes at length from the court of inquiry
    # report" in the writer's note that follows the book's entry)
    if any(c.span.overlaps(inner_span) and c is not outer for c in out + added):
        for k, c in enumerate(out):
            if c.span.overlaps(inner_span) and c.via is None and c is not outer:
                out[k] = replace(c, via=outer.span)
        return
    if outer.span.overlaps(inner_span) and not IMPRINT_THEN_NOTE.search(doc.prose, outer.span.start,
                                                                        inner_span.start):
        return  # the document named inside the entry's own words
    words = doc.prose[inner_span.start:inner_span.end]
    kind = SourceKind.OTHER if person else document_kind(words)
    added.append(Citation(inner_span, doc.text[inner_span.start:inner_span.end], kind, "second-hand",
                          authors=(person,) if person else (), via=outer.span))


def _read_person_as_quoted(doc: Document, out: list[Citation], m: re.Match[str]) -> None:
    """"Their chapter leans on Butrick's journal. I have only read Butrick as they quote him": the
    person's work cited just before is known through the work of whoever "they" are (the last work
    cited with several authors; with "he" or "she", with one) or of the named quoter."""
    window_start = max(0, m.start() - 800)
    breaks = [b.end() for b in re.finditer(r"\n[ \t]*\n", doc.prose[window_start:m.start()])]
    if len(breaks) >= 2:
        window_start += breaks[-2]  # this paragraph and the one before it
    post = doc.post_at(m.start())
    if post is not None:
        window_start = max(window_start, post.span.start)
    before = [c for c in out if window_start <= c.span.start and c.span.end <= m.start()]
    person = m.group("person")
    inner = next((c for c in reversed(before) if person in c.surface and c.via is None), None)
    if inner is None:
        return
    others = [c for c in before if c is not inner and c.span.end <= inner.span.end and person not in c.surface]
    if m.group("quoter"):
        surname = m.group("quoter")
        outer = next((c for c in reversed(others) if any(_same_quoter(surname_of(a), surname) for a in c.authors
                                                        if a.strip())), None)
    elif m.group("pronoun") == "they":
        outer = next((c for c in reversed(others) if len(c.authors) >= 2), None)
    else:
        outer = next((c for c in reversed(others) if len(c.authors) == 1), None)
    if outer is not None:
        out[out.index(inner)] = replace(inner, via=outer.span)


def _came_by_outer(doc: Document, out: list[Citation], start: int, end: int) -> Citation | None:
    """The work the writer got a document from, named by the words from ``start`` (where they say so) to
    the sentence's end: the next citation after ``end``, else "this book" or "Heumann's book" (a book cited
    before), else the author in "as Kessler retells it" or "the extracts Ward gives" (a work of theirs
    cited in the document)."""
    prose = doc.prose
    sentence_end = _SENTENCE_END.search(prose, end, end + 300)
    stop = sentence_end.start() if sentence_end else min(len(prose), end + 300)
    quoted_by = (_QUOTED_BY.search(prose, start, stop) or _EXTRACTS_OF.search(prose, start, stop)
                 or _PASSIVE_QUOTER.search(prose, start, stop))
    who = quoted_by.group("who") if quoted_by else None
    after = [c for c in out if end <= c.span.start < stop]
    if after and after[0].cue in ("author-verb", "role-name") and after[0].authors:
        who = who or after[0].authors[0]  # "how Hale quotes it": Hale's book, if it is cited
    elif after:
        return _titled_work_of_owner(out, after[0], start)
    book = _BOOK_ANAPHOR.search(prose, start, stop)  # also "which the textbook quotes"
    if book is not None and book.group("owner"):
        who = book.group("owner")
    elif book is not None:
        post = doc.post_at(start)
        books = [c for c in out if c.span.end <= start and c.kind is SourceKind.BOOK and (
            post is None or c.span.start >= post.span.start or doc.post_at(c.span.start) is None)]
        if books:
            return books[-1]
    if who:
        work = _work_by(out, who)
        if work is not None:
            return work
    if not after and (short := _short_title_of(out, prose, end, start)) is not None:
        return short  # "as quoted in The Chief": Sheffield's The Chief: Douglas Haig and the British Army
    if not after and (bare := _BARE_SURNAME_AFTER.match(prose, end)) is not None:
        return _work_by(out, bare.group("who"))  # "is quoted in Miles": the work of Miles's cited above
    return after[0] if after else None


_TITLE_LINKS = ("of", "and", "the", "in", "on", "for", "a", "at", "to")  # small words inside a title
_TITLE_AFTER = re.compile(rf"[ \t]+(?P<title>[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]*|{'|'.join(_TITLE_LINKS)}))*)")


def _short_title_of(out: list[Citation], prose: str, end: int, before: int) -> Citation | None:
    """The work cited before ``before`` whose title the words after ``end`` give in full, or shorten to its
    main title: "The Chief" for The Chief: Douglas Haig and the British Army."""
    m = _TITLE_AFTER.match(prose, end)
    if m is None:
        return None
    words = m.group("title").split()
    while words and words[-1] in _TITLE_LINKS:
        words.pop()
    short = " ".join(words).casefold()
    return next((c for c in reversed(out) if c.span.end <= before and c.title and (
        (title := c.title.casefold()) == short or (len(words) > 1 and title.startswith(short + ":")))), None)


def _work_named(out: list[Citation], at: int, who: str) -> Citation | None:
    """The work a name stands for: the citation that starts with it, else the work of ``who`` cited in the
    document ("(quoted via Siddiqi ...)", "quoted at length by MacPhail")."""
    return next((c for c in out if c.span.start == at), None) or _work_by(out, who)


def _work_by(out: list[Citation], who: str, before: int | None = None, titled: bool = False) -> Citation | None:
    """The work cited in the document by ``who`` (as the writer spells the quoter: see _same_quoter), a titled
    one first; with ``before``, the last one cited before that offset; with ``titled``, only a titled one."""
    surname = surname_of(who)
    works = [c for c in out if any(_same_quoter(surname_of(a), surname) for a in c.authors if a.strip())
             and (before is None or c.span.end <= before) and (c.title or not titled)]
    if not works:
        return None
    return works[-1] if before is not None else next((c for c in works if c.title), works[0])


# "I've only ever read him as quoted in Savranskaya's article"; a quotation followed by "(quoted in Kate Moore,
# The Radium Girls, 2017)": a person's words known only through the work that quotes them
_PERSON_READ_AS_QUOTED = re.compile(r"\b(?:read|know|knew|known|seen)[ \t]+(?:him|her)[ \t]+(?:only[ \t]+)?"
                                    r"(?:as[ \t]+)?(?:quoted|cited)[ \t]+(?:in|by)\b")
# "The story comes from Korolev's deputy Boris Chertok, as quoted in Asif Siddiqi's Challenge to Apollo"
_PERSON_AS_QUOTED_IN = re.compile(r",[ \t]*as[ \t]+(?:quoted|cited)[ \t]+(?:in|by)\b")
_QUOTED_IN_AFTER_QUOTE = re.compile(r"[\"”][ \t]*[.,;]?[ \t]*\((?:as[ \t]+)?(?:quoted|cited)[ \t]+in[ \t]")
_PERSON_NAME = re.compile(PERSON)
_QUOTE_OF_PERSON_FROM = re.compile(
    r"\b[Tt]he\s+(?:[a-z]+\s+)?(?:quote|quotation|line|remark|words|phrase)\s+(?:from|of|by)\s+"
    r"(?P<person>(?:(?:Lord|Lady|Sir|General|President|Dr|Mr|Mrs|Miss)\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
    r"\s+(?:comes|came|is\s+taken|was\s+taken|is\s+borrowed|was\s+borrowed)\s+from\b")
_WORDS_OF_HIS_QUOTED_IN = re.compile(
    r"\b(?P<np>(?:[Aa]n?|[Oo]ne|[Tt]he)\s+(?:(?:great|good|famous|lovely|memorable|telling|nice|well-known|"
    r"wonderful|striking|often-quoted)\s+)?(?:line|remark|phrase|quote|quotation|comment|saying|sentence)s?\s+of\s+"
    r"(?:his|hers|theirs))\s+(?:that\s+(?:is|was)\s+|(?:is|was)\s+)?(?:quoted|cited)\s+(?:in|by)\b")
# 'Dromey's book, which quotes her: "We are those lions"': the words of the person spoken of just before
_WORK_QUOTES_PERSON = re.compile(r",?[ \t]+(?:which|who|that)[ \t]+(?:also[ \t]+)?(?:quotes|cites)[ \t]+"
                                 r"(?P<whom>him|her)(?=[ \t]*[:,]?[ \t]*[\"“])")


def _people_quoted_in(doc: Document, out: list[Citation], hints: NameHints) -> list[Citation]:
    """The person whose words are known only through a work becomes a second-hand citation of that work:
    the speaker of the quotation just before "(quoted in ...)", the person just named before "I have
    only read him as quoted in ...", or the "her" of "Dromey's book, which quotes her: ..."."""
    prose = doc.prose
    added: list[Citation] = []
    for pattern, after_quote in ((_PERSON_READ_AS_QUOTED, False), (_QUOTED_IN_AFTER_QUOTE, True),
                                 (_PERSON_AS_QUOTED_IN, False)):
        for m in pattern.finditer(prose):
            if after_quote:
                opening = max(prose.rfind("“", max(0, m.start() - 600), m.start()),
                              prose.rfind('"', max(0, m.start() - 600), m.start()))
                if opening == -1:
                    continue
                stop = opening
            else:
                stop = m.start()
            person = _last_person_before(doc, hints, m.start(), stop, in_sentence=after_quote)
            # the person just before ", as quoted in", unless they are a cited document's apposition
            # ("The diary of the Legion's chief of staff, Wolfram von Richthofen, as quoted in")
            if person is None or (pattern is _PERSON_AS_QUOTED_IN and (
                    person.end() != m.start() or any(
                        c.span.start < person.end() and not prose[c.span.end:person.start()].strip(" \t,")
                        for c in out))):
                continue
            outer = _came_by_outer(doc, out, m.end() - 3, m.end())
            inner_span = Span(person.start(), person.end())
            if outer is not None and not outer.span.overlaps(inner_span):
                _chain_document(doc, out, added, inner_span, outer, person=person.group(0))
    for m in _QUOTE_OF_PERSON_FROM.finditer(prose):
        # "The quote from Lord Penrhyn comes from Dale, The Long Strike (1998), p. 112"
        outer = _came_by_outer(doc, out, m.end() - 5, m.end())
        if outer is not None and not outer.span.overlaps(Span(m.start("person"), m.end("person"))):
            _chain_document(doc, out, added, Span(m.start("person"), m.end("person")), outer,
                            person=" ".join(m.group("person").split()))
    for m in _WORDS_OF_HIS_QUOTED_IN.finditer(prose):
        # "There's a great line of his quoted in Reeves' Daring Young Men": the person named just before
        person = _last_person_before(doc, hints, m.start(), m.start())
        outer = _came_by_outer(doc, out, m.end() - 3, m.end())
        if person is not None and outer is not None:
            _chain_document(doc, out, added, Span(m.start("np"), m.end("np")), outer,
                            person=" ".join(person.group(0).split()))
    for m in _WORK_QUOTES_PERSON.finditer(prose):
        work = next((c for c in reversed(out) if c.span.end <= m.start()
                     and not prose[c.span.end:m.start()].strip(" \t")), None)
        person = _last_person_before(doc, hints, m.start(), work.span.start) if work is not None else None
        if work is not None and person is not None:
            _chain_document(doc, out, added, Span(m.start("whom"), m.end("whom")), work,
                            person=" ".join(person.group(0).split()))
    return sorted(out + added, key=lambda c: (c.span.start, c.span.end)) if added else out


def _last_person_before(doc: Document, hints: NameHints, at: int, stop: int, *,
                        in_sentence: bool = False) -> re.Match[str] | None:
    """The last person named before ``stop``: in its sentence (``in_sentence``) or in it and the one before,
    within the post that holds ``at``."""
    prose = doc.prose
    starts = _sentence_starts(prose, max(0, stop - 400), stop)
    window = starts[-1] if in_sentence and starts else starts[-2] if len(starts) >= 2 else max(0, stop - 400)
    post = doc.post_at(at)
    if post is not None:
        window = max(window, post.span.start)
    person = None
    for name in _PERSON_NAME.finditer(prose, window, stop):
        words = name.group(0).split()
        if hints.is_person(name.group(0)) or (
                2 <= len(words) <= 3 and not hints.is_place_or_event(name.group(0))
                and hints.is_given_name(words[0])):
            person = name
    return person


def _titled_work_of_owner(out: list[Citation], outer: Citation, start: int) -> Citation:
    """"printed in Hayle's book": the titled work by the same author cited before ``start`` (Ann Hale, Riga
    and After), when there is one; else the possessive itself."""
    if outer.cue != "work-noun" or len(outer.authors) != 1 or outer.title:
        return outer
    return _work_by(out, outer.authors[0], before=start, titled=True) or outer


def _same_quoter(author: str, written: str) -> bool:
    """The author of a cited work, as the writer spells them when saying who quotes a document: a slip of
    one letter, or letters out of order in a long name ("as Dreschler quotes it" for Drechsler)."""
    return surname_slip(author, written) or (min(len(author), len(written)) >= 7 and author[:2] == written[:2]
                                             and fuzz.ratio(author, written) >= 85)


def _label_passages(doc: Document, citations: list[Citation]) -> list[Citation]:
    """A line "Chernyaev:" after a citation of Chernyaev opens a passage written by him: the works it
    mentions are known through his."""
    out = list(citations)
    for outer in citations:
        post = doc.post_at(outer.span.start)
        limit = post.span.end if post else min(len(doc.prose), outer.span.end + 3000)
        for author in outer.authors:
            surname = re.split(r"[\s,]+", author.strip())[0] if "," in author else author.split()[-1]
            label = re.compile(rf"(?m)^[ \t]*{re.escape(surname)}[ \t]*:[ \t]*$")
            m = label.search(doc.prose, outer.span.end, limit)
            if m is None:
                continue
            start = m.end()
            for k, inner in enumerate(out):
                if start <= inner.span.start < limit and inner.via is None and inner is not outer:
                    out[k] = replace(inner, via=outer.span)
    return out


_GENERIC_WORK = re.compile(r"\b(?:research|work|covering|coverage|overview|summary|treatment|account|study|analysis|"
                           r"writings|history)\b", re.IGNORECASE)


# "the Salem Witch Trials Documentary Archive at https://...": a site named by the text before its address
_NAMED_BEFORE = re.compile(r"((?:[A-Z][\w'’&-]*[ \t]+(?:(?:of|the|and|for|on)[ \t]+)?){1,7}[A-Z][\w'’&-]*)[ \t]*"
                           r"(?:at|on|via|:|\(|[-–—])[ \t]*$")
# the words that point at a bare URL: "the CWGC search at <url>", "a short page: <url>", "the set here: <url>"
_POINTER_NOUN = re.compile(r"\b(?:page|site|website|search|database|set|article|piece|thread|post|fact[ \t]+sheet|"
                           r"guide|video|entry|catalogue|list|summary|overview|transcript|map|timeline|profile|blog|"
                           r"record|scan|copy|pdf|PDF)s?\b")
_POINTER_TAIL = re.compile(r"(?:\s+(?:on|about|for|of|from|by|with|covering)[ \t]+[^.!?\n:()]{1,30}?)?"
                           r"(?:\s+(?:at|here|on|via|in)[ \t]*:?|[ \t]*(?::|\(|[-–—]))[ \t]*\n?[ \t]*\Z")
_DETERMINER = re.compile(r"(?:\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er|[Oo]ur|[Mm]y)|"
                         r"[A-Z][\w&.-]*['’]s)[ \t]+"
                         r"(?:(?!(?:the|a|an|this|that|is|was|are|were|has|have|had)\b)[^\s.!?,;:()]+[ \t]+){0,4}\Z")


def _pointer_start(prose: str, url_start: int) -> int:
    """Where the words that name a bare URL begin ("there's a page on the park at <url>" starts at "a page"),
    or the URL's own start when nothing names it."""
    blank = prose.rfind("\n\n", 0, url_start)
    line_start = max(blank + 2 if blank != -1 else 0, url_start - 120)
    nouns = list(_POINTER_NOUN.finditer(prose, line_start, url_start))
    if not nouns or not _POINTER_TAIL.fullmatch(prose, nouns[-1].end(), url_start):
        return url_start
    noun = nouns[-1]
    determiner = _DETERMINER.search(prose, max(line_start, noun.start() - 60), noun.start())
    return determiner.start() if determiner else noun.start()


_HOME_PAGE = re.compile(r"^https?://[^/?#\s]+/?(?:index\.html?)?$", re.IGNORECASE)


# the lower-case words after the article, up to the first other word ("The little booklet put out for ..."), with no
# verb after them ("The episode is described by ...": a note about the episode, not a work)
_BE_OR_HAVE = r"(?:is|was|are|were|has|had)\b"
_DESCRIBED_ENTRY = re.compile(rf"(?:An?|The|Some|One)\s+([a-z][\w-]*(?:\s+(?!{_BE_OR_HAVE})[a-z][\w-]*){{0,3}})"
                              rf"\b(?!\s+{_BE_OR_HAVE})")


def _vague(c: Citation, identified_authors: set[str]) -> bool:
    """Too little to find the work: a kind of work with no author, title, link or identifier,
    or "a study by X" when nothing else in the document names a work of X's."""
    if c.vague:
        return not (c.url or c.isbn or c.doi or (c.authors and c.title))
    if c.cue == "url" and c.url and not c.site and _HOME_PAGE.match(c.url):
        return True  # "they have a lot of material, https://example.org/": a site, not a work
    if c.cue in ("work-noun",) and not c.authors and not c.title and not c.site and not c.url:
        return True
    if (c.cue in ("bibliography", "source-line") and not (c.authors or c.url or c.isbn or c.doi)
            and (described := _DESCRIBED_ENTRY.match(c.surface))
            and any(word in WORK_NOUNS for word in described.group(1).split())):
        return True  # "The little booklet put out for our jubilee in 1974 (no author given)": a list's vague entry
    if (c.cue == "work-noun" and c.authors and not (c.title or c.url or c.year or c.isbn or c.doi)
            and _GENERIC_WORK.search(c.surface)):
        return not any(surname_of(a) in identified_authors for a in c.authors)
    return False


def extract_citations(doc: Document, hints: NameHints) -> list[Citation]:
    templates = cite_templates(doc) + pointed_wikilinks(doc)
    references = [r for r in extract_references(doc) if not any(r.span.overlaps(t.span) for t in templates)]
    references += templates
    references += reused_references(doc, references)
    titles = extract_title_lines(doc)
    doc_authors = set(hints.doc_authors)
    for ref in references + titles:
        for author in ref.authors:
            if author.strip():
                doc_authors.add(surname_of(author))
    hints = replace(hints, doc_authors=frozenset(doc_authors))
    covered = [c.span for c in references + titles]
    found: list[Citation] = list(references) + titles
    for citation in _link_citations(doc):
        if not any(citation.span.overlaps(c) for c in covered):
            found.append(citation)
    for link in document_links(doc):
        if link.origin is LinkOrigin.BARE and not support_link(link.url) and not any(
                link.span.overlaps(c) for c in covered) and not _CHROME_LABEL.fullmatch(
                doc.prose[doc.prose.rfind("\n", 0, link.span.start) + 1:link.span.start].strip()):
            title = _title_from_url(link.url)
            named = _NAMED_BEFORE.search(doc.prose, max(0, link.span.start - 120), link.span.start)
            span = Span(_pointer_start(doc.prose, link.span.start), link.span.end)
            found.append(Citation(span, doc.text[span.start:span.end], kind_for_url(link.url), "url",
                                  title=title, url=link.url, site=named.group(1) if named else None))
    skip = [c.span for c in references + titles]
    for citation in extract_prose_citations(doc.prose, doc.text, hints):
        if not any(citation.span.overlaps(s) for s in skip):
            found.append(citation)
    found.extend(_emphasis_citations(doc, hints, skip + [link.span for link in doc.links]))
    merged = _dedupe(doc, found)
    identified = {surname_of(a) for c in merged if (c.title or c.url or c.isbn or c.doi) and not c.vague
                  for a in c.authors if a.strip()}
    merged = [replace(c, vague=_vague(c, identified)) for c in merged]
    return _via_titled_works(_people_quoted_in(doc, _link_chains(doc, merged), hints))


def _via_titled_works(citations: list[Citation]) -> list[Citation]:
    """A chain that ends at "Hinsley quotes" (the author at work) or at "her book" ends at the titled work of
    that author cited in the document, when there is one: the reader is sent to a book, not to a verb."""
    by_span = {c.span: c for c in citations}
    out = citations
    for k, c in enumerate(citations):
        outer = by_span.get(c.via) if c.via is not None else None
        if outer is None or outer.title or outer.cue not in ("author-verb", "according-to", "pronoun-work") or (
                not outer.authors):
            continue
        work = _work_by(citations, outer.authors[0], titled=True)
        if work is not None and work is not c and not work.span.overlaps(c.span):
            if out is citations:
                out = list(citations)
            out[k] = replace(c, via=work.span)
    return out
