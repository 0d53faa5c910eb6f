"""Golden tests: counterparts, strength gaps, attributions and kinds on the dev pairs, real models.

Bars are the figures the committed calibration measured (models/<encoder>.json `measured`) less
the margin of evaluation/bars.py, so a change that loses what was measured fails, naming the
figure, its value and bar; plus the three cases the issue reported, each now right.
"""

from __future__ import annotations

import pytest

from evaluation.bars import bars, below
from evaluation.counterparts import counterpart_cases, counterpart_tallies, mean_of
from evaluation.scoring import cross_language_cases, english_cases, pipeline_method
from service.pipeline import compare
from service.pipeline.classify.calibration import load_calibration
from service.pipeline.embed import MemoEncoder, make_encoder
from service.pipeline.types import Report

pytestmark = pytest.mark.slow
ENGLISH = ("match_precision", "topic_recall", "kind_agreement", "strength_precision",
           "attribution_precision")  # fmt: skip


def _below_bars(kind: str, languages: tuple[str, ...], figures: tuple[str, ...]) -> list[str]:
    encoder = MemoEncoder(make_encoder(kind))
    calibration = load_calibration(encoder.name)
    cases = [case for language in languages for case in counterpart_cases(language)]
    scores = counterpart_tallies(pipeline_method(encoder, calibration), cases)
    return below({f: mean_of(scores, f) for f in figures}, bars(calibration, figures))


def test_english_pairs_keep_their_calibrated_counterpart_figures() -> None:
    failures = _below_bars("minilm-onnx-int8", ("en",), ENGLISH)
    assert not failures, "\n".join(failures)


def test_cross_language_pairs_keep_their_calibrated_counterpart_figures() -> None:
    failures = _below_bars("use", ("ko", "ja"), ("match_precision", "topic_recall"))
    assert not failures, "\n".join(failures)


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
