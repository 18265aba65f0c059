"""Sending one request politely: concurrency limits, a per-request deadline, Retry-After and backoff,
a capped body, and every failure turned into a link status (never an exception)."""

from __future__ import annotations

import asyncio
import email.utils
import types
from collections.abc import Awaitable, Callable, Coroutine, Generator
from dataclasses import dataclass
from typing import Any, TypeVar, cast

import httpx

from citecheck import __version__
from citecheck.config import LinkSettings
from citecheck.model import LinkStatus, ResponseOrigin
from citecheck.net.safety import BlockedAddress
from citecheck.net.transports import NotRecorded, drain, origin_of, read_capped

Send = Callable[[httpx.Request], Awaitable[httpx.Response]]
Sleep = Callable[[float], Awaitable[None]]
Clock = Callable[[], float]
RETRY_STATUSES = frozenset({429, 503})
_NO_BODY = httpx.ByteStream(b"")  # stateless, so one serves every request
T = TypeVar("T")
BACKOFF_BASE = 1.0


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    headers: httpx.Headers
    origin: ResponseOrigin
    body: bytes | None = None  # read only when asked for, and only for a 2xx answer
    truncated: bool = False
    attempts: int = 1


@dataclass(frozen=True, slots=True)
class Problem:
    status: LinkStatus
    detail: str
    origin: ResponseOrigin = ResponseOrigin.NONE
    try_get: bool = False  # a HEAD failed in a way a GET may not
    stale: bool = False  # maybe a dead keep-alive connection: worth one immediate retry


async def within(step: Coroutine[Any, Any, T], seconds: float) -> T:
    """``await step`` with a deadline of ``seconds`` (:class:`TimeoutError` after it).

    The deadline timer is armed only when ``step`` actually waits: an answer that is ready at once
    (a recorded one) costs no timer, which would cost more than the answer. Either way the deadline
    counts from the call.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    try:
        waiting_on = step.send(None)
    except StopIteration as done:
        return cast(T, done.value)
    async with asyncio.timeout_at(deadline):
        return cast(T, await _resume(step, waiting_on))


@types.coroutine
def _resume(step: Coroutine[Any, Any, Any], waiting_on: Any) -> Generator[Any, Any, Any]:
    """Go on with a coroutine that has already been stepped once and is waiting on ``waiting_on``:
    what ``await`` would do, from its first suspension on (so the task sees the same futures and
    any cancellation reaches ``step``)."""
    while True:
        try:
            sent = yield waiting_on
        except GeneratorExit:
            step.close()
            raise
        except BaseException as exc:  # a cancellation, or an error thrown in by the task
            try:
                waiting_on = step.throw(exc)
            except StopIteration as done:
                return done.value
        else:
            try:
                waiting_on = step.send(sent)
            except StopIteration as done:
                return done.value


def retry_delay(retry_after: str | None, attempt: int, *, now: float, cap: float) -> float | None:
    """Seconds to wait before retry number ``attempt + 1``, or None when the wait would exceed ``cap``.

    ``Retry-After`` (seconds or an HTTP date) is honoured as given; without it the wait doubles
    from one second on each attempt.
    """
    if retry_after:
        value = retry_after.strip()
        try:
            wait = float(value)
        except ValueError:
            try:
                wait = email.utils.parsedate_to_datetime(value).timestamp() - now
            except (TypeError, ValueError, IndexError, OverflowError):
                wait = BACKOFF_BASE * 2.0**attempt
        wait = max(0.0, wait)
        return wait if wait <= cap else None
    return min(cap, BACKOFF_BASE * 2.0**attempt)


def _is_seconds(value: str) -> bool:
    try:
        float(value.strip())
    except ValueError:
        return False
    return True


def default_user_agent() -> str:
    return f"citecheck/{__version__} (+https://github.com/citecheck/citecheck)"


class Fetcher:
    def __init__(self, send: Send, settings: LinkSettings, *, sleep: Sleep, clock: Clock,
                 accept_encoding: str = "gzip, deflate") -> None:
        self.send = send
        self.settings = settings
        self.sleep = sleep
        self.clock = clock
        self.headers = httpx.Headers({
            "User-Agent": settings.user_agent or default_user_agent(),
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Encoding": accept_encoding,
        })
        self._headers_by_host: dict[bytes, httpx.Headers] = {}
        self.timeout = httpx.Timeout(settings.timeout, pool=None).as_dict()
        self.in_flight = asyncio.Semaphore(max(1, settings.concurrency))
        self.per_host: dict[str, asyncio.Semaphore] = {}
        self.used_clock = False  # a Retry-After date was read against the clock: verdicts depend on when

    def _host_slot(self, url: httpx.URL) -> asyncio.Semaphore:
        host = f"{url.host}:{url.port}"
        slot = self.per_host.get(host)
        if slot is None:
            slot = self.per_host[host] = asyncio.Semaphore(max(1, self.settings.per_host))
        return slot

    async def fetch(self, method: str, url: httpx.URL, *, read_body: bool = False) -> Answer | Problem:
        """Send with retries: 429/503 per Retry-After (bounded), and once more after a dropped connection."""
        attempt = 0
        retried_stale = False
        while True:
            result = await self._attempt(method, url, read_body)
            if isinstance(result, Problem):
                if result.stale and not retried_stale:
                    retried_stale = True
                    continue
                return result
            if result.status not in RETRY_STATUSES or attempt >= self.settings.retries:
                return result if attempt == 0 else _with_attempts(result, attempt + 1)
            retry_after = result.headers.get("retry-after")
            if retry_after and not _is_seconds(retry_after):
                self.used_clock = True
            wait = retry_delay(retry_after, attempt, now=self.clock(), cap=self.settings.max_retry_wait)
            if wait is None:
                return _with_attempts(result, attempt + 1)
            attempt += 1
            await self.sleep(wait)

    def _request(self, method: str, url: httpx.URL) -> httpx.Request:
        """The request httpx would build for ``method url`` (Host first, then ours; no body), built
        directly: with ``stream=`` httpx skips its body encoding and header preparation, and the
        headers of a host are normalized once, not on every request."""
        netloc = url.netloc
        headers = self._headers_by_host.get(netloc)
        if headers is None:
            headers = self._headers_by_host[netloc] = httpx.Headers([(b"Host", netloc), *self.headers.raw])
        request = httpx.Request(method, url, headers=headers, stream=_NO_BODY, extensions={"timeout": self.timeout})
        request.read()
        return request

    async def _exchange(self, request: httpx.Request, read_body: bool) -> Answer:
        return await self._answer(await self.send(request), read_body)

    async def _attempt(self, method: str, url: httpx.URL, read_body: bool) -> Answer | Problem:
        try:
            request = self._request(method, url)
        except (httpx.InvalidURL, ValueError) as exc:
            return Problem(LinkStatus.UNSUPPORTED, f"invalid URL: {exc}")
        async with self._host_slot(url), self.in_flight:
            try:
                return await within(self._exchange(request, read_body), self.settings.timeout)
            except BlockedAddress as exc:
                return Problem(LinkStatus.BLOCKED, f"not contacted: {exc}")
            except NotRecorded:
                return Problem(LinkStatus.UNRECORDED, f"no recording of {method} {url}", try_get=True)
            except (TimeoutError, httpx.TimeoutException):
                return Problem(LinkStatus.TIMEOUT, f"no answer within {self.settings.timeout:g} s",
                               ResponseOrigin.LIVE)
            except httpx.UnsupportedProtocol as exc:
                return Problem(LinkStatus.UNSUPPORTED, str(exc))
            except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
                return Problem(LinkStatus.UNREACHABLE, f"{type(exc).__name__}: {exc}", ResponseOrigin.LIVE,
                               try_get=True, stale=True)
            except httpx.HTTPError as exc:
                return Problem(LinkStatus.UNREACHABLE, f"{type(exc).__name__}: {exc}" if str(exc) else
                               type(exc).__name__, ResponseOrigin.LIVE)
            except httpx.InvalidURL as exc:
                return Problem(LinkStatus.UNSUPPORTED, f"invalid URL: {exc}")

    async def _answer(self, response: httpx.Response, read_body: bool) -> Answer:
        origin = origin_of(response)
        status = response.status_code
        if not (read_body and 200 <= status < 300):
            if type(response.stream) is not httpx.ByteStream:  # an answer in memory holds no connection
                await drain(response, self.settings.max_body)
            return Answer(status, response.headers, origin)
        try:
            body, truncated = await read_capped(response, self.settings.max_body)
        except httpx.DecodingError:
            return Answer(status, response.headers, origin)
        return Answer(status, response.headers, origin, body, truncated)


def _with_attempts(answer: Answer, attempts: int) -> Answer:
    return Answer(answer.status, answer.headers, answer.origin, answer.body, answer.truncated, attempts)
