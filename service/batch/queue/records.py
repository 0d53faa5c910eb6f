"""Batches and their items in the Store: created once, each item marked done exactly once."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import msgspec

from service.batch.items import Item
from service.comparisons import ComparisonRequest
from service.errors import ItemTaken
from service.pipeline.types import Report
from service.store import Db, Store

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


def _now(after: float = 0.0) -> str:
    moment = datetime.now(UTC) + timedelta(seconds=after)
    return moment.isoformat(timespec="microseconds")


class BatchRecords:
    """Reads and writes of the batches and batch_items tables, through `Store.write()`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def create(self, items: list[Item], name: str | None = None) -> BatchRow:
        """A queued batch; items that failed validation are stored as errors right away."""
        now = _now()
        row = BatchRow(id=uuid.uuid4().hex, status="queued", created_at=now, updated_at=now,
                       total=len(items), name=name)  # fmt: skip

        def insert(db: Db) -> None:
            db.execute(
                "INSERT INTO batches (id, status, created_at, updated_at, total, name)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (row.id, row.status, row.created_at, row.updated_at, row.total, row.name),
            )
            db.executemany(
                "INSERT INTO batch_items (batch_id, position, status, title, date, request, error)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(row.id, position, "pending" if item.body else "error",
                  item.body.title if item.body else item.title,
                  item.body.date if item.body else None,
                  msgspec.json.encode(item.body).decode() if item.body else None, item.error)
                 for position, item in enumerate(items, 1)],
            )  # fmt: skip

        self.store.write(insert)
        return row

    def get(self, batch_id: str) -> BatchRow | None:
        with self.store.read() as db:
            found = db.execute(
                "SELECT id, status, created_at, updated_at, total, error, trends, name"
                " FROM batches WHERE id = ?",
                (batch_id,),
            ).fetchone()
        if found is None:
            return None
        batch_id, status, created_at, updated_at, total, error, trends, name = found
        return BatchRow(id=batch_id, status=status, created_at=created_at, updated_at=updated_at,
                        total=total, error=error,
                        trends=trends.encode() if isinstance(trends, str) else None,
                        name=name)  # fmt: skip

    def items(self, batch_id: str, *, pending: bool = False) -> list[Item]:
        """The batch's items in order; with `pending`, only those still to run, with bodies."""
        columns = "position, status, title, date, comparison_id, error"
        only = " AND status = 'pending'" if pending else ""
        rows = self._rows(
            f"SELECT {columns}, {'request' if pending else 'NULL'} FROM batch_items"
            f" WHERE batch_id = ?{only} ORDER BY position",
            batch_id,
        )
        return [
            Item(key=str(position), where=f"item {position}", status=status, title=title,
                 date=date, comparison_id=comparison_id, error=error,
                 body=msgspec.json.decode(request, type=ComparisonRequest) if request else None)
            for position, status, title, date, comparison_id, error, request in rows
        ]  # fmt: skip

    def reports(self, batch_id: str) -> list[Report]:
        """The reports of the items compared, in batch order; one deleted since drops out."""
        rows = self._rows(
            "SELECT c.report FROM batch_items i JOIN comparisons c ON c.id = i.comparison_id"
            " WHERE i.batch_id = ? AND i.status = 'ok' ORDER BY i.position",
            batch_id,
        )
        return [msgspec.json.decode(report, type=Report) for (report,) in rows]

    def _rows(self, sql: str, *params: object) -> list[tuple[Any, ...]]:
        with self.store.read() as db:
            return list(db.execute(sql, params).fetchall())

    def pending(self, batch_id: str) -> list[Item]:
        """The items still to run, as runner input; the key is the item's position."""
        return self.items(batch_id, pending=True)

    def queued(self) -> tuple[int, int]:
        """How many batches are queued or running, and how many of their items still wait."""
        rows = self._rows(
            "SELECT count(DISTINCT b.id), count(i.position) FROM batches b"
            " LEFT JOIN batch_items i ON i.batch_id = b.id AND i.status = 'pending'"
            " WHERE b.status IN (?, ?)",
            *UNFINISHED,
        )
        return int(rows[0][0]), int(rows[0][1])

    def unfinished(self) -> list[str]:
        """Batches a stopped service left queued or running, oldest first."""
        rows = self._rows(
            "SELECT id FROM batches WHERE status IN (?, ?) ORDER BY created_at", *UNFINISHED
        )
        return [str(row[0]) for row in rows]

    def claim(self, owner: str, lease: float, batch_id: str | None = None) -> str | None:
        """Take the oldest unfinished batch no live instance holds (or `batch_id` only).

        One statement: the row is locked as it is chosen (PostgreSQL skips rows another
        instance is claiming; SQLite serialises writers), so two instances never take one.
        """
        only = " AND id = ?" if batch_id else ""
        now = _now()

        def take(db: Db) -> str | None:
            found = db.execute(
                "UPDATE batches SET status = 'running', owner = ?, lease_until = ?,"
                " updated_at = ? WHERE id = (SELECT id FROM batches"
                " WHERE status IN ('queued', 'running')"
                f" AND (owner IS NULL OR owner = ? OR lease_until < ?){only}"
                f" ORDER BY created_at LIMIT 1{self.store.dialect.skip_locked}) RETURNING id",
                (owner, _now(lease), now, owner, now, *([batch_id] if batch_id else [])),
            ).fetchone()
            return None if found is None else str(found[0])

        return self.store.write(take)

    def renew(self, batch_id: str, owner: str, lease: float) -> bool:
        """Extend this owner's lease; False when the batch is no longer its own."""
        return self.store.write(
            lambda db: (
                db.execute(
                    "UPDATE batches SET lease_until = ? WHERE id = ? AND owner = ?",
                    (_now(lease), batch_id, owner),
                ).rowcount
                == 1
            )
        )

    def release(self, batch_id: str, owner: str) -> None:
        """Give an unfinished batch back (a clean stop): the next instance resumes it at once."""
        self.store.write(
            lambda db: db.execute(
                "UPDATE batches SET owner = NULL, lease_until = NULL WHERE id = ? AND owner = ?",
                (batch_id, owner),
            )
        )

    def mark_ok(
        self, db: Db, batch_id: str, position: int, comparison: str, owner: str | None = None
    ) -> None:
        """Inside the transaction that stores the comparison; refuses to mark an item twice."""
        mine, params = _owned_by(owner)
        updated = db.execute(
            "UPDATE batch_items SET status = 'ok', comparison_id = ?"
            f" WHERE batch_id = ? AND position = ? AND status = 'pending'{mine}",
            (comparison, batch_id, position, *params),
        ).rowcount
        if updated != 1:
            raise ItemTaken(f"batch {batch_id} item {position} is not pending")

    def mark_error(
        self, batch_id: str, position: int, error: str, owner: str | None = None
    ) -> None:
        mine, params = _owned_by(owner)
        self.store.write(
            lambda db: db.execute(
                "UPDATE batch_items SET status = 'error', error = ?"
                f" WHERE batch_id = ? AND position = ? AND status = 'pending'{mine}",
                (error, batch_id, position, *params),
            )
        )

    def set_status(self, batch_id: str, status: str, *, error: str | None = None,
                   trends: bytes | None = None, owner: str | None = None) -> None:  # fmt: skip
        """Move a batch on; with `owner`, only while that owner holds it (done releases it)."""
        held = " AND owner = ?" if owner else ""
        release = ", owner = NULL, lease_until = NULL" if status in ("done", "failed") else ""
        self.store.write(
            lambda db: db.execute(
                f"UPDATE batches SET status = ?, error = ?, updated_at = ?{release},"
                f" trends = coalesce(?, trends) WHERE id = ?{held}",
                (status, error, _now(), trends.decode() if trends else None, batch_id,
                 *([owner] if owner else [])),
            )
        )  # fmt: skip


def _owned_by(owner: str | None) -> tuple[str, list[object]]:
    """A batch_items condition: its batch is still held by `owner` (none when owner is None)."""
    if owner is None:
        return "", []
    return (
        " AND EXISTS (SELECT 1 FROM batches b WHERE b.id = batch_items.batch_id AND b.owner = ?)",
        [owner],
    )
