"""Counts that add up: ratios, their sums, and the one F-score every figure is built from."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from evaluation.counts import Ratio, Sums, f_score, share


def test_a_ratio_counts_hits_and_is_its_rate() -> None:
    ratio = Ratio().count(True).count(False).count(True)
    assert (ratio.hits, ratio.total, ratio.shown()) == (2, 3, "0.67 (2/3)")
    assert float(Ratio()) == 1.0 and float(share()) == 0.0, "nothing counted: the empty rate"


def test_sums_add_field_by_field() -> None:
    @dataclass
    class Pair(Sums):
        rate: Ratio = field(default_factory=Ratio)
        notes: list[str] = field(default_factory=list)

    total = Pair(Ratio(1, 2), ["a"]).add(Pair(Ratio(2, 2), ["b"]))
    assert (total.rate, total.notes) == (Ratio(3, 4), ["a", "b"])


def test_f_score_weighs_precision_by_beta() -> None:
    assert f_score(0.5, 1.0, 0.5) == pytest.approx(0.5556, abs=1e-4)
    assert f_score(1.0, 0.5, 0.5) == pytest.approx(0.8333, abs=1e-4)
    assert f_score(Ratio(1, 2), Ratio(1, 1), 1.0) == pytest.approx(2 / 3)
    assert f_score(0.0, 0.0, 0.5) == 0.0
