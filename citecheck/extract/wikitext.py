"""Wikipedia's citation templates, wherever wikitext is pasted: ``{{cite book |last=Stubbs |first=Richard
|title=… |year=1989}}``, ``{{citation …}}``, short footnotes (``{{sfn|Stubbs|1989|p=98}}``) and a named
reference used again (``<ref name="Stubbs" />``), which cites what the first ``<ref name="Stubbs">`` held."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from citecheck.extract.titles import wikipedia_url
from citecheck.extract.vocabulary import YEAR
from citecheck.ingest.wikitext import internal_links
from citecheck.model import Citation, Document, SourceKind, Span

# a template's body may hold one level of nested templates ({{cite web |date={{date|…}}}})
_CITE = re.compile(r"\{\{\s*(?:[Cc]ite[ _](?P<type>[\w ]+?)|[Cc]itation)\s*(?P<body>\|(?:[^{}]|\{\{[^{}]*\}\})*)\}\}")
_SHORT = re.compile(r"\{\{\s*(?:sfn|sfnp|harvnb|harv|harvp|harvtxt|rp)\s*\|(?P<body>[^{}]*)\}\}", re.IGNORECASE)
_REF_TAG = re.compile(r"<ref\b(?P<attrs>[^<>]{0,300}?)(?P<empty>/)?>", re.IGNORECASE)
_REF_CLOSE = re.compile(r"</ref\s*>", re.IGNORECASE)
_REF_NAME = re.compile(r"\bname\s*=\s*(?:\"(?P<q>[^\"]*)\"|'(?P<s>[^']*)'|(?P<bare>[^\s/>]+))", re.IGNORECASE)
_KINDS = {"book": SourceKind.BOOK, "journal": SourceKind.ARTICLE, "news": SourceKind.ARTICLE,
          "newspaper": SourceKind.ARTICLE, "magazine": SourceKind.ARTICLE, "encyclopedia": SourceKind.BOOK,
          "web": SourceKind.WEB, "thesis": SourceKind.THESIS, "av media": SourceKind.VIDEO,
          "video": SourceKind.VIDEO, "episode": SourceKind.VIDEO, "interview": SourceKind.OTHER,
          "report": SourceKind.ARCHIVE, "archive": SourceKind.ARCHIVE, "letter": SourceKind.ARCHIVE}


def _params(body: str) -> dict[str, str]:
    """``|key=value`` pairs at the template's own level (not inside a nested template or link)."""
    parts: list[str] = []
    depth, current = 0, []
    for char in body:
        if char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
        if char == "|" and depth <= 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    out: dict[str, str] = {}
    positional = 0
    for part in parts:
        key, eq, value = part.partition("=")
        if eq:
            out[key.strip().lower()] = value.strip()
        elif part.strip():
            positional += 1
            out[str(positional)] = part.strip()
    return out


def _people(params: dict[str, str], role: str) -> tuple[str, ...]:
    """"last=Stubbs |first=Richard" (or last1/first1 …, author=, authorN=; editor-last= … for editors) as
    "Richard Stubbs"."""
    out: list[str] = []
    for n in ("", "1", "2", "3", "4", "5"):
        if role == "editor":
            last = params.get(f"editor-last{n}") or params.get(f"editor{n}-last") or params.get(f"editor-surname{n}")
            first = params.get(f"editor-first{n}") or params.get(f"editor{n}-first") or params.get(f"editor-given{n}")
        else:
            last = params.get(f"last{n}") or params.get(f"surname{n}") or params.get(f"author-last{n}")
            first = params.get(f"first{n}") or params.get(f"given{n}") or params.get(f"author-first{n}")
        whole = params.get(f"{role}{n}")
        if last:
            out.append(f"{first} {last}" if first else last)
        elif whole:
            out.append(whole)
    return tuple(dict.fromkeys(a for a in out if a))


def _citation(doc: Document, span: Span, kind_name: str | None, params: dict[str, str]) -> Citation:
    kind = _KINDS.get((kind_name or "").strip().lower(), SourceKind.OTHER)
    title = params.get("title") or params.get("script-title") or params.get("trans-title")
    year = re.search(YEAR, params.get("year") or params.get("date") or "")
    site = (params.get("newspaper") or params.get("journal") or params.get("work") or params.get("website")
            or params.get("magazine") or params.get("periodical") or None)
    if kind is SourceKind.OTHER and site:
        kind = SourceKind.ARTICLE
    elif kind is SourceKind.OTHER and params.get("publisher"):
        kind = SourceKind.BOOK
    return Citation(span, doc.text[span.start:span.end], kind, "cite-template",
                    title=re.sub(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]", r"\1", title) if title else None,
                    authors=_people(params, "author"), editors=_people(params, "editor"),
                    year=int(year.group(0)) if year else None, url=params.get("url") or None, site=site,
                    publisher=params.get("publisher") or None, isbn=params.get("isbn") or None,
                    doi=params.get("doi") or None)


# "See also [[Berlin Wall#Fall of the Berlin Wall]] and [[Günter Schabowski]]", "is in our article too: [[X]]":
# a talk page pointing its reader to an article (an article's own links are cross-references, not sources)
_POINTER_BEFORE = re.compile(r"(?i:\bsee(?:\s+also)?|\bcf\.|\bper|\b(?:our|the|this|that)\s+article(?:\s+on)?"
                             r"(?:\s+\w+){0,2}\s*:?|\bsection)\s*(?:\[\[[^\]\n]{1,120}\]\]\s*(?:,|and|or)\s*)*\Z")
# pages about the wiki itself, not about the subject: "[[WP:RS]]", "[[User talk:Ann]]"
_PROJECT_PAGE = re.compile(r"(?i:user|user talk|talk|wp|wikipedia|special|template|help|portal)\s*:")


def pointed_wikilinks(doc: Document) -> list[Citation]:
    """Internal links a writer points the reader to ("See also [[X]]"): Wikipedia pages cited as sources."""
    text = doc.text
    if "[[" not in text:
        return []
    out: list[Citation] = []
    for span, target in internal_links(text):
        title = target.split("#")[0].strip()
        line_start = text.rfind("\n", 0, span.start) + 1
        if not title or _PROJECT_PAGE.match(title) or _POINTER_BEFORE.search(
                text, max(line_start, span.start - 80), span.start) is None:
            continue
        out.append(Citation(span, text[span.start:span.end], SourceKind.WEB, "wikilink", title=title,
                            site="Wikipedia", url=wikipedia_url(title), url_inferred=True))
    return out


def cite_templates(doc: Document) -> list[Citation]:
    """Every citation template and short footnote in the document (re-used named references: reused_references)."""
    text = doc.text
    if "{{" not in text and "<ref" not in text.lower():
        return []
    out: list[Citation] = []
    for m in _CITE.finditer(text):
        out.append(_citation(doc, Span(m.start(), m.end()), m.group("type") or "", _params(m.group("body"))))
    for m in _SHORT.finditer(text):
        # "{{sfn|Stubbs|Short|1989|p=98}}": the names, then the year, as unnamed parameters in order
        positional = [v for k, v in _params(m.group("body")).items() if k.isdigit()]
        years = [v for v in positional if re.fullmatch(YEAR + r"[a-z]?", v)]
        authors = tuple(v for v in positional if v not in years)
        if authors:
            out.append(Citation(Span(m.start(), m.end()), m.group(0), SourceKind.OTHER, "author-year",
                                authors=authors[:3], year=int(years[0][:4]) if years else None))
    return sorted(out, key=lambda c: (c.span.start, c.span.end))


def reused_references(doc: Document, cited: list[Citation]) -> list[Citation]:
    """A named reference used again (``<ref name="Stubbs" />``) cites what the first ``<ref name="Stubbs">``
    held, a template or a plain entry: one citation at each use."""
    text = doc.text
    if "<ref" not in text.lower():
        return []
    out = sorted(cited, key=lambda c: (c.span.start, c.span.end))
    starts = [c.span.start for c in out]
    named: dict[str, Citation] = {}
    reuses: list[tuple[str, Span]] = []
    tags = list(_REF_TAG.finditer(text))
    closes = [m.end() for m in _REF_CLOSE.finditer(text)]
    for k, m in enumerate(tags):
        name_m = _REF_NAME.search(m.group("attrs") or "")
        name = next((g for g in name_m.groups() if g), "") if name_m else ""
        if not name:
            continue
        if m.group("empty"):
            reuses.append((name, Span(m.start(), m.end())))
            continue
        # the reference's body runs to the first </ref> before the next <ref>: one pass, however many are unclosed
        i = bisect_left(closes, m.end())
        next_tag = tags[k + 1].start() if k + 1 < len(tags) else len(text)
        if i == len(closes) or closes[i] > next_tag:
            continue
        first = bisect_left(starts, m.start())  # the first citation inside the reference, if any
        if first < len(out) and out[first].span.end <= closes[i] and name not in named:
            named[name] = out[first]
    return [replace(named[name], span=span, surface=text[span.start:span.end]) for name, span in reuses
            if name in named]
