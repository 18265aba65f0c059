"""One httpx transport per link mode. The checker sends requests and reads responses; which of these
answered is visible only in ``response.extensions["citecheck.origin"]``, for the report.

- :class:`LiveTransport`: the network, through the address guard of :mod:`citecheck.net.safety`.
- :class:`ReplayTransport`: cassettes only; an unrecorded request raises :class:`NotRecorded`.
- :class:`RecordTransport`: replays what the cassettes hold, sends the rest to an inner transport
  and keeps the answers (VCR.py ``new_episodes``; ``rerecord`` sends everything).
"""

from __future__ import annotations

import datetime
from collections import OrderedDict
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import cast

import httpcore
import httpx

from citecheck.model import ResponseOrigin
from citecheck.net.cassette import RECORDED_WITH, Interaction
from citecheck.net.safety import AddressPolicy, GuardedBackend, Resolver, system_resolver
from citecheck.net.store import CassetteStore
from citecheck.net.urls import REDACTED, scrub_url

ORIGIN = "citecheck.origin"
_DROPPED_RESPONSE_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})

_CORE_ERRORS: tuple[tuple[type[Exception], type[httpx.TransportError]], ...] = (
    # Most specific first: httpcore's hierarchy mirrors httpx's.
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.ProxyError, httpx.ProxyError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
)


_Origin = tuple[bytes, bytes, int | None]  # scheme, host, port


class NotRecorded(httpx.TransportError):
    """Replay found no recording for the request; it is not an answer from the site."""


_ORIGINS = {origin.value: origin for origin in ResponseOrigin}


def origin_of(response: httpx.Response) -> ResponseOrigin:
    value = response.extensions.get(ORIGIN, ResponseOrigin.LIVE)
    return _ORIGINS.get(value) or ResponseOrigin(value)


@contextmanager
def _translated() -> Iterator[None]:
    try:
        yield
    except httpcore.ConnectionNotAvailable as exc:
        raise httpx.ConnectError(str(exc)) from exc
    except Exception as exc:
        for core, ours in _CORE_ERRORS:
            if isinstance(exc, core):
                raise ours(str(exc)) from exc
        raise


class _CoreStream(httpx.AsyncByteStream):
    def __init__(self, stream: AsyncIterator[bytes] | httpcore.Response) -> None:
        self._stream = stream

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with _translated():
            async for part in self._stream:  # type: ignore[union-attr]
                yield part

    async def aclose(self) -> None:
        close = getattr(self._stream, "aclose", None)
        if close is not None:
            with _translated():
                await close()


class LiveTransport(httpx.AsyncBaseTransport):
    """HTTP/1.1 over httpcore with every connection going through the address guard.

    One small pool per origin: httpcore's pool scans all its connections for every request, which
    costs more CPU than the network at a few hundred requests a second. Pools of origins no longer
    in use are closed once there are more than ``max_pools``, so open sockets stay bounded.
    """

    def __init__(self, policy: AddressPolicy, *, resolver: Resolver = system_resolver,
                 per_host: int = 4, max_pools: int = 64) -> None:
        self._backend = GuardedBackend(policy, resolver=resolver)
        self._ssl = httpx.create_ssl_context()
        self._per_host = max(1, per_host)
        self._max_pools = max(1, max_pools)
        self._pools: OrderedDict[_Origin, httpcore.AsyncConnectionPool] = OrderedDict()

    async def _pool(self, url: httpx.URL) -> httpcore.AsyncConnectionPool:
        origin = (url.raw_scheme, url.raw_host, url.port)
        pool = self._pools.get(origin)
        if pool is not None:
            self._pools.move_to_end(origin)
            return pool
        pool = self._pools[origin] = httpcore.AsyncConnectionPool(
            ssl_context=self._ssl, max_connections=self._per_host, max_keepalive_connections=self._per_host,
            keepalive_expiry=5.0, network_backend=self._backend)
        if len(self._pools) > self._max_pools:
            for key, old in list(self._pools.items())[: len(self._pools) - self._max_pools]:
                if all(connection.is_idle() for connection in old.connections):
                    del self._pools[key]
                    await old.aclose()
        return pool

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(scheme=request.url.raw_scheme, host=request.url.raw_host,
                             port=request.url.port, target=request.url.raw_path),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        pool = await self._pool(request.url)
        with _translated():
            answer = await pool.handle_async_request(core_request)
        extensions = {**answer.extensions, ORIGIN: ResponseOrigin.LIVE.value}
        return httpx.Response(status_code=answer.status, headers=answer.headers,
                              stream=_CoreStream(answer.stream), extensions=extensions)  # type: ignore[arg-type]

    async def aclose(self) -> None:
        pools, self._pools = list(self._pools.values()), OrderedDict()
        for pool in pools:
            await pool.aclose()


def replayed_response(item: Interaction, origin: ResponseOrigin,
                      headers: httpx.Headers | None = None) -> httpx.Response:
    """The answer ``item`` records; ``headers``, when given, are its headers already normalised
    (the response gets a copy)."""
    extensions: dict[str, object] = {ORIGIN: origin.value, "citecheck.truncated": item.truncated}
    if item.reason.isascii():
        extensions["reason_phrase"] = item.reason.encode("ascii")
    return httpx.Response(item.status, headers=list(item.response_headers) if headers is None else headers,
                          stream=httpx.ByteStream(item.body), extensions=extensions)


class ReplayTransport(httpx.AsyncBaseTransport):
    def __init__(self, store: CassetteStore) -> None:
        self.store = store
        self._headers: dict[tuple[tuple[str, str], ...], httpx.Headers] = {}  # normalised once per header list

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        item = self.store.replay(request.method, request.url)
        if item is None:
            raise NotRecorded(f"no recording of {request.method} {request.url}")
        headers = self._headers.get(item.response_headers)
        if headers is None:
            headers = self._headers[item.response_headers] = httpx.Headers(list(item.response_headers))
        return replayed_response(item, ResponseOrigin.CASSETTE, headers)


async def drain(response: httpx.Response, limit: int) -> None:
    """Read and drop at most ``limit`` raw bytes, then close: a fully read answer frees its
    connection for the next request, an unread one costs a new connection."""
    size = 0
    try:
        async for chunk in response.stream:  # type: ignore[union-attr]
            size += len(chunk)
            if size > limit:
                break
    finally:
        await response.aclose()


async def read_capped(response: httpx.Response, limit: int) -> tuple[bytes, bool]:
    """Read at most ``limit`` decoded bytes and close the stream; True when more was on offer."""
    chunks: list[bytes] = []
    size = 0
    truncated = False
    parts = cast(AsyncGenerator[bytes, None], response.aiter_bytes())
    try:
        async for chunk in parts:
            if size + len(chunk) > limit:
                chunks.append(chunk[: limit - size])
                truncated = True
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        await parts.aclose()
        await response.aclose()
    return b"".join(chunks), truncated or bool(response.extensions.get("citecheck.truncated"))


@dataclass(frozen=True, slots=True)
class Scrubber:
    headers: frozenset[str]
    params: frozenset[str]

    @classmethod
    def of(cls, headers: Collection[str], params: Collection[str]) -> Scrubber:
        return cls(frozenset(h.lower() for h in headers), frozenset(p.lower() for p in params))

    def header_pairs(self, pairs: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
        out = []
        for name, value in pairs:
            lowered = name.lower()
            if lowered in self.headers:
                value = REDACTED
            elif lowered in ("location", "content-location"):
                value = scrub_url(value, self.params)
            out.append((name, value))
        return tuple(out)


def _utc(timestamp: float) -> str:
    return datetime.datetime.fromtimestamp(timestamp, datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class RecordTransport(httpx.AsyncBaseTransport):
    def __init__(self, store: CassetteStore, inner: httpx.AsyncBaseTransport, *, scrubber: Scrubber,
                 max_body: int, clock: Callable[[], float], rerecord: bool = False) -> None:
        self.store = store
        self.inner = inner
        self.scrubber = scrubber
        self.max_body = max_body
        self.clock = clock
        self.rerecord = rerecord

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if not self.rerecord:
            item = self.store.replay(request.method, request.url)
            if item is not None:
                return replayed_response(item, ResponseOrigin.CASSETTE)
        response = await self.inner.handle_async_request(request)
        body, truncated = await read_capped(response, self.max_body)
        headers = [(k, v) for k, v in response.headers.multi_items() if k not in _DROPPED_RESPONSE_HEADERS]
        headers.append(("content-length", str(len(body))))
        reason = response.extensions.get("reason_phrase", b"")
        answer = Interaction(
            method=request.method,
            uri=str(request.url),
            status=response.status_code,
            reason=reason.decode("ascii", "replace") if isinstance(reason, bytes) else str(reason),
            response_headers=tuple(headers),
            body=body,
            request_headers=tuple((k.decode("latin-1"), v.decode("latin-1")) for k, v in request.headers.raw),
            truncated=truncated,
            recorded_at=_utc(self.clock()),
            recorded_with=RECORDED_WITH,
        )
        self.store.add(replace(
            answer,
            uri=scrub_url(answer.uri, self.scrubber.params),
            response_headers=self.scrubber.header_pairs(answer.response_headers),
            request_headers=self.scrubber.header_pairs(answer.request_headers),
        ))
        # The checker gets the unscrubbed answer so that a signed redirect still works while recording.
        return replayed_response(answer, ResponseOrigin.LIVE)

    async def aclose(self) -> None:
        await self.inner.aclose()
