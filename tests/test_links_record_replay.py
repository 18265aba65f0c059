"""Record mode writes cassettes; replay answers from them alone, without touching the network."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from conftest_links import FakeTime, Site, live_settings, no_network_fixture, site_fixture  # noqa: F401

from citecheck.config import LinkSettings
from citecheck.errors import CassetteError
from citecheck.model import LinkStatus, LinkVerdict, ResponseOrigin
from citecheck.net.cassette import load_cassette
from citecheck.net.safety import AddressPolicy
from citecheck.net.store import CassetteStore
from citecheck.net.transports import LiveTransport, RecordTransport, Scrubber
from citecheck.verify.links import check_links, recorded_text

MIX = ["/ok", "/perm1", "/temp", "/gone", "/removed", "/error", "/perm-dead", "/rate", "/to-root",
       "/ok#background", "/ok#missing", "/head405", "/gzip#background", "/loop-a", "/forbidden"]


def record(site: Site, directory: Path, paths: list[str], fake: FakeTime | None = None,
           **changes: object) -> dict[str, LinkVerdict]:
    fake = fake or FakeTime()
    return check_links([site.url(p) for p in paths], live_settings(mode="record", **changes),
                       cassette_dir=directory, clock=fake.clock, sleep=fake.sleep,
                       wayback_endpoint=site.url("/wayback/available"))


def replay(site: Site, directory: Path, paths: list[str], **changes: object) -> dict[str, LinkVerdict]:
    settings = LinkSettings(ignore_file="", cache=False, **changes)  # type: ignore[arg-type]
    return check_links([site.url(p) for p in paths], settings, cassette_dir=directory,
                       wayback_endpoint=site.url("/wayback/available"))


def _cassette(directory: Path) -> dict[str, Any]:
    [path] = directory.glob("*.yaml")
    return yaml.safe_load(path.read_text())


@pytest.fixture
def recorded(site: Site, tmp_path: Path) -> tuple[Site, Path, dict[str, LinkVerdict]]:
    return site, tmp_path, record(site, tmp_path, MIX)


def test_record_then_replay_gives_the_same_verdicts(recorded: tuple[Site, Path, dict[str, LinkVerdict]],
                                                    no_network: list[object]) -> None:
    site, directory, live = recorded
    requests_before = len(site.log)
    replayed = replay(site, directory, MIX)
    assert no_network == [] and len(site.log) == requests_before
    assert {v.origin for v in replayed.values()} == {ResponseOrigin.CASSETTE}
    assert {v.origin for v in live.values()} == {ResponseOrigin.LIVE}
    for url, verdict in live.items():
        assert replace(replayed[url], origin=ResponseOrigin.LIVE) == verdict, url
    statuses = {url.removeprefix(site.base): v.status for url, v in replayed.items()}
    assert statuses["/ok"] is LinkStatus.OK and statuses["/rate"] is LinkStatus.OK
    assert statuses["/perm1"] is LinkStatus.REDIRECTED
    assert statuses["/gone"] is statuses["/perm-dead"] is statuses["/loop-a"] is LinkStatus.BROKEN
    assert replayed[site.url("/ok#missing")].missing_fragment == "missing"
    assert replayed[site.url("/gone")].archive_url is not None  # the wayback answer was recorded too


def test_replay_is_deterministic(recorded: tuple[Site, Path, dict[str, LinkVerdict]]) -> None:
    site, directory, _ = recorded
    assert replay(site, directory, MIX) == replay(site, directory, MIX)


def test_replay_never_uses_a_given_transport(recorded: tuple[Site, Path, dict[str, LinkVerdict]]) -> None:
    site, directory, _ = recorded

    def explode(request: httpx.Request) -> httpx.Response:
        raise AssertionError(f"replay sent {request.url}")

    verdicts = check_links([site.url("/ok"), site.url("/never-recorded")],
                           LinkSettings(ignore_file="", cache=False), cassette_dir=directory,
                           transport=httpx.MockTransport(explode))
    assert verdicts[site.url("/ok")].status is LinkStatus.OK


def test_unrecorded_is_not_broken(site: Site, tmp_path: Path, no_network: list[object]) -> None:
    url = site.url("/nothing-here")
    verdict = replay(site, tmp_path, ["/nothing-here"])[url]
    assert verdict.status is LinkStatus.UNRECORDED
    assert verdict.origin is ResponseOrigin.NONE
    assert no_network == []


def test_unrecorded_wayback_lookup_gives_no_suggestion(site: Site, tmp_path: Path) -> None:
    record(site, tmp_path, ["/gone"], wayback=False)
    verdict = replay(site, tmp_path, ["/gone"])[site.url("/gone")]
    assert verdict.status is LinkStatus.BROKEN
    assert verdict.archive_url is None


def test_record_appends_new_episodes_and_replays_the_rest(site: Site, tmp_path: Path) -> None:
    record(site, tmp_path, ["/ok"])
    assert site.hits("/ok") == 1
    verdicts = record(site, tmp_path, ["/ok", "/temp"])
    assert site.hits("/temp") == 1
    assert site.hits("/ok") == 1  # recorded before, so replayed, also as the end of /temp's chain
    assert verdicts[site.url("/ok")].origin is ResponseOrigin.CASSETTE
    assert verdicts[site.url("/temp")].origin is ResponseOrigin.CASSETTE  # where the final answer came from
    uris = [i["request"]["uri"] for i in _cassette(tmp_path)["interactions"]]
    assert uris == sorted(uris) and site.url("/temp") in uris


def test_rerecord_refreshes_existing_recordings(site: Site, tmp_path: Path) -> None:
    record(site, tmp_path, ["/rate"])
    statuses = [i["response"]["status"]["code"] for i in _cassette(tmp_path)["interactions"]]
    assert statuses == [429, 429, 200]
    record(site, tmp_path, ["/rate"])
    assert site.hits("/rate") == 3  # replayed
    record(site, tmp_path, ["/rate"], rerecord=True)
    assert site.hits("/rate") == 4
    statuses = [i["response"]["status"]["code"] for i in _cassette(tmp_path)["interactions"]]
    assert statuses == [200]


def test_recordings_carry_date_and_version(site: Site, tmp_path: Path) -> None:
    record(site, tmp_path, ["/ok"], fake=FakeTime(start=1_700_000_000.0))
    [item] = _cassette(tmp_path)["interactions"]
    assert item["recorded_at"] == "2023-11-14T22:13:20Z"
    assert item["recorded_with"].startswith("citecheck ")


def test_bodies_are_stored_decompressed(site: Site, tmp_path: Path) -> None:
    record(site, tmp_path, ["/gzip"])
    [item] = load_cassette(tmp_path / "127.0.0.1.yaml")
    assert item.body.startswith(b"<!doctype html>")
    assert item.header("content-encoding") is None
    assert item.header("content-length") == str(len(item.body))
    assert 'id="background"' in (tmp_path / "127.0.0.1.yaml").read_text()


def test_bodies_are_capped_and_marked_truncated(site: Site, tmp_path: Path) -> None:
    record(site, tmp_path, ["/big"], max_body=1000)
    [item] = load_cassette(tmp_path / "127.0.0.1.yaml")
    assert len(item.body) == 1000 and item.truncated
    assert (tmp_path / "127.0.0.1.yaml").stat().st_size < 5000


def test_secrets_in_query_strings_user_info_and_cookies_never_reach_a_cassette(site: Site,
                                                                               tmp_path: Path) -> None:
    port = site.base.rsplit(":", 1)[1]
    urls = ["/secret?token=abc123&x=1", "/signed-redirect"]
    verdicts = record(site, tmp_path, urls)
    userinfo = f"http://alice:pa55word@127.0.0.1:{port}/ok"
    check_links([userinfo], live_settings(mode="record"), cassette_dir=tmp_path)
    text = (tmp_path / "127.0.0.1.yaml").read_text()
    for secret in ("abc123", "s3cr3t-cookie", "s3cr3t-sig", "pa55word", "alice"):
        assert secret not in text
    assert "token=REDACTED&x=1" in text and "sig=REDACTED&page=2" in text and "REDACTED@127.0.0.1" in text
    # While recording, the signed redirect was followed with its real signature.
    assert verdicts[site.url("/signed-redirect")].final_url == site.url("/ok?sig=s3cr3t-sig&page=2")
    # The scrubbed recording still replays: matching ignores the secret parameter.
    assert replay(site, tmp_path, ["/secret?token=other&x=1"])[site.url("/secret?token=other&x=1")].status \
        is LinkStatus.OK


def test_scrubbed_names_are_configurable(site: Site, tmp_path: Path) -> None:
    record(site, tmp_path, ["/secret?token=abc123&session=zzz"], scrub_params=("session",))
    text = (tmp_path / "127.0.0.1.yaml").read_text()
    assert "session=REDACTED" in text and "token=abc123" in text


def test_secret_request_headers_are_scrubbed(site: Site, tmp_path: Path) -> None:
    settings = LinkSettings()
    store = CassetteStore(tmp_path)
    recorder = RecordTransport(store, LiveTransport(AddressPolicy(allow_private=True)), max_body=1000,
                               clock=FakeTime().clock, scrubber=Scrubber.of(settings.scrub_headers, ()))

    async def go() -> None:
        async with httpx.AsyncClient(transport=recorder) as client:
            response = await client.get(site.url("/secret"), headers={
                "Authorization": "Bearer tok-1", "Cookie": "sid=tok-2", "X-Api-Key": "tok-3",
                "Proxy-Authorization": "Basic tok-4", "X-Harmless": "visible"})
            assert response.headers["set-cookie"] == "session=s3cr3t-cookie"  # the caller sees the truth

    asyncio.run(go())
    store.save()
    [item] = load_cassette(tmp_path / "127.0.0.1.yaml")
    request_headers = dict(item.request_headers)
    assert request_headers["Authorization"] == request_headers["Cookie"] == "REDACTED"
    assert request_headers["X-Api-Key"] == request_headers["Proxy-Authorization"] == "REDACTED"
    assert request_headers["X-Harmless"] == "visible"
    assert item.header("set-cookie") == "REDACTED"
    assert "tok-" not in (tmp_path / "127.0.0.1.yaml").read_text()


def test_recorded_text_follows_redirects_and_decodes(site: Site, tmp_path: Path) -> None:
    record(site, tmp_path, ["/perm1", "/latin1", "/gone", "/gzip"])
    text = recorded_text(site.url("/perm1#background"), tmp_path)
    assert text is not None and "Chamberlain told the Commons" in text
    assert recorded_text(site.url("/latin1"), tmp_path) == "<p>René Massigli</p>"
    assert "Chamberlain" in (recorded_text(site.url("/gzip"), tmp_path) or "")
    assert recorded_text(site.url("/gone"), tmp_path) is None
    assert recorded_text(site.url("/never"), tmp_path) is None
    assert recorded_text("mailto:someone@example.org", tmp_path) is None


def test_corrupt_cassette_stops_the_check(site: Site, tmp_path: Path) -> None:
    (tmp_path / "127.0.0.1.yaml").write_text("interactions:\n- request: [\n")
    with pytest.raises(CassetteError) as caught:
        replay(site, tmp_path, ["/ok"])
    assert caught.value.path == str(tmp_path / "127.0.0.1.yaml") and caught.value.line is not None
