"""The wider candidate sets for strength gaps (evaluation/gap_candidates.py), on the small
hand-made pair of test_counterparts.py with a hand-set similarity matrix."""

from __future__ import annotations

import msgspec
import numpy as np

from evaluation.counterparts import CounterpartCase
from evaluation.gap_candidates import (
    StanceCase,
    either_best,
    measure,
    one_to_one,
    rule_scores,
    widened,
)
from evaluation.inventory import InventoryCase
from service.pipeline.readings.strength_gaps import graded
from service.pipeline.types import Claim, Readout, StrengthGap
from tests.evaluation.test_counterparts import CLAIMS, ITEMS, KR, TOPICS, US, _report

# Rows US-1..3 (met; condemned 4; welcomed 2), columns KR-1..3 (took place; discussed 1;
# agreed 2). Only US-2..3 and KR-2..3 carry a stance predicate.
SCORES = np.array([[0.9, 0.1, 0.1], [0.1, 0.5, 0.6], [0.1, 0.4, 0.3]], dtype=np.float32)


def _case(name: str = "test/expected.json", scores: np.ndarray = SCORES) -> StanceCase:
    claims = graded(list(CLAIMS.values()), dict.fromkeys(CLAIMS, "en"), {})
    report = msgspec.structs.replace(_report([]), claims=claims)
    inventory = InventoryCase(name, (Readout("US", US), Readout("KR", KR)), {"A": TOPICS})
    left = [c for c in claims if c.side == "US"]
    right = [c for c in claims if c.side == "KR"]
    return StanceCase(CounterpartCase(inventory, {"A": ITEMS}), report, left, right, scores)


def _levels(claims: list[Claim]) -> list[int | None]:
    return [c.strength for c in claims]


def test_the_hand_made_claims_carry_the_levels_the_matrix_assumes() -> None:
    case = _case()
    assert _levels(case.left) == [None, 4, 2]
    assert _levels(case.right) == [None, 1, 2]


def test_one_to_one_takes_the_closest_stance_pair_first_and_each_claim_once() -> None:
    # US-2 ~ KR-3 (0.6) first; US-3 then takes KR-2 (0.4); the framing claims never count,
    # however close (0.9).
    assert one_to_one(_case(), 0.0) == [(1, 2), (2, 1)]
    assert one_to_one(_case(), 0.45) == [(1, 2)]


def test_either_best_keeps_each_stance_claims_best_from_both_sides() -> None:
    # US-2's best is KR-3, US-3's is KR-2, KR-2's is US-2, KR-3's is US-2.
    assert either_best(_case(), 0.0) == [(1, 1), (1, 2), (2, 1)]
    assert either_best(_case(), 0.45) == [(1, 1), (1, 2)]


def test_widened_keeps_the_reports_gaps_and_adds_the_marked_ones_of_the_rule() -> None:
    case = _case()
    own = StrengthGap(["US-3", "KR-2"], ["US", "KR"], ["welcomed", "discussed"], [2, 1], 0.4)
    case = StanceCase(
        case.case, msgspec.structs.replace(case.report, strength_gaps=[own]),
        case.left, case.right, case.scores,
    )  # fmt: skip
    found = widened(case, either_best, (0.0, 1.0)).strength_gaps
    # Its own gap once; condemned 4 ~ discussed 1 and condemned 4 ~ agreed 2 added.
    assert sorted(g.claims for g in found) == [["US-2", "KR-2"], ["US-2", "KR-3"], ["US-3", "KR-2"]]
    # At gap_levels 3 only condemned ~ discussed (3 apart) is added.
    found = widened(case, either_best, (0.0, 3.0)).strength_gaps
    assert sorted(g.claims for g in found) == [["US-2", "KR-2"], ["US-3", "KR-2"]]


def test_rule_scores_count_a_gap_right_only_on_the_items_claims() -> None:
    scores = rule_scores([_case()], either_best, (0.0, 1.0))["A"]["total"]
    # condemned ~ discussed is the item; condemned ~ agreed and welcomed ~ discussed are not.
    assert (scores.strength_precision.hits, scores.strength_precision.total) == (1, 3)
    assert (scores.strength_recall.hits, scores.strength_recall.total) == (1, 1)


def test_measure_fits_on_the_other_pairs_for_each_held_out_pair() -> None:
    # Only the item's pair is anyone's best: 0.5 in one pair, 0.3 in the other. Fitted on the
    # first alone, the second pair's gap falls below the threshold and is missed held out.
    high = np.full((3, 3), 0.1, dtype=np.float32)
    high[1, 1] = 0.5
    low = high.copy()
    low[1, 1] = 0.3
    cases = [_case("one/expected.json", high), _case("two/expected.json", low)]
    found = measure(cases, either_best)
    total = found.scores["A"]["total"]
    assert (total.strength_recall.hits, total.strength_recall.total) == (2, 2)
    held_out = found.held_out["A"]["total"]
    assert (held_out.strength_recall.hits, held_out.strength_recall.total) == (1, 2)
