"""The web service, measured from outside: start-to-/health, POST latency, cache hits, peak RSS.

1. Start: `readout-diff serve` with the default settings (examples loaded) on an empty data
   folder, timed from launch until GET /health answers 200; median of --starts launches.
2. Latency: a server with --no-examples on an empty data folder, warmed by one request, then
   POST /api/comparisons for pairs of ~2,000-character readouts that it has never seen (all
   English fixture readouts in a row, cut at sentence ends; no text is sent twice, so every claim
   is embedded but the few boilerplate sentences that real readouts share), each pair then
   resubmitted unchanged (every vector an embedding-cache hit). Repeated over --rounds fresh servers; prints p50/p95 of both.
3. Peak RSS: VmHWM of each server process when it is stopped (the largest is printed).

Targets (issue 6): start <= 10 s, p50 <= 250 ms, resubmission <= 20 ms, peak RSS <= 900 MB.

Usage: python bench/serving.py [--encoder minilm-onnx-int8] [--rounds 3] [--starts 3]
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SENTENCE_END = re.compile(r"[.!?]\s+")
TARGETS = {"start": 10.0, "p50": 0.250, "hit": 0.020, "rss": 900.0}


def documents(size: int = 2000) -> list[str]:
    """All English fixture readouts, one after another, cut at sentence ends into ~`size` chars.

    Each stretch of text is in one document only; what repeats is the readouts' own
    boilerplate (9 of 294 sentences), which a service would find in its cache too.
    """
    paths = sorted(FIXTURES.glob("singles/*.txt")) + sorted(FIXTURES.glob("pairs/*/*.txt"))
    texts = [p.read_text(encoding="utf-8").strip() for p in paths if not p.stem.endswith("_ko")]
    stream = "\n\n".join(texts)
    found, start = [], 0
    while len(stream) - start > size * 0.9:
        window = stream[start : start + int(size * 1.1)]
        ends = [m.end() for m in SENTENCE_END.finditer(window) if m.end() >= size * 0.9]
        end = start + (min(ends, key=lambda e: abs(e - size)) if ends else len(window))
        found.append(stream[start:end].strip())
        start = end
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Server:
    """`readout-diff serve` in a child process on a free port and its own data folder."""

    def __init__(self, encoder: str, examples: bool) -> None:
        self.data = tempfile.TemporaryDirectory(prefix="bench-service-")
        self.port = free_port()
        env = {**os.environ, "PYTHONPATH": str(ROOT), "READOUT_DIFF_ENCODER": encoder}
        command = [sys.executable, "-m", "service.cli", "serve", "--port", str(self.port)]
        command += ["--data", self.data.name] + ([] if examples else ["--no-examples"])
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self.url = f"http://127.0.0.1:{self.port}"

    def wait_healthy(self, timeout: float = 120.0) -> float:
        """Seconds from launch until /health answers 200."""
        while time.perf_counter() - self.started < timeout:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited with code {self.process.returncode}")
            try:
                if httpx.get(f"{self.url}/health", timeout=1.0).status_code == 200:
                    return time.perf_counter() - self.started
            except httpx.TransportError:
                pass
            time.sleep(0.02)
        raise RuntimeError("the server did not answer /health in time")

    def cpu_seconds(self) -> float:
        """User plus system CPU time the server process has used so far."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> float:
        """Stop the server; its peak resident memory in MB."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        peak = next(
            int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM")
        )
        self.process.terminate()
        self.process.wait(timeout=30)
        self.data.cleanup()
        return peak / 1024


def body(a: str, b: str) -> dict[str, Any]:
    return {"readouts": [{"side": "A", "text": a}, {"side": "B", "text": b}]}


def post(client: httpx.Client, payload: dict[str, Any]) -> float:
    start = time.perf_counter()
    response = client.post("/api/comparisons", json=payload)
    spent = time.perf_counter() - start
    if response.status_code != 201:
        raise RuntimeError(f"POST answered {response.status_code}: {response.text[:200]}")
    return spent


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--encoder", default=os.environ.get("READOUT_DIFF_ENCODER", ""))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--starts", type=int, default=3)
    args = parser.parse_args()
    if not args.encoder:
        sys.path.insert(0, str(ROOT))
        from service.settings import Settings

        args.encoder = Settings.from_env().encoder
    texts = documents()
    warm_up, texts = texts[:2], texts[2:]
    pairs = list(zip(texts[::2], texts[1::2], strict=False))
    starts, peaks, misses, hits = [], [], [], []
    cpu_miss: list[float] = []
    cpu_hit: list[float] = []
    for _ in range(args.starts):
        server = Server(args.encoder, examples=True)
        starts.append(server.wait_healthy())
        peaks.append(server.stop())
    for _ in range(args.rounds):
        server = Server(args.encoder, examples=False)
        server.wait_healthy()
        with httpx.Client(base_url=server.url, timeout=60.0) as client:
            post(client, body(*warm_up))
            for a, b in pairs:
                before = server.cpu_seconds()
                misses.append(post(client, body(a, b)))
                middle = server.cpu_seconds()
                hits.append(post(client, body(a, b)))
                cpu_miss.append(middle - before)
                cpu_hit.append(server.cpu_seconds() - middle)
        peaks.append(server.stop())
    chars = statistics.mean(len(t) for pair in pairs for t in pair)
    figures = {
        "start": statistics.median(starts),
        "p50": statistics.median(misses),
        "hit": statistics.median(hits),
        "rss": max(peaks),
    }
    print(f"encoder {args.encoder}; {len(pairs)} new pairs a round, {args.rounds} rounds, ")
    print(f"readouts of {chars:.0f} characters on average\n")
    print("| figure | measured | target |")
    print("|---|---|---|")
    print(f"| start to /health (median of {args.starts}) | {figures['start']:.2f} s | <= 10 s |")
    print(f"| POST, new readouts, p50 | {figures['p50'] * 1000:.0f} ms | <= 250 ms |")
    print(f"| POST, new readouts, p95 | {percentile(misses, 0.95) * 1000:.0f} ms | |")
    print(f"| POST, resubmitted (cache hit), p50 | {figures['hit'] * 1000:.1f} ms | <= 20 ms |")
    print(f"| POST, resubmitted (cache hit), p95 | {percentile(hits, 0.95) * 1000:.1f} ms | |")
    print(f"| peak RSS of the server | {figures['rss']:.0f} MB | <= 900 MB |")
    print(
        f"| server CPU time per POST, new readouts (mean) | {statistics.mean(cpu_miss) * 1000:.0f} ms | |"
    )
    print(
        f"| server CPU time per POST, resubmitted (mean) | {statistics.mean(cpu_hit) * 1000:.0f} ms | |"
    )
    print(
        f"\nload average while measuring (1/5/15 min): {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    failed = [name for name, value in figures.items() if value > TARGETS[name]]
    print("\nall at or under target" if not failed else f"\nover target: {', '.join(failed)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
