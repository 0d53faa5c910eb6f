"""Every error as application/problem+json (RFC 9457), from ONE table of domain errors."""

from __future__ import annotations

import logging
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

import msgspec
from litestar.exceptions import HTTPException
from litestar.openapi.datastructures import ResponseSpec
from litestar.plugins.problem_details import (
    ProblemDetailsConfig,
    ProblemDetailsException,
    ProblemDetailsPlugin,
)

from service.errors import (
    Busy,
    Conflict,
    CrossSite,
    FetchFailed,
    FetchRefused,
    InvalidInput,
    NotFound,
    ReadoutDiffError,
    SlowBody,
    StorageFull,
    Unauthorized,
    UnsupportedMedia,
)
from service.validate import Refused

log = logging.getLogger("readout_diff.api")

# The one table: error → (HTTP status, problem type, title). First match wins, so a subclass
# not listed falls through to its parent's row. Besides the domain errors: a JSON body with
# bytes that are not UTF-8 inside a string, which Litestar's decoder lets through as a
# UnicodeDecodeError rather than a validation error, and the last line of defence against
# nesting deeper than the checked limit (RecursionError).
PROBLEMS: dict[type[Exception], tuple[int, str, str]] = {
    FetchRefused: (403, "urn:readout-diff:fetch-refused", "The URL may not be fetched"),
    FetchFailed: (422, "urn:readout-diff:fetch-failed", "The URL could not be fetched"),
    # A body the one input check refuses reads as a schema violation: 400, naming the field.
    Refused: (400, "urn:readout-diff:invalid-field", "Bad Request"),
    InvalidInput: (422, "urn:readout-diff:invalid-input", "The readouts cannot be compared"),
    Unauthorized: (401, "urn:readout-diff:unauthorized", "API token required"),
    NotFound: (404, "urn:readout-diff:not-found", "Not found"),
    Conflict: (409, "urn:readout-diff:conflict", "Conflict"),
    StorageFull: (507, "urn:readout-diff:storage-full", "The disk is full"),
    CrossSite: (403, "urn:readout-diff:cross-site", "Cross-site request refused"),
    UnsupportedMedia: (415, "urn:readout-diff:media-type", "Unsupported media type"),
    SlowBody: (408, "urn:readout-diff:slow-body", "Request body too slow"),
    Busy: (503, "urn:readout-diff:busy", "The batch queue is full"),
    ReadoutDiffError: (400, "urn:readout-diff:bad-request", "Bad request"),
    UnicodeDecodeError: (400, "urn:readout-diff:not-utf8", "The request body is not UTF-8"),
    RecursionError: (400, "urn:readout-diff:too-deep", "The JSON nests too deep"),
}
# Seconds a client is told to wait (Retry-After) when the batch queue is full.
RETRY_AFTER = 60


def _detail(error: Exception) -> str:
    if isinstance(error, UnicodeDecodeError):
        return f"the request body is not valid UTF-8 (byte {error.start})"
    if isinstance(error, RecursionError):
        return "the JSON body nests too deep (READOUT_DIFF_MAX_JSON_DEPTH)"
    return str(error)


def _domain_problem(error: Exception) -> ProblemDetailsException:
    status, kind, title = next(row for base, row in PROBLEMS.items() if isinstance(error, base))
    headers = {
        401: {"WWW-Authenticate": 'Bearer realm="readout-diff"'},
        503: {"Retry-After": str(RETRY_AFTER)},
        408: {"Connection": "close"},
    }.get(status)
    extra = None
    if isinstance(error, Refused):
        extra = {"errors": [{"message": str(error), "key": error.problem.key, "source": "body"}]}
    return ProblemDetailsException(
        status_code=status,
        title=title,
        detail=_detail(error),
        type_=kind,
        headers=headers,
        extra=extra,
    )


def http_problem(error: HTTPException) -> ProblemDetailsException:
    """Litestar's own errors (validation, 404 route, 405, 413): its message as the detail."""
    extra: dict[str, Any] = {}
    if isinstance(error.extra, list) and error.extra:
        extra["errors"] = error.extra
    elif isinstance(error.extra, dict):
        extra.update(error.extra)
    detail = error.detail
    if error.status_code == 413:
        detail = (
            "the request body is over the size limit (READOUT_DIFF_MAX_BODY_BYTES;"
            " for a batch READOUT_DIFF_MAX_BATCH_BYTES)"
        )
    return ProblemDetailsException(
        status_code=error.status_code,
        title=HTTPStatus(error.status_code).phrase,
        detail=detail,
        headers=error.headers,
        extra=extra or None,
    )


def _unexpected_problem(error: Exception) -> ProblemDetailsException:
    log.exception("unexpected error", exc_info=error)
    return ProblemDetailsException(
        status_code=500,
        title="Internal server error",
        detail="the server failed to handle this request; nothing was stored",
    )


def problem_details_plugin() -> ProblemDetailsPlugin:
    mapping: dict[type[Exception], Callable[[Any], ProblemDetailsException]] = {
        kind: _domain_problem for kind in PROBLEMS
    }
    mapping[HTTPException] = http_problem
    mapping[Exception] = _unexpected_problem
    return ProblemDetailsPlugin(
        ProblemDetailsConfig(
            enable_for_all_http_exceptions=True, exception_to_problem_detail_map=mapping
        )
    )


class Problem(msgspec.Struct, frozen=True):
    """An error response (RFC 9457); validation errors add `errors`, one per bad field."""

    status: int
    title: str
    detail: str
    type: str | None = None
    errors: list[dict[str, Any]] | None = None


# What every write can answer before its own checks: the write gate's refusals (bad JSON 400,
# no token 401, cross-site 403) and a body too slow (408).
WRITE_PROBLEMS = (400, 401, 403, 408)


def problem_responses(*statuses: int) -> dict[int, ResponseSpec]:
    """OpenAPI entries for the errors a route can answer, all application/problem+json."""
    return {
        status: ResponseSpec(
            data_container=Problem,
            media_type="application/problem+json",
            description=HTTPStatus(status).phrase,
            generate_examples=False,
        )
        for status in statuses
    }
