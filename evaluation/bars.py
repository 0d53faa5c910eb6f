"""Golden bars: each figure a golden test asserts, read from the committed calibration.

`bench/calibrate.py` stores what it measured in `models/<encoder>.json` (`measured`). A golden
test asserts each figure at that measurement less `MARGIN`, not at the edge, and states the
figure, its value and its bar when it fails. `drift` says where this install no longer gives
the committed measurement (the lock moved, or the pipeline changed without `make calibrate`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from service.pipeline.classify.calibration import Calibration

# How far a figure may fall below its committed measurement. The lock pins every package, so
# an install reproduces the measurement; the margin absorbs only float differences between CPUs.
MARGIN = 0.02
# How far the figure this install gives may stand from the committed one, either way, before
# the committed one counts as stale (a figure is stored to four decimals).
DRIFT = 0.005


@dataclass(frozen=True)
class Bar:
    figure: str
    measured: float
    source: str

    @property
    def floor(self) -> float:
        return round(self.measured - MARGIN, 4)


def bars(calibration: Calibration, figures: Iterable[str], prefix: str = "") -> list[Bar]:
    """The bars of `figures` (stored as `prefix` + figure) in `calibration`'s measurement."""
    source = f"models/{calibration.encoder}.json"
    missing = [f for f in figures if prefix + f not in calibration.measured]
    if missing:
        raise KeyError(f"{source} measured no {', '.join(prefix + f for f in missing)}")
    return [Bar(f, calibration.measured[prefix + f], source) for f in figures]


def below(values: Mapping[str, float], bars: Iterable[Bar]) -> list[str]:
    """One line per figure below its bar: the figure, its value, the bar and where it comes from."""
    return [
        f"{bar.figure} {values[bar.figure]:.4f} is below its bar {bar.floor:.4f} "
        f"({bar.measured:.4f} measured in {bar.source}, less the margin {MARGIN})"
        for bar in bars
        if values[bar.figure] < bar.floor
    ]


def drift(values: Mapping[str, float], bars: Iterable[Bar]) -> list[str]:
    """One line per figure this install gives more than DRIFT away from the committed one."""
    return [
        f"{bar.figure} {values[bar.figure]:.4f} here, {bar.measured:.4f} in {bar.source}: "
        "run `make calibrate` and commit what it writes"
        for bar in bars
        if abs(values[bar.figure] - bar.measured) > DRIFT
    ]
