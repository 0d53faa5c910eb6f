"""SIGKILL the server mid-submission: on restart every acknowledged (201) comparison is there.

(The CLI batch killed mid-run and resumed is tests/batch/test_command.py's SIGKILL test.)
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import httpx
import pytest

from tests.api.conftest import KR_TEXT, US_TEXT
from tests.live import live_server

pytestmark = pytest.mark.slow
CLIENTS = 4


def _body(n: int) -> dict[str, object]:
    # A sentence of its own per request: the embedding cache never answers for the slow encoder.
    return {
        "title": f"Meeting {n}",
        "readouts": [
            {"side": "US", "text": f"{US_TEXT}\nThe envoys held session number {n} today."},
            {"side": "KR", "text": KR_TEXT},
        ],
    }


def _submit_until_refused(
    url: str, start: int, acked: dict[str, str], lock: threading.Lock
) -> None:
    n = start
    with httpx.Client(base_url=url, timeout=30) as client:
        while True:
            try:
                response = client.post("/api/comparisons", json=_body(n))
            except httpx.TransportError:
                return  # the server died under this request
            assert response.status_code == 201, response.text
            with lock:
                acked[response.json()["id"]] = f"Meeting {n}"
            n += CLIENTS


def test_sigkill_during_submissions_loses_no_acknowledged_comparison(
    tmp_path: Path, database: Path | str
) -> None:
    data = tmp_path / "data"
    acked: dict[str, str] = {}
    lock = threading.Lock()
    url = {"READOUT_DIFF_DATABASE_URL": database} if isinstance(database, str) else {}
    slow = {"READOUT_DIFF_ENCODER": "fake-slow", "READOUT_DIFF_FAKE_DELAY": "0.25", **url}
    with live_server(data, **slow) as server:
        clients = [
            threading.Thread(target=_submit_until_refused, args=(server.url, i, acked, lock))
            for i in range(CLIENTS)
        ]
        for client in clients:
            client.start()
        deadline = time.monotonic() + 60
        while len(acked) < 6 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.1)  # the next requests are inside the slow encoder now
        server.kill()
        for client in clients:
            client.join(timeout=60)
        acknowledged = dict(acked)
    assert len(acknowledged) >= 6

    if not url:
        with sqlite3.connect(data / "readout-diff.sqlite") as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    with (
        live_server(data, **url) as server,
        httpx.Client(base_url=server.url, timeout=30) as client,
    ):
        assert client.get("/health").json()["status"] == "ok"
        for comparison_id, title in acknowledged.items():
            stored = client.get(f"/api/comparisons/{comparison_id}")
            assert stored.status_code == 200, f"acknowledged {comparison_id} lost"
            assert stored.json()["title"] == title and stored.json()["claims"]
        listed = client.get("/api/comparisons", params={"limit": 100}).json()
        # Requests cut off by the kill may have committed without their 201 reaching the
        # client: at most one per client, and each is complete (it reads back whole).
        assert len(acknowledged) <= listed["total"] <= len(acknowledged) + CLIENTS
        for item in listed["items"]:
            assert client.get(item["url"]).status_code == 200
        # The restarted server takes new work on the same file.
        assert client.post("/api/comparisons", json=_body(10_000)).status_code == 201
