"""Address safety for live checks: a document must not make citecheck probe the local network.

The check runs where the connection is made (an httpcore network backend): the host name is resolved
once, every resolved address is checked, and the socket is opened to a checked address. So a
redirect, a DNS answer that changes between check and connect, or a name like ``localhost`` cannot
slip past it.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address, ip_network

import httpcore
import httpx

Resolver = Callable[[str, int], Awaitable[list[str]]]
IPAddress = IPv4Address | IPv6Address
IPNetwork = IPv4Network | IPv6Network

# Cloud instance-metadata endpoints; most are link-local already, the rest are named here.
METADATA_ADDRESSES = frozenset(
    ip_address(a) for a in ("169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200")
)
METADATA_HOSTS = frozenset({"metadata.google.internal", "metadata.goog", "instance-data"})
_SHARED = ip_network("100.64.0.0/10")  # carrier-grade NAT: not global, but not is_private either


class BlockedAddress(httpx.TransportError):
    """The request would connect to an address the policy refuses; nothing was sent."""


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    allow_private: bool = False
    allow: tuple[IPNetwork, ...] = ()  # networks allowed despite the rules (an intranet, a test server)

    def refusal(self, address: IPAddress) -> str | None:
        """Why ``address`` may not be contacted, or None when it may."""
        if self.allow_private or any(address in net for net in self.allow):
            return None
        return address_refusal(address)


def address_refusal(address: IPAddress) -> str | None:
    if isinstance(address, IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour or (address.teredo or (None, None))[1]
        if embedded is not None:
            return address_refusal(embedded)
    if address in METADATA_ADDRESSES:
        return "cloud metadata address"
    checks = (
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("unspecified", address.is_unspecified),
        ("reserved", address.is_reserved),
        ("private", address.is_private or address in _SHARED),
        ("not globally routable", not address.is_global),
    )
    return next((reason for reason, hit in checks if hit), None)


async def system_resolver(host: str, port: int) -> list[str]:
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _literal(host: str) -> IPAddress | None:
    try:
        return ip_address(host.strip("[]"))
    except ValueError:
        return None


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolve, refuse forbidden addresses, then connect to a checked address."""

    def __init__(self, policy: AddressPolicy, *, resolver: Resolver = system_resolver,
                 inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self.policy = policy
        self.resolver = resolver
        self.inner = inner or httpcore.AnyIOBackend()

    async def resolve(self, host: str, port: int, timeout: float | None) -> list[IPAddress]:
        literal = _literal(host)
        if literal is not None:
            return [literal]
        if host.lower().rstrip(".") in METADATA_HOSTS and not self.policy.allow_private:
            raise BlockedAddress(f"{host} is a cloud metadata host")
        try:
            async with asyncio.timeout(timeout):
                found = await self.resolver(host, port)
        except TimeoutError:
            raise httpcore.ConnectTimeout(f"resolving {host} timed out") from None
        except (OSError, UnicodeError) as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from None
        addresses = [a for a in (_literal(x) for x in found) if a is not None]
        if not addresses:
            raise httpcore.ConnectError(f"cannot resolve {host}: no addresses")
        return addresses

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
                          ) -> httpcore.AsyncNetworkStream:
        addresses = await self.resolve(host, port, timeout)
        for address in addresses:
            # One refused address refuses the name: round-robin DNS must not be a way in.
            reason = self.policy.refusal(address)
            if reason is not None:
                raise BlockedAddress(f"{host} resolves to {address} ({reason})")
        failure: Exception | None = None
        for address in addresses:
            try:
                return await self.inner.connect_tcp(str(address), port, timeout=timeout,
                                                    local_address=local_address,
                                                    socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        assert failure is not None
        raise failure

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
                                  ) -> httpcore.AsyncNetworkStream:
        raise BlockedAddress("unix sockets are never contacted")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)
