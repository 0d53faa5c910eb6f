"""Cross-language quality: the multilingual encoders on the Korean pair, and on the English pairs.

Prints, in one run, recall of expected one-sided topics, the false-flag rate on expected shared
topics and the share of claims flagged:
- cross-language pairs (fixtures/pairs/*/expected_ko.json): USE v3 against multilingual-e5-small;
- English pairs (fixtures/pairs/*/expected.json): MiniLM (the English default) against USE v3;
each encoder with its own calibration from models/ (bench/calibrate.py --encoder ...), plus the
leave-one-pair-out recall stored there (for USE and e5: over the English and Korean pairs together).

Usage: python bench/quality_multilingual.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.expectations import Case
from evaluation.scoring import (
    Evaluation,
    cross_language_cases,
    english_cases,
    evaluate,
    pipeline_method,
)
from service.pipeline.classify.calibration import calibration_path, load_calibration
from service.pipeline.embed import MemoEncoder, make_encoder


def row(name: str, kind: str, cases: list[Case]) -> tuple[str, Evaluation]:
    encoder = MemoEncoder(make_encoder(kind))
    calibration = load_calibration(encoder.name)
    if not calibration_path(encoder.name).exists():
        name += " (uncalibrated)"
    evaluation = evaluate(pipeline_method(encoder, calibration), cases)
    loo = calibration.measured.get("loo_recall")
    loo_cell = "-" if loo is None else f"{loo:.2f}"
    return evaluation.table_row(name, calibration.threshold, loo_cell), evaluation


def main() -> int:
    suites = [
        ("cross-language pairs (expected_ko.json)", cross_language_cases(), ["use", "e5"]),
        ("English pairs (expected.json)", english_cases(), ["minilm", "use"]),
    ]
    names = {
        "use": "USE v3 multilingual",
        "e5": "multilingual-e5-small (4-bit)",
        "minilm": "all-MiniLM-L6-v2",
    }
    for title, cases, kinds in suites:
        print(f"\n{title}: {len(cases)} pair(s)\n")
        print("| encoder | threshold | recall | false-flag rate | claims flagged | LOO recall |")
        print("|---|---|---|---|---|---|")
        details = []
        for kind in kinds:
            line, evaluation = row(names[kind], kind, cases)
            print(line)
            details += [f"{names[kind]} missed: {m}" for m in evaluation.score.missed]
            details += [f"{names[kind]} false flag: {f}" for f in evaluation.score.flagged]
        print("\n".join(["", *details]) if details else "")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
