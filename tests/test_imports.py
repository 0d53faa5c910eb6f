"""Importing the package stays cheap: torch and sentence-transformers load only when used."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

HEAVY = (
    "torch",
    "sentence_transformers",
    "transformers",
    "onnxruntime",
    "wordfreq",
    "ray",
    "psycopg",
)


@pytest.mark.parametrize(
    "module", ["service", "service.pipeline", "service.cli", "service.runtime"]
)
def test_importing_loads_no_model_library(module: str) -> None:
    script = f"import sys, {module}\nprint(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_building_the_cli_parser_loads_no_model_library() -> None:
    script = (
        "import sys\nfrom service.cli import build_parser\nbuild_parser()\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
