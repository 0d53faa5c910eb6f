"""Large uploads at once: N clients POST a ~62 MB batch body each to a real `readout-diff serve`
(default encoder, the model run once first), then the server's peak RSS against its 900 MB
target. Every item has an empty side, so the batches store error items and queue no work:
what is measured is reading, decoding and storing the bodies (READOUT_DIFF_LARGE_BODIES of them
at a time).

Usage: python bench/uploads.py [--clients 10] [--large-bodies N]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.harness import ROOT, serve
from bench.load import RSS_TARGET_MB


def _body() -> bytes:
    text = "The ministers met and reaffirmed the alliance. " * 600
    bad = {"readouts": [{"side": "", "text": text}, {"side": "KR", "text": text}]}
    return json.dumps({"comparisons": [bad] * 1100}).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--large-bodies", type=int, default=None)
    args = parser.parse_args()
    settings = {"READOUT_DIFF_EXAMPLES": "0"}
    if args.large_bodies:
        settings["READOUT_DIFF_LARGE_BODIES"] = str(args.large_bodies)
    body = _body()
    pair = sorted((ROOT / "fixtures" / "pairs").iterdir())[0]
    a, b = (p.read_text(encoding="utf-8") for p in sorted(pair.glob("*.txt"))[:2])
    with (
        tempfile.TemporaryDirectory(prefix="readout-diff-uploads-") as folder,
        serve(Path(folder) / "data", settings, wait_s=180) as server,
    ):
        readouts = [{"side": "A", "text": a}, {"side": "B", "text": b}]
        httpx.post(f"{server.url}/api/comparisons", json={"readouts": readouts}, timeout=120)
        ready = server.peak_rss_mb()
        statuses: list[int] = []

        def send() -> None:
            headers = {"Content-Type": "application/json"}
            sent = httpx.post(
                f"{server.url}/api/batches", content=body, headers=headers, timeout=600
            )
            statuses.append(sent.status_code)

        clients = [threading.Thread(target=send) for _ in range(args.clients)]
        started = time.monotonic()
        for thread in clients:
            thread.start()
        for thread in clients:
            thread.join()
        print(
            f"{args.clients} uploads of {len(body) / 1e6:.0f} MB in {time.monotonic() - started:.0f} s,"
            f" answers {sorted(set(statuses))}; peak RSS {ready:.0f} MB after one comparison,"
            f" {server.peak_rss_mb():.0f} MB after the uploads (target {RSS_TARGET_MB})"
        )


if __name__ == "__main__":
    main()
