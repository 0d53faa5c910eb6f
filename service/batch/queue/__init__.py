"""The service's batches: stored in the Store, claimed by the worker under leases, read back."""

from service.batch.queue.batches import MAX_BATCH, Batches
from service.batch.queue.records import UNFINISHED, BatchRecords, BatchRow, BatchSummary
from service.batch.queue.worker import BatchWorker

__all__ = [
    "MAX_BATCH",
    "UNFINISHED",
    "BatchRecords",
    "BatchRow",
    "BatchSummary",
    "BatchWorker",
    "Batches",
]
