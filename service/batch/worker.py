"""The background worker of the service: runs queued batches on one thread, resumes on start."""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading

from service.batch.records import BatchRecords
from service.batch.runner import run_items
from service.batch.trends import to_json, trends_of
from service.comparisons import ComparisonRequest, Comparisons
from service.pipeline.types import Report
from service.settings import DEFAULT_BATCH_CHUNK

log = logging.getLogger("readout_diff.batch")


class BatchWorker:
    """One thread, one batch at a time; requests keep being served by the web threads."""

    def __init__(
        self, records: BatchRecords, comparisons: Comparisons, *, chunk: int = DEFAULT_BATCH_CHUNK
    ) -> None:
        self.records = records
        self.comparisons = comparisons
        self.chunk = chunk
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> int:
        """Queue the batches a previous run left unfinished, then start; returns how many."""
        unfinished = self.records.unfinished()
        for batch_id in unfinished:
            self._queue.put(batch_id)
        self._thread = threading.Thread(target=self._loop, name="batch-worker", daemon=True)
        self._thread.start()
        return len(unfinished)

    def enqueue(self, batch_id: str) -> None:
        self._queue.put(batch_id)

    def stop(self, timeout: float = 60.0) -> None:
        """Finish the meeting in hand and stop; the rest waits, journalled, for the next start."""
        self._stopping.set()
        self._queue.put(None)
        if self._thread is not None:
            self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stopping.is_set():
            batch_id = self._queue.get()
            try:
                if batch_id is not None:
                    self.run(batch_id)
            except Exception as error:  # one broken batch must not stop the others
                log.exception("batch %s failed", batch_id)
                self.records.set_status(str(batch_id), "failed", error=f"internal error: {error}")
            finally:
                self._queue.task_done()

    def run(self, batch_id: str) -> bool:
        """Run what is pending in one batch; True when it finished, False when stopped."""
        self.records.set_status(batch_id, "running")
        pending = self.records.pending(batch_id)
        for outcome in run_items(pending, self.comparisons.encoder, chunk=self.chunk):
            position = int(outcome.item.key)
            if outcome.report is not None and outcome.item.body is not None:
                self._save(batch_id, position, outcome.report, outcome.item.body)
            else:
                self.records.mark_error(batch_id, position, outcome.error or "failed")
            if self._stopping.is_set():
                return False
        reports = self.records.reports(batch_id)
        trends = trends_of(reports, self.comparisons.encoder)
        self.records.set_status(batch_id, "done", trends=to_json(trends))
        return True

    def _save(
        self, batch_id: str, position: int, report: Report, request: ComparisonRequest
    ) -> None:
        """Store the comparison and mark its item done in one transaction: never twice."""

        def mark(db: sqlite3.Connection) -> None:
            self.records.mark_ok(db, batch_id, position, report.id or "")

        self.comparisons.save(report, request, also=mark)
