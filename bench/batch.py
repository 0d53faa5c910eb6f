"""Batch throughput with the real default encoder: meetings per minute and the encoder's share.

Builds N distinct meetings of two ~2,000-character readouts from the real readouts in fixtures/
(pairs and singles, English): each side is one real readout, topped up with another to ~2,000
characters, and every sentence carries the meeting's number so that no claim repeats across
meetings (a cold embedding cache then encodes nearly every claim, as for new meetings; the
printout gives claims and distinct texts encoded).
Runs the batch the way `readout-diff batch` does (cached encoder on a fresh cache, journal,
reports, topics, trends) on `--threads` CPU threads, `--repeat` times, and prints medians.

With `--engine both` (the default) the same meetings also run on the Ray engine (a local Ray on
the machine's cores, started once and not counted; its actors load the model in each run, which
is counted), and the two are printed side by side with Ray's overhead ratio (Ray's seconds over
the in-process engine's). Each Ray repeat numbers its meetings anew, so its cache starts cold.

Usage: python bench/batch.py [--meetings 100] [--chunk 16] [--encoder NAME] [--repeat 3]
                             [--engine inprocess|ray|both]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np

from bench.readme import write_block
from service.batch.folder import run_into_folder
from service.batch.items import Item
from service.comparisons import ComparisonRequest
from service.pipeline.embed import CachedEncoder, Encoder, make_encoder
from service.pipeline.types import Readout
from service.settings import Settings
from service.store.vectors import VectorCache

ROOT = Path(__file__).resolve().parents[1]
TARGET_CHARS = 2000


class TimedEncoder:
    """The real encoder, timed: seconds spent inside the model's encode."""

    def __init__(self, inner: Encoder) -> None:
        self.inner = inner
        self.name = inner.name
        self.dimensions = inner.dimensions
        self.seconds = 0.0
        self.texts = 0

    def load(self) -> None:
        self.inner.load()

    def warm(self) -> None:
        self.inner.warm()

    def routes(self) -> tuple[Encoder, ...]:
        return (self,)

    def close(self) -> None:
        self.inner.close()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        started = time.perf_counter()
        vectors = self.inner.encode(texts)
        self.seconds += time.perf_counter() - started
        self.texts += len(texts)
        return vectors


def real_readouts() -> list[str]:
    fixtures = ROOT / "fixtures"
    paths = sorted((fixtures / "pairs").glob("*/*.txt")) + sorted(
        (fixtures / "singles").glob("*.txt")
    )
    return [p.read_text(encoding="utf-8") for p in paths if "_ko" not in p.stem]


def readout(pool: list[str], first: int, number: int) -> str:
    text, extra = pool[first % len(pool)], first + 7
    while len(text) < TARGET_CHARS:
        text += "\n" + pool[extra % len(pool)]
        extra += 1
    cut = text.rfind(". ", 0, TARGET_CHARS)
    text = text[: cut + 1] if cut > TARGET_CHARS // 2 else text[:TARGET_CHARS]
    # The meeting's number before each full stop, comma and semicolon: claims end there.
    return re.sub(r"(?<=[a-z]{3})([.,;])(\s|$)", rf" {number}\1\2", text)


def meetings(count: int, first: int = 0) -> list[Item]:
    pool = real_readouts()
    items = []
    for number in range(first, first + count):
        body = ComparisonRequest(
            readouts=[
                Readout(side="US", text=readout(pool, 2 * number, number)),
                Readout(side="KR", text=readout(pool, 2 * number + 1, number)),
            ],
            title=f"synthetic meeting {number}",
            date=f"{2015 + number % 10}-{1 + number % 12:02d}-15",
        )
        items.append(Item.of(f"m{number:04d}", f"meeting {number}", body))
    return items


def main() -> int:
    parser = argparse.ArgumentParser(description="Batch throughput with the real encoder.")
    parser.add_argument("--meetings", type=int, default=100)
    parser.add_argument("--chunk", type=int, default=16)
    parser.add_argument("--encoder", default=Settings().encoder, help="default: the default")
    parser.add_argument("--threads", type=int, default=2, help="torch threads (minilm only)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--engine", choices=("inprocess", "ray", "both"), default="both")
    parser.add_argument(
        "--write-readme", action="store_true", help="also write the table into README.md"
    )
    args = parser.parse_args()
    if args.encoder == "minilm":
        import torch

        torch.set_num_threads(args.threads)
    model = make_encoder(args.encoder)
    started = time.perf_counter()
    getattr(model, "load", lambda: None)()
    load_seconds = time.perf_counter() - started
    items = meetings(args.meetings)
    load = f"{os.getloadavg()[0]:.1f}"
    chars = statistics.mean(len(r.text) for i in items if i.body for r in i.body.readouts)
    walls, cpus, shares, claims, encoded = [], [], [], 0, 0
    for _ in range(args.repeat if args.engine != "ray" else 0):
        with tempfile.TemporaryDirectory() as folder:
            timed = TimedEncoder(model)
            encoder = CachedEncoder(timed, VectorCache(Path(folder) / "cache.sqlite"))
            started, cpu = time.perf_counter(), time.process_time()
            result = run_into_folder(items, Path(folder) / "out", encoder, chunk=args.chunk)
            wall = time.perf_counter() - started
            cpus.append(time.process_time() - cpu)
            assert result.failed == 0, [e.error for e in result.entries if e.error]
            walls.append(wall)
            shares.append(timed.seconds / wall)
            encoded = timed.texts
            claims = sum(len(r.claims) for r in result.reports)
    if args.engine != "inprocess":
        ray_walls, ray_start = ray_runs(args.meetings, args.encoder, args.chunk, args.repeat)
    if not walls:
        walls, shares, cpus = ray_walls, [0.0], [0.0]
    wall = statistics.median(walls)
    lines = [
        f"{args.meetings} meetings, two readouts of {chars:.0f} characters on average; {claims} "
        f"claims, {encoded} distinct texts encoded per run (cold cache); chunk {args.chunk}; "
        f"measured {date.today()} on {os.cpu_count()} cores, load average before/after {load} / "
        f"{os.getloadavg()[0]:.1f}; model load {load_seconds:.1f} s (once, not counted)",
        "",
        "| encoder | meetings | seconds (median) | meetings/min | encoder share | target |",
        "|---|---|---|---|---|---|",
        f"| {model.name} | {args.meetings} | {wall:.1f} | {args.meetings / wall * 60:.0f} "
        f"| {statistics.median(shares):.0%} | 100 meetings <= 60 s |",
    ]
    print("\n".join(lines))
    print(f"runs: {', '.join(f'{w:.1f} s' for w in walls)}; CPU time (all threads) median "
          f"{statistics.median(cpus):.1f} s (other processes share these cores)")  # fmt: skip
    if args.write_readme:
        write_block("bench/batch.py", "\n".join(lines))
    if args.engine == "both":
        ray_wall = statistics.median(ray_walls)
        per_meeting = wall / args.meetings * 1000
        encode_ms = per_meeting * statistics.median(shares)
        print(f"\nOn {os.cpu_count()} cores (Ray start {ray_start:.1f} s, once, not counted):")
        print("| engine | meetings | seconds (median) | meetings/min | overhead vs in-process |")
        print("|---|---|---|---|---|")
        print(
            f"| in-process | {args.meetings} | {wall:.1f} | {args.meetings / wall * 60:.0f} | 1.00 |"
        )
        print(f"| ray | {args.meetings} | {ray_wall:.1f} | {args.meetings / ray_wall * 60:.0f} "
              f"| {ray_wall / wall:.2f} |")  # fmt: skip
        print(f"ray runs: {', '.join(f'{w:.1f} s' for w in ray_walls)}")
        print(f"per meeting, in-process: {per_meeting:.0f} ms ({encode_ms:.0f} ms encoding, "
              f"{per_meeting - encode_ms:.0f} ms the rest); Ray adds "
              f"{(ray_wall - wall) / args.meetings * 1000:.0f} ms a meeting")  # fmt: skip
    return 0


def ray_runs(count: int, kind: str, chunk: int, repeat: int) -> tuple[list[float], float]:
    """Seconds per Ray run of `count` fresh meetings, and the seconds Ray took to start."""
    from service.batch.runners import ray_engine, start_ray

    data = tempfile.mkdtemp(prefix="bench-ray-")
    os.environ["READOUT_DIFF_DATA"] = data  # the workers' embedding cache: fresh
    started = time.perf_counter()
    start_ray()
    start = time.perf_counter() - started
    walls = []
    for run in range(repeat):
        items = meetings(count, first=(run + 1) * 10_000)  # new numbers: a cold cache again
        with tempfile.TemporaryDirectory() as folder:
            encoder = CachedEncoder(make_encoder(kind), VectorCache(Path(folder) / "cache.sqlite"))
            started = time.perf_counter()
            result = run_into_folder(items, Path(folder) / "out", encoder, chunk=chunk,
                                     engine=ray_engine(kind, chunk))  # fmt: skip
            walls.append(time.perf_counter() - started)
            assert result.failed == 0, [e.error for e in result.entries if e.error]
    return walls, start


if __name__ == "__main__":
    raise SystemExit(main())
