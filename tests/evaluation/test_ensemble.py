"""Similarities compared on one footing: normalising, ensembles, AUC, top-1 and the fitted rules."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from evaluation.ensemble import (
    auc,
    ensemble,
    mutual,
    mutual_by,
    rank,
    rescored,
    similarities,
    top1,
    weighted_mean,
    zscore,
)
from evaluation.matching import THRESHOLDS, Evidence, held_out, in_sample
from tests.evaluation.test_matching import fake


def two(scores: dict[str, list[list[float]]], right: list[list[bool]], name: str = "p") -> Evidence:
    """A fake pair scored by several encoders (the first also its `about`)."""
    first = next(iter(scores.values()))
    encoders = {k: np.array(v, dtype=np.float32) for k, v in scores.items()}
    return dataclasses.replace(fake(first, right, name), encoders=encoders)


def test_zscore_and_rank_read_only_the_meetings_candidate_pairs() -> None:
    pair = fake([[0.9, 0.1], [0.3, 0.5]], [[True, False], [False, True]])
    z = zscore(pair, pair.about)
    assert z.mean() == pytest.approx(0.0, abs=1e-6) and z.std() == pytest.approx(1.0, abs=1e-6)
    assert rank(pair, pair.about).tolist() == [[1.0, 0.25], [0.5, 0.75]]
    # A framing claim's pairs are not candidates: the other pairs alone set the scale.
    mixed = dataclasses.replace(pair, framing=(np.array([True, False]), np.array([True, False])))
    assert rank(mixed, mixed.about).tolist() == [[1.0, 0.0], [0.0, 0.5]]


def test_an_ensemble_averages_the_named_encoders_as_normalised() -> None:
    pair = two({"a": [[0.8, 0.2]], "b": [[0.4, 0.6]]}, [[True, False]])
    assert np.allclose(ensemble(["a", "b"], "mean")(pair), [[0.6, 0.4]])
    assert np.allclose(ensemble(None, "mean")(pair), [[0.6, 0.4]])
    assert np.allclose(ensemble(["b"], "mean")(pair), [[0.4, 0.6]])
    assert np.allclose(ensemble(["a", "b"], "mean rank")(pair), [[0.75, 0.75]])


def test_similarities_are_each_encoder_then_the_ensembles_holding_the_first() -> None:
    pair = two({"a": [[0.8]], "b": [[0.4]], "c": [[0.1]]}, [[True]])
    names = list(similarities(pair))
    assert names[:3] == ["a", "b", "c"]
    assert "mean: a + b" in names and "mean rank: a + b + c" in names
    assert not any(n.endswith("b + c") and "a" not in n for n in names)


def test_auc_is_the_chance_a_right_pair_outranks_a_wrong_one() -> None:
    pair = fake([[0.9, 0.1], [0.3, 0.5]], [[True, False], [False, True]])
    # Right: 0.9 and 0.5; wrong: 0.1 and 0.3: every right pair outranks every wrong one.
    assert auc([pair], lambda e: e.about) == 1.0
    assert auc([pair], lambda e: -e.about) == 0.0
    swapped = fake([[0.9, 0.1], [0.6, 0.5]], [[True, False], [False, True]])
    assert auc([swapped], lambda e: e.about) == 0.75  # 0.5 loses to 0.6 only


def test_top1_counts_claims_whose_best_candidate_is_right() -> None:
    # US-1's best is KR-0 (wrong); KR-1's best is US-1 (right); US-0 and KR-0 find each other.
    pair = fake([[0.9, 0.1], [0.6, 0.5]], [[True, False], [False, True]])
    assert top1([pair], lambda e: e.about) == 0.75


def test_mutual_by_a_similarity_fits_on_it_and_selects_with_it() -> None:
    pairs = [two({"a": [[0.2, 0.0], [0.0, 0.2]], "b": [[0.6, 0.4], [0.4, 0.6]]},
                 [[True, False], [False, True]], n) for n in "xy"]  # fmt: skip
    by_b = mutual_by(ensemble(["b"], "mean"), THRESHOLDS)
    assert in_sample(by_b, pairs).recall == 1.0
    assert held_out(by_b, pairs).recall == 1.0
    scored = rescored(pairs, ensemble(["b"], "mean"))
    assert in_sample(mutual(THRESHOLDS), scored) == in_sample(by_b, pairs)


def test_the_weighted_mean_learns_to_trust_the_encoder_that_separates() -> None:
    # Encoder "a" ranks a wrong pair first; "b" ranks the right ones first.
    gold = [[True, False], [False, True]]
    pairs = [two({"a": [[0.3, 0.5], [0.5, 0.3]], "b": [[0.5, 0.2], [0.2, 0.5]]}, gold, n)
             for n in "xyz"]  # fmt: skip
    found = held_out(weighted_mean(), pairs)
    assert (found.precision, found.recall) == (1.0, 1.0)
    assert in_sample(mutual_by(ensemble(["a"], "mean"), THRESHOLDS), pairs).recall == 0.0
