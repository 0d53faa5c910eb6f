"""The comparisons table: every statement on stored comparisons, behind `Store`."""

from __future__ import annotations

from collections.abc import Callable

from service.store.access import Access
from service.store.backend import Db
from service.store.rows import (
    COLUMNS,
    ComparisonQuery,
    StoredComparison,
    comparison_row,
    filters,
    insert_values,
)


class ComparisonTable(Access):
    """Insert, read, list, rewrite and delete stored comparisons."""

    def insert_comparison(
        self, row: StoredComparison, *, also: Callable[[Db], None] | None = None
    ) -> None:
        """Insert one comparison; `also` runs in the same transaction (a batch marks its item)."""

        def insert(db: Db) -> None:
            db.execute(
                "INSERT INTO comparisons (id, title, date, side_a, side_b, created_at, search,"
                " summary, request, report, more_sides, history_stored, meeting_key, entered)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                insert_values(row),
            )
            if also is not None:
                also(db)

        self.write(insert)

    def get_comparison(self, comparison_id: str) -> StoredComparison | None:
        with self.read() as db:
            found = db.execute(
                f"SELECT {COLUMNS}, request, report FROM comparisons WHERE id = ?",
                (comparison_id,),
            ).fetchone()
        return None if found is None else comparison_row(found, full=True)

    def delete_comparison(self, comparison_id: str) -> bool:
        def delete(db: Db) -> bool:
            return db.execute("DELETE FROM comparisons WHERE id = ?", (comparison_id,)).rowcount > 0

        return self.write(delete)

    def list_comparisons(self, query: ComparisonQuery) -> tuple[list[StoredComparison], int]:
        """One page of summaries and the total that match, in one snapshot; one row per
        meeting with `one_per_meeting` (its most entered copy, at its newest copy's place)."""
        where, params = filters(query, self.dialect)
        order = "(date IS NULL), date DESC, " if query.by_meeting_date else ""
        source = "comparisons"
        if query.one_per_meeting:
            meeting = "CASE WHEN meeting_key = '' THEN id ELSE meeting_key END"
            source = (
                f"(SELECT *, row_number() OVER (PARTITION BY {meeting} ORDER BY entered DESC,"
                f" created_at DESC, id DESC) AS copy, max(created_at) OVER (PARTITION BY"
                f" {meeting}) AS newest FROM comparisons{where}) AS meetings"
            )
            where, order = " WHERE copy = 1", order + "newest DESC, "
        extra = ", request" if query.with_requests else ""
        with self.read() as db:
            total = db.execute(f"SELECT count(*) FROM {source}{where}", params).fetchone()[0]
            rows = db.execute(
                f"SELECT {COLUMNS}{extra} FROM {source}{where}"
                f" ORDER BY {order}created_at DESC, id DESC LIMIT ? OFFSET ?",
                [*params, query.limit, query.offset],
            ).fetchall()
        if query.with_requests:
            return [comparison_row((*r, ""), full=True) for r in rows], int(total)
        return [comparison_row(r, full=False) for r in rows], int(total)

    def set_report(self, comparison_id: str, report: bytes) -> None:
        """Replace a stored report (its history brought up to date)."""
        self.write(
            lambda db: db.execute(
                "UPDATE comparisons SET report = ?, history_stored = 1 WHERE id = ?",
                (report.decode(), comparison_id),
            )
        )

    def same_sides(
        self,
        sides: tuple[str, str],
        *,
        before: str | None = None,
        after: str | None = None,
        limit: int = 1000,
    ) -> list[StoredComparison]:
        """The dated meetings of these two sides alone (either order, any case), before or after
        a meeting date, newest meeting first: whole rows before (their reports are read),
        summaries after (which of them to bring up to date is chosen by date)."""
        first, second = (side.upper() for side in sides)
        where = (
            " WHERE more_sides = '' AND date IS NOT NULL AND ((upper(side_a) = ? AND"
            " upper(side_b) = ?) OR (upper(side_a) = ? AND upper(side_b) = ?))"
        )
        params: list[object] = [first, second, second, first]
        if before is not None:
            where += " AND date < ?"
            params.append(before)
        if after is not None:
            where += " AND date > ?"
            params.append(after)
        extra = ", request, report" if before is not None else ""
        with self.read() as db:
            rows = db.execute(
                f"SELECT {COLUMNS}{extra} FROM comparisons{where}"
                " ORDER BY date DESC, created_at DESC, id DESC LIMIT ?",
                [*params, limit],
            ).fetchall()
        return [comparison_row(r, full=before is not None) for r in rows]

    def unkeyed(self) -> list[StoredComparison]:
        """Rows stored before meetings were keyed (`meeting_key` empty), with their requests."""
        with self.read() as db:
            rows = db.execute(
                f"SELECT {COLUMNS}, request FROM comparisons WHERE meeting_key = ''"
            ).fetchall()
        return [comparison_row((*r, ""), full=True) for r in rows]

    def set_meeting_key(self, comparison_id: str, key: str, entered: int) -> None:
        self.write(
            lambda db: db.execute(
                "UPDATE comparisons SET meeting_key = ?, entered = ? WHERE id = ?",
                (key, entered, comparison_id),
            )
        )

    def count_comparisons(self) -> int:
        with self.read() as db:
            return int(db.execute("SELECT count(*) FROM comparisons").fetchone()[0])
