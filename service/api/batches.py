"""Batch endpoints and the batch page: thin over the Batches service."""

from __future__ import annotations

from litestar import Controller, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from litestar.response import Template

from service.api.batch_schemas import MAX_BATCH_BYTES, BatchAccepted, BatchIn, BatchOut
from service.api.batch_view import batch_page_context
from service.api.pages import not_found_page
from service.api.problems import problem_responses
from service.batch.service import Batches
from service.errors import NotFound


class BatchController(Controller):
    """POST /api/batches (202, runs in the background), GET progress and trends, trends CSV."""

    path = "/api/batches"
    tags = ["batches"]  # noqa: RUF012 - Controller declares it a plain attribute

    @post(
        "/",
        status_code=202,
        responses=problem_responses(400, 401, 413, 422, 507),
        request_max_body_size=MAX_BATCH_BYTES,
        sync_to_thread=True,
    )
    def submit(
        self, data: JSONBody[BatchIn], batch_service: NamedDependency[Batches]
    ) -> Response[BatchAccepted]:
        """Queue many comparisons; the service keeps answering while a worker runs them."""
        row = batch_service.submit(data.comparisons)
        accepted = BatchAccepted(
            id=row.id, status=row.status, total=row.total,
            url=f"/api/batches/{row.id}", page=f"/batches/{row.id}",
        )  # fmt: skip
        return Response(accepted, status_code=202, headers={"Location": accepted.url})

    @get("/{batch_id:str}", sync_to_thread=True, responses=problem_responses(404))
    def fetch(self, batch_id: FromPath[str], batch_service: NamedDependency[Batches]) -> BatchOut:
        """Progress, the comparison of each item, and the trends once the batch is done."""
        row, items = batch_service.get(batch_id)
        return BatchOut.of(row, items, batch_service.trends(row))

    @get(
        "/{batch_id:str}/trends.csv",
        sync_to_thread=True,
        media_type="text/csv",
        responses=problem_responses(404, 409),
    )
    def trends_csv(
        self, batch_id: FromPath[str], batch_service: NamedDependency[Batches]
    ) -> Response[str]:
        """Meetings per topic, side and quarter as CSV (409 until the batch is done)."""
        return Response(
            batch_service.trends_csv(batch_id),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="trends-{batch_id}.csv"'},
        )


class BatchPageController(Controller):
    """GET /batches/{id}: progress, a chart per side, topics with their meetings and quotes."""

    include_in_schema = False
    exception_handlers = {NotFound: not_found_page}  # noqa: RUF012 - Controller attribute

    @get("/batches/{batch_id:str}", sync_to_thread=True)
    def page(self, batch_id: FromPath[str], batch_service: NamedDependency[Batches]) -> Template:
        row, items = batch_service.get(batch_id)
        context = batch_page_context(row, items, batch_service.trends(row))
        return Template("batch.html", context=context)
