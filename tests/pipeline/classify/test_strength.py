"""Intensifiers one claim adds over its counterpart, and the partial verdict they give."""

from __future__ import annotations

import numpy as np

from service.pipeline.classify import classify
from service.pipeline.classify.strength import added_intensity, hedges, intensifiers
from service.pipeline.types import Claim, Match


def test_intensifiers_the_counterpart_lacks_are_added() -> None:
    added = added_intensity(
        "They reaffirmed their resolute commitment to the complete denuclearization.",
        "They reaffirmed their commitment to denuclearization.",
    )
    assert added == ["resolute", "complete"]


def test_a_counterpart_with_a_word_of_the_same_group_answers_it() -> None:
    assert added_intensity("a resolute commitment", "a firm commitment") == []
    assert added_intensity("the complete implementation", "the full implementation") == []


def test_only_the_unanswered_intensifier_is_reported() -> None:
    added = added_intensity("serious concerns and a firm stance", "concerns and a steadfast stance")
    assert added == ["serious"]


def test_no_intensifier_adds_nothing() -> None:
    assert added_intensity("They discussed trade.", "They discussed trade and Russia.") == []


def test_a_hedging_counterpart_makes_every_intensifier_count() -> None:
    assert hedges("They may consider sanctions.") == ["may", "consider"]
    assert added_intensity(
        "They firmly support sanctions.", "They may firmly support sanctions."
    ) == ["firmly"]


def test_intensifiers_are_listed_once_in_order() -> None:
    assert intensifiers("Full, complete and full support") == ["full", "complete"]


def _claim(side: str, text: str) -> Claim:
    return Claim(id=f"{side}-1", side=side, text=text, start=0, end=len(text))


def test_matched_claim_with_stronger_wording_becomes_partial_with_those_terms() -> None:
    left = [_claim("US", "They expressed serious concerns about the missile launches.")]
    right = [_claim("KR", "They expressed concerns about the missile launches.")]
    pair = [Match(["US-1", "KR-1"], 0.95)]
    _, emphases = classify(left, right, np.array([[0.95]]), threshold=0.5, counterparts=pair)
    (emphasis,) = emphases
    assert emphasis.side == "US" and emphasis.kind == "partial"
    assert emphasis.terms[0] == "serious"
