"""Trends: meetings per topic, side and quarter; JSON and CSV that agree with each other."""

from __future__ import annotations

import csv
import io

import msgspec
import pytest

from service.batch.topics import Mention, Topic, TopicModel
from service.batch.trends import CSV_COLUMNS, Trends, build_trends, period_of, to_csv, to_json


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
