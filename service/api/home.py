"""The home page's list: one entry per distinct meeting, examples marked, search hits in context."""

from __future__ import annotations

from dataclasses import dataclass

from service.comparisons import ComparisonRequest, Comparisons
from service.meetings import is_example_source
from service.render.snippet import Snippet, snippet
from service.store import ComparisonQuery, StoredComparison

# Two entries are one meeting when both readouts start alike: an example is trimmed at its last
# full sentence, so the same meeting added in full by a batch shares the start, not the end.
SAME_MEETING_CHARS = 400


@dataclass
class HomeEntry:
    row: StoredComparison
    example: bool
    partial: bool
    snippet: Snippet | None


def home_entries(service: Comparisons, query: ComparisonQuery) -> tuple[list[HomeEntry], int]:
    """One page of entries, newest meeting first, and the number of stored comparisons matched.

    A meeting stored twice (submitted through the form, then again in a batch) is listed once,
    at its newest place, as the copy that holds the most of what a person entered.
    """
    rows, total = service.page(query)
    chosen: dict[tuple[tuple[str, str], ...], tuple[StoredComparison, ComparisonRequest]] = {}
    for row in rows:
        request = service.request_of(row.id)
        key = tuple(
            (r.side.casefold(), " ".join(r.text.split())[:SAME_MEETING_CHARS])
            for r in request.readouts
        )
        if key in chosen:
            total -= 1
            if entered(request) <= entered(chosen[key][1]):
                continue
        chosen[key] = (row, request)
    return [_entry(row, request, query) for row, request in chosen.values()], total


def entered(request: ComparisonRequest) -> int:
    """How much of the optional fields a person filled in: title, date, sources and URLs."""
    fields = [request.title, request.date]
    fields += [part for r in request.readouts for part in (r.source, r.url)]
    return sum(1 for part in fields if part and not is_example_source(part))


def _entry(row: StoredComparison, request: ComparisonRequest, query: ComparisonQuery) -> HomeEntry:
    sources = [r.source for r in request.readouts]
    places = [("title", row.title or "")] + [(r.side, r.text) for r in request.readouts]
    return HomeEntry(
        row=row,
        example=any(is_example_source(s) for s in sources),
        partial=any(s is not None and "partial" in s for s in sources if is_example_source(s)),
        snippet=snippet(places, query.text) if query.text else None,
    )
