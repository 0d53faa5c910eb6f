"""A real `readout-diff serve` for tests: the bench harness with the fake encoder, no examples."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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


def call(url: str, payload: Any = None, *, timeout: float = 60) -> Any:
    """The JSON answer of a GET, or of a POST of `payload` as JSON."""
    data = None if payload is None else json.dumps(payload).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())
