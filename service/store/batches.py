"""The batches and batch_items tables: every statement on batches, behind `Store`.

Rows in, rows out (no batch items or requests as the batch service reads them: that is
`service/batch/queue/records.py`); claims are leases, taken in one statement.
"""

from __future__ import annotations

from typing import Any

import msgspec

from service.store.access import Access
from service.store.backend import Db

UNFINISHED = ("queued", "running")


class BatchRow(msgspec.Struct, frozen=True):
    """A batch: queued → running → done (or failed, with the error)."""

    id: str
    status: str
    created_at: str
    updated_at: str
    total: int
    error: str | None = None
    trends: bytes | None = None
    name: str | None = None


class BatchSummary(msgspec.Struct, frozen=True):
    """One row of the batch list, with the counts of its items."""

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


class ItemRow(msgspec.Struct, frozen=True):
    """One batch item as stored: `request` is its comparison body (JSON), pending items only."""

    position: int
    status: str
    title: str | None = None
    date: str | None = None
    comparison_id: str | None = None
    error: str | None = None
    request: bytes | None = None


class BatchTable(Access):
    """Create, claim, mark and list batches and their items."""

    def insert_batch(self, row: BatchRow, items: list[ItemRow]) -> None:
        def insert(db: Db) -> None:
            db.execute(
                "INSERT INTO batches (id, status, created_at, updated_at, total, name)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (row.id, row.status, row.created_at, row.updated_at, row.total, row.name),
            )
            db.executemany(
                "INSERT INTO batch_items (batch_id, position, status, title, date, request, error)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(row.id, i.position, i.status, i.title, i.date,
                  i.request.decode() if i.request else None, i.error) for i in items],
            )  # fmt: skip

        self.write(insert)

    def get_batch(self, batch_id: str) -> BatchRow | None:
        found = self._rows(
            "SELECT id, status, created_at, updated_at, total, error, trends, name"
            " FROM batches WHERE id = ?",
            batch_id,
        )
        if not found:
            return None
        batch_id, status, created_at, updated_at, total, error, trends, name = found[0]
        return BatchRow(id=batch_id, status=status, created_at=created_at, updated_at=updated_at,
                        total=total, error=error,
                        trends=trends.encode() if isinstance(trends, str) else None,
                        name=name)  # fmt: skip

    def batch_items(self, batch_id: str, *, pending: bool = False) -> list[ItemRow]:
        """The batch's items in order; with `pending`, only those still to run, with bodies."""
        only = " AND status = 'pending'" if pending else ""
        rows = self._rows(
            "SELECT position, status, title, date, comparison_id, error,"
            f" {'request' if pending else 'NULL'} FROM batch_items"
            f" WHERE batch_id = ?{only} ORDER BY position",
            batch_id,
        )
        return [
            ItemRow(int(r[0]), r[1], r[2], r[3], r[4], r[5], r[6].encode() if r[6] else None)
            for r in rows
        ]

    def batch_reports(self, batch_id: str) -> list[bytes]:
        """The reports of the items compared, in batch order; one deleted since drops out."""
        rows = self._rows(
            "SELECT c.report FROM batch_items i JOIN comparisons c ON c.id = i.comparison_id"
            " WHERE i.batch_id = ? AND i.status = 'ok' ORDER BY i.position",
            batch_id,
        )
        return [str(report).encode() for (report,) in rows]

    def queued_batches(self) -> tuple[int, int]:
        """How many batches are queued or running, and how many of their items still wait."""
        rows = self._rows(
            "SELECT count(DISTINCT b.id), count(i.position) FROM batches b"
            " LEFT JOIN batch_items i ON i.batch_id = b.id AND i.status = 'pending'"
            " WHERE b.status IN (?, ?)",
            *UNFINISHED,
        )
        return int(rows[0][0]), int(rows[0][1])

    def unfinished_batches(self) -> list[str]:
        """Batches a stopped service left queued or running, oldest first."""
        rows = self._rows(
            "SELECT id FROM batches WHERE status IN (?, ?) ORDER BY created_at", *UNFINISHED
        )
        return [str(row[0]) for row in rows]

    def claim_batch(
        self, owner: str, now: str, lease_until: str, batch_id: str | None = None
    ) -> str | None:
        """Take the oldest unfinished batch no live instance holds (or `batch_id` only), in
        one statement: the row is locked as it is chosen (PostgreSQL skips rows another
        instance is claiming; SQLite serialises writers), so two instances never take one."""
        only = " AND id = ?" if batch_id else ""

        def take(db: Db) -> str | None:
            found = db.execute(
                "UPDATE batches SET status = 'running', owner = ?, lease_until = ?,"
                " updated_at = ? WHERE id = (SELECT id FROM batches"
                " WHERE status IN ('queued', 'running')"
                f" AND (owner IS NULL OR owner = ? OR lease_until < ?){only}"
                f" ORDER BY created_at LIMIT 1{self.dialect.skip_locked}) RETURNING id",
                (owner, lease_until, now, owner, now, *([batch_id] if batch_id else [])),
            ).fetchone()
            return None if found is None else str(found[0])

        return self.write(take)

    def renew_batch(self, batch_id: str, owner: str, lease_until: str) -> bool:
        """Extend this owner's lease; False when the batch is no longer its own."""
        sql = "UPDATE batches SET lease_until = ? WHERE id = ? AND owner = ?"
        return self.write(lambda db: db.execute(sql, (lease_until, batch_id, owner)).rowcount == 1)

    def release_batch(self, batch_id: str, owner: str) -> None:
        """Give an unfinished batch back (a clean stop): the next instance resumes it at once."""
        sql = "UPDATE batches SET owner = NULL, lease_until = NULL WHERE id = ? AND owner = ?"
        self.write(lambda db: db.execute(sql, (batch_id, owner)))

    @staticmethod
    def mark_item_ok(
        db: Db, batch_id: str, position: int, comparison: str, owner: str | None = None
    ) -> bool:
        """Inside the transaction that stores the comparison: False when the item is no longer
        pending (or its batch no longer `owner`'s)."""
        mine, params = _owned_by(owner)
        return (
            db.execute(
                "UPDATE batch_items SET status = 'ok', comparison_id = ?"
                f" WHERE batch_id = ? AND position = ? AND status = 'pending'{mine}",
                (comparison, batch_id, position, *params),
            ).rowcount
            == 1
        )

    def mark_item_error(
        self, batch_id: str, position: int, error: str, owner: str | None = None
    ) -> None:
        mine, params = _owned_by(owner)
        sql = (
            "UPDATE batch_items SET status = 'error', error = ?"
            f" WHERE batch_id = ? AND position = ? AND status = 'pending'{mine}"
        )
        self.write(lambda db: db.execute(sql, (error, batch_id, position, *params)))

    def set_batch_status(self, batch_id: str, status: str, now: str, *, error: str | None = None,
                         trends: bytes | None = None, owner: str | None = None) -> None:  # fmt: skip
        """Move a batch on; with `owner`, only while that owner holds it (done releases it)."""
        held = " AND owner = ?" if owner else ""
        release = ", owner = NULL, lease_until = NULL" if status in ("done", "failed") else ""
        self.write(
            lambda db: db.execute(
                f"UPDATE batches SET status = ?, error = ?, updated_at = ?{release},"
                f" trends = coalesce(?, trends) WHERE id = ?{held}",
                (status, error, now, trends.decode() if trends else None, batch_id,
                 *([owner] if owner else [])),
            )
        )  # fmt: skip

    def recent_batches(self, limit: int = 100) -> list[BatchSummary]:
        """The latest batches, newest first, with the counts of their items."""
        rows = self._rows(
            "SELECT b.id, b.status, b.created_at, b.total, b.name,"
            " coalesce(sum(CASE WHEN i.status = 'ok' THEN 1 ELSE 0 END), 0),"
            " coalesce(sum(CASE WHEN i.status = 'error' THEN 1 ELSE 0 END), 0)"
            " FROM batches b LEFT JOIN batch_items i ON i.batch_id = b.id"
            " GROUP BY b.id, b.status, b.created_at, b.total, b.name"
            " ORDER BY b.created_at DESC LIMIT ?",
            limit,
        )
        return [
            BatchSummary(str(r[0]), r[1], r[2], int(r[3]), int(r[5]), int(r[6]), name=r[4])
            for r in rows
        ]

    def _rows(self, sql: str, *params: object) -> list[tuple[Any, ...]]:
        with self.read() as db:
            return list(db.execute(sql, params).fetchall())


def _owned_by(owner: str | None) -> tuple[str, list[object]]:
    """A batch_items condition: its batch is still held by `owner` (none when owner is None)."""
    if owner is None:
        return "", []
    return (
        " AND EXISTS (SELECT 1 FROM batches b WHERE b.id = batch_items.batch_id AND b.owner = ?)",
        [owner],
    )
