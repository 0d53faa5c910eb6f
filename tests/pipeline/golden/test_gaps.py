"""Golden tests: strength gaps and attributions on the English dev pairs with the real default
encoder, at the figures the committed calibration measured (models/<encoder>.json) less the
margin of evaluation/bars.py, in sample and leave-one-pair-out, as the README shows them; and
the oracle's ceiling on gold counterparts (evaluation/gold_pairs.py) is never below what
align.py's counterparts give."""

from __future__ import annotations

import msgspec
import pytest

from bench.gaps import rows
from bench.readme import read_block
from evaluation.bars import bars, below, drift
from evaluation.counterparts import (
    Scores,
    case_name,
    counterpart_cases,
    counterpart_tallies,
    gap_objective,
    mean_of,
)
from evaluation.fitting import held_out_scored
from evaluation.gold_pairs import gold_pair_tallies
from evaluation.scoring import calibrated_method, pipeline_method
from service.pipeline.classify.calibration import load_calibration
from service.pipeline.embed import MemoEncoder, make_encoder

pytestmark = pytest.mark.slow
FIGURES = ("strength_precision", "strength_recall", "attribution_precision", "attribution_recall")
ENCODER = MemoEncoder(make_encoder("minilm-onnx-int8"))


@pytest.fixture(scope="module")
def measured() -> Scores:
    calibration = load_calibration(ENCODER.name)
    return counterpart_tallies(pipeline_method(ENCODER, calibration), counterpart_cases("en"))


def test_gap_and_attribution_figures_keep_their_bars(measured: Scores) -> None:
    calibration = load_calibration(ENCODER.name)
    values = {f: mean_of(measured, f) for f in FIGURES}
    failures = below(values, bars(calibration, FIGURES))
    assert not failures, "\n".join(failures)


def test_the_committed_calibration_is_what_this_install_measures(measured: Scores) -> None:
    calibration = load_calibration(ENCODER.name)
    stale = drift({f: mean_of(measured, f) for f in FIGURES}, bars(calibration, FIGURES))
    assert not stale, "\n".join(stale)


def test_the_readme_shows_what_the_gaps_bench_prints(measured: Scores) -> None:
    calibration = load_calibration(ENCODER.name)
    name = f"readout-diff ({ENCODER.name}, gap_levels {calibration.gap_levels})"
    for line in rows(name, measured):
        assert line in read_block("bench/gaps.py"), "run `python bench/gaps.py --write-readme`"


def test_leave_one_pair_out_figures_keep_their_bars() -> None:
    calibration = load_calibration(ENCODER.name)
    scores = held_out_scored(
        calibrated_method(ENCODER),
        calibration,
        counterpart_cases("en"),
        {"gap_levels": [1.0, 2.0, 3.0]},
        counterpart_tallies,
        gap_objective,
        case_name,
    )
    values = {f: mean_of(scores, f) for f in FIGURES}
    failures = below(values, bars(calibration, FIGURES, prefix="loo_"))
    assert not failures, "\n".join(failures)


def test_attribution_precision_meets_the_issue_bar(measured: Scores) -> None:
    value = mean_of(measured, "attribution_precision")
    assert value >= 0.70, f"attribution_precision {value:.4f} is below the issue's bar 0.70"


def test_gold_counterparts_lift_attribution_recall(measured: Scores) -> None:
    calibration = load_calibration(ENCODER.name)
    method = pipeline_method(ENCODER, calibration)
    gold = gold_pair_tallies(method, counterpart_cases("en"), ENCODER, calibration)
    ours, ceiling = (mean_of(s, "attribution_recall") for s in (measured, gold))
    assert ceiling >= ours, f"attribution_recall on gold pairs {ceiling:.4f} < {ours:.4f}"


def test_on_gold_counterparts_the_stage_meets_the_issue_bar() -> None:
    # The ceiling of the strength stage apart from matching (gap_levels 1 on gold pairs).
    calibration = msgspec.structs.replace(load_calibration(ENCODER.name), gap_levels=1.0)
    method = pipeline_method(ENCODER, calibration)
    gold = gold_pair_tallies(method, counterpart_cases("en"), ENCODER, calibration)
    precision, recall = (mean_of(gold, f) for f in ("strength_precision", "strength_recall"))
    assert precision >= 0.60, f"strength_precision on gold pairs {precision:.4f} < the bar 0.60"
    assert recall >= 0.50, f"strength_recall on gold pairs {recall:.4f} < the bar 0.50"
