"""The comparison rows of the Store: their structs, columns and list filters."""

from __future__ import annotations

import msgspec

from service.store.backend import Dialect


class StoredComparison(msgspec.Struct, frozen=True):
    """One row of the comparisons table; request and report are JSON documents."""

    id: str
    title: str | None
    date: str | None
    sides: list[str]
    created_at: str
    summary: dict[str, int]
    request: bytes = b""
    report: bytes = b""
    history_stored: bool = True  # False: stored before history was kept with the report
    meeting_key: str = ""  # one meeting stored twice (a form, then a batch) shares its key
    entered: int = 0  # how much of the optional fields a person filled in


class ComparisonQuery(msgspec.Struct, frozen=True):
    """Filters and page for listing comparisons, newest first."""

    limit: int = 20
    offset: int = 0
    side: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    text: str | None = None
    by_meeting_date: bool = False  # newest meeting first (undated last), not newest stored
    one_per_meeting: bool = False  # a meeting stored twice listed once: its most entered copy
    with_requests: bool = False  # each row's request too (the home page's snippets)


COLUMNS = "id, title, date, side_a, side_b, created_at, summary, more_sides, history_stored"


def comparison_row(found: tuple[object, ...], *, full: bool) -> StoredComparison:
    return StoredComparison(
        id=str(found[0]),
        title=found[1] if isinstance(found[1], str) else None,
        date=found[2] if isinstance(found[2], str) else None,
        sides=[str(found[3]), str(found[4]), *str(found[7] or "").split("\n")[1:-1]],
        created_at=str(found[5]),
        summary=msgspec.json.decode(str(found[6]), type=dict[str, int]),
        history_stored=bool(found[8]),
        request=str(found[9]).encode() if full else b"",
        report=str(found[10]).encode() if full else b"",
    )


def insert_values(row: StoredComparison) -> tuple[object, ...]:
    return (
        row.id,
        row.title,
        row.date,
        row.sides[0],
        row.sides[1],
        row.created_at,
        search_text(row),
        msgspec.json.encode(row.summary).decode(),
        row.request.decode(),
        row.report.decode(),
        more_sides(row.sides),
        row.meeting_key,
        row.entered,
    )


def more_sides(sides: list[str]) -> str:
    """The third and later sides as stored: "\nJP\nKR\n", or "" for a pair."""
    return "".join(f"\n{side}" for side in sides[2:]) + "\n" if len(sides) > 2 else ""


def search_text(row: StoredComparison) -> str:
    """What the text filter searches: title, sides and every readout, case-folded."""
    readouts = msgspec.json.decode(row.request).get("readouts", [])
    parts = [row.title or "", *row.sides, *(r.get("text", "") for r in readouts)]
    return "\n".join(parts).casefold()


def filters(query: ComparisonQuery, dialect: Dialect) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if query.side:
        more = dialect.contains.format(column="upper(more_sides)")
        clauses.append(f"(upper(side_a) = upper(?) OR upper(side_b) = upper(?) OR {more})")
        params += [query.side, query.side, f"\n{query.side}\n".upper()]
    if query.date_from:
        clauses.append("date >= ?")
        params.append(query.date_from)
    if query.date_to:
        clauses.append("date <= ?")
        params.append(query.date_to)
    if query.text:
        clauses.append(dialect.contains.format(column="search"))
        params.append(query.text.casefold())
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params
