"""Strength gaps and attributions on the English dev pairs (gaps_{A,B}.json), three ways.

Per annotator and their mean: strength-gap precision and recall, attribution precision and
recall, for
- readout-diff as calibrated (models/<encoder>.json: match_threshold, gap_levels on the
  counterparts, gap_similarity for the stance pairs that name one matter alike,
  readings/same_matter.py), and the same leave-one-pair-out (gap_similarity fitted on the
  other pairs, the last step of bench/calibrate.py);
- the rule before same_matter.py: gaps on the counterparts alone (gap_similarity off);
- the naive rule on the same counterparts: every matched pair whose two levels differ at all;
- "gold pairs (oracle)": the same claims, levels and speakers, with align.py's counterparts
  replaced by the pairs the inventories call right (evaluation/gold_pairs.py), at the
  calibrated gap_levels and at 1. It is the ceiling of the strength and attribution stages
  apart from matching, never a pipeline figure.
Then the other candidate sets of evaluation/gap_candidates.py, instead of same_matter.py: gaps
on the counterparts and on further stance claim pairs with no shared word asked, each fitted on
(similarity threshold, gap_levels), in sample and leave-one-pair-out (mean of the annotators):
measured, not shipped. With --errors, each wrong gap and each
missed item with the levels the scale reads under its keywords.

Usage: python bench/gaps.py [--encoder minilm-onnx-int8|minilm] [--errors] [--write-readme]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import msgspec

from bench.readme import write_block
from evaluation.counterparts import (
    Scores,
    counterpart_cases,
    counterpart_tallies,
    mean_of,
)
from evaluation.gap_candidates import Measured, held_out_shipped, measure_all
from evaluation.gold_pairs import every_difference, gold_pair_tallies
from evaluation.scoring import Method, calibrated_method
from service.pipeline.classify.calibration import OFF, Calibration, load_calibration
from service.pipeline.embed import MemoEncoder, make_encoder
from service.settings import Settings

FIGURES = ("strength_precision", "strength_recall", "attribution_precision", "attribution_recall")
HEADER = (
    "| method | annotator | strength precision | strength recall | attribution precision "
    "| attribution recall |\n|---|---|---|---|---|---|"
)


def shipped_name(calibration: Calibration) -> str:
    """The calibrated pipeline's row label."""
    return (
        f"readout-diff ({calibration.encoder}, gap_levels {calibration.gap_levels}, "
        f"gap_similarity {calibration.gap_similarity})"
    )


def rows(method: str, scores: Scores) -> list[str]:
    out = []
    for annotator in [*sorted(scores), "mean"]:
        picked = scores if annotator == "mean" else {annotator: scores[annotator]}
        cells = []
        for figure in FIGURES:
            value = mean_of(picked, figure)
            ratio = picked[annotator]["total"] if annotator != "mean" else None
            counts = ""
            if ratio is not None:
                found = getattr(ratio, figure)
                counts = f" ({found.hits}/{found.total})"
            cells.append(f"{value:.2f}{counts}")
        out.append(f"| {method} | {annotator} | " + " | ".join(cells) + " |")
    return out


WIDER_HEADER = (
    "| gaps on the counterparts and on further stance pairs, no shared word asked | fitted threshold, "
    "gap_levels | strength precision | strength recall | leave-one-pair-out precision "
    "| leave-one-pair-out recall |\n|---|---|---|---|---|---|"
)


def _cell(scores: Scores, figure: str) -> str:
    counts = ", ".join(
        f"{a} {getattr(scores[a]['total'], figure).hits}/{getattr(scores[a]['total'], figure).total}"
        for a in sorted(scores)
    )
    return f"{mean_of(scores, figure):.2f} ({counts})"


def wider_row(name: str, found: Measured) -> str:
    threshold, levels = found.point
    cells = [
        _cell(scores, figure)
        for scores in (found.scores, found.held_out)
        for figure in ("strength_precision", "strength_recall")
    ]
    return f"| {name} | {threshold:.3f}, {levels:.0f} | " + " | ".join(cells) + " |"


def other_languages() -> str:
    """What the Korean- and Japanese-language pairs have to score strength against."""
    with_items = [
        case.case.name
        for language in ("ko", "ja")
        for case in counterpart_cases(language)
        if any(case.items.values())
    ]
    if with_items:
        return "Korean/Japanese-language pairs with gaps files: " + ", ".join(with_items)
    return (
        "Korean- and Japanese-language pairs: no gaps files (gaps_{A,B}.json quote the English "
        "texts), so no strength or attribution figures for them."
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--encoder", default=Settings.from_env().encoder)
    parser.add_argument("--errors", action="store_true", help="print each wrong and missed item")
    parser.add_argument("--write-readme", action="store_true", help="write the table to README")
    args = parser.parse_args()
    encoder = MemoEncoder(make_encoder(args.encoder))
    calibration = load_calibration(encoder.name)
    cases = counterpart_cases("en")
    method: Method = calibrated_method(encoder)(calibration)
    ours = counterpart_tallies(method, cases)
    loo = held_out_shipped(encoder, calibration, cases)
    alone = msgspec.structs.replace(calibration, gap_similarity=OFF)
    counterparts_only = counterpart_tallies(calibrated_method(encoder)(alone), cases)
    naive = counterpart_tallies(lambda readouts: every_difference(method(readouts)), cases)
    gold = {
        levels: gold_pair_tallies(calibrated_method(encoder)(point), cases, encoder, point)
        for levels in sorted({1.0, calibration.gap_levels})
        for point in [msgspec.structs.replace(calibration, gap_levels=levels)]
    }
    table = [f"**English pairs**: strength gaps and attributions ({len(cases)} pairs)", "", HEADER]
    table += rows(shipped_name(calibration), ours)
    table += rows("readout-diff, leave-one-pair-out", loo)
    table += rows("gaps on the counterparts alone (gap_similarity off)", counterparts_only)
    table += rows("every level difference (same counterparts)", naive)
    for levels, scores in gold.items():
        table += rows(
            f"gold pairs (oracle: inventories' counterparts), gap_levels {levels}", scores
        )
    table += ["", "**Other ways to look beyond the counterparts** (measured, not shipped)", ""]
    table.append(WIDER_HEADER)
    table += [
        wider_row(name, found) for name, found in measure_all(encoder, calibration, cases).items()
    ]
    table += ["", other_languages()]
    print("\n".join(table))
    if args.errors:
        for label, scores in (("pipeline", ours), ("gold pairs", gold[calibration.gap_levels])):
            for annotator, per_pair in sorted(scores.items()):
                for line in per_pair["total"].wrong + per_pair["total"].missed:
                    if " match:" not in line and "no pair:" not in line:
                        print(f"- {label} {annotator}: {line[:200]}")
    if args.write_readme:
        write_block("bench/gaps.py", "\n".join(table))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
