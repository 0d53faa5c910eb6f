"""The scores a quality table prints: its rows and the objective the grid search maximises."""

from __future__ import annotations

from evaluation.expectations import Score
from evaluation.inventory import Tally
from evaluation.scoring import Evaluation, objective


def test_every_quality_table_row_has_the_same_cells() -> None:
    evaluation = Evaluation(Score(found=3, expected=4, false_flags=1, shared_checks=5), 0.5)
    row = evaluation.table_row("method", 0.17, "120")
    assert row == "| method | 0.17 | 0.75 (3/4) | 0.20 (1/5) | 0.50 | 120 |"


def test_objective_is_the_annotators_mean_f_half_then_top_precision() -> None:
    # A: precision 1/2, recall 1 -> F0.5 = 1.25 * 0.5 / (0.125 + 1) = 0.5556; B: 1 and 1/2 -> 0.8333
    a = Tally(right=1, emphases=2, found=1, one_sided=1, top_right=1, top=2)
    b = Tally(right=1, emphases=1, found=1, one_sided=2, top_right=1, top=1)
    assert objective({"A": {"total": a}, "B": {"total": b}}) == (0.6944, 0.75)
