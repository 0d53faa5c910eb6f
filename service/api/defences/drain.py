"""ASGI middleware: read and discard a request body the app refused unread (413 too large, 401
no token, 403 cross-site, 415 not JSON) before answering, so that every client, not only those
that send `Expect: 100-continue`, sees the answer instead of a connection reset. Nothing is
kept: memory stays flat however big the refused body. A body refused for what it is (413) is
drained up to 128 MB; one refused for who sent it (401, 403, 415) up to 8 MB only, so that an
unauthorised upload costs little beyond its first bytes (a bigger one gets its connection
closed after the answer)."""

from __future__ import annotations

from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, ReceiveMessage, Scope, Send

from service.api.defences.shield import declared_length

# Beyond these the body is not read: the connection is closed after the answer, as before.
# (A 408 is not drained: its client is the one that does not send.)
MAX_DRAIN_BYTES = 128 * 1024 * 1024
MAX_DRAIN_REFUSED_BYTES = 8 * 1024 * 1024


def drain_refused_bodies(app: ASGIApp) -> ASGIApp:
    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP or not _has_body(scope):
            await app(scope, receive, send)
            return
        finished = False

        async def tracking_receive() -> ReceiveMessage:
            nonlocal finished
            message = await receive()
            if message["type"] != "http.request" or not message.get("more_body", False):
                finished = True
            return message

        async def draining_send(message: Message) -> None:
            status = message["status"] if message["type"] == "http.response.start" else 0
            if status >= 400 and status != 408:
                limit = MAX_DRAIN_BYTES if status == 413 else MAX_DRAIN_REFUSED_BYTES
                await _drain(receive, finished, limit)
            await send(message)

        await app(scope, tracking_receive, draining_send)

    return middleware


def _has_body(scope: Scope) -> bool:
    headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
    return declared_length(headers) != 0


async def _drain(receive: Receive, finished: bool, limit: int) -> None:
    read = 0
    while not finished and read <= limit:
        message = await receive()
        if message["type"] != "http.request":
            return
        read += len(message.get("body", b""))
        finished = not message.get("more_body", False)
