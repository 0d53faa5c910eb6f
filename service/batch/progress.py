"""Progress of a batch on the terminal: a rich bar with done, failed and meetings per minute."""

from __future__ import annotations

import sys
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


class BatchProgress:
    """A context manager; `advance(ok)` after each finished meeting. Quiet when disabled."""

    def __init__(
        self,
        total: int,
        done: int = 0,
        failed: int = 0,
        *,
        enabled: bool = True,
        stream: TextIO | None = None,
    ) -> None:
        self.failed = failed
        self._enabled = enabled
        console = Console(file=stream or sys.stderr)
        self._progress = Progress(
            TextColumn("[bold]batch"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[failed]} failed"),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            disable=not enabled,
            transient=False,
        )
        self._task: TaskID = self._progress.add_task(
            "batch", total=total, completed=done, failed=failed, rate=""
        )
        self._first = done

    def __enter__(self) -> BatchProgress:
        self._progress.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._progress.stop()

    def advance(self, ok: bool) -> None:
        self.failed += 0 if ok else 1
        task = self._progress.tasks[0]
        elapsed = task.elapsed or 0.0
        finished = task.completed + 1 - self._first
        rate = f"{finished / elapsed * 60:.0f} meetings/min" if elapsed > 1 else ""
        self._progress.update(self._task, advance=1, failed=self.failed, rate=rate)
