"""HTML pages: the home page with its form and list, and the report page; thin over Comparisons."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import anyio.to_thread
import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery
from litestar.response import Redirect, Template

from service.api.defences import FORM_TOKEN
from service.api.pages.errors import PAGE_ERRORS
from service.api.pages.form import (
    LETTERS,
    ORDINAL,
    fetch_into,
    form_body,
    plain_words,
    text_fields,
    used,
)
from service.api.pages.home import home_entries
from service.comparisons import Comparisons
from service.errors import ReadoutDiffError
from service.pipeline.classify.calibration import load_calibration
from service.render.html import guide_context, report_context
from service.store import ComparisonQuery
from service.validate import MAX_SEARCH_LENGTH, MAX_SIDE_LENGTH, is_day
from service.wire import decode_request

PAGE_SIZE = 25
MAX_PAGE_NUMBER = 1_000_000  # a bigger ?page= shows this (empty) page, not an SQLite overflow
FILTERS = ("text", "side", "date_from", "date_to")


class PageController(Controller):
    """The pages: GET /, the form (POST /), GET /comparisons/{id}, delete."""

    include_in_schema = False
    exception_handlers = PAGE_ERRORS  # type: ignore[assignment]

    @get("/", sync_to_thread=True)
    def home(
        self,
        comparison_service: NamedDependency[Comparisons],
        page: FromQuery[int] = 1,
        text: FromQuery[str | None] = None,
        side: FromQuery[str | None] = None,
        date_from: FromQuery[str | None] = None,
        date_to: FromQuery[str | None] = None,
        deleted: FromQuery[str | None] = None,
    ) -> Template:
        filters = {"text": text, "side": side, "date_from": date_from, "date_to": date_to}
        return self._home(
            comparison_service,
            page=min(max(page, 1), MAX_PAGE_NUMBER),
            filters={k: (v or "").strip() for k, v in filters.items()},
            deleted=(deleted or "")[:320] or None,
        )

    @get("/how-to-read", sync_to_thread=False)
    def how_to_read(self, comparison_service: NamedDependency[Comparisons]) -> Template:
        """What a report's headings and numbers mean, with this server's threshold."""
        encoder = comparison_service.encoder.name
        context = {"encoder": encoder, **guide_context(load_calibration(encoder).match_threshold)}
        return Template("how_to_read.html", context=context)

    @get("/comparisons")
    async def form_address(self) -> Redirect:
        """The old form address, reloaded or typed in: the form lives at /."""
        return Redirect("/", status_code=303)

    @post("/comparisons", status_code=308)
    async def old_form_address(self) -> Redirect:
        """Forms saved before the form moved to /: 308 keeps the method and the body."""
        return Redirect("/", status_code=308)

    @post("/", opt={FORM_TOKEN: True})
    async def submit_form(
        self, request: Request[Any, Any, Any], comparison_service: NamedDependency[Comparisons]
    ) -> Response[Any]:
        """Compare, or fill a readout from its URL (Fetch); multipart, or urlencoded as before."""
        data = dict((await request.form()).items())
        return await anyio.to_thread.run_sync(self._submit, comparison_service, data)

    def _submit(self, comparison_service: Comparisons, data: dict[str, Any]) -> Response[Any]:
        limit = 4 * comparison_service.max_readout_chars  # UTF-8: at most 4 bytes a character
        try:
            form = text_fields(data, limit)
        except ReadoutDiffError as error:
            form = {k: v for k, v in data.items() if isinstance(v, str)}
            return self._home(comparison_service, form=form, error=plain_words(error), status=422)
        fetching = next((n for n in LETTERS if f"fetch_{n}" in form), None)
        if fetching is not None:  # a readout's Fetch button, not Compare
            try:
                filled, notice = fetch_into(form, fetching, comparison_service.fetch_policy)
            except ReadoutDiffError as error:
                return self._home(
                    comparison_service, form=form, error=plain_words(error), status=422
                )
            return self._home(comparison_service, form=filled, notice=notice)
        try:
            request = decode_request(form_body(form))
            report = comparison_service.submit(request)
        except (msgspec.ValidationError, ReadoutDiffError) as error:
            return self._home(comparison_service, form=form, error=plain_words(error), status=422)
        return Redirect(f"/comparisons/{report.id}", status_code=303)

    @get("/comparisons/{comparison_id:str}", sync_to_thread=True)
    def report(
        self, comparison_id: FromPath[str], comparison_service: NamedDependency[Comparisons]
    ) -> Template:
        return Template(
            "report.html", context=report_context(comparison_service.get(comparison_id))
        )

    @post("/comparisons/{comparison_id:str}/delete", sync_to_thread=True, opt={FORM_TOKEN: True})
    def delete(
        self, comparison_id: FromPath[str], comparison_service: NamedDependency[Comparisons]
    ) -> Redirect:
        request = comparison_service.request_of(comparison_id)
        comparison_service.delete(comparison_id)
        what = request.title or " vs ".join(r.side for r in request.readouts)
        if request.date:
            what += f" ({request.date})"
        return Redirect(f"/?{urlencode({'deleted': what})}", status_code=303)

    @staticmethod
    def _home(
        service: Comparisons,
        *,
        page: int = 1,
        filters: dict[str, str] | None = None,
        form: dict[str, str] | None = None,
        error: str | None = None,
        notice: str | None = None,
        status: int = 200,
        deleted: str | None = None,
    ) -> Template:
        filters = filters or dict.fromkeys(FILTERS, "")
        problems = [
            f"The {label} date must be a real day, as YYYY-MM-DD."
            for name, label in (("date_from", "from"), ("date_to", "to"))
            if filters[name] and not is_day(filters[name])
        ]
        query = ComparisonQuery(
            limit=PAGE_SIZE,
            offset=(page - 1) * PAGE_SIZE,
            text=filters["text"][:MAX_SEARCH_LENGTH] or None,
            side=filters["side"][:MAX_SIDE_LENGTH] or None,
            date_from=filters["date_from"] if is_day(filters["date_from"]) else None,
            date_to=filters["date_to"] if is_day(filters["date_to"]) else None,
            by_meeting_date=True,
        )
        entries, total = home_entries(service, query)
        return Template(
            "home.html",
            context={
                "entries": entries,
                "total": total,
                "page": page,
                "pages": max(1, -(-total // PAGE_SIZE)),
                "filters": filters,
                "filtered": any(filters.values()),
                "filter_errors": problems,
                "form": form or {"side_a": "US", "side_b": "KR"},
                "error": error,
                "notice": notice,
                "more_readouts": [(n, ORDINAL[i].capitalize()) for i, n in enumerate(LETTERS)][2:],
                "more_open": any(used(form or {}, n) for n in LETTERS[2:]),
                "deleted": deleted,
            },
            status_code=status,
        )
