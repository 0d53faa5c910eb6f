"""The int8 ONNX encoder: close to the torch model, deterministic, and free of torch at run time."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from evaluation.scoring import english_cases
from service.errors import ExportError
from service.pipeline import side_of
from service.pipeline.embed import Encoder, make_encoder
from service.pipeline.embed.onnx import OnnxEncoder
from service.pipeline.embed.onnx_export import (
    MANIFEST_FILE,
    MODEL_FILE,
    check_against_torch,
    ensure_export,
    export_key,
    is_current,
    key_id,
    onnx_dir,
    open_export,
    source_model_path,
)
from tests.conftest import ROOT


def fixture_claims() -> list[str]:
    return [c.text for case in english_cases() for r in case.readouts for c in side_of(r).claims]


def test_empty_input_needs_no_model(tmp_path: Path) -> None:
    encoder = OnnxEncoder(folder=tmp_path / "never-exported")
    assert encoder.encode([]).shape == (0, 384)
    assert not (tmp_path / "never-exported").exists()


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


def test_make_encoder_knows_the_onnx_encoder() -> None:
    encoder = make_encoder("minilm-onnx-int8")
    assert isinstance(encoder, OnnxEncoder) and encoder.name == "minilm-onnx-int8"


@pytest.fixture(scope="module")
def export() -> Path:
    return ensure_export()


@pytest.fixture(scope="module")
def onnx_encoder(export: Path) -> OnnxEncoder:
    return OnnxEncoder(folder=export)


@pytest.mark.slow
def test_the_session_allocates_plainly_on_one_thread(export: Path) -> None:
    """No growing arena, no per-shape memory plans (bench/memory.py): less held, same vectors."""
    session, _ = open_export(export)
    options = session.get_session_options()
    assert not options.enable_cpu_mem_arena and not options.enable_mem_pattern
    assert options.intra_op_num_threads == 1


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


@pytest.mark.slow
def test_the_export_check_passes_the_export_and_stops_a_wrong_one(
    export: Path, tmp_path: Path
) -> None:
    low, mean = check_against_torch(source_model_path(), export)
    assert low >= 0.97 and mean >= 0.985
    wrong = tmp_path / "wrong"
    shutil.copytree(export, wrong)
    # a tokenizer that no longer lower-cases: an export that computes something else
    (wrong / "tokenizer.json").write_text(
        (export / "tokenizer.json").read_text().replace('"lowercase":true', '"lowercase":false')
    )
    with pytest.raises(ExportError, match=r"disagrees with the torch model \(cosine min"):
        check_against_torch(source_model_path(), wrong)


@pytest.mark.slow
def test_cosine_to_the_torch_encoder_on_fixture_claims(onnx_encoder: OnnxEncoder) -> None:
    texts = fixture_claims()
    ours = onnx_encoder.encode(texts)
    torch_vectors = make_encoder("minilm").encode(texts)
    assert ours.shape == torch_vectors.shape == (len(texts), 384)
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    cosine = (ours * torch_vectors).sum(axis=1)
    assert cosine.min() >= 0.98, f"worst claim {texts[int(cosine.argmin())]!r}"
    assert cosine.mean() >= 0.99


@pytest.mark.slow
def test_vectors_do_not_depend_on_the_batch_or_the_run(onnx_encoder: Encoder) -> None:
    texts = fixture_claims()[:12]
    first = onnx_encoder.encode(texts)
    again = onnx_encoder.encode(list(reversed(texts)))[::-1]
    alone = np.stack([onnx_encoder.encode([t])[0] for t in texts[:3]])
    assert np.array_equal(first, again)
    assert np.array_equal(first[:3], alone)


@pytest.mark.slow
def test_a_comparison_with_the_onnx_encoder_never_imports_torch(
    export: Path, tmp_path: Path
) -> None:
    script = (
        "import sys\n"
        "from service.cli import main\n"
        f"code = main(['compare', {str(ROOT / 'fixtures/pairs/2025-07-31_rubio-cho-hyun/us.txt')!r},"
        f" {str(ROOT / 'fixtures/pairs/2025-07-31_rubio-cho-hyun/kr.txt')!r},"
        " '--encoder', 'minilm-onnx-int8', '--format', 'json'])\n"
        "heavy = sorted(m for m in ('torch', 'sentence_transformers', 'transformers')"
        " if m in sys.modules)\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
        "raise SystemExit(code)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "READOUT_DIFF_ONNX_DIR": str(export.parent)}
    env["READOUT_DIFF_DATA"] = str(tmp_path / "data")
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "HEAVY []" in result.stderr
    report = json.loads(result.stdout)
    assert report["model"]["encoder"] == "minilm-onnx-int8"
    assert any("Taiwan Strait" in e["text"] for e in report["emphases"] if e["side"] == "US")


@pytest.mark.slow
def test_a_damaged_export_is_moved_aside_and_rebuilt(export: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "all-MiniLM-L6-v2"
    shutil.copytree(export, damaged)
    model = damaged / MODEL_FILE
    model.write_bytes(model.read_bytes()[:4096])  # a half-copied file
    encoder = OnnxEncoder(folder=damaged)
    vectors = encoder.encode(["peace and stability across the Taiwan Strait"])
    expected = OnnxEncoder(folder=export).encode(["peace and stability across the Taiwan Strait"])
    assert np.allclose(vectors, expected, atol=1e-5)
    (aside,) = tmp_path.glob("all-MiniLM-L6-v2.damaged-*")
    assert (aside / MODEL_FILE).stat().st_size == 4096
