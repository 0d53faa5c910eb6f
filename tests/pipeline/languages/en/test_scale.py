"""The English room's stance predicates (languages/en/scale.py): fixture sentences unless marked
built, and the words that only look like a stance."""

from __future__ import annotations

import pytest

from service.pipeline.languages.en.scale import english_predicate


@pytest.mark.parametrize(
    ("sentence", "predicate", "level"),
    [
        # Japan's and Korea's English readouts: verbs of agreement, "confirmed" among them (as
        # 確認 and 확인 in their rooms); "reaffirmed" (再確認, 재확인) restates, a level up.
        ("The two ministers concurred to continue close coordination", "concurred", 2),
        ("The two ministers shared the view to further strengthen trilateral", "shared", 2),
        ("the two foreign ministers confirmed that they will closely coordinate", "confirmed", 2),
        # A carrier verb takes its stance noun, with the intensifier between them.
        ("The two ministers shared serious concerns about nuclear", "shared serious concerns", 3),
        ("Ministers Kangand Kono took note that close communications", "took note", 1),
        (
            "The two foreign ministers held an honest exchange of views",
            "held an honest exchange of views",
            1,
        ),
        (
            "The two ministers exchanged their views on recent regional affairs.",
            "exchanged their views",
            1,
        ),
        # An intensifier in the object phrase raises the verb, as one before it does.
        ("They reaffirmed their resolute support for Ukraine’s sovereignty", "reaffirmed", 4),
        (
            "Motegi also reinforced the critical importance of U.S.-Japan-ROK cooperation",
            "reinforced",
            4,
        ),
        ("They discussed the importance of continuing to advance cooperation", "discussed", 1),
        # A neutral reporting verb is no stance; what it reports may hold one.
        ("Wang Yi said that China firmly opposes any attempt", "firmly opposes", 4),  # built
        ("it is hoped that the ROK side will work with China", "hoped", 2),
    ],
)
def test_stance_predicates_and_levels(sentence: str, predicate: str, level: int) -> None:
    found = english_predicate(sentence)
    assert found is not None
    assert (found.text, found.level) == (predicate, level)


@pytest.mark.parametrize(
    "sentence",
    [
        "the health and safety of not only USFJ personnel",  # "not" is no form of "note"
        "including stable management of supply chains and people-to-people exchanges",
        "while implementing the agreement on tariffs between the two countries.",
        "Secretary of State Antony Blinken met with the United States delegation",
        "These workers are not criminals.",
        "Foreign Minister Hayashi stated that North Korea's missile activities pose a threat",
        # "noted that" reports a statement (指出, "pointed out"); "took note" acknowledges.
        "the Chinese top diplomat noted that two sides should eliminate interferences",
    ],
)
def test_words_that_only_look_like_a_stance_are_none(sentence: str) -> None:
    assert english_predicate(sentence) is None


def test_a_present_tense_counts_but_a_plural_noun_does_not() -> None:
    assert english_predicate("The Secretary said the United States welcomes ROK investment")
    assert english_predicate("the two sides addressed their concerns") is not None
    assert english_predicate("matters of concerns and hopes of the region") is None
