"""Strength gaps from levels and counterparts (readings/strength_gaps.py), on built claims."""

from __future__ import annotations

from service.pipeline.readings.strength_gaps import graded, strength_gaps
from service.pipeline.types import Claim, Match


def _claim(id: str, side: str, text: str, sentence: int = 0) -> Claim:
    return Claim(id=id, side=side, text=text, start=0, end=len(text), sentence=sentence)


def _gaps(left: str, right: str) -> list[list[int]]:
    claims = graded([_claim("a", "US", left), _claim("b", "JP", right)], {"a": "en", "b": "en"}, {})
    return [g.levels for g in strength_gaps(claims, [Match(["a", "b"], 0.5)], 1.0)]


def test_a_stance_against_a_matter_only_discussed_is_a_gap() -> None:
    assert _gaps("They agreed to strengthen cooperation", "They discussed cooperation") == [[2, 1]]


def test_condemned_against_any_lesser_stance_is_a_gap() -> None:
    assert _gaps(
        "They condemned the launches", "They shared serious concerns about the launches"
    ) == [[4, 3]]


def test_the_two_middle_levels_are_house_style_not_a_gap() -> None:
    assert _gaps("They reaffirmed the alliance", "They concurred on the alliance") == []


def test_a_claim_without_a_stance_is_never_part_of_a_gap() -> None:
    assert _gaps("They condemned the launches", "These workers are not criminals.") == []


def test_a_clause_without_a_predicate_takes_its_sentences() -> None:
    claims = graded(
        [
            _claim("a", "US", "They discussed efforts", 3),
            _claim("b", "US", "including supply chains", 3),
        ],
        {"a": "en", "b": "en"},
        {},
    )
    assert [(c.predicate, c.strength) for c in claims] == [("discussed", 1), ("discussed", 1)]


def test_gaps_need_the_calibrated_distance() -> None:
    claims = graded(
        [_claim("a", "US", "They condemned it"), _claim("b", "JP", "They shared serious concerns")],
        {"a": "en", "b": "en"},
        {},
    )
    assert strength_gaps(claims, [Match(["a", "b"], 0.5)], 2.0) == []


def test_a_stance_pair_about_one_matter_counts_any_marked_difference() -> None:
    claims = graded(
        [_claim("a", "US", "They condemned it"), _claim("b", "JP", "They shared serious concerns")],
        {"a": "en", "b": "en"},
        {},
    )
    pair = Match(["a", "b"], 0.5)
    # On the counterparts 2 levels are needed; a stance pair about one matter needs a marked one.
    assert [g.levels for g in strength_gaps(claims, [], 2.0, also=[pair])] == [[4, 3]]
    # A pair that is both a counterpart and a stance pair is one gap.
    assert len(strength_gaps(claims, [pair], 1.0, also=[pair])) == 1


def test_a_stance_pair_between_the_middle_levels_is_no_gap() -> None:
    claims = graded(
        [_claim("a", "US", "They reaffirmed the alliance"), _claim("b", "JP", "They agreed")],
        {"a": "en", "b": "en"},
        {},
    )
    assert strength_gaps(claims, [], 1.0, also=[Match(["a", "b"], 0.5)]) == []
