"""Address safety: resolved addresses are checked before any connection, including after redirects."""

from __future__ import annotations

import asyncio
from ipaddress import ip_address, ip_network
from pathlib import Path

import httpcore
import pytest
from conftest_links import Site, live_settings, site_fixture  # noqa: F401

from citecheck.model import LinkStatus, Redirect, ResponseOrigin
from citecheck.net.safety import AddressPolicy, BlockedAddress, GuardedBackend, address_refusal
from citecheck.verify.links import check_links

LOOPBACK_ONLY = AddressPolicy(allow=(ip_network("127.0.0.0/8"),))


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("fd12::1", "private"),
        ("169.254.169.254", "cloud metadata address"),
        ("fd00:ec2::254", "cloud metadata address"),
        ("100.100.100.200", "cloud metadata address"),
        ("169.254.1.1", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "private"),
        ("::ffff:127.0.0.1", "loopback"),
        ("2002:7f00:1::", "loopback"),  # 6to4 wrapping 127.0.0.1
    ],
)
def test_refused_addresses(address: str, reason: str) -> None:
    assert address_refusal(ip_address(address)) == reason


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "8.8.8.8"])
def test_public_addresses_pass(address: str) -> None:
    assert address_refusal(ip_address(address)) is None
    assert AddressPolicy().refusal(ip_address(address)) is None


def test_policy_allow_private_and_allow_list() -> None:
    assert AddressPolicy(allow_private=True).refusal(ip_address("10.0.0.1")) is None
    assert LOOPBACK_ONLY.refusal(ip_address("127.0.0.5")) is None
    assert LOOPBACK_ONLY.refusal(ip_address("10.0.0.1")) == "private"


class _RecordingBackend(httpcore.AsyncNetworkBackend):
    def __init__(self) -> None:
        self.connects: list[tuple[str, int]] = []

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None, socket_options: object = None,
                          ) -> httpcore.AsyncNetworkStream:
        self.connects.append((host, port))
        raise httpcore.ConnectError("test backend does not connect")


def test_guard_checks_every_resolved_address_before_connecting() -> None:
    async def mixed(host: str, port: int) -> list[str]:
        return ["93.184.216.34", "10.0.0.7"]  # one public, one private: refused as a whole

    inner = _RecordingBackend()
    guard = GuardedBackend(AddressPolicy(), resolver=mixed, inner=inner)
    with pytest.raises(BlockedAddress, match=r"10\.0\.0\.7 \(private\)"):
        asyncio.run(guard.connect_tcp("rebind.example", 80))
    assert inner.connects == []


def test_guard_connects_to_the_checked_address_not_the_name() -> None:
    async def public(host: str, port: int) -> list[str]:
        return ["93.184.216.34"]

    inner = _RecordingBackend()
    guard = GuardedBackend(AddressPolicy(), resolver=public, inner=inner)
    with pytest.raises(httpcore.ConnectError):
        asyncio.run(guard.connect_tcp("example.org", 443))
    assert inner.connects == [("93.184.216.34", 443)]


def test_metadata_host_name_is_refused_without_resolving() -> None:
    async def resolver(host: str, port: int) -> list[str]:
        raise AssertionError("must not resolve")

    guard = GuardedBackend(AddressPolicy(), resolver=resolver, inner=_RecordingBackend())
    with pytest.raises(BlockedAddress):
        asyncio.run(guard.connect_tcp("metadata.google.internal", 80))


def test_loopback_link_is_blocked_and_no_request_is_sent(site: Site) -> None:
    url = site.url("/ok")
    verdict = check_links([url], live_settings(allow_private=False), cassette_dir=Path("/nonexistent"))[url]
    assert verdict.status is LinkStatus.BLOCKED
    assert verdict.origin is ResponseOrigin.NONE
    assert "127.0.0.1 (loopback)" in verdict.detail
    assert site.log == []


def test_name_resolving_to_private_address_is_blocked(site: Site) -> None:
    async def resolver(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    url = f"http://innocent.example:{site.url('/ok').split(':')[2]}"
    verdict = check_links([url], live_settings(allow_private=False), cassette_dir=Path("/nonexistent"),
                          resolver=resolver)[url]
    assert verdict.status is LinkStatus.BLOCKED
    assert site.log == []


def test_redirect_to_metadata_address_is_blocked(site: Site) -> None:
    url = site.url("/to-metadata")
    verdict = check_links([url], live_settings(allow_private=False), cassette_dir=Path("/nonexistent"),
                          address_policy=LOOPBACK_ONLY)[url]
    assert verdict.status is LinkStatus.BLOCKED
    assert verdict.redirects == (Redirect(302, url),)
    assert verdict.final_url == "http://169.254.169.254/latest/meta-data/"
    assert "cloud metadata" in verdict.detail


def test_allow_private_checks_loopback(site: Site) -> None:
    url = site.url("/ok")
    verdict = check_links([url], live_settings(allow_private=True), cassette_dir=Path("/nonexistent"))[url]
    assert verdict.status is LinkStatus.OK


def test_environment_proxy_is_ignored(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    # A proxy from the environment would connect for us and bypass the address guard.
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("ALL_PROXY", "http://127.0.0.1:9")
    url = site.url("/ok")
    assert check_links([url], live_settings(), cassette_dir=Path("/x"))[url].status is LinkStatus.OK
