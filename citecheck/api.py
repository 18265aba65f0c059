"""The library entry point: ``audit(paths, config)`` runs the whole pipeline and returns a Report.

read documents → extract → resolve → verify → assess → rules → (suppressions, selection,
baseline) → Report. The CLI is a thin layer over these functions; other programs and the
tests call them directly.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import httpx

from citecheck.analysis import Context, DocAnalysis, analyze, build_context
from citecheck.assess.duplicates import DocumentUnits, find_duplicates
from citecheck.config import Config
from citecheck.errors import CitecheckError, InputError
from citecheck.ingest import build_document, collect_paths, read_text
from citecheck.model import (
    ClaimKind,
    Document,
    FileReport,
    Finding,
    Link,
    LinkStatus,
    LinkVerdict,
    ProvenanceEdge,
    Report,
    Severity,
)
from citecheck.rules import checks
from citecheck.rules.registry import RULES, matches
from citecheck.verify.links import check_links, recorded_text
from citecheck.verify.quotes import QuoteCheck, QuoteVerdict, check_quote

ALL_CHECKS = frozenset({"sources", "names", "links", "claims"})


@dataclass(frozen=True, slots=True)
class AuditResult:
    report: Report
    problems: tuple[CitecheckError, ...] = ()  # inputs that could not be read
    analyses: tuple[DocAnalysis, ...] = field(default=(), repr=False)


def load_documents(paths: Sequence[str], config: Config, *, stdin: bytes | None = None
                   ) -> tuple[list[Document], list[CitecheckError]]:
    found, problems = collect_paths(paths, config.include, config.exclude)
    problems_out: list[CitecheckError] = list(problems)
    docs: list[Document] = []
    for path in found:
        try:
            raw = read_text(path, max_size=config.max_file_size, invalid_utf8=config.invalid_utf8, stdin=stdin)
        except InputError as exc:
            problems_out.append(exc)
            continue
        docs.append(build_document(raw))
    return docs, problems_out


_WORKER: Context | None = None


def _init_worker(config: Config) -> None:
    global _WORKER
    _WORKER = build_context(config)


def _analyze_in_worker(doc: Document) -> DocAnalysis:
    assert _WORKER is not None
    return analyze(doc, _WORKER)


def analyze_documents(docs: Sequence[Document], config: Config, ctx: Context | None = None) -> list[DocAnalysis]:
    if config.jobs > 1 and len(docs) > 1:
        with ProcessPoolExecutor(max_workers=config.jobs, initializer=_init_worker, initargs=(config,)) as pool:
            return list(pool.map(_analyze_in_worker, docs, chunksize=max(1, len(docs) // (config.jobs * 4))))
    ctx = ctx or build_context(config)
    return [analyze(doc, ctx) for doc in docs]


def audit(
    paths: Sequence[str],
    config: Config | None = None,
    *,
    stdin: bytes | None = None,
    checks_enabled: Iterable[str] = ALL_CHECKS,
    transport: httpx.AsyncBaseTransport | None = None,
    cache_dir: Path | None = None,
    progress: bool = False,
) -> AuditResult:
    """Audit documents and return the report (findings filtered by the configuration)."""
    config = config or Config()
    enabled = frozenset(checks_enabled)
    docs, problems = load_documents(paths, config, stdin=stdin)
    ctx = build_context(config)
    analyses = analyze_documents(docs, config, ctx)
    verdicts = _check_links(analyses, config, enabled, transport, cache_dir, progress)
    duplicates = (find_duplicates([DocumentUnits(a.doc, a.sentences, a.quotes) for a in analyses],
                                  config.claims.duplicate_words) if "claims" in enabled else [])
    ctx_catalogue = ctx.catalogue
    files: list[FileReport] = []
    suppressed_total = 0
    for a in analyses:
        links = tuple(Link(raw, verdicts.get(raw.url, LinkVerdict(raw.url, LinkStatus.UNCHECKED)))
                      for raw in a.links)
        quote_checks = _verify_quotes(a, config, ctx_catalogue) if "claims" in enabled else []
        findings = list(_findings(a, links, duplicates, quote_checks, enabled))
        findings, suppressed = _apply_suppressions(a.doc, findings, enabled, config.links.mode)
        suppressed_total += suppressed
        findings = _select(findings, a.doc.path, config)
        findings.sort(key=lambda f: (f.span.start, f.span.end, f.code, f.message))
        files.append(FileReport(
            path=a.doc.path, document=a.doc,
            sources=a.sources if "sources" in enabled or "claims" in enabled else (),
            links=links if "links" in enabled else (),
            claims=tuple(c.claim for c in a.claims) if "claims" in enabled else (),
            findings=tuple(findings), provenance=_provenance(a),
        ))
    report = Report(files=tuple(files), suppressed=suppressed_total)
    return AuditResult(report, tuple(problems), tuple(analyses))


def _check_links(analyses: Sequence[DocAnalysis], config: Config, enabled: frozenset[str],
                 transport: httpx.AsyncBaseTransport | None, cache_dir: Path | None,
                 progress: bool) -> dict[str, LinkVerdict]:
    urls = sorted({raw.url for a in analyses for raw in a.links})
    settings = config.links
    if "links" not in enabled:
        settings = replace(settings, mode="off")
    if not urls:
        return {}
    return check_links(urls, settings, cassette_dir=config.resolve_path(config.cassettes), cache_dir=cache_dir,
                       transport=transport, progress=progress)


def _findings(a: DocAnalysis, links: Sequence[Link], duplicates: Sequence, quote_checks: Sequence[QuoteCheck],
              enabled: frozenset[str]) -> Iterable[Finding]:
    yield from checks.input_findings(a)
    if "sources" in enabled:
        yield from checks.source_findings(a)
    if "names" in enabled:
        yield from checks.name_findings(a)
    if "claims" in enabled:
        yield from checks.claim_findings(a)
        yield from checks.duplicate_findings(a.doc.path, duplicates, a.doc.text)
        yield from checks.quote_findings(quote_checks, {s.id: s for s in a.sources})
    if "links" in enabled:
        yield from checks.link_findings(links)


def _verify_quotes(a: DocAnalysis, config: Config, catalogue) -> list[QuoteCheck]:  # type: ignore[no-untyped-def]
    out: list[QuoteCheck] = []
    by_id = {s.id: s for s in a.sources}
    texts: dict[str, str | None] = {}
    for fact in a.claims:
        claim = fact.claim
        if claim.kind is not ClaimKind.QUOTATION or not claim.support:
            continue
        for quote in fact.quotes:
            text = a.doc.text[quote.inner.start:quote.inner.end]
            if len(text.strip()) < config.claims.quote_min_chars:
                continue
            best: QuoteCheck | None = None
            for source_id in claim.support:
                source = by_id.get(source_id)
                if source is None:
                    continue
                if source_id not in texts:
                    texts[source_id] = _source_text(source, config, catalogue)
                body = texts[source_id]
                if body is None:
                    continue
                verdict, score, detail = check_quote(text, body, min_chars=config.claims.quote_min_chars)
                check = QuoteCheck(quote.span, text, source_id, verdict, score, detail)
                if best is None or check.score > best.score:
                    best = check
            if best is not None and best.verdict is not QuoteVerdict.UNDECIDABLE:
                out.append(best)
    return out


def _source_text(source, config: Config, catalogue) -> str | None:  # type: ignore[no-untyped-def]
    if source.ref and catalogue is not None:
        entry = catalogue.get(source.ref)
        if entry is not None and entry.text:
            path = config.resolve_path(entry.text)
            try:
                return path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                return None
    if source.url:
        return recorded_text(source.url, config.resolve_path(config.cassettes))
    return None


def _provenance(a: DocAnalysis) -> tuple[ProvenanceEdge, ...]:
    edges: list[ProvenanceEdge] = []
    for fact in a.claims:
        for source_id in fact.claim.support:
            edges.append(ProvenanceEdge(f"claim@{fact.claim.span.start}", source_id, "supported-by"))
    for source in a.sources:
        if source.via:
            edges.append(ProvenanceEdge(source.id, source.via, "via"))
        if source.url:
            edges.append(ProvenanceEdge(source.id, source.url, "published-at"))
    return tuple(edges)


def _apply_suppressions(doc: Document, findings: list[Finding], enabled: frozenset[str],
                        links_mode: str) -> tuple[list[Finding], int]:
    from citecheck.suppress import active_rules, apply_suppressions

    # a suppression of a rule that did not run (links off, `citecheck links`) is not "unused"
    return apply_suppressions(doc, findings, active=active_rules(enabled, links_mode))


def _rule_selected(code: str, selectors: Sequence[str]) -> bool:
    rule = next(r for r in RULES if r.code == code)
    return any(matches(rule, s) for s in selectors)


def _severity_override(code: str, overrides: Sequence[tuple[str, str]]) -> str | None:
    """The most specific override for a rule: a code or name beats a prefix, a longer prefix a shorter one."""
    rule = next(r for r in RULES if r.code == code)
    best: tuple[int, str] | None = None
    for selector, severity in overrides:
        if matches(rule, selector):
            exact = selector.upper() == rule.code or not selector.upper().startswith("CC")
            rank = 100 if exact else len(selector)
            if best is None or rank >= best[0]:
                best = (rank, severity)
    return best[1] if best else None


def _select(findings: list[Finding], path: str, config: Config) -> list[Finding]:
    out: list[Finding] = []
    for f in findings:
        if config.select and not _rule_selected(f.code, config.select):
            continue
        if config.ignore and _rule_selected(f.code, config.ignore):
            continue
        if any(fnmatch.fnmatch(path, glob) and _rule_selected(f.code, codes) for glob, codes in config.per_file_ignores):
            continue
        override = _severity_override(f.code, config.severity)
        if override:
            f = replace(f, severity=Severity(override))
        out.append(f)
    return out
