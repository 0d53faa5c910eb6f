"""The batches domain service: submit a batch to the worker, read its progress and trends."""

from __future__ import annotations

import msgspec

from service.batch.inputs import items_from_bodies, lines_items
from service.batch.items import Item
from service.batch.queue.records import BatchRecords, BatchRow, BatchSummary
from service.batch.queue.worker import BatchWorker
from service.batch.trends.tally import Trends, to_csv
from service.errors import Busy, Conflict, InvalidInput, NotFound
from service.validate import batch_name

MAX_BATCH = 2000


class Batches:
    """What the API and pages call; the work itself happens on the worker's thread."""

    def __init__(
        self,
        records: BatchRecords,
        worker: BatchWorker,
        *,
        max_batches: int | None = None,
        max_items: int | None = None,
    ) -> None:
        self.records = records
        self.worker = worker
        self.max_batches = max_batches
        self.max_items = max_items

    def submit(self, bodies: list[object], name: str | None = None) -> BatchRow:
        """Store a batch (bad bodies become error items) and queue it; returns it queued."""
        return self.queue(self.prepare(bodies), name)

    def prepare(self, bodies: list[object]) -> list[Item]:
        """Each body checked as POST /api/comparisons checks it; bad ones become error items."""
        if not bodies:
            raise InvalidInput("a batch needs at least one comparison")
        if len(bodies) > MAX_BATCH:
            raise InvalidInput(f"a batch holds at most {MAX_BATCH} comparisons, got {len(bodies)}")
        return items_from_bodies(bodies)

    def prepare_lines(self, raw: bytes) -> list[Item]:
        """JSON lines (the batch form's paste or file) by the CLI's per-line rule: a bad line
        is an error item named "line N"."""
        # An error line keeps its line number as its title: the batch page names it so.
        items = [
            msgspec.structs.replace(item, title=item.where) if item.error else item
            for item in lines_items(raw)
        ]
        if not items:
            raise InvalidInput("there are no comparisons: paste JSON lines or choose a .jsonl file")
        if len(items) > MAX_BATCH:
            raise InvalidInput(f"a batch holds at most {MAX_BATCH} comparisons, got {len(items)}")
        return items

    def queue(self, items: list[Item], name: str | None = None) -> BatchRow:
        """Store and queue the batch under its name (checked by `batch_name`), unless the
        queue would pass its caps (Busy)."""
        name = batch_name(name)
        self.check_room(sum(item.status == "pending" for item in items))
        row = self.records.create(items, name)
        self.worker.enqueue(row.id)
        return row

    def check_room(self, items: int) -> None:
        """Raise Busy when one more batch of `items` pending items would pass a queue cap."""
        if self.max_batches is None and self.max_items is None:
            return
        batches, waiting = self.records.queued()
        if self.max_batches is not None and batches >= self.max_batches:
            raise Busy(
                f"{batches} batches are queued or running, the most this server holds"
                " (READOUT_DIFF_MAX_QUEUED_BATCHES); send this one again when some are done"
            )
        if self.max_items is not None and waiting + items > self.max_items:
            raise Busy(
                f"{waiting} comparisons are waiting and this batch adds {items}: over the"
                f" limit of {self.max_items} (READOUT_DIFF_MAX_QUEUED_ITEMS); send it again"
                " when the queue is shorter"
            )

    def recent(self, limit: int = 100) -> list[BatchSummary]:
        """The latest batches, newest first."""
        return self.records.recent(limit)

    def get(self, batch_id: str) -> tuple[BatchRow, list[Item]]:
        row = self.records.get(batch_id)
        if row is None:
            raise NotFound(f"no batch with id {batch_id!r}")
        return row, self.records.items(batch_id)

    def trends(self, row: BatchRow) -> Trends | None:
        return None if row.trends is None else msgspec.json.decode(row.trends, type=Trends)

    def trends_csv(self, batch_id: str) -> str:
        row, _ = self.get(batch_id)
        trends = self.trends(row)
        if trends is None:
            raise Conflict(f"batch {batch_id} is {row.status}; its trends come when it is done")
        return to_csv(trends)
