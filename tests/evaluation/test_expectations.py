"""The fixture rules: a pair's expected.json is read strictly and scores a report by keywords."""

from __future__ import annotations

import json
from pathlib import Path

import msgspec
import pytest

from evaluation.expectations import load_cases, score
from service.pipeline.types import Emphasis, ModelInfo, Report

EXPECTED = {
    "sides": {"A": {"label": "US", "file": "us.txt"}, "B": {"label": "KR", "file": "kr.txt"}},
    "one_sided": [
        {"side": "US", "topic": "Taiwan", "keywords": ["Taiwan"]},
        {"side": "KR", "topic": "tariffs", "keywords": ["tariff"], "uncertain": True},
        {"side": "KR", "topic": "shipbuilding", "keywords": ["shipbuilding"]},
    ],
    "shared": [{"topic": "the deal", "keywords": {"US": ["deal"], "KR": ["agreement"]}}],
}


def _pair(root: Path, expected: dict[str, object]) -> Path:
    folder = root / "2025-01-01_test"
    folder.mkdir(parents=True)
    (folder / "us.txt").write_text("They stressed Taiwan. They welcomed the deal.")
    (folder / "kr.txt").write_text("They welcomed the agreement.")
    (folder / "expected.json").write_text(json.dumps(expected))
    return root


def _report(*flags: tuple[str, str]) -> Report:
    emphases = [
        Emphasis(side, f"{side}-{n}", "one-sided", text, [], 1.0, None)
        for n, (side, text) in enumerate(flags)
    ]
    return Report(None, None, None, ["US", "KR"], [], [], emphases, ModelInfo("test", 0.3))


def test_a_misspelt_field_in_an_expectation_file_is_refused(tmp_path: Path) -> None:
    wrong = {
        **EXPECTED,
        "one_sided": [{"side": "US", "topic": "x", "keywords": [], "uncertian": True}],
    }
    with pytest.raises(msgspec.ValidationError, match="uncertian"):
        load_cases(_pair(tmp_path, wrong))


def test_recall_counts_certain_topics_and_found_uncertain_ones(tmp_path: Path) -> None:
    (case,) = load_cases(_pair(tmp_path, EXPECTED))
    assert [r.side for r in case.readouts] == ["US", "KR"]
    found = score(
        _report(("US", "They stressed Taiwan."), ("KR", "No tariff rise.")), case.expected
    )
    assert (found.recall.hits, found.recall.total) == (2, 3), (
        "the uncertain topic counts when found"
    )
    assert found.missed == [" KR: shipbuilding"]
    missed = score(_report(("US", "They stressed Taiwan.")), case.expected)
    assert (missed.recall.hits, missed.recall.total) == (1, 2)


def test_a_flag_on_a_shared_topic_counts_once_per_side(tmp_path: Path) -> None:
    (case,) = load_cases(_pair(tmp_path, EXPECTED))
    report = _report(("US", "They welcomed the deal."), ("US", "A deal again."))
    result = score(report, case.expected, "pair")
    assert (result.false_flag_rate.hits, result.false_flag_rate.total) == (1, 2)
    assert result.flagged == ["pair US: the deal (US-0)"]
