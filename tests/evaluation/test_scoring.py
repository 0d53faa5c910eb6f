"""The scores a quality table prints: its rows and the objective the grid search maximises."""

from __future__ import annotations

import pytest

from evaluation.counts import Ratio
from evaluation.expectations import Score
from evaluation.inventory import Tally
from evaluation.scoring import Evaluation, objective


def test_every_quality_table_row_has_the_same_cells() -> None:
    score = Score(recall=Ratio(3, 4), false_flag_rate=Ratio(1, 5, empty=0.0))
    evaluation = Evaluation(score, 0.5)
    row = evaluation.table_row("method", 0.17, "120")
    assert row == "| method | 0.17 | 0.75 (3/4) | 0.20 (1/5) | 0.50 | 120 |"


def test_objective_is_the_annotators_mean_f_half_then_top_precision() -> None:
    # A: precision 1/2, recall 1 -> F0.5 = 1.25 * 0.5 / (0.125 + 1) = 0.5556; B: 1 and 1/2 -> 0.8333
    a = Tally(precision=Ratio(1, 2), recall=Ratio(1, 1), top_precision=Ratio(1, 2))
    b = Tally(precision=Ratio(1, 1), recall=Ratio(1, 2), top_precision=Ratio(1, 1))
    assert objective({"A": {"total": a}, "B": {"total": b}}) == pytest.approx((25 / 36, 0.75))


def test_tallies_add_up_field_by_field() -> None:
    a = Tally(precision=Ratio(1, 2), wrong=["x"], flagged_share=Ratio(2, 10, empty=0.0))
    b = Tally(precision=Ratio(2, 2), missed=["y"], flagged_share=Ratio(2, 5, empty=0.0))
    total = a.add(b)
    assert total.precision == Ratio(3, 4) and float(total.precision) == 0.75
    assert total.flagged_share == Ratio(4, 15, empty=0.0)
    assert (total.wrong, total.missed) == (["x"], ["y"])
    assert float(Tally().precision) == 1.0 and float(Tally().flagged_share) == 0.0
