"""What the batch page shows: the chart, the table beside it and topic listings; no HTML here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import msgspec

from service.api.batch.chart import chart_svg, topics_svg
from service.api.batch.form import plain
from service.api.batch.schemas import Progress
from service.batch.items import Item
from service.batch.queue import BatchRow
from service.batch.trends import TopicOut, Trends


@dataclass(frozen=True)
class PeriodRow:
    """A quarter with meetings, and per side (emphases it made alone, meetings it took part in)."""

    period: str
    cells: list[tuple[int, int]]


def timeline_rows(trends: Trends) -> list[PeriodRow]:
    cells: dict[str, dict[str, tuple[int, int]]] = {}
    for count in trends.timeline:
        cells.setdefault(count.period, {})[count.side] = (count.emphases, count.meetings)
    return [
        PeriodRow(period, [cells[period].get(side, (0, 0)) for side in trends.sides])
        for period in cells
        if any(took_part for _, took_part in cells[period].values())
    ]


@dataclass(frozen=True)
class TopicView:
    topic: TopicOut
    meetings: list[dict[str, Any]]  # one per meeting: title, date, page, quotes by side


def topic_views(trends: Trends) -> list[TopicView]:
    views = []
    for topic in trends.topics:
        meetings: dict[str, dict[str, Any]] = {}
        for mention in topic.mentions:
            entry = meetings.setdefault(mention.meeting, {
                "title": mention.title or "untitled meeting", "date": mention.date,
                "page": f"/comparisons/{mention.meeting}", "quotes": [],
            })  # fmt: skip
            entry["quotes"].append(mention)
        views.append(TopicView(topic, list(meetings.values())))
    return views


def charts(trends: Trends | None, salt: str) -> dict[str, str]:
    """Both charts at both widths, as inline SVG; none without a dated meeting."""
    names = ("chart_wide", "chart_narrow", "topics_wide", "topics_narrow")
    if trends is None or not trends.quarters:
        return dict.fromkeys(names, "")
    recurring = any(t.meetings > 1 for t in trends.topics)
    return {
        "chart_wide": chart_svg(trends, salt=salt),
        "chart_narrow": chart_svg(trends, narrow=True, salt=salt),
        "topics_wide": topics_svg(trends, salt=salt) if recurring else "",
        "topics_narrow": topics_svg(trends, narrow=True, salt=salt) if recurring else "",
    }


def batch_page_context(row: BatchRow, items: list[Item], trends: Trends | None) -> dict[str, Any]:
    views = topic_views(trends) if trends else []
    return {
        "batch": row,
        "items": [
            msgspec.structs.replace(item, error=plain(item.error)) if item.error else item
            for item in items
        ],
        "progress": Progress.of(row.total, items),
        "trends": trends,
        **charts(trends, row.id),
        "timeline": timeline_rows(trends) if trends else [],
        "recurring": [v for v in views if v.topic.meetings > 1],
        "single": [v for v in views if v.topic.meetings <= 1],
        "refresh": row.status in ("queued", "running"),
    }
