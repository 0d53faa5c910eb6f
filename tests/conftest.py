"""Shared test fixtures: paths to the real readouts and a fast fake encoder."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.pipeline.embed import FakeEncoder

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "fixtures" / "pairs"
SINGLES = ROOT / "fixtures" / "singles"
RUBIO_CHO = PAIRS / "2025-07-31_rubio-cho-hyun"


@pytest.fixture
def fake_encoder() -> FakeEncoder:
    return FakeEncoder()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty READOUT_DIFF_DATA folder for code that reads settings from the environment."""
    folder = tmp_path / "data"
    monkeypatch.setenv("READOUT_DIFF_DATA", str(folder))
    return folder
