"""Golden tests: counterparts, strength gaps, attributions and kinds on the dev pairs, real models.

Bars are the figures the committed calibration measured (models/<encoder>.json `measured`) less
MARGIN, so a change that loses what was measured fails, naming the figure, its value and bar;
plus the three cases the issue reported, each now right.
"""

from __future__ import annotations

import pytest

from evaluation.counterparts import Scores, counterpart_cases, counterpart_tallies, mean_of
from evaluation.scoring import cross_language_cases, english_cases, pipeline_method
from service.pipeline import compare
from service.pipeline.classify.calibration import load_calibration
from service.pipeline.embed import MemoEncoder, make_encoder
from service.pipeline.types import Report

pytestmark = pytest.mark.slow
MARGIN = 0.05
ENGLISH = ("match_precision", "topic_recall", "kind_agreement", "strength_precision",
           "attribution_precision")  # fmt: skip


def _scores(kind: str, languages: tuple[str, ...]) -> tuple[Scores, dict[str, float]]:
    encoder = MemoEncoder(make_encoder(kind))
    calibration = load_calibration(encoder.name)
    cases = [case for language in languages for case in counterpart_cases(language)]
    return counterpart_tallies(pipeline_method(encoder, calibration), cases), calibration.measured


def _below_bar(scores: Scores, measured: dict[str, float], figures: tuple[str, ...]) -> list[str]:
    return [
        f"{name} {mean_of(scores, name):.3f} < bar {measured[name] - MARGIN:.3f}"
        for name in figures
        if mean_of(scores, name) < measured[name] - MARGIN
    ]


def test_english_pairs_keep_their_calibrated_counterpart_figures() -> None:
    scores, measured = _scores("minilm-onnx-int8", ("en",))
    assert not _below_bar(scores, measured, ENGLISH)


def test_cross_language_pairs_keep_their_calibrated_counterpart_figures() -> None:
    scores, measured = _scores("use", ("ko", "ja"))
    assert not _below_bar(scores, measured, ("match_precision", "topic_recall"))


def _report(name: str, cross_language: bool = False) -> Report:
    cases = cross_language_cases() if cross_language else english_cases()
    (case,) = [c for c in cases if c.name.startswith(name)]
    return compare(case.readouts, make_encoder("minilm-onnx-int8"))


def test_the_condemned_launch_is_paired_with_japans_north_korea_claim() -> None:
    report = _report("2022-01-06")
    claims = {c.id: c for c in report.claims}
    (pair,) = [m for m in report.matches if "condemned the DPRK" in claims[m.claims[1]].text]
    assert "missile launch" in claims[pair.claims[0]].text


def test_chinas_taiwan_claim_is_one_sided_with_no_counterpart() -> None:
    report = _report("2024-05-13")
    (taiwan,) = [e for e in report.emphases if "Taiwan" in e.text]
    assert taiwan.kind == "one-sided" and taiwan.closest is None


def test_the_us_thanks_for_hosting_sherman_is_not_shared_with_the_call_time() -> None:
    report = _report("2021-07-23", cross_language=True)
    (sherman,) = [c for c in report.claims if "Sherman" in c.text]
    assert sherman.verdict == "one-sided"
    assert not [m for m in report.matches if sherman.id in m.claims]
