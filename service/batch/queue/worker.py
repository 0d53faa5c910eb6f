"""The background worker of the service: claims unfinished batches from the store and runs them.

Several service processes may share one database: each worker claims a batch under a lease it
renews while it works; a batch whose owner died (lease expired) is taken over by another.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable, Iterator
from itertools import chain

from service.batch.fetching import fetched
from service.batch.items import Item
from service.batch.queue.records import UNFINISHED, BatchRecords
from service.batch.runners.local import run_items
from service.batch.trends.tally import to_json, trends_of
from service.comparisons import ComparisonRequest, Comparisons
from service.errors import ItemTaken, LeaseLost
from service.pipeline.types import Report
from service.settings import DEFAULT_BATCH_CHUNK, DEFAULT_BATCH_LEASE
from service.store import Db

log = logging.getLogger("readout_diff.batch")
POLL_SECONDS = 1.0


class BatchWorker:
    """One thread, one batch at a time; requests keep being served by the web threads."""

    def __init__(
        self,
        records: BatchRecords,
        comparisons: Comparisons,
        *,
        chunk: int = DEFAULT_BATCH_CHUNK,
        lease: float = DEFAULT_BATCH_LEASE,
        engine: Callable[[list[Item]], Iterator[Item]] | None = None,
    ) -> None:
        self.records = records
        self.comparisons = comparisons
        self.chunk = chunk
        self.lease = lease
        self.engine = engine  # the Ray engine when READOUT_DIFF_RAY_ADDRESS is set
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._lost = threading.Event()
        self._current: str | None = None
        self._threads: list[threading.Thread] = []

    def start(self) -> int:
        """Start the worker and its lease heartbeat; returns how many batches wait unfinished."""
        waiting = len(self.records.unfinished())
        for name, target in (("batch-worker", self._loop), ("batch-lease", self._heartbeat)):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)
        return waiting

    def enqueue(self, batch_id: str) -> None:
        """A batch was stored: look for work now rather than at the next poll."""
        self._wake.set()

    def stop(self, timeout: float = 60.0) -> None:
        """Finish the meeting in hand and stop; the rest waits for the next start (any instance)."""
        self._stopping.set()
        self._wake.set()
        for thread in self._threads:
            thread.join(timeout)

    def _loop(self) -> None:
        while not self._stopping.is_set():
            try:
                batch_id = self.records.claim(self.owner, self.lease)
            except Exception:  # the database may be briefly unreachable: try again later
                log.exception("claiming a batch failed")
                batch_id = None
            if batch_id is None:
                self._wake.wait(POLL_SECONDS)
                self._wake.clear()
                continue
            self._work(batch_id)

    def _work(self, batch_id: str) -> None:
        try:
            self.run(batch_id)
        except LeaseLost:
            log.warning("batch %s: lease lost to another instance; dropped", batch_id)
        except Exception as error:  # one broken batch must not stop the others
            log.exception("batch %s failed", batch_id)
            self.records.set_status(
                batch_id, "failed", error=f"internal error: {error}", owner=self.owner
            )

    def _heartbeat(self) -> None:
        while not self._stopping.wait(self.lease / 3):
            current = self._current
            try:
                if current is not None and not self.records.renew(current, self.owner, self.lease):
                    self._lost.set()
            except Exception:  # a missed renewal is retried; the lease has slack for two
                log.exception("renewing the lease of batch %s failed", current)

    def run(self, batch_id: str) -> bool:
        """Claim and run what is pending in one batch; True when it finished, False when stopped."""
        if self.records.claim(self.owner, self.lease, batch_id) != batch_id:
            raise LeaseLost(batch_id)
        self._current, finished = batch_id, False
        self._lost.clear()
        try:
            finished = self._run_claimed(batch_id)
        finally:
            self._current = None
            if not finished:
                self.records.release(batch_id, self.owner)
        return finished

    def _run_claimed(self, batch_id: str) -> bool:
        pending, refused = fetched(self.records.pending(batch_id), self.comparisons.fetch_policy)
        outcomes = (
            self.engine(pending)
            if self.engine
            else run_items(pending, self.comparisons.encoder, chunk=self.chunk)
        )
        for item in chain(refused, outcomes):
            if self._lost.is_set():
                raise LeaseLost(batch_id)
            position = int(item.key)
            if item.outcome is not None and item.body is not None:
                self._save(batch_id, position, item.outcome, item.body)
            else:
                self.records.mark_error(batch_id, position, item.error or "failed", self.owner)
            if self._stopping.is_set():
                return False
        reports = self.records.reports(batch_id)
        trends = trends_of(reports, self.comparisons.encoder)
        self.records.set_status(batch_id, "done", trends=to_json(trends), owner=self.owner)
        return True

    def _save(
        self, batch_id: str, position: int, report: Report, request: ComparisonRequest
    ) -> None:
        """Store the comparison and mark its item done in one transaction: never twice."""

        def mark(db: Db, comparison_id: str) -> None:
            self.records.mark_ok(db, batch_id, position, comparison_id, self.owner)

        try:
            self.comparisons.save(report, request, also=mark)
        except ItemTaken:
            if self._lost.is_set() or not self.records.renew(batch_id, self.owner, self.lease):
                raise LeaseLost(batch_id) from None
            log.warning("batch %s item %d was already done; kept the first", batch_id, position)


__all__ = ["UNFINISHED", "BatchWorker"]
