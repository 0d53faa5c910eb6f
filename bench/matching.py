"""Counterpart rules on the dev pairs: today's and the alternatives, in-sample and held out.

For the English pairs (or --language ko / ja, with the multilingual encoder), prints:
1. each rule of evaluation/rules.py: match precision and two-sided topic recall (mean of the
   two annotators) with its settings fitted on all pairs, then leave-one-pair-out (each pair
   selected with the settings, and for the logistic rules the weights, fitted on the others);
2. the ceiling of any selection by rank: each claim with its best (top-1, 2, 3) counterparts
   from either side, whatever the score;
3. for the shipped rule at the committed match_threshold, why each uncovered two-sided topic
   got no right pair (evaluation/misses.py), counted by cause, then one line each.
docs/matching.md records what this printed when the rule was chosen.

Usage: python bench/matching.py [--encoder minilm-onnx-int8] [--language en|ko|ja] [--quiet]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.counterparts import counterpart_cases
from evaluation.matching import Figures, evidence, figures, held_out, in_sample, mutual_best
from evaluation.misses import CAUSES, best_of_either, misses
from evaluation.rules import RULES
from service.pipeline.classify.calibration import load_calibration
from service.pipeline.embed import MemoEncoder, make_encoder
from service.settings import Settings


def cells(found: Figures) -> str:
    return f"{found.precision:.2f} | {found.recall:.2f} | {found.pairs}"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    settings = Settings.from_env()
    parser.add_argument("--encoder", default=None, help="default: the settings' encoder")
    parser.add_argument("--language", default="en", choices=("en", "ko", "ja"))
    parser.add_argument("--quiet", action="store_true", help="no line per missed topic")
    args = parser.parse_args()
    default = settings.encoder if args.language == "en" else settings.multilingual_encoder
    encoder = MemoEncoder(make_encoder(args.encoder or default))
    calibration = load_calibration(encoder.name)
    found = [evidence(case, encoder, calibration) for case in counterpart_cases(args.language)]
    print(f"## Counterpart rules: {args.language} pairs, {encoder.name}, mean of the annotators\n")
    print("| rule | precision | two-sided recall | pairs | LOO precision | LOO recall | pairs |")
    print("|---|---|---|---|---|---|---|")
    for name, rule in RULES.items():
        print(f"| {name} | {cells(in_sample(rule, found))} | {cells(held_out(rule, found))} |")
    print(
        "\n| ceiling: each claim's k best counterparts, either side | precision | recall | pairs |"
    )
    print("|---|---|---|---|")
    for k in (1, 2, 3):
        print(f"| k = {k} | {cells(best_of_either(found, k))} |")
    threshold = calibration.match_threshold
    shipped = [mutual_best(e.about, e.mixed, threshold) for e in found]
    print(f"\nShipped rule at match_threshold {threshold}: {cells(figures(found, shipped))}")
    missed = [m for e, pairs in zip(found, shipped, strict=True) for m in misses(e, pairs)]
    counts = Counter(m.cause for m in missed)
    print(f"\nUncovered two-sided topics, both annotators ({len(missed)}):")
    for cause in CAUSES:
        print(f"- {cause}: {counts[cause]}")
    if not args.quiet:
        print()
        for m in missed:
            left, right = (t[:70] for t in m.texts)
            print(
                f"- [{m.annotator}] {m.pair.split('/')[0]} {m.topic!r}: {m.cause}; "
                f"best {m.score:.2f}, ranks {m.ranks}: {left!r} ~ {right!r}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
