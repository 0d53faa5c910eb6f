"""Golden test: the verdicts on the dev pairs' complete inventories, real models, against the
bars of the committed calibration (evaluation/bars.py)."""

from __future__ import annotations

import pytest

from bench.quality import rows
from bench.readme import read_block
from evaluation.bars import Bar, bars, below, drift
from evaluation.baselines import flag_every_sentence
from evaluation.inventory import tallies
from evaluation.scoring import Scores, calibrated_method, inventory_cases, mean
from service.pipeline.classify.calibration import Calibration, load_calibration
from service.pipeline.embed import MemoEncoder, make_encoder

pytestmark = pytest.mark.slow
FIGURES = ("precision", "recall", "f1", "top_precision")


class Measured:
    """One encoder's calibration and what it scores on the dev pairs now."""

    def __init__(self, kind: str, cross_language: bool) -> None:
        encoder = MemoEncoder(make_encoder(kind))
        self.calibration: Calibration = load_calibration(encoder.name)
        method = calibrated_method(encoder)(self.calibration)
        self.scores: Scores = tallies(method, inventory_cases(cross_language=cross_language))
        self.bars: list[Bar] = bars(
            self.calibration, FIGURES, "cross_language_" if cross_language else ""
        )
        self.figures = {figure: mean(self.scores, figure) for figure in FIGURES}


@pytest.fixture(scope="module", params=["minilm-onnx-int8", "minilm"])
def english(request: pytest.FixtureRequest) -> Measured:
    return Measured(request.param, cross_language=False)


@pytest.fixture(scope="module")
def cross_language() -> Measured:
    return Measured("use", cross_language=True)


def test_english_pairs_meet_their_bars(english: Measured) -> None:
    failures = below(english.figures, english.bars)
    assert not failures, "\n".join(failures)


def test_cross_language_pairs_meet_their_bars(cross_language: Measured) -> None:
    failures = below(cross_language.figures, cross_language.bars)
    assert not failures, "\n".join(failures)


def test_the_committed_calibration_is_what_this_install_measures(english: Measured) -> None:
    stale = drift(english.figures, english.bars)
    assert not stale, "\n".join(stale)


def test_the_committed_cross_language_calibration_is_what_this_install_measures(
    cross_language: Measured,
) -> None:
    stale = drift(cross_language.figures, cross_language.bars)
    assert not stale, "\n".join(stale)


def test_the_readme_shows_what_the_bench_prints(english: Measured) -> None:
    if english.calibration.encoder != "minilm-onnx-int8":
        pytest.skip("the README shows the default encoder")
    method = (
        f"readout-diff ({english.calibration.encoder}, threshold {english.calibration.threshold})"
    )
    (line,) = rows(method, english.scores, False)[-1:]
    assert line in read_block("bench/quality.py"), "run `make bench` and commit the README"


def test_no_false_opposition_on_pairs_that_never_contradict(english: Measured) -> None:
    assert all(per_pair["total"].opposed.total == 0 for per_pair in english.scores.values())


def test_beats_flagging_every_sentence(english: Measured) -> None:
    every = tallies(flag_every_sentence, inventory_cases())
    assert english.figures["f1"] > mean(every, "f1")
    assert mean(english.scores, "flagged_share") < 0.8
