"""Batches and their items as the batch service reads them: items in, items out, over the
Store's batch tables (`service/store/batches.py`, where the statements are); each item
marked done exactly once."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import msgspec

from service.batch.items import Item
from service.comparisons import ComparisonRequest
from service.errors import ItemTaken
from service.pipeline.types import Report
from service.store import Db, Store
from service.store.batches import UNFINISHED, BatchRow, BatchSummary, ItemRow

__all__ = ["UNFINISHED", "BatchRecords", "BatchRow", "BatchSummary"]


def _now(after: float = 0.0) -> str:
    moment = datetime.now(UTC) + timedelta(seconds=after)
    return moment.isoformat(timespec="microseconds")


class BatchRecords:
    """The batch service's reads and writes of its batches and items, through the Store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def create(self, items: list[Item], name: str | None = None) -> BatchRow:
        """A queued batch; items that failed validation are stored as errors right away."""
        now = _now()
        row = BatchRow(id=uuid.uuid4().hex, status="queued", created_at=now, updated_at=now,
                       total=len(items), name=name)  # fmt: skip
        self.store.insert_batch(
            row,
            [
                ItemRow(position, "pending" if item.body else "error",
                        item.body.title if item.body else item.title,
                        item.body.date if item.body else None, None, item.error,
                        msgspec.json.encode(item.body) if item.body else None)
                for position, item in enumerate(items, 1)
            ],
        )  # fmt: skip
        return row

    def get(self, batch_id: str) -> BatchRow | None:
        return self.store.get_batch(batch_id)

    def items(self, batch_id: str, *, pending: bool = False) -> list[Item]:
        """The batch's items in order; with `pending`, only those still to run, with bodies."""
        return [
            Item(key=str(r.position), where=f"item {r.position}", status=r.status,  # type: ignore[arg-type]
                 title=r.title, date=r.date, comparison_id=r.comparison_id, error=r.error,
                 body=ComparisonRequest.stored(r.request) if r.request else None)
            for r in self.store.batch_items(batch_id, pending=pending)
        ]  # fmt: skip

    def reports(self, batch_id: str) -> list[Report]:
        """The reports of the items compared, in batch order; one deleted since drops out."""
        return [msgspec.json.decode(r, type=Report) for r in self.store.batch_reports(batch_id)]

    def pending(self, batch_id: str) -> list[Item]:
        """The items still to run, as runner input; the key is the item's position."""
        return self.items(batch_id, pending=True)

    def queued(self) -> tuple[int, int]:
        """How many batches are queued or running, and how many of their items still wait."""
        return self.store.queued_batches()

    def unfinished(self) -> list[str]:
        """Batches a stopped service left queued or running, oldest first."""
        return self.store.unfinished_batches()

    def claim(self, owner: str, lease: float, batch_id: str | None = None) -> str | None:
        """Take the oldest unfinished batch no live instance holds (or `batch_id` only)."""
        return self.store.claim_batch(owner, _now(), _now(lease), batch_id)

    def renew(self, batch_id: str, owner: str, lease: float) -> bool:
        """Extend this owner's lease; False when the batch is no longer its own."""
        return self.store.renew_batch(batch_id, owner, _now(lease))

    def release(self, batch_id: str, owner: str) -> None:
        """Give an unfinished batch back (a clean stop): the next instance resumes it at once."""
        self.store.release_batch(batch_id, owner)

    def mark_ok(
        self, db: Db, batch_id: str, position: int, comparison: str, owner: str | None = None
    ) -> None:
        """Inside the transaction that stores the comparison; refuses to mark an item twice."""
        if not self.store.mark_item_ok(db, batch_id, position, comparison, owner):
            raise ItemTaken(f"batch {batch_id} item {position} is not pending")

    def mark_error(
        self, batch_id: str, position: int, error: str, owner: str | None = None
    ) -> None:
        self.store.mark_item_error(batch_id, position, error, owner)

    def set_status(self, batch_id: str, status: str, *, error: str | None = None,
                   trends: bytes | None = None, owner: str | None = None) -> None:  # fmt: skip
        """Move a batch on; with `owner`, only while that owner holds it (done releases it)."""
        self.store.set_batch_status(batch_id, status, _now(), error=error, trends=trends,
                                    owner=owner)  # fmt: skip

    def recent(self, limit: int = 100) -> list[BatchSummary]:
        """The latest batches, newest first."""
        return self.store.recent_batches(limit)
