"""The web service, measured from outside: start-to-/health, POST latency, cache hits, peak RSS.

1. Start: `readout-diff serve` with the default settings (examples loaded) on an empty data
   folder, timed from launch until GET /health answers 200; median of --starts launches.
2. Latency: a server with --no-examples on an empty data folder, warmed by one request, then
   POST /api/comparisons for pairs of ~2,000-character readouts that it has never seen (all
   English fixture readouts in a row, cut at sentence ends; no text is sent twice, so every claim
   is embedded but the few boilerplate sentences that real readouts share), each pair then
   resubmitted unchanged (every vector an embedding-cache hit). Repeated over --rounds fresh servers; prints p50/p95 of both.
3. Peak RSS: VmHWM of each server process when it is stopped (the largest is printed).
4. Reads: on one more server, --earlier dated meetings of US and KR and then a later one are
   stored, and a meeting of two other sides alone; GET /api/comparisons/{id} of the later one
   (its history against the last 5 of its --earlier earlier meetings) beside a GET of the one
   without history, --gets times each, interleaved; prints p50 of both.
With --all-languages each latency server first compares a Korean-, a Japanese- and a Chinese-
language pair of the fixtures (every analyser and the multilingual encoder then loaded), so
latency and peak RSS are measured with everything a mixed workload holds.

Targets (issue 6): start <= 10 s, p50 <= 250 ms, resubmission <= 20 ms, peak RSS <= 900 MB.

Usage: python bench/serving.py [--encoder minilm-onnx-int8] [--rounds 3] [--starts 3]
                               [--earlier 40] [--gets 30] [--reads-only] [--all-languages]
                               [--write-readme]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.harness import ROOT, Server, percentile, serve
from bench.readme import write_block
from service.settings import Settings

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


@contextmanager
def fresh_server(encoder: str, examples: bool) -> Iterator[Server]:
    """The harness's server on an empty data folder of its own, stopped afterwards."""
    settings = {"READOUT_DIFF_ENCODER": encoder}
    if not examples:
        settings["READOUT_DIFF_EXAMPLES"] = "0"
    with (
        tempfile.TemporaryDirectory(prefix="bench-service-") as folder,
        serve(Path(folder) / "data", settings) as server,
    ):
        yield server


# A Korean-, a Japanese- and a Chinese-language readout, each against the other side's.
LANGUAGE_PAIRS = (
    ("2025-07-31_rubio-cho-hyun/us.txt", "2025-07-31_rubio-cho-hyun/kr_ko.txt"),
    ("2024-12-25_iwaya-li-qiang-beijing/jp_ja.txt", "2024-12-25_iwaya-li-qiang-beijing/cn_zh.txt"),
)


def body(
    a: str, b: str, sides: tuple[str, str] = ("A", "B"), day: str | None = None
) -> dict[str, Any]:
    readouts = [{"side": sides[0], "text": a}, {"side": sides[1], "text": b}]
    return {"readouts": readouts} | ({"date": day} if day else {})


def post(client: httpx.Client, payload: dict[str, Any]) -> float:
    start = time.perf_counter()
    response = client.post("/api/comparisons", json=payload)
    spent = time.perf_counter() - start
    if response.status_code != 201:
        raise RuntimeError(f"POST answered {response.status_code}: {response.text[:200]}")
    return spent


def get(client: httpx.Client, comparison_id: str) -> float:
    start = time.perf_counter()
    response = client.get(f"/api/comparisons/{comparison_id}")
    spent = time.perf_counter() - start
    if response.status_code != 200:
        raise RuntimeError(f"GET answered {response.status_code}: {response.text[:200]}")
    return spent


def reads(encoder: str, texts: list[str], earlier: int, gets: int) -> tuple[float, float, int]:
    """p50 of a GET of a report with `earlier` earlier meetings of its sides stored, of a GET
    of a report with none, and how many earlier meetings its history looked at."""
    with (
        fresh_server(encoder, examples=False) as server,
        httpx.Client(base_url=server.url, timeout=120.0) as client,
    ):
        for n in range(earlier):
            a, b = texts[(2 * n) % len(texts)], texts[(2 * n + 1) % len(texts)]
            day = date.fromordinal(date(2020, 1, 1).toordinal() + 7 * n).isoformat()
            post(client, body(a, b, ("US", "KR"), day))
        later = client.post("/api/comparisons", json=body(texts[0], texts[3], ("US", "KR"),
                                                          "2026-01-01")).json()  # fmt: skip
        alone = client.post("/api/comparisons", json=body(texts[1], texts[2], ("JP", "CN"),
                                                          "2026-01-01")).json()  # fmt: skip
        looked_at = max((p["meetings"] for p in later["history"]), default=0)
        assert alone["history"] == []
        timed: dict[str, list[float]] = {"with": [], "without": []}
        for _ in range(gets):
            timed["with"].append(get(client, later["id"]))
            timed["without"].append(get(client, alone["id"]))
    return percentile(timed["with"], 0.5), percentile(timed["without"], 0.5), looked_at


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--encoder", default=Settings.from_env().encoder)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--starts", type=int, default=3)
    parser.add_argument("--earlier", type=int, default=40)
    parser.add_argument("--gets", type=int, default=30)
    parser.add_argument("--reads-only", action="store_true", help="only the GET figures")
    parser.add_argument(
        "--all-languages",
        action="store_true",
        help="load every language's analyser and the multilingual encoder first",
    )
    parser.add_argument(
        "--write-readme", action="store_true", help="also write the table into README.md"
    )
    args = parser.parse_args()
    texts = documents()
    read_with, read_without, looked_at = reads(args.encoder, texts, args.earlier, args.gets)
    read_lines = [
        f"| GET of a report with {args.earlier} earlier meetings of its sides stored (history"
        f" of the last {looked_at}), p50 of {args.gets} | {read_with * 1000:.1f} ms | |",
        f"| GET of a report without history, p50 of {args.gets} | {read_without * 1000:.1f} ms | |",
    ]
    if args.reads_only:
        print("\n".join(read_lines))
        return 0
    warm_up, texts = texts[:2], texts[2:]
    pairs = list(zip(texts[::2], texts[1::2], strict=False))
    starts, peaks, misses, hits = [], [], [], []
    cpu_miss: list[float] = []
    cpu_hit: list[float] = []
    for _ in range(args.starts):
        with fresh_server(args.encoder, examples=True) as server:
            starts.append(server.ready_s)
            peaks.append(server.peak_rss_mb())
    for _ in range(args.rounds):
        with (
            fresh_server(args.encoder, examples=False) as server,
            httpx.Client(base_url=server.url, timeout=60.0) as client,
        ):
            post(client, body(warm_up[0], warm_up[1]))
            for left, right in LANGUAGE_PAIRS if args.all_languages else ():
                texts_of = [(FIXTURES / "pairs" / name).read_text() for name in (left, right)]
                post(client, body(texts_of[0], texts_of[1]))
            for a, b in pairs:
                before = server.cpu_seconds()
                misses.append(post(client, body(a, b)))
                middle = server.cpu_seconds()
                hits.append(post(client, body(a, b)))
                cpu_miss.append(middle - before)
                cpu_hit.append(server.cpu_seconds() - middle)
            peaks.append(server.peak_rss_mb())
    chars = statistics.mean(len(t) for pair in pairs for t in pair)
    figures = {
        "start": statistics.median(starts),
        "p50": percentile(misses, 0.5),
        "hit": percentile(hits, 0.5),
        "rss": max(peaks),
    }
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    lines = [
        f"encoder {args.encoder}{'; every analyser loaded' if args.all_languages else ''}; "
        f"{len(pairs)} new pairs a round, {args.rounds} rounds, readouts of "
        f"{chars:.0f} characters on average; measured {date.today()} on {os.cpu_count()} cores, "
        f"load average {load} (1/5/15 min)",
        "",
        "| figure | measured | target |",
        "|---|---|---|",
        f"| start to /health (median of {args.starts}) | {figures['start']:.2f} s | <= 10 s |",
        f"| POST, new readouts, p50 | {figures['p50'] * 1000:.0f} ms | <= 250 ms |",
        f"| POST, new readouts, p95 | {percentile(misses, 0.95) * 1000:.0f} ms | |",
        f"| POST, resubmitted (cache hit), p50 | {figures['hit'] * 1000:.1f} ms | <= 20 ms |",
        f"| POST, resubmitted (cache hit), p95 | {percentile(hits, 0.95) * 1000:.1f} ms | |",
        f"| peak RSS of the server | {figures['rss']:.0f} MB | <= 900 MB |",
        f"| server CPU time per POST, new readouts (mean) | {statistics.mean(cpu_miss) * 1000:.0f} ms | |",
        f"| server CPU time per POST, resubmitted (mean) | {statistics.mean(cpu_hit) * 1000:.0f} ms | |",
        *read_lines,
    ]
    print("\n".join(lines))
    if args.write_readme:
        write_block("bench/serving.py", "\n".join(lines))
    failed = [name for name, value in figures.items() if value > TARGETS[name]]
    print("\nall at or under target" if not failed else f"\nover target: {', '.join(failed)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
