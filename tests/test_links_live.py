"""Live checking against a loopback server: one test per outcome."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest_links import SLOW_SECONDS, FakeTime, Site, live_settings, site_fixture  # noqa: F401

from citecheck.model import LinkStatus, LinkVerdict, Redirect, ResponseOrigin
from citecheck.net.fetch import Answer, Fetcher, Problem, default_user_agent
from citecheck.net.safety import AddressPolicy
from citecheck.net.transports import LiveTransport
from citecheck.verify.links import check_links


def check(site: Site, *paths: str, fake: FakeTime | None = None, **changes: Any) -> dict[str, LinkVerdict]:
    fake = fake or FakeTime()
    urls = [site.url(p) for p in paths]
    return check_links(urls, live_settings(**changes), cassette_dir=Path("/nonexistent-cassettes"),
                       clock=fake.clock, sleep=fake.sleep, wayback_endpoint=site.url("/wayback/available"))


def one(site: Site, path: str, **changes: Any) -> LinkVerdict:
    return check(site, path, **changes)[site.url(path)]


def test_200_is_ok_with_head_only(site: Site) -> None:
    verdict = one(site, "/ok")
    assert verdict.status is LinkStatus.OK
    assert verdict.http_status == 200
    assert verdict.origin is ResponseOrigin.LIVE
    assert verdict.redirects == () and verdict.final_url is None
    assert [m for m, p, _ in site.log] == ["HEAD"]


def test_user_agent_is_descriptive(site: Site) -> None:
    one(site, "/ok")
    agent = site.log[0][2]["User-Agent"]
    assert agent == default_user_agent()
    assert agent.startswith("citecheck/") and "(+https://github.com/citecheck/citecheck)" in agent
    one(site, "/ok", user_agent="MyBot/1.0")
    assert site.log[-1][2]["User-Agent"] == "MyBot/1.0"


def test_permanent_chain_is_redirected_with_every_hop(site: Site) -> None:
    verdict = one(site, "/perm1")
    assert verdict.status is LinkStatus.REDIRECTED
    assert verdict.permanent
    assert verdict.final_url == site.url("/ok")
    assert verdict.redirects == (Redirect(301, site.url("/perm1")), Redirect(308, site.url("/perm2")))
    assert not verdict.soft_404


def test_temporary_redirect_is_ok_with_final_url(site: Site) -> None:
    for path in ("/temp", "/see-other"):
        verdict = one(site, path)
        assert verdict.status is LinkStatus.OK
        assert not verdict.permanent
        assert verdict.final_url == site.url("/ok")
        assert [r.url for r in verdict.redirects] == [site.url(path)]


@pytest.mark.parametrize(("path", "code"), [("/gone", 404), ("/removed", 410), ("/error", 500)])
def test_http_errors_are_broken(site: Site, path: str, code: int) -> None:
    verdict = one(site, path, wayback=False)
    assert verdict.status is LinkStatus.BROKEN
    assert verdict.http_status == code
    assert verdict.archive_url is None


def test_head_error_is_confirmed_with_get(site: Site) -> None:
    one(site, "/gone", wayback=False)
    assert [m for m, p, _ in site.log if p == "/gone"] == ["HEAD", "GET"]


def test_permanent_redirect_to_an_error_is_broken(site: Site) -> None:
    verdict = one(site, "/perm-dead", wayback=False)
    assert verdict.status is LinkStatus.BROKEN
    assert verdict.http_status == 404
    assert verdict.final_url == site.url("/gone")
    assert verdict.redirects == (Redirect(301, site.url("/perm-dead")),)


def test_broken_link_gets_a_wayback_suggestion(site: Site) -> None:
    verdict = one(site, "/gone")
    assert verdict.archive_url == f"http://web.archive.org/web/20200101000000/{site.url('/gone')}"
    assert site.hits("/wayback/available") == 1
    assert one(site, "/removed").archive_url is None  # {"archived_snapshots": {}}
    assert one(site, "/ok").archive_url is None
    assert site.hits("/wayback/available") == 2  # never asked for a live page


def test_429_honours_retry_after_and_succeeds_on_third_try(site: Site) -> None:
    fake = FakeTime()
    verdict = check(site, "/rate", fake=fake)[site.url("/rate")]
    assert verdict.status is LinkStatus.OK
    assert site.hits("/rate") == 3
    assert fake.sleeps == [1.0, 1.0]
    assert "after 3 attempts" in verdict.detail


def test_503_retry_after_http_date(site: Site) -> None:
    fake = FakeTime(start=1445412480.0)  # 10 s before the date the server names
    verdict = check(site, "/rate-date", fake=fake)[site.url("/rate-date")]
    assert verdict.status is LinkStatus.OK
    assert fake.sleeps == [10.0]


def test_retries_are_bounded_and_rate_limiting_is_not_broken(site: Site) -> None:
    fake = FakeTime()
    verdict = check(site, "/rate-forever", fake=fake, retries=2)[site.url("/rate-forever")]
    assert verdict.status is LinkStatus.UNREACHABLE
    assert verdict.http_status == 429
    assert site.hits("/rate-forever") == 3
    assert len(fake.sleeps) == 2


def test_retry_after_longer_than_the_cap_is_not_waited_for(site: Site) -> None:
    fake = FakeTime()
    verdict = check(site, "/rate-forever", fake=fake, max_retry_wait=0.5)[site.url("/rate-forever")]
    assert fake.sleeps == []
    assert site.hits("/rate-forever") == 1
    assert verdict.status is LinkStatus.UNREACHABLE


def test_slow_endpoint_times_out(site: Site) -> None:
    verdict = one(site, "/slow", timeout=0.2)
    assert verdict.status is LinkStatus.TIMEOUT
    assert verdict.status is not LinkStatus.BROKEN
    assert SLOW_SECONDS > 0.2


def test_redirect_loop_is_caught(site: Site) -> None:
    verdict = one(site, "/loop-a", wayback=False)
    assert verdict.status is LinkStatus.BROKEN
    assert "loop" in verdict.detail
    assert site.hits("/loop-a") == 1 and site.hits("/loop-b") == 1


def test_redirect_cap(site: Site) -> None:
    verdict = one(site, "/chain-start", max_redirects=2, wayback=False)
    assert verdict.status is LinkStatus.BROKEN
    assert len(verdict.redirects) == 3
    assert site.hits("/chain-3") == 0
    assert one(site, "/chain-start").status is LinkStatus.REDIRECTED


def test_head_405_falls_back_to_get(site: Site) -> None:
    verdict = one(site, "/head405")
    assert verdict.status is LinkStatus.OK
    assert [m for m, p, _ in site.log if p == "/head405"] == ["HEAD", "GET"]


def test_head_protocol_error_falls_back_to_get(site: Site) -> None:
    verdict = one(site, "/head-drops")
    assert verdict.status is LinkStatus.OK
    assert site.hits("/head-drops", "GET") == 1


def test_forbidden_is_not_reported_broken(site: Site) -> None:
    verdict = one(site, "/forbidden", wayback=False)
    assert verdict.status is LinkStatus.UNREACHABLE
    assert verdict.http_status == 403


def test_soft_404_signals(site: Site) -> None:
    to_root = one(site, "/to-root")
    assert to_root.soft_404 and to_root.status is LinkStatus.REDIRECTED
    to_page = one(site, "/to-404-page")
    assert to_page.soft_404 and to_page.status is LinkStatus.OK
    assert not one(site, "/temp").soft_404


def test_fragments_are_looked_up_with_get(site: Site) -> None:
    urls = ["/ok#background", "/ok#legacy-anchor", "/ok#no-such-section", "/ok#top", "/ok"]
    verdicts = check(site, *urls)
    assert verdicts[site.url("/ok#background")].missing_fragment is None
    assert verdicts[site.url("/ok#legacy-anchor")].missing_fragment is None
    assert verdicts[site.url("/ok#no-such-section")].missing_fragment == "no-such-section"
    assert verdicts[site.url("/ok#top")].missing_fragment is None
    assert all(v.status is LinkStatus.OK for v in verdicts.values())
    assert [m for m, p, _ in site.log] == ["GET"]  # one fetch serves every variant of the page


def test_fragment_after_redirect_is_checked_on_the_final_page(site: Site) -> None:
    verdicts = check(site, "/temp#background", "/temp#nowhere")
    assert verdicts[site.url("/temp#background")].final_url == site.url("/ok#background")
    assert verdicts[site.url("/temp#nowhere")].missing_fragment == "nowhere"


def test_fragment_on_a_gzipped_page(site: Site) -> None:
    verdicts = check(site, "/gzip#background", "/gzip#missing")
    assert verdicts[site.url("/gzip#background")].missing_fragment is None
    assert verdicts[site.url("/gzip#missing")].missing_fragment == "missing"


def test_live_body_read_stops_at_max_body(site: Site) -> None:
    async def fetch() -> Answer | Problem:
        transport = LiveTransport(AddressPolicy(allow_private=True))
        async with httpx.AsyncClient(transport=transport) as client:
            async def send(request: httpx.Request) -> httpx.Response:
                return await client.send(request, stream=True)

            fetcher = Fetcher(send, live_settings(max_body=4096), sleep=FakeTime().sleep, clock=time.time)
            return await fetcher.fetch("GET", httpx.URL(site.url("/big")), read_body=True)

    answer = asyncio.run(fetch())
    assert isinstance(answer, Answer)
    assert answer.body is not None and len(answer.body) == 4096 and answer.truncated


def test_oversized_body_read_is_capped(site: Site) -> None:
    verdicts = check(site, "/big#somewhere", max_body=1024)
    verdict = verdicts[site.url("/big#somewhere")]
    assert verdict.status is LinkStatus.OK
    assert verdict.missing_fragment is None  # plain text: no anchors to judge


def test_urls_are_deduplicated_and_checked_once(site: Site) -> None:
    verdicts = check(site, "/ok", "/ok", "/temp", "/ok")
    assert list(verdicts) == [site.url("/ok"), site.url("/temp")]
    assert site.hits("/ok") == 2  # once for /ok, once at the end of /temp


def test_connection_refused_is_unreachable(site: Site) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/x"
    verdicts = check_links([url], live_settings(), cassette_dir=Path("/nonexistent"))
    assert verdicts[url].status is LinkStatus.UNREACHABLE


def test_dns_failure_is_unreachable() -> None:
    async def no_such_host(host: str, port: int) -> list[str]:
        raise OSError(-2, "Name or service not known")

    url = "http://no-such-host.invalid/page"
    verdicts = check_links([url], live_settings(), cassette_dir=Path("/nonexistent"), resolver=no_such_host)
    assert verdicts[url].status is LinkStatus.UNREACHABLE
    assert "cannot resolve" in verdicts[url].detail


def test_connections_are_kept_alive(site: Site) -> None:
    paths = [f"/ok?page={i}" for i in range(12)] + ["/gone", "/temp"]
    verdicts = check(site, *paths, per_host=2, wayback=False)
    assert len(verdicts) == 14
    assert len(site.peers) == 12 + 2 + 2  # /gone is confirmed with GET, /temp ends at /ok
    assert len(set(site.peers)) <= 2  # answers are read to the end, so connections are reused


class _Counting(httpx.AsyncBaseTransport):
    """Answers 200 after a short wait and counts the requests in flight, in all and per host."""

    def __init__(self) -> None:
        self.now: dict[str, int] = {}
        self.most = 0
        self.most_per_host: dict[str, int] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        self.now[host] = self.now.get(host, 0) + 1
        self.most = max(self.most, sum(self.now.values()))
        self.most_per_host[host] = max(self.most_per_host.get(host, 0), self.now[host])
        await asyncio.sleep(0.02)
        self.now[host] -= 1
        return httpx.Response(200)


@pytest.mark.parametrize(("concurrency", "per_host", "most", "most_per_host"),
                         [(64, 64, 30, 10), (64, 4, 12, 4), (5, 8, 5, 2)])
def test_pages_run_at_once_up_to_the_limits(concurrency: int, per_host: int, most: int, most_per_host: int) -> None:
    urls = [f"https://h{i % 3}.example.org/p{i}" for i in range(30)]
    counting = _Counting()
    verdicts = check_links(urls, live_settings(concurrency=concurrency, per_host=per_host, wayback=False),
                           cassette_dir=Path("/nonexistent"), transport=counting)
    assert {v.status for v in verdicts.values()} == {LinkStatus.OK}
    assert counting.most == most
    assert max(counting.most_per_host.values()) == most_per_host
