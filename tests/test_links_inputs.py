"""What is checked at all: modes off, exclusions, unsupported and invalid URLs, URL helpers."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from conftest_links import Site, live_settings, no_network_fixture, site_fixture  # noqa: F401

from citecheck.config import LinkSettings
from citecheck.errors import ConfigError
from citecheck.model import LinkStatus, ResponseOrigin
from citecheck.net.urls import UnsupportedURL, cassette_filename, match_key, parse_checkable, scrub_url
from citecheck.verify.links import check_links, check_links_async


def test_mode_off_checks_nothing(tmp_path: Path, no_network: list[object]) -> None:
    urls = ["https://example.org/a", "https://example.org/a", "not a url"]
    verdicts = check_links(urls, LinkSettings(mode="off"), cassette_dir=tmp_path)
    assert list(verdicts) == ["https://example.org/a", "not a url"]
    assert {v.status for v in verdicts.values()} == {LinkStatus.UNCHECKED}
    assert {v.origin for v in verdicts.values()} == {ResponseOrigin.NONE}


@pytest.mark.parametrize(
    "url",
    ["mailto:someone@example.org", "ftp://example.org/file", "javascript:alert(1)", "/relative/path",
     "http://", "https://exa mple.org/", "http://[::1/", "http://example.org:99999/", "http://xn--zz/page"],
)
def test_unsupported_and_invalid_urls(tmp_path: Path, url: str, no_network: list[object]) -> None:
    verdict = check_links([url], live_settings(), cassette_dir=tmp_path)[url]
    assert verdict.status is LinkStatus.UNSUPPORTED
    assert verdict.origin is ResponseOrigin.NONE
    assert no_network == []


def test_exclusions_from_settings_and_ignore_file(site: Site, tmp_path: Path) -> None:
    ignore = tmp_path / ".citecheckignore"
    ignore.write_text("# internal mirrors\n\n/gone$\n^https?://private\\.example/\n")
    urls = [site.url("/gone"), site.url("/error"), "https://private.example/x", site.url("/ok")]
    settings = live_settings(exclude=(r"/error$",))
    verdicts = check_links(urls, settings, cassette_dir=tmp_path, ignore_file=ignore)
    assert [verdicts[u].status for u in urls] == [LinkStatus.EXCLUDED] * 3 + [LinkStatus.OK]
    assert "/gone$" in verdicts[urls[0]].detail
    assert site.hits("/gone") == site.hits("/error") == 0


def test_ignore_file_is_found_relative_to_cwd(site: Site, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".citecheckignore").write_text("/gone$\n")
    monkeypatch.chdir(tmp_path)
    verdict = check_links([site.url("/gone")], LinkSettings(mode="live", allow_private=True, cache=False),
                          cassette_dir=tmp_path)[site.url("/gone")]
    assert verdict.status is LinkStatus.EXCLUDED


def test_bad_regex_in_ignore_file_names_file_and_line(tmp_path: Path) -> None:
    ignore = tmp_path / ".citecheckignore"
    ignore.write_text("# fine\nok\n(unclosed\n")
    with pytest.raises(ConfigError) as caught:
        check_links(["https://example.org/"], LinkSettings(cache=False), cassette_dir=tmp_path,
                    ignore_file=ignore)
    assert (caught.value.path, caught.value.line) == (str(ignore), 3)


def test_async_core_is_usable_from_a_running_loop(tmp_path: Path) -> None:
    import asyncio

    async def main() -> LinkStatus:
        settings = LinkSettings(ignore_file="", cache=False)
        verdicts = await check_links_async(["https://example.org/"], settings, cassette_dir=tmp_path)
        return verdicts["https://example.org/"].status

    assert asyncio.run(main()) is LinkStatus.UNRECORDED


def test_match_key_normalizes() -> None:
    drop = {"token"}
    key = match_key(httpx.URL("HTTPS://Example.ORG/a%2fb?z=1&a=2&token=x#frag"), drop)
    assert key == "https://example.org:443/a%2Fb?a=2&z=1"
    assert match_key(httpx.URL("http://example.org"), drop) == "http://example.org:80/"
    assert match_key(httpx.URL("http://[::1]:8080/x"), drop) == "http://[::1]:8080/x"


def test_scrub_url() -> None:
    params = {"token", "sig"}
    assert scrub_url("https://u:p@h.org/x?token=1&a=2&SIG=3#f", params) == \
        "https://REDACTED@h.org/x?token=REDACTED&a=2&SIG=REDACTED#f"
    assert scrub_url("https://h.org/x?a=1", params) == "https://h.org/x?a=1"


def test_cassette_filename_per_host() -> None:
    assert cassette_filename("en.wikipedia.org") == "en.wikipedia.org.yaml"
    assert cassette_filename("[::1]") == "__1.yaml"
    assert cassette_filename("xn--mnchen-3ya.de") == "xn--mnchen-3ya.de.yaml"


def test_parse_checkable_rejects_what_httpx_cannot_send() -> None:
    with pytest.raises(UnsupportedURL, match="unsupported scheme 'ftp'"):
        parse_checkable("ftp://example.org/")
    with pytest.raises(UnsupportedURL, match="invalid URL"):
        parse_checkable("https://exa mple.org/")  # httpx.InvalidURL, not an httpx.HTTPError
    assert parse_checkable("https://münchen.de/").host == "münchen.de"


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import sys

    from citecheck.verify import links as links_module

    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert links_module._progress_bar(3) is None
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    advance = links_module._progress_bar(3)
    assert advance is not None
    advance()
    advance(close=True)
    urls = ["https://example.org/a", "https://example.org/b"]
    settings = LinkSettings(ignore_file="", cache=False)
    verdicts = check_links(urls, settings, cassette_dir=tmp_path, progress=True)
    assert [v.status for v in verdicts.values()] == [LinkStatus.UNRECORDED] * 2
