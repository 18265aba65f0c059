"""A persistent cache of link verdicts (sqlite), so that repeated live runs do not hammer sites.

Only definite answers are kept, each for its own time: a live page for a week, a dead one for a day.
Errors, 5xx, 429, timeouts and unreachable hosts are never cached — they may pass.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, replace
from pathlib import Path
from types import TracebackType

from citecheck.model import LinkStatus, LinkVerdict, Redirect, ResponseOrigin

DAY = 24 * 60 * 60.0
DEFAULT_TTL: Mapping[LinkStatus, float] = {
    LinkStatus.OK: 7 * DAY,
    LinkStatus.REDIRECTED: 7 * DAY,
    LinkStatus.BROKEN: 1 * DAY,
}
_SCHEMA_VERSION = 1


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "citecheck"


def cacheable(verdict: LinkVerdict, ttl: Mapping[LinkStatus, float] = DEFAULT_TTL) -> bool:
    code = verdict.http_status
    return verdict.status in ttl and not (code is not None and (code >= 500 or code == 429))


def _encode(verdict: LinkVerdict) -> str:
    return json.dumps(asdict(verdict), sort_keys=True)


def _decode(text: str) -> LinkVerdict:
    data = json.loads(text)
    data["status"] = LinkStatus(data["status"])
    data["redirects"] = tuple(Redirect(**hop) for hop in data["redirects"])
    data["origin"] = ResponseOrigin.CACHE
    return LinkVerdict(**data)


class VerdictCache:
    """``links.sqlite3`` in ``directory``; a damaged or outdated file is replaced — it is only a cache."""

    def __init__(self, directory: Path, *, clock: Callable[[], float] = time.time,
                 ttl: Mapping[LinkStatus, float] = DEFAULT_TTL) -> None:
        self.path = directory / "links.sqlite3"
        self.clock = clock
        self.ttl = ttl
        directory.mkdir(parents=True, exist_ok=True)
        try:
            self._db = self._open()
        except sqlite3.DatabaseError:
            with contextlib.suppress(OSError):
                self.path.unlink()
            self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version != _SCHEMA_VERSION:
                db.execute("DROP TABLE IF EXISTS verdicts")
                db.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
            db.execute("CREATE TABLE IF NOT EXISTS verdicts (url TEXT PRIMARY KEY, expires REAL, data TEXT)")
            db.commit()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def get_many(self, urls: Sequence[str]) -> dict[str, LinkVerdict]:
        now = self.clock()
        found: dict[str, LinkVerdict] = {}
        for start in range(0, len(urls), 500):
            chunk = list(urls[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT url, data FROM verdicts WHERE url IN ({marks}) AND expires > ?", (*chunk, now)
            )
            for url, data in rows:
                try:
                    found[url] = _decode(data)
                except (ValueError, KeyError, TypeError):
                    continue  # written by another version: a miss
        return found

    def put_many(self, verdicts: Iterable[LinkVerdict]) -> int:
        now = self.clock()
        rows = [
            (v.url, now + self.ttl[v.status], _encode(replace(v, origin=ResponseOrigin.NONE)))
            for v in verdicts
            if cacheable(v, self.ttl)
        ]
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO verdicts VALUES (?, ?, ?)", rows)
            self._db.execute("DELETE FROM verdicts WHERE expires <= ?", (now,))
        return len(rows)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> VerdictCache:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()
