"""The verdict cache: per-outcome lifetimes, never errors, live mode only."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest
from conftest_links import FakeTime, Site, live_settings, site_fixture  # noqa: F401

from citecheck.config import LinkSettings
from citecheck.fsutil import default_cache_dir
from citecheck.model import LinkStatus, LinkVerdict, Redirect, ResponseOrigin
from citecheck.net.cache import DAY, VerdictCache, _decode, _encode, cacheable
from citecheck.verify.links import check_links


def test_ttl_per_outcome(tmp_path: Path) -> None:
    fake = FakeTime()
    ok = LinkVerdict("https://a.org/ok", LinkStatus.OK, http_status=200, origin=ResponseOrigin.LIVE)
    moved = LinkVerdict("https://a.org/m", LinkStatus.REDIRECTED, http_status=200, final_url="https://a.org/n",
                        redirects=(Redirect(301, "https://a.org/m"),), permanent=True)
    dead = LinkVerdict("https://a.org/dead", LinkStatus.BROKEN, http_status=404, archive_url="https://w/x")
    with VerdictCache(tmp_path, clock=fake.clock) as cache:
        assert cache.put_many([ok, moved, dead]) == 3
        hits = cache.get_many([ok.url, moved.url, dead.url, "https://a.org/unknown"])
        assert hits[moved.url].redirects == moved.redirects and hits[dead.url].archive_url == "https://w/x"
        assert {v.origin for v in hits.values()} == {ResponseOrigin.CACHE}
        fake.now += 2 * DAY
        assert set(cache.get_many([ok.url, moved.url, dead.url])) == {ok.url, moved.url}
        fake.now += 6 * DAY
        assert cache.get_many([ok.url, moved.url, dead.url]) == {}


@pytest.mark.parametrize(
    "verdict",
    [
        LinkVerdict("https://a.org/m", LinkStatus.REDIRECTED, http_status=200, final_url="https://a.org/n#x",
                    origin=ResponseOrigin.CASSETTE, redirects=(Redirect(301, "https://a.org/m"),
                                                               Redirect(308, "https://a.org/\u00e9")),
                    permanent=True, detail='200, "quoted"', soft_404=True, missing_fragment="x"),
        LinkVerdict("https://a.org/dead", LinkStatus.BROKEN, http_status=404, archive_url="https://w/x"),
        LinkVerdict("u", LinkStatus.UNRECORDED),
    ],
)
def test_stored_form_is_the_dataclass_as_sorted_json(verdict: LinkVerdict) -> None:
    assert _encode(verdict) == json.dumps(asdict(verdict), sort_keys=True)
    assert _decode(_encode(verdict), None) == verdict


@pytest.mark.parametrize(
    "verdict",
    [
        LinkVerdict("u", LinkStatus.BROKEN, http_status=500),
        LinkVerdict("u", LinkStatus.BROKEN, http_status=503),
        LinkVerdict("u", LinkStatus.UNREACHABLE, http_status=429),
        LinkVerdict("u", LinkStatus.TIMEOUT),
        LinkVerdict("u", LinkStatus.UNREACHABLE),
        LinkVerdict("u", LinkStatus.BLOCKED),
        LinkVerdict("u", LinkStatus.UNRECORDED),
    ],
)
def test_errors_are_never_cached(tmp_path: Path, verdict: LinkVerdict) -> None:
    assert not cacheable(verdict)
    with VerdictCache(tmp_path) as cache:
        assert cache.put_many([verdict]) == 0
        assert cache.get_many(["u"]) == {}


def test_damaged_cache_file_is_replaced(tmp_path: Path) -> None:
    (tmp_path / "links.sqlite3").write_bytes(b"this is not a database" * 100)
    with VerdictCache(tmp_path) as cache:
        cache.put_many([LinkVerdict("u", LinkStatus.OK, http_status=200)])
        assert set(cache.get_many(["u"])) == {"u"}


def test_default_cache_dir_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "citecheck"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_cache_dir() == Path.home() / ".cache" / "citecheck"


def test_live_runs_use_the_cache(site: Site, tmp_path: Path) -> None:
    fake = FakeTime()
    urls = [site.url("/ok"), site.url("/error"), site.url("/ok#background")]
    settings = live_settings(cache=True, wayback=False)
    cache_dir = tmp_path / "cache"
    first = check_links(urls, settings, cassette_dir=tmp_path, cache_dir=cache_dir, clock=fake.clock)
    requests = len(site.log)
    second = check_links(urls, settings, cassette_dir=tmp_path, cache_dir=cache_dir, clock=fake.clock)
    assert second[urls[0]].origin is ResponseOrigin.CACHE
    assert second[urls[2]].origin is ResponseOrigin.CACHE
    assert second[urls[1]].origin is ResponseOrigin.LIVE  # a 500 is asked again
    assert site.log[requests:] and {p for _, p, _ in site.log[requests:]} == {"/error"}
    assert second[urls[0]].status is first[urls[0]].status is LinkStatus.OK


def test_cache_dir_from_settings(site: Site, tmp_path: Path) -> None:
    settings = live_settings(cache=True, cache_dir=str(tmp_path / "from-settings"))
    check_links([site.url("/ok")], settings, cassette_dir=tmp_path)
    assert (tmp_path / "from-settings" / "links.sqlite3").is_file()


def test_replay_and_record_never_use_the_cache(site: Site, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    with VerdictCache(cache_dir) as cache:
        cache.put_many([LinkVerdict(site.url("/ok"), LinkStatus.OK, http_status=200)])
    replayed = check_links([site.url("/ok")], LinkSettings(ignore_file=""), cassette_dir=tmp_path,
                           cache_dir=cache_dir)
    assert replayed[site.url("/ok")].status is LinkStatus.UNRECORDED
    recorded = check_links([site.url("/ok")], live_settings(mode="record", cache=True), cassette_dir=tmp_path,
                           cache_dir=cache_dir)
    assert recorded[site.url("/ok")].origin is ResponseOrigin.LIVE
