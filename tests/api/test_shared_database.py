"""Two service processes on one PostgreSQL database: shared comparisons, one worker per batch,
and a batch whose worker is SIGKILLed taken over and finished by the other, nothing lost or
done twice."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import psycopg
import pytest

from tests.api.conftest import body
from tests.batch.conftest import numbered_meetings
from tests.live import LiveServer, live_server

pytestmark = pytest.mark.slow


def test_a_comparison_posted_to_one_instance_is_read_and_deleted_through_another(
    tmp_path: Path, postgres_url: str
) -> None:
    shared = {"READOUT_DIFF_DATABASE_URL": postgres_url}
    with (
        live_server(tmp_path / "a", **shared) as a,
        live_server(tmp_path / "b", **shared) as b,
        httpx.Client(timeout=30) as client,
    ):
        posted = client.post(f"{a.url}/api/comparisons", json=body())
        assert posted.status_code == 201
        location = posted.headers["location"]
        read = client.get(f"{b.url}{location}")
        assert read.status_code == 200 and read.json() == posted.json()
        assert client.get(f"{b.url}/health").json()["comparisons"] == 1
        assert client.delete(f"{b.url}{location}").status_code == 204
        assert client.get(f"{a.url}{location}").status_code == 404
        assert client.get(f"{a.url}/api/comparisons").json()["total"] == 0


def _owner_pid(url: str, batch_id: str) -> int | None:
    with psycopg.connect(url) as db:
        row = db.execute("SELECT owner FROM batches WHERE id = %s", (batch_id,)).fetchone()
    return None if row is None or row[0] is None else int(str(row[0]).split(":")[1])


def _wait(check: object, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not check() and time.monotonic() < deadline:  # type: ignore[operator]
        time.sleep(0.05)


def test_a_batch_is_worked_once_and_taken_over_when_its_worker_is_killed(
    tmp_path: Path, postgres_url: str
) -> None:
    meetings = 8
    env = {
        "READOUT_DIFF_DATABASE_URL": postgres_url,
        "READOUT_DIFF_ENCODER": "fake-slow",
        "READOUT_DIFF_FAKE_DELAY": "0.4",
        "READOUT_DIFF_BATCH_CHUNK": "1",
        "READOUT_DIFF_BATCH_LEASE": "2",
    }
    with (
        live_server(tmp_path / "a", **env) as a,
        live_server(tmp_path / "b", **env) as b,
        httpx.Client(timeout=30) as client,
    ):
        servers: dict[int, LiveServer] = {a.process.pid: a, b.process.pid: b}
        accepted = client.post(
            f"{a.url}/api/batches", json={"comparisons": numbered_meetings(meetings)}
        ).json()
        batch_url = accepted["url"]

        def progress(server: LiveServer) -> dict[str, int]:
            done: dict[str, int] = client.get(f"{server.url}{batch_url}").json()["progress"]
            return done

        _wait(lambda: progress(b)["done"] >= 2)
        owner = _owner_pid(postgres_url, accepted["id"])
        assert owner in servers, "one of the two instances holds the batch"
        killed = servers.pop(owner)
        survivor = next(iter(servers.values()))
        killed.kill()  # SIGKILL mid-batch: its lease stops being renewed
        kept = client.get(f"{survivor.url}{batch_url}").json()["comparison_ids"]
        assert 2 <= len(kept) < meetings, "killed mid-batch"

        _wait(lambda: client.get(f"{survivor.url}{batch_url}").json()["status"] == "done")
        after = client.get(f"{survivor.url}{batch_url}").json()
        assert after["status"] == "done" and after["progress"]["ok"] == meetings
        assert after["comparison_ids"][: len(kept)] == kept, "finished items were not redone"
        stored = client.get(f"{survivor.url}/api/comparisons", params={"limit": 100}).json()
        assert stored["total"] == meetings, "no comparison lost or stored twice"
        assert {c["id"] for c in stored["items"]} == set(after["comparison_ids"])
        assert "already done" not in survivor.log.read_text(), "no item was run twice"
