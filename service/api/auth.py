"""Closing writes with an API token (READOUT_DIFF_API_TOKEN): one guard, reads stay open."""

from __future__ import annotations

import hmac
from typing import Any

from litestar import Request
from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler
from litestar.types import Guard

from service.errors import Unauthorized

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Route handlers with this opt take the token from a form field too (browsers cannot set
# an Authorization header on a plain form post).
FORM_TOKEN = "token_in_form"
FORM_FIELD = "token"


def bearer(header: str | None) -> str | None:
    """The token of an `Authorization: Bearer <token>` header, else None."""
    scheme, _, token = (header or "").strip().partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


def token_matches(expected: str, presented: str | None) -> bool:
    """Constant-time comparison, so response timing does not leak the token."""
    return hmac.compare_digest(expected.encode(), (presented or "").encode())


def write_guard(token: str) -> Guard:
    """Refuse every write request that does not carry `token` (401 problem+json)."""

    async def guard(
        connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler
    ) -> None:
        if connection.scope.get("method") not in WRITE_METHODS:
            return
        presented = bearer(connection.headers.get("authorization"))
        if presented is None and handler.opt.get(FORM_TOKEN) and isinstance(connection, Request):
            field = (await connection.form()).get(FORM_FIELD)
            presented = field if isinstance(field, str) else None
        if not token_matches(token, presented):
            raise Unauthorized(
                "this server accepts writes only with its API token:"
                " send the header 'Authorization: Bearer <token>'"
            )

    return guard
