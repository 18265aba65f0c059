"""Quotations checked against the text of the source they cite.

The source text is the recorded response body of its URL (cassettes/) or a local text file
named in refs.yaml (``text:``). Both sides are normalised (case, curly and straight quotes,
dashes, white space, HTML tags and entities) and the quotation is aligned with rapidfuzz:
verbatim, near-verbatim (punctuation or spacing only), variant (some words differ; the
difference is shown), not found, or undecidable (too short, or no source text). An unavailable
source is never "not found".
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz

from citecheck.model import Span

_TAG = re.compile(r"<(script|style)[^>]*>.*?</\1>|<[^>]+>", re.DOTALL | re.IGNORECASE)
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'",
                         "–": "-", "—": "-", "‐": "-", "‑": "-", "\u00a0": " ", "…": "..."})


class QuoteVerdict(StrEnum):
    VERBATIM = "verbatim"
    NEAR_VERBATIM = "near-verbatim"
    VARIANT = "variant"
    NOT_FOUND = "not-found"
    UNDECIDABLE = "undecidable"


@dataclass(frozen=True, slots=True)
class QuoteCheck:
    span: Span  # the quotation in the document
    quote: str
    source_id: str
    verdict: QuoteVerdict
    score: float
    detail: str


def html_to_text(body: str) -> str:
    if "<" in body and ">" in body:
        body = _TAG.sub(" ", body)
    return html.unescape(body)


def normalize(text: str) -> str:
    text = text.translate(_QUOTES).lower()
    text = re.sub(r"\[[^\]]{0,40}\]", " ", text)  # editorial insertions and [...] omissions
    text = re.sub(r"[^\w\s'-]", " ", text)
    text = re.sub(r"(?<!\w)[-']+|[-']+(?!\w)", " ", text)  # dashes and quotes standing alone
    return " ".join(text.split())


def _words_diff(quote: str, found: str) -> str:
    a, b = quote.split(), found.split()
    parts: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "replace":
            parts.append(f"'{' '.join(a[i1:i2])}' where the source has '{' '.join(b[j1:j2])}'")
        elif op == "delete":
            parts.append(f"'{' '.join(a[i1:i2])}' is not in the source")
        elif op == "insert":
            parts.append(f"the source also has '{' '.join(b[j1:j2])}'")
    return "; ".join(parts[:4])


def check_quote(quote: str, source_text: str | None, *, min_chars: int = 12) -> tuple[QuoteVerdict, float, str]:
    q = normalize(quote)
    if len(q) < min_chars:
        return QuoteVerdict.UNDECIDABLE, 0.0, f"too short to check (under {min_chars} characters)"
    if source_text is None:
        return QuoteVerdict.UNDECIDABLE, 0.0, "the source text is not available"
    raw_exact = " ".join(quote.translate(_QUOTES).split())
    flat_source = " ".join(html_to_text(source_text).translate(_QUOTES).split())
    if raw_exact and raw_exact in flat_source:
        return QuoteVerdict.VERBATIM, 100.0, "found verbatim"
    s = normalize(html_to_text(source_text))
    if q in s:
        return QuoteVerdict.NEAR_VERBATIM, 100.0, "found (punctuation, case or spacing differ)"
    alignment = fuzz.partial_ratio_alignment(q, s)
    if alignment is None:
        return QuoteVerdict.NOT_FOUND, 0.0, "no close passage in the source"
    score = alignment.score
    start, end = alignment.dest_start, alignment.dest_end
    while start > 0 and s[start - 1] != " ":
        start -= 1
    while end < len(s) and s[end] != " ":
        end += 1
    found = s[start:end]
    if score >= 97:
        return QuoteVerdict.NEAR_VERBATIM, score, "found (punctuation, case or spacing differ)"
    if score >= 85 and len(found) >= 0.7 * len(q):
        return QuoteVerdict.VARIANT, score, _words_diff(q, found) or f"{score:.0f}% similar"
    return QuoteVerdict.NOT_FOUND, score, f"best match in the source is {score:.0f}% similar"
