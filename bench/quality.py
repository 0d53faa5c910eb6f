"""Quality on the dev pairs' complete topic inventories: readout-diff beside two baselines.

For each annotator (A, B) and their mean, per pair and in total: precision (an emphasis is right
when its span overlaps a keyword of a topic its side stated alone or more strongly), one-sided
recall, F1, top-3-per-side precision (by salience), stronger-topic recall, the share of claims
flagged, and opposed right/total. Beside readout-diff, in the same run: "flag every sentence"
and the naive recipe (syntok sentences + the same encoder + best-match threshold, the threshold
fitted by the same objective as readout-diff's calibration). Scoring: evaluation/inventory.py;
the fit: evaluation/fitting.py.

Then, for the same reports, what they build on claim pairs (evaluation/counterparts.py): match
precision (both claims under one topic both readouts mention, or both boilerplate), two-sided
topic recall (shared, stronger and opposed topics with a right pair), kind agreement (an emphasis
on a one-sided topic says "only", one on a stronger topic "partial"), and on the English pairs
strength-gap and attribution precision and recall against gaps_{A,B}.json. Tables for the English
pairs, the Korean-language and the Japanese-language readouts.

Usage: python bench/quality.py [--encoder minilm-onnx-int8|minilm] [--multilingual use|e5]
                              [--write-readme]
With --write-readme the summary (each section's mean rows over all pairs) also replaces the
README's block of this script (bench/readme.py); `make bench` does that.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np

from bench.readme import write_block
from evaluation.baselines import flag_every_sentence, naive_sentences
from evaluation.counterparts import (
    CounterpartCase,
    PairTally,
    counterpart_cases,
    counterpart_tallies,
)
from evaluation.fitting import fit
from evaluation.inventory import InventoryCase, Tally, tallies
from evaluation.scoring import Method, Scores, calibrated_method, objective
from service.pipeline.classify.calibration import Calibration, load_calibration
from service.pipeline.embed import Encoder, MemoEncoder, make_encoder
from service.settings import Settings

NAIVE_THRESHOLDS = [round(float(x), 2) for x in np.arange(0.10, 0.905, 0.02)]
LANGUAGES = {
    "ko": "Korean-language readout against the English one",
    "ja": "Japanese-language readout against the other side's",
}
HEADER = (
    "| method | pair | annotator | precision | recall | F1 | top-3 | stronger recall "
    "| claims flagged | opposed right/total |"
)


def row(method: str, pair: str, annotator: str, totals: Sequence[Tally]) -> str:
    def avg(name: str) -> float:
        return sum(float(getattr(t, name)) for t in totals) / len(totals)

    opposed = f"{sum(t.opposed.hits for t in totals)}/{sum(t.opposed.total for t in totals)}"
    cells = [method, pair, annotator]
    cells += [f"{avg(n):.2f}" for n in ("precision", "recall", "f1", "top_precision")]
    cells += [f"{avg('stronger_recall'):.2f}", f"{avg('flagged_share'):.2f}", opposed]
    return "| " + " | ".join(cells) + " |"


def rows(method: str, scores: Scores, detail: bool) -> list[str]:
    pairs = [p for p in next(iter(scores.values())) if p != "total"]
    out = []
    for pair in [*pairs, "total"] if detail else ["total"]:
        label = pair.split("/")[0] if pair != "total" else "**all pairs**"
        for annotator in sorted(scores):
            out.append(row(method, label, annotator, [scores[annotator][pair]]))
        per_annotator = [scores[a][pair] for a in sorted(scores)]
        out.append(row(method, label, "mean", per_annotator))
    return out


PAIR_HEADER = (
    "| method | pair | annotator | match precision | two-sided recall | kind agreement "
    "| strength precision | strength recall | attribution precision | attribution recall |"
)
PAIR_FIGURES = (
    "match_precision",
    "topic_recall",
    "kind_agreement",
    "strength_precision",
    "strength_recall",
    "attribution_precision",
    "attribution_recall",
)


def pair_row(method: str, pair: str, annotator: str, totals: Sequence[PairTally]) -> str:
    cells = [method, pair, annotator]
    for name in PAIR_FIGURES:
        ratios = [getattr(t, name) for t in totals]
        if not any(r.total for r in ratios):
            cells.append("–")
            continue
        value = sum(float(r) for r in ratios) / len(ratios)
        counts = f" ({ratios[0].hits}/{ratios[0].total})" if len(ratios) == 1 else ""
        cells.append(f"{value:.2f}{counts}")
    return "| " + " | ".join(cells) + " |"


def pair_table(method: str, scores: dict[str, dict[str, PairTally]], detail: bool) -> list[str]:
    pairs = [p for p in next(iter(scores.values())) if p != "total"]
    out = []
    for pair in [*pairs, "total"] if detail else ["total"]:
        label = pair.split("/")[0] if pair != "total" else "**all pairs**"
        for annotator in sorted(scores):
            out.append(pair_row(method, label, annotator, [scores[annotator][pair]]))
        out.append(pair_row(method, label, "mean", [scores[a][pair] for a in sorted(scores)]))
    return out


def naive(encoder: Encoder, cases: list[InventoryCase]) -> tuple[float, Scores]:
    fitted = fit(NAIVE_THRESHOLDS, lambda t: tallies(naive_method(encoder, t), cases), objective)
    return fitted.point, fitted.measured


def naive_method(encoder: Encoder, threshold: float) -> Method:
    return lambda readouts: naive_sentences(readouts, encoder, threshold)


def table(
    title: str, encoder: Encoder, calibration: Calibration, paired: list[CounterpartCase]
) -> list[str]:
    """Print the section's full tables and misses; return its summary (mean rows)."""
    cases = [c.case for c in paired]
    pipeline = calibrated_method(encoder)(calibration)
    ours = tallies(pipeline, cases)
    every = tallies(flag_every_sentence, cases)
    threshold, baseline = naive(encoder, cases)
    methods = [
        (f"readout-diff ({encoder.name}, threshold {calibration.threshold})", ours, True),
        ("flag every sentence", every, False),
        (f"naive sentences ({encoder.name}, threshold {threshold})", baseline, False),
    ]
    print(f"\n## {title}\n")
    print(HEADER)
    print("|" + "---|" * 10)
    for method, scores, detail in methods:
        for line in rows(method, scores, detail):
            print(line)
    for annotator, per_pair in sorted(ours.items()):
        for wrong in per_pair["total"].wrong:
            print(f"- {annotator} wrong: {wrong[:160]}")
        for missed in per_pair["total"].missed:
            print(f"- {annotator} missed: {missed}")
    ours_pairs = counterpart_tallies(pipeline, paired)
    naive_pairs = counterpart_tallies(naive_method(encoder, threshold), paired)
    pair_methods = [
        (f"readout-diff ({encoder.name}, match threshold {calibration.match_threshold})",
         ours_pairs, True),
        (f"naive sentences ({encoder.name}, threshold {threshold})", naive_pairs, False),
    ]  # fmt: skip
    print(f"\n### {title}: counterparts, strength gaps, attributions, kinds\n")
    print(PAIR_HEADER)
    print("|" + "---|" * 10)
    for name, found, detail in pair_methods:
        for line in pair_table(name, found, detail):
            print(line)
    for annotator, pair_totals in sorted(ours_pairs.items()):
        for wrong in pair_totals["total"].wrong:
            print(f"- {annotator} wrong {wrong[:200]}")
        for missed in pair_totals["total"].missed:
            print(f"- {annotator} {missed}")
    summary = [
        f"**{title}** (mean of the two annotators, all pairs)",
        "",
        HEADER,
        "|" + "---|" * 10,
    ]
    summary += [rows(method, scores, False)[-1] for method, scores, _ in methods]
    summary += ["", PAIR_HEADER, "|" + "---|" * 10]
    return summary + [pair_table(name, found, False)[-1] for name, found, _ in pair_methods]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    settings = Settings.from_env()
    parser.add_argument("--encoder", default=settings.encoder)
    parser.add_argument("--multilingual", default=settings.multilingual_encoder)
    parser.add_argument(
        "--write-readme", action="store_true", help="also write the summary into README.md"
    )
    args = parser.parse_args()
    english = MemoEncoder(make_encoder(args.encoder))
    summary = table(
        "English pairs", english, load_calibration(english.name), counterpart_cases("en")
    )
    multilingual = MemoEncoder(make_encoder(args.multilingual))
    for language, title in LANGUAGES.items():
        summary.append("")
        summary += table(
            title, multilingual, load_calibration(multilingual.name), counterpart_cases(language)
        )
    print("\n## Summary\n\n" + "\n".join(summary))
    if args.write_readme:
        write_block("bench/quality.py", "\n".join(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
