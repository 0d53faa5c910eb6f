"""A real server killed and restarted on the same data folder loses nothing."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.api.conftest import body
from tests.conftest import PAIR_COUNT
from tests.live import live_server


def call(url: str, payload: Any = None) -> tuple[int, Any]:
    data = None if payload is None else json.dumps(payload).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, json.loads(response.read())


@pytest.mark.slow
def test_everything_stored_survives_a_kill_and_restart(
    tmp_path: Path, database: Path | str
) -> None:
    data = tmp_path / "data"
    url = {"READOUT_DIFF_DATABASE_URL": database} if isinstance(database, str) else {}
    with live_server(data, READOUT_DIFF_ENCODER="fake", READOUT_DIFF_EXAMPLES="1", **url) as server:
        base = server.url
        status, report = call(base + "/api/comparisons", body())
        assert status == 201
        _, before = call(base + "/api/comparisons")
        assert before["total"] == PAIR_COUNT + 1  # the examples and ours
        server.kill()  # no clean shutdown: SIGKILL right after the write
    with live_server(data, READOUT_DIFF_ENCODER="fake", READOUT_DIFF_EXAMPLES="1", **url) as server:
        base = server.url
        _, after = call(base + "/api/comparisons")
        assert after == before, "examples must not load twice; nothing may be lost"
        assert call(base + f"/api/comparisons/{report['id']}") == (200, report)
        with urllib.request.urlopen(base + f"/comparisons/{report['id']}", timeout=30) as page:
            assert page.status == 200
