"""Batch records and the worker on both backends: each item written once, claims exclusive."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from service.batch.inputs import items_from_bodies
from service.batch.queue.records import BatchRecords
from service.batch.queue.worker import BatchWorker
from service.batch.runners.local import run_items
from service.comparisons import Comparisons
from service.errors import ItemTaken, LeaseLost
from service.pipeline.embed import FakeEncoder
from service.store import Db, Store
from tests.batch.conftest import history


@pytest.fixture
def comparisons(database: Path | str) -> Iterator[Comparisons]:
    service = Comparisons(Store(database), FakeEncoder())
    yield service
    service.store.close()


def test_a_finished_item_cannot_store_a_second_comparison(comparisons: Comparisons) -> None:
    records = BatchRecords(comparisons.store)
    row = records.create(items_from_bodies(list(history()[:1])))
    item = records.pending(row.id)[0]
    outcome = next(run_items([item], comparisons.encoder))
    assert outcome.outcome is not None and item.body is not None

    def mark(db: Db, comparison_id: str) -> None:
        records.mark_ok(db, row.id, 1, comparison_id)

    comparisons.save(outcome.outcome, item.body, also=mark)
    with pytest.raises(ItemTaken, match="not pending"):
        comparisons.save(outcome.outcome, item.body, also=mark)
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


def test_two_instances_never_claim_the_same_batch(comparisons: Comparisons) -> None:
    records = BatchRecords(comparisons.store)
    other = BatchRecords(Store(comparisons.store.target))  # a second service instance
    first = records.create(items_from_bodies(list(history()[:1])))
    second = records.create(items_from_bodies(list(history()[1:2])))
    assert records.claim("a", 30) == first.id
    assert other.claim("b", 30) == second.id, "the first is held: the next one is taken"
    assert other.claim("c", 30) is None, "both are held"
    assert not other.renew(first.id, "b", 30) and records.renew(first.id, "a", 30)
    other.store.close()


def test_an_expired_lease_is_taken_over_and_the_old_owner_cannot_write(
    comparisons: Comparisons,
) -> None:
    records = BatchRecords(comparisons.store)
    row = records.create(items_from_bodies(list(history()[:2])))
    assert records.claim("dead", 0.05) == row.id
    time.sleep(0.1)  # the owner stopped renewing: its lease runs out
    assert records.claim("alive", 30) == row.id
    item = records.pending(row.id)[0]
    outcome = next(run_items([item], comparisons.encoder))
    assert outcome.outcome is not None and item.body is not None

    def mark_as(owner: str) -> None:
        report = outcome.outcome
        assert report is not None
        comparisons.save(report, item.body,  # type: ignore[arg-type]
                         also=lambda db, new: records.mark_ok(db, row.id, 1, new, owner))  # fmt: skip

    with pytest.raises(ItemTaken):
        mark_as("dead")
    assert comparisons.store.count_comparisons() == 0, "the old owner's insert was rolled back"
    mark_as("alive")
    assert [i.status for i in records.items(row.id)] == ["ok", "pending"]


def test_a_worker_whose_batch_is_held_elsewhere_leaves_it_alone(comparisons: Comparisons) -> None:
    records = BatchRecords(comparisons.store)
    row = records.create(items_from_bodies(list(history()[:1])))
    assert records.claim("another instance", 30) == row.id
    with pytest.raises(LeaseLost):
        BatchWorker(records, comparisons).run(row.id)
    assert records.pending(row.id) and comparisons.store.count_comparisons() == 0


def test_a_stopped_worker_releases_its_batch_for_the_next_start(comparisons: Comparisons) -> None:
    records = BatchRecords(comparisons.store)
    row = records.create(items_from_bodies(list(history())))
    worker = BatchWorker(records, comparisons, chunk=1)
    worker._stopping.set()  # asked to stop: it finishes the meeting in hand only
    assert not worker.run(row.id)
    assert len(records.pending(row.id)) == 2
    assert records.claim("next start", 30) == row.id, "released, not held until the lease ends"
