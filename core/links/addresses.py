"""Which machines the checker may connect to, enforced where the connection is made.

A link on a public page must not make the server request something on its own network (its
database, a cloud metadata service, an admin page on loopback). Checking a host name and then
letting the HTTP library look it up again would leave a gap: the second answer can differ (DNS
rebinding). So the network backend below looks the name up once, refuses it if any of its
addresses is not public, and connects to one of the addresses it vetted. TLS still verifies the
certificate against the host name, and every redirect hop opens its connection through here.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any

import anyio
import httpcore

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], Awaitable[list[str]]]

# IPv6 prefixes that carry an IPv4 address in their last 32 bits (NAT64 translation).
NAT64_PREFIXES = (ipaddress.IPv6Network("64:ff9b::/96"), ipaddress.IPv6Network("64:ff9b:1::/48"))


class AddressRefused(Exception):
    """The host name leads to an address the checker must not connect to."""


class NameNotFound(Exception):
    """The host name has no address."""


def embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for, if any: mapped, 6to4, Teredo or NAT64."""
    if isinstance(address, ipaddress.IPv4Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if any(address in prefix for prefix in NAT64_PREFIXES):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_public_address(address: IPAddress) -> bool:
    """Whether `address` is on the public internet. `is_global` alone lets multicast through
    (and, in some Python versions, addresses wrapped in IPv6), hence the extra tests."""
    inner = embedded_ipv4(address)
    if inner is not None and not is_public_address(inner):
        return False
    return address.is_global and not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


@dataclass(frozen=True)
class AddressPolicy:
    """Public addresses are always allowed; others only if `allow_private` (for tests and
    local benchmarks) or if inside one of `allowed_networks` (say, a trusted intranet)."""

    allow_private: bool = False
    allowed_networks: tuple[IPNetwork, ...] = ()

    @classmethod
    def build(
        cls, allow_private: bool, allowed_networks: Iterable[str | IPNetwork]
    ) -> AddressPolicy:
        networks = tuple(ipaddress.ip_network(network) for network in allowed_networks)
        return cls(allow_private=allow_private, allowed_networks=networks)

    def permits(self, address: str) -> bool:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        return (
            self.allow_private
            or is_public_address(ip)
            or any(ip in network for network in self.allowed_networks)
        )


async def resolve(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for `host`, without repeats."""
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise NameNotFound(host) from error
    addresses = [str(info[4][0]) for info in infos]
    if not addresses:
        raise NameNotFound(host)
    return list(dict.fromkeys(addresses))


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend, connecting only to addresses the policy permits.

    Lookups are remembered for the backend's life (one run of the checker): many links share
    a host, and a remembered answer is as safe as a fresh one since it is the one vetted.
    """

    def __init__(self, policy: AddressPolicy, resolver: Resolver = resolve) -> None:
        self._policy = policy
        self._resolver = resolver
        self._inner = httpcore.AnyIOBackend()
        self._known: dict[tuple[str, int], list[str] | NameNotFound] = {}

    async def addresses(self, host: str, port: int, timeout: float | None = None) -> list[str]:
        """The host's addresses, or AddressRefused if any of them is not permitted."""
        known = self._known.get((host, port))
        if known is None:
            try:
                with anyio.fail_after(timeout):
                    known = await self._resolver(host, port)
            except TimeoutError:
                raise httpcore.ConnectTimeout(f"looking up {host}") from None
            except NameNotFound as error:
                known = error
            if not known:
                known = NameNotFound(host)
            self._known[(host, port)] = known
        if isinstance(known, NameNotFound):
            raise NameNotFound(host)
        refused = [address for address in known if not self._policy.permits(address)]
        if refused:
            raise AddressRefused(f"{host} resolves to {', '.join(refused)}")
        return known

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await self.addresses(host, port, timeout)
        for address in addresses[:-1]:
            try:
                return await self._inner.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except httpcore.ConnectError:
                continue  # the next address may answer
        return await self._inner.connect_tcp(
            addresses[-1], port, timeout, local_address, socket_options
        )

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise AddressRefused("a Unix socket is not a web address")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)
