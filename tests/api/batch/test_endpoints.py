"""POST/GET /api/batches: 202 and a background run, progress, trends, errors, and resuming."""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import TestClient

from service.api.app import create_app
from service.pipeline.embed import FakeEncoder
from service.settings import Settings
from tests.api.conftest import Client
from tests.batch.conftest import WITH_ERRORS, history, numbered_meetings


def wait(client: Client, batch_id: str, *, until: str = "done", seconds: float = 30) -> Any:
    deadline = time.monotonic() + seconds
    while True:
        batch = client.get(f"/api/batches/{batch_id}").json()
        if batch["status"] == until or time.monotonic() > deadline:
            return batch
        time.sleep(0.05)


def _bodies_with_errors() -> list[Any]:
    bodies: list[Any] = []
    for line in WITH_ERRORS.read_text().splitlines():
        try:
            bodies.append(json.loads(line))
        except ValueError:
            bodies.append(line)  # the cut-off line travels as a string: still one bad item
    return bodies


def test_batch_is_accepted_then_runs_to_trends(client: Client) -> None:
    response = client.post("/api/batches", json={"comparisons": history()})
    assert response.status_code == 202
    accepted = response.json()
    assert accepted["status"] == "queued" and accepted["total"] == 3
    assert response.headers["location"] == f"/api/batches/{accepted['id']}"
    batch = wait(client, accepted["id"])
    assert batch["status"] == "done" and batch["progress"]["fraction"] == 1.0
    assert batch["progress"]["ok"] == 3 and len(batch["comparison_ids"]) == 3
    for item, cid in zip(batch["items"], batch["comparison_ids"], strict=True):
        report = client.get(item["url"]).json()
        assert report["id"] == cid and report["title"] == item["title"]
    assert client.get("/api/comparisons").json()["total"] == 3
    topics = batch["trends"]["topics"]
    meetings = {m["meeting"] for t in topics for m in t["mentions"]}
    assert meetings == set(batch["comparison_ids"]), "topics point at the stored comparisons"
    csv = client.get(f"/api/batches/{accepted['id']}/trends.csv")
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    assert csv.text.splitlines()[0] == "topic_id,topic,side,year,quarter,period,meetings,emphases"
    assert len(csv.text.splitlines()) == 1 + len(batch["trends"]["counts"])


def test_bad_items_become_error_entries_and_the_rest_run(client: Client) -> None:
    bodies = _bodies_with_errors()
    accepted = client.post("/api/batches", json={"comparisons": bodies}).json()
    batch = wait(client, accepted["id"])
    statuses = [item["status"] for item in batch["items"]]
    assert statuses.count("ok") == 2 and len(statuses) == len(bodies)
    errors = {item["position"]: item["error"] for item in batch["items"] if item["error"]}
    assert "Expected `object`, got `str`" in errors[4]
    assert "no readable sentences" in errors[9]
    assert "the same meeting as item 1" in errors[11]


@pytest.mark.parametrize(
    "payload",
    [
        {"comparisons": []},
        {"comparisons": "x"},
        {"meetings": []},
        [1, 2],
        {"comparisons": [{}] * 2001},
    ],
)
def test_unusable_batch_requests_are_problem_details(client: Client, payload: Any) -> None:
    response = client.post("/api/batches", json=payload)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")


def test_unknown_batch_is_404_and_trends_wait_for_the_end(
    tmp_path: Path, settings: Settings
) -> None:
    slow = create_app(dataclasses.replace(settings, batch_chunk=1), encoder=FakeEncoder(delay=0.3))
    with TestClient(slow) as client:
        assert client.get("/api/batches/nope").status_code == 404
        accepted = client.post("/api/batches", json={"comparisons": numbered_meetings(4)}).json()
        csv = client.get(f"/api/batches/{accepted['id']}/trends.csv")
        assert csv.status_code == 409 and "trends come when it is done" in csv.json()["detail"]
        assert client.get(f"/api/batches/{accepted['id']}").json()["trends"] is None


def test_the_service_answers_while_a_batch_runs(settings: Settings) -> None:
    slow = create_app(dataclasses.replace(settings, batch_chunk=1), encoder=FakeEncoder(delay=0.3))
    with TestClient(slow) as client:
        started = time.monotonic()
        accepted = client.post("/api/batches", json={"comparisons": numbered_meetings(6)}).json()
        assert time.monotonic() - started < 0.3, "202 before any meeting is encoded"
        running = wait(client, accepted["id"], until="running")
        assert running["status"] == "running"
        answered = time.monotonic()
        assert client.get("/health").status_code == 200
        assert client.get("/api/comparisons").status_code == 200
        assert time.monotonic() - answered < 1.0
        assert client.get(f"/api/batches/{accepted['id']}").json()["progress"]["done"] < 6


def test_a_stopped_service_resumes_the_batch_without_doubles(settings: Settings) -> None:
    slow = create_app(dataclasses.replace(settings, batch_chunk=1), encoder=FakeEncoder(delay=0.2))
    meetings = numbered_meetings(8)
    with TestClient(slow) as client:
        batch_id = client.post("/api/batches", json={"comparisons": meetings}).json()["id"]
        while client.get(f"/api/batches/{batch_id}").json()["progress"]["done"] < 2:
            time.sleep(0.05)
    # The service stopped mid-batch; a new one on the same data folder finishes it.
    with TestClient(create_app(settings, encoder=FakeEncoder())) as client:
        first = client.get(f"/api/batches/{batch_id}").json()
        assert first["progress"]["done"] < 8
        kept = [i["comparison_id"] for i in first["items"] if i["comparison_id"]]
        batch = wait(client, batch_id)
        assert batch["status"] == "done" and batch["progress"]["ok"] == 8
        assert batch["comparison_ids"][: len(kept)] == kept
        stored = client.get("/api/comparisons", params={"limit": 100}).json()
        assert stored["total"] == 8 and {c["id"] for c in stored["items"]} == set(
            batch["comparison_ids"]
        )
