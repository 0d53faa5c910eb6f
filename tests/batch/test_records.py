"""Batch records and the worker on a real Store: an item's comparison is written exactly once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from service.batch.inputs import items_from_bodies
from service.batch.records import BatchRecords
from service.batch.runner import run_items
from service.batch.worker import BatchWorker
from service.comparisons import Comparisons
from service.pipeline.embed import FakeEncoder
from service.store import Store
from tests.batch.conftest import history


@pytest.fixture
def comparisons(tmp_path: Path) -> Comparisons:
    return Comparisons(Store(tmp_path / "db.sqlite"), FakeEncoder())


def test_a_finished_item_cannot_store_a_second_comparison(comparisons: Comparisons) -> None:
    records = BatchRecords(comparisons.store)
    row = records.create(items_from_bodies(list(history()[:1])))
    item = records.pending(row.id)[0]
    outcome = next(run_items([item], comparisons.encoder))
    assert outcome.report is not None and item.body is not None

    def mark(db: sqlite3.Connection) -> None:
        records.mark_ok(db, row.id, 1, outcome.report.id or "")  # type: ignore[union-attr]

    comparisons.save(outcome.report, item.body, also=mark)
    with pytest.raises(RuntimeError, match="not pending"):
        comparisons.save(outcome.report, item.body, also=mark)
    assert comparisons.store.count_comparisons() == 1, "the second insert was rolled back"
    assert records.pending(row.id) == []


def test_worker_runs_a_batch_to_trends_and_keeps_errors(comparisons: Comparisons) -> None:
    records = BatchRecords(comparisons.store)
    row = records.create(items_from_bodies([*history(), {"readouts": []}]))
    assert BatchWorker(records, comparisons, chunk=2).run(row.id)
    done = records.get(row.id)
    assert done is not None and done.status == "done" and done.trends
    items = records.items(row.id)
    assert [i.status for i in items] == ["ok", "ok", "ok", "error"]
    assert comparisons.store.count_comparisons() == 3
    assert records.unfinished() == []


def test_unfinished_batches_are_found_oldest_first(comparisons: Comparisons) -> None:
    records = BatchRecords(comparisons.store)
    first = records.create(items_from_bodies(list(history()[:1])))
    second = records.create(items_from_bodies(list(history()[1:2])))
    records.set_status(second.id, "running")
    assert records.unfinished() == [first.id, second.id]


def test_reports_come_in_batch_order_and_a_deleted_one_drops_out(
    comparisons: Comparisons,
) -> None:
    records = BatchRecords(comparisons.store)
    row = records.create(items_from_bodies([*history(), {"readouts": []}]))
    assert BatchWorker(records, comparisons, chunk=2).run(row.id)
    ids = [i.comparison_id for i in records.items(row.id) if i.comparison_id]
    assert [r.id for r in records.reports(row.id)] == ids
    comparisons.delete(ids[1])
    assert [r.id for r in records.reports(row.id)] == [ids[0], ids[2]]
