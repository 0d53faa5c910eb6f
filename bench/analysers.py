"""The language analysers, measured: load time, memory and time per readout.

For each language room (service/pipeline/languages/) in a fresh process: seconds to load its
analyser (first call), the resident memory it adds, and milliseconds per readout over the
dev pairs' original-language readouts (kr_ko.txt, jp_ja.txt, cn_zh.txt), best of 5 runs.

Usage: python bench/analysers.py
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READOUTS = {"ko": "kr_ko.txt", "ja": "jp_ja.txt", "zh": "cn_zh.txt"}
_PROBE = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})

def rss():
    status = Path("/proc/self/status").read_text()
    return int(status.split("VmRSS:")[1].split()[0]) / 1024

from service.pipeline.clean import Segment
from service.pipeline.languages import language_named
room = language_named({code!r})
texts = [p.read_text(encoding="utf-8") for p in sorted(Path({root!r}, "fixtures", "pairs").glob("*/{name}"))]
before, start = rss(), time.perf_counter()
room.terms("Warm-up", 4.0, None)
load, memory = time.perf_counter() - start, rss() - before
runs = []
for _ in range(5):
    start = time.perf_counter()
    for text in texts:
        for claim in room.sentences(text, [Segment(0, len(text))]):
            for piece in room.claims(text, claim):
                room.terms(text[piece.span.start : piece.span.end], 4.0, piece.tokens or None)
    runs.append((time.perf_counter() - start) / max(len(texts), 1))
print(json.dumps({{"load": load, "memory": memory, "per_readout": min(runs), "readouts": len(texts)}}))
"""


def measure(code: str, name: str) -> dict[str, float]:
    probe = _PROBE.format(root=str(ROOT), code=code, name=name)
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    found: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return found


def main() -> int:
    print("| language | analyser | load (s) | memory added (MB) | per readout (ms) | readouts |")
    print("|---|---|---|---|---|---|")
    analysers = {"ko": "Kiwi (kiwipiepy)", "ja": "SudachiPy, core dictionary", "zh": "jieba"}
    for code, name in READOUTS.items():
        found = measure(code, name)
        print(
            f"| {code} | {analysers[code]} | {found['load']:.2f} | {found['memory']:.0f} "
            f"| {found['per_readout'] * 1000:.1f} | {found['readouts']:.0f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
