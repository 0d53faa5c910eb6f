"""Golden test: the bars of issue 24 on the Korean- and Japanese-language dev pairs, real
models, mean of the two annotators, beside "flag every sentence" in the same run."""

from __future__ import annotations

import pytest

from evaluation.baselines import flag_every_sentence
from evaluation.counterparts import counterpart_cases
from evaluation.inventory import tallies
from evaluation.scoring import calibrated_method, mean
from service.pipeline.classify.calibration import load_calibration
from service.pipeline.embed import MemoEncoder, make_encoder

pytestmark = pytest.mark.slow
# Issue 24: emphasis F1 and top-3 precision at least this, and F1 above flagging every sentence.
F1_BAR = 0.85
TOP_BAR = 0.85


@pytest.mark.parametrize("language", ["ko", "ja"])
def test_each_language_meets_the_bars_and_beats_flagging_every_sentence(language: str) -> None:
    encoder = MemoEncoder(make_encoder("use"))
    method = calibrated_method(encoder)(load_calibration(encoder.name))
    cases = [c.case for c in counterpart_cases(language)]
    ours, every = tallies(method, cases), tallies(flag_every_sentence, cases)
    f1, top, baseline = mean(ours, "f1"), mean(ours, "top_precision"), mean(every, "f1")
    assert f1 >= F1_BAR, f"{language}: F1 {f1:.3f} is below the bar {F1_BAR}"
    assert top >= TOP_BAR, f"{language}: top-3 precision {top:.3f} is below the bar {TOP_BAR}"
    assert f1 > baseline, f"{language}: F1 {f1:.3f} is not above flag every sentence {baseline:.3f}"
