"""The shortcuts that make replay fast give exactly what the general paths give.

- cassettes are built from the YAML parser's events instead of the safe loader's node tree;
- a redirect target is resolved without httpx.URL.join when it is a plain path or URL;
- a plain URL is known to be checkable, and its match key is known, without building an httpx.URL;
- a request is built directly instead of through httpx's body encoding and header preparation;
- the per-request deadline timer is armed only when an answer has to be waited for;
- a replayed answer's headers are normalised once per distinct header list.
"""

from __future__ import annotations

import asyncio
import math
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.config import LinkSettings
from citecheck.net.cassette import Interaction, _from_events, _Loader, _Unusual, dump_cassette
from citecheck.net.fetch import Fetcher, within
from citecheck.net.store import CassetteStore
from citecheck.net.transports import ReplayTransport
from citecheck.net.urls import UnsupportedURL, is_plain, join_url, match_key, parse_checkable, plain_key

# ---------------------------------------------------------------- YAML from events


def _outcome(load: Any, text: str) -> tuple[str, Any]:
    try:
        return "value", load(text)
    except _Unusual:
        return "unusual", None
    except yaml.YAMLError:
        return "yaml error", None
    except Exception as exc:  # the type is what is compared
        return "error", type(exc)


def _safe_load(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)  # the safe loader (in C), as parse_cassette uses it


def _same(text: str) -> None:
    fast = _outcome(_from_events, text)
    safe = _outcome(_safe_load, text)
    if fast[0] == "unusual":  # left to the safe loader, which then decides
        return
    assert fast[0] == safe[0], (text, fast, safe)
    assert repr(fast[1]) == repr(safe[1]), text  # repr: NaN, and 1 == True, must not hide a difference


@pytest.mark.parametrize("text", [
    "a: 1\nb: [1, 2, {c: d}]\n", "x: &a [1, 2]\ny: *a\n", "a: !!binary aGVsbG8=\n", "a: !!str 123\nb: !!int '5'\n",
    "a: 0x1F\nb: 1_000\nc: 1:30\nd: .inf\ne: -.5\nf: 1e3\ng: .nan\nh: 0o17\ni: 017\nj: 0b101\nk: +12\n",
    "a: yes\nb: No\nc: on\nd: OFF\ne: ~\nf:\ng: null\nh: 'null'\ni: 'yes'\n",
    "a: 2024-05-01T10:00:00Z\nb: 2024-05-01\nc: '2024-05-01'\n", "", "# a comment\n", "a: 'it''s'\nb: \"tab\\t\"\n",
    "c: |\n  line1\n  line2\nd: >\n  folded\n  text\n", "- a\n- b: c\n  d: [e, f]\n", "{a: 1, b: [x, y]}", "plain",
    "a: 1\na: 2\n", "1: one\n2.5: x\nnull: n\ntrue: t\n", "a: -\n", "a: !!map {b: c}\nb: !!seq [1]\n",
    # left to the safe loader (or failing the same way):
    "x: &a {k: v}\n<<: *a\n", "--- 1\n--- 2\n", "? [1, 2]\n: v\n", "x: &a [1]\n? *a\n: 2\n", "a: =\n", "a: !custom x\n",
    "a: !!python/object:os.system x\n", "a: *undefined\n", "a: 'x\n", "a: [1\n", "a: !!binary '%%%'\n",
    "c: !!set {x}\n", "&x a: &x b\n", "a: !!int !\n", "!\n",
])
def test_events_give_what_the_safe_loader_gives(text: str) -> None:
    _same(text)


def test_a_recursive_alias_is_the_same_object() -> None:
    value = _from_events("a: &r [1, *r]\n")
    assert value["a"][1] is value["a"]


_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20),
                     st.binary(max_size=20))
_data = st.recursive(_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(_data, st.booleans(), st.sampled_from([None, True, False]), st.integers(20, 120), st.booleans())
def test_events_equal_the_safe_loader_on_dumped_data(data: Any, unicode: bool, flow: bool | None, width: int,
                                                     canonical: bool) -> None:
    text = yaml.safe_dump({"doc": data, "shared": data}, allow_unicode=unicode, default_flow_style=flow,
                          width=width, canonical=canonical)
    assert _from_events(text) == _safe_load(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*"ab01-:[]{}&*!?|>'\"#,. \n\t%", "  ", "\n  ", "- ", ": ", "? ", "&x ", "&y ", "*x",
                                  "*y", "! ", "!x ", "!!str ", "!!int ", "!!float ", "!!null ", "!!timestamp ",
                                  "!!binary ", "!!map ", "!!seq ", "<<", "~", "yes", "0x", "2024-01-01", "---", "..."]),
                max_size=30))
def test_events_agree_with_the_safe_loader_on_any_text(pieces: list[str]) -> None:
    _same("".join(pieces))


# ---------------------------------------------------------------- redirect targets

_BASES = ["http://127.0.0.1:8080/a/b?x=1", "https://en.wikipedia.org/wiki/X", "https://[::1]:8443/p/",
          "http://user:pw@example.org/x", "https://example.org", "http://EXAMPLE.org:80/x#f", "http://h.org/a;b/c?d"]
_PIECES = [*"aZ09-._~!$&'()*+,;=:@/%?# \\\"<>", "%2F", "%zz", "..", "/.", "/..", "//", "é", "?", ";", "%41",
           "http://", "https://", "h.org", "X.Y:8080", ":443", ":99999"]


def _resolved(base: httpx.URL, location: str, join: Any) -> str:
    try:
        return str(join(base, location))
    except Exception as exc:  # the type is what is compared
        return f"error: {type(exc).__name__}"


@settings(max_examples=2000, deadline=None)
@given(st.sampled_from(_BASES), st.sampled_from(["", "/", "http://", "https://", "https://h.org", "http://h.org:8080/"]),
       st.lists(st.sampled_from(_PIECES), max_size=8))
def test_join_url_equals_httpx_join(base: str, prefix: str, pieces: list[str]) -> None:
    url = httpx.URL(base)
    location = prefix + "".join(pieces)
    assert _resolved(url, location, join_url) == _resolved(url, location, lambda b, loc: b.join(loc))


def test_join_url_examples() -> None:
    base = httpx.URL("https://example.org:8443/a/b?q=1")
    assert str(join_url(base, "/c/d?x=1&y=%2F")) == "https://example.org:8443/c/d?x=1&y=%2F"
    assert str(join_url(base, "https://other.org/z")) == "https://other.org/z"
    assert str(join_url(base, "../up")) == "https://example.org:8443/up"  # the general path
    assert str(join_url(base, "/a/./b/../c")) == "https://example.org:8443/a/c"


_URL_PIECES = [*"aZ09-._~!$&'()*+,;=:@/%?# \\\"<>[]", "%2F", "%zz", "%", "..", "/.", "/..", "//", "\u00e9", "%41",
               "utm_source=1", "a=2&b=1", "&&", "xn--", "xn--zz", ".", "1.2.3.4", "256", "01", ":80", ":443", ":0",
               ":65535", ":65536", ":99999", ":", "@", "\t", "\n", "A"]


def _key_or_error(url: str, drop: frozenset[str]) -> str:
    try:
        return match_key(parse_checkable(url), drop)
    except UnsupportedURL:
        return "unsupported"


_HOSTS = ["a", "A.b", "1.2.3.4", "255.255.255.255", "1.2.3.256", "1.2.3", "1.2.3.4.", "1.2.3.04", "a-b.c_d",
          "xn--a", "a.", "-a", "a" * 63, "a" * 64, "[::1]", "u@h", ""]
_PORTS = ["", ":80", ":443", ":0", ":1", ":080", ":65535", ":65536", ":00443", ":"]


@settings(max_examples=3000, deadline=None)
@given(st.sampled_from(["http://", "https://", "HTTP://", "ftp://", "http:/", ""]), st.sampled_from(_HOSTS),
       st.sampled_from(_PORTS), st.lists(st.sampled_from(_URL_PIECES), max_size=10),
       st.sampled_from([frozenset(), frozenset({"utm_source"})]))
def test_a_plain_url_is_checkable_with_the_key_httpx_gives(scheme: str, host: str, port: str, pieces: list[str],
                                                            drop: frozenset[str]) -> None:
    url = scheme + host + port + "".join(pieces)
    key = plain_key(url, drop)
    if key is not None:
        assert is_plain(url)
        assert key == _key_or_error(url, drop), url


@pytest.mark.parametrize("url", ["http://127.0.0.1:8080/p", "https://en.wikipedia.org/wiki/Foo_(bar)?b=2&a=1",
                                 "https://EXAMPLE.org:443", "http://a.b?", "https://h.org/%7Ex/;p=1:@"])
def test_common_urls_are_plain(url: str) -> None:
    assert plain_key(url, {"a"}) == match_key(parse_checkable(url), {"a"})


@pytest.mark.parametrize("url", ["http://1.2.3.256/", "http://01.2.3.4/", "http://h.org:0/", "http://h.org:65536/",
                                 "http://h.org/a/../b", "http://u@h.org/", "http://xn--zz/", "http://h.org/\u00e9",
                                 "http://h.org/a b", "http://[::1]/", "http://-h.org/"])
def test_urls_httpx_would_change_or_refuse_are_not_plain(url: str) -> None:
    assert plain_key(url) is None


# ---------------------------------------------------------------- requests


@pytest.mark.parametrize("url", ["https://example.org/page?x=1", "http://127.0.0.1:8080/p", "https://[::1]:8443/",
                                 "https://example.org:443/", "https://B\u00fccher.example/"])
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_requests_are_what_httpx_would_build(url: str, method: str) -> None:
    fetcher = Fetcher(_never, LinkSettings(), sleep=asyncio.sleep, clock=lambda: 0.0)
    ours = fetcher._request(method, httpx.URL(url))
    theirs = httpx.Request(method, httpx.URL(url), headers=fetcher.headers, extensions={"timeout": fetcher.timeout})
    assert (ours.method, ours.url, ours.headers.raw, ours.content) == (theirs.method, theirs.url, theirs.headers.raw,
                                                                       theirs.content)
    assert ours.extensions == theirs.extensions
    assert [bytes(part) for part in ours.stream] == [bytes(part) for part in theirs.stream]


async def _never(request: httpx.Request) -> httpx.Response:
    raise AssertionError("not sent")


# ---------------------------------------------------------------- the deadline


def test_an_answer_ready_at_once_needs_no_timer() -> None:
    async def ready() -> str:
        return "answer"

    async def main() -> str:
        loop = asyncio.get_running_loop()
        scheduled = len(loop._scheduled)  # type: ignore[attr-defined]
        value = await within(ready(), 5.0)
        assert len(loop._scheduled) == scheduled  # type: ignore[attr-defined]
        return value

    assert asyncio.run(main()) == "answer"


def test_a_waiting_answer_is_awaited_with_values_passed_through() -> None:
    async def waits() -> int:
        future: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        asyncio.get_running_loop().call_later(0.01, future.set_result, 41)
        await asyncio.sleep(0)
        return await future + 1

    assert asyncio.run(within(waits(), 5.0)) == 42


async def _slow(cleaned: list[str]) -> None:
    """A step that waits long and notes when it is closed."""
    try:
        await asyncio.sleep(10)
    finally:
        cleaned.append("step closed")


def test_the_deadline_counts_and_cancels_the_waiting_step() -> None:
    cleaned: list[str] = []

    async def main() -> float:
        start = asyncio.get_running_loop().time()
        with pytest.raises(TimeoutError):
            await within(_slow(cleaned), 0.05)
        return asyncio.get_running_loop().time() - start

    assert asyncio.run(main()) < 1.0
    assert cleaned == ["step closed"]


def test_errors_and_cancellation_reach_the_caller() -> None:
    async def fails_later() -> None:
        await asyncio.sleep(0.01)
        raise httpx.ReadError("connection reset")

    with pytest.raises(httpx.ReadError):
        asyncio.run(within(fails_later(), 5.0))

    async def fails_at_once() -> None:
        raise httpx.ConnectError("refused")

    with pytest.raises(httpx.ConnectError):
        asyncio.run(within(fails_at_once(), 5.0))

    cleaned: list[str] = []

    async def main() -> None:
        task = asyncio.create_task(within(_slow(cleaned), 5.0))
        await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(main())
    assert cleaned == ["step closed"]


def test_nan_is_compared_by_repr() -> None:
    assert math.isnan(_from_events("a: .nan\n")["a"])


# ---------------------------------------------------------------- replayed answers


def test_replayed_headers_are_normalised_once_and_copied(tmp_path: Path) -> None:
    headers = (("Content-Type", "text/html"), ("Set-Cookie", "a=1"), ("Set-Cookie", "b=2"))
    items = [Interaction("GET", f"https://h.org/{i}", 200, "OK", headers) for i in range(2)]
    (tmp_path / "h.org.yaml").write_text(dump_cassette(items))
    transport = ReplayTransport(CassetteStore(tmp_path))

    def replay(path: str) -> httpx.Response:
        return asyncio.run(transport.handle_async_request(httpx.Request("GET", f"https://h.org/{path}")))

    first = replay("0")
    assert first.headers.raw == httpx.Headers(list(headers)).raw
    first.headers["content-type"] = "text/plain"
    second = replay("1")
    assert second.headers.raw == httpx.Headers(list(headers)).raw
    assert second.headers.get_list("set-cookie") == ["a=1", "b=2"]
