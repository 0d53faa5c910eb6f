"""Framing claims and participants are recognised by their role in the readout."""

from __future__ import annotations

from service.pipeline.classify.framing import roles
from service.pipeline.types import Claim


def _claims(side: str, *texts: str) -> list[Claim]:
    last = max(len(texts) - 1, 1)
    return [
        Claim(f"{side}-{i + 1}", side, text, 0, len(text), i, i / last)
        for i, text in enumerate(texts)
    ]


def test_the_opening_meeting_claim_and_an_exchange_of_views_are_framing() -> None:
    claims = _claims(
        "US",
        "Secretary of State Jane Doe met with Foreign Minister Kim Lee in Geneva.",
        "The two ministers exchanged their views on the current international affairs.",
        "They condemned the missile launches in the Yellow Sea.",
    )
    found = roles(claims)
    assert found.framing == {"US-1", "US-2"}
    assert {"jane", "doe", "kim", "lee", "geneva"} <= found.participants


def test_a_claim_with_a_role_word_and_substance_is_not_framing() -> None:
    claims = _claims(
        "US",
        "Secretary Doe met with Minister Kim.",
        "They discussed sanctions against the Kremlin.",
        "They held talks.",
    )
    assert roles(claims).framing == {"US-1", "US-3"}


def test_names_beside_titles_and_places_of_meetings_are_participants() -> None:
    claims = _claims(
        "KR",
        "Seoul's Foreign Ministry says the talks were good.",
        "They recalled the meeting in Rio de Janeiro on climate finance.",
    )
    found = roles(claims)
    assert {"seoul", "rio"} <= found.participants
    assert "climate" not in found.participants
    assert "KR-2" not in found.framing


def test_a_lead_in_frames_and_an_opening_adverbial_is_no_substance() -> None:
    """Rules, not the dev readouts' words: "is as follows" announces the points that follow,
    and "At the outset," or "In response," only places a claim."""
    from service.pipeline.classify.framing import roles, substance
    from service.pipeline.classify.terms import words_of
    from service.pipeline.types import Claim

    lead = Claim(id="X-2", side="X", text="The overview of the talk is as follows.", start=0,
                 end=10, position=0.1)  # fmt: skip
    assert "X-2" in roles([lead]).framing
    opening = "At the outset, the ministers discussed the visit."
    assert substance(words_of(opening), frozenset(), 4.0, opening) == []
    named = "On Ukraine, the ministers discussed the visit."
    assert substance(words_of(named), frozenset(), 4.0, named) == ["Ukraine"]
