"""Golden batch over the real fixture meetings with the default real encoder: what recurs one-sidedly."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from service.batch.folder import run_into_folder
from service.batch.inputs import read_items
from service.runtime import cached_encoder
from tests.batch.conftest import HISTORY
from tests.conftest import PAIRS


def recurring_one_sided_keywords() -> dict[tuple[str, str], set[str]]:
    """(side, keyword) that the expectations list as one-sided for one side in two or more
    meetings, and that no other side's readout in the batch ever uses: such a topic must come
    out as that side's alone. Derived from fixtures/pairs/*/expected.json, not listed here."""
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    texts: dict[str, str] = defaultdict(str)
    for folder in sorted(PAIRS.iterdir()):
        expected = json.loads((folder / "expected.json").read_text())
        for side in expected["sides"].values():
            texts[side["label"]] += (folder / side["file"]).read_text().lower()
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
