"""Precision and recall of each claim's speaker on the hand-labelled fixture claims.

Usage: python bench/speaker.py [--errors]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.harness import wants_errors
from evaluation.speakers import labelled_pairs, score


def main() -> None:
    show_errors = wants_errors(__doc__, "every claim read wrongly")
    result = score()
    print(f"{'speaker':<8} {'precision':>9} {'recall':>7} {'claims':>6}")
    for label in result.labels:
        print(f"{label.label:<8} {label.precision:>9.2f} {label.recall:>7.2f} {label.support:>6}")
    print(f"accuracy {result.accuracy:.2f} over {result.total} labelled claims")
    if show_errors:
        for text, truth, found in labelled_pairs():
            if truth != found:
                print(f"  labelled {truth}, read {found}: {text[:90]}")


if __name__ == "__main__":
    main()
