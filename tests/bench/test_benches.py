"""The benches run and measure what they claim: smoke runs with the fake encoder, no timings."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bench.serving import documents
from tests.conftest import ROOT


def _bench(name: str, *args: str, cwd: Path = ROOT, timeout: int = 120) -> str:
    """Run `python bench/<name>.py` as the README does, but from `cwd` and without PYTHONPATH:
    the script itself must find the repository."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / f"{name}.py"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_service_bench_readouts_are_about_2000_characters_and_new_to_the_cache() -> None:
    texts = documents()
    assert len(texts) >= 10
    assert all(1800 <= len(t) <= 2200 for t in texts)
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if len(s) > 40]
    # Only the readouts' own boilerplate repeats ("The overview of the meeting is as follows.")
    assert len(sentences) - len(set(sentences)) <= 0.05 * len(sentences)


def test_stage_bench_prints_every_stage_and_the_ratio() -> None:
    out = _bench("stages", "--encoder", "fake", "--runs", "2")
    header, _, row = out.split("\n")[3:6]
    for stage in ("clean", "split", "embed", "align", "classify", "report", "end-to-end"):
        assert stage in header
    ratio = float(row.strip("| ").split("|")[-1])
    assert ratio >= 1.0, "the whole comparison includes the embedding"


def test_ists_bench_runs_from_any_folder_and_scores_every_subset(tmp_path: Path) -> None:
    lines = _bench("ists", "--fake", cwd=tmp_path).splitlines()
    rows = {line.split()[0]: line.split()[1:5] for line in lines[1:]}
    assert set(rows) == {"headlines", "images", "answers-students"}
    assert all(0.0 < float(f1) <= 1.0 for figures in rows.values() for f1 in figures)


def test_matching_bench_prints_every_rule_held_out_and_every_miss_with_its_cause(
    tmp_path: Path,
) -> None:
    from evaluation.misses import CAUSES
    from evaluation.rules import RULES

    out = _bench("matching", "--encoder", "fake", "--ensemble", "use", cwd=tmp_path)
    rows = {line.split(" | ")[0].lstrip("| "): line for line in out.splitlines() if " | " in line}
    # Each similarity: AUC, top-1, the ceiling, in-sample and held out as P / R / pairs, and the
    # recall at the bar's precision.
    for name in ("fake-bow", "use-multilingual-v3", "mean rank: fake-bow + use-multilingual-v3"):
        auc, top, *figures, at_bar = rows[name].strip("| ").split(" | ")[1:]
        assert all(0.0 <= float(x) <= 1.0 for x in (auc, top, at_bar)), rows[name]
        assert len(figures) == 3 and all(len(f.split(" / ")) == 3 for f in figures), rows[name]
    for name in RULES:
        # precision, recall, pairs in-sample, then held out
        p, r, n, held_p, held_r, held_n = rows[name].strip("| ").split(" | ")[1:]
        assert all(0.0 <= float(x) <= 1.0 for x in (p, r, held_p, held_r)), rows[name]
        assert int(n) > 0 and int(held_n) > 0
    assert all(f"| k = {k} |" in out for k in (1, 2, 3))

    def count(pattern: str) -> int:
        found = re.search(pattern, out)
        assert found, pattern
        return int(found[1])

    total = count(r"Uncovered two-sided topics, both annotators \((\d+)\)")
    assert sum(count(rf"- {re.escape(c)}: (\d+)") for c in CAUSES) == total
    assert out.count("; best ") == total > 0


@pytest.mark.slow
def test_serving_bench_measures_start_latency_and_memory_of_a_real_server(tmp_path: Path) -> None:
    out = _bench("serving", "--encoder", "fake", "--rounds", "1", "--starts", "1", cwd=tmp_path)
    start = re.search(r"start to /health \(median of 1\) \| ([\d.]+) s", out)
    p50, p95 = (re.search(rf"new readouts, {p} \| (\d+) ms", out) for p in ("p50", "p95"))
    rss = re.search(r"peak RSS of the server \| (\d+) MB", out)
    assert start and p50 and p95 and rss, out
    assert 0 < float(start[1]) < 60 and 0 < int(p50[1]) <= int(p95[1]) and int(rss[1]) > 20


@pytest.mark.slow
def test_load_bench_counts_requests_and_errors_of_every_kind(tmp_path: Path) -> None:
    out = _bench("load", "--encoder", "fake", "--clients", "2", "--seconds", "2",
                 "--batch-seconds", "2", cwd=tmp_path)  # fmt: skip
    rows = {
        line.split()[0]: line.split()[1:]
        for line in out.splitlines()
        if line[:1] in ("P", "G", "/")
    }
    assert {"POST", "GET", "/health"} <= set(rows), out
    assert "errors: 0" in out
    count, errors, p50, p99 = rows["POST"]
    assert int(count) > 0 and int(errors) == 0 and 0 < float(p50) <= float(p99)


def test_gaps_bench_prints_each_method_per_annotator_and_their_mean(tmp_path: Path) -> None:
    out = _bench("gaps", "--encoder", "fake", cwd=tmp_path, timeout=300)
    first, other = out.split("**Other ways to look beyond the counterparts**")
    rows = [
        line.split(" | ")
        for line in first.splitlines()
        if line.startswith("| ") and "---" not in line
    ]
    methods = {row[0].strip("| ") for row in rows[1:]}
    assert {
        "readout-diff, leave-one-pair-out",
        "gaps on the counterparts alone (gap_similarity off)",
        "every level difference (same counterparts)",
    } <= methods
    assert any(m.startswith("gold pairs (oracle") for m in methods)
    assert {row[1] for row in rows[1:]} == {"A", "B", "mean"}
    for row in rows[1:]:
        assert all(0.0 <= float(cell.split()[0].strip(" |")) <= 1.0 for cell in row[2:])
    wider = [line.split(" | ") for line in other.splitlines() if line.startswith("| ")][1:]
    assert {row[0].strip("| ") for row in wider} == {"stance one-to-one", "either side's best"}
    for row in wider:
        assert all(0.0 <= float(cell.split()[0].strip(" |")) <= 1.0 for cell in row[2:])
