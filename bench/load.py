"""Load on loopback: N clients for S seconds against a real `readout-diff serve`, then /health
while a batch runs. Starts and stops everything itself; prints errors, counts, p50 and p99
(bench/harness.py's percentile).

Each client loops over a mix: POST a new comparison (20%), GET one (40%), GET a page of the
list (25%), GET /health (15%). Every POST is a real fixture pair whose every sentence carries
a fresh number, so no claim is in the embedding cache: the model encodes each one (the worst
case). Phase two runs `readout-diff batch` on the same data folder (shared embedding cache) and
samples /health every 100 ms until the batch ends or --batch-seconds pass. The server's peak
RSS is printed after each phase, against the 900 MB target.

Usage: python bench/load.py [--clients 20] [--seconds 60] [--batch-seconds 60] [--encoder NAME]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.harness import ROOT, percentile, serve

# The server's peak resident memory must stay under this (docs/performance.md).
RSS_TARGET_MB = 900
MIX = [("POST", 0.20), ("GET one", 0.40), ("GET list", 0.25), ("/health", 0.15)]


def _pairs() -> list[tuple[str, str, str]]:
    pairs = []
    for folder in sorted((ROOT / "fixtures" / "pairs").iterdir()):
        files = sorted(p for p in folder.glob("*.txt") if p.stem.isalpha())
        if len(files) == 2:
            a, b = (p.read_text(encoding="utf-8") for p in files)
            pairs.append((folder.name, a, b))
    return pairs


def _numbered(text: str, n: int) -> str:
    return text.replace(". ", f" (session {n}). ").replace(".\n", f" (session {n}).\n")


class Load:
    """Shared state of the clients: ids to read, latencies and errors per request kind."""

    def __init__(self, url: str, pairs: list[tuple[str, str, str]]) -> None:
        self.url, self.pairs = url, pairs
        self.ids: list[str] = []
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, list[str]] = defaultdict(list)
        self.lock = threading.Lock()
        self.counter = itertools.count(1)

    def body(self) -> dict[str, object]:
        n = next(self.counter)
        name, a, b = self.pairs[n % len(self.pairs)]
        return {
            "title": f"{name} #{n}",
            "readouts": [
                {"side": "A", "text": _numbered(a, n)},
                {"side": "B", "text": _numbered(b, n)},
            ],
        }

    def one(self, client: httpx.Client, kind: str) -> None:
        started = time.perf_counter()
        try:
            if kind == "POST":
                response, want = client.post("/api/comparisons", json=self.body()), 201
            elif kind == "GET one" and self.ids:
                response, want = client.get(f"/api/comparisons/{random.choice(self.ids)}"), 200
            elif kind == "GET list":
                response, want = client.get("/api/comparisons", params={"limit": 20}), 200
            else:
                kind = "/health"
                response, want = client.get("/health"), 200
            failed = None if response.status_code == want else f"{response.status_code}"
        except httpx.HTTPError as error:
            failed = type(error).__name__
        elapsed = time.perf_counter() - started
        with self.lock:
            self.latency[kind].append(elapsed)
            if failed:
                self.errors[kind].append(failed)
            elif kind == "POST":
                self.ids.append(response.json()["id"])

    def client(self, stop: float, seed: int) -> None:
        rng = random.Random(seed)
        kinds, weights = zip(*MIX, strict=True)
        with httpx.Client(base_url=self.url, timeout=120) as client:
            while time.monotonic() < stop:
                self.one(client, rng.choices(kinds, weights)[0])


def _settings(encoder: str | None) -> dict[str, str]:
    """READOUT_DIFF_* for the server and the batch: no examples, the encoder if one is named."""
    return {"READOUT_DIFF_EXAMPLES": "0"} | ({"READOUT_DIFF_ENCODER": encoder} if encoder else {})


def _print_table(title: str, latency: dict[str, list[float]], errors: dict[str, list[str]]) -> None:
    print(f"\n{title}")
    print(f"{'request':<10} {'count':>7} {'errors':>7} {'p50 ms':>9} {'p99 ms':>9}")
    for kind in [k for k, _ in MIX if k in latency]:
        p50, p99 = (percentile(latency[kind], share) * 1000 for share in (0.5, 0.99))
        print(f"{kind:<10} {len(latency[kind]):>7} {len(errors[kind]):>7} {p50:>9.1f} {p99:>9.1f}")
    total_errors = sum(len(e) for e in errors.values())
    print(f"errors: {total_errors}" + (f" {dict(errors)}" if total_errors else ""))


def _health_during_batch(url: str, data: Path, encoder: str | None, seconds: float) -> None:
    pairs = _pairs()
    source = data.parent / "batch.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for n in range(200):
            name, a, b = pairs[n % len(pairs)]
            readouts = [
                {"side": "A", "text": _numbered(a, 10**6 + n)},
                {"side": "B", "text": _numbered(b, 10**6 + n)},
            ]
            out.write(json.dumps({"title": name, "readouts": readouts}) + "\n")
    command = [
        sys.executable,
        "-m",
        "service.cli",
        "batch",
        str(source),
        "--out",
        str(data.parent / "out"),
        "--no-progress",
    ]
    if encoder:
        command += ["--encoder", encoder]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "READOUT_DIFF_DATA": str(data)}
    batch = subprocess.Popen(
        command, env=env | _settings(encoder), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    latency: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, list[str]] = defaultdict(list)
    stop = time.monotonic() + seconds
    with httpx.Client(base_url=url, timeout=30) as client:
        while batch.poll() is None and time.monotonic() < stop:
            started = time.perf_counter()
            try:
                if client.get("/health").status_code != 200:
                    errors["/health"].append("status")
            except httpx.HTTPError as error:
                errors["/health"].append(type(error).__name__)
            latency["/health"].append(time.perf_counter() - started)
            time.sleep(0.1)
    ran = seconds - max(0.0, stop - time.monotonic())
    if batch.poll() is None:
        batch.kill()
        batch.wait()
    done = data.parent / "out" / "journal.jsonl"
    meetings = len(done.read_text().splitlines()) if done.exists() else 0
    _print_table(
        f"/health every 100 ms while `readout-diff batch` ran ({ran:.0f} s, {meetings} meetings compared)",
        latency,
        errors,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--batch-seconds", type=float, default=60.0)
    parser.add_argument(
        "--encoder", default=None, help="READOUT_DIFF_ENCODER (default: the service's)"
    )
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="readout-diff-load-") as folder,
        serve(Path(folder) / "data", _settings(args.encoder), wait_s=180) as server,
    ):
        url, data = server.url, Path(folder) / "data"
        model = httpx.get(f"{url}/health").json()["model"]
        load = Load(url, _pairs())
        for _ in range(3):  # something to read from the start
            load.one(httpx.Client(base_url=url, timeout=120), "POST")
        load.latency.clear()
        stop = time.monotonic() + args.seconds
        clients = [
            threading.Thread(target=load.client, args=(stop, n)) for n in range(args.clients)
        ]
        started = time.monotonic()
        for thread in clients:
            thread.start()
        for thread in clients:
            thread.join()
        wall = time.monotonic() - started
        total = sum(len(v) for v in load.latency.values())
        print(
            f"encoder {model}; {args.clients} clients for {wall:.0f} s on {os.cpu_count()} CPUs: {total} requests, {total / wall:.1f}/s"
        )
        _print_table("mixed load", load.latency, load.errors)
        print(
            f"server peak RSS after the mixed load: {server.peak_rss_mb():.0f} MB (target {RSS_TARGET_MB})"
        )
        _health_during_batch(url, data, args.encoder, args.batch_seconds)
        print(f"server peak RSS at the end: {server.peak_rss_mb():.0f} MB (target {RSS_TARGET_MB})")


if __name__ == "__main__":
    main()
