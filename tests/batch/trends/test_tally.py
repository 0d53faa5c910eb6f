"""Trends: meetings per topic, side and quarter; JSON and CSV that agree with each other."""

from __future__ import annotations

import csv
import io

import msgspec
import pytest

from service.batch.trends.tally import (
    CSV_COLUMNS,
    Trends,
    build_trends,
    period_of,
    quarters_between,
    to_csv,
    to_json,
)
from service.batch.trends.topics import Mention, Topic, TopicModel


def _mention(meeting: str, date: str | None, side: str, text: str = "x") -> Mention:
    return Mention(meeting, meeting, date, side, "one-sided", f"{side}-1", text, 0.5)


def _model() -> TopicModel:
    strait = Topic("T1", "Strait", ["Strait"], [
        _mention("a", "2022-05-23", "US"), _mention("a", "2022-05-23", "US", "again"),
        _mention("b", "2022-06-01", "US"), _mention("c", "2025-07-31", "US"),
    ])  # fmt: skip
    pillar = Topic("T2", "=pillar", ["pillar"], [
        _mention("c", "2025-07-31", "KR"), _mention("d", None, "US"),
    ])  # fmt: skip
    return TopicModel(topics=[strait, pillar], cut=0.3)


@pytest.mark.parametrize(
    ("date", "expected"),
    [("2025-07-31", (2025, 3, "2025-Q3")), ("2022-01-01", (2022, 1, "2022-Q1")),
     ("2024-12-31", (2024, 4, "2024-Q4")), (None, (None, None, "undated"))],
)  # fmt: skip
def test_period_of(date: str | None, expected: tuple[object, ...]) -> None:
    assert period_of(date) == expected


def test_counts_are_distinct_meetings_per_side_and_quarter() -> None:
    trends = build_trends(_model(), ["KR", "US"])
    rows = {(c.topic, c.side, c.period): (c.meetings, c.emphases) for c in trends.counts}
    assert rows[("T1", "US", "2022-Q2")] == (2, 3), "two meetings, one of them with two emphases"
    assert rows[("T1", "US", "2025-Q3")] == (1, 1)
    assert ("T1", "KR", "2025-Q3") not in rows
    assert rows[("T2", "US", "undated")] == (1, 1)
    years = {(c.topic, c.side, c.period): c.meetings for c in trends.by_year}
    assert years[("T1", "US", "2022")] == 2 and years[("T1", "US", "2025")] == 1
    assert trends.periods == ["2022-Q2", "2025-Q3", "undated"]


def test_one_sided_topics_are_marked() -> None:
    topics = {t.id: t for t in build_trends(_model(), ["KR", "US"]).topics}
    assert topics["T1"].only_side == "US" and topics["T1"].by_side == {"US": 3}
    assert topics["T2"].only_side is None and topics["T2"].by_side == {"KR": 1, "US": 1}


def test_json_round_trips_and_csv_matches_it() -> None:
    trends = build_trends(_model(), ["KR", "US"])
    assert msgspec.json.decode(to_json(trends), type=Trends) == trends
    rows = list(csv.DictReader(io.StringIO(to_csv(trends))))
    assert list(rows[0]) == CSV_COLUMNS
    assert len(rows) == len(trends.counts)
    assert sum(int(r["meetings"]) for r in rows if r["topic_id"] == "T1") == 3
    assert {r["topic"] for r in rows} == {"Strait", "'=pillar"}, "no spreadsheet formulas"


def test_the_timeline_counts_meetings_not_topics_over_every_quarter() -> None:
    one_meeting_many_topics = TopicModel(topics=[
        Topic(f"T{n}", f"topic {n}", [], [_mention("a", "2022-05-23", "JP")]) for n in range(5)
    ] + [Topic("T9", "later", [], [_mention("b", "2023-01-10", "US")])], cut=0.3)  # fmt: skip
    attended = {("a", "JP", "2022-05-23"), ("a", "US", "2022-05-23"), ("b", "US", "2023-01-10"),
                ("b", "JP", "2023-01-10"), ("c", "US", None)}  # fmt: skip
    trends = build_trends(one_meeting_many_topics, ["JP", "US"], attended)
    assert trends.quarters == ["2022-Q2", "2022-Q3", "2022-Q4", "2023-Q1"], "empty ones included"
    cells = {(c.side, c.period): (c.stressed, c.meetings) for c in trends.timeline}
    assert cells["JP", "2022-Q2"] == (1, 1), "one meeting, however many topics it stressed"
    assert cells["US", "2022-Q2"] == (0, 1), "took part, stressed nothing alone"
    assert cells["JP", "2022-Q3"] == (0, 0) and cells["US", "2022-Q4"] == (0, 0)
    assert cells["US", "2023-Q1"] == (1, 1) and cells["JP", "2023-Q1"] == (0, 1)
    assert cells["US", "undated"] == (0, 1)
    assert [c.period for c in trends.timeline if c.side == "US"][-1] == "undated"
    made = {(c.side, c.period): c.emphases for c in trends.timeline}
    assert made["JP", "2022-Q2"] == 5, "the chart draws emphases: five in one meeting"
    assert made["US", "2022-Q2"] == 0 and made["US", "2023-Q1"] == 1


@pytest.mark.parametrize(
    ("first", "last", "count"),
    [("2024-Q4", "2025-Q1", 2), ("2022-Q2", "2025-Q3", 14), ("2025-Q3", "2025-Q3", 1)],
)
def test_quarters_between_spans_year_ends(first: str, last: str, count: int) -> None:
    quarters = quarters_between(first, last)
    assert (quarters[0], quarters[-1], len(quarters)) == (first, last, count)
    assert len(set(quarters)) == count


def test_trends_stored_before_the_timeline_still_decode() -> None:
    old = msgspec.json.encode(build_trends(_model(), ["KR", "US"]))
    stripped = msgspec.json.decode(old)
    del stripped["quarters"], stripped["timeline"]
    decoded = msgspec.json.decode(msgspec.json.encode(stripped), type=Trends)
    assert decoded.timeline == [] and decoded.topics
