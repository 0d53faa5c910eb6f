"""Alignment: mutual best counterparts by matter, framing only with framing, order-free."""

from __future__ import annotations

import numpy as np

from service.pipeline.align import (
    matches,
    part_matrix,
    part_scores,
    parts,
    pieces,
    similarity_matrix,
)
from service.pipeline.types import Claim


def claims(side: str, count: int) -> list[Claim]:
    return [Claim(id=f"{side}-{i + 1}", side=side, text="x", start=0, end=1) for i in range(count)]


def test_similarity_is_cosine_of_unit_rows() -> None:
    left = np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32)
    right = np.array([[0.6, 0.8]], dtype=np.float32)
    assert np.allclose(similarity_matrix(left, right), [[0.6], [0.8]])


def test_a_pair_is_reported_only_when_each_is_the_others_best_in_any_order() -> None:
    similarity = np.array([[0.1, 0.2], [0.9, 0.8]], dtype=np.float32)
    found = matches(claims("US", 2), claims("KR", 2), similarity, threshold=0.5)
    # KR-2's best is US-2, but US-2's best is KR-1: one counterpart each, never the runner-up.
    assert [tuple(m.claims) for m in found] == [("US-2", "KR-1")]
    assert [m.similarity for m in found] == [0.9]


def test_pairs_below_threshold_are_left_out() -> None:
    similarity = np.array([[0.9, 0.55], [0.8, 0.4]], dtype=np.float32)
    found = matches(claims("US", 2), claims("KR", 2), similarity, threshold=0.5)
    assert {tuple(m.claims) for m in found} == {("US-1", "KR-1")}
    assert matches(claims("US", 2), claims("KR", 2), similarity, threshold=0.95) == []


def test_a_framing_claim_is_a_counterpart_only_of_another_framing_claim() -> None:
    similarity = np.array([[0.9, 0.3], [0.2, 0.8]], dtype=np.float32)
    found = matches(claims("US", 2), claims("KR", 2), similarity, 0.25, framing={"US-1", "KR-2"})
    # US-1 (framing) pairs with KR-2 (framing) although KR-1 is closer; US-2 is left alone.
    assert [tuple(m.claims) for m in found] == [("US-1", "KR-2")]


def test_a_list_splits_into_parts_and_other_languages_stay_whole() -> None:
    found = parts(
        "They discussed supply chains for critical minerals, nuclear power cooperation, and "
        "the trilateral summit",
        "en",
    )
    assert found[1:] == ["supply chains for critical minerals", "nuclear power cooperation",
                         "the trilateral summit"]  # fmt: skip
    assert parts("양측은 공급망 협력을 논의했다", "ko") == ["양측은 공급망 협력을 논의했다"]


def test_two_claims_score_the_best_of_their_parts() -> None:
    left = np.array([[1.0, 0.0], [0.0, 1.0], [0.6, 0.8]], dtype=np.float32)
    right = np.array([[0.0, 1.0], [1.0, 0.0]], dtype=np.float32)
    # Left claim 0 has parts 0 and 1; left claim 1 has part 2; right claims 0 and 1 one each.
    found = part_matrix(left, right, [0, 0, 1], [0, 1])
    assert np.allclose(found, [[1.0, 1.0], [0.8, 0.6]])


def test_pieces_follow_each_language_room_and_part_scores_take_the_best_pair() -> None:
    us = [
        Claim(id="US-1", side="US", text="They discussed trade, nuclear power cooperation, and "
              "the trilateral summit", start=0, end=1),
        Claim(id="US-2", side="US", text="Secretary Blinken condemned the launch", start=0, end=1),
    ]  # fmt: skip
    kr = [Claim(id="KR-1", side="KR", text="양측은 공급망 협력을 논의했다", start=0, end=1)]
    left, right = pieces(us, "en"), pieces(kr, "ko")
    assert [i for i, _ in left] == [0, 0, 0, 1] and right == [(0, kr[0].text)]
    vectors = np.array([[1, 0], [0, 1], [0.6, 0.8], [0.8, 0.6], [0, 1]], dtype=np.float32)
    assert np.allclose(part_scores(left, right, vectors), [[1.0], [0.6]])
