"""URL exclusions: regexes from the configuration and from a ``.citecheckignore`` file."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from citecheck.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Exclusions:
    patterns: tuple[re.Pattern[str], ...] = ()

    def match(self, url: str) -> str | None:
        """The pattern that excludes ``url``, or None."""
        return next((p.pattern for p in self.patterns if p.search(url)), None)


def _compile(pattern: str, *, path: str, line: int | None) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ConfigError(f"invalid exclusion regex {pattern!r}: {exc}", path=path, line=line) from None


def read_ignore_file(path: Path) -> tuple[re.Pattern[str], ...]:
    """One regex per line; blank lines and lines starting with ``#`` are skipped. Missing: none."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read ignore file: {exc}", path=str(path)) from None
    patterns = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line and not line.startswith("#"):
            patterns.append(_compile(line, path=str(path), line=number))
    return tuple(patterns)


def load_exclusions(configured: Sequence[str], ignore_file: Path | None) -> Exclusions:
    patterns = [_compile(p, path="configuration (links.exclude)", line=None) for p in configured]
    if ignore_file is not None:
        patterns.extend(read_ignore_file(ignore_file))
    return Exclusions(tuple(patterns))
