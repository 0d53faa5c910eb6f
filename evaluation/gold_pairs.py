"""Two references for the strength and attribution stages: gold counterparts, and the naive
rule of a gap wherever two counterparts' levels differ.

Oracle: the stages on gold counterparts instead of align.py's.
The report's matches are replaced by the claim pairs the inventories call right (both claims
under one topic that both readouts mention with a stance: shared, stronger or opposed), one
counterpart a claim as align.py gives (the most similar pairs first), and strength gaps and
attributions are built on them again. The figures this gives are the ceiling of those two
stages apart from matching; they are labelled "gold pairs" wherever they are printed and are
never a figure of the pipeline.
"""

from __future__ import annotations

from collections.abc import Sequence

import msgspec

from evaluation.counterparts import TWO_SIDED, CounterpartCase, PairTally, Scores, tally
from evaluation.inventory import Located
from evaluation.scoring import Method
from service.pipeline.classify.calibration import Calibration
from service.pipeline.embed import Encoder
from service.pipeline.readings import attribute, strength_gaps
from service.pipeline.types import Claim, Match, Report, StrengthGap


def gold_matches(
    report: Report, topics: Sequence[Located], encoder: Encoder, calibration: Calibration
) -> list[Match]:
    """One-to-one pairs of claims under one two-sided topic, by centred cosine, best first."""
    left_side, right_side = report.sides[0], report.sides[1]
    left = [c for c in report.claims if c.side == left_side]
    right = [c for c in report.claims if c.side == right_side]
    if not left or not right:
        return []
    vectors = calibration.center(encoder.encode([c.text for c in left + right]))
    cosine = vectors[: len(left)] @ vectors[len(left) :].T
    candidates = [
        (float(cosine[i, j]), a, b)
        for i, a in enumerate(left)
        for j, b in enumerate(right)
        if _same_topic(a, b, topics)
    ]
    used: set[str] = set()
    found = []
    for similarity, a, b in sorted(candidates, key=lambda c: -c[0]):
        if a.id in used or b.id in used:
            continue
        used |= {a.id, b.id}
        found.append(Match(claims=[a.id, b.id], similarity=round(similarity, 4)))
    return found


def _same_topic(left: Claim, right: Claim, topics: Sequence[Located]) -> bool:
    return any(
        t.topic.relation in TWO_SIDED
        and t.touches(left.side, left.start, left.end)
        and t.touches(right.side, right.start, right.end)
        for t in topics
    )


def on_gold_pairs(
    report: Report, topics: Sequence[Located], encoder: Encoder, calibration: Calibration
) -> Report:
    """The report with gold matches, and its strength gaps and attributions built on them."""
    found = gold_matches(report, topics, encoder, calibration)
    claims, attributions = attribute(report.claims, found, report.emphases)
    gaps = strength_gaps(claims, found, calibration.gap_levels)
    return msgspec.structs.replace(
        report, claims=claims, matches=found, strength_gaps=gaps, attributions=attributions
    )


def gold_pair_tallies(
    method: Method,
    cases: Sequence[CounterpartCase],
    encoder: Encoder,
    calibration: Calibration,
) -> Scores:
    """Per annotator, each pair's tally on gold pairs (that annotator's inventory) and the sum
    under "total"; `method` gives the report whose claims, levels and emphases are kept."""
    result: Scores = {}
    for case in cases:
        report = method(case.case.readouts)
        for annotator, topics in case.case.annotators.items():
            oracle = on_gold_pairs(report, topics, encoder, calibration)
            per_pair = result.setdefault(annotator, {"total": PairTally()})
            items = case.items.get(annotator)
            per_pair[case.case.name] = tally(oracle, topics, items, case.case.name)
            per_pair["total"] = per_pair["total"].add(per_pair[case.case.name])
    return result


def every_difference(report: Report) -> Report:
    """The naive rule: every counterpart pair whose two levels differ at all is a gap."""
    by_id = {c.id: c for c in report.claims}
    gaps = []
    for match in report.matches:
        left, right = (by_id[i] for i in match.claims)
        if left.strength and right.strength and left.strength != right.strength:
            gaps.append(
                StrengthGap(
                    claims=[left.id, right.id],
                    sides=[left.side, right.side],
                    predicates=[left.predicate or "", right.predicate or ""],
                    levels=[left.strength, right.strength],
                    similarity=match.similarity,
                )
            )
    return msgspec.structs.replace(report, strength_gaps=gaps)
