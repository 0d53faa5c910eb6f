"""An export folder's files, and running one: its session and tokenizer, a text's pooled vector."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

MODEL_FILE = "model-int8.onnx"
TOKENIZER_FILE = "tokenizer.json"
MANIFEST_FILE = "manifest.json"


def open_export(folder: Path) -> tuple[Any, Any]:
    """The inference session and tokenizer of an export folder."""
    import onnxruntime
    from tokenizers import Tokenizer

    manifest = json.loads((folder / MANIFEST_FILE).read_text())
    tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
    tokenizer.enable_truncation(int(manifest.get("max_length", 256)))
    tokenizer.no_padding()
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    # Plain allocations instead of a growing arena and per-shape memory plans: the same
    # vectors, about 15 MB less held after a day of readouts of every length (bench/memory.py).
    options.enable_cpu_mem_arena = False
    options.enable_mem_pattern = False
    session = onnxruntime.InferenceSession(
        str(folder / MODEL_FILE), options, providers=["CPUExecutionProvider"]
    )
    return session, tokenizer


def embed(session: Any, encoding: Any) -> np.ndarray:
    """One tokenised text's mean-pooled last hidden state (not yet normalised)."""
    ids = np.asarray([encoding.ids], dtype=np.int64)
    mask = np.asarray([encoding.attention_mask], dtype=np.int64)
    feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
    (hidden,) = session.run(["last_hidden_state"], feeds)
    pooled: np.ndarray = hidden[0].mean(axis=0)
    return pooled
