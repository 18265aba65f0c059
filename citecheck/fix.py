"""Autofix: apply the edits findings carry (``Finding.fix``) to the files they were found in.

Only unambiguous, non-overlapping edits are applied: identical edits count once, different
edits of the same span cancel each other, and an edit overlapping an earlier one is dropped.
Safe edits are applied by default, unsafe ones only when asked. A file is rewritten atomically
(temporary file + rename) in its own encoding, byte-order mark and line endings; a file with
nothing to fix is never touched, and a file that is not valid UTF-8 (or changed since it was
read) is refused, never rewritten.
"""

from __future__ import annotations

import codecs
import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from citecheck.api import audit
from citecheck.config import Config
from citecheck.fsutil import write_atomic
from citecheck.model import Applicability, Document, FileReport, Finding, Fix

__all__ = ["FileFix", "FixOutcome", "apply_edits", "fix_paths", "plan_edits"]


@dataclass(frozen=True, slots=True)
class FileFix:
    path: str
    edits: tuple[Fix, ...]  # applied (or, with --diff, that would be applied)
    dropped: int = 0  # overlapping or ambiguous edits left out


@dataclass(frozen=True, slots=True)
class FixOutcome:
    files: tuple[FileFix, ...] = ()
    refused: tuple[tuple[str, str], ...] = ()  # (path, why the file was not rewritten)
    problems: tuple[str, ...] = ()  # inputs that could not be read at all
    unsafe_available: int = 0  # unsafe fixes left out (offer --unsafe-fixes)
    diff: str = ""
    written: bool = True  # False with --diff

    @property
    def fixed(self) -> int:
        return sum(len(f.edits) for f in self.files)

    @property
    def ok(self) -> bool:
        return not self.refused and not self.problems

    def summary_lines(self) -> list[str]:
        lines = list(self.problems)
        for path, reason in self.refused:
            lines.append(f"{path}: not rewritten: {reason}")
        verb = "Fixed" if self.written else "Would fix"
        changed = [f for f in self.files if f.edits]
        for file in self.files:
            if file.edits:
                lines.append(f"{file.path}: {verb.lower()} {_count(len(file.edits), 'issue')}")
            if file.dropped:
                skipped = _count(file.dropped, "overlapping or ambiguous fix", "es")
                lines.append(f"{file.path}: skipped {skipped}")
        if changed:
            lines.append(f"{verb} {_count(self.fixed, 'issue')} in {_count(len(changed), 'file')}.")
        else:
            lines.append("No fixes to apply.")
        if self.unsafe_available:
            lines.append(f"{_count(self.unsafe_available, 'more fix', 'es')} available with --unsafe-fixes.")
        return lines


def _count(n: int, word: str, plural: str = "s") -> str:
    return f"{n} {word}{'' if n == 1 else plural}"


def _wanted(fix: Fix | None, unsafe: bool) -> bool:
    if fix is None:
        return False
    return fix.applicability is Applicability.SAFE or (unsafe and fix.applicability is Applicability.UNSAFE)


def plan_edits(findings: Iterable[Finding], text: str, *, unsafe: bool = False) -> tuple[list[Fix], int]:
    """The edits to apply, sorted and non-overlapping, and how many were dropped."""
    by_span: dict[tuple[int, int], set[str]] = {}
    first: dict[tuple[int, int], Fix] = {}
    for f in findings:
        if not _wanted(f.fix, unsafe):
            continue
        assert f.fix is not None
        key = (f.fix.span.start, f.fix.span.end)
        by_span.setdefault(key, set()).add(f.fix.replacement)
        first.setdefault(key, f.fix)
    dropped = 0
    edits: list[Fix] = []
    for key in sorted(by_span):
        fix = first[key]
        if len(by_span[key]) > 1:  # two findings disagree on the replacement: apply neither
            dropped += len(by_span[key])
            continue
        if fix.span.end > len(text) or text[fix.span.start:fix.span.end] == fix.replacement:
            continue
        # after sorting, an edit conflicts with the last one kept if it starts inside it (or at the
        # same offset: two insertions at one point have no defined order)
        if edits and (edits[-1].span.end > fix.span.start or edits[-1].span.start == fix.span.start):
            dropped += 1
            continue
        edits.append(fix)
    return edits, dropped


def apply_edits(text: str, edits: Sequence[Fix], newline: str = "\n") -> str:
    """Apply sorted, non-overlapping edits; line breaks in replacements follow the file's."""
    pieces: list[str] = []
    cursor = 0
    for fix in edits:
        replacement = fix.replacement
        if newline != "\n" and "\n" in replacement:
            replacement = replacement.replace("\r\n", "\n").replace("\n", newline)
        pieces.append(text[cursor:fix.span.start])
        pieces.append(replacement)
        cursor = fix.span.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _codec(doc: Document, raw: bytes) -> tuple[str, bytes]:
    """The codec to decode ``raw`` strictly with, and the prefix (a UTF-16 BOM) it does not cover."""
    if doc.encoding == "utf-16":
        if raw.startswith(codecs.BOM_UTF16_LE):
            return "utf-16-le", raw[:2]
        if raw.startswith(codecs.BOM_UTF16_BE):
            return "utf-16-be", raw[:2]
    return "utf-8", b""  # a UTF-8 BOM stays in the text as U+FEFF


def _diff(path: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=f"a/{path}", tofile=f"b/{path}")
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _rewrite(file: FileReport, edits: list[Fix], diff: bool) -> tuple[str, str | None]:
    """Apply ``edits`` to the file on disk: (diff text, why it was refused or None)."""
    doc = file.document
    if any(notice.startswith("invalid UTF-8") for notice in doc.notices):
        return "", "not valid UTF-8 (fixing would replace the undecodable bytes); re-save it as UTF-8"
    path = Path(file.path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return "", f"cannot read: {exc.strerror}"
    codec, prefix = _codec(doc, raw)
    try:
        original = raw[len(prefix):].decode(codec)
    except UnicodeDecodeError:
        return "", f"not valid {codec.upper()}"
    if original != doc.text:
        return "", "the file changed while it was being checked; run the fix again"
    fixed = apply_edits(original, edits, doc.newline)
    if diff:
        return _diff(file.path, original, fixed), None
    try:
        write_atomic(path, prefix + fixed.encode(codec))
    except OSError as exc:  # the original is intact: write_atomic renames only a complete copy
        return "", f"cannot write: {exc.strerror or exc}"
    return "", None


def fix_paths(paths: Sequence[str], config: Config, *, unsafe: bool = False,
              diff: bool = False) -> FixOutcome:
    """Audit ``paths`` and apply the fixes of the findings that remain (after suppressions and selection).

    Links are checked as the configuration says (redirect fixes need link answers). With
    ``diff`` nothing is written and the outcome carries a unified diff.
    """
    result = audit(list(paths), config)
    files: list[FileFix] = []
    refused: list[tuple[str, str]] = []
    diffs: list[str] = []
    unsafe_available = 0
    for file in result.report.files:
        if not unsafe:
            unsafe_available += sum(1 for f in file.findings
                                    if f.fix is not None and f.fix.applicability is Applicability.UNSAFE)
        edits, dropped = plan_edits(file.findings, file.document.text, unsafe=unsafe)
        if not edits:
            if dropped:
                files.append(FileFix(file.path, (), dropped))
            continue
        if file.path == "<stdin>":
            refused.append((file.path, "standard input cannot be rewritten"))
            continue
        text, reason = _rewrite(file, edits, diff)
        if reason is not None:
            refused.append((file.path, reason))
            continue
        diffs.append(text)
        files.append(FileFix(file.path, tuple(edits), dropped))
    return FixOutcome(files=tuple(files), refused=tuple(refused),
                      problems=tuple(str(p) for p in result.problems), unsafe_available=unsafe_available,
                      diff="".join(diffs), written=not diff)
