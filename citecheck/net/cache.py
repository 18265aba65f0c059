"""Persistent caches of link verdicts (sqlite).

:class:`VerdictCache` keeps live verdicts so that repeated live runs do not hammer sites. Only
definite answers are kept, each for its own time: a live page for a week, a dead one for a day.
Errors, 5xx, 429, timeouts and unreachable hosts are never cached — they may pass.

:class:`ReplayMemo` keeps replay verdicts under a key that covers everything a replay depends on
(the bytes of every cassette, the checking settings, the citecheck version), so a memo can never be
stale and a hit is the very verdict a replay would give, origin included.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import fields, replace
from pathlib import Path
from types import TracebackType
from typing import Self

from citecheck.model import LinkStatus, LinkVerdict, Redirect, ResponseOrigin

DAY = 24 * 60 * 60.0
DEFAULT_TTL: Mapping[LinkStatus, float] = {
    LinkStatus.OK: 7 * DAY,
    LinkStatus.REDIRECTED: 7 * DAY,
    LinkStatus.BROKEN: 1 * DAY,
}
_SCHEMA_VERSION = 1


def cacheable(verdict: LinkVerdict, ttl: Mapping[LinkStatus, float] = DEFAULT_TTL) -> bool:
    code = verdict.http_status
    return verdict.status in ttl and not (code is not None and (code >= 500 or code == 429))


_VERDICT_FIELDS = tuple(sorted(f.name for f in fields(LinkVerdict)))
_dumps = json.JSONEncoder().encode


def _encode(verdict: LinkVerdict) -> str:
    """``json.dumps(asdict(verdict), sort_keys=True)``, without asdict's deep copy of every field."""
    data = {name: getattr(verdict, name) for name in _VERDICT_FIELDS}
    data["redirects"] = [{"status": hop.status, "url": hop.url} for hop in verdict.redirects]
    return _dumps(data)


def _decode(text: str, origin: ResponseOrigin | None = ResponseOrigin.CACHE) -> LinkVerdict:
    """The verdict stored as ``text``; with ``origin`` None it keeps the origin it was stored with."""
    data = json.loads(text)
    data["status"] = LinkStatus(data["status"])
    data["redirects"] = tuple(Redirect(**hop) for hop in data["redirects"])
    data["origin"] = ResponseOrigin(data["origin"]) if origin is None else origin
    return LinkVerdict(**data)


def _connect(path: Path, tables: Sequence[str]) -> sqlite3.Connection:
    """Open ``path`` with ``tables`` (CREATE statements); a damaged or outdated file is replaced —
    it is only a cache."""

    def open_db() -> sqlite3.Connection:
        db = sqlite3.connect(path)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version != _SCHEMA_VERSION:
                for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
                    db.execute(f'DROP TABLE IF EXISTS "{name}"')
                db.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
            for statement in tables:
                db.execute(statement)
            db.commit()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return open_db()
    except sqlite3.DatabaseError:
        with contextlib.suppress(OSError):
            path.unlink()
        return open_db()


def _rows_of(db: sqlite3.Connection, query: str, keys: Sequence[str], *extra: object) -> list[tuple[str, str]]:
    """``query`` (with ``{marks}`` for the keys) run over ``keys`` in chunks SQLite accepts."""
    rows: list[tuple[str, str]] = []
    for start in range(0, len(keys), 500):
        chunk = list(keys[start : start + 500])
        rows.extend(db.execute(query.format(marks=",".join("?" * len(chunk))), (*extra, *chunk)))
    return rows


class _SqliteStore:
    """An open SQLite file in the cache directory, closed by ``close`` or at the end of a ``with``."""

    _db: sqlite3.Connection

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


class VerdictCache(_SqliteStore):
    """``links.sqlite3`` in ``directory``: live verdicts, each kept for the time its status allows."""

    def __init__(self, directory: Path, *, clock: Callable[[], float] = time.time,
                 ttl: Mapping[LinkStatus, float] = DEFAULT_TTL) -> None:
        self.path = directory / "links.sqlite3"
        self.clock = clock
        self.ttl = ttl
        self._db = _connect(self.path, [
            "CREATE TABLE IF NOT EXISTS verdicts (url TEXT PRIMARY KEY, expires REAL, data TEXT)"])

    def get_many(self, urls: Sequence[str]) -> dict[str, LinkVerdict]:
        rows = _rows_of(self._db, "SELECT url, data FROM verdicts WHERE expires > ? AND url IN ({marks})",
                        urls, self.clock())
        return _decoded(rows, ResponseOrigin.CACHE)

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


def _decoded(rows: Iterable[tuple[str, str]], origin: ResponseOrigin | None) -> dict[str, LinkVerdict]:
    found: dict[str, LinkVerdict] = {}
    for url, data in rows:
        try:
            found[url] = _decode(data, origin)
        except (ValueError, KeyError, TypeError):
            continue  # written by another version: a miss
    return found


def replay_key(cassette_dir: Path, fingerprint: str) -> str:
    """What a replay's verdicts depend on, hashed: ``fingerprint`` (the checking settings and the
    citecheck version) and the name and bytes of every cassette in ``cassette_dir``."""
    digest = hashlib.sha256(b"citecheck-replay-memo\0" + fingerprint.encode("utf-8") + b"\0")
    if cassette_dir.is_dir():
        for path in sorted(cassette_dir.glob("*.yaml")):
            if path.is_file():
                data = path.read_bytes()
                digest.update(f"{path.name}\0{len(data)}\0".encode())
                digest.update(data)
    return digest.hexdigest()


class ReplayMemo(_SqliteStore):
    """``replay.sqlite3`` in ``directory``: replay verdicts under a :func:`replay_key`.

    Only the memos of the few most recently used keys are kept, so editing cassettes does not grow
    the file without bound.
    """

    KEEP_KEYS = 4

    def __init__(self, directory: Path, key: str, *, clock: Callable[[], float] = time.time) -> None:
        self.path = directory / "replay.sqlite3"
        self.key = key
        self.clock = clock
        self._db = _connect(self.path, [
            "CREATE TABLE IF NOT EXISTS verdicts (key TEXT, url TEXT, data TEXT, PRIMARY KEY (key, url))",
            "CREATE TABLE IF NOT EXISTS keys (key TEXT PRIMARY KEY, used REAL)",
        ])

    def get_many(self, urls: Sequence[str]) -> dict[str, LinkVerdict]:
        rows = _rows_of(self._db, "SELECT url, data FROM verdicts WHERE key = ? AND url IN ({marks})",
                        urls, self.key)
        return _decoded(rows, None)

    def put_many(self, verdicts: Iterable[LinkVerdict]) -> int:
        rows = [(self.key, v.url, _encode(v)) for v in verdicts]
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO verdicts VALUES (?, ?, ?)", rows)
            self._db.execute("INSERT OR REPLACE INTO keys VALUES (?, ?)", (self.key, self.clock()))
            kept = "SELECT key FROM keys ORDER BY used DESC, key LIMIT ?"
            self._db.execute(f"DELETE FROM verdicts WHERE key NOT IN ({kept})", (self.KEEP_KEYS,))
            self._db.execute(f"DELETE FROM keys WHERE key NOT IN ({kept})", (self.KEEP_KEYS,))
        return len(rows)
