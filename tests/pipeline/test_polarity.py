"""Opposition cues between matched claims: negation, antonyms, numbers, named entities."""

from __future__ import annotations

import pytest

from service.pipeline.polarity import opposition


def test_negated_support_is_opposed_with_the_negation_as_evidence() -> None:
    evidence = opposition(
        "The United States does not support Taiwan independence.",
        "The United States supports Taiwan independence.",
    )
    assert evidence == ["not"]


def test_opposition_is_symmetric() -> None:
    a, b = "They welcomed the agreement.", "They condemned the agreement."
    assert opposition(a, b) == opposition(b, a) == ["condemned", "welcomed"]


@pytest.mark.parametrize(
    ("claim", "counterpart", "word"),
    [
        ("Both sides support the resolution.", "Both sides oppose the resolution.", "oppose"),
        ("The ministers agreed on the plan.", "The ministers disagreed on the plan.", "disagreed"),
        ("Washington will lift the sanctions.", "Washington will impose the sanctions.", "impose"),
        ("Oil prices rise sharply", "Oil prices fall sharply", "fall"),
        ("The switch is open.", "The switch is closed.", "closed"),
        ("Exports increased this year.", "Exports decreased this year.", "decreased"),
    ],
)
def test_antonyms_are_opposed(claim: str, counterpart: str, word: str) -> None:
    assert word in opposition(claim, counterpart)


@pytest.mark.parametrize(
    ("claim", "counterpart"),
    [
        (
            "The United States supports Taiwan independence.",
            "Washington backs independence for Taiwan.",
        ),
        (
            "They reaffirmed their commitment to the complete denuclearization of North Korea.",
            "The two sides reiterated their commitment to North Korea's complete denuclearization.",
        ),
        ("The Secretary welcomed the agreement.", "The Minister welcomed the deal."),
        ("They called for talks without delay.", "They called for immediate talks."),
        # both negated: the same stance
        ("Japan will not accept the claim.", "Japan does not accept that claim."),
        # a negated antonym agrees with the plain one
        ("Seoul does not oppose the plan.", "Seoul supports the plan."),
    ],
)
def test_paraphrases_are_not_opposed(claim: str, counterpart: str) -> None:
    assert opposition(claim, counterpart) == []


def test_differing_numbers_are_opposed() -> None:
    evidence = opposition("Tariffs will rise to 25 percent.", "Tariffs will rise to 15 percent.")
    assert evidence == ["15", "25"]


def test_shared_number_is_not_opposed() -> None:
    assert (
        opposition("They met on 31 July in 2025.", "The 2025 meeting was held in Washington.") == []
    )


def test_differing_entities_in_the_same_statement_are_opposed() -> None:
    evidence = opposition(
        "The ministers condemned the missile launch by Iran.",
        "The ministers condemned the missile launch by Russia.",
    )
    assert evidence == ["iran", "russia"]


def test_extra_entity_on_one_side_is_not_opposed() -> None:
    assert opposition("They discussed Ukraine.", "They discussed Ukraine and Russia.") == []


def test_numbers_in_unrelated_frames_are_not_opposed() -> None:
    assert (
        opposition(
            "They underscored the strength of the more than 70-year alliance.",
            "The ministers met after the February 22 trilateral meeting in Rio.",
        )
        == []
    )
