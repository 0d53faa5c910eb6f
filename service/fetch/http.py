"""One GET with the policy's limits: pinned to the checked address, redirects re-checked,
the body read up to a size and a total time limit."""

from __future__ import annotations

import http.client
import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from service.errors import FetchFailed
from service.fetch.guard import FetchPolicy, resolve

REDIRECTS = {301, 302, 303, 307, 308}
CHUNK = 65_536
USER_AGENT = "readout-diff (fetches one readout page on a user's request)"


@dataclass(frozen=True)
class Page:
    """What the server sent: the final URL, its media type and charset, the body."""

    url: str
    media_type: str
    charset: str | None
    body: bytes


class _Pinned(http.client.HTTPConnection):
    """Connects to the address the guard checked, whatever DNS says now."""

    pinned: socket.socket

    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self) -> None:
        self.sock = self.pinned = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedTLS(http.client.HTTPSConnection):
    pinned: socket.socket

    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address

    def connect(self) -> None:
        sock = socket.create_connection((self.address, self.port), self.timeout)
        context: ssl.SSLContext = self._context  # type: ignore[attr-defined]
        self.sock = self.pinned = context.wrap_socket(sock, server_hostname=self.host)


def get(url: str, policy: FetchPolicy) -> Page:
    """GET `url`, following at most `policy.redirects` redirects, each one checked anew."""
    deadline = time.monotonic() + policy.timeout
    for _ in range(policy.redirects + 1):
        page, location = _once(url, policy, deadline)
        if location is None:
            assert page is not None
            return page
        url = urljoin(url, location)
    raise FetchFailed(f"{url}: more than {policy.redirects} redirects")


def _once(url: str, policy: FetchPolicy, deadline: float) -> tuple[Page | None, str | None]:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchFailed(f"{url[:200]}: only http:// and https:// addresses are fetched")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchFailed(f"{url[:200]}: not a valid port") from None
    host = parts.hostname
    address = resolve(host, port, policy)
    kind = _PinnedTLS if parts.scheme == "https" else _Pinned
    connection = kind(host, port, address, policy.timeout)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        connection.timeout = _left(deadline)
        connection.request("GET", target, headers={
            "User-Agent": USER_AGENT, "Accept": "text/html, application/xhtml+xml, text/plain",
        })  # fmt: skip
        response = connection.getresponse()
        if response.status in REDIRECTS:
            location = response.getheader("Location")
            if not location:
                raise FetchFailed(f"{url[:200]}: a redirect without a Location")
            return None, location
        if not 200 <= response.status < 300:
            raise FetchFailed(
                f"{url[:200]}: the server answered {response.status} {response.reason}"
            )
        media_type, charset = _content_type(response.getheader("Content-Type", ""))
        if media_type not in ("text/html", "application/xhtml+xml", "text/plain"):
            raise FetchFailed(f"{url[:200]}: not an HTML page or text ({media_type or 'no type'})")
        body = _body(response, connection.pinned, url, policy, deadline)
    except TimeoutError:
        raise FetchFailed(f"{url[:200]}: timed out after {policy.timeout:g} s") from None
    except ssl.SSLError as error:
        raise FetchFailed(f"{url[:200]}: the TLS connection failed ({error.reason})") from None
    except (OSError, http.client.HTTPException) as error:
        raise FetchFailed(f"{url[:200]}: unreachable ({type(error).__name__})") from None
    finally:
        connection.close()
    return Page(url, media_type, charset, body), None


def _body(
    response: http.client.HTTPResponse,
    sock: socket.socket,
    url: str,
    policy: FetchPolicy,
    deadline: float,
) -> bytes:
    """The body, at most `policy.max_bytes`, all of it before the deadline (a server that
    trickles a byte a second is cut off too)."""
    length = response.getheader("Content-Length", "")
    if length.isdigit() and int(length) > policy.max_bytes:
        raise FetchFailed(
            f"{url[:200]}: {int(length)} bytes is over the limit of {policy.max_bytes}"
        )
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(CHUNK):
        size += len(chunk)
        if size > policy.max_bytes:
            raise FetchFailed(f"{url[:200]}: over the limit of {policy.max_bytes} bytes")
        chunks.append(chunk)
        sock.settimeout(_left(deadline))
    return b"".join(chunks)


def _left(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    return left


def _content_type(header: str) -> tuple[str, str | None]:
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.strip().partition("=")
        if name.lower() == "charset" and value:
            charset = value.strip('"').lower()
    return media.strip().lower(), charset
