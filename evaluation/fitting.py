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

from evaluation.inventory import InventoryCase, Tally, tallies
from evaluation.scoring import Method, Scores, objective
from service.pipeline.classify.calibration import Calibration

Point = TypeVar("Point")
Measured = TypeVar("Measured")
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


def held_out(
    method: Callable[[Calibration], Method],
    base: Calibration,
    cases: Sequence[InventoryCase],
    fields: Mapping[str, Sequence[float]],
) -> Scores:
    """Leave-one-pair-out: each pair scored with the calibration fitted on the others."""
    pooled: Scores = {}
    for index, case in enumerate(cases):
        rest = [*cases[:index], *cases[index + 1 :]]
        fitted = fit_calibration(method, base, rest, fields).point
        for annotator, per_pair in tallies(method(fitted), [case]).items():
            totals = pooled.setdefault(annotator, {"total": Tally()})
            totals[case.name] = per_pair[case.name]
            totals["total"] = totals["total"].add(per_pair[case.name])
    return pooled


def _rounded(value: Objective) -> tuple[float, ...]:
    parts = value if isinstance(value, tuple) else (value,)
    return tuple(round(part, DECIMALS) for part in parts)
