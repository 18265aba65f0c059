"""The library entry point: ``audit(paths, config)`` runs the whole pipeline and returns a Report.

read documents → extract → resolve → verify → assess → rules → (suppressions, selection,
baseline) → Report. The CLI is a thin layer over these functions; other programs and the
tests call them directly.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import httpx

from citecheck.analysis import Context, DocAnalysis, analyze, build_context
from citecheck.assess.duplicates import DocumentUnits, DuplicateFinder, DuplicatePassage
from citecheck.config import Config
from citecheck.errors import CitecheckError, InputError
from citecheck.ingest import STDIN, build_document, collect_paths, read_text
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


def load_documents(paths: Sequence[str], config: Config, *, stdin: bytes | None = None
                   ) -> tuple[list[Document], list[CitecheckError]]:
    found, problems = collect_paths(paths, config.include, config.exclude)
    problems_out: list[CitecheckError] = list(problems)
    docs: list[Document] = []
    for path in found:
        try:
            docs.append(_read(path, config, stdin))
        except InputError as exc:
            problems_out.append(exc)
    return docs, problems_out


def _read(path: str, config: Config, stdin: bytes | None) -> Document:
    raw = read_text(path, max_size=config.max_file_size, invalid_utf8=config.invalid_utf8, stdin=stdin)
    return build_document(raw)


_WORKER: tuple[Context, Config] | None = None


def _init_worker(config: Config) -> None:
    global _WORKER
    _WORKER = (build_context(config), config)


def _analyze_path_in_worker(path: str) -> DocAnalysis | InputError:
    assert _WORKER is not None
    ctx, config = _WORKER
    try:
        return analyze(_read(path, config, None), ctx)
    except InputError as exc:
        return exc


def analyze_documents(docs: Sequence[Document], config: Config, ctx: Context | None = None) -> list[DocAnalysis]:
    ctx = ctx or build_context(config)
    return [analyze(doc, ctx) for doc in docs]


class AuditRun:
    """An audit as a stream of per-file reports, in path order.

    Files are analysed in batches, so a run over thousands of files never holds them all in
    memory: duplicated passages are found against what came before, and links are checked per
    batch (in live and record mode all at once, so that one client and one set of limits serve
    the whole run). ``problems`` and ``suppressed`` are complete once the run is exhausted.
    """

    def __init__(self, paths: Sequence[str], config: Config | None = None, *, stdin: bytes | None = None,
                 checks_enabled: Iterable[str] = ALL_CHECKS, transport: httpx.AsyncBaseTransport | None = None,
                 cache_dir: Path | None = None, progress: bool = False, batch_size: int = 32) -> None:
        self.config = config or Config()
        self.enabled = frozenset(checks_enabled)
        self.stdin = stdin
        self.transport = transport
        self.cache_dir = cache_dir
        self.progress = progress
        self.batch_size = batch_size
        found, problems = collect_paths(paths, self.config.include, self.config.exclude)
        self.paths = found
        self.problems: list[CitecheckError] = list(problems)
        self.suppressed = 0

    def __iter__(self) -> Iterator[FileReport]:
        config = self.config
        ctx = build_context(config)
        duplicates = DuplicateFinder(config.claims.duplicate_words) if "claims" in self.enabled else None
        network = config.links.mode in ("live", "record") and "links" in self.enabled
        size = len(self.paths) if network else max(1, self.batch_size)
        pool = None
        if config.jobs > 1 and len(self.paths) > 1:
            pool = ProcessPoolExecutor(max_workers=config.jobs, initializer=_init_worker, initargs=(config,))
        try:
            for first in range(0, len(self.paths), size):
                analyses = self._analyze(self.paths[first:first + size], ctx, pool)
                verdicts = _check_links(analyses, config, self.enabled, self.transport, self.cache_dir,
                                        self.progress)
                for a in analyses:
                    found = duplicates.add(DocumentUnits(a.doc, a.sentences, a.quotes)) if duplicates else []
                    yield self._file_report(a, verdicts, found, ctx)
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)

    def _analyze(self, paths: Sequence[str], ctx: Context, pool: ProcessPoolExecutor | None) -> list[DocAnalysis]:
        out: list[DocAnalysis] = []
        if pool is not None and STDIN not in paths:
            chunk = max(1, len(paths) // (self.config.jobs * 4))
            results: Iterable[DocAnalysis | InputError] = pool.map(_analyze_path_in_worker, paths, chunksize=chunk)
        else:
            results = (self._analyze_one(path, ctx) for path in paths)
        for result in results:
            if isinstance(result, InputError):
                self.problems.append(result)
            else:
                out.append(result)
        return out

    def _analyze_one(self, path: str, ctx: Context) -> DocAnalysis | InputError:
        try:
            return analyze(_read(path, self.config, self.stdin), ctx)
        except InputError as exc:
            return exc

    def _file_report(self, a: DocAnalysis, verdicts: dict[str, LinkVerdict], duplicates: Sequence[DuplicatePassage],
                     ctx: Context) -> FileReport:
        config, enabled = self.config, self.enabled
        links = tuple(Link(raw, verdicts.get(raw.url, LinkVerdict(raw.url, LinkStatus.UNCHECKED))) for raw in a.links)
        quote_checks = _verify_quotes(a, config, ctx.catalogue) if "claims" in enabled else []
        findings = list(_findings(a, links, duplicates, quote_checks, enabled))
        findings, suppressed = _apply_suppressions(a.doc, findings, enabled, config.links.mode)
        self.suppressed += suppressed
        findings = _select(findings, a.doc.path, config)
        findings.sort(key=lambda f: (f.span.start, f.span.end, f.code, f.message))
        # the report needs the text (for lines and columns) and the posts, not the analysis views
        document = replace(a.doc, prose="", blocks=(), links=(), emphasis=(), comments=(), footnotes=(),
                           footnote_refs=())
        return FileReport(
            path=a.doc.path, document=document,
            sources=a.sources if "sources" in enabled or "claims" in enabled else (),
            links=links if "links" in enabled else (),
            claims=tuple(c.claim for c in a.claims) if "claims" in enabled else (),
            findings=tuple(findings), provenance=_provenance(a),
        )


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
    """Audit documents and return the whole report (findings filtered by the configuration)."""
    run = AuditRun(paths, config, stdin=stdin, checks_enabled=checks_enabled, transport=transport,
                   cache_dir=cache_dir, progress=progress)
    files = tuple(run)
    return AuditResult(Report(files=files, suppressed=run.suppressed), tuple(run.problems))


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
        if any(fnmatch.fnmatch(path, glob) and _rule_selected(f.code, codes)
               for glob, codes in config.per_file_ignores):
            continue
        override = _severity_override(f.code, config.severity)
        if override:
            f = replace(f, severity=Severity(override))
        out.append(f)
    return out
