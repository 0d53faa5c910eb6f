"""The one grid search: the best rounded objective wins, ties go to the middle of the plateau."""

from __future__ import annotations

import pytest

from evaluation.fitting import fit, grid
from service.pipeline.classify.calibration import Calibration


def test_the_middle_of_the_best_plateau_wins_not_its_edge() -> None:
    scores = {0.1: 0.2, 0.2: 0.5, 0.3: 0.5, 0.4: 0.5, 0.5: 0.1}
    fitted = fit(scores, lambda t: scores[t], lambda s: s)
    assert (fitted.point, fitted.measured, fitted.plateau) == (0.3, 0.5, 3)


def test_an_even_plateau_takes_its_upper_middle() -> None:
    scores = {0.1: 0.5, 0.2: 0.5, 0.3: 0.5, 0.4: 0.5, 0.5: 0.1}
    assert fit(scores, lambda t: scores[t], lambda s: s).point == 0.3


def test_objectives_equal_to_four_decimals_tie() -> None:
    scores = {0.1: 0.70001, 0.2: 0.7, 0.3: 0.69999, 0.4: 0.6}
    fitted = fit(scores, lambda t: scores[t], lambda s: s)
    assert (fitted.point, fitted.plateau) == (0.2, 3)


def test_a_tuple_objective_breaks_ties_on_its_second_figure() -> None:
    scores = {0.1: (0.5, 0.9), 0.2: (0.5, 1.0), 0.3: (0.5, 0.9)}
    fitted = fit(scores, lambda t: scores[t], lambda s: s)
    assert (fitted.point, fitted.plateau) == (0.2, 1)


def test_an_empty_grid_is_an_error() -> None:
    with pytest.raises(ValueError, match="empty grid"):
        fit([], lambda t: t, lambda s: s)


def test_grid_crosses_the_fields_in_product_order() -> None:
    base = Calibration("fake", 0.3)
    points = grid(base, {"threshold": [0.1, 0.2], "common_zipf": [3.5, 4.0]})
    assert [(c.threshold, c.common_zipf) for c in points] == [
        (0.1, 3.5),
        (0.1, 4.0),
        (0.2, 3.5),
        (0.2, 4.0),
    ]
    assert all(c.encoder == "fake" for c in points)
