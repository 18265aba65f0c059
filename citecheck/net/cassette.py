"""Cassettes: recorded HTTP interactions in the VCR.py YAML format (version 1), one file per host.

A cassette may arrive in a pull request, so it is read with the safe YAML loader only (``!!binary``
bodies come back as bytes) and checked field by field; a malformed one raises
:class:`~citecheck.errors.CassetteError` naming the file and line. Bodies are kept decompressed.
"""

from __future__ import annotations

import gzip
import os
import tempfile
import zlib
from collections.abc import Collection, Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import yaml

from citecheck import __version__
from citecheck.errors import CassetteError
from citecheck.net.urls import match_key, plain_key

try:
    import brotli  # type: ignore[import-not-found, unused-ignore]
except ImportError:  # optional, as in httpx
    brotli = None

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # same safe constructors, in C
_Dumper: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
FORMAT_VERSION = 1
RECORDED_WITH = f"citecheck {__version__}"
_ENCODING_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})

Headers = tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Interaction:
    """One request and its answer. ``body`` is decompressed and at most ``max_body`` bytes."""

    method: str
    uri: str
    status: int
    reason: str = ""
    response_headers: Headers = ()
    body: bytes = b""
    request_headers: Headers = ()
    truncated: bool = False
    recorded_at: str | None = None
    recorded_with: str | None = None
    key: str = field(default="", compare=False)  # match_key of uri, set by the store

    def header(self, name: str) -> str | None:
        lowered = name.lower()
        return next((v for k, v in self.response_headers if k.lower() == lowered), None)


class _Invalid(Exception):
    def __init__(self, where: tuple[str | int, ...], message: str) -> None:
        super().__init__(message)
        self.where = where
        self.message = message


def _line_of(text: str, where: tuple[str | int, ...]) -> int | None:
    """The 1-based line of the node at ``where``; composing builds no Python objects."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for step in where:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if getattr(k, "value", None) == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            node = None
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


def _mapping(value: Any, where: tuple[str | int, ...]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Invalid(where, f"'{'.'.join(map(str, where)) or 'document'}' must be a mapping")
    return value


def _headers(value: Any, where: tuple[str | int, ...]) -> Headers:
    if value is None:
        return ()
    pairs: list[tuple[str, str]] = []
    for name, values in _mapping(value, where).items():
        items = values if isinstance(values, list) else [values]
        for item in items:
            if isinstance(item, dict | list) or item is None:
                raise _Invalid((*where, name), f"header {name!r} must be a string or a list of strings")
            pairs.append((str(name), str(item)))
    return tuple(pairs)


def _decompress(body: bytes, encoding: str) -> bytes | None:
    encoding = encoding.strip().lower()
    try:
        if encoding in ("gzip", "x-gzip"):
            return gzip.decompress(body)
        if encoding == "deflate":
            try:
                return zlib.decompress(body)
            except zlib.error:
                return zlib.decompress(body, -zlib.MAX_WBITS)
        if encoding == "br" and brotli is not None:
            return bytes(brotli.decompress(body))
        if encoding == "identity":
            return body
    except (OSError, EOFError, zlib.error) as exc:
        raise ValueError(f"body is not valid {encoding}: {exc}") from None
    return None


def normalize_body(body: bytes, headers: Headers) -> tuple[bytes, Headers]:
    """Decompress a recorded body (VCR.py keeps it compressed) and drop the encoding headers."""
    encoding = next((v for k, v in headers if k.lower() == "content-encoding"), None)
    if encoding is None:
        return body, headers
    decoded = body
    for layer in reversed(encoding.split(",")):
        step = _decompress(decoded, layer)
        if step is None:  # an encoding we cannot undo: keep it as recorded
            return body, headers
        decoded = step
    kept = tuple((k, v) for k, v in headers if k.lower() not in _ENCODING_HEADERS)
    return decoded, (*kept, ("Content-Length", str(len(decoded))))


def _interaction(raw: Any, index: int, drop_params: frozenset[str] = frozenset()) -> Interaction:
    where: tuple[str | int, ...] = ("interactions", index)
    item = _mapping(raw, where)
    request = _mapping(item.get("request"), (*where, "request"))
    response = _mapping(item.get("response"), (*where, "response"))
    method, uri = request.get("method"), request.get("uri")
    if not isinstance(method, str) or not method:
        raise _Invalid((*where, "request"), "request.method must be a string")
    if not isinstance(uri, str):
        raise _Invalid((*where, "request"), "request.uri must be a string")
    key = plain_key(uri, drop_params)
    if key is None:
        try:
            parsed = httpx.URL(uri)
            if parsed.scheme not in ("http", "https") or not parsed.host:
                raise ValueError("not an absolute http(s) URL")
        except (httpx.InvalidURL, ValueError) as exc:
            raise _Invalid((*where, "request", "uri"), f"request.uri {uri!r} is invalid: {exc}") from None
        key = match_key(parsed, drop_params)
    status = _mapping(response.get("status"), (*where, "response", "status"))
    code = status.get("code")
    if isinstance(code, bool) or not isinstance(code, int) or not 100 <= code <= 599:
        raise _Invalid((*where, "response", "status"), "response.status.code must be an HTTP status code")
    message = status.get("message") or ""
    body_field = _mapping(response.get("body", {"string": ""}), (*where, "response", "body"))
    body = body_field.get("string", "")
    if body is None:
        body = b""
    elif isinstance(body, str):
        body = body.encode("utf-8")
    elif not isinstance(body, bytes):
        raise _Invalid((*where, "response", "body"), "response.body.string must be text or !!binary")
    headers = _headers(response.get("headers"), (*where, "response", "headers"))
    try:
        body, headers = normalize_body(body, headers)
    except ValueError as exc:
        raise _Invalid((*where, "response", "body"), str(exc)) from None
    return Interaction(
        method=method.upper(),
        uri=uri,
        status=code,
        reason=str(message),
        response_headers=headers,
        body=body,
        request_headers=_headers(request.get("headers"), (*where, "request", "headers")),
        truncated=item.get("truncated") is True,
        recorded_at=str(item["recorded_at"]) if item.get("recorded_at") is not None else None,
        recorded_with=str(item["recorded_with"]) if item.get("recorded_with") is not None else None,
        key=key,
    )


class _Unusual(Exception):
    """The document uses a YAML feature the event reader leaves to the safe loader."""


_STR = "tag:yaml.org,2002:str"
_BINARY = "tag:yaml.org,2002:binary"
_PLAIN_TYPES = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
                          "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp"})
_MAP_TAGS = frozenset({None, "!", "tag:yaml.org,2002:map"})
_SEQ_TAGS = frozenset({None, "!", "tag:yaml.org,2002:seq"})
# The safe loader's implicit types (YAML 1.1), by the first character of a plain scalar.
_WILDCARD = tuple(yaml.resolver.Resolver.yaml_implicit_resolvers.get(None, ()))
_RESOLVERS: dict[str, tuple[tuple[str, Any], ...]] = {
    first: (*pairs, *_WILDCARD) for first, pairs in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
    if first is not None}
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_NO_KEY = object()


def _scalar(event: Any) -> Any:
    """A scalar as the safe loader constructs it (YAML 1.1 types, !!binary, !!str), else _Unusual."""
    tag, value = event.tag, event.value
    if tag is None or tag == "!":
        if not event.implicit[0]:
            return value  # quoted: a string
        for candidate, pattern in _RESOLVERS.get(value[:1], _WILDCARD):
            if pattern.match(value):
                tag = candidate
                break
        else:
            return value
    if tag == _STR:
        return value
    if tag == _BINARY or tag in _PLAIN_TYPES:
        node = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark)
        try:
            return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)
        except Exception:  # the safe loader says what is wrong, and where (or that the parse fails first)
            raise _Unusual(tag) from None
    raise _Unusual(tag)  # merge keys, "=", explicit or unknown tags: the safe loader decides


def _from_events(text: str) -> Any:
    """The document built straight from the C parser's events: what the safe loader returns, without
    its node tree and generic constructor, which cost several times the parse itself. Mappings,
    sequences, scalars, anchors and aliases; for anything else (_Unusual) the safe loader decides."""
    anchors: dict[str, Any] = {}
    # Open containers, innermost last: a list, or a _Frame for a mapping (a key waiting for its value).
    stack: list[Any] = []
    top: Any = None
    root: list[Any] = []
    documents = 0
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    loader = _Loader(text)
    next_event = loader.get_event  # None after the end of the stream
    try:
        while (event := next_event()) is not None:
            kind = type(event)
            frame: Any = None
            if kind is scalar_event:
                value = _scalar(event)
                if event.anchor is not None:
                    if event.anchor in anchors:  # an error for PyYAML's composer
                        raise _Unusual("a duplicate anchor")
                    anchors[event.anchor] = value
            elif kind is mapping_start or kind is sequence_start:
                if kind is mapping_start:
                    if event.tag not in _MAP_TAGS:
                        raise _Unusual(event.tag)
                    value = {}
                    frame = _Frame(value)
                else:
                    if event.tag not in _SEQ_TAGS:
                        raise _Unusual(event.tag)
                    value = frame = []
                if event.anchor is not None:
                    if event.anchor in anchors:
                        raise _Unusual("a duplicate anchor")
                    anchors[event.anchor] = value
            elif kind is mapping_end or kind is sequence_end:
                stack.pop()
                top = stack[-1] if stack else None
                continue
            elif kind is alias_event:
                if event.anchor not in anchors:
                    raise _Unusual("an undefined alias")
                value = anchors[event.anchor]
            else:
                if kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        raise _Unusual("several documents")
                continue
            # Place the value in the innermost open container.
            if top is None:
                root.append(value)
            elif type(top) is list:
                top.append(value)
            elif top.key is _NO_KEY:
                if type(value) is dict or type(value) is list:  # unhashable: the safe loader's error
                    raise _Unusual("a mapping or a sequence as a key")
                top.key = value
            else:
                top.mapping[top.key] = value
                top.key = _NO_KEY
            if frame is not None:
                stack.append(frame)
                top = frame
    finally:
        loader.dispose()
    return root[0] if root else None


class _Frame:
    __slots__ = ("key", "mapping")

    def __init__(self, mapping: dict[Any, Any]) -> None:
        self.mapping = mapping
        self.key: Any = _NO_KEY


_BATCH = 256  # interactions parsed at a time: PyYAML builds every node of what it parses first


def _batched(text: str) -> dict[str, Any] | None:
    """Parse the layout VCR.py and citecheck write (``interactions:`` with ``- `` items at column 0)
    a batch of items at a time, so that memory does not grow with the whole node tree.

    None when the text has any other shape or a batch does not parse on its own (an alias to an
    anchor in another batch, say); the caller then parses the whole document, which is always right.
    """
    lines = text.splitlines(keepends=True)
    head: list[str] = []
    spans: list[list[int]] = []
    in_items = False
    for number, line in enumerate(lines):
        first = line[:1]
        if line.startswith(("---", "...", "%")):
            return None
        if line.startswith("- ") or line.rstrip("\r\n") == "-":
            if not in_items:
                return None
            spans.append([number, number + 1])
        elif first in (" ", "\t", "\r", "\n", "#", ""):
            if spans and in_items:
                spans[-1][1] = number + 1
            else:
                head.append(line)
        else:
            in_items = line.partition(":")[0] == "interactions" and line.partition(":")[2].strip() == ""
            head.append(line)
    document = yaml.load("".join(head), Loader=_Loader)
    if not isinstance(document, dict) or (spans and document.get("interactions") is not None):
        return None
    items: list[Any] = []
    for start in range(0, len(spans), _BATCH):
        batch = spans[start : start + _BATCH]
        parsed = yaml.load("".join("".join(lines[a:b]) for a, b in batch), Loader=_Loader)
        if not isinstance(parsed, list) or len(parsed) != len(batch):
            return None
        items.extend(parsed)
    if spans:
        document["interactions"] = items
    return document


def parse_cassette(text: str, where: str, drop_params: Collection[str] = ()) -> list[Interaction]:
    """Check a cassette's text; any problem is a CassetteError naming ``where`` and the line."""
    try:
        try:
            data = _from_events(text)
        except (_Unusual, yaml.YAMLError):  # the safe loader decides, and names the line of an error
            try:
                data = _batched(text)
            except yaml.YAMLError:
                data = None
            if data is None:
                data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise CassetteError(f"invalid cassette YAML: {problem}", path=where, line=line) from None
    try:
        document = _mapping(data, ())
        if document.get("version") != FORMAT_VERSION:
            raise _Invalid(("version",), f"unsupported cassette version {document.get('version')!r} "
                           f"(expected {FORMAT_VERSION})")
        raw = document.get("interactions")
        if not isinstance(raw, list):
            raise _Invalid(("interactions",), "'interactions' must be a list")
        drop = frozenset(drop_params)
        return [_interaction(item, i, drop) for i, item in enumerate(raw)]
    except _Invalid as exc:
        raise CassetteError(f"malformed cassette: {exc.message}", path=where,
                            line=_line_of(text, exc.where)) from None


def read_cassette(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CassetteError(f"cannot read cassette: {exc.strerror}", path=str(path)) from None


def decode_cassette(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise CassetteError("cassette is not valid UTF-8", path=str(path)) from None


def load_cassette(path: Path, drop_params: Collection[str] = ()) -> list[Interaction]:
    """Read and check one cassette file."""
    return parse_cassette(decode_cassette(read_cassette(path), path), str(path), drop_params)


def _header_map(headers: Headers) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for name, value in headers:
        grouped.setdefault(name, []).append(value)
    return grouped


def _body_value(body: bytes) -> str | bytes:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body  # dumped as !!binary


def dump_cassette(interactions: Iterable[Interaction]) -> str:
    records = []
    for item in interactions:
        record: dict[str, Any] = {
            "request": {
                "body": None,
                "headers": _header_map(item.request_headers),
                "method": item.method,
                "uri": item.uri,
            },
            "response": {
                "body": {"string": _body_value(item.body)},
                "headers": _header_map(item.response_headers),
                "status": {"code": item.status, "message": item.reason},
            },
            "recorded_at": item.recorded_at,
            "recorded_with": item.recorded_with,
        }
        if item.truncated:
            record["truncated"] = True
        records.append(record)
    text: str = yaml.dump({"interactions": records, "version": FORMAT_VERSION}, Dumper=_Dumper,
                          sort_keys=True, allow_unicode=True, default_flow_style=False, width=100)
    return text


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file in the same directory, so readers see the old or new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(tmp, path)
    except BaseException as exc:
        with suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise CassetteError(f"cannot write cassette: {exc.strerror or exc}", path=str(path)) from None
        raise
    with suppress(OSError):  # make the rename itself durable where the platform allows it
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
