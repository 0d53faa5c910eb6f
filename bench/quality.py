"""Quality on the real fixture pairs: readout-diff against a lexical baseline, in one run.

Prints recall of expected one-sided topics, the false-flag rate on expected shared topics and the
share of claims flagged, for readout-diff (its calibrated threshold from models/) and for the
lexical-overlap baseline (its threshold fitted here by the same objective, so it is not handicapped).

Usage: python bench/quality.py [--encoder minilm]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np

from service.baseline import BASELINE_NAME, compare_lexically
from service.evaluation import english_cases, evaluate, pipeline_method
from service.pipeline.calibration import load_calibration
from service.pipeline.embed import make_encoder
from service.settings import Settings


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--encoder", default=Settings.from_env().encoder)
    args = parser.parse_args()
    cases = english_cases()
    encoder = make_encoder(args.encoder)
    calibration = load_calibration(encoder.name)
    ours = evaluate(pipeline_method(encoder, calibration), cases)
    baseline = max(
        (
            (evaluate(lambda r, t=t: compare_lexically(r, t), cases), t)
            for t in (round(x, 2) for x in np.arange(0.05, 0.8, 0.01))
        ),
        key=lambda pair: pair[0].objective,
    )
    print(f"{len(cases)} fixture pairs (fixtures/pairs/*/expected.json)\n")
    print("| method | threshold | recall | false-flag rate | claims flagged |")
    print("|---|---|---|---|---|")
    print(ours.table_row(f"readout-diff ({encoder.name})", calibration.threshold))
    print(baseline[0].table_row(f"baseline ({BASELINE_NAME}, best threshold)", baseline[1]))
    for label, evaluation in (("readout-diff", ours), ("baseline", baseline[0])):
        for miss in evaluation.score.missed:
            print(f"{label} missed: {miss}")
        for flag in evaluation.score.flagged:
            print(f"{label} false flag: {flag}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
