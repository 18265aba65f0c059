"""The cassettes bundled in cassettes/: example fixtures that let `citecheck audit examples/` show real
link results offline. They are checked like any cassette that arrives in a pull request."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest
import yaml
from conftest_links import no_network_fixture  # noqa: F401
from typer.testing import CliRunner

from citecheck.cli import app
from citecheck.config import LinkSettings
from citecheck.model import LinkStatus, ResponseOrigin
from citecheck.net.cassette import dump_cassette, load_cassette
from citecheck.net.urls import cassette_filename, host_label
from citecheck.verify.links import check_links, recorded_text
from citecheck.verify.quotes import QuoteVerdict, check_quote

REPO = Path(__file__).resolve().parent.parent
CASSETTES = REPO / "cassettes"
HANSARD_MARCH = "https://api.parliament.uk/historic-hansard/commons/1939/mar/31/european-situation-1"
HANSARD_SEPTEMBER = ("https://api.parliament.uk/historic-hansard/commons/1939/sep/02/"
                     "germany-and-poland-italian-proposals")
GUARANTEE = ("in the event of any action which clearly threatened Polish independence, and which the Polish "
             "Government accordingly considered it vital to resist with their national forces, His Majesty's "
             "Government would feel themselves bound at once to lend the Polish Government all support in "
             "their power.")
ARTICLE_I = ("Both High Contracting Parties obligate themselves to desist from any act of violence, any "
             "aggressive action, and any attack on each other, either individually or jointly with other Powers.")
DEAD = "https://www.example-history-archive.org/documents/guarantee-1939"
MOVED = "http://www.bbc.co.uk/history/worldwars/wwtwo/"


def _cassettes() -> list[Path]:
    return sorted(CASSETTES.glob("*.yaml"))


def _cli(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code in (0, 1), result.output
    return result.stdout


@pytest.fixture()
def in_repo(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the cassette index goes there
    return REPO


def _example_urls() -> list[str]:
    report = json.loads(_cli("links", "examples/", "--links", "off", "--format", "json"))
    return sorted({link["url"] for file in report["files"] for key in ("links", "inferred_links")
                   for link in file.get(key, [])})


def test_there_is_one_cassette_per_host_in_the_layout_citecheck_writes() -> None:
    assert _cassettes()
    for path in _cassettes():
        items = load_cassette(path)  # every field checked, as for any cassette
        assert items, path
        assert {cassette_filename(host_label(httpx.URL(i.uri))) for i in items} == {path.name}
        text = path.read_text(encoding="utf-8")
        header = "".join(line for line in text.splitlines(keepends=True) if line.startswith("#"))
        assert "Example fixture" in header and "NOT recordings of the real site" in header
        assert text == header + dump_cassette(items), f"{path.name} is not in the layout citecheck writes"
        assert all("example fixture" in (i.recorded_with or "") for i in items)


def test_the_cassettes_load_with_the_safe_loader() -> None:
    for path in _cassettes():
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert document["version"] == 1 and isinstance(document["interactions"], list)


def test_the_cassettes_hold_no_secrets() -> None:
    settings = LinkSettings()
    secret_headers = set(settings.scrub_headers)
    secret_params = set(settings.scrub_params)
    for path in _cassettes():
        for item in load_cassette(path):
            names = {name.lower() for name, _ in (*item.request_headers, *item.response_headers)}
            assert not names & (secret_headers | {"authorization", "cookie", "set-cookie"}), (path.name, item.uri)
            addresses = [item.uri, *(value for name, value in item.response_headers if name.lower() == "location")]
            for address in addresses:
                parts = urlsplit(address)
                assert "@" not in parts.netloc, address
                assert not {k.lower() for k, _ in parse_qsl(parts.query)} & secret_params, address


def test_every_url_in_the_examples_is_recorded(in_repo: Path, no_network: list[object]) -> None:
    urls = _example_urls()
    assert "https://en.wikipedia.org/wiki/%C3%89douard_Daladier" in urls  # inferred from a pasted title
    verdicts = check_links(urls, LinkSettings(cache=False, ignore_file=""), cassette_dir=CASSETTES)
    assert no_network == []
    assert {url: v.status for url, v in verdicts.items() if v.status is LinkStatus.UNRECORDED} == {}
    assert {v.origin for v in verdicts.values()} == {ResponseOrigin.CASSETTE}
    expected = {url: LinkStatus.OK for url in urls} | {DEAD: LinkStatus.BROKEN, MOVED: LinkStatus.REDIRECTED}
    assert {url: v.status for url, v in verdicts.items()} == expected


def test_the_dead_link_and_the_moved_link(no_network: list[object]) -> None:
    verdicts = check_links([DEAD, MOVED], LinkSettings(cache=False, ignore_file=""), cassette_dir=CASSETTES)
    dead, moved = verdicts[DEAD], verdicts[MOVED]
    assert dead.status is LinkStatus.BROKEN and dead.http_status == 404
    assert dead.archive_url == f"http://web.archive.org/web/20190331104512/{DEAD}"  # the recorded Wayback lookup
    assert moved.status is LinkStatus.REDIRECTED and moved.permanent and moved.http_status == 200
    assert [(hop.status, hop.url) for hop in moved.redirects] == [(301, MOVED)]
    assert moved.final_url == "https://www.bbc.co.uk/history/worldwars/wwtwo/"


def test_the_recorded_bodies_serve_the_quotation_checks() -> None:
    march = recorded_text(HANSARD_MARCH, CASSETTES)
    assert march is not None and GUARANTEE in " ".join(march.split())
    assert check_quote(GUARANTEE, march)[0] is QuoteVerdict.VERBATIM
    september = recorded_text(HANSARD_SEPTEMBER, CASSETTES)
    assert september is not None and "Speak for England" not in september
    assert check_quote("Speak for England, Arthur!", september)[0] is QuoteVerdict.NOT_FOUND
    avalon = recorded_text("https://avalon.law.yale.edu/20th_century/nonagres.asp", CASSETTES)
    assert avalon is not None and ARTICLE_I in " ".join(avalon.split())
    assert recorded_text(DEAD, CASSETTES) is None  # a 404 is no source text
    assert recorded_text(MOVED, CASSETTES) is not None  # read after the recorded redirect


def test_the_audit_of_the_examples_shows_link_results_offline(in_repo: Path) -> None:
    first = _cli("audit", "examples/", "--format", "json")
    assert _cli("audit", "examples/", "--format", "json") == first
    report = json.loads(first)
    links = [link for file in report["files"] for key in ("links", "inferred_links") for link in file[key]]
    assert links and {link["status"] for link in links} == {"ok", "redirected", "broken"}
    findings = {(f["code"], f["anchor"]) for file in report["files"] for f in file["findings"]}
    assert ("CC401", DEAD) in findings and ("CC402", MOVED) in findings
    assert not any(code == "CC405" for code, _ in findings)
    assert ("CC304", "Speak for England, Arthur!") in findings  # not in the recorded Hansard page
