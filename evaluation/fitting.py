"""The one grid search: every threshold and calibration in the repository is fitted here.

Tie rule: objectives are compared rounded to four decimals (so that float noise does not split
a plateau), the points with the best rounded objective form the plateau, and the middle one in
grid order wins (index len // 2, the upper middle of an even plateau): the fitted value then
sits inside the range that scores best rather than on its edge. For a grid of several fields
the order is `itertools.product` over the fields in the order they are named.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import msgspec

from evaluation.counts import Sums
from evaluation.inventory import InventoryCase, tallies
from evaluation.scoring import Method, Scores, objective
from service.pipeline.classify.calibration import Calibration

Point = TypeVar("Point")
Measured = TypeVar("Measured")
Case = TypeVar("Case")
Totals = TypeVar("Totals", bound=Sums)
Objective = float | tuple[float, ...]
DECIMALS = 4


@dataclass(frozen=True)
class Fit(Generic[Point, Measured]):
    """The winning grid point, what was measured there, and how many points tied with it."""

    point: Point
    measured: Measured
    plateau: int


def fit(
    points: Iterable[Point],
    measure: Callable[[Point], Measured],
    goal: Callable[[Measured], Objective],
) -> Fit[Point, Measured]:
    """Measure every point, keep the best rounded `goal`, return the middle of its plateau."""
    results = [(point, measure(point)) for point in points]
    if not results:
        raise ValueError("an empty grid has no best point")
    rounded = [_rounded(goal(measured)) for _, measured in results]
    best = max(rounded)
    plateau = [result for result, value in zip(results, rounded, strict=True) if value == best]
    point, measured = plateau[len(plateau) // 2]
    return Fit(point, measured, len(plateau))


def grid(base: Calibration, fields: Mapping[str, Sequence[float]]) -> list[Calibration]:
    """`base` with every combination of the named fields' values, in `itertools.product` order."""
    return [
        msgspec.structs.replace(base, **dict(zip(fields, values, strict=True)))
        for values in itertools.product(*fields.values())
    ]


def fit_calibration(
    method: Callable[[Calibration], Method],
    base: Calibration,
    cases: Sequence[InventoryCase],
    fields: Mapping[str, Sequence[float]],
) -> Fit[Calibration, Scores]:
    """The calibration of the grid that scores best on the inventories (see `objective`)."""
    return fit(grid(base, fields), lambda c: tallies(method(c), cases), objective)


def fit_scored(
    method: Callable[[Calibration], Method],
    base: Calibration,
    cases: Sequence[Case],
    fields: Mapping[str, Sequence[float]],
    score: Callable[[Method, Sequence[Case]], dict[str, dict[str, Totals]]],
    goal: Callable[[dict[str, dict[str, Totals]]], Objective],
) -> Fit[Calibration, dict[str, dict[str, Totals]]]:
    """`fit_calibration` with another scorer and objective (the counterpart figures)."""
    return fit(grid(base, fields), lambda c: score(method(c), cases), goal)


def held_out(
    method: Callable[[Calibration], Method],
    base: Calibration,
    cases: Sequence[InventoryCase],
    fields: Mapping[str, Sequence[float]],
) -> Scores:
    """Leave-one-pair-out: each pair scored with the calibration fitted on the others."""
    return held_out_scored(method, base, cases, fields, tallies, objective, lambda c: c.name)


def held_out_scored(
    method: Callable[[Calibration], Method],
    base: Calibration,
    cases: Sequence[Case],
    fields: Mapping[str, Sequence[float]],
    score: Callable[[Method, Sequence[Case]], dict[str, dict[str, Totals]]],
    goal: Callable[[dict[str, dict[str, Totals]]], Objective],
    name: Callable[[Case], str],
) -> dict[str, dict[str, Totals]]:
    """Leave-one-pair-out with any scorer: each pair scored with the point fitted on the others;
    per annotator, each pair's totals and their sum under "total"."""
    pooled: dict[str, dict[str, Totals]] = {}
    for index, case in enumerate(cases):
        rest = [*cases[:index], *cases[index + 1 :]]
        fitted = fit_scored(method, base, rest, fields, score, goal).point
        for annotator, per_pair in score(method(fitted), [case]).items():
            mine = per_pair[name(case)]
            totals = pooled.setdefault(annotator, {})
            totals[name(case)] = mine
            totals["total"] = totals["total"].add(mine) if "total" in totals else mine
    return pooled


def _rounded(value: Objective) -> tuple[float, ...]:
    parts = value if isinstance(value, tuple) else (value,)
    return tuple(round(part, DECIMALS) for part in parts)
