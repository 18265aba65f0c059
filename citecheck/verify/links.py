"""Checking links: HEAD first and GET when needed, redirects followed one hop at a time, Retry-After
honoured, fragments looked up, soft-404s flagged, archived copies suggested for dead links.

Where answers come from is the transport's business (see :mod:`citecheck.net.transports`):

- ``replay`` answers from the cassettes only and makes no network call at all;
- ``live`` asks the network through the address guard, with the verdict cache in front;
- ``record`` replays what is recorded, asks the network for the rest and writes the new answers;
- ``off`` checks nothing.

"Could not check" (unrecorded, timeout, unreachable, blocked) is never reported as broken.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import json
import sys
import time
from collections import deque
from collections.abc import Callable, Sequence
from contextlib import AsyncExitStack
from dataclasses import dataclass, replace
from pathlib import Path

import httpx

from citecheck import __version__
from citecheck.config import LinkSettings
from citecheck.errors import CitecheckError
from citecheck.fsutil import default_cache_dir
from citecheck.model import LinkStatus, LinkVerdict, Redirect
from citecheck.net.cache import ReplayMemo, VerdictCache, replay_key
from citecheck.net.content import anchors, decode_body, fragment_missing, is_html, looks_soft_404
from citecheck.net.exclude import Exclusions, load_exclusions
from citecheck.net.fetch import Answer, Clock, Fetcher, Problem, Send, Sleep
from citecheck.net.index import CassetteIndex
from citecheck.net.safety import AddressPolicy, Resolver, system_resolver
from citecheck.net.store import CassetteStore
from citecheck.net.transports import LiveTransport, RecordTransport, ReplayTransport, Scrubber
from citecheck.net.urls import UnsupportedURL, checkable, is_plain, join_url, parse_checkable, split_fragment

WAYBACK_ENDPOINT = "https://archive.org/wayback/available"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PERMANENT_STATUSES = frozenset({301, 308})
# A HEAD answered with one of these may still be fine for a GET (servers that mishandle HEAD).
_GET_AFTER_HEAD = frozenset({*range(400, 429), *range(430, 500), 501})
# Denied or rate limited: the page may well exist, so it is "could not check", not "broken".
_NOT_JUDGED = frozenset({401, 403, 407, 429})


@dataclass(frozen=True, slots=True)
class _Page:
    """The outcome for a URL without its fragment, shared by every fragment variant."""

    verdict: LinkVerdict
    anchors: frozenset[str] | None = None  # None: not fetched with GET, not HTML or not readable
    truncated: bool = False


class _Checker:
    def __init__(self, fetcher: Fetcher, settings: LinkSettings, *, prefer_get: bool,
                 wayback_endpoint: str | None, wayback_timestamp: str | None) -> None:
        self.fetcher = fetcher
        self.settings = settings
        self.prefer_get = prefer_get
        self.wayback_endpoint = wayback_endpoint
        self.wayback_timestamp = wayback_timestamp

    async def page(self, url: str, start: httpx.URL, *, need_body: bool) -> _Page:
        method = "GET" if need_body or self.prefer_get else "HEAD"
        hops: list[Redirect] = []
        seen = {url}
        current = start
        while True:
            result = await self.fetcher.fetch(method, current, read_body=need_body)
            if method == "HEAD" and _worth_get(result):
                method = "GET"
                continue
            if isinstance(result, Problem):
                return _Page(LinkVerdict(url, result.status, origin=result.origin, detail=result.detail,
                                         redirects=tuple(hops), final_url=_final(hops, current)))
            if result.status in REDIRECT_STATUSES and (location := result.headers.get("location")):
                hops.append(Redirect(result.status, str(current)))
                try:
                    target = checkable(join_url(current, location.strip()))
                except (httpx.InvalidURL, UnsupportedURL, ValueError) as exc:
                    return _Page(self._verdict(url, result, hops, current, LinkStatus.UNSUPPORTED,
                                               f"redirects to an unusable address {location!r}: {exc}"))
                if len(hops) > self.settings.max_redirects:
                    return _Page(self._verdict(url, result, hops, target, LinkStatus.BROKEN,
                                               f"more than {self.settings.max_redirects} redirects"))
                visited = str(target).partition("#")[0]
                if visited in seen:
                    return _Page(self._verdict(url, result, hops, target, LinkStatus.BROKEN,
                                               f"redirect loop back to {target}"))
                seen.add(visited)
                current = target
                continue
            return await self._final_page(url, start, current, result, hops)

    def _verdict(self, url: str, answer: Answer, hops: list[Redirect], current: httpx.URL,
                 status: LinkStatus, detail: str) -> LinkVerdict:
        return LinkVerdict(url, status, http_status=answer.status, final_url=_final(hops, current),
                           origin=answer.origin, redirects=tuple(hops), detail=detail,
                           permanent=bool(hops) and all(h.status in PERMANENT_STATUSES for h in hops))

    async def _final_page(self, url: str, start: httpx.URL, current: httpx.URL, answer: Answer,
                          hops: list[Redirect]) -> _Page:
        code = answer.status
        tries = f" after {answer.attempts} attempts" if answer.attempts > 1 else ""
        if 200 <= code < 400:
            permanent = bool(hops) and all(h.status in PERMANENT_STATUSES for h in hops)
            status = LinkStatus.REDIRECTED if permanent else LinkStatus.OK
            verdict = self._verdict(url, answer, hops, current, status, f"{code}{tries}")
            if hops and looks_soft_404(start, current):
                verdict = replace(verdict, soft_404=True, detail=f"{code}, but lands on {current}")
            found = None
            if answer.body is not None and is_html(answer.headers.get("content-type")):
                found = anchors(answer.body)
            return _Page(verdict, found, answer.truncated)
        if code in _NOT_JUDGED:
            return _Page(self._verdict(url, answer, hops, current, LinkStatus.UNREACHABLE,
                                       f"{code} {_reason(code)}{tries}: the site refused to answer"))
        if code >= 400:
            verdict = self._verdict(url, answer, hops, current, LinkStatus.BROKEN,
                                    f"{code} {_reason(code)}{tries}")
            archived = await self.wayback(url)
            return _Page(replace(verdict, archive_url=archived) if archived else verdict)
        return _Page(self._verdict(url, answer, hops, current, LinkStatus.UNREACHABLE,
                                   f"unexpected answer {code}"))

    async def wayback(self, url: str) -> str | None:
        """The closest Wayback Machine snapshot, through the same transport (so it replays too)."""
        if not self.settings.wayback or not self.wayback_endpoint:
            return None
        params = {"url": url}
        if self.wayback_timestamp:
            params["timestamp"] = self.wayback_timestamp
        try:
            lookup = httpx.URL(self.wayback_endpoint, params=params)
        except (httpx.InvalidURL, ValueError):
            return None
        result = await self.fetcher.fetch("GET", lookup, read_body=True)
        if not isinstance(result, Answer) or result.status != 200 or result.body is None:
            return None
        try:
            closest = json.loads(result.body)["archived_snapshots"]["closest"]
        except (ValueError, KeyError, TypeError):
            return None
        if not isinstance(closest, dict) or closest.get("available") is not True:
            return None
        snapshot, status = closest.get("url"), str(closest.get("status", "200"))
        return snapshot if isinstance(snapshot, str) and status[:1] in ("2", "3") else None


def _worth_get(result: Answer | Problem) -> bool:
    if isinstance(result, Problem):
        return result.try_get
    return result.status in _GET_AFTER_HEAD


def _final(hops: list[Redirect], current: httpx.URL) -> str | None:
    return str(current) if hops else None


def _reason(code: int) -> str:
    return httpx.codes.get_reason_phrase(code) or "error"


def _with_fragment(page: _Page, url: str, fragment: str | None) -> LinkVerdict:
    verdict = page.verdict if page.verdict.url == url else replace(page.verdict, url=url)
    if fragment is None:
        return verdict
    if verdict.final_url is not None and "#" not in verdict.final_url:
        verdict = replace(verdict, final_url=f"{verdict.final_url}#{fragment}")
    if verdict.status.is_success() and page.anchors is not None and fragment_missing(fragment, page.anchors):
        if page.truncated:
            return replace(verdict, detail=f"{verdict.detail}; #{fragment} is not in the part of the "
                                           "page that was read (the read was capped)")
        return replace(verdict, missing_fragment=fragment)
    return verdict


@dataclass(frozen=True, slots=True)
class _Plan:
    """Which pages to fetch, and which input URLs read each page."""

    done: dict[str, LinkVerdict]
    pages: dict[str, list[tuple[str, str | None]]]  # page URL -> [(input URL, fragment)]
    parsed: dict[str, httpx.URL]  # page URL -> the same, parsed (a plain one only by _parse_pages)


def _plan(urls: Sequence[str], exclusions: Exclusions) -> _Plan:
    done: dict[str, LinkVerdict] = {}
    pages: dict[str, list[tuple[str, str | None]]] = {}
    parsed: dict[str, httpx.URL] = {}
    for url in dict.fromkeys(urls):
        pattern = exclusions.match(url)
        if pattern is not None:
            done[url] = LinkVerdict(url, LinkStatus.EXCLUDED, detail=f"matches {pattern!r}")
            continue
        base, fragment = split_fragment(url)
        if base not in pages and base not in parsed and not is_plain(base):
            try:
                parsed[base] = parse_checkable(base)
            except UnsupportedURL as exc:
                done[url] = LinkVerdict(url, LinkStatus.UNSUPPORTED, detail=str(exc))
                continue
        pages.setdefault(base, []).append((url, fragment or None))
    return _Plan(done, pages, parsed)


def _parse_pages(plan: _Plan) -> _Plan:
    """The plan with every page parsed: a plain URL is known to parse, so it is parsed only when it
    is to be fetched, not when the replay memo answers for it."""
    parsed = {}
    for base in plan.pages:
        url = plan.parsed.get(base)
        parsed[base] = parse_checkable(base) if url is None else url
    return _Plan(plan.done, plan.pages, parsed)


async def _no_sleep(seconds: float) -> None:
    """Replay waits for nobody: recorded answers are already there."""


async def check_links_async(
    urls: Sequence[str],
    settings: LinkSettings,
    *,
    cassette_dir: Path,
    cache_dir: Path | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    progress: bool = False,
    ignore_file: Path | None = None,
    clock: Clock = time.time,
    sleep: Sleep | None = None,
    resolver: Resolver = system_resolver,
    address_policy: AddressPolicy | None = None,
    wayback_endpoint: str | None = WAYBACK_ENDPOINT,
    wayback_timestamp: str | None = None,
) -> dict[str, LinkVerdict]:
    """The async core of :func:`check_links`; same arguments, same result."""
    if settings.mode == "off":
        return {url: LinkVerdict(url, LinkStatus.UNCHECKED) for url in dict.fromkeys(urls)}
    if settings.mode not in ("replay", "live", "record"):
        raise ValueError(f"unknown links mode {settings.mode!r}")
    if ignore_file is None and settings.ignore_file:
        ignore_file = Path(settings.ignore_file)
    plan = _plan(urls, load_exclusions(settings.exclude, ignore_file))
    verdicts = dict(plan.done)
    cache: VerdictCache | ReplayMemo | None = None
    index = None
    if settings.cache:
        directory = cache_dir or (Path(settings.cache_dir) if settings.cache_dir else default_cache_dir())
        if settings.mode == "live":
            cache = VerdictCache(directory, clock=clock)
        else:
            index = CassetteIndex(directory / "cassette-index")
            if settings.mode == "replay":
                fingerprint = _replay_fingerprint(settings, wayback_endpoint, wayback_timestamp)
                cache = ReplayMemo(directory, replay_key(cassette_dir, fingerprint), clock=clock)
    store = CassetteStore(cassette_dir, drop_params=settings.scrub_params, index=index)
    try:
        if cache is not None:
            wanted = [u for variants in plan.pages.values() for u, _ in variants]
            hits = cache.get_many(wanted)
            verdicts.update(hits)
            plan = _Plan(plan.done, {base: variants for base, variants in plan.pages.items()
                                     if any(u not in hits for u, _ in variants)}, plan.parsed)
        plan = _parse_pages(plan)
        async with AsyncExitStack() as stack:
            send = await _sender(stack, settings, store, transport, clock, resolver, address_policy)
            fetcher = Fetcher(send, settings, sleep=sleep or (_no_sleep if settings.mode == "replay"
                                                              else asyncio.sleep), clock=clock)
            checker = _Checker(fetcher, settings, prefer_get=settings.mode == "record",
                               wayback_endpoint=wayback_endpoint, wayback_timestamp=wayback_timestamp)
            fresh = await _run(checker, plan, progress=progress, sequential=settings.mode == "replay")
        verdicts.update(fresh)
        if settings.mode == "record":
            store.save()
        if cache is not None and not (isinstance(cache, ReplayMemo) and fetcher.used_clock):
            cache.put_many(fresh.values())
    finally:
        if cache is not None:
            cache.close()
    return {url: verdicts[url] for url in dict.fromkeys(urls)}


def _replay_fingerprint(settings: LinkSettings, wayback_endpoint: str | None, wayback_timestamp: str | None) -> str:
    """Everything besides the cassettes that a replayed verdict depends on: the settings, and the
    code that checks (its source, so that a development install never reads an older code's memo)."""
    relevant = replace(settings, cache=True, cache_dir="", timeout=0.0, concurrency=0, per_host=0)
    return f"{_checker_source_digest()}\n{relevant!r}\n{wayback_endpoint}\n{wayback_timestamp}"


@functools.cache
def _checker_source_digest() -> str:
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(__version__.encode())
    for path in [Path(__file__).resolve(), package / "model.py", *sorted((package / "net").glob("*.py"))]:
        with contextlib.suppress(OSError):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


async def _sender(stack: AsyncExitStack, settings: LinkSettings, store: CassetteStore,
                  transport: httpx.AsyncBaseTransport | None, clock: Clock, resolver: Resolver,
                  policy: AddressPolicy | None) -> Send:
    if settings.mode == "replay":
        # No client, no network transport: replay cannot open a socket even by mistake.
        return ReplayTransport(store).handle_async_request
    policy = policy or AddressPolicy(settings.allow_private)
    network = transport or LiveTransport(policy, resolver=resolver, per_host=settings.per_host,
                                         max_pools=2 * max(1, settings.concurrency))
    if settings.mode == "record":
        network = RecordTransport(store, network, max_body=settings.max_body, clock=clock,
                                  rerecord=settings.rerecord,
                                  scrubber=Scrubber.of(settings.scrub_headers, settings.scrub_params))
    # trust_env=False: a proxy from the environment would bypass the address guard.
    client = await stack.enter_async_context(httpx.AsyncClient(transport=network, trust_env=False))

    async def send(request: httpx.Request) -> httpx.Response:
        return await client.send(request, stream=True)

    return send


async def _run(checker: _Checker, plan: _Plan, *, progress: bool, sequential: bool) -> dict[str, LinkVerdict]:
    results: dict[str, LinkVerdict] = {}
    bar = _progress_bar(len(plan.pages)) if progress else None

    async def one(base: str, variants: list[tuple[str, str | None]]) -> None:
        page = await checker.page(base, plan.parsed[base], need_body=any(f for _, f in variants))
        for url, fragment in variants:
            results[url] = _with_fragment(page, url, fragment)
        if bar is not None:
            bar()

    waiting = deque(plan.pages.items())

    async def worker() -> None:
        while waiting:
            await one(*waiting.popleft())

    try:
        # A worker per page: every page starts at once and waits for its turn within the limits. A
        # replayed page never waits, so one worker does them all without a task for each.
        async with asyncio.TaskGroup() as group:
            for _ in range(1 if sequential else len(waiting)):
                group.create_task(worker())
    except BaseExceptionGroup as group:
        # A malformed cassette stops the run; callers expect our error, not a group of them.
        ours = group.subgroup(lambda exc: isinstance(exc, CitecheckError))
        raise (ours.exceptions[0] if ours else group.exceptions[0]) from None
    finally:
        if bar is not None:
            bar(close=True)
    return results


def _progress_bar(total: int) -> Callable[..., None] | None:
    """A rich progress bar on stderr, only for a terminal."""
    if not sys.stderr.isatty():
        return None
    try:
        from rich.console import Console
        from rich.progress import Progress
    except ImportError:
        return None
    bar = Progress(console=Console(stderr=True), transient=True)
    task = bar.add_task("checking links", total=total)
    bar.start()

    def advance(*, close: bool = False) -> None:
        if close:
            bar.stop()
        else:
            bar.advance(task)

    return advance


def check_links(
    urls: Sequence[str],
    settings: LinkSettings,
    *,
    cassette_dir: Path,
    cache_dir: Path | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    progress: bool = False,
    ignore_file: Path | None = None,
    clock: Clock = time.time,
    sleep: Sleep | None = None,
    resolver: Resolver = system_resolver,
    address_policy: AddressPolicy | None = None,
    wayback_endpoint: str | None = WAYBACK_ENDPOINT,
    wayback_timestamp: str | None = None,
) -> dict[str, LinkVerdict]:
    """Check every distinct URL once and return a verdict per URL (in input order).

    ``transport`` replaces the network (live and record modes; replay never uses it). ``ignore_file``
    defaults to ``settings.ignore_file`` relative to the working directory. ``clock`` (epoch seconds)
    and ``sleep`` are injectable so that retries and cache expiry are testable without waiting.
    Raises :class:`~citecheck.errors.CassetteError` for a malformed cassette and
    :class:`~citecheck.errors.ConfigError` for an invalid exclusion pattern.
    """
    return asyncio.run(check_links_async(
        urls, settings, cassette_dir=cassette_dir, cache_dir=cache_dir, transport=transport,
        progress=progress, ignore_file=ignore_file, clock=clock, sleep=sleep, resolver=resolver,
        address_policy=address_policy, wayback_endpoint=wayback_endpoint,
        wayback_timestamp=wayback_timestamp,
    ))


def recorded_text(url: str, cassette_dir: Path, *,
                  scrub_params: Sequence[str] = LinkSettings().scrub_params,
                  index_dir: Path | None = None) -> str | None:
    """The recorded body of ``url`` (after recorded redirects), decoded, or None when unrecorded.

    ``index_dir`` (e.g. ``default_cache_dir() / "cassette-index"``) keeps parsed cassettes between
    calls, which matters when many quotations point into one large cassette.
    """
    index = CassetteIndex(index_dir) if index_dir is not None else None
    store = CassetteStore(cassette_dir, drop_params=scrub_params, index=index)
    try:
        current = parse_checkable(split_fragment(url)[0])
    except UnsupportedURL:
        return None
    for _ in range(LinkSettings().max_redirects + 1):
        item = store.latest("GET", current)
        if item is None:
            return None
        location = item.header("location")
        if item.status in REDIRECT_STATUSES and location:
            try:
                current = checkable(join_url(current, location.strip()))
            except (httpx.InvalidURL, UnsupportedURL, ValueError):
                return None
            continue
        if not 200 <= item.status < 300:
            return None
        return decode_body(item.body, item.header("content-type"))
    return None

