"""The pages' errors as pages (not problem+json): not found, token required, refused, too large."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response
from litestar.exceptions import NotFoundException
from litestar.response import Template

from service.api.accept import best_match
from service.api.problems import http_problem
from service.errors import CrossSite, NotFound, Unauthorized


def wants_html(request: Request[Any, Any, Any]) -> bool:
    """A browser asking for a page (not an API client, not under /api)."""
    if request.url.path.startswith("/api/"):
        return False
    return best_match(request, ["text/html", "application/json"], "application/json") == "text/html"


def not_found_page(request: Request[Any, Any, Any], error: NotFound) -> Template:
    """A missing comparison or batch as a page, not problem+json."""
    return Template("not_found.html", context={"message": str(error)}, status_code=404)


def unknown_url(request: Request[Any, Any, Any], error: NotFoundException) -> Response[Any]:
    """No route here: an HTML page for a browser, problem+json for everyone else."""
    if wants_html(request):
        message = f"There is no page at {request.url.path}."
        return Template("not_found.html", context={"message": message}, status_code=404)
    return http_problem(error).to_response(request)


def message_page(heading: str, message: str, status: int) -> Template:
    """A page that says in words what happened and what to do."""
    return Template(
        "message.html", context={"message": message, "heading": heading}, status_code=status
    )


def _unauthorized_page(request: Request[Any, Any, Any], error: Unauthorized) -> Template:
    message = (
        "This server saves and deletes comparisons only for holders of its API token."
        " Go back, enter the token in the Token field and submit again."
    )
    return message_page("Token required", message, 401)


def _cross_site_page(request: Request[Any, Any, Any], error: CrossSite) -> Template:
    message = (
        "This form was sent from a page of another site, so nothing was saved or deleted."
        " Open readout-diff itself and submit the form there."
    )
    return message_page("Refused", message, 403)


def too_large_page(request: Request[Any, Any, Any], error: Exception) -> Template:
    """A form over the body limit: what happened and what to do, in words (413)."""
    limit = request.route_handler.resolve_request_max_body_size() or 0
    batch = request.url.path.startswith("/batches")
    advice = (
        "Split the file into smaller ones and start a batch with each."
        if batch
        else "Shorten the readouts (each may hold at most the text of a long readout) and compare"
        " again."
    )
    message = (
        f"What this form sent is larger than the {limit / 1_000_000:.1f} MB this server takes at"
        f" once, so nothing was saved. {advice} Your browser's Back button returns to the form"
        " with what you typed."
    )
    return message_page("Too large", message, 413)


# The pages answer their errors as pages, not problem+json.
PAGE_ERRORS: dict[type[Exception] | int, Any] = {
    NotFound: not_found_page,
    Unauthorized: _unauthorized_page,
    CrossSite: _cross_site_page,
    413: too_large_page,
}
