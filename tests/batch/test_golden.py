"""Golden batch over the real fixture meetings with the default real encoder: what recurs one-sidedly."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from service.batch.folder.run import run_into_folder
from service.batch.inputs import read_items
from service.runtime import cached_encoder
from tests.batch.conftest import HISTORY
from tests.conftest import PAIRS


def recurring_one_sided_keywords() -> dict[tuple[str, str], set[str]]:
    """(side, keyword) that the expectations list as one-sided for one side in two or more
    meetings of the history batch, and that no other side's readout in the batch ever uses:
    such a topic must come out as that side's alone. Derived from the batch and
    fixtures/pairs/*/expected.json, not listed here."""
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    texts: dict[str, str] = defaultdict(str)
    dates = set()
    for item in read_items(HISTORY):
        assert item.body is not None
        dates.add(item.body.date)
        for readout in item.body.readouts:
            texts[readout.side] += readout.text.lower()
    for folder in sorted(PAIRS.iterdir()):
        if folder.name[:10] not in dates:
            continue
        expected = json.loads((folder / "expected.json").read_text())
        for topic in expected["one_sided"]:
            if not topic.get("uncertain"):
                for keyword in topic["keywords"]:
                    found[topic["side"], keyword.lower()].add(folder.name)
    return {
        (side, keyword): meetings
        for (side, keyword), meetings in found.items()
        if len(meetings) >= 2 and not any(keyword in t for s, t in texts.items() if s != side)
    }


@pytest.mark.slow
def test_recurring_one_sided_topic_is_that_sides_alone(tmp_path: Path, data_dir: Path) -> None:
    cases = recurring_one_sided_keywords()
    assert cases, "the fixtures hold a topic one side stresses in several meetings"
    cached_encoder.cache_clear()
    result = run_into_folder(read_items(HISTORY), tmp_path / "out", cached_encoder())
    assert result.failed == 0
    for (side, keyword), meetings in cases.items():
        holding = [
            t for t in result.trends.topics if any(keyword in m.text.lower() for m in t.mentions)
        ]
        assert len(holding) == 1, f"every {keyword!r} emphasis in one topic: {holding}"
        topic = holding[0]
        assert keyword in topic.name.lower(), "named by its distinctive terms"
        assert topic.only_side == side and topic.by_side == {side: len(meetings)}
        counted = [c for c in result.trends.counts if c.topic == topic.id]
        assert {c.side for c in counted} == {side}
        assert sum(c.meetings for c in counted) == len(meetings)
        assert {m.date for m in topic.mentions} == {name[:10] for name in meetings}


@pytest.mark.slow
def test_the_batch_says_what_was_new_in_each_meeting(tmp_path: Path, data_dir: Path) -> None:
    cached_encoder.cache_clear()
    run_into_folder(read_items(HISTORY), tmp_path / "out", cached_encoder())
    history = json.loads((tmp_path / "out" / "history.json").read_text())
    assert len(history) == 1, "only 2025-07-31 has an earlier meeting of the same sides"
    (found,) = history.values()
    assert {(p["meetings"], p["counterpart"]) for p in found if p["side"] == "US"} == {(1, "KR")}
    summary = (tmp_path / "out" / "summary.md").read_text()
    new = summary.split("## New: emphases no earlier meeting of the same sides carried")[1]
    assert "2025-07-31" in new and "Taiwan Strait" in new
    assert "2024-02-28" not in new.split("##")[0], "the first US-KR meeting has nothing earlier"
