"""Calibrate an encoder on the dev inventories; write models/<encoder>.json.

Procedure (also in models/README.md):
1. background = mean embedding of every claim in fixtures/singles (readouts never scored);
2. grid search threshold x partial_specificity x common_zipf over the dev pairs' complete topic
   inventories (fixtures/pairs/*/inventory_*.json), maximising F0.5 (precision weighted twice
   as much as recall) averaged over the two annotators; ties broken by top-3 precision;
3. among equal objectives take the middle grid point of the plateau, not its edge (the one
   tie rule of evaluation/fitting.py, which every fitted threshold in bench/ uses);
4. leave-one-pair-out: calibrate on the other pairs, score the held-out one; pooled figures are
   stored as measured.loo_*.
Before step 2, the counterparts (evaluation/counterparts.py): match_threshold on a grid
[0.10, 0.60] step 0.025, maximising F0.5 of match precision and two-sided topic recall (mean of
the annotators; kind agreement breaks ties), then gap_levels in {1, 2, 3} by F0.5 of
strength-gap precision and recall (English pairs, gaps_{A,B}.json) with gaps on the
counterparts alone, then gap_similarity on [0.20, 0.80] step 0.025 or off (stance pairs that
name one matter alike, same_matter.py) by the same objective, kept only when its
leave-one-pair-out objective beats the counterparts alone; same plateau rule, each with its
leave-one-pair-out figures (measured.loo_match_*, loo_strength_*: those of the last step kept).
A multilingual encoder (use, e5) is fitted on the English and the cross-language pairs together
(its background kept as stored), then its term_threshold (CSLS, see coverage.py) and then its
restated_threshold (a claim with no counterpart and no term of its own this close to a claim of
the other side is no emphasis, classify/judge.py; its grid from match_threshold up) on the
cross-language pairs alone, the pairs the router gives it, by the same objective and plateau
rule, the latter with its
leave-one-pair-out figures (measured.cross_language_loo_*). The English encoders leave it off.

Usage: python bench/calibrate.py [--encoder minilm-onnx-int8|minilm|use|e5] [--dry-run]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import msgspec
import numpy as np

from evaluation.counterparts import (
    GAP_GRID,
    GAP_SIMILARITY_GRID,
    CounterpartCase,
    case_name,
    counterpart_cases,
    counterpart_tallies,
    gap_objective,
    match_objective,
    mean_of,
)
from evaluation.counterparts import Scores as PairScores
from evaluation.fitting import fit_calibration, fit_scored, held_out, held_out_scored, restricted
from evaluation.scoring import (
    Method,
    Scores,
    background_vector,
    calibrated_method,
    inventory_cases,
    mean,
)
from service.pipeline.classify.calibration import (
    OFF,
    Calibration,
    load_calibration,
    save_calibration,
)
from service.pipeline.embed import MemoEncoder, make_encoder
from service.pipeline.embed.multilingual import MULTILINGUAL_KINDS

GRID: dict[str, list[float]] = {
    "threshold": [round(float(x), 2) for x in np.arange(0.10, 0.505, 0.02)],
    "partial_specificity": [0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6],
    "common_zipf": [3.5, 3.75, 4.0, 4.25],
}
TERM_GRID: dict[str, list[float]] = {
    "term_threshold": [round(float(x), 2) + 0.0 for x in np.arange(-0.20, 0.405, 0.04)]
}
MATCH_GRID: dict[str, list[float]] = {
    "match_threshold": [round(float(x), 3) for x in np.arange(0.10, 0.601, 0.025)]
}


def restated_grid(match_threshold: float) -> dict[str, list[float]]:
    """From the counterparts' threshold up (a claim restates another only as close as a
    counterpart would be) to 0.80 in steps of 0.02, and off."""
    start = round(float(match_threshold), 2)
    values = [round(float(x), 2) for x in np.arange(start, 0.805, 0.02)]
    return {"restated_threshold": [*values, OFF]}


FIGURES = ("precision", "recall", "f1", "top_precision", "flagged_share")
PAIR_FIGURES = (
    "match_precision",
    "topic_recall",
    "kind_agreement",
    "strength_precision",
    "strength_recall",
    "attribution_precision",
    "attribution_recall",
)


def figures(scores: Scores, prefix: str = "") -> dict[str, float]:
    return {f"{prefix}{name}": round(mean(scores, name), 4) for name in FIGURES}


def pair_figures(scores: PairScores, prefix: str = "") -> dict[str, float]:
    return {f"{prefix}{name}": round(mean_of(scores, name), 4) for name in PAIR_FIGURES}


def counterparts(
    method: Callable[[Calibration], Method], base: Calibration, cases: list[CounterpartCase],
    gaps: bool,
) -> tuple[Calibration, dict[str, float]]:  # fmt: skip
    """Fit match_threshold, then (English) gap_levels and gap_similarity; their in-sample and
    held-out figures."""
    fitted = fit_scored(method, base, cases, MATCH_GRID, counterpart_tallies, match_objective)
    calibration = fitted.point
    loo = held_out_scored(
        method, base, cases, MATCH_GRID, counterpart_tallies, match_objective, case_name
    )
    measured = {**pair_figures(fitted.measured), **pair_figures(loo, "loo_")}
    if gaps:
        # gap_levels on the counterparts alone, then gap_similarity beside them.
        calibration = msgspec.structs.replace(calibration, gap_similarity=OFF)
        previous = None
        for grid in (GAP_GRID, GAP_SIMILARITY_GRID):
            gap = fit_scored(method, calibration, cases, grid, counterpart_tallies, gap_objective)
            loo = held_out_scored(
                method, calibration, cases, grid, counterpart_tallies, gap_objective, case_name
            )
            if previous is not None and gap_objective(loo) <= gap_objective(previous):
                # The further pairs do not pay held out for this encoder: stay off.
                print(f"gap_similarity {gap.point.gap_similarity} not kept: held out no better")
                break
            calibration, previous = gap.point, loo
            measured |= pair_figures(gap.measured) | pair_figures(loo, "loo_")
    # Gaps files exist for the English pairs only: elsewhere those figures would be vacuous.
    names = PAIR_FIGURES if gaps else PAIR_FIGURES[:3]
    keep = {*names, *(f"loo_{name}" for name in names)}
    return calibration, {k: v for k, v in measured.items() if k in keep}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--encoder", default="minilm-onnx-int8")
    parser.add_argument("--dry-run", action="store_true", help="print, do not write models/")
    args = parser.parse_args()
    encoder = MemoEncoder(make_encoder(args.encoder))
    multilingual = args.encoder in MULTILINGUAL_KINDS
    stored = load_calibration(encoder.name)
    background = stored.background if multilingual else background_vector(encoder)
    base = msgspec.structs.replace(
        stored,
        background=background,
        procedure="bench/calibrate.py: grid search on the dev inventories, see models/README.md",
    )
    method = calibrated_method(encoder)
    paired = counterpart_cases("ko") + counterpart_cases("ja") if multilingual else []
    base, pair_measured = counterparts(
        method, base, paired or counterpart_cases("en"), gaps=not multilingual
    )
    cases = inventory_cases() + (inventory_cases(cross_language=True) if multilingual else [])
    fitted = fit_calibration(method, base, cases, GRID)
    calibration = fitted.point
    measured = {**figures(fitted.measured), "plateau_size": float(fitted.plateau)}
    measured |= pair_measured
    if multilingual:
        crossing_cases = inventory_cases(cross_language=True)
        crossing = fit_calibration(method, calibration, crossing_cases, TERM_GRID)
        restated_fields = restated_grid(calibration.match_threshold)
        restated = fit_calibration(method, crossing.point, crossing_cases, restated_fields)
        calibration = restated.point
        measured |= figures(restated.measured, "cross_language_")
        measured |= {"restated_plateau_size": float(restated.plateau)}
        loo = held_out(method, calibration, crossing_cases, restated_fields)
        measured |= figures(loo, "cross_language_loo_")
        for expectation in sorted({c.name.split("/")[1] for c in crossing_cases}):
            names = [c.name for c in crossing_cases if c.name.endswith("/" + expectation)]
            print(f"held out, {expectation} pairs:", figures(restricted(loo, names)))
    else:
        measured |= figures(held_out(method, base, cases, GRID), "loo_")
    calibration = msgspec.structs.replace(calibration, measured=measured)
    print(
        f"{encoder.name}: threshold {calibration.threshold} "
        f"partial_specificity {calibration.partial_specificity} "
        f"common_zipf {calibration.common_zipf} term_threshold {calibration.term_threshold} "
        f"match_threshold {calibration.match_threshold} gap_levels {calibration.gap_levels} "
        f"gap_similarity {calibration.gap_similarity} "
        f"restated_threshold {calibration.restated_threshold}"
    )
    print("measured:", measured)
    if not args.dry_run:
        print("wrote", save_calibration(calibration))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
