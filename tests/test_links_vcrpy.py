"""Compatibility with the real VCR.py, both ways, through cassettes of a loopback server."""

from __future__ import annotations

from pathlib import Path

import httpx
import vcr
import yaml
from conftest_links import FakeTime, Site, live_settings, no_network_fixture, site_fixture  # noqa: F401

from citecheck.config import LinkSettings
from citecheck.model import LinkStatus, ResponseOrigin
from citecheck.verify.links import check_links, recorded_text


def test_a_vcrpy_cassette_replays_in_citecheck(site: Site, tmp_path: Path) -> None:
    cassette = tmp_path / "127.0.0.1.yaml"
    with vcr.use_cassette(str(cassette), record_mode="once"), httpx.Client(follow_redirects=True) as client:
        assert client.get(site.url("/ok")).status_code == 200
        assert client.get(site.url("/perm1")).status_code == 200
        assert client.get(site.url("/gone")).status_code == 404
        assert client.get(site.url("/gzip")).status_code == 200
    raw = yaml.safe_load(cassette.read_text())
    assert raw["version"] == 1 and len(raw["interactions"]) == 6  # one per redirect hop
    gzip_entry = next(i for i in raw["interactions"] if i["request"]["uri"].endswith("/gzip"))
    assert gzip_entry["response"]["headers"]["content-encoding"] == ["gzip"]  # vcrpy keeps it compressed

    requests_before = len(site.log)
    urls = [site.url(p) for p in ("/ok", "/perm1", "/gone", "/gzip#background", "/gzip#missing")]
    settings = LinkSettings(ignore_file="", wayback=False, cache=False)
    verdicts = check_links(urls, settings, cassette_dir=tmp_path)
    assert len(site.log) == requests_before
    assert {v.origin for v in verdicts.values()} == {ResponseOrigin.CASSETTE}
    assert verdicts[urls[0]].status is LinkStatus.OK
    assert verdicts[urls[1]].status is LinkStatus.REDIRECTED
    assert verdicts[urls[1]].final_url == site.url("/ok")
    assert verdicts[urls[2]].status is LinkStatus.BROKEN
    assert verdicts[urls[3]].missing_fragment is None
    assert verdicts[urls[4]].missing_fragment == "missing"
    assert "Chamberlain" in (recorded_text(site.url("/gzip"), tmp_path) or "")


def test_a_citecheck_cassette_replays_in_vcrpy(site: Site, tmp_path: Path) -> None:
    fake = FakeTime()
    check_links([site.url("/ok"), site.url("/perm1"), site.url("/gone")], live_settings(mode="record"),
                cassette_dir=tmp_path, clock=fake.clock, sleep=fake.sleep, wayback_endpoint=None)
    cassette = tmp_path / "127.0.0.1.yaml"
    assert "recorded_at" in cassette.read_text() and "recorded_with" in cassette.read_text()
    requests_before = len(site.log)

    # record_mode="none": vcrpy raises rather than touch the network for anything not recorded.
    with vcr.use_cassette(str(cassette), record_mode="none"), httpx.Client(follow_redirects=True) as client:
        page = client.get(site.url("/ok"))
        assert page.status_code == 200 and "Chamberlain" in page.text
        moved = client.get(site.url("/perm1"))
        assert moved.status_code == 200 and str(moved.url) == site.url("/ok")
        assert [r.status_code for r in moved.history] == [301, 308]
        assert client.get(site.url("/gone")).status_code == 404
    assert len(site.log) == requests_before


def test_citecheck_reads_back_what_vcrpy_rewrites(site: Site, tmp_path: Path,
                                                  no_network: list[object]) -> None:
    """vcrpy's own serializer over our extra keys: the file stays readable by us."""
    from vcr.serializers import yamlserializer

    (tmp_path / "127.0.0.1.yaml").write_text(yaml.safe_dump({"version": 1, "interactions": [{
        "request": {"body": None, "headers": {}, "method": "GET", "uri": site.url("/ok")},
        "response": {"body": {"string": "<p id='x'>hi</p>"}, "headers": {"Content-Type": ["text/html"]},
                     "status": {"code": 200, "message": "OK"}},
        "recorded_at": "2024-01-01T00:00:00Z", "recorded_with": "citecheck 0.1.0"}]}))
    data = yamlserializer.deserialize((tmp_path / "127.0.0.1.yaml").read_text())
    (tmp_path / "127.0.0.1.yaml").write_text(yamlserializer.serialize(data))
    settings = LinkSettings(ignore_file="", cache=False)
    verdict = check_links([site.url("/ok#x")], settings, cassette_dir=tmp_path)
    assert verdict[site.url("/ok#x")].status is LinkStatus.OK
    assert verdict[site.url("/ok#x")].missing_fragment is None
