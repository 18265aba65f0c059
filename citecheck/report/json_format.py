"""The JSON report: the contract other programs read (docs/report-format.md, schema citecheck.report/1)."""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING, Any

from citecheck import __version__
from citecheck.model import FileReport, Finding, Report, Span
from citecheck.textspan import LineIndex

if TYPE_CHECKING:
    from citecheck.report import RenderOptions

SCHEMA = "citecheck.report/1"


def _where(index: LineIndex, span: Span) -> dict[str, int]:
    line, column = index.position(span.start)
    end_line, end_column = index.position(span.end)
    return {"start": span.start, "end": span.end, "line": line, "column": column,
            "end_line": end_line, "end_column": end_column}


def _post(file: FileReport, offset: int) -> str | None:
    post = file.document.post_at(offset)
    if post is None:
        return None
    return post.number or str(post.index + 1)


def finding_dict(file: FileReport, index: LineIndex, f: Finding) -> dict[str, Any]:
    out: dict[str, Any] = {"code": f.code, "rule": f.rule, "severity": f.severity.value, "message": f.message}
    out |= _where(index, f.span)
    out["post"] = _post(file, f.span.start)
    out["anchor"] = f.anchor
    out["why"] = f.why
    out["fix"] = (
        {"replacement": f.fix.replacement, "start": f.fix.span.start, "end": f.fix.span.end,
         "applicability": f.fix.applicability.value, "title": f.fix.title}
        if f.fix else None
    )
    out["related"] = [{"path": r.path, "start": r.span.start, "end": r.span.end, "label": r.label}
                      for r in f.related]
    return out


def file_dict(file: FileReport) -> dict[str, Any]:
    index = LineIndex(file.document.text)
    sources = []
    for s in file.sources:
        c = s.citation
        where = _where(index, c.span)
        sources.append({
            "id": s.id, "surface": c.surface, "start": where["start"], "end": where["end"],
            "line": where["line"], "column": where["column"], "post": _post(file, c.span.start),
            "kind": s.kind.value, "title": s.title, "authors": list(s.authors), "editors": list(c.editors),
            "year": s.year, "url": s.url, "url_inferred": c.url_inferred, "site": c.site, "ref": s.ref,
            "tier": s.tier.value if s.tier else None, "vague": c.vague, "via": s.via, "same_as": s.same_as,
            "cue": c.cue, "anaphor": c.anaphor,
        })
    links = []
    inferred = []
    for link in file.links:
        where = _where(index, link.raw.span)
        v = link.verdict
        entry = {
            "url": link.raw.url, "start": where["start"], "end": where["end"], "line": where["line"],
            "column": where["column"], "post": _post(file, link.raw.span.start), "status": v.status.value,
            "http_status": v.http_status, "final_url": v.final_url, "origin": v.origin.value,
            "redirects": [[r.status, r.url] for r in v.redirects], "archive_url": v.archive_url, "detail": v.detail,
            "chrome": link.raw.origin.value == "page",
        }
        # URLs implied by pasted link titles are checked too, but they were not written in the text
        (inferred if link.raw.origin.value == "inferred" else links).append(entry)
    claims = []
    for claim in file.claims:
        where = _where(index, claim.span)
        claims.append({
            "text": claim.text, "start": where["start"], "end": where["end"], "line": where["line"],
            "column": where["column"], "post": _post(file, claim.span.start), "kind": claim.kind.value,
            "supported": claim.supported, "support": list(claim.support), "weak": claim.weak,
            "cues": list(claim.cues),
        })
    findings = [finding_dict(file, index, f) for f in file.findings]
    return {
        "path": file.path,
        "posts": [{"number": p.number, "author": p.author, "start": p.span.start, "end": p.span.end,
                   "line": index.position(p.span.start)[0]} for p in file.document.posts],
        "notices": list(file.document.notices),
        "sources": sources,
        "links": links,
        "inferred_links": inferred,
        "claims": claims,
        "findings": findings,
        "provenance": [{"child": e.child, "parent": e.parent, "relation": e.relation} for e in file.provenance],
    }


class SummaryBuilder:
    """Counts for the summary, added one file at a time (so a streamed report can end with them)."""

    def __init__(self) -> None:
        self.files = 0
        self.by_severity: Counter[str] = Counter()
        self.by_rule: Counter[str] = Counter()
        self.link_status: Counter[str] = Counter()
        self.claims = self.unsupported = self.sources = self.unresolved = 0

    def add(self, file: FileReport) -> None:
        self.files += 1
        for f in file.findings:
            self.by_severity[f.severity.value] += 1
            self.by_rule[f"{f.code} {f.rule}"] += 1
        for link in file.links:
            self.link_status[link.verdict.status.value] += 1
        self.claims += len(file.claims)
        self.unsupported += sum(1 for c in file.claims if not c.supported)
        self.sources += len(file.sources)
        self.unresolved += sum(1 for s in file.sources if s.ref is None)

    def result(self, *, baselined: int = 0, suppressed: int = 0) -> dict[str, Any]:
        return {
            "files": self.files,
            "findings": sum(self.by_severity.values()),
            "by_severity": {k: self.by_severity.get(k, 0) for k in ("error", "warning", "note")},
            "by_rule": dict(sorted(self.by_rule.items())),
            "sources": self.sources,
            "unresolved_sources": self.unresolved,
            "links": dict(sorted(self.link_status.items())),
            "claims": self.claims,
            "unsupported_claims": self.unsupported,
            "baselined": baselined,
            "suppressed": suppressed,
        }


def summary(report: Report) -> dict[str, Any]:
    builder = SummaryBuilder()
    for file in report.files:
        builder.add(file)
    return builder.result(baselined=report.baselined, suppressed=report.suppressed)


def report_dict(report: Report) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "tool": {"name": "citecheck", "version": __version__},
        "files": [file_dict(f) for f in report.files],
        "summary": summary(report),
    }


def _dumps(value: Any) -> str:
    # compact output uses the C encoder; indented output would take longer than the whole audit
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def render(report: Report, options: RenderOptions) -> str:
    return _dumps(report_dict(report)) + "\n"


class Stream:
    """The same document as ``render``, written file by file."""

    def __init__(self, options: RenderOptions) -> None:
        self.summary = SummaryBuilder()

    def begin(self) -> str:
        head = _dumps({"schema": SCHEMA, "tool": {"name": "citecheck", "version": __version__}})
        return head[:-1] + ',"files":['

    def file(self, file: FileReport) -> str:
        first = self.summary.files == 0
        self.summary.add(file)
        return ("" if first else ",") + _dumps(file_dict(file))

    def end(self, *, baselined: int = 0, suppressed: int = 0) -> str:
        return '],"summary":' + _dumps(self.summary.result(baselined=baselined, suppressed=suppressed)) + "}\n"
