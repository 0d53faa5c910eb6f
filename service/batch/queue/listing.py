"""The list of batches, newest first, with the counts of their items."""

from __future__ import annotations

import msgspec

from service.store import Store


class BatchSummary(msgspec.Struct, frozen=True):
    """One row of the batch list."""

    id: str
    status: str
    created_at: str
    total: int
    ok: int
    failed: int
    name: str | None = None

    @property
    def done(self) -> int:
        return self.ok + self.failed


def recent_batches(store: Store, limit: int = 100) -> list[BatchSummary]:
    with store.read() as db:
        rows = db.execute(
            "SELECT b.id, b.status, b.created_at, b.total, b.name,"
            " coalesce(sum(CASE WHEN i.status = 'ok' THEN 1 ELSE 0 END), 0),"
            " coalesce(sum(CASE WHEN i.status = 'error' THEN 1 ELSE 0 END), 0)"
            " FROM batches b LEFT JOIN batch_items i ON i.batch_id = b.id"
            " GROUP BY b.id, b.status, b.created_at, b.total, b.name"
            " ORDER BY b.created_at DESC LIMIT ?",
            (limit,),
        ).fetchall()
    return [
        BatchSummary(str(r[0]), r[1], r[2], int(r[3]), int(r[5]), int(r[6]), name=r[4])
        for r in rows
    ]
