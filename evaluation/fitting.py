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
    return fit_scored(method, base, cases, fields, tallies, objective)


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
    per annotator, each pair's totals and their sum under "total".

    Every grid point is run once over all pairs; each fold fits on the other pairs' totals of
    those runs (a pair's totals do not depend on which other pairs are scored).
    """
    points = grid(base, fields)
    by_point = {id(point): score(method(point), cases) for point in points}
    pooled: dict[str, dict[str, Totals]] = {}
    for case in cases:
        rest = [name(c) for c in cases if c is not case]

        def on_rest(point: Calibration, rest: list[str] = rest) -> dict[str, dict[str, Totals]]:
            return restricted(by_point[id(point)], rest)

        best = fit(points, on_rest, goal)
        for annotator, per_pair in by_point[id(best.point)].items():
            mine = per_pair[name(case)]
            totals = pooled.setdefault(annotator, {})
            totals[name(case)] = mine
            totals["total"] = totals["total"].add(mine) if "total" in totals else mine
    return pooled


def held_out(
    method: Callable[[Calibration], Method],
    base: Calibration,
    cases: Sequence[InventoryCase],
    fields: Mapping[str, Sequence[float]],
) -> Scores:
    """Leave-one-pair-out on the inventories (`held_out_scored` with `tallies`)."""
    return held_out_scored(method, base, cases, fields, tallies, objective, lambda c: c.name)


def restricted(
    scores: dict[str, dict[str, Totals]], names: Sequence[str]
) -> dict[str, dict[str, Totals]]:
    """`scores` over the pairs `names` only (at least one), with their total."""
    result: dict[str, dict[str, Totals]] = {}
    for annotator, per_pair in scores.items():
        total = per_pair[names[0]]
        for pair in names[1:]:
            total = total.add(per_pair[pair])
        result[annotator] = {**{pair: per_pair[pair] for pair in names}, "total": total}
    return result


def _rounded(value: Objective) -> tuple[float, ...]:
    parts = value if isinstance(value, tuple) else (value,)
    return tuple(round(part, DECIMALS) for part in parts)
