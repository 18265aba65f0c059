"""Inline suppressions: ``citecheck: disable ...`` directives written in the document itself.

In Markdown and HTML the directives live in comments::

    <!-- citecheck: disable CC301 -- quoted from the minutes -->
    ...
    <!-- citecheck: enable CC301 -->
    <!-- citecheck: disable-next-line CC201 -->
    <!-- citecheck: disable-file duplicated-passage -->

In plain text a line of its own holds the directive, optionally after ``#`` or ``//``::

    citecheck: disable-next-line CC301

Rules are named by code (``CC301``), prefix (``CC3``) or name (``unsupported-claim``); no rule
at all means every rule. A directive applies to findings whose span *starts* in its range;
"next line" is the next non-blank line that is not itself a directive. A directive that
suppresses nothing is reported as CC901 (like ruff's RUF100), one that cannot be understood
as CC902; both are returned among the kept findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from citecheck.model import Applicability, DocFormat, Document, Finding, Fix, Span
from citecheck.rules import finding
from citecheck.rules.registry import RULES, Rule, get_rule, matches

__all__ = ["DirectiveKind", "Selector", "Suppression", "active_rules", "apply_suppressions"]

META_CODES = frozenset({"CC901", "CC902"})


class DirectiveKind(StrEnum):
    DISABLE = "disable"
    ENABLE = "enable"
    DISABLE_NEXT_LINE = "disable-next-line"
    DISABLE_FILE = "disable-file"


@dataclass(frozen=True, slots=True)
class Selector:
    written: str  # as in the document
    key: str  # canonical: a code or prefix in upper case; "" = every rule


@dataclass(frozen=True, slots=True)
class Suppression:
    """One directive, resolved to the part of the document it covers."""

    kind: DirectiveKind
    selectors: tuple[Selector, ...]  # the valid ones; () = every rule
    span: Span  # the comment or line that holds the directive
    list_span: Span  # where the rules are written (empty when none are)
    removal: Span  # what to delete to remove the directive (its whole line when it stands alone)
    closed_by: Span | None = None  # the ``enable`` that ends a ``disable`` range

    @property
    def text(self) -> str:
        rules = " ".join(s.written for s in self.selectors)
        return f"{self.kind.value} {rules}".strip()


@dataclass(frozen=True, slots=True)
class _Raw:
    body: str  # the directive text after ``citecheck:``
    body_start: int  # offset of ``body`` in the document
    span: Span
    removal: Span


@dataclass(frozen=True, slots=True)
class _Problem:
    span: Span
    message: str
    anchor: str


@dataclass(frozen=True, slots=True)
class _Entry:
    """One selector of one directive and the range it covers."""

    directive: int
    selector: Selector
    region: Span


_PREFIX = re.compile(r"^\s*citecheck\s*:\s*", re.IGNORECASE)
_TEXT_LINE = re.compile(r"^[ \t]*(?:(?:#+|//)[ \t]*)?(citecheck[ \t]*:.*?)[ \t]*$", re.IGNORECASE)
_TEXT_COMMENT_LINE = re.compile(r"^[ \t]*<!--(.*?)-->[ \t]*$", re.DOTALL)
_REASON = re.compile(r"(?:^|\s)--(?:\s|$)")
_KIND = re.compile(r"^([A-Za-z][A-Za-z-]*)")
_SPLIT = re.compile(r"[^\s,]+")
_KINDS = ", ".join(k.value for k in DirectiveKind)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def active_rules(enabled: Iterable[str], links_mode: str) -> frozenset[str]:
    """Codes of the rules that could have fired in a run with these checks enabled.

    A suppression of a rule that did not run (``citecheck links`` does not look at claims;
    ``--links off`` checks no link) is not reported as unused.
    """
    on = set(enabled) | {"input", "suppressions"}
    if links_mode == "off":
        on.discard("links")
    return frozenset(r.code for r in RULES if r.group in on)


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The start of the line holding ``start`` and the end (after the newline) of the line holding ``end``."""
    line_start = text.rfind("\n", 0, start) + 1
    nl = text.find("\n", end)
    return line_start, len(text) if nl == -1 else nl + 1


def _removal(text: str, span: Span) -> Span:
    line_start, line_end = _line_bounds(text, span.start, span.end)
    before = text[line_start:span.start]
    after = text[span.end:line_end]
    if not before.strip() and not after.strip():
        return Span(line_start, line_end)
    if before.endswith((" ", "\t")) and not after.strip():
        return Span(len(before.rstrip(" \t")) + line_start, span.end)
    return span


def _raw_directives(doc: Document) -> list[_Raw]:
    text = doc.text
    out: list[_Raw] = []
    if doc.format is DocFormat.TEXT:
        cursor = 0
        for line in text.splitlines(keepends=True):
            body_line = line.rstrip("\r\n")
            start = cursor
            cursor += len(line)
            match = _TEXT_LINE.match(body_line) or _TEXT_COMMENT_LINE.match(body_line)
            prefix = _PREFIX.match(match.group(1)) if match else None
            if match is None or prefix is None:
                continue
            span = Span(start, start + len(body_line))
            body = match.group(1)[prefix.end():]
            out.append(_Raw(body, start + match.start(1) + prefix.end(), span, Span(start, cursor)))
        return out
    code = _markdown_code(text) if doc.format is DocFormat.MARKDOWN else []
    for comment, span in doc.comments:
        if any(start <= span.start < end for start, end in code) or _in_code_span(text, span.start):
            continue  # a directive shown as an example, e.g. in documentation about suppressions
        inner = comment[4:-3] if comment.startswith("<!--") and comment.endswith("-->") else comment
        prefix = _PREFIX.match(inner)
        if prefix is None:
            continue
        offset = 4 if comment.startswith("<!--") else 0
        out.append(_Raw(inner[prefix.end():], span.start + offset + prefix.end(), span, _removal(text, span)))
    return out


def _markdown_code(text: str) -> list[tuple[int, int]]:
    """Fenced and indented code blocks of a Markdown text, as offset ranges."""
    ranges: list[tuple[int, int]] = []
    fence = ""
    start = cursor = 0
    indented, previous_blank = False, True  # an indented code block starts after a blank line
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        blank = not stripped.strip()
        match = _FENCE.match(stripped)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) \
                    and not stripped.strip().strip(fence[0]):
                ranges.append((start, cursor + len(line)))
                fence = ""
        elif match:
            fence, start = match.group(1), cursor
        elif not blank and stripped.startswith(("    ", "\t")) and (previous_blank or indented):
            ranges.append((cursor, cursor + len(line)))
            indented = True
        elif not blank:
            indented = False
        previous_blank = blank
        cursor += len(line)
    if fence:
        ranges.append((start, len(text)))
    return ranges


def _in_code_span(text: str, offset: int) -> bool:
    """Is ``offset`` inside an inline code span (an odd number of backtick runs before it on its line)?"""
    line_start = text.rfind("\n", 0, offset) + 1
    return len(re.findall(r"`+", text[line_start:offset])) % 2 == 1


def _selector(token: str) -> Selector | None:
    if token.upper() == "ALL":
        return Selector(token, "")
    if not any(matches(r, token) for r in RULES):
        return None
    named = get_rule(token)
    if named is not None and not token.upper().startswith("CC"):
        return Selector(token, named.code)
    return Selector(token, token.upper())


def _parse(raw: _Raw, problems: list[_Problem]) -> tuple[DirectiveKind, tuple[Selector, ...], Span] | None:
    body = raw.body
    reason = _REASON.search(body)
    head = body[: reason.start()] if reason else body
    kind_match = _KIND.match(head)
    written = " ".join(body.split())
    if kind_match is None or kind_match.group(1).lower() not in {k.value for k in DirectiveKind}:
        word = kind_match.group(1) if kind_match else head.strip()
        message = f"Invalid suppression: unknown directive '{word}' (expected one of {_KINDS})."
        problems.append(_Problem(raw.span, message, written))
        return None
    kind = DirectiveKind(kind_match.group(1).lower())
    rest = head[kind_match.end():]
    tokens = list(_SPLIT.finditer(rest))
    list_start = raw.body_start + kind_match.end() + (tokens[0].start() if tokens else 0)
    list_end = raw.body_start + kind_match.end() + (tokens[-1].end() if tokens else 0)
    selectors: list[Selector] = []
    for token in tokens:
        selector = _selector(token.group(0))
        if selector is None:
            problems.append(_Problem(raw.span, f"Invalid suppression: unknown rule '{token.group(0)}' in "
                                               f"`{written}` (see `citecheck rules`).", written))
            continue
        selectors.append(selector)
    if tokens and not selectors:
        return None  # only unknown rules: never widen to "every rule"
    return kind, tuple(selectors), Span(list_start, max(list_start, list_end))


def _directive_only_lines(text: str, spans: Sequence[Span]) -> set[int]:
    """Line starts of lines that hold nothing but directives (skipped by ``disable-next-line``)."""
    lines: set[int] = set()
    for span in spans:
        line_start, line_end = _line_bounds(text, span.start, span.end)
        rest = text[line_start:span.start] + text[span.end:line_end]
        if not rest.strip():
            cursor = line_start
            while cursor < line_end:
                lines.add(cursor)
                nl = text.find("\n", cursor, line_end)
                cursor = line_end if nl == -1 else nl + 1
    return lines


def _next_line(text: str, after: int, skip: set[int]) -> Span:
    nl = text.find("\n", after)
    cursor = len(text) if nl == -1 else nl + 1
    while cursor < len(text):
        nl = text.find("\n", cursor)
        end = len(text) if nl == -1 else nl + 1
        if text[cursor:end].strip() and cursor not in skip:
            return Span(cursor, end)
        cursor = end
    return Span(len(text), len(text))


def _directives(doc: Document) -> tuple[list[Suppression], list[_Entry], list[_Problem]]:
    """The directives of a document, the (selector, range) entries they make, and the malformed ones."""
    text = doc.text
    problems: list[_Problem] = []
    raws = _raw_directives(doc)
    parsed: list[tuple[_Raw, DirectiveKind, tuple[Selector, ...], Span]] = []
    for raw in raws:
        result = _parse(raw, problems)
        if result is not None:
            parsed.append((raw, *result))
    skip = _directive_only_lines(text, [raw.span for raw, *_ in parsed])
    directives: list[Suppression] = []
    entries: list[_Entry] = []
    open_ranges: dict[str, int] = {}  # selector key -> index into entries
    for raw, kind, selectors, list_span in parsed:
        keys = selectors or (Selector("", ""),)
        if kind is DirectiveKind.ENABLE:
            closing = [k.key for k in keys] if selectors else list(open_ranges)
            if not closing or any(key not in open_ranges for key in closing):
                written = " ".join(raw.body.split())
                message = f"Invalid suppression: `{written}` has no matching `disable`."
                problems.append(_Problem(raw.span, message, written))
            for key in closing:
                index = open_ranges.pop(key, None)
                if index is None:
                    continue
                entry = entries[index]
                entries[index] = replace(entry, region=Span(entry.region.start, raw.span.start))
                directives[entry.directive] = replace(directives[entry.directive], closed_by=raw.span)
            continue
        match kind:
            case DirectiveKind.DISABLE_FILE:
                region = Span(0, len(text) + 1)
            case DirectiveKind.DISABLE_NEXT_LINE:
                region = _next_line(text, raw.span.end, skip)
            case DirectiveKind.DISABLE:
                region = Span(raw.span.end, len(text) + 1)
        directives.append(Suppression(kind, selectors, raw.span, list_span, raw.removal))
        for selector in keys:
            entries.append(_Entry(len(directives) - 1, selector, region))
            if kind is DirectiveKind.DISABLE:
                open_ranges[selector.key] = len(entries) - 1
    return directives, entries, problems


def _picks(selector: Selector, rule: Rule) -> bool:
    return selector.key == "" or matches(rule, selector.key)


def _covers(entry: _Entry, span: Span) -> bool:
    return entry.region.start <= span.start < entry.region.end


def _suppress(findings: Iterable[Finding], entries: Sequence[_Entry], used: set[int], *,
              explicit_only: bool) -> tuple[list[Finding], int]:
    """Drop the findings some entry covers; record in ``used`` the entries that dropped one."""
    kept: list[Finding] = []
    suppressed = 0
    for f in findings:
        rule = get_rule(f.code)
        hit = False
        for index, entry in enumerate(entries):
            if rule is None or not _covers(entry, f.span):
                continue
            if explicit_only and entry.selector.key == "":
                continue
            if _picks(entry.selector, rule):
                used.add(index)
                hit = True
        if hit:
            suppressed += 1
        else:
            kept.append(f)
    return kept, suppressed


def _only_meta(selector: Selector) -> bool:
    return selector.key != "" and all(r.code in META_CODES for r in RULES if matches(r, selector.key))


def _unused_finding(doc: Document, directive: Suppression, unused: list[Selector]) -> Finding:
    written = directive.text
    all_unused = not directive.selectors or len(unused) == len(directive.selectors)
    fix: Fix | None = None
    if directive.closed_by is None or directive.kind is not DirectiveKind.DISABLE:
        if all_unused:
            fix = Fix("", directive.removal, Applicability.SAFE, "Remove the unused suppression")
        else:
            kept = [s.written for s in directive.selectors if s not in unused]
            listed = doc.text[directive.list_span.start:directive.list_span.end]
            joined = ", ".join(kept) if "," in listed else " ".join(kept)
            fix = Fix(joined, directive.list_span, Applicability.SAFE,
                      f"Remove {', '.join(s.written for s in unused)} from the suppression")
    if all_unused:
        message = f"Unused suppression: `{written}` suppressed nothing."
    else:
        names = ", ".join(s.written for s in unused)
        message = f"Unused suppression: {names} in `{written}` suppressed nothing."
    if directive.closed_by is not None and fix is None:
        message += (" Remove it and its `enable`." if all_unused
                    else " Remove them here and from its `enable`.")
    return finding("CC901", directive.span, message, anchor=written, fix=fix)


def apply_suppressions(doc: Document, findings: list[Finding], *,
                       active: frozenset[str] | None = None) -> tuple[list[Finding], int]:
    """Drop the findings the document's directives suppress.

    Returns the kept findings (plus CC901 for suppressions that suppressed nothing and CC902 for
    malformed ones) and the number suppressed. ``active`` says which rule codes ran; a
    suppression of rules that did not run is never reported as unused.
    """
    directives, entries, problems = _directives(doc)
    if not directives and not problems:
        return findings, 0
    checked = [r for r in RULES if r.code not in META_CODES and (active is None or r.code in active)]

    used: set[int] = set()
    kept, suppressed = _suppress(findings, entries, used, explicit_only=False)
    meta: list[Finding] = []
    for index, directive in enumerate(directives):
        unused = [e.selector for n, e in enumerate(entries) if e.directive == index and n not in used
                  and not _only_meta(e.selector) and any(_picks(e.selector, r) for r in checked)]
        if unused:
            meta.append(_unused_finding(doc, directive, unused))
    for problem in problems:
        meta.append(finding("CC902", problem.span, problem.message, anchor=problem.anchor))
    meta, meta_suppressed = _suppress(meta, entries, used, explicit_only=True)
    return kept + meta, suppressed + meta_suppressed
