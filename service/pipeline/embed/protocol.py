"""The Encoder protocol every embedding model implements, and the one row normalisation."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np


@runtime_checkable
class Encoder(Protocol):
    """Turns texts into L2-normalised row vectors of `dimensions` floats.

    `load` reads weights ahead of the first `encode` (a no-op where there are none); `warm`
    loads and runs each model once, past any cache, so that no request pays for it; `routes`
    are the encoders a text may be handed to (a router's models, else the encoder itself);
    `close` releases what the encoder holds (an embedding cache's database).
    """

    name: str
    dimensions: int

    def load(self) -> None: ...

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...

    def warm(self) -> None: ...

    def routes(self) -> tuple[Encoder, ...]: ...

    def close(self) -> None: ...


# What `warm` embeds: one short line of the genre.
WARM_TEXT = "The ministers met today."


def unit_rows(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to length 1 (zero rows stay zero), as float32."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    unit: np.ndarray = (vectors / norms).astype(np.float32)
    return unit


def empty(dimensions: int) -> np.ndarray:
    """The vectors of no texts."""
    return np.zeros((0, dimensions), dtype=np.float32)
