"""Accuracy and per-level precision of the strength scale on the labelled fixture claims.

Usage: python bench/strength.py [--errors]   (fixtures/strength/labels.json; no model needed)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.harness import wants_errors
from evaluation.strength_scoring import accuracy, graded_labels, per_level


def main() -> None:
    show_errors = wants_errors(__doc__, "each claim graded wrongly")
    rows = graded_labels()
    staged = [r for r in rows if r.label is not None and r.predicted is not None]
    print(f"{len(rows)} labelled claims, {sum(r.label is not None for r in rows)} with a stance")
    print(f"accuracy (level or no stance): {accuracy(rows):.2f}")
    if staged:
        exact = sum(r.label == r.predicted for r in staged) / len(staged)
        print(f"level accuracy where both give a level: {exact:.2f} ({len(staged)} claims)")
    print(f"{'level':<14}{'labelled':>9}{'predicted':>10}{'precision':>10}{'recall':>8}")
    for score in per_level(rows):
        name = f"{score.level or '-'} {score.name}"
        print(
            f"{name:<14}{score.labelled:>9}{score.predicted:>10}"
            f"{score.precision:>10.2f}{score.recall:>8.2f}"
        )
    if show_errors:
        for r in rows:
            if r.label != r.predicted:
                print(f"  label {r.label} got {r.predicted} ({r.predicate}): {r.text[:90]}")


if __name__ == "__main__":
    main()
