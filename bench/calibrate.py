"""Calibrate an encoder's threshold and term cut-off on the fixture pairs; write models/<encoder>.json.

Procedure (also in models/README.md):
1. background = mean embedding of every claim in fixtures/singles (readouts not used for scoring);
2. grid search threshold in [0.10, 0.60] step 0.01 and common_zipf in [3.0, 5.0] step 0.25 over all
   fixture pairs, maximising recall - false-flag rate - 0.05 x share of claims flagged (a tie-breaker);
3. among equal objectives take the median grid point (the middle of the plateau), not its edge;
4. report leave-one-pair-out figures: calibrate on the other pairs, score the held-out one.
A multilingual encoder (use, e5) is calibrated on the English pairs and the cross-language pairs
(expected_ko.json) together, and adds:
5. centring is kept only if it scores better than none (the background is measured on English
   readouts; a Korean claim need not share its direction);
6. term_threshold (CSLS of a term with its best translation on the other side, see
   service/pipeline/crosslingual.py) by the same grid, objective and plateau rule, in
   [-0.20, 0.40] step 0.02, on the cross-language pairs, steps 2-3 fixed.

Usage: python bench/calibrate.py [--encoder minilm|use|e5] [--dry-run]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import msgspec
import numpy as np

from service.evaluation import (
    background_vector,
    cross_language_cases,
    english_cases,
    evaluate,
    pipeline_method,
)
from service.pipeline.calibration import UNCALIBRATED_TERM_THRESHOLD, Calibration, save_calibration
from service.pipeline.embed import MemoEncoder, make_encoder
from service.pipeline.multilingual import MULTILINGUAL_KINDS
from service.quality import Case, Score

THRESHOLDS = [round(float(x), 2) for x in np.arange(0.10, 0.605, 0.01)]
ZIPFS = [3.0, 3.25, 3.5, 3.75, 4.0, 4.25, 4.5, 4.75, 5.0]
TERM_THRESHOLDS = [round(float(x), 2) + 0.0 for x in np.arange(-0.20, 0.405, 0.02)]


def grid(
    encoder: MemoEncoder,
    background: list[float],
    cases: list[Case],
    term_threshold: float = UNCALIBRATED_TERM_THRESHOLD,
) -> Calibration:
    results = []
    for zipf in ZIPFS:
        for threshold in THRESHOLDS:
            calibration = Calibration(
                encoder.name, threshold, zipf, background, term_threshold=term_threshold
            )
            evaluation = evaluate(pipeline_method(encoder, calibration), cases)
            results.append((round(evaluation.objective, 4), zipf, threshold, evaluation))
    best = max(r[0] for r in results)
    plateau = [r for r in results if r[0] == best]
    _, zipf, threshold, evaluation = plateau[len(plateau) // 2]
    return Calibration(
        encoder.name,
        threshold,
        zipf,
        background,
        procedure="bench/calibrate.py: grid search on fixtures/pairs, see models/README.md",
        measured={
            "recall": round(evaluation.score.recall, 4),
            "false_flag_rate": round(evaluation.score.false_flag_rate, 4),
            "flagged_share": round(evaluation.flagged_share, 4),
            "plateau_size": len(plateau),
        },
        term_threshold=term_threshold,
    )


def term_grid(encoder: MemoEncoder, fitted: Calibration, cases: list[Case]) -> Calibration:
    """Step 6: the term threshold on the cross-language pairs, the rest fixed."""
    results = []
    for term_threshold in TERM_THRESHOLDS:
        calibration = msgspec.structs.replace(fitted, term_threshold=term_threshold)
        evaluation = evaluate(pipeline_method(encoder, calibration), cases)
        results.append((round(evaluation.objective, 4), term_threshold, evaluation))
    best = max(r[0] for r in results)
    plateau = [r for r in results if r[0] == best]
    _, term_threshold, evaluation = plateau[len(plateau) // 2]
    measured = dict(fitted.measured)
    measured.update(
        {
            "cross_language_recall": round(evaluation.score.recall, 4),
            "cross_language_false_flag_rate": round(evaluation.score.false_flag_rate, 4),
            "cross_language_flagged_share": round(evaluation.flagged_share, 4),
            "term_plateau_size": len(plateau),
        }
    )
    return msgspec.structs.replace(fitted, term_threshold=term_threshold, measured=measured)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--encoder", default="minilm")
    parser.add_argument("--dry-run", action="store_true", help="print, do not write models/")
    args = parser.parse_args()
    encoder = MemoEncoder(make_encoder(args.encoder))
    multilingual = args.encoder in MULTILINGUAL_KINDS
    crossing = cross_language_cases() if multilingual else []
    cases = english_cases() + crossing
    background = background_vector(encoder)
    calibration = grid(encoder, background, cases)
    if multilingual:
        uncentred = grid(encoder, [], cases)
        print(f"centred objective {calibration.measured} / uncentred {uncentred.measured}")
        if _objective(uncentred) > _objective(calibration):
            calibration, background = uncentred, []
        calibration = term_grid(encoder, calibration, crossing)
    held_out = Score()
    for index, case in enumerate(cases):
        fitted = grid(
            encoder, background, cases[:index] + cases[index + 1 :], calibration.term_threshold
        )
        result = evaluate(pipeline_method(encoder, fitted), [case]).score
        held_out = held_out.add(result)
        print(
            f"held out {case.name}: threshold {fitted.threshold} zipf {fitted.common_zipf} "
            f"recall {result.recall:.2f} false flags {result.false_flag_rate:.2f}"
        )
    calibration.measured["loo_recall"] = round(held_out.recall, 4)
    calibration.measured["loo_false_flag_rate"] = round(held_out.false_flag_rate, 4)
    print(
        f"{encoder.name}: threshold {calibration.threshold} common_zipf {calibration.common_zipf}"
        + (f" term_threshold {calibration.term_threshold}" if multilingual else "")
    )
    print("measured:", calibration.measured)
    if not args.dry_run:
        print("wrote", save_calibration(calibration))
    return 0


def _objective(calibration: Calibration) -> float:
    m = calibration.measured
    return m["recall"] - m["false_flag_rate"] - 0.05 * m["flagged_share"]


if __name__ == "__main__":
    raise SystemExit(main())
