"""Findings from facts: each function reads what the pipeline established and says what is wrong."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from citecheck.analysis import DocAnalysis
from citecheck.assess.duplicates import DuplicatePassage
from citecheck.model import (
    Applicability,
    ClaimKind,
    Finding,
    Fix,
    Link,
    LinkStatus,
    Related,
    Severity,
    Source,
    Span,
)
from citecheck.rules import finding
from citecheck.verify.quotes import QuoteCheck, QuoteVerdict


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def input_findings(a: DocAnalysis) -> Iterable[Finding]:
    for notice in a.doc.notices:
        if notice.startswith("invalid UTF-8"):
            at = a.doc.text.find("\ufffd")
            at = max(at, 0)
            yield finding("CC001", Span(at, min(at + 1, len(a.doc.text))), f"The file is not valid UTF-8: {notice}.",
                          anchor="invalid-utf8")


def source_findings(a: DocAnalysis) -> Iterable[Finding]:
    by_id = {s.id: s for s in a.sources}
    for source in a.sources:
        c = source.citation
        label = f"\"{_short(c.surface.replace(chr(10), ' '))}\""
        if c.authors and c.surface.lower() in ("him", "her", "them"):
            label += f" ({c.authors[0]})"  # 'which quotes her': whose words they are
        if c.vague:
            reason = ("a site's home page, not a page or work on it" if c.url and c.cue == "url"
                      else "no author, title or link")
            yield finding("CC102", c.span, f"Vague source: {label} does not identify a work ({reason}).",
                          anchor=c.surface, why=f"found by {c.cue}")
        elif source.ref is None and not c.anaphor:
            yield finding("CC101", c.span, f"Source not in the catalogue: {label} ({c.kind.value}); "
                          "`citecheck refs suggest` prints a stanza for refs.yaml.", anchor=c.surface,
                          why=f"found by {c.cue}")
        if source.via is not None and source.via in by_id:
            outer = by_id[source.via]
            yield finding("CC103", c.span, f"Second-hand source: {label} is known through "
                          f"\"{_short(outer.citation.surface.replace(chr(10), ' '), 50)}\".", anchor=c.surface,
                          related=(Related(a.doc.path, outer.citation.span, "read through"),))


def name_findings(a: DocAnalysis) -> Iterable[Finding]:
    for issue in a.names:
        fix = Fix(issue.replacement, issue.span, Applicability.SAFE, f"Replace with {issue.replacement}")
        if issue.variant:
            yield finding("CC201", issue.span, f"\"{issue.written}\" is spelled \"{issue.replacement}\" elsewhere in "
                          f"this document ({issue.entry.name}).", anchor=issue.written, fix=fix,
                          severity=Severity.NOTE, why=issue.why)
        else:
            yield finding("CC201", issue.span, f"Misspelled name: \"{issue.written}\" should be "
                          f"\"{issue.replacement}\" ({issue.entry.name}).", anchor=issue.written, fix=fix,
                          why=issue.why)


def claim_findings(a: DocAnalysis) -> Iterable[Finding]:
    sources = {s.id: s for s in a.sources}
    for fact in a.claims:
        claim = fact.claim
        text = _short(claim.text)
        # a citation for the claim does not name the unnamed "many observers": always reported
        for span, pattern in fact.weasels:
            phrase = a.doc.text[span.start:span.end]
            yield finding("CC303", span, f"Weasel attribution: \"{_short(phrase, 50)}\" — who said so, and where?",
                          anchor=phrase, why=f"pattern {pattern}")
        if fact.weasels and not claim.supported:
            continue
        if fact.vague_only:
            vague = ", ".join(_short(sources[i].citation.surface, 40) for i in claim.support if i in sources)
            yield finding("CC102", claim.span, f"Claim rests only on an unidentifiable source ({vague}): \"{text}\"",
                          anchor=claim.text, why="the only support is vague")
            continue
        if claim.supported:
            if claim.weak:
                names = ", ".join(_short(sources[i].citation.surface, 40) for i in claim.support if i in sources)
                yield finding("CC306", claim.span, f"Supported only by tertiary or user-generated sources ({names}).",
                              anchor=claim.text)
            continue
        why = "; ".join(c for c in claim.cues if not c.startswith("supported"))
        if claim.kind is ClaimKind.QUOTATION and fact.speaker:
            yield finding("CC302", claim.span, f"Quotation with no source: \"{text}\"", anchor=claim.text, why=why)
        elif claim.kind is not ClaimKind.WEASEL:
            yield finding("CC301", claim.span, f"Unsupported claim ({why}): \"{text}\"", anchor=claim.text, why=why)


def duplicate_findings(path: str, duplicates: Sequence[DuplicatePassage], text: str) -> Iterable[Finding]:
    for dup in duplicates:
        if dup.path != path:
            continue
        yield finding("CC305", dup.span, f"Duplicated passage ({dup.words} words) repeats {dup.original_label} "
                      "without quotation marks.", anchor=text[dup.span.start:dup.span.end],
                      related=(Related(dup.original.path, dup.original.span, dup.original_label),))


_LINK_RULES = {
    LinkStatus.BROKEN: "CC401", LinkStatus.UNREACHABLE: "CC403", LinkStatus.TIMEOUT: "CC404",
    LinkStatus.UNRECORDED: "CC405", LinkStatus.BLOCKED: "CC406",
}


def link_findings(links: Sequence[Link]) -> Iterable[Finding]:
    for link in links:
        v = link.verdict
        url = link.raw.url
        inferred = {"inferred": " (inferred from a pasted link title)",
                    "page": " (in the page's navigation, header or footer)"}.get(link.raw.origin.value, "")
        code = _LINK_RULES.get(v.status)
        if code == "CC401":
            fix = (Fix(v.archive_url, link.raw.span, Applicability.UNSAFE, "Use the archived copy")
                   if v.archive_url and link.raw.origin.value != "inferred" else None)
            detail = f"HTTP {v.http_status}" if v.http_status else v.detail or "error"
            hint = f"; archived copy: {v.archive_url}" if v.archive_url else ""
            yield finding(code, link.raw.span, f"Broken link{inferred}: {url} ({detail}){hint}", anchor=url, fix=fix)
        elif code == "CC405":
            yield finding(code, link.raw.span, f"No recorded answer for {url}{inferred}; run `citecheck record` to "
                          "record one.", anchor=url)
        elif code is not None:
            detail = f": {v.detail}" if v.detail else ""
            label = {"CC403": "Unreachable link", "CC404": "Link timed out", "CC406": "Link not checked (private "
                     "address)"}[code]
            yield finding(code, link.raw.span, f"{label}{inferred}: {url}{detail}", anchor=url)
        if v.status is LinkStatus.REDIRECTED and v.final_url:
            fix = (Fix(v.final_url, link.raw.span, Applicability.UNSAFE, "Use the final address")
                   if link.raw.origin.value != "inferred" else None)
            yield finding("CC402", link.raw.span, f"Permanent redirect: {url} → {v.final_url}", anchor=url, fix=fix)
        if v.soft_404 and v.status.is_success():
            yield finding("CC407", link.raw.span, f"Link looks removed: {url} redirects to {v.final_url}", anchor=url)
        if v.missing_fragment and v.status.is_success():
            yield finding("CC408", link.raw.span, f"No anchor #{v.missing_fragment} on {url}", anchor=url)


def quote_findings(checks: Sequence[QuoteCheck], sources: Mapping[str, Source]) -> Iterable[Finding]:
    for check in checks:
        source = sources.get(check.source_id)
        name = _short(source.citation.surface, 40) if source else check.source_id
        quote = _short(check.quote, 60)
        if check.verdict is QuoteVerdict.NOT_FOUND:
            yield finding("CC304", check.span, f"Quotation not found in its source ({name}): \"{quote}\"",
                          anchor=check.quote, why=check.detail)
        elif check.verdict is QuoteVerdict.VARIANT:
            yield finding("CC307", check.span, f"Quotation differs from its source ({name}): {check.detail}",
                          anchor=check.quote)
