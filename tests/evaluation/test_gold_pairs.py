"""The oracle's gold counterparts and the every-difference rule (evaluation/gold_pairs.py), on
the small hand-made pair of test_counterparts.py."""

from __future__ import annotations

import msgspec

from evaluation.gold_pairs import every_difference, gold_matches, on_gold_pairs
from service.pipeline.classify.calibration import Calibration
from service.pipeline.embed import FakeEncoder
from service.pipeline.readings.strength_gaps import graded
from service.pipeline.types import Report
from tests.evaluation.test_counterparts import CLAIMS, TOPICS, _report

CALIBRATION = Calibration(encoder="fake", threshold=0.5, gap_levels=1.0)


def _graded_report() -> Report:
    claims = graded(list(CLAIMS.values()), dict.fromkeys(CLAIMS, "en"), {})
    return msgspec.structs.replace(_report([]), claims=claims)


def test_gold_pairs_are_one_to_one_and_only_under_a_two_sided_topic() -> None:
    found = gold_matches(_report([]), TOPICS, FakeEncoder(), CALIBRATION)
    assert sorted(tuple(m.claims) for m in found) == [("US-2", "KR-2"), ("US-3", "KR-3")]


def test_gaps_and_attributions_are_rebuilt_on_the_gold_pairs() -> None:
    report = on_gold_pairs(_graded_report(), TOPICS, FakeEncoder(), CALIBRATION)
    assert [(g.claims, g.levels) for g in report.strength_gaps] == [(["US-2", "KR-2"], [4, 1])]


def test_every_difference_reports_each_matched_pair_whose_levels_differ() -> None:
    report = msgspec.structs.replace(
        _graded_report(),
        matches=_report([("US-2", "KR-2"), ("US-3", "KR-3")]).matches,
    )
    assert [g.claims for g in every_difference(report).strength_gaps] == [["US-2", "KR-2"]]
