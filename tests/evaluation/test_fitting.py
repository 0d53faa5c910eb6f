"""The one grid search: the best rounded objective wins, ties go to the middle of the plateau."""

from __future__ import annotations

import pytest

from evaluation.counterparts import (
    case_name,
    counterpart_cases,
    counterpart_tallies,
    match_objective,
)
from evaluation.fitting import (
    fit,
    fit_calibration,
    fit_scored,
    grid,
    held_out,
    held_out_scored,
    restricted,
)
from evaluation.inventory import tallies
from evaluation.scoring import calibrated_method, inventory_cases
from service.pipeline.classify.calibration import Calibration, load_calibration
from service.pipeline.embed import FakeEncoder


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


def test_leave_one_pair_out_refits_on_the_other_pairs_alone() -> None:
    """held_out runs each grid point once; it must equal fitting each fold from scratch."""
    cases = inventory_cases()[:4]
    method = calibrated_method(FakeEncoder())
    base = load_calibration("minilm-onnx-int8")
    fields = {"threshold": [0.1, 0.3, 0.5]}
    pooled = held_out(method, base, cases, fields)
    for index, case in enumerate(cases):
        rest = [*cases[:index], *cases[index + 1 :]]
        fold = fit_calibration(method, base, rest, fields).point
        for annotator, per_pair in tallies(method(fold), [case]).items():
            assert pooled[annotator][case.name] == per_pair[case.name]


def test_restricted_scores_total_only_the_named_pairs() -> None:
    cases = inventory_cases()[:3]
    scores = tallies(calibrated_method(FakeEncoder())(load_calibration("minilm-onnx-int8")), cases)
    names = [cases[0].name, cases[2].name]
    again = tallies(
        calibrated_method(FakeEncoder())(load_calibration("minilm-onnx-int8")),
        [cases[0], cases[2]],
    )
    assert restricted(scores, names) == again


def test_counterparts_leave_one_pair_out_scores_each_pair_with_the_others_fit() -> None:
    cases = counterpart_cases("en")[:3]
    method = calibrated_method(FakeEncoder())
    base = load_calibration("minilm-onnx-int8")
    fields = {"match_threshold": [0.2, 0.5]}
    pooled = held_out_scored(
        method, base, cases, fields, counterpart_tallies, match_objective, case_name
    )
    for index, case in enumerate(cases):
        rest = [*cases[:index], *cases[index + 1 :]]
        fold = fit_scored(method, base, rest, fields, counterpart_tallies, match_objective)
        mine = counterpart_tallies(method(fold.point), [case])
        for annotator, per_pair in mine.items():
            assert pooled[annotator][case.case.name] == per_pair[case.case.name]
    total = pooled["A"]["total"].match_precision
    assert total.total == sum(pooled["A"][c.case.name].match_precision.total for c in cases)
