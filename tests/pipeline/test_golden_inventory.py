"""Golden test: the bar of the verdicts on the dev pairs' complete inventories, real models."""

from __future__ import annotations

import pytest

from evaluation.baselines import flag_every_sentence
from evaluation.inventory import tallies
from evaluation.scoring import Scores, calibrated_method, inventory_cases, mean
from service.pipeline.classify.calibration import load_calibration
from service.pipeline.embed import MemoEncoder, make_encoder

pytestmark = pytest.mark.slow


def _scores(kind: str, cross_language: bool) -> Scores:
    encoder = MemoEncoder(make_encoder(kind))
    method = calibrated_method(encoder)(load_calibration(encoder.name))
    return tallies(method, inventory_cases(cross_language=cross_language))


@pytest.fixture(scope="module", params=["minilm-onnx-int8", "minilm"])
def english(request: pytest.FixtureRequest) -> Scores:
    return _scores(request.param, cross_language=False)


def test_english_pairs_meet_the_bar(english: Scores) -> None:
    assert mean(english, "precision") >= 0.85
    assert mean(english, "recall") >= 0.90
    assert mean(english, "top_precision") >= 0.90


def test_no_false_opposition_on_pairs_that_never_contradict(english: Scores) -> None:
    assert all(per_pair["total"].opposed.total == 0 for per_pair in english.values())


def test_beats_flagging_every_sentence(english: Scores) -> None:
    every = tallies(flag_every_sentence, inventory_cases())
    assert mean(english, "f1") > mean(every, "f1")
    assert mean(english, "flagged_share") < 0.8


def test_korean_pair_meets_its_bar() -> None:
    korean = _scores("use", cross_language=True)
    assert mean(korean, "precision") >= 0.80
    assert mean(korean, "recall") >= 0.80
