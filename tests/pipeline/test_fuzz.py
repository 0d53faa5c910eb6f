"""Fuzzing clean, split and compare: any text gives exact spans or a clear error, never a crash."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.errors import InvalidInput, ReadoutDiffError
from service.pipeline import compare, side_of
from service.pipeline.embed import FakeEncoder
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
        claims = side_of(Readout(side="US", text=text)).claims
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


_ENCODER = FakeEncoder()
_SIDE = st.text(min_size=0, max_size=20)
_TEXT = st.one_of(st.text(max_size=300), _READOUT_LIKE)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sides=st.tuples(_SIDE, _SIDE), texts=st.tuples(_TEXT, _TEXT))
def test_compare_gives_exact_spans_or_a_clear_error(
    sides: tuple[str, str], texts: tuple[str, str]
) -> None:
    readouts = [Readout(side=s, text=t) for s, t in zip(sides, texts, strict=True)]
    try:
        report = compare(readouts, _ENCODER)
    except ReadoutDiffError as error:
        assert str(error)
        return
    by_side = {r.side.strip(): r.text for r in readouts}
    ids = {c.id for c in report.claims}
    for claim in report.claims:
        assert by_side[claim.side][claim.start : claim.end] == claim.text
    for emphasis in report.emphases:
        assert emphasis.claim_id in ids
        assert emphasis.closest is None or emphasis.closest.claim_id in ids
    for match in report.matches:
        assert set(match.claims) <= ids and -1.0001 <= match.similarity <= 1.0001
