"""Trends: how many meetings each side stressed each topic in, per year and quarter; JSON and CSV."""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict

import msgspec

from service.batch.trends.topics import Mention, Topic, TopicModel, find_topics
from service.pipeline.embed import Encoder
from service.pipeline.types import Report

UNDATED = "undated"


class Count(msgspec.Struct, frozen=True):
    """Meetings in `period` where `side` stressed `topic` alone (and how many emphases)."""

    topic: str
    side: str
    year: int | None
    quarter: int | None
    period: str
    meetings: int
    emphases: int


class TopicOut(msgspec.Struct, frozen=True):
    id: str
    name: str
    terms: list[str]
    meetings: int
    by_side: dict[str, int]
    only_side: str | None  # the one side that ever stressed it, if only one did
    mentions: list[Mention]


class SideMeetings(msgspec.Struct, frozen=True):
    """In `period`: the meetings `side` took part in, in how many it stressed something alone,
    and how many emphases it made alone in them (what the chart draws: meetings are mostly 1)."""

    side: str
    period: str
    meetings: int
    stressed: int
    emphases: int = 0


class Trends(msgspec.Struct, frozen=True):
    """Topics found in a batch and their counts per side and period.

    `quarters` is every quarter from the first dated meeting to the last, empty ones included;
    `timeline` counts meetings (never topics) per side in each of them and in "undated".
    """

    sides: list[str]
    periods: list[str]
    cut: float
    topics: list[TopicOut]
    counts: list[Count]
    by_year: list[Count]
    quarters: list[str] = []
    timeline: list[SideMeetings] = []


def period_of(date: str | None) -> tuple[int | None, int | None, str]:
    """(year, quarter, label) of a YYYY-MM-DD date: (2025, 3, "2025-Q3")."""
    if not date:
        return None, None, UNDATED
    year, month = int(date[:4]), int(date[5:7])
    quarter = (month - 1) // 3 + 1
    return year, quarter, f"{year}-Q{quarter}"


def quarters_between(first: str, last: str) -> list[str]:
    """Every quarter label from `first` to `last` inclusive: "2024-Q4", "2025-Q1", ..."""
    year, quarter = _parse(first)
    end = _parse(last)
    if year is None or quarter is None or end[0] is None or end[1] is None:
        return []
    out = []
    while (year, quarter) <= (end[0], end[1]):
        out.append(f"{year}-Q{quarter}")
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return out


def trends_of(reports: list[Report], encoder: Encoder) -> Trends:
    """The topics of these reports' emphases, counted per side per year and quarter."""
    sides = sorted({side for report in reports for side in report.sides})
    attended = {(report.id or "", side, report.date) for report in reports for side in report.sides}
    return build_trends(find_topics(reports, encoder), sides, attended)


def build_trends(
    model: TopicModel, sides: list[str], attended: set[tuple[str, str, str | None]] | None = None
) -> Trends:
    """Count, for every topic, side and quarter, the meetings where that side stressed it.

    `attended` holds (meeting, side, date) of every side of every meeting; without it, the
    meetings a side took part in are those where it stressed something.
    """
    counts: list[Count] = []
    by_year: list[Count] = []
    periods: set[str] = set()
    for topic in model.topics:
        quarterly: dict[tuple[str, str], set[str]] = defaultdict(set)
        yearly: dict[tuple[str, str], set[str]] = defaultdict(set)
        emphases: dict[tuple[str, str], int] = defaultdict(int)
        year_emphases: dict[tuple[str, str], int] = defaultdict(int)
        for mention in topic.mentions:
            year, _, label = period_of(mention.date)
            year_label = str(year) if year is not None else UNDATED
            periods.add(label)
            quarterly[mention.side, label].add(mention.meeting)
            yearly[mention.side, year_label].add(mention.meeting)
            emphases[mention.side, label] += 1
            year_emphases[mention.side, year_label] += 1
        for (side, label), meetings in sorted(quarterly.items()):
            year, quarter = _parse(label)
            counts.append(
                Count(topic.id, side, year, quarter, label, len(meetings), emphases[side, label])
            )
        for (side, label), meetings in sorted(yearly.items()):
            year, _ = _parse(label)
            by_year.append(
                Count(topic.id, side, year, None, label, len(meetings), year_emphases[side, label])
            )
    stressed = {(m.meeting, m.side, m.date) for t in model.topics for m in t.mentions}
    made = Counter((m.side, period_of(m.date)[2]) for t in model.topics for m in t.mentions)
    quarters, timeline = _timeline(
        sides, attended if attended is not None else stressed, stressed, made
    )
    return Trends(
        sides=sides,
        periods=sorted(periods, key=lambda p: (p == UNDATED, p)),
        cut=model.cut,
        topics=[_topic_out(t, sides) for t in model.topics],
        counts=counts,
        by_year=by_year,
        quarters=quarters,
        timeline=timeline,
    )


def _timeline(
    sides: list[str],
    attended: set[tuple[str, str, str | None]],
    stressed: set[tuple[str, str, str | None]],
    made: Counter[tuple[str, str]],
) -> tuple[list[str], list[SideMeetings]]:
    """Meetings per side in every quarter of the range (zeros included), then undated ones."""
    took_part: dict[tuple[str, str], set[str]] = defaultdict(set)
    alone: dict[tuple[str, str], set[str]] = defaultdict(set)
    for meeting, side, date in attended | stressed:
        took_part[side, period_of(date)[2]].add(meeting)
    for meeting, side, date in stressed:
        alone[side, period_of(date)[2]].add(meeting)
    dated = sorted({period for _, period in took_part if period != UNDATED})
    quarters = quarters_between(dated[0], dated[-1]) if dated else []
    undated = [UNDATED] if any(period == UNDATED for _, period in took_part) else []
    timeline = [
        SideMeetings(
            side, period, len(took_part[side, period]), len(alone[side, period]), made[side, period]
        )
        for period in [*quarters, *undated]
        for side in sides
    ]
    return quarters, timeline


def _parse(label: str) -> tuple[int | None, int | None]:
    if label == UNDATED:
        return None, None
    year, _, quarter = label.partition("-Q")
    return int(year), int(quarter) if quarter else None


def _topic_out(topic: Topic, sides: list[str]) -> TopicOut:
    by_side = {side: len(topic.meetings(side)) for side in sides if topic.meetings(side)}
    mentions = sorted(topic.mentions, key=lambda m: (m.date or "", m.meeting, m.side, m.claim_id))
    return TopicOut(
        id=topic.id,
        name=topic.name,
        terms=topic.terms,
        meetings=len(topic.meetings()),
        by_side=by_side,
        only_side=next(iter(by_side)) if len(by_side) == 1 else None,
        mentions=mentions,
    )


def to_json(trends: Trends) -> bytes:
    return msgspec.json.format(msgspec.json.encode(trends), indent=1) + b"\n"


CSV_COLUMNS = ["topic_id", "topic", "side", "year", "quarter", "period", "meetings", "emphases"]


def to_csv(trends: Trends) -> str:
    """One row per topic, side and quarter (summing quarters gives a year: a meeting is in one)."""
    names = {t.id: t.name for t in trends.topics}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for c in trends.counts:
        writer.writerow(
            [c.topic, _cell(names[c.topic]), _cell(c.side), c.year or "", c.quarter or "",
             c.period, c.meetings, c.emphases]
        )  # fmt: skip
    return out.getvalue()


def _cell(text: str) -> str:
    """Text from readouts must not start a spreadsheet formula."""
    return "'" + text if text.startswith(("=", "+", "-", "@")) else text
