"""Why a two-sided topic gets no pair, and the ceiling of selecting by rank."""

from __future__ import annotations

from evaluation.matching import figures
from evaluation.misses import CAUSES, best_of_either, misses
from tests.evaluation.test_matching import fake


def test_misses_name_the_cause_and_the_ceiling_takes_every_best() -> None:
    # Topic (0, 0): each other's best but never selected; (1, 0): US-1's best is KR-0, whose
    # best is US-0; (1, 1): neither's best.
    pair = fake([[0.9, 0.1], [0.5, 0.05]], [[True, False], [True, True]])
    found = {m.topic: m for m in misses(pair, []) if m.annotator == "A"}
    assert found["t00"].cause == CAUSES[2] and found["t00"].ranks == (1, 1)
    assert found["t10"].cause == CAUSES[3] and found["t10"].ranks == (1, 2)
    assert found["t11"].cause == CAUSES[4]
    assert [m.topic for m in misses(pair, [(0, 0), (1, 0), (1, 1)])] == []
    # Top 1 from either side: both US claims take KR-0, and KR-1 takes US-0.
    assert best_of_either([pair], 1) == figures([pair], [[(0, 0), (0, 1), (1, 0)]])
    assert best_of_either([pair], 2).recall == 1.0
