"""A real `readout-diff serve` for tests: the bench harness with the fake encoder, no examples."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.harness import Server, serve

LiveServer = Server


@contextmanager
def live_server(data: Path, *, wait_s: float = 60.0, **extra: str) -> Iterator[LiveServer]:
    """Start the server on the data folder, wait for /health, and always stop it afterwards.

    Its output goes to server-<port>.log beside the data folder; `extra` sets READOUT_DIFF_*.
    """
    settings = {"READOUT_DIFF_ENCODER": "fake", "READOUT_DIFF_EXAMPLES": "0", **extra}
    with serve(data, settings, wait_s=wait_s, logs=data.parent) as server:
        yield server
