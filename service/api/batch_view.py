"""What the batch page shows: chart geometry per side and topic listings; no HTML here."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from service.api.batch_schemas import Progress
from service.batch.items import Item
from service.batch.records import BatchRow
from service.batch.trends import Count, TopicOut, Trends

PALETTE = ["#c8553d", "#2d6a9f", "#588b3a", "#8c5fa8", "#d49a2a", "#3a8c8c", "#9a9a9a"]
TOP_TOPICS = len(PALETTE) - 1  # the last colour is "other topics"
MAX_QUARTERS = 16  # more quarters than this are drawn as years
WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 640, 230, 36, 34, 12


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    color: str
    label: str


@dataclass(frozen=True)
class Tick:
    x: float
    y: float
    label: str


@dataclass
class SideChart:
    """One side's stacked bars: meetings per period in which it stressed each topic alone."""

    side: str
    width: int = WIDTH
    height: int = HEIGHT
    bars: list[Bar] = field(default_factory=list)
    x_ticks: list[Tick] = field(default_factory=list)
    y_ticks: list[Tick] = field(default_factory=list)
    legend: list[tuple[str, str, int]] = field(default_factory=list)  # colour, name, meetings


def side_charts(trends: Trends) -> list[SideChart]:
    by_year = len(trends.periods) > MAX_QUARTERS
    counts = trends.by_year if by_year else trends.counts
    periods = sorted({c.period for c in counts}, key=lambda p: (p == "undated", p))
    names = {t.id: t.name for t in trends.topics}
    return [
        _chart(side, [c for c in counts if c.side == side], periods, names) for side in trends.sides
    ]


def _chart(side: str, counts: list[Count], periods: list[str], names: dict[str, str]) -> SideChart:
    chart = SideChart(side=side)
    totals: dict[str, int] = defaultdict(int)
    for count in counts:
        totals[count.topic] += count.meetings
    top = sorted(totals, key=lambda t: (-totals[t], t))[:TOP_TOPICS]
    colour = {topic: PALETTE[i] for i, topic in enumerate(top)}
    stacks: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for count in counts:
        stacks[count.period][count.topic if count.topic in colour else "other"] += count.meetings
    chart.legend = [(colour[t], names.get(t, t), totals[t]) for t in top]
    if len(totals) > len(top):
        chart.legend.append(
            (PALETTE[-1], "other topics", sum(totals.values()) - sum(totals[t] for t in top))
        )
    if not periods:
        return chart
    highest = max((sum(s.values()) for s in stacks.values()), default=0) or 1
    plot_w, plot_h = WIDTH - LEFT - 8, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(periods)
    for index, period in enumerate(periods):
        x = LEFT + index * slot + slot * 0.15
        chart.x_ticks.append(Tick(x + slot * 0.35, HEIGHT - BOTTOM + 16, period))
        y = float(HEIGHT - BOTTOM)
        for topic in [*top, "other"]:
            meetings = stacks[period].get(topic, 0)
            if not meetings:
                continue
            height = plot_h * meetings / highest
            y -= height
            name = names.get(topic, "other topics")
            chart.bars.append(Bar(round(x, 1), round(y, 1), round(slot * 0.7, 1), round(height, 1),
                                  colour.get(topic, PALETTE[-1]),
                                  f"{period}: {name}, {meetings} meeting{'s' if meetings > 1 else ''}"))  # fmt: skip
    for value in sorted({0, highest // 2, highest}):
        chart.y_ticks.append(
            Tick(LEFT - 6, HEIGHT - BOTTOM - plot_h * value / highest + 4, str(value))
        )
    return chart


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


def batch_page_context(row: BatchRow, items: list[Item], trends: Trends | None) -> dict[str, Any]:
    views = topic_views(trends) if trends else []
    return {
        "batch": row,
        "items": items,
        "progress": Progress.of(row.total, items),
        "trends": trends,
        "charts": side_charts(trends) if trends else [],
        "recurring": [v for v in views if v.topic.meetings > 1],
        "single": [v for v in views if v.topic.meetings <= 1],
        "refresh": row.status in ("queued", "running"),
    }
