"""The comparisons domain service: run the pipeline, store the report, read it back."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import msgspec

from service.errors import InvalidInput, NotFound, ReadoutDiffError
from service.fetch import FetchPolicy, fill
from service.meetings import example_readout, meeting_body
from service.pipeline import compare_prepared, prepare
from service.pipeline.embed import Encoder
from service.pipeline.history import CANDIDATES, earlier_meetings, precedents
from service.pipeline.types import Readout, Report
from service.store import ComparisonQuery, Db, Store, StoredComparison

log = logging.getLogger("readout_diff")
EXAMPLES_LOCK = 7261002  # the exclusive lock under which examples load


class ComparisonRequest(msgspec.Struct, frozen=True, omit_defaults=True):
    """What was submitted, stored beside the report (the body of POST /api/comparisons)."""

    readouts: list[Readout]
    title: str | None = None
    date: str | None = None


class Comparisons:
    """Submit, fetch, list and delete comparisons; the API, pages and batch all go through here."""

    def __init__(
        self,
        store: Store,
        encoder: Encoder,
        *,
        max_readout_chars: int = 100_000,
        fetch_policy: FetchPolicy | None = None,
    ) -> None:
        self.store = store
        self.encoder = encoder
        self.max_readout_chars = max_readout_chars
        # Off unless the settings name hosts: the server fetches nothing on a client's say-so.
        self.fetch_policy = fetch_policy or FetchPolicy(hosts=())

    def submit(
        self, readouts: Sequence[Readout], *, title: str | None = None, date: str | None = None
    ) -> Report:
        """Compare the readouts, store request and report, and return the report with its id.

        A readout with a URL and no text is fetched first (within `fetch_policy`)."""
        readouts, title, date = fill(list(readouts), title, date, self.fetch_policy)
        prepared = prepare(readouts, title=title, date=date, max_chars=self.max_readout_chars)
        report = compare_prepared(prepared, self.encoder)
        request = ComparisonRequest(readouts=list(readouts), title=title, date=date)
        return self.save(report, request)

    def save(
        self,
        report: Report,
        request: ComparisonRequest,
        *,
        also: Callable[[Db], None] | None = None,
    ) -> Report:
        """Store a computed report under a new id; `also` joins the same transaction."""
        report.id = uuid.uuid4().hex
        report.created_at = datetime.now(UTC).isoformat(timespec="microseconds")
        self.store.insert_comparison(
            StoredComparison(
                id=report.id,
                title=request.title,
                date=request.date,
                sides=report.sides,
                created_at=report.created_at,
                summary={
                    side: sum(e.side == side for e in report.emphases) for side in report.sides
                },
                request=msgspec.json.encode(request),
                report=msgspec.json.encode(report),
            ),
            also=also,
        )
        return report

    def count(self) -> int:
        return self.store.count_comparisons()

    def get(self, comparison_id: str) -> Report:
        """The stored report, with its history when the store holds earlier meetings of the same
        two sides (computed on reading: a meeting stored later may be an earlier one)."""
        stored = self.store.get_comparison(comparison_id)
        if stored is None:
            raise NotFound(f"no comparison with id {comparison_id!r}")
        return self.with_history(msgspec.json.decode(stored.report, type=Report))

    def with_history(self, report: Report) -> Report:
        """`report` with its history against the earlier meetings the store holds (computed on
        reading, never stored: a meeting stored later may be an earlier one)."""
        report.history = precedents(report, self.earlier(report), self.encoder)
        return report

    def earlier(self, report: Report) -> list[Report]:
        """The stored meetings of the same two sides before this one (`earlier_meetings`)."""
        if report.date is None or len(report.sides) != 2:
            return []
        query = ComparisonQuery(limit=CANDIDATES, side=report.sides[0],
                                date_to=report.date, by_meeting_date=True)  # fmt: skip
        rows = [r for r in self.store.list_comparisons(query)[0] if r.date != report.date]
        stored = (self.store.get_comparison(r.id) for r in rows)
        found = [msgspec.json.decode(s.report, type=Report) for s in stored if s is not None]
        return earlier_meetings(report, found)

    def request_of(self, comparison_id: str) -> ComparisonRequest:
        stored = self.store.get_comparison(comparison_id)
        if stored is None:
            raise NotFound(f"no comparison with id {comparison_id!r}")
        return msgspec.json.decode(stored.request, type=ComparisonRequest)

    def page(self, query: ComparisonQuery) -> tuple[list[StoredComparison], int]:
        return self.store.list_comparisons(query)

    def delete(self, comparison_id: str) -> None:
        if not self.store.delete_comparison(comparison_id):
            raise NotFound(f"no comparison with id {comparison_id!r}")

    def load_examples(self, folder: Path) -> int:
        """Compare each fixture pair under `folder` if the store is empty; returns how many.

        Oldest meeting first, so the newest-first list starts with the latest meeting. Several
        instances starting at once on one database load them once (under an exclusive lock).
        """
        if not folder.is_dir():
            return 0
        with self.store.exclusive(EXAMPLES_LOCK):
            return 0 if self.count() > 0 else self._load_examples(folder)

    def _load_examples(self, folder: Path) -> int:
        loaded = 0
        for pair in sorted(folder.iterdir()):
            example = example_pair(pair)
            if example is None:
                continue
            try:
                self.submit(example.readouts, title=example.title, date=example.date)
            except ReadoutDiffError as error:  # one bad fixture must not stop the service
                log.warning("example %s skipped: %s", pair.name, error)
                continue
            loaded += 1
        return loaded


def example_pair(folder: Path) -> ComparisonRequest | None:
    """A fixture meeting folder as a request, or None when it is not one."""
    try:
        body = meeting_body(folder)
    except InvalidInput:
        return None
    readouts = [Readout(**example_readout(side)) for side in body["readouts"]]  # type: ignore[attr-defined]
    return ComparisonRequest(readouts=readouts, title=str(body["title"]), date=str(body["date"]))
