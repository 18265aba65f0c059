"""A content-addressed index of parsed cassettes, so that replay does not parse the same YAML twice.

An entry is named by the SHA-256 of the cassette's bytes (and of the parameters that shape the
match keys), so it can never be stale: a changed cassette is a different name. An entry holds the
checked interactions as plain tuples of strings, numbers and bytes in :mod:`marshal` form — which,
unlike pickle, cannot create objects of any other type or run code — and is checked field by field
when read; it is written to a temporary file and renamed into place, so a reader never sees half of
one. Values that repeat (header lists, dates, methods) are stored once. Failures to read or write an
entry only cost a parse; the cassette stays the truth.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import tempfile
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

from citecheck.net.cassette import Interaction

_FORMAT = b"citecheck-cassette-index-2"
_MAGIC = _FORMAT + b"\n"
_MARSHAL_VERSION = 4  # references to repeated objects; readable by every Python citecheck supports
_SUFFIX = ".marshal"


def _name(data: bytes, drop_params: Collection[str]) -> str:
    digest = hashlib.sha256(_FORMAT)
    digest.update(b"\0" + ",".join(sorted(drop_params)).encode() + b"\0")
    digest.update(data)
    return digest.hexdigest() + _SUFFIX


def _rows(items: Sequence[Interaction]) -> tuple[tuple[Any, ...], ...]:
    shared: dict[Any, Any] = {}

    def once(value: Any) -> Any:
        return shared.setdefault(value, value)

    def headers(pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
        return once(tuple(once(pair) for pair in pairs))

    return tuple(
        (once(i.method), i.uri, i.status, once(i.reason), headers(i.response_headers), i.body,
         headers(i.request_headers), i.truncated, once(i.recorded_at), once(i.recorded_with), i.key)
        for i in items
    )


def _is_headers(value: object) -> bool:
    return type(value) is tuple and all(
        type(pair) is tuple and len(pair) == 2 and type(pair[0]) is str and type(pair[1]) is str for pair in value)


def _item(row: object, checked: dict[int, bool]) -> Interaction:
    """An interaction from a row, checked: a damaged or foreign entry is a miss, never a wrong answer."""
    if type(row) is not tuple or len(row) != 11:
        raise ValueError("not an index row")
    (method, uri, status, reason, headers, body, request_headers, truncated, recorded_at, recorded_with,
     key) = row
    for value in (headers, request_headers):  # shared tuples are checked once
        if not checked.get(id(value)):
            if not _is_headers(value):
                raise ValueError("bad headers")
            checked[id(value)] = True
    if not (type(method) is str and type(uri) is str and type(status) is int and type(reason) is str
            and type(body) is bytes and type(truncated) is bool and type(key) is str
            and (recorded_at is None or type(recorded_at) is str)
            and (recorded_with is None or type(recorded_with) is str)):
        raise ValueError("bad field")
    return Interaction(method=method, uri=uri, status=status, reason=reason, response_headers=headers, body=body,
                       request_headers=request_headers, truncated=truncated, recorded_at=recorded_at,
                       recorded_with=recorded_with, key=key)


class CassetteIndex:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def get(self, data: bytes, drop_params: Collection[str]) -> list[Interaction] | None:
        try:
            raw = (self.directory / _name(data, drop_params)).read_bytes()
            if not raw.startswith(_MAGIC):
                return None
            rows = marshal.loads(memoryview(raw)[len(_MAGIC):])
            if type(rows) is not tuple:
                return None
            checked: dict[int, bool] = {}
            return [_item(row, checked) for row in rows]
        except (OSError, ValueError, EOFError, TypeError):
            return None

    def put(self, data: bytes, drop_params: Collection[str], items: Sequence[Interaction]) -> None:
        try:
            payload = _MAGIC + marshal.dumps(_rows(items), _MARSHAL_VERSION)
        except ValueError:  # not a plain value: nothing to index
            return
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".index.", suffix=".tmp", dir=self.directory)
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
            os.replace(tmp, self.directory / _name(data, drop_params))
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
