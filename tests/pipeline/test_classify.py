"""Verdicts from a similarity matrix: one-sided below threshold, partial with new terms, opposed."""

from __future__ import annotations

import numpy as np

from service.pipeline.classify import classify
from service.pipeline.types import Claim


def claim(side: str, number: int, text: str, position: float = 0.0) -> Claim:
    return Claim(
        id=f"{side}-{number}", side=side, text=text, start=0, end=len(text), position=position
    )


LEFT = [
    claim("US", 1, "They welcomed the trade deal.", 0.0),
    claim("US", 2, "They stressed peace across the Taiwan Strait.", 0.5),
]
RIGHT = [claim("KR", 1, "They welcomed the trade deal.")]


def test_below_threshold_is_one_sided_with_its_closest_claim() -> None:
    verdicts, emphases = classify(LEFT, RIGHT, np.array([[0.9], [0.1]]), threshold=0.3)
    assert [c.verdict for c in verdicts] == ["shared", "one-sided", "shared"]
    (only,) = emphases
    assert only.claim_id == "US-2" and only.kind == "one-sided"
    assert only.closest is not None and only.closest.claim_id == "KR-1"
    assert "Taiwan Strait" in only.terms


def test_matched_claim_with_new_proper_nouns_is_partial() -> None:
    _, emphases = classify(LEFT, RIGHT, np.array([[0.9], [0.5]]), threshold=0.3)
    (partial,) = emphases
    assert partial.kind == "partial" and partial.terms == ["Taiwan Strait"]


def test_negated_counterpart_is_opposed_with_evidence() -> None:
    left = [claim("US", 1, "The United States does not support Taiwan independence.")]
    right = [claim("CN", 1, "The United States supports Taiwan independence.")]
    _, emphases = classify(left, right, np.array([[0.85]]), threshold=0.3)
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
