"""Golden tests: who said it, read from the real fixture pairs with the default encoder."""

from __future__ import annotations

import pytest

from evaluation.scoring import english_cases
from service.pipeline import compare
from service.pipeline.embed import make_encoder
from service.pipeline.types import Attribution, Report

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def reports() -> dict[str, Report]:
    encoder = make_encoder("minilm-onnx-int8")
    return {case.name.split("/")[0]: compare(case.readouts, encoder) for case in english_cases()}


def test_japan_gives_blinken_alone_what_the_us_gives_both_ministers(
    reports: dict[str, Report],
) -> None:
    report = reports["2022-05-23_blinken-hayashi-tokyo"]
    (found,) = [a for a in report.attributions if "Blinken expressed" in _counterpart(a)]
    assert found.kind == "joint-vs-own" and found.counterpart is not None
    assert found.quote.side == "US" and found.quote.speaker == "both"
    assert found.quote.text.startswith("The Secretary and the Foreign Minister hailed")
    assert found.counterpart.speaker == "other"


def test_a_joint_discussion_is_set_against_no_one_side_statement(
    reports: dict[str, Report],
) -> None:
    # "Secretary Rubio and Foreign Minister Cho discussed … critical and emerging technologies"
    # gives neither side a stance, so Seoul's own "third pillar" is no joint-vs-own against it
    # (neither annotator lists one on this pair: fixtures/pairs/2025-07-31_*/gaps_*.json).
    report = reports["2025-07-31_rubio-cho-hyun"]
    assert not [a for a in report.attributions if "Seoul further emphasised" in _counterpart(a)]


def test_every_claim_a_readout_gives_the_other_side_is_attributed_unless_matched(
    reports: dict[str, Report],
) -> None:
    for report in reports.values():
        matched = {i for m in report.matches for i in m.claims}
        given = [c for c in report.claims if c.speaker == "other" and c.verdict != "framing"]
        attributed = {a.quote.claim_id for a in report.attributions if a.kind == "attributed"}
        assert attributed == {c.id for c in given if c.id not in matched}


def test_the_joint_claims_of_every_pair_are_read_as_both(reports: dict[str, Report]) -> None:
    # "Both the Foreign Minister and Defence Minister Ahn" is two Korean officials: not joint
    for report in reports.values():
        joint = [
            c for c in report.claims if c.text.lower().startswith(("the two", "both sides", "they"))
        ]
        assert joint and all(c.speaker == "both" for c in joint), report.sides


def _counterpart(attribution: Attribution) -> str:
    return attribution.counterpart.text if attribution.counterpart else ""
