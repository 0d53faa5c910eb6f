"""Fixtures of the encoder tests: the int8 ONNX export, built once if it is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.pipeline.embed.onnx_export import ensure_export


@pytest.fixture(scope="module")
def export() -> Path:
    return ensure_export()
