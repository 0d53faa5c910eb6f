"""Each encoder in a fresh process: load time, peak RSS, claims per second; and a cold CLI compare.

For every encoder a child process imports the package, then times `make_encoder(kind)` plus its
load (imports of torch or onnxruntime included), encodes the claims of every fixture pair
`--runs` times (median claims/s) and reports its peak RSS. A second child runs
`readout-diff compare` on one pair with an empty data folder (every vector computed) and is
timed from launch to exit. An encoder that `make_encoder` does not know is skipped.

Usage: python bench/encoders.py [--encoders minilm,minilm-onnx-int8,use] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PAIR = ROOT / "fixtures" / "pairs" / "2025-07-31_rubio-cho-hyun"


def child(kind: str, runs: int) -> dict[str, float]:
    """Runs in the child process; the parent reads its one JSON line."""
    from evaluation.scoring import english_cases
    from service.errors import ReadoutDiffError
    from service.pipeline import side_of
    from service.pipeline.embed import make_encoder

    texts = [c.text for case in english_cases() for r in case.readouts for c in side_of(r).claims]
    start = time.perf_counter()
    try:
        encoder = make_encoder(kind)
    except ReadoutDiffError as error:
        return {"skipped": 1.0, "reason": str(error)}  # type: ignore[dict-item]
    load = getattr(encoder, "load", None)
    if load is not None:
        load()
    else:
        encoder.encode(["load the model"])
    loaded = time.perf_counter() - start
    speeds, cpu_speeds = [], []
    for _ in range(runs):
        began, cpu = time.perf_counter(), time.process_time()
        encoder.encode(texts)
        speeds.append(len(texts) / (time.perf_counter() - began))
        cpu_speeds.append(len(texts) / (time.process_time() - cpu))
    return {
        "load_s": loaded,
        "claims_per_s": statistics.median(speeds),
        "claims_per_cpu_s": statistics.median(cpu_speeds),
        "claims": len(texts),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def cli_cold(kind: str) -> float:
    """Seconds from launching `readout-diff compare` to its exit, with an empty cache."""
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "READOUT_DIFF_DATA": data}
        command = [sys.executable, "-m", "service.cli", "compare", str(PAIR / "us.txt")]
        command += [str(PAIR / "kr.txt"), "--sides", "US,KR", "--encoder", kind]
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--encoders", default="minilm,minilm-onnx-int8,use")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.runs)))
        return 0
    print(
        "| encoder | load (s) | peak RSS (MB) | claims/s | claims per CPU-second "
        "| CLI compare, cold (s) |"
    )
    print("|---|---|---|---|---|---|")
    claims = 0.0
    for kind in args.encoders.split(","):
        output = subprocess.run(
            [sys.executable, __file__, "--child", kind, "--runs", str(args.runs)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        figures = json.loads(output.strip().splitlines()[-1])
        if "skipped" in figures:
            print(f"| {kind} | skipped: {figures['reason']} | | | | |")
            continue
        claims = figures["claims"]
        print(
            f"| {kind} | {figures['load_s']:.2f} | {figures['peak_rss_mb']:.0f} "
            f"| {figures['claims_per_s']:.0f} | {figures['claims_per_cpu_s']:.0f} "
            f"| {cli_cold(kind):.2f} |"
        )
    print(
        f"\nclaims/s: median of {args.runs} passes over the {claims:.0f} claims of fixtures/pairs"
    )
    print(f"load average (1/5/15 min): {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
