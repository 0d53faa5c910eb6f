"""Which hosts and addresses a fetch may reach."""

from __future__ import annotations

import ipaddress

import pytest

from service.errors import FetchRefused
from service.fetch.guard import FetchPolicy, named, public, resolve


def test_fetching_is_off_until_hosts_are_named() -> None:
    with pytest.raises(FetchRefused, match="off on this server"):
        resolve("www.state.gov", 443, FetchPolicy(hosts=()))


def test_a_host_not_named_is_refused() -> None:
    with pytest.raises(FetchRefused, match="not among the hosts"):
        resolve("example.org", 80, FetchPolicy(hosts=("www.state.gov", "*.mofa.go.kr")))


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "localhost", "::1", "10.0.0.8", "192.168.1.1", "169.254.169.254"]
)
def test_loopback_private_and_link_local_need_their_own_name(host: str) -> None:
    with pytest.raises(FetchRefused, match="loopback, private or link-local"):
        resolve(host, 80, FetchPolicy(hosts=("*",)))
    assert resolve(host, 80, FetchPolicy(hosts=("*", host))) in {"127.0.0.1", "::1", host}


def test_names_and_wildcards() -> None:
    assert named("www.mofa.go.kr", ("*.mofa.go.kr",))
    assert named("WWW.State.gov.", ("www.state.gov",))
    assert not named("evilmofa.go.kr", ("*.mofa.go.kr",))
    assert not named("example.org", ("*",))


@pytest.mark.parametrize(
    ("address", "expected"),
    [("8.8.8.8", True), ("::ffff:127.0.0.1", False), ("::ffff:8.8.8.8", True),
     ("100.64.0.1", False), ("224.0.0.1", False), ("fe80::1", False), ("0.0.0.0", False)],
)  # fmt: skip
def test_public_addresses(address: str, expected: bool) -> None:
    assert public(ipaddress.ip_address(address)) is expected
