"""Golden tests: strength gaps and attributions on the English dev pairs with the real default
encoder, at the figures the committed calibration measured (models/<encoder>.json) less the
margin of evaluation/bars.py, in sample and leave-one-pair-out, as the README shows them; and
the oracle's ceiling on gold counterparts (evaluation/gold_pairs.py) is never below what
align.py's counterparts give; and the other candidate sets of evaluation/gap_candidates.py, as
the README shows them, none better held out than the shipped rule (docs/strength.md)."""

from __future__ import annotations

import msgspec
import pytest

from bench.gaps import rows, shipped_name, wider_row
from bench.readme import read_block
from evaluation.bars import bars, below, drift
from evaluation.counterparts import (
    Scores,
    counterpart_cases,
    counterpart_tallies,
    gap_objective,
    mean_of,
)
from evaluation.gap_candidates import Measured, held_out_shipped, measure_all
from evaluation.gold_pairs import gold_pair_tallies
from evaluation.scoring import pipeline_method
from service.pipeline.classify.calibration import OFF, load_calibration
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
    for line in rows(shipped_name(load_calibration(ENCODER.name)), measured):
        assert line in read_block("bench/gaps.py"), "run `python bench/gaps.py --write-readme`"


@pytest.fixture(scope="module")
def held_out() -> Scores:
    return held_out_shipped(ENCODER, load_calibration(ENCODER.name), counterpart_cases("en"))


def test_leave_one_pair_out_figures_keep_their_bars(held_out: Scores) -> None:
    calibration = load_calibration(ENCODER.name)
    values = {f: mean_of(held_out, f) for f in FIGURES}
    failures = below(values, bars(calibration, FIGURES, prefix="loo_"))
    assert not failures, "\n".join(failures)


def test_held_out_strength_precision_meets_the_issue_bar(held_out: Scores) -> None:
    # Measured 0.65 held out (recall 0.48, below the issue's 0.50: docs/strength.md).
    value = mean_of(held_out, "strength_precision")
    assert value >= 0.60, f"held-out strength_precision {value:.4f} is below the issue's bar 0.60"


def test_the_calibrated_gap_similarity_beats_the_counterparts_alone_held_out(
    held_out: Scores,
) -> None:
    # bench/calibrate.py keeps gap_similarity only when it pays held out (measured F0.5 0.608
    # against 0.597 on the counterparts alone); otherwise it writes it off.
    calibration = load_calibration(ENCODER.name)
    if calibration.gap_similarity >= OFF:
        pytest.skip("gap_similarity is off for this encoder")
    alone = msgspec.structs.replace(calibration, gap_similarity=OFF)
    without = counterpart_tallies(pipeline_method(ENCODER, alone), counterpart_cases("en"))
    shipped, counterparts_only = gap_objective(held_out), gap_objective(without)
    assert shipped > counterparts_only, (
        f"held-out F0.5 of strength gaps {shipped:.4f} is no better than the counterparts "
        f"alone {counterparts_only:.4f}: bench/calibrate.py would turn gap_similarity off"
    )


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


@pytest.fixture(scope="module")
def wider() -> dict[str, Measured]:
    # The other ways to look beyond the counterparts, each instead of same_matter.py.
    return measure_all(ENCODER, load_calibration(ENCODER.name), counterpart_cases("en"))


def test_the_readme_shows_what_the_wider_candidate_sets_measure(
    wider: dict[str, Measured],
) -> None:
    for name, found in wider.items():
        assert wider_row(name, found) in read_block("bench/gaps.py"), (
            "run `python bench/gaps.py --write-readme`"
        )


def test_no_wider_candidate_set_beats_the_shipped_rule_held_out(
    wider: dict[str, Measured], held_out: Scores
) -> None:
    # F0.5 of strength precision and recall, mean of the annotators (the objective that fits
    # gap_levels and gap_similarity). Measured held out: shipped 0.608, either side's best
    # 0.495, stance one-to-one 0.440. Should a set overtake it, ship it instead.
    shipped = gap_objective(held_out)
    for name, found in wider.items():
        value = gap_objective(found.held_out)
        assert value <= shipped, (
            f"{name}: held-out F0.5 of strength gaps {value:.4f} beats the shipped rule's "
            f"{shipped:.4f}; ship it (docs/strength.md, Wider candidate sets)"
        )
