"""Benchmark: readout-diff's chunk aligner on SemEval-2016 iSTS test data, four F1s per subset."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.ists.align import Settings, align_all
from evaluation.ists.metrics import MODES, Mode, scores
from evaluation.ists.wa import gold_chunks, read_chunks, read_wa, write_wa
from service.pipeline.embed import Encoder, FakeEncoder
from service.pipeline.embed.minilm import SentenceTransformerEncoder

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "fixtures" / "ists2016"
SUBSETS = ("headlines", "images", "answers-students")
# Floors (lexical-overlap aligner) and the best 2016 systems, official scorer, gold chunks.
FLOOR = {"headlines": (0.868, 0.475), "images": (0.837, 0.419), "answers-students": (0.788, 0.212)}


def run(subset: str, encoder: Encoder, out: Path | None, average: str) -> dict[Mode, float]:
    """Align one subset's gold chunks and score the result against its gold alignments."""
    gold = read_wa(DATA / f"STSint.testinput.{subset}.wa")
    left = read_chunks(DATA / f"STSint.testinput.{subset}.sent1.chunk.txt")
    right = read_chunks(DATA / f"STSint.testinput.{subset}.sent2.chunk.txt")
    pairs = list(gold.values())
    chunks = [
        (gold_chunks(pair, left[n], 0), gold_chunks(pair, right[n], 1))
        for n, pair in enumerate(pairs)
    ]
    system = align_all(pairs, chunks, encoder, Settings())
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        write_wa(list(system.values()), out / f"{subset}.wa")
    return scores(gold, system, average="pair" if average == "pair" else "pooled")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fake", action="store_true", help="bag-of-words encoder (fast, no model)")
    parser.add_argument("--out", type=Path, help="write each subset's system .wa here")
    parser.add_argument("--average", choices=["pooled", "pair"], default="pooled")
    args = parser.parse_args(argv)
    encoder: Encoder = FakeEncoder() if args.fake else SentenceTransformerEncoder()
    header = f"{'subset':18} {'ali':>6} {'type':>6} {'score':>6} {'t+s':>6}   floor ali / t+s"
    print(header)
    for subset in SUBSETS:
        result = run(subset, encoder, args.out, args.average)
        figures = " ".join(f"{result[m]:6.3f}" for m in MODES)
        floor_ali, floor_ts = FLOOR[subset]
        print(f"{subset:18} {figures}   {floor_ali:.3f} / {floor_ts:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
