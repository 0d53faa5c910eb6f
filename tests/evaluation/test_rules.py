"""The alternative counterpart rules: near ties and the logistic combination."""

from __future__ import annotations

import numpy as np

from evaluation.matching import in_sample
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
