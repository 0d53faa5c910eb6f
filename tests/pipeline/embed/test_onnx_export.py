"""The ONNX export: keyed to what it is built from, built once into its own folder, reused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.errors import ExportError
from service.pipeline.embed.onnx_export import (
    ensure_export,
    export_key,
    is_current,
    key_id,
    onnx_dir,
    source_model_path,
)
from service.pipeline.embed.onnx_session import MANIFEST_FILE, MODEL_FILE


def test_missing_weights_are_a_clear_error_and_leave_nothing_behind(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="no weights to export"):
        ensure_export(tmp_path / "out", source=tmp_path / "no-model")
    assert list(tmp_path.iterdir()) == []


def test_an_export_built_from_anything_else_is_not_current(tmp_path: Path) -> None:
    key = export_key(source_model_path())
    (tmp_path / MODEL_FILE).write_bytes(b"onnx")
    for changed in ("recipe", "weights", "torch", "transformers", "onnx", "onnxruntime"):
        (tmp_path / MANIFEST_FILE).write_text(json.dumps({"key": {**key, changed: "other"}}))
        assert not is_current(tmp_path, key), changed
    (tmp_path / MANIFEST_FILE).write_text(json.dumps({"key": key}))
    assert is_current(tmp_path, key)
    (tmp_path / MODEL_FILE).unlink()
    assert not is_current(tmp_path, key), "a manifest without its model is an interrupted export"


def test_the_default_folder_is_named_by_its_key(monkeypatch: pytest.MonkeyPatch) -> None:
    key = export_key(source_model_path())
    assert key_id(key) != key_id({**key, "onnxruntime": "0.0.0"})
    assert len(key_id(key)) == 12


def test_export_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READOUT_DIFF_ONNX_DIR", "/somewhere/else")
    assert onnx_dir() == Path("/somewhere/else")


@pytest.mark.slow
def test_export_is_int8_and_reused(export: Path) -> None:
    manifest = json.loads((export / MANIFEST_FILE).read_text())
    assert "int8" in manifest["quantization"]
    before = (export / MODEL_FILE).stat().st_mtime_ns
    assert ensure_export(export) == export
    assert (export / MODEL_FILE).stat().st_mtime_ns == before
    assert export.stat().st_mode & 0o005 == 0o005, "other users (a container's) can read it"
    # int8 MatMul weights: well under the 90 MB of fp32 safetensors
    assert (export / MODEL_FILE).stat().st_size < 70_000_000
