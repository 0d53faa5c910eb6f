"""The one batch item type: a meeting from its input line to its outcome, with a typed status."""

from __future__ import annotations

from typing import Literal

import msgspec

from service.comparisons import ComparisonRequest
from service.pipeline.types import Report

ItemStatus = Literal["pending", "ok", "error"]


class Item(msgspec.Struct, frozen=True):
    """One meeting of a batch: pending with its `body`, ok with its report, or an error.

    `key` names the item across runs: a hash of its content in a folder batch (so a resumed
    batch recognises finished meetings even when lines were added or reordered), its position
    in a service batch. A finished item holds its `outcome` in memory, the report this run
    computed; what keeps it is the file `report_file` names in a folder batch (relative to the
    output folder; "report" in the journal's lines) or the stored comparison `comparison_id`
    names in a service batch.
    """

    key: str
    where: str
    status: ItemStatus = "pending"
    body: ComparisonRequest | None = None
    title: str | None = None
    date: str | None = None
    error: str | None = None
    report_file: str | None = msgspec.field(default=None, name="report")
    comparison_id: str | None = None
    outcome: Report | None = None

    @classmethod
    def of(cls, key: str, where: str, body: ComparisonRequest) -> Item:
        """A pending meeting read from its input."""
        return cls(key=key, where=where, body=body, title=body.title, date=body.date)

    @classmethod
    def invalid(cls, key: str, where: str, error: str) -> Item:
        """An input line or folder that is no meeting."""
        return cls(key=key, where=where, status="error", error=error)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def compared(self, report: Report) -> Item:
        """This item done: its report, which carries the item's key as its id until stored."""
        return msgspec.structs.replace(self, status="ok", outcome=report, error=None)

    def failed(self, error: str) -> Item:
        return msgspec.structs.replace(self, status="error", error=error)
