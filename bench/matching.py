"""Counterpart rules on the dev pairs: today's and the alternatives, in-sample and held out.

For the English pairs (or --language ko / ja, with the multilingual encoder), prints:
1. each rule of evaluation/rules.py: match precision and two-sided topic recall (mean of the
   two annotators) with its settings fitted on all pairs, then leave-one-pair-out (each pair
   selected with the settings, and for the logistic rules the weights, fitted on the others);
2. the ceiling of any selection by rank: each claim with its best (top-1, 2, 3) counterparts
   from either side, whatever the score;
3. for the shipped rule at the committed match_threshold, why each uncovered two-sided topic
   got no right pair (evaluation/misses.py), counted by cause, then one line each.
With --write-docs, the summary (1, 2 and the counts of 3) replaces the block of this script in
docs/matching.md (bench/readme.py's markers).

Usage: python bench/matching.py [--encoder minilm-onnx-int8] [--language en|ko|ja] [--quiet]
                                [--write-docs]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.readme import write_block
from evaluation.counterparts import counterpart_cases
from evaluation.matching import (
    Evidence,
    Figures,
    evidence,
    figures,
    held_out,
    in_sample,
    mutual_best,
)
from evaluation.misses import CAUSES, Miss, best_of_either, misses
from evaluation.rules import RULES
from service.pipeline.classify.calibration import Calibration, load_calibration
from service.pipeline.embed import MemoEncoder, make_encoder
from service.settings import Settings

DOC = Path(__file__).resolve().parents[1] / "docs" / "matching.md"


def cells(found: Figures) -> str:
    return f"{found.precision:.2f} | {found.recall:.2f} | {found.pairs}"


def summary(found: list[Evidence], calibration: Calibration) -> tuple[list[str], list[Miss]]:
    """The rules' table, the ceiling, the shipped rule's figures and its misses by cause."""
    lines = [
        "| rule | precision | two-sided recall | pairs | LOO precision | LOO recall | pairs |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, rule in RULES.items():
        lines.append(
            f"| {name} | {cells(in_sample(rule, found))} | {cells(held_out(rule, found))} |"
        )
    lines += [
        "",
        "| ceiling: each claim's k best counterparts, either side | precision | recall | pairs |",
        "|---|---|---|---|",
    ]
    lines += [f"| k = {k} | {cells(best_of_either(found, k))} |" for k in (1, 2, 3)]
    threshold = calibration.match_threshold
    shipped = [mutual_best(e.about, e.mixed, threshold) for e in found]
    lines.append(f"\nShipped rule at match_threshold {threshold}: {cells(figures(found, shipped))}")
    missed = [m for e, pairs in zip(found, shipped, strict=True) for m in misses(e, pairs)]
    counts = Counter(m.cause for m in missed)
    lines.append(f"\nUncovered two-sided topics, both annotators ({len(missed)}):")
    lines += [f"- {cause}: {counts[cause]}" for cause in CAUSES]
    return lines, missed


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    settings = Settings.from_env()
    parser.add_argument("--encoder", default=None, help="default: the settings' encoder")
    parser.add_argument("--language", default="en", choices=("en", "ko", "ja"))
    parser.add_argument("--quiet", action="store_true", help="no line per missed topic")
    parser.add_argument("--write-docs", action="store_true", help="write docs/matching.md")
    args = parser.parse_args()
    default = settings.encoder if args.language == "en" else settings.multilingual_encoder
    if args.write_docs and (args.language != "en" or args.encoder not in (None, default)):
        parser.error("--write-docs writes the English pairs with the default encoder")
    encoder = MemoEncoder(make_encoder(args.encoder or default))
    calibration = load_calibration(encoder.name)
    found = [evidence(case, encoder, calibration) for case in counterpart_cases(args.language)]
    print(f"## Counterpart rules: {args.language} pairs, {encoder.name}, mean of the annotators\n")
    lines, missed = summary(found, calibration)
    print("\n".join(lines))
    if args.write_docs:
        write_block("bench/matching.py", "\n".join(lines), DOC)
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
