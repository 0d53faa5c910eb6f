"""The export check: an export that computes what the torch model does passes, another stops."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from service.errors import ExportError
from service.pipeline.embed.onnx_check import check_against_torch
from service.pipeline.embed.onnx_export import source_model_path


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
