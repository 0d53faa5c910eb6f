"""Golden tests: the real model over every real fixture pair finds the expected differences."""

from __future__ import annotations

import pytest

from evaluation.expectations import Case
from evaluation.scoring import english_cases
from service.pipeline import compare
from service.pipeline.embed import Encoder, make_encoder
from service.pipeline.types import Report

pytestmark = pytest.mark.slow
CASES = english_cases()


# The default encoder, whose report the README and the bundled examples show. The torch model
# it is exported from has its own calibration; both meet their inventory bars
# (golden/test_inventory.py), with the margin of what was measured rather than per pair.
ENCODERS = ["minilm-onnx-int8"]


@pytest.fixture(scope="module", params=ENCODERS)
def encoder(request: pytest.FixtureRequest) -> Encoder:
    return make_encoder(request.param)


@pytest.fixture(scope="module")
def reports(encoder: Encoder) -> dict[str, Report]:
    return {case.name: compare(case.readouts, encoder) for case in CASES}


# Since issue 23 a claim is shared only with a counterpart (mutual best by matter); where the
# other readout's claim on a shared topic is not that, the claim is reported one-sided. Two-sided
# topic recall is 0.52 (README, "Counterparts"): these pairs are the known misses, kept strict so
# that a better alignment shows here.
COUNTERPART_MISSES = {
    "2018-08-02_kono-kang-kyung-wha": "trilateral coordination with the US (JP)",
    "2022-05-23_blinken-hayashi-tokyo": "trilateral cooperation with the ROK (US)",
    "2023-07-14_park-jin-wang-yi-jakarta": "mutual respect (KR)",
    "2024-05-13_cho-tae-yul-wang-yi-beijing": "mutual trust (KR)",
    "2026-02-14_rubio-motegi-munich": "strengthening deterrence (JP)",
}


# Recall of the one-sided topics is asserted on the complete inventories, which supersede the
# older expected lists, with the margin of the committed calibration (golden/test_inventory.py).
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name.split("/")[0])
def test_no_expected_shared_topic_is_reported_one_sided(
    case: Case, reports: dict[str, Report], request: pytest.FixtureRequest
) -> None:
    missed = COUNTERPART_MISSES.get(case.name.split("/")[0])
    if missed:
        reason = f"no counterpart found for {missed}: two-sided recall 0.52 (issue 23)"
        request.applymarker(pytest.mark.xfail(strict=True, reason=reason))
    report = reports[case.name]
    for shared in case.expected.shared:
        for side, keywords in shared.keywords.items():
            flagged = [
                e.claim_id
                for e in report.emphases
                if e.side == side
                and e.kind == "one-sided"
                and any(k.lower() in e.text.lower() for k in keywords)
            ]
            assert flagged == [], f"{shared.topic} flagged one-sided on {side}"


@pytest.mark.xfail(
    strict=True,
    reason="the alliance 'linchpin' claim, with no counterpart in Seoul's readout since issue 23, "
    "now leads; the Taiwan Strait claim is second (test below)",
)
def test_taiwan_strait_is_the_us_sides_top_emphasis(
    reports: dict[str, Report], encoder: Encoder
) -> None:
    report = reports["2025-07-31_rubio-cho-hyun/expected.json"]
    (taiwan,) = [e for e in report.emphases if "Taiwan Strait" in e.text]
    assert taiwan.side == "US" and taiwan.kind == "one-sided"
    assert "Taiwan Strait" in taiwan.terms
    us_ranked = [e.claim_id for e in report.emphases if e.side == "US"]
    assert us_ranked[0] == taiwan.claim_id
    assert report.model.encoder == encoder.name and 0 < report.model.threshold < 1


def test_taiwan_strait_is_among_the_us_sides_top_three(reports: dict[str, Report]) -> None:
    report = reports["2025-07-31_rubio-cho-hyun/expected.json"]
    (taiwan,) = [e for e in report.emphases if "Taiwan Strait" in e.text]
    assert taiwan.kind == "one-sided" and taiwan.closest is None
    us_ranked = [e.claim_id for e in report.emphases if e.side == "US"]
    assert taiwan.claim_id in us_ranked[:3]
