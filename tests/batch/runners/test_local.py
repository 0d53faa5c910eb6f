"""The runner: several meetings per encoder call, the same reports as one-by-one compare()."""

from __future__ import annotations

import math
from pathlib import Path

import msgspec

from service.batch.inputs import read_items
from service.batch.runners.local import RunStats, run_items
from service.pipeline import compare
from service.pipeline.embed import FakeEncoder
from tests.batch.conftest import WITH_ERRORS, numbered_meetings, write_jsonl


def test_one_encoder_call_per_chunk_of_meetings(tmp_path: Path) -> None:
    items = read_items(write_jsonl(tmp_path / "b.jsonl", numbered_meetings(20)))
    encoder = FakeEncoder()
    stats = RunStats()
    outcomes = list(run_items(items, encoder, chunk=8, stats=stats))
    assert [o.key for o in outcomes] == [i.key for i in items]
    assert all(o.ok for o in outcomes)
    assert encoder.calls == math.ceil(20 / 8) == stats.encoder_calls
    assert stats.meetings == 20 and stats.failed == 0


def test_batched_reports_equal_one_by_one_reports(tmp_path: Path) -> None:
    items = read_items(write_jsonl(tmp_path / "b.jsonl", numbered_meetings(5)))
    batched = [o.outcome for o in run_items(items, FakeEncoder(), chunk=5)]
    for item, report in zip(items, batched, strict=True):
        assert item.body is not None and report is not None
        alone = compare(
            item.body.readouts, FakeEncoder(), title=item.body.title, date=item.body.date
        )
        alone = msgspec.structs.replace(alone, id=item.key)
        assert msgspec.json.encode(report) == msgspec.json.encode(alone)


def test_failures_are_outcomes_and_the_rest_still_run() -> None:
    items = read_items(WITH_ERRORS)
    outcomes = list(run_items(items, FakeEncoder(), chunk=4))
    assert len(outcomes) == len(items)
    ok = [o.where for o in outcomes if o.ok]
    assert ok == ["with_errors.jsonl:1", "with_errors.jsonl:10"]
    chrome = next(o for o in outcomes if o.where == "with_errors.jsonl:9")
    assert chrome.error and "no readable sentences" in chrome.error
