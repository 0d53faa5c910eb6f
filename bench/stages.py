"""Per-stage time of one comparison, and end-to-end time over the bare encoder time, in one run.

Each repetition times every stage of one fixture pair in turn (clean, split, embed, align,
classify, report), then the whole comparison through the embedding cache with every vector a
cache miss (a fresh cache file per repetition) and the JSON rendering. Before each, the
pipeline's memos are cleared and then filled by comparing fixtures/singles (fake vectors): a
process that has compared other readouts but never this pair. Prints medians, and the median
of the per-repetition ratio end-to-end / embed (target <= 1.2).

Usage: python bench/stages.py [--encoder minilm-onnx-int8] [--pair 2025-07-31_rubio-cho-hyun]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np

from evaluation.expectations import Case, load_cases
from evaluation.scoring import FIXTURES
from service.pipeline import compare, embedded_texts, prepare, side_of
from service.pipeline.align import matches, similarity_matrix
from service.pipeline.classify import classify, polarity
from service.pipeline.classify.calibration import Calibration, load_calibration
from service.pipeline.clean import Segment, clean
from service.pipeline.embed import CachedEncoder, Encoder, FakeEncoder, make_encoder
from service.pipeline.languages import frequency
from service.pipeline.languages.en import terms as en_terms
from service.pipeline.languages.en.split import _sentence_offsets
from service.pipeline.split import split
from service.pipeline.types import Claim, Readout
from service.render.json import to_json
from service.settings import Settings
from service.store.vectors import VectorCache


def clear_caches() -> None:
    """Forget every word and text the pipeline memoised."""
    for cached in (
        en_terms.stem_key,
        en_terms.words_of,
        frequency.english_specificity,
        frequency.listed_specificity,
        en_terms._vocabulary,
        en_terms._distinctive_terms,
        polarity._word_stances,
        polarity._opposition,
        _sentence_offsets,
    ):
        cached.cache_clear()


def never_seen(others: list[Readout]) -> None:
    """The memos of a process that has compared `others` but never the pair being timed.

    Word-level memos (stems, word frequencies, antonym stances) fill up with the vocabulary
    of every readout a service or batch run compares; text-level ones hold only its texts.
    """
    clear_caches()
    fake = FakeEncoder()
    for left, right in zip(others[::2], others[1::2], strict=False):
        compare([left, right], fake, calibration=Calibration(fake.name, 0.35))


def timed(function: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - start, result


def clean_both(readouts: tuple[Readout, Readout]) -> list[list[Segment]]:
    return [clean(r.text) for r in readouts]


def split_both(readouts: tuple[Readout, Readout], segments: list[list[Segment]]) -> list[Any]:
    return [split(r.text, s, r.side).claims for r, s in zip(readouts, segments, strict=True)]


def align(
    vectors: np.ndarray, a: list[Claim], b: list[Claim], calibration: Calibration
) -> np.ndarray:
    centred = calibration.center(vectors)
    similarity = similarity_matrix(centred[: len(a)], centred[len(a) :])
    matches(a, b, similarity, calibration.threshold)
    return similarity


def end_to_end(case: Case, encoder: Encoder, calibration: Calibration) -> bytes:
    return to_json(compare(case.readouts, encoder, calibration=calibration))


def one_run(
    case: Case, encoder: Encoder, calibration: Calibration, cache: Path, others: list[Readout]
) -> dict[str, float]:
    """Every stage once, then the whole comparison through a cold embedding cache."""
    times: dict[str, float] = {}
    never_seen(others)
    times["clean"], segments = timed(clean_both, case.readouts)
    times["split"], (a, b) = timed(split_both, case.readouts, segments)
    texts = [c.text for c in a + b]
    # the bare encoder on everything a comparison embeds: the claims and their parts
    times["embed"], _ = timed(encoder.encode, embedded_texts(prepare(case.readouts)))
    vectors = encoder.encode(texts)
    times["align"], similarity = timed(align, vectors, a, b, calibration)
    times["classify"], _ = timed(
        classify, a, b, similarity, calibration.threshold, common_zipf=calibration.common_zipf
    )
    report = compare(case.readouts, encoder, calibration=calibration)
    times["report"], _ = timed(to_json, report)
    never_seen(others)
    cached = CachedEncoder(encoder, VectorCache(cache))
    times["end-to-end"], _ = timed(end_to_end, case, cached, calibration)
    cached.close()
    wanted = embedded_texts(prepare(case.readouts))
    assert cached.misses == len(set(wanted)), "every vector must be computed"
    return times


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--encoder", default=Settings.from_env().encoder)
    parser.add_argument("--pair", default="2025-07-31_rubio-cho-hyun")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    (case,) = [c for c in load_cases(FIXTURES / "pairs") if c.name.startswith(args.pair)]
    encoder = make_encoder(args.encoder)
    calibration = load_calibration(encoder.name)
    encoder.encode(["warm-up: load the model before timing"])
    scratch = Path(tempfile.mkdtemp(prefix="bench-stages-"))
    others = [
        Readout(side="AB"[n % 2], text=path.read_text(encoding="utf-8"))
        for n, path in enumerate(sorted((FIXTURES / "singles").glob("*.txt")))
    ]
    runs = [
        one_run(case, encoder, calibration, scratch / f"cache-{n}.sqlite", others)
        for n in range(args.runs)
    ]
    shutil.rmtree(scratch)
    times = {name: [r[name] for r in runs] for name in runs[0]}
    ratios = [r["end-to-end"] / r["embed"] for r in runs]
    a, b = (side_of(r).claims for r in case.readouts)
    print(f"{case.name.split('/')[0]}: {len(a)} + {len(b)} claims, encoder {encoder.name}, ")
    print(f"{args.runs} runs, medians (ms)\n")
    print("| " + " | ".join(times) + " | end-to-end / embed |")
    print("|" + "---|" * (len(times) + 1))
    cells = [f"{statistics.median(v) * 1000:.1f}" for v in times.values()]
    print("| " + " | ".join(cells) + f" | {statistics.median(ratios):.2f} |")
    print(f"load average (1/5/15 min): {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
