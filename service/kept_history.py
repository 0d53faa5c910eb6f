"""History kept with the stored reports: computed when a meeting is stored, and brought up to
date for the later meetings of the same sides when an earlier one is stored or deleted, so
reading a report does no pipeline work."""

from __future__ import annotations

import msgspec

from service.pipeline.embed import Encoder
from service.pipeline.history import CANDIDATES, MAX_EARLIER, earlier_meetings, precedents
from service.pipeline.types import Precedent, Report
from service.store import Store, StoredComparison

# Held while a report's history is computed and stored and its later meetings brought up to
# date: two meetings of the same sides stored at once each see the other.
HISTORY_LOCK = 7261003


def history_of(store: Store, report: Report, encoder: Encoder) -> list[Precedent]:
    """`report`'s precedents among the stored meetings of its sides dated before it."""
    return precedents(report, earlier(store, report), encoder)


def earlier(store: Store, report: Report) -> list[Report]:
    """The stored meetings of the same two sides before this one (`earlier_meetings`), read
    in one query."""
    if report.date is None or len(report.sides) != 2:
        return []
    rows = store.same_sides(_pair(report), before=report.date, limit=CANDIDATES)
    return earlier_meetings(report, [_report(row) for row in rows if row.id != report.id])


def refresh_later(store: Store, report: Report, encoder: Encoder) -> int:
    """Bring up to date the history of every stored later meeting whose last MAX_EARLIER
    earlier meetings `report`'s date falls among; returns how many were rewritten."""
    if report.date is None or len(report.sides) != 2:
        return 0
    later = store.same_sides(_pair(report), after=report.date)
    rewritten = 0
    for row in reversed(later):  # oldest first
        between = {r.date for r in later if r.date and report.date < r.date < (row.date or "")}
        if len(between) >= MAX_EARLIER:
            break
        stored = store.get_comparison(row.id)
        if stored is None:
            continue
        store.set_report(row.id, msgspec.json.encode(with_history(store, stored, encoder)))
        rewritten += 1
    return rewritten


def with_history(store: Store, row: StoredComparison, encoder: Encoder) -> Report:
    """A stored report with its history computed against the store as it is now."""
    report = _report(row)
    return msgspec.structs.replace(report, history=history_of(store, report, encoder))


def _report(row: StoredComparison) -> Report:
    return msgspec.json.decode(row.report, type=Report)


def _pair(report: Report) -> tuple[str, str]:
    return (report.sides[0], report.sides[1])
