"""Content negotiation that survives any Accept header."""

from __future__ import annotations

from typing import Any

from litestar import Request


def best_match(request: Request[Any, Any, Any], offered: list[str], default: str) -> str:
    """The offered media type the Accept header prefers; `default` when it names none of them
    or cannot be read (Litestar turns `q=1e308` or `q=inf` into an OverflowError)."""
    try:
        return request.accept.best_match(offered, default=default) or default
    except (OverflowError, ValueError):
        return default
