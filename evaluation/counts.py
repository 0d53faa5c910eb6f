"""Counts that add up across pairs: a rate kept as hits out of a total, their sums, and the
F-score of a precision and a recall."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Self


@dataclass(frozen=True)
class Ratio:
    """`hits` out of `total`; as a float, their rate (`empty` when the total is 0)."""

    hits: int = 0
    total: int = 0
    empty: float = 1.0

    def __float__(self) -> float:
        return self.hits / self.total if self.total else self.empty

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.hits + other.hits, self.total + other.total, self.empty)

    def count(self, hit: bool) -> Ratio:
        """This ratio with one more in the total, and one more hit when `hit`."""
        return Ratio(self.hits + hit, self.total + 1, self.empty)

    def shown(self) -> str:
        """The rate and its counts, as the quality tables print them: "0.75 (3/4)"."""
        return f"{float(self):.2f} ({self.hits}/{self.total})"


def share() -> Ratio:
    """An empty ratio whose rate is 0 until something is counted (a share flagged, a rate of
    errors): nothing flagged out of nothing is no flag at all."""
    return Ratio(empty=0.0)


class Sums:
    """A dataclass mixin: `add` sums two instances field by field (numbers, Ratios, lists)."""

    def add(self, other: Self) -> Self:
        mine: Any = self
        summed: Self = dataclasses.replace(
            mine,
            **{
                f.name: getattr(self, f.name) + getattr(other, f.name)
                for f in dataclasses.fields(mine)
            },
        )
        return summed


def f_score(precision: Ratio | float, recall: Ratio | float, beta: float) -> float:
    """F-beta of a precision and a recall (beta 0.5: precision weighs twice; 0 when both are)."""
    p, r = float(precision), float(recall)
    return (1 + beta**2) * p * r / (beta**2 * p + r) if p + r else 0.0
