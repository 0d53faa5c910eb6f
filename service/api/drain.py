"""ASGI middleware: read and discard a request body the app refused unread (413 too large, 401
no token, 403 cross-site, 415 not JSON) before answering, so that every client, not only those
that send `Expect: 100-continue`, sees the answer instead of a connection reset. Nothing is
kept: memory stays flat however big the refused body."""

from __future__ import annotations

from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, ReceiveMessage, Scope, Send

# Beyond this the body is not read: the connection is closed after the answer, as before.
# (A 408 is not drained: its client is the one that does not send.)
MAX_DRAIN_BYTES = 128 * 1024 * 1024


def drain_refused_bodies(app: ASGIApp) -> ASGIApp:
    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
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
            if message["type"] == "http.response.start" and message["status"] != 408:
                await _drain(receive, finished)
            await send(message)

        await app(scope, tracking_receive, draining_send)

    return middleware


async def _drain(receive: Receive, finished: bool) -> None:
    read = 0
    while not finished and read <= MAX_DRAIN_BYTES:
        message = await receive()
        if message["type"] != "http.request":
            return
        read += len(message.get("body", b""))
        finished = not message.get("more_body", False)
