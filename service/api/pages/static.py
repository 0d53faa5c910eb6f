"""The pages' templates and static files: the HTML renderer's, served from a fixed set."""

from __future__ import annotations

from functools import cache

from litestar import Response, get
from litestar.params import FromPath
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.template.config import TemplateConfig

from service.errors import NotFound
from service.render.html import STATIC, environment


def template_config() -> TemplateConfig[JinjaTemplateEngine]:
    """The server's templates are the renderer's: one environment for pages and reports."""
    return TemplateConfig(instance=JinjaTemplateEngine.from_environment(environment()))


# The static files by name: a fixed set, so no request path ever reaches the file system.
STATIC_FILES = {path.name: path for path in STATIC.iterdir() if path.is_file()}
_STATIC_TYPES = {".css": "text/css", ".js": "text/javascript"}


@get("/static/{name:str}", sync_to_thread=False, include_in_schema=False)
def static_file(name: FromPath[str]) -> Response[bytes]:
    """One of the pages' styles and scripts; any other name is a 404."""
    path = STATIC_FILES.get(name)
    if path is None:
        raise NotFound(f"there is no static file {name[:100]!r}")
    media = _STATIC_TYPES.get(path.suffix, "application/octet-stream")
    return Response(_static_bytes(name), media_type=media)


@cache
def _static_bytes(name: str) -> bytes:
    return STATIC_FILES[name].read_bytes()
