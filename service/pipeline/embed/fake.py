"""A deterministic bag-of-words encoder for tests: no model, texts sharing words are similar."""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Sequence

import numpy as np

from service.pipeline.embed.protocol import WARM_TEXT, Encoder, unit_rows

_TOKEN = re.compile(r"\w+", re.UNICODE)


class FakeEncoder:
    """Deterministic bag-of-words hashing encoder: fast, and texts sharing words are similar.

    `delay` seconds of sleep per call stand in for a slow model (interruption tests).
    """

    def __init__(self, dimensions: int = 256, name: str = "fake-bow", delay: float = 0.0) -> None:
        self.name = name
        self.dimensions = dimensions
        self.delay = delay
        self.calls = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        if self.delay and texts:
            time.sleep(self.delay)
        vectors = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for row, text in enumerate(texts):
            for token in _TOKEN.findall(text.lower()):
                digest = hashlib.blake2b(token.encode(), digest_size=4).digest()
                vectors[row, int.from_bytes(digest, "little") % self.dimensions] += 1.0
        return unit_rows(vectors)

    def warm(self) -> None:
        self.encode([WARM_TEXT])

    def routes(self) -> tuple[Encoder, ...]:
        return (self,)

    def load(self) -> None:
        """Nothing to load."""

    def close(self) -> None:
        """Nothing to release."""
