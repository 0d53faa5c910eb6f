"""The alternative counterpart rules: near ties, the logistic combination, and miss causes."""

from __future__ import annotations

import numpy as np

from evaluation.matching import figures, in_sample
from evaluation.misses import CAUSES, best_of_either, misses
from evaluation.rules import RULES, _near_ties, features, logistic, logistic_weights
from tests.evaluation.test_matching import fake


def test_near_ties_give_a_claim_several_counterparts_only_within_the_margin() -> None:
    # KR-0 is the best of both US claims; US-0 is its best, US-1 only 0.02 behind.
    pair = fake([[0.6, 0.1], [0.58, 0.2]], [[True, False], [True, False]])
    assert _near_ties(pair, (0.3, 0.5, 0.05)) == [(0, 0), (1, 0)]
    assert _near_ties(pair, (0.3, 0.5, 0.01)) == [(0, 0)]
    assert _near_ties(pair, (0.3, 0.59, 0.05)) == [(0, 0)]


def test_features_read_scores_ranks_and_framing() -> None:
    pair = fake([[0.6, 0.1], [0.5, 0.2]], [[True, False], [False, True]])
    found = features(pair)
    assert found.shape == (2, 2, 6)
    assert np.allclose(found[1, 0, :4], [0.5, 0.5, 0.0, -0.1])


def test_the_logistic_weights_learn_a_separable_signal() -> None:
    pairs = [
        fake([[0.8, 0.1, 0.0], [0.1, 0.7, 0.2], [0.0, 0.1, 0.9]], np.eye(3, dtype=bool).tolist(), n)
        for n in "abc"
    ]
    weights = logistic_weights(pairs)
    assert weights[0] > 0  # the part cosine counts for a counterpart
    found = in_sample(logistic(mutual=True), pairs)
    assert (found.precision, found.recall) == (1.0, 1.0)
    assert set(RULES) >= {"mutual best, part cosine (align.py)"}


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
