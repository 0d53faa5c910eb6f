"""Golden tests: the real model reports opposed and stronger-worded claims with their evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.pipeline import compare
from service.pipeline.embed import Encoder, make_encoder
from service.pipeline.types import Emphasis, Readout, Report
from tests.conftest import ROOT

pytestmark = pytest.mark.slow
PAIRS = ROOT / "fixtures" / "pairs"
RUBIO_CHO = PAIRS / "2025-07-31_rubio-cho-hyun"


@pytest.fixture(scope="module", params=["minilm", "minilm-onnx-int8"])
def encoder(request: pytest.FixtureRequest) -> Encoder:
    return make_encoder(request.param)


def _report(folder: Path, encoder: Encoder) -> Report:
    files = sorted(f for f in folder.glob("*.txt") if not f.stem.endswith("_ko"))
    return compare([Readout(side=f.stem.upper(), text=f.read_text()) for f in files], encoder)


def _emphasis(report: Report, side: str, fragment: str) -> Emphasis:
    (found,) = [e for e in report.emphases if e.side == side and fragment in e.text]
    return found


def _us_sentence_against(marker: str, old: str, new: str, encoder: Encoder) -> Report:
    """The U.S. readout's sentence holding `marker` against itself with `old` replaced by `new`."""
    us = (RUBIO_CHO / "us.txt").read_text()
    sentence = next(line for line in us.split(". ") if marker in line)
    changed = sentence.replace(old, new)
    return compare(
        [Readout(side="US", text=sentence + "."), Readout(side="XX", text=changed + ".")], encoder
    )


@pytest.fixture(scope="module")
def rubio_cho(encoder: Encoder) -> Report:
    return _report(RUBIO_CHO, encoder)


def test_resolute_complete_denuclearization_wording_is_reported(rubio_cho: Report) -> None:
    # Seoul's readout has no claim about the same matter (it "exchanged views on North Korea"):
    # the claim has no counterpart, and its own words are what Seoul's readout lacks.
    emphasis = _emphasis(rubio_cho, "US", "resolute commitment")
    assert {"resolute", "denuclearization"} <= set(emphasis.terms)


def test_serious_concerns_over_russia_are_us_only(rubio_cho: Report) -> None:
    # Both annotators: North Korea's military cooperation with Russia is a U.S.-only topic, so
    # "exchanged views on North Korea" is no counterpart of it (issue 23).
    emphasis = _emphasis(rubio_cho, "US", "serious concerns")
    assert emphasis.kind == "one-sided" and emphasis.closest is None
    assert "Russia" in emphasis.terms


def test_full_and_complete_trade_deal_is_partial_against_the_trade_agreement(
    rubio_cho: Report,
) -> None:
    emphasis = _emphasis(rubio_cho, "US", "full and complete trade deal")
    assert emphasis.kind == "partial"
    assert {"full", "complete"} <= set(emphasis.terms)


@pytest.mark.parametrize("pair", sorted(p.name for p in PAIRS.iterdir() if p.is_dir()))
def test_real_pairs_that_agree_raise_no_false_opposition(pair: str, encoder: Encoder) -> None:
    # the fixture readouts word the same meeting differently but never contradict each other
    report = _report(PAIRS / pair, encoder)
    assert [e.text for e in report.emphases if e.kind == "opposed"] == []


def test_negated_fixture_sentence_is_opposed_with_its_negation(encoder: Encoder) -> None:
    report = _us_sentence_against(
        "Taiwan Strait was", "Taiwan Strait was", "Taiwan Strait was not", encoder
    )
    kinds = {(e.side, e.kind) for e in report.emphases}
    assert kinds == {("US", "opposed"), ("XX", "opposed")}
    assert all(e.evidence == ["not"] for e in report.emphases)
    # the two sentences stay matched: similarity alone cannot tell them apart
    assert report.matches and report.matches[0].similarity > 0.8


def test_real_sentence_and_its_paraphrase_are_not_opposed(encoder: Encoder) -> None:
    report = _us_sentence_against(
        "Taiwan Strait was", "Both emphasized", "The two sides stressed", encoder
    )
    assert all(e.kind != "opposed" for e in report.emphases)


@pytest.mark.parametrize(
    ("original", "variant"),
    [
        # an argument negation: who is vulnerable, not whether they stress peace
        (
            "Both emphasized that",
            "Both emphasized, so that neither nation becomes vulnerable, that",
        ),
        ("Both emphasized that", "Both emphasized not only their alliance but also that"),
        ("Both emphasized that", "No one doubted, and both emphasized, that"),
        ("Both emphasized that", "Both emphasized without hesitation that"),
        # a double negation affirms
        ("Both emphasized that", "Both did not fail to emphasize that"),
    ],
)
def test_negation_words_that_deny_no_stance_are_not_opposed(
    original: str, variant: str, encoder: Encoder
) -> None:
    report = _us_sentence_against("Taiwan Strait was", original, variant, encoder)
    assert report.matches, "the two sentences say the same thing"
    assert [e.kind for e in report.emphases if e.kind == "opposed"] == []


def test_a_negated_predicate_in_a_long_real_sentence_is_still_opposed(encoder: Encoder) -> None:
    report = _us_sentence_against(
        "resolute commitment", "also reaffirmed", "did not reaffirm", encoder
    )
    assert {e.kind for e in report.emphases} == {"opposed"}
    assert all(e.evidence == ["not"] for e in report.emphases)
