"""Three readouts in words: what all but one side said, and who has no counterpart."""

from __future__ import annotations

from service.pipeline.types import (
    AllButOne,
    Attribution,
    Claim,
    Emphasis,
    ModelInfo,
    Quote,
    Report,
)
from service.render.attributions import attribution_lines
from service.render.common import claim_index, no_counterpart
from service.render.markdown import to_markdown
from service.render.sides import all_but_one_lines
from service.render.text import to_text


def _claim(claim_id: str, text: str) -> Claim:
    return Claim(id=claim_id, side=claim_id.split("-")[0], text=text, start=0, end=len(text))


def _report() -> Report:
    claims = [_claim("US-1", "They condemned the launch."), _claim("JP-1", "The launch was condemned."),
              _claim("KR-1", "They met."), _claim("US-2", "Ironclad commitments.")]  # fmt: skip
    return Report(
        id=None, title=None, date=None, sides=["US", "JP", "KR"], claims=claims, matches=[],
        emphases=[Emphasis(side="US", claim_id="US-2", kind="one-sided", text="Ironclad commitments.",
                           terms=["ironclad"], salience=1.0, closest=None)],
        model=ModelInfo("fake", 0.2),
        attributions=[Attribution(kind="joint-vs-own", quote=Quote("US", "US-1", "x", "both"),
                                  counterpart=Quote("KR", "KR-1", "y", "self"), similarity=0.5)],
        all_but_one=[AllButOne(claim_ids=["US-1", "JP-1"], sides=["US", "JP"], left_out="KR",
                               text="They condemned the launch.")],
    )  # fmt: skip


def test_all_but_one_names_who_left_it_out() -> None:
    report = _report()
    (lines,) = all_but_one_lines(report, claim_index(report))
    assert lines.heading == "US, JP — not KR"
    assert lines.quotes == ['US: "They condemned the launch."', 'JP: "The launch was condemned."']
    assert "Said by every side but one" in to_text(report)
    assert "1. **US, JP — not KR**" in to_markdown(report)


def test_no_counterpart_names_every_other_side() -> None:
    report = _report()
    assert no_counterpart("US", report.claims) == "no counterpart in the JP or KR readouts"
    assert no_counterpart("US", report.claims[:1] + report.claims[2:3]) == (
        "no counterpart in the KR readout"
    )


def test_an_attribution_is_told_as_its_pair() -> None:
    (lines,) = attribution_lines(_report())
    assert lines.heading == "US gives it to both sides; KR gives it to KR alone"
