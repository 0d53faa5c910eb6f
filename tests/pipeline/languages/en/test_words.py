"""English titles by rule: a rank or portfolio is part of a title only in a title's place."""

from __future__ import annotations

import pytest

from service.pipeline.classify.terms import distinctive_terms, vocabulary
from service.pipeline.languages.en.words import title_at


def _titled(text: str) -> list[str]:
    words = text.split()
    return [w for i, w in enumerate(words) if title_at(words, i)]


@pytest.mark.parametrize(
    ("text", "titled"),
    [
        ("First Vice Foreign Minister Park met", ["First", "Vice", "Foreign", "Minister"]),
        ("Secretary of State Rubio met", ["Secretary", "State"]),
        ("the Minister for Foreign Affairs of Japan", ["Minister", "Foreign", "Affairs", "Japan"]),
        ("State Councilor Wang Yi", ["State", "Councilor"]),
        (
            "Secretary of State of the United States of America",
            ["Secretary", "State", "United", "States", "America"],
        ),
        ("for the first time in the State of Israel", []),
        ("foreign investment in the state sector", []),
    ],
)
def test_ranks_and_portfolios_are_titles_only_beside_one(text: str, titled: list[str]) -> None:
    assert _titled(text) == titled


def test_a_rank_word_away_from_a_title_can_be_a_term() -> None:
    found = [
        t.text for t in distinctive_terms("They welcomed the First Lady's visit.", vocabulary([]))
    ]
    assert "First Lady" in found or "First Lady's" in " ".join(found)
