"""The home page's list: one entry per distinct meeting, examples marked, search hits in context."""

from __future__ import annotations

from dataclasses import dataclass

from service.comparisons import Comparisons
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
    """One page of entries, newest meeting first, and the number of stored comparisons matched."""
    rows, total = service.page(query)
    entries: list[HomeEntry] = []
    seen: set[tuple[tuple[str, str], ...]] = set()
    for row in rows:
        request = service.request_of(row.id)
        key = tuple(
            (r.side.casefold(), " ".join(r.text.split())[:SAME_MEETING_CHARS])
            for r in request.readouts
        )
        if key in seen:
            total -= 1
            continue
        seen.add(key)
        sources = [r.source for r in request.readouts]
        places = [("title", row.title or "")] + [(r.side, r.text) for r in request.readouts]
        entries.append(
            HomeEntry(
                row=row,
                example=any(is_example_source(s) for s in sources),
                partial=any(
                    s is not None and "partial" in s for s in sources if is_example_source(s)
                ),
                snippet=snippet(places, query.text) if query.text else None,
            )
        )
    return entries, total
