"""The CLI on a Korean readout against an English one: no flag, the multilingual encoder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from service.pipeline.embed.multilingual import USE_NAME
from tests.conftest import ROOT, RUBIO_CHO


@pytest.mark.slow
def test_compare_accepts_a_korean_pair_with_no_extra_flag(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "READOUT_DIFF_DATA": str(tmp_path / "data")}
    env.pop("READOUT_DIFF_ENCODER", None)
    command = [sys.executable, "-m", "service.cli", "compare"]
    files = [str(RUBIO_CHO / "us.txt"), str(RUBIO_CHO / "kr_ko.txt"), "--sides", "US,KR"]
    done = subprocess.run(
        [*command, *files, "--format", "json"], env=env, capture_output=True, timeout=240
    )
    assert done.returncode == 0, done.stderr.decode()
    report = json.loads(done.stdout)
    assert report["model"]["encoder"] == USE_NAME
    assert any(e["side"] == "KR" and "현대화" in e["text"] for e in report["emphases"])
    assert "현대화".encode() in done.stdout, "Korean is written as UTF-8, not escaped"
    text = subprocess.run([*command, *files], env=env, capture_output=True, timeout=240)
    assert text.returncode == 0 and "What only KR said" in text.stdout.decode()
    # The gold inventories' KR-only topic (alliance modernisation) is quoted in the text output.
    assert "현대화" in text.stdout.decode()
