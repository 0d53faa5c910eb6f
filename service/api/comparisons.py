"""JSON endpoints for comparisons: a thin controller over the Comparisons service."""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any

from litestar import Controller, Request, Response, delete, get, post
from litestar.di import NamedDependency
from litestar.exceptions import ClientException
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromPath, JSONBody, QueryParameter

from service.api.accept import best_match
from service.api.problems import WRITE_PROBLEMS, problem_responses
from service.api.schemas import (
    MAX_OFFSET,
    MAX_PAGE,
    ComparisonList,
    ComparisonSummary,
)
from service.comparisons import Comparisons
from service.pipeline.types import Report
from service.render import FORMATS, MEDIA_TYPES, render
from service.store import ComparisonQuery
from service.validate import MAX_SEARCH_LENGTH, MAX_SIDE_LENGTH
from service.wire import ComparisonIn

EXTENSION = {"md": "md", "html": "html", "json": "json", "text": "txt"}
_BY_MEDIA_TYPE = {"text/markdown": "md", "text/html": "html", "text/plain": "text"}


def _negotiated(request: Request[Any, Any, Any]) -> str:
    """The format an Accept header asks for; JSON when it names none of ours."""
    best = best_match(request, ["application/json", *_BY_MEDIA_TYPE], "application/json")
    return _BY_MEDIA_TYPE.get(best, "json")


def download_name(report: Report, fmt: str) -> str:
    """`2025-07-31-rubio-cho-hyun.md`: the meeting date and title, ASCII, no path characters."""
    words = re.sub(r"[^a-z0-9]+", "-", (report.title or "-".join(report.sides)).lower())
    stem = "-".join(filter(None, [report.date, words.strip("-")[:80]])) or "comparison"
    return f"{stem}.{EXTENSION[fmt]}"


class ComparisonController(Controller):
    """POST, GET (one or a page) and DELETE /api/comparisons."""

    path = "/api/comparisons"
    tags = ["comparisons"]  # noqa: RUF012 - Controller declares it a plain attribute

    @post(
        "/",
        sync_to_thread=True,
        status_code=201,
        responses=problem_responses(*WRITE_PROBLEMS, 413, 415, 422, 507),
    )
    def submit(
        self, data: JSONBody[ComparisonIn], comparison_service: NamedDependency[Comparisons]
    ) -> Response[Report]:
        """Compare two readouts; the stored report, with its id and a Location header."""
        report = comparison_service.submit(data.to_request())
        return Response(
            report, status_code=201, headers={"Location": f"/api/comparisons/{report.id}"}
        )

    @get(
        "/{comparison_id:str}",
        sync_to_thread=True,
        responses={
            200: ResponseSpec(
                Report,
                description="The report; other formats by Accept or ?format",
                generate_examples=False,  # random examples would differ between processes
            ),
            **problem_responses(404, 406),
        },
    )
    def fetch(
        self,
        request: Request[Any, Any, Any],
        comparison_id: FromPath[str],
        comparison_service: NamedDependency[Comparisons],
        format: Annotated[
            str | None,
            QueryParameter(
                description="md, html, json or text, downloaded as a file; another is a 406",
                schema_extra={"enum": list(FORMATS)},
            ),
        ] = None,
    ) -> Response[Any]:
        """One stored report, as JSON or (by Accept or ?format=) Markdown, HTML or text."""
        fmt = format or _negotiated(request)
        if fmt not in FORMATS:
            raise ClientException(
                status_code=406,
                detail=f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}",
            )
        report = comparison_service.get(comparison_id)
        if fmt == "json" and format is None:
            return Response(report)
        headers = {}
        if format is not None:
            headers["Content-Disposition"] = f'attachment; filename="{download_name(report, fmt)}"'
        # Litestar adds the charset of a text/* type itself: the type goes without its own.
        media_type = MEDIA_TYPES[fmt].partition(";")[0]
        return Response(render(report, fmt), media_type=media_type, headers=headers)

    @get("/", sync_to_thread=True, responses=problem_responses(400))
    def search(
        self,
        comparison_service: NamedDependency[Comparisons],
        limit: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE, description="page size")] = 20,
        offset: Annotated[
            int, QueryParameter(ge=0, le=MAX_OFFSET, description="items to skip")
        ] = 0,
        side: Annotated[
            str | None,
            QueryParameter(min_length=1, max_length=MAX_SIDE_LENGTH, description="side label"),
        ] = None,
        date_from: Annotated[
            datetime.date | None, QueryParameter(description="meetings on or after, YYYY-MM-DD")
        ] = None,
        date_to: Annotated[
            datetime.date | None, QueryParameter(description="meetings on or before, YYYY-MM-DD")
        ] = None,
        text: Annotated[
            str | None,
            QueryParameter(
                min_length=1,
                max_length=MAX_SEARCH_LENGTH,
                description="in title, sides or readouts",
            ),
        ] = None,
    ) -> ComparisonList:
        """Stored comparisons, newest first, filtered by side, meeting date and text."""
        rows, total = comparison_service.page(
            ComparisonQuery(
                limit=limit,
                offset=offset,
                side=side,
                date_from=date_from.isoformat() if date_from else None,
                date_to=date_to.isoformat() if date_to else None,
                text=text,
            )
        )
        return ComparisonList(
            items=[ComparisonSummary.of(row) for row in rows],
            total=total,
            limit=limit,
            offset=offset,
        )

    @delete(
        "/{comparison_id:str}",
        sync_to_thread=True,
        responses=problem_responses(*WRITE_PROBLEMS, 404),
    )
    def remove(
        self, comparison_id: FromPath[str], comparison_service: NamedDependency[Comparisons]
    ) -> None:
        """Delete one stored comparison (204), 404 if there is none."""
        comparison_service.delete(comparison_id)
