"""Alignment is order-free and many-to-many over the cosine matrix."""

from __future__ import annotations

import numpy as np

from service.pipeline.align import matches, similarity_matrix
from service.pipeline.types import Claim


def claims(side: str, count: int) -> list[Claim]:
    return [Claim(id=f"{side}-{i + 1}", side=side, text="x", start=0, end=1) for i in range(count)]


def test_similarity_is_cosine_of_unit_rows() -> None:
    left = np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32)
    right = np.array([[0.6, 0.8]], dtype=np.float32)
    assert np.allclose(similarity_matrix(left, right), [[0.6], [0.8]])


def test_one_long_claim_can_match_two_short_ones_in_any_order() -> None:
    similarity = np.array([[0.1, 0.2], [0.9, 0.8]], dtype=np.float32)
    found = matches(claims("US", 2), claims("KR", 2), similarity, threshold=0.5)
    assert [tuple(m.claims) for m in found] == [("US-2", "KR-1"), ("US-2", "KR-2")]
    assert [m.similarity for m in found] == [0.9, 0.8]


def test_pairs_below_threshold_or_nobodys_best_are_left_out() -> None:
    similarity = np.array([[0.9, 0.55], [0.8, 0.4]], dtype=np.float32)
    found = matches(claims("US", 2), claims("KR", 2), similarity, threshold=0.5)
    assert {tuple(m.claims) for m in found} == {
        ("US-1", "KR-1"),
        ("US-2", "KR-1"),
        ("US-1", "KR-2"),
    }
    assert matches(claims("US", 2), claims("KR", 2), similarity, threshold=0.95) == []
