"""Strength gaps looked for on wider sets of stance claim pairs than the pipeline's, measured
beside the shipped rule (counterparts, and the stance pairs that name one matter alike,
readings/same_matter.py).

Each set keeps the report's own gaps (bench/gaps.py and the golden tests build the report with
`gap_similarity` off: the counterparts' gaps, so each set stands instead of same_matter.py) and
adds the gaps (the service's rule: `strength_gaps`, marked and at least `gap_levels` apart)
found on further pairs of claims that both carry a stance predicate of the scale, scored by
align.py's part similarity, with no shared word asked:
- "stance one-to-one": align.py's matching again, one-to-one and best first, among the stance
  claims alone (the stance filter removes most of the claims a wrong counterpart comes from);
- "either side's best": each stance claim's most similar stance claim of the other side.
Each set is fitted on a grid of (similarity threshold, gap_levels) by F0.5 of strength
precision and recall (`gap_objective`, the plateau rule of evaluation/fitting.py), in sample
and leave-one-pair-out. English pairs only: the gaps files quote the English texts.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import msgspec
import numpy as np

from evaluation.counterparts import (
    GAP_SIMILARITY_GRID,
    CounterpartCase,
    PairTally,
    Scores,
    case_name,
    counterpart_tallies,
    gap_objective,
    tally,
)
from evaluation.fitting import fit, held_out_scored, restricted
from evaluation.scoring import Method, calibrated_method
from service.pipeline.align import part_scores, pieces
from service.pipeline.classify.calibration import OFF, Calibration
from service.pipeline.embed import Encoder
from service.pipeline.readings import strength_gaps
from service.pipeline.types import Claim, Match, Report, StrengthGap

THRESHOLDS = tuple(round(0.20 + 0.025 * step, 3) for step in range(25))  # 0.20 … 0.80
LEVELS = (1.0, 2.0)
Point = tuple[float, float]  # (similarity threshold, gap_levels)


@dataclass(frozen=True)
class StanceCase:
    """A dev pair's report and its part-similarity matrix (left side's claims by rows)."""

    case: CounterpartCase
    report: Report
    left: list[Claim]
    right: list[Claim]
    scores: np.ndarray


def stance_case(
    case: CounterpartCase, method: Method, encoder: Encoder, calibration: Calibration
) -> StanceCase:
    report = method(case.case.readouts)
    left = [c for c in report.claims if c.side == report.sides[0]]
    right = [c for c in report.claims if c.side == report.sides[1]]
    languages = [r.language for r in report.readouts]
    left_pieces, right_pieces = pieces(left, languages[0]), pieces(right, languages[1])
    texts = [text for _, text in left_pieces + right_pieces]
    vectors = calibration.center(encoder.encode(texts))
    scores = part_scores(left_pieces, right_pieces, vectors)
    return StanceCase(case, report, left, right, scores)


Rule = Callable[[StanceCase, float], list[tuple[int, int]]]


def _stance(case: StanceCase) -> tuple[list[int], list[int]]:
    return (
        [i for i, c in enumerate(case.left) if c.strength is not None],
        [j for j, c in enumerate(case.right) if c.strength is not None],
    )


def one_to_one(case: StanceCase, threshold: float) -> list[tuple[int, int]]:
    """Among the stance claims, the most similar pair first, each claim in one pair at most."""
    rows, cols = _stance(case)
    ranked = sorted(
        ((float(case.scores[i, j]), i, j) for i, j in itertools.product(rows, cols)),
        key=lambda found: -found[0],
    )
    used_rows: set[int] = set()
    used_cols: set[int] = set()
    found = []
    for similarity, i, j in ranked:
        if similarity < threshold:
            break
        if i not in used_rows and j not in used_cols:
            used_rows.add(i)
            used_cols.add(j)
            found.append((i, j))
    return found


def either_best(case: StanceCase, threshold: float) -> list[tuple[int, int]]:
    """Each stance claim's most similar stance claim of the other side, at or above threshold."""
    rows, cols = _stance(case)
    if not rows or not cols:
        return []
    block = case.scores[np.ix_(rows, cols)]
    found = {(rows[a], cols[int(block[a].argmax())]) for a in range(len(rows))}
    found |= {(rows[int(block[:, b].argmax())], cols[b]) for b in range(len(cols))}
    return sorted(p for p in found if case.scores[p] >= threshold)


RULES: dict[str, Rule] = {
    "stance one-to-one": one_to_one,
    "either side's best": either_best,
}


def widened(case: StanceCase, rule: Rule, point: Point) -> Report:
    """The report with its own gaps and those `rule` finds at `point`, each pair once."""
    threshold, levels = point
    extra = [
        Match([case.left[i].id, case.right[j].id], round(float(case.scores[i, j]), 4))
        for i, j in rule(case, threshold)
    ]
    gaps: dict[tuple[str, ...], StrengthGap] = {
        tuple(g.claims): g for g in case.report.strength_gaps
    }
    for gap in strength_gaps(case.report.claims, extra, levels):
        gaps.setdefault(tuple(gap.claims), gap)
    return msgspec.structs.replace(case.report, strength_gaps=list(gaps.values()))


def rule_scores(cases: Sequence[StanceCase], rule: Rule, point: Point) -> Scores:
    """Per annotator, each pair's tally with the widened gaps and their sum under "total"."""
    result: Scores = {}
    for case in cases:
        report = widened(case, rule, point)
        name = case.case.case.name
        for annotator, topics in case.case.case.annotators.items():
            items = case.case.items.get(annotator)
            per_pair = result.setdefault(annotator, {"total": PairTally()})
            per_pair[name] = tally(report, topics, items, name)
            per_pair["total"] = per_pair["total"].add(per_pair[name])
    return result


@dataclass(frozen=True)
class Measured:
    """A rule's fitted point, its in-sample scores there, and its leave-one-pair-out scores."""

    point: Point
    scores: Scores
    held_out: Scores


def measure(cases: Sequence[StanceCase], rule: Rule) -> Measured:
    """Fit (threshold, gap_levels) on all pairs, and on all but each pair for that pair."""
    points = list(itertools.product(THRESHOLDS, LEVELS))
    runs = {point: rule_scores(cases, rule, point) for point in points}
    names = [case.case.case.name for case in cases]
    best = fit(points, lambda p: runs[p], gap_objective)
    pooled: Scores = {}
    for name in names:
        rest = [n for n in names if n != name]

        def on_rest(point: Point, rest: list[str] = rest) -> Scores:
            return restricted(runs[point], rest)

        fold = fit(points, on_rest, gap_objective)
        for annotator, per_pair in runs[fold.point].items():
            totals = pooled.setdefault(annotator, {"total": PairTally()})
            totals[name] = per_pair[name]
            totals["total"] = totals["total"].add(per_pair[name])
    return Measured(best.point, best.measured, pooled)


def held_out_shipped(
    encoder: Encoder, calibration: Calibration, cases: Sequence[CounterpartCase]
) -> Scores:
    """The shipped rule leave-one-pair-out: each pair scored with `gap_similarity` fitted on
    the others (`gap_levels` as calibrated)."""
    return held_out_scored(
        calibrated_method(encoder),
        calibration,
        cases,
        GAP_SIMILARITY_GRID,
        counterpart_tallies,
        gap_objective,
        case_name,
    )


def measure_all(
    encoder: Encoder, calibration: Calibration, cases: Sequence[CounterpartCase]
) -> dict[str, Measured]:
    """Every rule of `RULES`, each instead of same_matter.py (the report with `gap_similarity`
    off, so its gaps are the counterparts')."""
    alone = msgspec.structs.replace(calibration, gap_similarity=OFF)
    method = calibrated_method(encoder)(alone)
    stance = [stance_case(case, method, encoder, alone) for case in cases]
    return {name: measure(stance, rule) for name, rule in RULES.items()}
