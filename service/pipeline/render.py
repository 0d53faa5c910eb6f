"""Pick a renderer by format name: text, json, md, html."""

from __future__ import annotations

from service.errors import InvalidInput
from service.pipeline.report import to_json, to_markdown, to_text
from service.pipeline.types import Report

FORMATS = ("text", "json", "md", "html")


def render(report: Report, fmt: str) -> str:
    if fmt == "json":
        return to_json(report).decode() + "\n"
    if fmt == "md":
        return to_markdown(report)
    if fmt == "text":
        return to_text(report)
    if fmt == "html":
        from service.api.pages import render_report_page

        page: str = render_report_page(report)
        return page
    raise InvalidInput(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
