"""A content-addressed index of parsed cassettes, so that replay does not parse the same YAML twice.

An entry is named by the SHA-256 of the cassette's bytes (and of the parameters that shape the
match keys), so it can never be stale: a changed cassette is a different name. Entries are JSON,
never pickle. Failures to read or write an entry only cost a parse; the cassette stays the truth.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

from citecheck.net.cassette import Interaction

_FORMAT = b"citecheck-cassette-index-1"


def _name(data: bytes, drop_params: Collection[str]) -> str:
    digest = hashlib.sha256(_FORMAT)
    digest.update(b"\0" + ",".join(sorted(drop_params)).encode() + b"\0")
    digest.update(data)
    return digest.hexdigest() + ".json"


def _row(item: Interaction) -> list[Any]:
    return [item.method, item.uri, item.status, item.reason, [list(h) for h in item.response_headers],
            base64.b64encode(item.body).decode("ascii"), [list(h) for h in item.request_headers],
            item.truncated, item.recorded_at, item.recorded_with, item.key]


def _item(row: list[Any]) -> Interaction:
    (method, uri, status, reason, headers, body, request_headers, truncated, recorded_at, recorded_with,
     key) = row
    return Interaction(method=method, uri=uri, status=status, reason=reason,
                       response_headers=tuple((k, v) for k, v in headers), body=base64.b64decode(body),
                       request_headers=tuple((k, v) for k, v in request_headers), truncated=truncated,
                       recorded_at=recorded_at, recorded_with=recorded_with, key=key)


class CassetteIndex:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def get(self, data: bytes, drop_params: Collection[str]) -> list[Interaction] | None:
        try:
            rows = json.loads((self.directory / _name(data, drop_params)).read_bytes())
            return [_item(row) for row in rows]
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def put(self, data: bytes, drop_params: Collection[str], items: Sequence[Interaction]) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".index.", suffix=".tmp", dir=self.directory)
        except OSError:
            return
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump([_row(item) for item in items], handle, separators=(",", ":"))
            os.replace(tmp, self.directory / _name(data, drop_params))
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
