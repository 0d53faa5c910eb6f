"""One harness for benches and tests: a real `readout-diff serve` on a free port, and percentiles.

`serve()` starts the server as a child process on a free loopback port with its own data folder,
waits for GET /health to answer 200 (timed from launch) and always stops it afterwards.

`percentile()` is the one definition every printed p50/p95/p99 uses: linear interpolation
between the two nearest ranks, numpy's default (`numpy.quantile(values, share)`, "linear"), the
same as `statistics.quantiles(..., method="inclusive")`; p50 is then the median.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
POLL_S = 0.02


def percentile(values: Sequence[float], share: float) -> float:
    """The `share` (0..1) quantile of `values` by linear interpolation (numpy's default)."""
    if not values:
        raise ValueError("no values to take a percentile of")
    return float(np.quantile(np.asarray(values, dtype=float), share))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Server:
    """A running `readout-diff serve` child process and where it answers."""

    process: subprocess.Popen[bytes]
    url: str
    log: Path | None
    started: float
    ready_s: float = 0.0  # seconds from launch until /health first answered 200

    def wait_healthy(self, wait_s: float) -> float:
        """Block until /health answers 200; the seconds since launch."""
        while time.perf_counter() - self.started < wait_s:
            if self.process.poll() is not None:
                tail = self.log.read_text(errors="replace")[-2000:] if self.log else ""
                raise RuntimeError(f"server exited with code {self.process.returncode}: {tail}")
            try:
                if httpx.get(f"{self.url}/health", timeout=2).status_code == 200:
                    return time.perf_counter() - self.started
            except httpx.TransportError:
                pass
            time.sleep(POLL_S)
        raise RuntimeError(f"server not healthy after {wait_s} s")

    def cpu_seconds(self) -> float:
        """User plus system CPU time the server process has used so far."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def peak_rss_mb(self) -> float:
        """The process's peak resident memory (VmHWM) so far, in MB."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        peak = next(line for line in status.splitlines() if line.startswith("VmHWM"))
        return int(peak.split()[1]) / 1024

    def kill(self) -> None:
        """SIGKILL: no shutdown hooks, no flushing; what a power cut or OOM kill does."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        """SIGTERM, and SIGKILL if it has not exited within 15 s."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()


@contextmanager
def serve(
    data: Path,
    settings: Mapping[str, str] | None = None,
    *,
    wait_s: float = 120.0,
    logs: Path | None = None,
) -> Iterator[Server]:
    """Start the server on `data` (READOUT_DIFF_* variables in `settings`), wait for /health,
    and always stop it afterwards.

    Output goes to `logs`/server-<port>.log (without `logs`, beside `data`), so a server that
    fails to start says why; the child runs in `data`'s parent folder.
    """
    port = free_port()
    log = (logs or data.parent) / f"server-{port}.log"
    data.mkdir(parents=True, exist_ok=True)
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "READOUT_DIFF_DATA": str(data)}
    environment |= settings or {}
    command = [sys.executable, "-m", "service.cli", "serve", "--port", str(port)]
    started = time.perf_counter()
    with log.open("wb") as sink:
        process = subprocess.Popen(
            command, env=environment, cwd=data.parent, stdout=sink, stderr=subprocess.STDOUT
        )
    server = Server(process, f"http://127.0.0.1:{port}", log, started)
    try:
        server.ready_s = server.wait_healthy(wait_s)
        yield server
    finally:
        server.stop()


def wants_errors(doc: str | None, what: str) -> bool:
    """A labelled-set bench's one option: `--errors` lists `what` after the figures."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--errors", action="store_true", help=f"list {what}")
    return bool(parser.parse_args().errors)
