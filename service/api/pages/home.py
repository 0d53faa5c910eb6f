"""The home page's list: one entry per distinct meeting, examples marked, search hits in context."""

from __future__ import annotations

from dataclasses import dataclass

import msgspec

from service.comparisons import ComparisonRequest, Comparisons
from service.meetings import is_example_source
from service.render.snippet import Snippet, snippet
from service.store import ComparisonQuery, StoredComparison


@dataclass
class HomeEntry:
    row: StoredComparison
    example: bool
    partial: bool
    snippet: Snippet | None


def home_entries(service: Comparisons, query: ComparisonQuery) -> tuple[list[HomeEntry], int]:
    """One page of entries, newest meeting first, and the number of meetings matched, in one
    query: a meeting stored twice (submitted through the form, then again in a batch) is
    listed once, at its newest place, as the copy that holds the most of what a person
    entered (`meetings.meeting_key`, `meetings.entered`)."""
    one_each = msgspec.structs.replace(query, one_per_meeting=True, with_requests=True)
    rows, total = service.page(one_each)
    return [_entry(row, query) for row in rows], total


def _entry(row: StoredComparison, query: ComparisonQuery) -> HomeEntry:
    request = ComparisonRequest.stored(row.request)
    sources = [r.source for r in request.readouts]
    places = [("title", row.title or "")] + [(r.side, r.text) for r in request.readouts]
    return HomeEntry(
        row=row,
        example=any(is_example_source(s) for s in sources),
        partial=any(s is not None and "partial" in s for s in sources if is_example_source(s)),
        snippet=snippet(places, query.text) if query.text else None,
    )
