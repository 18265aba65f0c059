"""Hard-wrapped text (mail, Usenet, text taken from a PDF) read as the paragraphs it was written as.

A line break that a mail client put at the margin is not a boundary the writer meant: "an old Time-Life
volume, The\\nItalian Campaign" names one book. :func:`unwrap` turns such breaks into spaces, one character
for one, so that every offset into the result is still an offset into the text.
"""

from __future__ import annotations

import itertools
import re

from citecheck.ingest.markup import iter_lines

_MIN_LINES = 8  # fewer lines say nothing about a margin
_MIN_FILLED_SHARE = 0.4  # share of the lines that end near the margin in a wrapped text
_MARGIN_SLACK = 20  # a line this close to the margin was filled up to it
_MAX_MARGIN = 100  # wider lines were not wrapped by a mail client or an editor
# lines that stand on their own: list items, quoted mail, headings, signatures, rules, table rows
_OWN_LINE = re.compile(r"[ \t]*(?:[-*+•>|#=_~]|\d{1,3}[.)][ \t]|\[\d|[A-Z][\w-]*:[ \t]|https?://|www\.)")
_ENDS_SENTENCE = re.compile(r"[.!?:;)\]\"”]\s*$")
_ABBREVIATION_END = re.compile(r"\b(?:vol|vols|p|pp|no|nos|ed|eds|cf|ch|fig|Mr|Mrs|Dr|St|Lt|Col|Gen|Capt|Sgt|Pte)"
                               r"\.\s*$")


def wrap_margin(prose: str) -> int | None:
    """The column the text was wrapped at, or None when its lines were not wrapped at one."""
    lengths = [end - start for start, end in iter_lines(prose) if prose[start:end].strip()]
    if len(lengths) < _MIN_LINES:
        return None
    ordered = sorted(lengths)
    margin = ordered[int(len(ordered) * 0.95)]
    if margin > _MAX_MARGIN or margin < 2 * _MARGIN_SLACK:
        return None
    filled = sum(1 for n in lengths if n >= margin - _MARGIN_SLACK)
    return margin if filled / len(lengths) >= _MIN_FILLED_SHARE else None


def unwrap(prose: str, text: str) -> str:
    """``prose`` with each line break the margin made replaced by a space (same length, same offsets).
    ``text`` is what ``prose`` was read from: its list and quote markers say which lines stand alone.

    A break is the margin's when the line before it was filled close to the margin and neither line stands
    on its own (a list item, quoted mail, a heading, a link). A filled line that ends a sentence before a
    capital keeps its break ("vol.\nV" excepted): that may be where one entry of a list ends and the next
    begins."""
    margin = wrap_margin(prose)
    if margin is None:
        return prose
    lines = iter_lines(prose)
    chars = list(prose)
    for (start, end), (next_start, next_end) in itertools.pairwise(lines):
        line, following = prose[start:end], prose[next_start:next_end]
        if not line.strip() or not following.strip() or _OWN_LINE.match(text, start) or _OWN_LINE.match(
                text, next_start):
            continue
        if len(line.rstrip()) < margin - _MARGIN_SLACK:
            continue
        if _ENDS_SENTENCE.search(line) and not _ABBREVIATION_END.search(line) and following.lstrip()[0].isupper():
            continue
        chars[end] = " "
    return "".join(chars)
