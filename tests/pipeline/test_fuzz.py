"""Fuzzing clean and split: any text gives exact spans or a clear InvalidInput, never a crash."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.errors import InvalidInput
from service.pipeline import claims_of
from service.pipeline.types import Readout

_READOUT_LIKE = st.lists(
    st.sampled_from(
        [
            "The Secretary reaffirmed the alliance.",
            "They discussed sanctions, the Taiwan Strait, and expressed concern",
            "1. ",
            "  • (2) ",
            "\n",
            "\n\n",
            "May 23, 2022",
            "The below is attributable to Spokesperson Ned Price:",
            "양 장관은 비핵화 목표를 확고히 견지하기로 했다.",
            ";",
            ", and ",
            "U.S.-ROK",
            "\u200b",
            "\r\n",
        ]
    ),
    max_size=30,
).map("".join)


def _check(text: str) -> None:
    try:
        claims = claims_of(Readout(side="US", text=text))
    except InvalidInput as error:
        assert str(error)
        return
    for claim in claims:
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.text
    assert [c.start for c in claims] == sorted(c.start for c in claims)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_unicode_gives_exact_spans_or_a_clear_error(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None)
@given(_READOUT_LIKE)
def test_readout_like_noise_gives_exact_spans_or_a_clear_error(text: str) -> None:
    _check(text)
