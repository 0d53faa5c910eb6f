"""HTML pages: the home page with its form, and the report page; thin over Comparisons."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery, URLEncodedBody
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.response import Redirect, Template
from litestar.router import Router
from litestar.static_files import create_static_files_router
from litestar.template.config import TemplateConfig

from service.api.auth import FORM_TOKEN
from service.api.schemas import ComparisonIn
from service.comparisons import Comparisons
from service.errors import NotFound, ReadoutDiffError, Unauthorized
from service.render.html import STATIC, environment, report_context
from service.store import ComparisonQuery

PAGE_SIZE = 25
MAX_PAGE_NUMBER = 1_000_000  # a bigger ?page= shows this (empty) page, not an SQLite overflow


def template_config() -> TemplateConfig[JinjaTemplateEngine]:
    """The server's templates are the renderer's: one environment for pages and reports."""
    return TemplateConfig(instance=JinjaTemplateEngine.from_environment(environment()))


def static_files() -> Router:
    return create_static_files_router(path="/static", directories=[STATIC])


def _form_body(form: dict[str, str]) -> dict[str, Any]:
    """The form fields as a POST /api/comparisons body; blank optional fields left out."""
    body: dict[str, Any] = {
        "readouts": [
            {"side": form.get(f"side_{n}", "").strip(), "text": form.get(f"text_{n}", "")}
            for n in ("a", "b")
        ]
    }
    for name in ("title", "date"):
        if form.get(name, "").strip():
            body[name] = form[name].strip()
    return body


def not_found_page(request: Request[Any, Any, Any], error: NotFound) -> Template:
    """A missing comparison or batch as a page, not problem+json."""
    return Template("not_found.html", context={"message": str(error)}, status_code=404)


def _unauthorized_page(request: Request[Any, Any, Any], error: Unauthorized) -> Template:
    message = (
        "This server saves and deletes comparisons only for holders of its API token."
        " Go back, enter the token in the Token field and submit again."
    )
    return Template(
        "message.html", context={"message": message, "heading": "Token required"}, status_code=401
    )


class PageController(Controller):
    """The pages: GET /, POST /comparisons (the form), GET /comparisons/{id}, delete."""

    include_in_schema = False
    exception_handlers = {NotFound: not_found_page, Unauthorized: _unauthorized_page}  # noqa: RUF012 - Controller attribute

    @get("/", sync_to_thread=True)
    def home(
        self,
        comparison_service: NamedDependency[Comparisons],
        page: FromQuery[int] = 1,
        text: FromQuery[str | None] = None,
    ) -> Template:
        return self._home(comparison_service, page=min(max(page, 1), MAX_PAGE_NUMBER), text=text)

    @post("/comparisons", sync_to_thread=True, opt={FORM_TOKEN: True})
    def submit_form(
        self,
        data: URLEncodedBody[dict[str, str]],
        comparison_service: NamedDependency[Comparisons],
    ) -> Response[Any]:
        try:
            request = msgspec.convert(_form_body(data), ComparisonIn).to_request()
            report = comparison_service.submit(
                request.readouts, title=request.title, date=request.date
            )
        except (msgspec.ValidationError, ReadoutDiffError) as error:
            return self._home(comparison_service, form=data, error=_explain(error), status=422)
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
        comparison_service.delete(comparison_id)
        return Redirect("/", status_code=303)

    @staticmethod
    def _home(
        service: Comparisons,
        *,
        page: int = 1,
        text: str | None = None,
        form: dict[str, str] | None = None,
        error: str | None = None,
        status: int = 200,
    ) -> Template:
        query = ComparisonQuery(limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE, text=text or None)
        rows, total = service.page(query)
        return Template(
            "home.html",
            context={
                "rows": rows,
                "total": total,
                "page": page,
                "pages": max(1, -(-total // PAGE_SIZE)),
                "text": text or "",
                "form": form or {"side_a": "US", "side_b": "KR"},
                "error": error,
            },
            status_code=status,
        )


def _explain(error: Exception) -> str:
    """A validation error in the words of the form, not of the JSON body."""
    message = str(error)
    for path, label in (
        ("$.readouts[0].side", "First side label"),
        ("$.readouts[1].side", "Second side label"),
        ("$.readouts[0].text", "First readout"),
        ("$.readouts[1].text", "Second readout"),
        ("$.date", "Date"),
        ("$.title", "Title"),
    ):
        message = message.replace(f"- at `{path}`", f"({label})")
    return message
