"""Batch endpoints and the batch page: thin over the Batches service."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Response, get, post
from litestar.datastructures import UploadFile
from litestar.di import NamedDependency
from litestar.enums import RequestEncodingType
from litestar.params import Body, FromPath, JSONBody
from litestar.response import Redirect, Template

from service.api.batch.form import form_lines, item_problems
from service.api.batch.schemas import MAX_BATCH_BYTES, BatchAccepted, BatchIn, BatchOut
from service.api.batch.view import batch_page_context
from service.api.defences import FORM_TOKEN
from service.api.pages import PAGE_ERRORS
from service.api.problems import WRITE_PROBLEMS, problem_responses
from service.batch.queue import Batches
from service.errors import BadRequest, Busy, InvalidInput


class BatchController(Controller):
    """POST /api/batches (202, runs in the background), GET progress and trends, trends CSV."""

    path = "/api/batches"
    tags = ["batches"]  # noqa: RUF012 - Controller declares it a plain attribute

    @post(
        "/",
        status_code=202,
        responses=problem_responses(*WRITE_PROBLEMS, 413, 415, 422, 503, 507),
        request_max_body_size=MAX_BATCH_BYTES,
        sync_to_thread=True,
    )
    def submit(
        self, data: JSONBody[BatchIn], batch_service: NamedDependency[Batches]
    ) -> Response[BatchAccepted]:
        """Queue many comparisons; the service keeps answering while a worker runs them."""
        row = batch_service.submit(data.comparisons, data.name)
        accepted = BatchAccepted(
            id=row.id, status=row.status, total=row.total,
            url=f"/api/batches/{row.id}", page=f"/batches/{row.id}", name=row.name,
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
            media_type="text/csv",
            headers={"Content-Disposition": f'attachment; filename="trends-{batch_id}.csv"'},
        )


class BatchPageController(Controller):
    """GET /batches (list and form), POST /batches (the form), GET /batches/{id} (progress,
    trends, topics with their meetings and quotes)."""

    include_in_schema = False
    exception_handlers = PAGE_ERRORS  # type: ignore[assignment]

    @get("/batches", sync_to_thread=True)
    def index(self, batch_service: NamedDependency[Batches]) -> Template:
        return _index(batch_service)

    @post(
        "/batches",
        sync_to_thread=True,
        opt={FORM_TOKEN: True},
        request_max_body_size=MAX_BATCH_BYTES,
    )
    def submit_form(
        self,
        data: Annotated[dict[str, Any], Body(media_type=RequestEncodingType.MULTI_PART)],
        batch_service: NamedDependency[Batches],
    ) -> Response[Any]:
        """Paste or upload JSON lines: a bad line becomes an error item and the rest run, as in
        the CLI; refused whole (every error listed) only when no line can run."""
        pasted = data.get("jsonl") if isinstance(data.get("jsonl"), str) else ""
        problems: list[str] = []
        label = data.get("name") if isinstance(data.get("name"), str) else None  # the batch's
        try:
            raw, name = form_lines(pasted or "", _uploaded(data.get("file")))
            items = batch_service.prepare_lines(raw)
            problems = item_problems(items)
            if len(problems) == len(items):
                raise InvalidInput(f"no line of {name} is a comparison that can run:")
            row = batch_service.queue(items, label)
        except (InvalidInput, BadRequest, Busy) as error:
            status = 503 if isinstance(error, Busy) else 422
            return _index(
                batch_service, error=str(error), problems=problems, pasted=pasted or "",
                name=label, status=status,
            )  # fmt: skip
        return Redirect(f"/batches/{row.id}", status_code=303)

    @get("/batches/{batch_id:str}", sync_to_thread=True)
    def page(self, batch_id: FromPath[str], batch_service: NamedDependency[Batches]) -> Template:
        row, items = batch_service.get(batch_id)
        context = batch_page_context(row, items, batch_service.trends(row))
        return Template("batch.html", context=context)


def _uploaded(upload: object) -> tuple[str, bytes] | None:
    if not isinstance(upload, UploadFile) or not upload.filename:
        return None
    return upload.filename, upload.file.read()


def _index(
    service: Batches,
    *,
    error: str | None = None,
    problems: list[str] | None = None,
    pasted: str = "",
    name: str | None = None,
    status: int = 200,
) -> Template:
    context = {
        "batches": service.recent(), "error": error, "problems": problems or [], "pasted": pasted,
        "max_batch_bytes": MAX_BATCH_BYTES, "name": name or "",
    }  # fmt: skip
    return Template("batches.html", context=context, status_code=status)
