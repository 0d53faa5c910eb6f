"""The benches run and measure what they claim: smoke runs with the fake encoder, no timings."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from bench.serving import documents
from tests.conftest import ROOT


def test_service_bench_readouts_are_about_2000_characters_and_new_to_the_cache() -> None:
    texts = documents()
    assert len(texts) >= 10
    assert all(1800 <= len(t) <= 2200 for t in texts)
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if len(s) > 40]
    # Only the readouts' own boilerplate repeats ("The overview of the meeting is as follows.")
    assert len(sentences) - len(set(sentences)) <= 0.05 * len(sentences)


def test_stage_bench_prints_every_stage_and_the_ratio() -> None:
    result = subprocess.run(
        [sys.executable, "bench/stages.py", "--encoder", "fake", "--runs", "2"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    header, _, row = result.stdout.split("\n")[3:6]
    for stage in ("clean", "split", "embed", "align", "classify", "report", "end-to-end"):
        assert stage in header
    ratio = float(row.strip("| ").split("|")[-1])
    assert ratio >= 1.0, "the whole comparison includes the embedding"
