"""Which addresses a fetch may reach: the named hosts, never a private one unless it is named.

The server must not be turned against its own network (server-side request forgery): a host
is reached only when the policy names it (`*` names every public host), and an address that
is loopback, private, link-local, multicast or reserved only when the host itself is named.
The address checked is the address connected to, so a DNS answer cannot change in between.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass

from service.errors import FetchFailed, FetchRefused

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class FetchPolicy:
    """What a fetch may reach and how much it may read."""

    hosts: tuple[str, ...]  # names, addresses, "*.domain" or "*" (any public host)
    max_bytes: int = 2_000_000
    timeout: float = 10.0
    redirects: int = 5


def named(host: str, hosts: tuple[str, ...]) -> bool:
    """The host is in the list by its own name (or a `*.domain` above it), not by `*`."""
    host = host.lower().rstrip(".")
    return any(
        host == entry or (entry.startswith("*.") and host.endswith(entry[1:]))
        for entry in hosts
        if entry != "*"
    )


def public(address: Address) -> bool:
    """A globally routed unicast address (an IPv4-mapped IPv6 address judged as its IPv4)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def resolve(host: str, port: int, policy: FetchPolicy) -> str:
    """The address to connect to for `host`, checked against the policy; FetchRefused if none
    may be reached, FetchFailed if the name does not resolve."""
    if not policy.hosts:
        raise FetchRefused(
            "fetching readouts by URL is off on this server (set READOUT_DIFF_FETCH_HOSTS)"
        )
    by_name = named(host, policy.hosts)
    if not by_name and "*" not in policy.hosts:
        raise FetchRefused(f"{host} is not among the hosts this server may fetch from")
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchFailed(f"{host}: no such host (the name does not resolve)") from None
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in found]
    if not by_name and not all(public(a) for a in addresses):
        raise FetchRefused(
            f"{host} resolves to a loopback, private or link-local address; such a host is"
            " fetched only when READOUT_DIFF_FETCH_HOSTS names it"
        )
    return str(addresses[0])
