"""The report as HTML: the Jinja environment and templates the web pages reuse, and the renderer."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from service.pipeline.types import Report
from service.render.attributions import SECTION_TITLE, attribution_lines
from service.render.reading import (
    HOW_TO_READ_TITLE,
    emphases_heading,
    how_to_read,
    same_matter,
    threshold_words,
)
from service.render.sides import ALL_BUT_ONE_TITLE, all_but_one_views
from service.render.view import VERDICT_LABEL, side_views, strength_gap_views

HERE = Path(__file__).parent
TEMPLATES, STATIC = HERE / "templates", HERE / "static"


@lru_cache(maxsize=1)
def environment() -> Environment:
    """One Jinja environment for the server's pages and standalone reports; autoescape on."""
    return Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined
    )


def report_context(report: Report, *, standalone: bool = False) -> dict[str, Any]:
    """What report.html needs; `standalone` inlines the styles and script into the page."""
    sides = side_views(report)
    languages = {side.lang for side in sides}
    context: dict[str, Any] = {
        "report": report,
        "sides": sides,
        "page_lang": languages.pop() if len(languages) == 1 else "en",
        "labels": VERDICT_LABEL,
        "standalone": standalone,
        "strength_gaps": strength_gap_views(report),
        "attributions": attribution_lines(report),
        "attribution_title": SECTION_TITLE,
        # Three or more readouts: a column each, and what every side but one said.
        "many_class": " many" if len(report.sides) > 2 else "",
        "all_but_one": all_but_one_views(report),
        "all_but_one_title": ALL_BUT_ONE_TITLE,
        "emphases_heading": emphases_heading,
        "threshold_words": threshold_words(report.model.encoder, same_matter(report)),
        **guide_context(same_matter(report)),
    }
    if standalone:
        context["inline_css"] = (STATIC / "style.css").read_text(encoding="utf-8")
        context["inline_js"] = (STATIC / "report.js").read_text(encoding="utf-8")
    return context


def guide_context(threshold: float) -> dict[str, Any]:
    """What the 'How to read this' page and section need."""
    return {"how_to_read_title": HOW_TO_READ_TITLE, "guide": how_to_read(threshold)}


def to_html(report: Report) -> str:
    """The report page as one self-contained document that works offline from a file."""
    return environment().get_template("report.html").render(report_context(report, standalone=True))
