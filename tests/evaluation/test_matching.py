"""Counterpart rules on claim-pair evidence: scoring, fitting held out, and the real dev pairs."""

from __future__ import annotations

import numpy as np
import pytest

from bench.matching import DOC, ENSEMBLE, others, summary
from bench.readme import read_block
from evaluation.counterparts import counterpart_cases, counterpart_tallies, mean_of
from evaluation.matching import (
    Evidence,
    evidence,
    figures,
    grid_rule,
    held_out,
    in_sample,
    mutual_best,
)
from evaluation.scoring import Method, calibrated_method
from service.pipeline.classify.calibration import Calibration, load_calibration
from service.pipeline.embed import MemoEncoder, make_encoder
from service.pipeline.types import Claim


def _claims(side: str, count: int) -> list[Claim]:
    return [Claim(f"{side}-{i}", side, f"claim {i}", 0, 1) for i in range(count)]


def fake(about: list[list[float]], right: list[list[bool]], name: str = "p") -> Evidence:
    """A pair whose gold says: topic t<i> is claims (i, j) for each right pair (i, j)."""
    scores = np.array(about, dtype=np.float32)
    gold = np.array(right, dtype=bool)
    n, m = scores.shape
    topics = [(f"t{i}{j}", [i], [j]) for i, j in zip(*np.nonzero(gold), strict=True)]
    return Evidence(
        name=name,
        left=_claims("US", n),
        right=_claims("KR", m),
        about=scores,
        whole=scores,
        shared=np.zeros((n, m)),
        framing=(np.zeros(n, dtype=bool), np.zeros(m, dtype=bool)),
        right_pairs={"A": gold, "B": gold},
        topics={"A": topics, "B": topics},
    )


def test_mutual_best_keeps_each_others_best_above_threshold_and_framing_apart() -> None:
    scores = np.array([[0.9, 0.2], [0.3, 0.4]])
    assert mutual_best(scores, np.zeros((2, 2), dtype=bool), 0.3) == [(0, 0), (1, 1)]
    assert mutual_best(scores, np.zeros((2, 2), dtype=bool), 0.5) == [(0, 0)]
    # US-0 frames and KR-0 does not: US-0 may not take KR-0, and KR-1 prefers US-1.
    mixed = np.array([[True, False], [False, False]])
    assert mutual_best(scores, mixed, 0.1) == [(1, 1)]
    # The runner-up is never taken: US-1's best is KR-0, whose best is US-0.
    assert mutual_best(np.array([[0.9, 0.2], [0.8, 0.4]]), np.zeros((2, 2), dtype=bool), 0.1) == [
        (0, 0)
    ]


def test_figures_count_right_pairs_and_covered_topics_per_annotator() -> None:
    pair = fake([[0.9, 0.2], [0.1, 0.4]], [[True, False], [False, True]])
    found = figures([pair], [[(0, 0), (1, 0)]])
    assert (found.precision, found.recall, found.pairs) == (0.5, 0.5, 2)
    # No pair at all: precision of nothing is 1, nothing recalled.
    assert figures([pair], [[]]).precision == 1.0 and figures([pair], [[]]).recall == 0.0


def test_held_out_fits_on_the_other_pairs_only() -> None:
    # On pairs 1 and 2 the right pair scores 0.5 and a wrong one 0.3: a threshold over 0.3
    # keeps only right pairs. Pair 3 alone scores its right pair 0.2: fitted on the others,
    # the threshold leaves it out, so held out it is missed while in-sample it may be found.
    easy = [
        fake([[0.5, 0.0], [0.0, 0.3]], [[True, False], [False, False]], f"e{k}") for k in (1, 2)
    ]
    hard = fake([[0.2]], [[True]], "hard")
    rule = grid_rule([0.1, 0.25, 0.4], lambda e, t: mutual_best(e.about, e.mixed, t))
    assert held_out(rule, [*easy, hard]).recall == pytest.approx(2 / 3)
    assert in_sample(rule, easy).precision == 1.0


@pytest.fixture(scope="module")
def dev_pairs() -> tuple[list[Evidence], Calibration, Method]:
    encoder = MemoEncoder(make_encoder("minilm-onnx-int8"))
    calibration = load_calibration(encoder.name)
    beside = others(ENSEMBLE["en"], [])
    found = [evidence(case, encoder, calibration, beside) for case in counterpart_cases("en")]
    return found, calibration, calibrated_method(encoder)(calibration)


@pytest.mark.slow
def test_the_shipped_rule_on_evidence_scores_as_the_report_does(
    dev_pairs: tuple[list[Evidence], Calibration, Method],
) -> None:
    """Evidence and `figures` reproduce what counterpart_tallies measures on real reports."""
    found, calibration, method = dev_pairs
    pairs = [mutual_best(e.about, e.mixed, calibration.match_threshold) for e in found]
    ours = figures(found, pairs)
    tallies = counterpart_tallies(method, counterpart_cases("en"))
    assert ours.precision == pytest.approx(mean_of(tallies, "match_precision"))
    assert ours.recall == pytest.approx(mean_of(tallies, "topic_recall"))


@pytest.mark.slow
def test_docs_matching_shows_what_the_bench_prints_today(
    dev_pairs: tuple[list[Evidence], Calibration, Method],
) -> None:
    found, calibration, _ = dev_pairs
    lines, _ = summary(found, calibration)
    shown = read_block("bench/matching.py", DOC)
    for line in lines:
        assert line in shown, f"{line!r}: run `python bench/matching.py --write-docs`"
