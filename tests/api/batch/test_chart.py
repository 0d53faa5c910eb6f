"""The trends charts: bars count emphases, and each topic is a band with labelled side rows."""

from __future__ import annotations

import re

from service.api.batch.chart import _key, chart_svg, topic_rows, topics_svg
from service.batch.trends.tally import build_trends
from service.batch.trends.topics import Mention, Topic, TopicModel


def _mention(meeting: str, date: str, side: str) -> Mention:
    return Mention(meeting, None, date, side, "one-sided", "c", "x", 1.0)


def _trends():  # type: ignore[no-untyped-def]
    topics = [
        Topic("T1", "North Korea", [], [_mention("a", "2022-05-23", "JP"),
                                        _mention("b", "2023-01-10", "US")]),
        Topic("T2", "Taiwan Strait", [], [_mention("a", "2022-05-23", "US"),
                                          _mention("b", "2023-01-10", "US")]),
        Topic("T3", "trade", [], [_mention("a", "2022-05-23", "US")] * 3),
    ]  # fmt: skip
    return build_trends(TopicModel(topics=topics, cut=0.3), ["JP", "US"])


def test_each_topic_band_holds_its_name_then_one_row_per_side_that_stressed_it() -> None:
    heads, rows = topic_rows([2, 1])
    assert heads == [0.0, 3.0] and rows == [[1.0, 2.0], [4.0]]
    svg = topics_svg(_trends())
    texts = re.findall(r"<text[^>]*>([^<]+)</text>", svg)
    assert texts.index("North Korea") < texts.index("Taiwan Strait")
    labels = [t for t in texts if t in ("JP", "US")]
    assert labels[:3] == ["JP", "US", "US"], "North Korea: JP and US rows; Taiwan Strait: US"


def test_the_bars_count_emphases_not_meetings() -> None:
    trends = _trends()
    assert "emphases made alone" in chart_svg(trends)
    drawn = {(side, period): n for side, period, n in _key(trends)[2]}
    assert drawn["US", "2022-Q2"] == 4, "four emphases (Taiwan Strait, three on trade), one meeting"
    assert drawn["JP", "2022-Q2"] == 1 and drawn["US", "2023-Q1"] == 2


def test_on_a_phone_eleven_years_are_labelled_without_overlap() -> None:
    topics = [
        Topic("T1", "North Korea", [], [_mention(f"m{y}", f"{y}-05-01", "US") for y in
                                        range(2016, 2027)]),
    ]  # fmt: skip
    trends = build_trends(TopicModel(topics=topics, cut=0.3), ["JP", "US"])
    texts = re.findall(r"<text[^>]*>([^<]+)</text>", chart_svg(trends, narrow=True))
    years = [t for t in texts if re.fullmatch(r"20\d\d", t)]
    assert "2016" in years and len(years) <= 6, years
    wide = re.findall(r"<text[^>]*>([^<]+)</text>", chart_svg(trends))
    assert len([t for t in wide if re.fullmatch(r"20\d\d", t)]) == 11
