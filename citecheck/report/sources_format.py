"""``citecheck extract``: the cited sources as a table, JSON, CSV, CSL-JSON or BibTeX."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

from citecheck.model import Report, Source, SourceKind
from citecheck.resolve.lexicon import strip_diacritics
from citecheck.textspan import LineIndex

EXTRACT_FORMATS = ("table", "json", "csv", "csl-json", "bibtex")

_CSL_TYPES = {
    SourceKind.BOOK: "book", SourceKind.DIARY: "manuscript", SourceKind.ARTICLE: "article",
    SourceKind.WEB: "webpage", SourceKind.VIDEO: "motion_picture", SourceKind.FORUM: "post",
    SourceKind.THESIS: "thesis", SourceKind.ARCHIVE: "manuscript", SourceKind.OTHER: "document",
}
_BIBTEX_TYPES = {
    SourceKind.BOOK: "book", SourceKind.DIARY: "book", SourceKind.ARTICLE: "article", SourceKind.WEB: "online",
    SourceKind.VIDEO: "misc", SourceKind.FORUM: "online", SourceKind.THESIS: "phdthesis",
    SourceKind.ARCHIVE: "unpublished", SourceKind.OTHER: "misc",
}
_COLUMNS = ("path", "line", "column", "id", "kind", "ref", "vague", "via", "title", "authors", "year", "url", "surface")


def _rows(report: Report) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for file in report.files:
        index = LineIndex(file.document.text)
        for s in file.sources:
            line, column = index.position(s.citation.span.start)
            rows.append({
                "path": file.path, "line": line, "column": column, "id": s.id, "kind": s.kind.value,
                "ref": s.ref or "", "vague": s.citation.vague, "via": s.via or "", "title": s.title or "",
                "authors": "; ".join(s.authors), "year": s.year or "", "url": s.url or "",
                "surface": " ".join(s.citation.surface.split()),
            })
    return rows


def _table(report: Report) -> str:
    rows = _rows(report)
    if not rows:
        return "no sources found\n"
    out = []
    for row in rows:
        flags = " ".join(x for x in (f"→{row['ref']}" if row["ref"] else "unresolved",
                                     "vague" if row["vague"] else "", f"via {row['via']}" if row["via"] else "") if x)
        surface = row["surface"] if len(row["surface"]) <= 70 else row["surface"][:69] + "…"
        out.append(f"{row['path']}:{row['line']}:{row['column']}  {row['id']:<4} {row['kind']:<8} {surface}  [{flags}]")
    return "\n".join(out) + "\n"


def _csv(report: Report) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in _rows(report):
        writer.writerow(row)
    return buffer.getvalue()


def _name_parts(name: str) -> dict[str, str]:
    if "," in name:
        family, given = (p.strip() for p in name.split(",", 1))
        return {"family": family, "given": given}
    words = name.split()
    if len(words) == 1:
        return {"family": words[0]}
    return {"family": words[-1], "given": " ".join(words[:-1])}


def _key(source: Source, path: str) -> str:
    author = _name_parts(source.authors[0])["family"] if source.authors else (source.title or "source")
    base = re.sub(r"[^A-Za-z0-9]", "", strip_diacritics(author).split()[0] if author.split() else "source")
    stem = re.sub(r"[^A-Za-z0-9]", "", path.rsplit("/", 1)[-1].rsplit(".", 1)[0])[:12]
    return f"{base.lower() or 'source'}{source.year or ''}-{stem}-{source.id.lower()}"


def _csl(report: Report) -> str:
    items = []
    for file in report.files:
        for s in file.sources:
            item: dict[str, Any] = {"id": _key(s, file.path), "type": _CSL_TYPES[s.kind],
                                    "title": s.title or " ".join(s.citation.surface.split())}
            if s.authors:
                item["author"] = [_name_parts(a) for a in s.authors]
            if s.year:
                item["issued"] = {"date-parts": [[s.year]]}
            if s.url:
                item["URL"] = s.url
            if s.citation.publisher:
                item["publisher"] = s.citation.publisher
            if s.citation.isbn:
                item["ISBN"] = s.citation.isbn
            if s.citation.doi:
                item["DOI"] = s.citation.doi
            if s.citation.site:
                item["container-title"] = s.citation.site
            item["note"] = f"cited in {file.path} ({s.id}{', vague' if s.citation.vague else ''})"
            items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def _bibtex_escape(text: str) -> str:
    return text.replace("\\", "\\textbackslash{}").replace("{", "\\{").replace("}", "\\}").replace("&", "\\&") \
        .replace("%", "\\%").replace("$", "\\$").replace("#", "\\#").replace("_", "\\_")


def _bibtex(report: Report) -> str:
    entries = []
    for file in report.files:
        for s in file.sources:
            fields = [("title", s.title or " ".join(s.citation.surface.split()))]
            if s.authors:
                fields.append(("author", " and ".join(s.authors)))
            if s.year:
                fields.append(("year", str(s.year)))
            if s.citation.publisher:
                fields.append(("publisher", s.citation.publisher))
            if s.url:
                fields.append(("url", s.url))
            if s.citation.isbn:
                fields.append(("isbn", s.citation.isbn))
            if s.citation.doi:
                fields.append(("doi", s.citation.doi))
            fields.append(("note", f"cited in {file.path}"))
            body = ",\n".join(f"  {k} = {{{_bibtex_escape(v) if k not in ('url', 'doi') else v}}}" for k, v in fields)
            entries.append(f"@{_BIBTEX_TYPES[s.kind]}{{{_key(s, file.path)},\n{body}\n}}")
    return "\n\n".join(entries) + ("\n" if entries else "")


def render_sources(report: Report, fmt: str) -> str:
    match fmt:
        case "table":
            return _table(report)
        case "json":
            from citecheck.report.json_format import report_dict

            data = report_dict(report)
            return json.dumps({"schema": data["schema"], "tool": data["tool"],
                               "files": [{"path": f["path"], "sources": f["sources"]} for f in data["files"]]},
                              ensure_ascii=False, indent=2) + "\n"
        case "csv":
            return _csv(report)
        case "csl-json":
            return _csl(report)
        case "bibtex":
            return _bibtex(report)
    raise ValueError(f"unknown format {fmt!r}")
