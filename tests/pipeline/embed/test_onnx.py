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
from service.pipeline import side_of
from service.pipeline.embed import Encoder, make_encoder
from service.pipeline.embed.onnx import OnnxEncoder
from service.pipeline.embed.onnx_session import MODEL_FILE
from tests.conftest import ROOT


def fixture_claims() -> list[str]:
    return [c.text for case in english_cases() for r in case.readouts for c in side_of(r).claims]


def test_empty_input_needs_no_model(tmp_path: Path) -> None:
    encoder = OnnxEncoder(folder=tmp_path / "never-exported")
    assert encoder.encode([]).shape == (0, 384)
    assert not (tmp_path / "never-exported").exists()


def test_make_encoder_knows_the_onnx_encoder() -> None:
    encoder = make_encoder("minilm-onnx-int8")
    assert isinstance(encoder, OnnxEncoder) and encoder.name == "minilm-onnx-int8"


@pytest.fixture(scope="module")
def onnx_encoder(export: Path) -> OnnxEncoder:
    return OnnxEncoder(folder=export)


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
