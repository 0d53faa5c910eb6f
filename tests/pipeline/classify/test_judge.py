"""Verdicts from counterparts: one-sided without one, partial with new terms, opposed."""

from __future__ import annotations

import numpy as np
import pytest

from service.pipeline.classify import classify
from service.pipeline.types import Claim, Match


def claim(side: str, number: int, text: str, position: float = 0.0) -> Claim:
    return Claim(
        id=f"{side}-{number}", side=side, text=text, start=0, end=len(text), position=position
    )


LEFT = [
    claim("US", 1, "They welcomed the trade deal.", 0.0),
    claim("US", 2, "They stressed peace across the Taiwan Strait.", 0.5),
]
RIGHT = [claim("KR", 1, "They welcomed the trade deal.")]


TRADE = [Match(["US-1", "KR-1"], 0.9)]


def test_without_a_counterpart_below_threshold_is_one_sided_and_shows_none() -> None:
    verdicts, emphases = classify(
        LEFT, RIGHT, np.array([[0.9], [0.1]]), threshold=0.3, counterparts=TRADE
    )
    assert [c.verdict for c in verdicts] == ["shared", "one-sided", "shared"]
    (only,) = emphases
    assert only.claim_id == "US-2" and only.kind == "one-sided"
    assert only.closest is None
    assert "Taiwan Strait" in only.terms


def test_near_but_not_a_counterpart_with_new_names_is_one_sided_not_partial() -> None:
    _, emphases = classify(LEFT, RIGHT, np.array([[0.9], [0.5]]), threshold=0.3, counterparts=TRADE)
    (only,) = emphases
    assert only.kind == "one-sided" and only.closest is None


def test_near_but_not_a_counterpart_without_new_terms_is_one_sided_and_ranked_low() -> None:
    left = [*LEFT, claim("US", 3, "They welcomed the deal.")]
    verdicts, emphases = classify(
        left, RIGHT, np.array([[0.9], [0.1], [0.6]]), threshold=0.3, counterparts=TRADE
    )
    assert [c.verdict for c in verdicts] == ["shared", "one-sided", "one-sided", "shared"]
    assert [e.claim_id for e in emphases] == ["US-2", "US-3"]  # the named one first


def test_a_claim_restating_the_other_side_without_new_terms_is_shared_not_an_emphasis() -> None:
    """Its counterpart went to a closer claim (counterparts are one to one), but it is as close
    to the other side as the restated threshold and names nothing new: no emphasis."""
    left = [*LEFT, claim("US", 3, "They welcomed the deal.")]
    similarity = np.array([[0.9], [0.6], [0.6]])
    verdicts, emphases = classify(
        left, RIGHT, similarity, threshold=0.3, counterparts=TRADE, restated_threshold=0.5
    )
    assert [c.verdict for c in verdicts] == ["shared", "one-sided", "shared", "shared"]
    # the claim that names the Taiwan Strait stays an emphasis, however close
    assert [e.claim_id for e in emphases] == ["US-2"]
    _, below = classify(
        left, RIGHT, similarity, threshold=0.3, counterparts=TRADE, restated_threshold=0.7
    )
    assert [e.claim_id for e in below] == ["US-2", "US-3"]


def test_counterpart_with_new_proper_nouns_is_partial() -> None:
    _, emphases = classify(
        LEFT, RIGHT, np.array([[0.9], [0.5]]), 0.3, counterparts=[Match(["US-2", "KR-1"], 0.5)]
    )
    (partial,) = [e for e in emphases if e.claim_id == "US-2"]
    assert partial.kind == "partial" and partial.terms == ["Taiwan Strait"]
    assert partial.closest is not None and partial.closest.claim_id == "KR-1"


def test_negated_counterpart_is_opposed_with_evidence() -> None:
    left = [claim("US", 1, "The United States does not support Taiwan independence.")]
    right = [claim("CN", 1, "The United States supports Taiwan independence.")]
    pair = [Match(["US-1", "CN-1"], 0.85)]
    _, emphases = classify(left, right, np.array([[0.85]]), threshold=0.3, counterparts=pair)
    assert {e.kind for e in emphases} == {"opposed"}
    assert "not" in emphases[0].evidence


def test_lead_claims_rank_above_closing_ones() -> None:
    left = [
        claim("US", 1, "Alpha sanctions imposed.", 0.0),
        claim("US", 2, "Alpha sanctions imposed.", 0.9),
    ]
    _, emphases = classify(left, RIGHT, np.array([[0.0], [0.0]]), threshold=0.3)
    ranked = [e for e in emphases if e.side == "US"]
    assert [e.claim_id for e in ranked] == ["US-1", "US-2"]
    assert ranked[0].salience > ranked[1].salience


@pytest.mark.parametrize(
    ("chinese", "kinds", "verdicts"),
    [
        ("中方坚决反对该决议。", {"opposed"}, {"opposed"}),
        ("中方支持该决议。", set(), {"shared"}),
    ],
    ids=["opposite-sides", "same-side"],
)
def test_claims_in_two_languages_are_opposed_only_when_they_take_opposite_sides(
    chinese: str, kinds: set[str], verdicts: set[str]
) -> None:
    left = [claim("US", 1, "The United States supports the resolution.")]
    right = [claim("CN", 1, chinese)]
    pair = [Match(["US-1", "CN-1"], 0.6)]
    judged, emphases = classify(
        left,
        right,
        np.array([[0.6]]),
        0.3,
        ("en", "zh"),
        terms={"US-1": [], "CN-1": []},
        counterparts=pair,
    )
    assert {e.kind for e in emphases} == kinds
    assert {c.verdict for c in judged} == verdicts
    for emphasis in emphases:
        assert sorted(emphasis.evidence) == sorted(["supports", "反对"])
