"""The split stage: sentences by syntok, then one claim per joined commitment, spans exact."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from service.pipeline.clean import clean
from service.pipeline.language import detect_language
from service.pipeline.split import split
from tests.conftest import PAIRS, RUBIO_CHO


def claims_of(text: str, side: str = "US") -> list[str]:
    return [c.text for c in split(text, clean(text), side).claims]


def test_joined_commitments_become_three_claims() -> None:
    sentence = (
        "Secretary Rubio and Foreign Minister Cho also reaffirmed their resolute commitment to the "
        "complete denuclearization of the DPRK, the full implementation of international sanctions, "
        "and expressed serious concerns about North Korea's increasing military cooperation with Russia."
    )
    assert claims_of(sentence) == [
        "Secretary Rubio and Foreign Minister Cho also reaffirmed their resolute commitment to the "
        "complete denuclearization of the DPRK",
        "the full implementation of international sanctions",
        "expressed serious concerns about North Korea's increasing military cooperation with Russia.",
    ]


def test_lists_of_names_and_adjectives_stay_whole() -> None:
    sentence = (
        "The Secretary underscored the importance of U.S.-Japan-ROK cooperation, which reinforces "
        "a free, open, interconnected, prosperous, resilient, and secure Indo-Pacific region."
    )
    assert claims_of(sentence) == [sentence]
    names = (
        "They agreed to strengthen trilateral cooperation between South Korea, the U.S., and Japan."
    )
    assert claims_of(names) == [names]


def test_semicolon_items_stand_alone() -> None:
    text = "The two sides discussed the alliance; nuclear issues related to North Korea; information cooperation."
    assert claims_of(text)[-1] == "information cooperation."


def test_claims_carry_spans_sentence_index_and_position() -> None:
    text = (RUBIO_CHO / "us.txt").read_text()
    claims = split(text, clean(text), "US").claims
    assert [c.id for c in claims[:2]] == ["US-1", "US-2"]
    assert all(text[c.start : c.end] == c.text for c in claims)
    assert [c.sentence for c in claims] == sorted(c.sentence for c in claims)
    assert claims[0].position == 0.0 and all(0 <= c.position < 1 for c in claims)
    assert any("Taiwan Strait" in c.text for c in claims)


@pytest.mark.parametrize(
    "path", sorted(PAIRS.glob("*/*.txt")), ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_every_fixture_splits_into_exact_spans(path: Path) -> None:
    text = path.read_text()
    claims = split(text, clean(text), "X", detect_language(text)).claims
    assert len(claims) >= 5
    assert all(text[c.start : c.end] == c.text and c.text.strip() == c.text for c in claims)
    assert all(a.end <= b.start for a, b in itertools.pairwise(claims))
