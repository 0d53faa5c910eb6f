"""The comparisons domain service: run the pipeline, store the report, read it back."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import msgspec

from service.errors import InvalidInput, NotFound, ReadoutDiffError
from service.fetch import FetchPolicy, fill
from service.kept_history import HISTORY_LOCK, history_of, refresh_later, with_history
from service.meetings import entered, example_readout, meeting_body, meeting_key
from service.pipeline import compare_prepared, prepare
from service.pipeline.embed import Encoder
from service.pipeline.types import Readout, Report
from service.store import ComparisonQuery, Db, Store, StoredComparison

log = logging.getLogger("readout_diff")
EXAMPLES_LOCK = 7261002  # the exclusive lock under which examples load


class ComparisonRequest(msgspec.Struct, frozen=True, omit_defaults=True):
    """What was submitted, each readout with its text (fetched if it came as a URL), as every
    entry point hands it to `Comparisons` and as it is stored beside the report. The HTTP
    body's shape is `wire.ComparisonIn`, whose `to_request` is the one way from it to this."""

    readouts: list[Readout]
    title: str | None = None
    date: str | None = None

    @classmethod
    def stored(cls, raw: bytes) -> ComparisonRequest:
        """The request as a row (or a batch item) keeps it: the one decoder of stored requests."""
        return msgspec.json.decode(raw, type=cls)


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

    def submit(self, request: ComparisonRequest) -> Report:
        """Compare the request's readouts, store request and report, and return the report
        with its id and history.

        A readout with a URL and no text is fetched first (within `fetch_policy`)."""
        readouts, title, date = fill(list(request.readouts), request.title, request.date,
                                     self.fetch_policy)  # fmt: skip
        prepared = prepare(readouts, title=title, date=date, max_chars=self.max_readout_chars)
        report = compare_prepared(prepared, self.encoder)
        filled = msgspec.structs.replace(request, readouts=readouts, title=title, date=date)
        return self.save(report, filled)

    def save(
        self,
        report: Report,
        request: ComparisonRequest,
        *,
        also: Callable[[Db, str], None] | None = None,
    ) -> Report:
        """Store a computed report under a new id with its history, and bring the history of
        the later meetings of its sides up to date; `also` joins the insert's transaction,
        given the new id."""
        with self.store.exclusive(HISTORY_LOCK):
            stored = msgspec.structs.replace(
                report,
                id=uuid.uuid4().hex,
                created_at=datetime.now(UTC).isoformat(timespec="microseconds"),
                history=history_of(self.store, report, self.encoder),
            )
            joined = None if also is None else (lambda db: also(db, stored.id or ""))
            self.store.insert_comparison(_row(stored, request), also=joined)
            refresh_later(self.store, stored, self.encoder)
        return stored

    def count(self) -> int:
        return self.store.count_comparisons()

    def get(self, comparison_id: str) -> Report:
        """The stored report with its history (kept with it; a report stored before history
        was kept gets it on this first read, and keeps it)."""
        stored = self._stored(comparison_id)
        if stored.history_stored:
            return with_texts(msgspec.json.decode(stored.report, type=Report), stored.request)
        with self.store.exclusive(HISTORY_LOCK):
            report = with_history(self.store, stored, self.encoder)
            self.store.set_report(comparison_id, msgspec.json.encode(without_texts(report)))
        return with_texts(report, stored.request)

    def request_of(self, comparison_id: str) -> ComparisonRequest:
        return ComparisonRequest.stored(self._stored(comparison_id).request)

    def _stored(self, comparison_id: str) -> StoredComparison:
        stored = self.store.get_comparison(comparison_id)
        if stored is None:
            raise NotFound(f"no comparison with id {comparison_id!r}")
        return stored

    def page(self, query: ComparisonQuery) -> tuple[list[StoredComparison], int]:
        return self.store.list_comparisons(query)

    def delete(self, comparison_id: str) -> None:
        """Delete one comparison; the later meetings of its sides lose it from their history."""
        with self.store.exclusive(HISTORY_LOCK):
            report = msgspec.json.decode(self._stored(comparison_id).report, type=Report)
            if not self.store.delete_comparison(comparison_id):
                raise NotFound(f"no comparison with id {comparison_id!r}")
            refresh_later(self.store, report, self.encoder)

    def key_meetings(self) -> int:
        """Key the rows stored before meetings were keyed (the home list's one entry per
        meeting); returns how many. Done once: later rows are keyed as they are stored."""
        rows = self.store.unkeyed()
        for row in rows:
            request = ComparisonRequest.stored(row.request)
            self.store.set_meeting_key(
                row.id,
                meeting_key(request.readouts),
                entered(request.readouts, request.title, request.date),
            )
        return len(rows)

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
                self.submit(example)
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


def _row(report: Report, request: ComparisonRequest) -> StoredComparison:
    """The stored row of a report and its request."""
    return StoredComparison(
        id=report.id or "",
        title=request.title,
        date=request.date,
        sides=report.sides,
        created_at=report.created_at or "",
        summary={side: sum(e.side == side for e in report.emphases) for side in report.sides},
        request=msgspec.json.encode(request),
        report=msgspec.json.encode(without_texts(report)),
        meeting_key=meeting_key(request.readouts),
        entered=entered(request.readouts, request.title, request.date),
    )


def without_texts(report: Report) -> Report:
    """The report as stored: each readout's text is the request's to keep."""
    readouts = [msgspec.structs.replace(r, text="") for r in report.readouts]
    return msgspec.structs.replace(report, readouts=readouts)


def with_texts(report: Report, request: bytes) -> Report:
    """A stored report with each readout's text back from its stored request (by position)."""
    sent = ComparisonRequest.stored(request).readouts
    readouts = [
        msgspec.structs.replace(info, text=info.text or sent[n].text) if n < len(sent) else info
        for n, info in enumerate(report.readouts)
    ]
    return msgspec.structs.replace(report, readouts=readouts)
