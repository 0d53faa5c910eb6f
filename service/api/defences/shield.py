"""ASGI middleware in front of the app: only the configured host names are answered, every
response carries the security headers, HEAD is answered on every GET route, and a request body
must arrive within the body timeout."""

from __future__ import annotations

import base64
import hashlib
import json
import time
from collections.abc import Iterable, Mapping

import anyio
from litestar.enums import ScopeType
from litestar.types import (
    ASGIApp,
    HTTPResponseStartEvent,
    Message,
    Receive,
    ReceiveMessage,
    Scope,
    Send,
)

from service.errors import SlowBody
from service.render.html import STATIC


def _script_hash() -> str:
    """The standalone report inlines report.js: the one inline script the policy allows."""
    digest = hashlib.sha256((STATIC / "report.js").read_bytes()).digest()
    return "'sha256-" + base64.b64encode(digest).decode() + "'"


# Styles may be inline: matplotlib's SVG charts colour their bars with style attributes.
CSP = (
    f"default-src 'self'; script-src 'self' {_script_hash()}; style-src 'self' 'unsafe-inline';"
    " img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self';"
    " frame-ancestors 'none'"
)
SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


def host_name(header: str) -> str:
    """The name of a Host header, without its port; an IPv6 address without brackets."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].partition("]")[0]
    return header.rpartition(":")[0] if header.count(":") == 1 else header


def host_allowed(header: str | None, allowed: Iterable[str]) -> bool:
    name = host_name(header or "")
    if not name:
        return False
    return any(
        pattern == "*"
        or name == pattern
        or (pattern.startswith("*.") and name.endswith(pattern[1:]))
        for pattern in allowed
    )


def _problem(status: int, title: str, detail: str) -> tuple[list[tuple[bytes, bytes]], bytes]:
    body = json.dumps({"status": status, "title": title, "detail": detail}).encode()
    headers = [
        (b"content-type", b"application/problem+json"),
        (b"content-length", b"%d" % len(body)),
    ]
    return headers + SECURITY_HEADERS, body


def declared_length(headers: Mapping[str, str]) -> int | None:
    """The body length a request announces: 0 without a body, None when sent chunked."""
    if "transfer-encoding" in headers:
        return None
    length = headers.get("content-length", "").strip()
    return int(length) if length.isdigit() else 0


def shield(
    app: ASGIApp,
    allowed_hosts: tuple[str, ...],
    *,
    body_timeout: float,
    max_body_bytes: int,
    large_bodies: int,
) -> ASGIApp:
    """Wrap the app's whole ASGI handler (unknown URLs included, unlike route middleware);
    at most `large_bodies` requests with a large body are handled at once."""
    slots = anyio.Semaphore(large_bodies)

    async def guarded(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        if not host_allowed(headers.get("host"), allowed_hosts):
            detail = (
                f"this server answers only {', '.join(allowed_hosts)}"
                " (READOUT_DIFF_ALLOWED_HOSTS), not the host this request names"
            )
            response_headers, body = _problem(400, "Unknown host", detail)
            start: HTTPResponseStartEvent = {
                "type": "http.response.start", "status": 400, "headers": response_headers
            }  # fmt: skip
            await send(start)
            await send({"type": "http.response.body", "body": body, "more_body": False})
            return
        head = scope["method"] == "HEAD"
        if head:  # a copy: the server keeps reading its own scope as HEAD (no body expected)
            scope = {**scope, "method": "GET"}  # type: ignore[assignment]
        dressed, timed = _dressed(send, head), _deadline(receive, body_timeout)
        length = declared_length(headers)
        if length is not None and length <= max_body_bytes:
            await app(scope, timed, dressed)
            return
        async with slots:
            await app(scope, timed, dressed)

    return guarded


def _dressed(send: Send, head: bool) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            present = {name.lower() for name, _ in message.get("headers", [])}
            extra = [(k, v) for k, v in SECURITY_HEADERS if k not in present]
            message = {**message, "headers": [*message.get("headers", []), *extra]}
        elif head and message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)

    return sending


def _deadline(receive: Receive, seconds: float) -> Receive:
    """`receive` that raises SlowBody once the body has taken more than `seconds` to arrive."""
    started: float | None = None
    finished = False

    async def receiving() -> ReceiveMessage:
        nonlocal started, finished
        if finished:
            return await receive()
        started = time.monotonic() if started is None else started
        left = started + seconds - time.monotonic()
        try:
            with anyio.fail_after(max(left, 0.001)):
                message = await receive()
            finished = message["type"] != "http.request" or not message.get("more_body", False)
            return message
        except TimeoutError:
            raise SlowBody(
                f"the request body did not arrive within {seconds:g} seconds"
                " (READOUT_DIFF_BODY_TIMEOUT)"
            ) from None

    return receiving
