"""A real `readout-diff serve` process on a free loopback port, for tests that need one."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.conftest import ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class LiveServer:
    process: subprocess.Popen[bytes]
    url: str
    log: Path

    def kill(self) -> None:
        """SIGKILL: no shutdown hooks, no flushing; what a power cut or OOM kill does."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)


def server_env(data: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "READOUT_DIFF_DATA": str(data),
        "READOUT_DIFF_ENCODER": "fake",
        "READOUT_DIFF_EXAMPLES": "0",
        **extra,
    }


@contextmanager
def live_server(data: Path, *, wait_s: float = 60.0, **extra: str) -> Iterator[LiveServer]:
    """Start the server on the data folder, wait for /health, and always stop it afterwards."""
    port = free_port()
    log = data.parent / f"server-{port}.log"
    data.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "service.cli", "serve", "--port", str(port)],
            env=server_env(data, **extra),
            cwd=data.parent,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    server = LiveServer(process, f"http://127.0.0.1:{port}", log)
    try:
        _wait_healthy(server, wait_s)
        yield server
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()


def _wait_healthy(server: LiveServer, wait_s: float) -> None:
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"server exited: {server.log.read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"{server.url}/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"server not healthy after {wait_s} s")
