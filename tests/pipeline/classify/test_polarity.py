"""Opposition cues between matched claims: negation, antonyms, numbers, named entities."""

from __future__ import annotations

import pytest

from service.pipeline.classify.polarity import opposition


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


@pytest.mark.parametrize(
    ("claim", "counterpart"),
    [
        # "neither" denies an argument ("neither nation"), not the shared predicate
        (
            "They ensured that neither nation becomes vulnerable to coercion.",
            "They ensured that each nation becomes resilient to coercion.",
        ),
        (
            "The two sides agreed not only to expand trade but also to deepen investment.",
            "The two sides agreed to expand trade and deepen investment.",
        ),
        ("No one supports the use of force.", "Both sides support the use of force."),
        ("They agreed to cooperate without preconditions.", "They agreed to cooperate."),
        # double negation: "did not fail to support" affirms
        (
            "The minister did not fail to support the resolution.",
            "The minister supported the resolution.",
        ),
        # the negated word is not what the counterpart states
        (
            "They will not delay the talks and supported the resolution.",
            "They supported the resolution.",
        ),
        ("They did not oppose the plan.", "They supported the plan."),
    ],
)
def test_negations_that_do_not_deny_the_matched_predicate_are_not_opposed(
    claim: str, counterpart: str
) -> None:
    assert opposition(claim, counterpart) == []
    assert opposition(counterpart, claim) == []


@pytest.mark.parametrize(
    ("claim", "counterpart", "word"),
    [
        ("Japan cannot accept the proposal.", "Japan accepts the proposal.", "cannot"),
        ("The ministers never discussed sanctions.", "The ministers discussed sanctions.", "never"),
        ("Seoul does not yet fully support the plan.", "Seoul supports the plan.", "not"),
        ("The U.S. doesn't support the bill.", "The U.S. supports the bill.", "not"),
    ],
)
def test_a_negation_of_the_shared_predicate_is_opposed(
    claim: str, counterpart: str, word: str
) -> None:
    assert opposition(claim, counterpart) == [word]


def test_not_before_a_preposition_negates_no_predicate_of_the_counterpart() -> None:
    # Wang's "not in the common interests" against Seoul's "issues of mutual interest" (2024-05-13).
    assert (
        opposition(
            "Relations have faced difficulties, which is not in the common interests of both sides.",
            "The two sides discussed issues of mutual interest in detail.",
        )
        == []
    )
    assert opposition(
        "Peace was not an indispensable element.", "Peace was an indispensable element."
    )
