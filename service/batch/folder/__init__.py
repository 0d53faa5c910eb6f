"""A batch into an output folder (`readout-diff batch`): a journal so reruns resume, reports, trends."""

from service.batch.folder.journal import JOURNAL, Journal
from service.batch.folder.run import BatchResult, run_into_folder

__all__ = ["JOURNAL", "BatchResult", "Journal", "run_into_folder"]
