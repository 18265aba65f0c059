"""Baselines: record today's findings so that CI reports only new ones.

A finding is identified by a fingerprint of its rule code, file path, anchor text (whitespace
normalized) and its occurrence index among findings with the same rule, path and anchor —
never its line number, so that a finding stays baselined when lines are inserted above it.
The file is JSON, written atomically with sorted keys and a stable order so that it diffs well.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any

from citecheck.config import find_repo_root
from citecheck.errors import BaselineError
from citecheck.fsutil import write_atomic
from citecheck.model import Finding, Report

__all__ = ["BASELINE_VERSION", "Baseline", "anchor_text", "filter_report", "fingerprints", "load_baseline",
           "normalize_path", "write_baseline"]

BASELINE_VERSION = 1
_ANCHOR_LIMIT = 200  # characters of anchor kept in the file for readers; the fingerprint hashes all of it


@dataclass(frozen=True, slots=True)
class Entry:
    fingerprint: str
    code: str
    path: str
    anchor: str
    occurrence: int


@dataclass(frozen=True, slots=True)
class Baseline:
    entries: tuple[Entry, ...] = ()
    path: str | None = None

    @property
    def fingerprints(self) -> frozenset[str]:
        return frozenset(e.fingerprint for e in self.entries)


def normalize_path(path: str, root: Path | None = None) -> str:
    """The path as recorded: relative to the repository root when it is inside it, POSIX, no ``./``.

    Relative to the root rather than to the working directory, so that a baseline written at the
    top of the repository still applies when citecheck runs in a subdirectory (or with absolute paths).
    """
    if root is not None and path and not path.startswith("<"):
        relative = os.path.relpath(os.path.abspath(path), root)
        if relative != ".." and not relative.startswith(".." + os.sep):
            path = relative
    posix = path.replace("\\", "/")
    return PurePosixPath(posix).as_posix() if posix else posix


def _default_root() -> Path:
    cwd = Path.cwd()
    return find_repo_root(cwd) or cwd


def anchor_text(finding: Finding, text: str) -> str:
    """What a finding is about, whitespace-normalized: its anchor, or else the text it spans."""
    anchor = finding.anchor or text[finding.span.start:finding.span.end] or finding.message
    return " ".join(anchor.split())


def _hash(code: str, path: str, anchor: str, occurrence: int) -> str:
    data = "\x1f".join((code, path, anchor, str(occurrence))).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:32]


def _entries(path: str, text: str, findings: Sequence[Finding]) -> list[Entry]:
    path = normalize_path(path)
    seen: Counter[tuple[str, str]] = Counter()
    out: list[Entry] = []
    for f in sorted(findings, key=lambda f: (f.span.start, f.span.end, f.code, f.message)):
        anchor = anchor_text(f, text)
        occurrence = seen[(f.code, anchor)]
        seen[(f.code, anchor)] += 1
        out.append(Entry(_hash(f.code, path, anchor, occurrence), f.code, path, anchor, occurrence))
    return out


def fingerprints(path: str, text: str, findings: Sequence[Finding]) -> dict[int, str]:
    """Fingerprint of each finding (keyed by its index in ``findings``); stable when lines move."""
    def key(i: int) -> tuple[int, int, str, str]:
        f = findings[i]
        return (f.span.start, f.span.end, f.code, f.message)

    order = sorted(range(len(findings)), key=key)
    entries = _entries(path, text, [findings[i] for i in order])
    return {i: entry.fingerprint for i, entry in zip(order, entries, strict=True)}


def baseline_of(report: Report, root: Path | None = None) -> Baseline:
    entries = [e for file in report.files
               for e in _entries(normalize_path(file.path, root), file.document.text, file.findings)]
    entries.sort(key=lambda e: (e.path, e.code, e.anchor, e.occurrence, e.fingerprint))
    return Baseline(tuple(entries))


def _shorten(anchor: str) -> str:
    return anchor if len(anchor) <= _ANCHOR_LIMIT else anchor[:_ANCHOR_LIMIT - 1] + "…"


def dumps(baseline: Baseline) -> str:
    data = {
        "version": BASELINE_VERSION,
        "tool": "citecheck",
        "findings": [{"fingerprint": e.fingerprint, "code": e.code, "path": e.path,
                      "anchor": _shorten(e.anchor), "occurrence": e.occurrence} for e in baseline.entries],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_baseline(path: Path, report: Report, *, root: Path | None = None) -> Baseline:
    """Record every finding of ``report`` in ``path`` (atomically) and return the baseline.

    Paths are recorded relative to ``root`` (default: the repository root of the working directory).
    """
    baseline = baseline_of(report, root or _default_root())
    write_atomic(Path(path), dumps(baseline).encode("utf-8"))
    return replace(baseline, path=str(path))


def _fail(path: Path, problem: str) -> BaselineError:
    return BaselineError(f"malformed baseline: {problem} (rewrite it with --write-baseline)", path=str(path))


def _entry(item: Any, index: int, path: Path) -> Entry:
    if not isinstance(item, dict):
        raise _fail(path, f"findings[{index}] must be an object")
    fingerprint = item.get("fingerprint")
    if not isinstance(fingerprint, str) or not fingerprint:
        raise _fail(path, f"findings[{index}] has no fingerprint")
    code, where, anchor = item.get("code", ""), item.get("path", ""), item.get("anchor", "")
    occurrence = item.get("occurrence", 0)
    if not all(isinstance(v, str) for v in (code, where, anchor)):
        raise _fail(path, f"findings[{index}]: code, path and anchor must be strings")
    if isinstance(occurrence, bool) or not isinstance(occurrence, int) or occurrence < 0:
        raise _fail(path, f"findings[{index}]: occurrence must be a non-negative whole number")
    return Entry(fingerprint, code, where, anchor, occurrence)


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file; a missing or malformed file raises :class:`BaselineError` naming it."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError("baseline file not found (create it with --write-baseline)",
                            path=str(path)) from None
    except UnicodeDecodeError:
        raise _fail(path, "not valid UTF-8") from None
    except OSError as exc:
        raise BaselineError(f"cannot read baseline: {exc.strerror}", path=str(path)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BaselineError(f"malformed baseline: invalid JSON: {exc.msg}", path=str(path),
                            line=exc.lineno) from None
    if not isinstance(data, dict):
        raise _fail(path, "expected a JSON object with 'version' and 'findings'")
    if data.get("version") != BASELINE_VERSION:
        raise _fail(path, f"unsupported version {data.get('version')!r} (expected {BASELINE_VERSION})")
    items = data.get("findings")
    if not isinstance(items, list):
        raise _fail(path, "'findings' must be a list")
    return Baseline(tuple(_entry(item, i, path) for i, item in enumerate(items)), str(path))


def filter_report(report: Report, baseline: Baseline, *, root: Path | None = None) -> Report:
    """The report without the findings recorded in ``baseline``; ``Report.baselined`` counts them."""
    known = baseline.fingerprints
    root = root or _default_root()
    files = []
    dropped = 0
    for file in report.files:
        prints = fingerprints(normalize_path(file.path, root), file.document.text, file.findings)
        kept = tuple(f for i, f in enumerate(file.findings) if prints[i] not in known)
        dropped += len(file.findings) - len(kept)
        files.append(replace(file, findings=kept))
    return replace(report, files=tuple(files), baselined=report.baselined + dropped)
