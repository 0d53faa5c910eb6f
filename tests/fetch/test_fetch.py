"""Fetching a readout page: its main text without the chrome, and a clear error for each way
a fetch fails (never an exception other than FetchFailed)."""

from __future__ import annotations

import socket

import pytest

from service.errors import FetchFailed, FetchRefused
from service.fetch import FetchPolicy, fetch
from tests.conftest import RUBIO_CHO

LOCAL = FetchPolicy(hosts=("127.0.0.1",), max_bytes=50_000, timeout=2.0, redirects=3)


def test_a_ministry_page_gives_its_readout_without_the_chrome(site: str) -> None:
    page = fetch(f"{site}/us.html", LOCAL)
    assert "Taiwan Strait" in page.text
    for chrome in ("Countries", "Privacy Policy", "Share this page", "Other press releases"):
        assert chrome not in page.text
    assert page.title == "Secretary Rubio's Meeting with Republic of Korea Foreign Minister Cho"
    assert page.date == "2025-07-31"
    assert page.publisher == "U.S. Department of State"
    # every sentence of the readout is there
    source = " ".join((RUBIO_CHO / "us.txt").read_text(encoding="utf-8").split())
    assert " ".join(page.text.split())[-120:] in source


def test_a_text_page_is_taken_as_it_is(site: str) -> None:
    page = fetch(f"{site}/kr.txt", LOCAL)
    assert page.text == (RUBIO_CHO / "kr.txt").read_text(encoding="utf-8")


def test_a_redirect_is_followed_and_checked(site: str) -> None:
    assert "Taiwan Strait" in fetch(f"{site}/moved", LOCAL).text


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/photo.png", "not an HTML page or text (image/png)"),
        ("/empty.html", "no main text found"),
        ("/big", "5000 bytes is over the limit of 1000"),
        ("/endless", "over the limit of 1000 bytes"),
        ("/loop", "more than 3 redirects"),
        ("/missing", "the server answered 404"),
        ("/slow", "timed out after 1 s"),
        ("/trickle", "timed out after 1 s"),
    ],
)
def test_each_failure_is_one_clear_error(site: str, path: str, message: str) -> None:
    policy = FetchPolicy(hosts=("127.0.0.1",), max_bytes=1000, timeout=1.0, redirects=3)
    if path == "/empty.html":
        policy = LOCAL
    with pytest.raises(FetchFailed, match=message.replace("(", r"\(").replace(")", r"\)")):
        fetch(f"{site}{path}", policy)


def test_an_unreachable_server_is_a_clear_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchFailed, match="unreachable"):
        fetch(f"http://127.0.0.1:{port}/x.html", LOCAL)


def test_an_unknown_host_is_a_clear_error() -> None:
    with pytest.raises(FetchFailed, match="no such host"):
        fetch("http://no-such-host.invalid/x.html", FetchPolicy(hosts=("*",)))


def test_a_redirect_to_a_private_address_is_refused(site: str) -> None:
    with pytest.raises(FetchRefused, match=r"10\.11\.12\.13 is not among the hosts"):
        fetch(f"{site}/to-private", LOCAL)
    anywhere = FetchPolicy(hosts=("*", "127.0.0.1"))
    with pytest.raises(FetchRefused, match="loopback, private or link-local"):
        fetch(f"{site}/to-private", anywhere)


def test_a_redirect_to_another_name_of_the_loopback_is_refused(site: str) -> None:
    with pytest.raises(FetchRefused, match="localhost is not among the hosts"):
        fetch(f"{site}/to-loopback-name", LOCAL)


def test_only_http_and_https_are_fetched() -> None:
    with pytest.raises(FetchFailed, match="only http:// and https://"):
        fetch("file:///etc/passwd", LOCAL)
