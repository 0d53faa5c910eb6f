"""Render a Report in one output format: text, json, md or html (one module per format)."""

from __future__ import annotations

from collections.abc import Callable

from service.errors import InvalidInput
from service.pipeline.types import Report
from service.render.html import to_html
from service.render.json import to_json
from service.render.markdown import to_markdown
from service.render.text import to_text

FORMATS = ("text", "json", "md", "html")
MEDIA_TYPES = {
    "text": "text/plain; charset=utf-8",
    "json": "application/json",
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
}
_RENDERERS: dict[str, Callable[[Report], str]] = {
    "json": lambda report: to_json(report).decode() + "\n",
    "md": to_markdown,
    "text": to_text,
    "html": to_html,
}


def render(report: Report, fmt: str) -> str:
    """The report in `fmt`; InvalidInput names the formats for any other."""
    renderer = _RENDERERS.get(fmt)
    if renderer is None:
        raise InvalidInput(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return renderer(report)


__all__ = ["FORMATS", "MEDIA_TYPES", "render", "to_html", "to_json", "to_markdown", "to_text"]
