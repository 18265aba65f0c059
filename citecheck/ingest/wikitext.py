"""Wikitext pasted into a document: its markup is blanked so that the prose reads as the page does.

``'''bold'''`` and ``''italic''`` quotes, the target of an internal link (``[[Harold Briggs (British Army
officer)|Harold Briggs]]`` reads "Harold Briggs") and category or file links go; citation templates
and references stay, for the extractor. Only a document that shows wikitext (an internal link and a
template, a ``<ref>`` or bold quotes) is touched.
"""

from __future__ import annotations

import re

from citecheck.model import Span

_LINK = re.compile(r"\[\[(?P<target>[^\[\]|\n]{1,200}\|)?(?P<label>[^\[\]\n]{1,200})\]\]")
_HIDDEN_LINK = re.compile(r"\[\[(?:Category|File|Image|Kategorie|Catégorie):[^\[\]\n]{1,300}\]\]", re.IGNORECASE)
_QUOTES = re.compile(r"'{5}|'{3}|(?<!')''(?!')")


def internal_links(text: str) -> list[tuple[Span, str]]:
    """Every internal link that is no category, file or image link: its span and its target ("[[Berlin
    Wall#Fall|the fall]]" targets "Berlin Wall#Fall")."""
    hidden = {m.start() for m in _HIDDEN_LINK.finditer(text)}
    return [(Span(m.start(), m.end()), (m.group("target") or m.group("label")).rstrip("|").strip())
            for m in _LINK.finditer(text) if m.start() not in hidden]


def wikitext_markup(prose: str) -> list[Span]:
    """Spans of wikitext syntax to blank, or none when the document is not wikitext."""
    if "[[" not in prose or not ("{{" in prose or "<ref" in prose or "'''" in prose):
        return []
    spans: list[Span] = []
    for m in _HIDDEN_LINK.finditer(prose):
        spans.append(Span(m.start(), m.end()))
    hidden = {s.start for s in spans}
    for m in _LINK.finditer(prose):
        if m.start() in hidden:
            continue
        spans.append(Span(m.start(), m.start("label")))  # "[[" and "target|"
        spans.append(Span(m.end("label"), m.end()))  # "]]"
    for m in _QUOTES.finditer(prose):
        spans.append(Span(m.start(), m.end()))
    return sorted(spans)
