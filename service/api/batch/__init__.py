"""The web batch: its JSON endpoints and pages, the new-batch form, the trends charts."""

from service.api.batch.controllers import BatchController, BatchPageController

__all__ = ["BatchController", "BatchPageController"]
