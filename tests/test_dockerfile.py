"""The image runs the command `make run` runs, keeps its data on the volume, checks /health."""

from __future__ import annotations

import json
import re

import pytest

from service.settings import Settings
from tests.conftest import ROOT

DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


def test_image_command_is_the_make_run_command() -> None:
    cmd = json.loads(re.search(r"^CMD (\[.*\])$", DOCKERFILE, re.M).group(1))  # type: ignore[union-attr]
    recipe = re.search(r"^run:.*\n\t\$\(BIN\)/(.+)$", MAKEFILE, re.M).group(1)  # type: ignore[union-attr]
    assert cmd == recipe.split()


def test_data_folder_is_the_volume_and_the_user_is_not_root() -> None:
    assert "READOUT_DIFF_DATA=/data" in DOCKERFILE and 'VOLUME ["/data"]' in DOCKERFILE
    user = re.findall(r"^USER (\S+)$", DOCKERFILE, re.M)
    assert user and user[-1] not in {"root", "0"}
    assert "HEALTHCHECK" in DOCKERFILE and "/health" in DOCKERFILE


def test_image_installs_from_the_lock() -> None:
    assert "--require-hashes --no-deps -r requirements.lock" in DOCKERFILE
    assert "pip install --no-deps --no-build-isolation -e ." in DOCKERFILE


def test_host_and_port_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("READOUT_DIFF_HOST", raising=False)
    monkeypatch.delenv("READOUT_DIFF_PORT", raising=False)
    assert (Settings.from_env().host, Settings.from_env().port) == ("127.0.0.1", 8000)
    monkeypatch.setenv("READOUT_DIFF_HOST", "0.0.0.0")
    monkeypatch.setenv("READOUT_DIFF_PORT", "9001")
    assert (Settings.from_env().host, Settings.from_env().port) == ("0.0.0.0", 9001)
