"""``citecheck refs suggest``: refs.yaml stanzas for the sources the catalogue lacks."""

from __future__ import annotations

import re

import yaml

from citecheck.model import Report, SourceKind
from citecheck.resolve.lexicon import strip_diacritics


def _slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", strip_diacritics(text).lower())
    return "-".join(words[:6]) or "source"


def _tier(kind: SourceKind, url: str | None) -> str:
    if url and ("wikipedia.org" in url or "britannica.com" in url):
        return "tertiary"
    if kind is SourceKind.FORUM:
        return "user-generated"
    if kind in (SourceKind.DIARY, SourceKind.ARCHIVE):
        return "primary"
    return "secondary"


def suggest_stanzas(report: Report) -> str:
    seen: set[str] = set()
    stanzas: list[dict[str, object]] = []
    for file in report.files:
        for source in file.sources:
            c = source.citation
            if source.ref is not None or c.vague or c.anaphor:
                continue
            title = source.title or " ".join(c.surface.split())
            key = _slug(f"{(source.authors[0].split()[-1] + ' ') if source.authors else ''}{title}")
            if key in seen:
                continue
            seen.add(key)
            stanza: dict[str, object] = {"id": key, "title": title, "kind": c.kind.value}
            if source.authors:
                stanza["authors"] = list(source.authors)
            if source.year:
                stanza["year"] = source.year
            if c.publisher:
                stanza["publisher"] = c.publisher
            if c.isbn:
                stanza["isbn"] = c.isbn
            if c.doi:
                stanza["doi"] = c.doi
            if source.url:
                stanza["urls"] = [source.url]
            stanza["tier"] = _tier(c.kind, source.url)
            stanzas.append(stanza)
    if not stanzas:
        return "# every source is already in the catalogue\n"
    body = yaml.safe_dump({"sources": stanzas}, allow_unicode=True, sort_keys=False, width=100)
    return "# add these to refs.yaml (check titles, authors and years first)\n" + body
