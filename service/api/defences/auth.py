"""The write gate: cross-site writes refused, JSON only as JSON, the API token checked before
a body is read (READOUT_DIFF_API_TOKEN), then the JSON body's nesting; reads stay open."""

from __future__ import annotations

import hmac
from typing import Any

import anyio.to_thread
from litestar import Request
from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler
from litestar.types import Guard, Receive, ReceiveMessage

from service.api.defences.csrf import refuse_cross_site
from service.api.defences.form_token import first_field
from service.api.defences.shield import declared_length
from service.errors import Unauthorized, UnsupportedMedia
from service.wire import check_depth

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Route handlers with this opt take the token from a form field too (browsers cannot set
# an Authorization header on a plain form post). The field must come first in the body, so
# that the token is checked on the first few kilobytes, before the rest is read.
FORM_TOKEN = "token_in_form"
FORM_FIELD = "token"
TOKEN_PREFIX_BYTES = 16 * 1024


def bearer(header: str | None) -> str | None:
    """The token of an `Authorization: Bearer <token>` header, else None."""
    scheme, _, token = (header or "").strip().partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


def token_matches(expected: str, presented: str | None) -> bool:
    """Constant-time comparison, so response timing does not leak the token."""
    return hmac.compare_digest(expected.encode(), (presented or "").encode())


def _has_body(connection: ASGIConnection[Any, Any, Any, Any]) -> bool:
    return declared_length(connection.headers) != 0


def _is_json(connection: ASGIConnection[Any, Any, Any, Any]) -> bool:
    media = connection.headers.get("content-type", "").partition(";")[0].strip().lower()
    return media == "application/json" or (
        media.startswith("application/") and media.endswith("+json")
    )


async def _form_token(request: Request[Any, Any, Any]) -> str | None:
    """The token field at the head of a form body; what was read is handed on unchanged."""
    media = request.headers.get("content-type", "")
    messages: list[ReceiveMessage] = []
    head = b""
    done, value = False, None
    while not done and len(head) <= TOKEN_PREFIX_BYTES:
        message = await request.receive()
        messages.append(message)
        if message["type"] != "http.request":
            break
        head += message.get("body", b"")
        ended = not message.get("more_body", False)
        done, value = first_field(head, media, FORM_FIELD, ended=ended)
        if ended:
            break
    request.receive = _replay(messages, request.receive)
    return value


def _replay(messages: list[ReceiveMessage], receive: Receive) -> Receive:
    async def replaying() -> ReceiveMessage:
        return messages.pop(0) if messages else await receive()

    return replaying


def write_gate(token: str | None, max_depth: int) -> Guard:
    """Refuse cross-site writes (403), non-JSON bodies to the API (415), writes without
    `token` when one is set (401), and JSON nested deeper than `max_depth` (400)."""

    async def guard(
        connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler
    ) -> None:
        method = connection.scope.get("method", "GET")
        if method not in WRITE_METHODS:
            return
        refuse_cross_site(method, connection.headers)
        in_form = bool(handler.opt.get(FORM_TOKEN))
        api = connection.scope["path"].startswith("/api/")
        if api and _has_body(connection) and not _is_json(connection):
            raise UnsupportedMedia("send the body as JSON, with 'Content-Type: application/json'")
        if token is not None:
            presented = bearer(connection.headers.get("authorization"))
            if presented is None and in_form and isinstance(connection, Request):
                presented = await _form_token(connection)
            if not token_matches(token, presented):
                raise Unauthorized(
                    "this server accepts writes only with its API token: send the header"
                    " 'Authorization: Bearer <token>' (or, from a form, the token field first)"
                )
        if api and _has_body(connection) and isinstance(connection, Request):
            await anyio.to_thread.run_sync(check_depth, await connection.body(), max_depth)

    return guard
