"""What every table of the Store reads and writes through: its backend's transactions."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TypeVar

from service.store.backend import Backend, Db, Dialect

T = TypeVar("T")


class Access:
    """The backend's `write()` (one transaction each) and `read()` (one snapshot each)."""

    backend: Backend

    @property
    def dialect(self) -> Dialect:
        return self.backend.dialect

    def write(self, action: Callable[[Db], T]) -> T:
        """Run `action` in one transaction; the only way anything is written."""
        return self.backend.write(action)

    def read(self) -> AbstractContextManager[Db]:
        """A connection for consistent reads (one snapshot per `with`)."""
        return self.backend.read()
