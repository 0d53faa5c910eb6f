"""A real server SIGKILLed mid-batch finishes the batch on restart: nothing lost or doubled."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.batch.conftest import numbered_meetings
from tests.live import call, live_server


@pytest.mark.slow
def test_sigkill_mid_batch_then_restart_finishes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, database: Path | str
) -> None:
    data, meetings = tmp_path / "data", 8
    if isinstance(database, str):
        monkeypatch.setenv("READOUT_DIFF_DATABASE_URL", database)
    monkeypatch.setenv("READOUT_DIFF_BATCH_CHUNK", "1")
    monkeypatch.setenv("READOUT_DIFF_FAKE_DELAY", "0.4")
    monkeypatch.setenv("READOUT_DIFF_BATCH_LEASE", "2")  # the killed owner's lease runs out soon
    with live_server(data, READOUT_DIFF_ENCODER="fake-slow") as server:
        base = server.url
        accepted = call(base + "/api/batches", {"comparisons": numbered_meetings(meetings)})
        deadline = time.monotonic() + 60
        while call(base + accepted["url"])["progress"]["done"] < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        server.kill()  # SIGKILL: no shutdown hook runs
    monkeypatch.setenv("READOUT_DIFF_FAKE_DELAY", "0")
    with live_server(data, READOUT_DIFF_ENCODER="fake-slow") as server:
        base = server.url
        before = call(base + accepted["url"])
        kept = before["comparison_ids"]
        assert 2 <= len(kept) < meetings, "killed mid-batch"
        deadline = time.monotonic() + 60
        while call(base + accepted["url"])["status"] != "done" and time.monotonic() < deadline:
            time.sleep(0.1)
        after = call(base + accepted["url"])
        assert after["status"] == "done" and after["progress"]["ok"] == meetings
        assert after["comparison_ids"][: len(kept)] == kept
        stored = call(base + "/api/comparisons?limit=100")
        assert stored["total"] == meetings, "no comparison stored twice"
        assert {c["id"] for c in stored["items"]} == set(after["comparison_ids"])
