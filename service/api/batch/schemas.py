"""Wire types of the batch endpoints: msgspec Structs."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec

from service.batch.items import Item, ItemStatus
from service.batch.queue import MAX_BATCH, BatchRow
from service.batch.trends import Trends
from service.settings import Settings
from service.validate import MAX_BATCH_NAME

# A batch body carries many readouts: its own limit, above the one for a single comparison.
MAX_BATCH_BYTES = Settings.from_env().max_batch_bytes


class BatchIn(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The body of POST /api/batches."""

    comparisons: Annotated[
        list[Any],
        msgspec.Meta(
            min_length=1,
            max_length=MAX_BATCH,
            description="bodies of POST /api/comparisons (title and date advised); a bad one "
            "becomes an error item and the rest still run",
        ),
    ]
    name: (
        Annotated[
            str,
            msgspec.Meta(max_length=MAX_BATCH_NAME, description="shown on the batch list and page"),
        ]
        | None
    ) = None


class BatchAccepted(msgspec.Struct, frozen=True):
    """202: the batch is queued; poll `url` for progress."""

    id: str
    status: str
    total: int
    url: str
    page: str
    name: str | None = None


class BatchItemOut(msgspec.Struct, frozen=True):
    position: int
    status: ItemStatus
    title: str | None
    date: str | None
    comparison_id: str | None
    url: str | None
    page: str | None
    error: str | None

    @classmethod
    def of(cls, item: Item) -> BatchItemOut:
        cid = item.comparison_id
        return cls(
            position=int(item.key), status=item.status, title=item.title, date=item.date,
            comparison_id=cid, url=f"/api/comparisons/{cid}" if cid else None,
            page=f"/comparisons/{cid}" if cid else None, error=item.error,
        )  # fmt: skip


class Progress(msgspec.Struct, frozen=True):
    total: int
    done: int
    ok: int
    failed: int
    fraction: float

    @classmethod
    def of(cls, total: int, items: list[Item]) -> Progress:
        ok = sum(item.status == "ok" for item in items)
        failed = sum(item.status == "error" for item in items)
        done = ok + failed
        return cls(total, done, ok, failed, round(done / total, 4) if total else 1.0)


class BatchOut(msgspec.Struct, frozen=True):
    """GET /api/batches/{id}: progress, each item's comparison, and the trends once done."""

    id: str
    status: str  # queued | running | done | failed
    created_at: str
    updated_at: str
    error: str | None
    progress: Progress
    comparison_ids: list[str]
    items: list[BatchItemOut]
    trends: Trends | None
    trends_csv: str
    page: str
    name: str | None = None

    @classmethod
    def of(cls, row: BatchRow, items: list[Item], trends: Trends | None) -> BatchOut:
        return cls(
            id=row.id, status=row.status, created_at=row.created_at, updated_at=row.updated_at,
            error=row.error, progress=Progress.of(row.total, items),
            comparison_ids=[i.comparison_id for i in items if i.comparison_id],
            items=[BatchItemOut.of(i) for i in items], trends=trends,
            trends_csv=f"/api/batches/{row.id}/trends.csv", page=f"/batches/{row.id}",
            name=row.name,
        )  # fmt: skip
