"""Issue 25 item 3: nothing read before the token is checked; bounded queue and body time."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import anyio
import pytest
from litestar import Litestar
from litestar.testing import TestClient

from service.api.app import create_app
from service.api.defences.drain import MAX_DRAIN_REFUSED_BYTES
from service.api.defences.form_token import first_field
from service.pipeline.embed import FakeEncoder
from service.settings import Settings
from tests.api.conftest import body
from tests.batch.conftest import numbered_meetings

TOKEN = "t0ken-for-bounds"
CHUNK = b"x" * 1_000_000
# Chunks of CHUNK a refused body is drained for at most (so that its client reads the answer).
DRAINED = MAX_DRAIN_REFUSED_BYTES // len(CHUNK) + 3
BOUNDARY = "b0undary"


def _serve_once(
    app: Litestar, path: str, headers: list[tuple[bytes, bytes]], first: bytes, *, stall: bool
) -> tuple[int, int, bytes]:
    """Send `first`, then endless 1 MB chunks (or nothing, when `stall`): (status, chunks read,
    body). The app runs without its lifespan: the gate must answer before any service is used."""
    read = 0
    answer: dict[str, Any] = {"body": b""}

    async def receive() -> dict[str, Any]:
        nonlocal read
        read += 1
        if read == 1:
            return {"type": "http.request", "body": first, "more_body": True}
        if stall:
            await anyio.sleep(3600)
        return {"type": "http.request", "body": CHUNK, "more_body": True}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]
        else:
            answer["body"] += message.get("body", b"")

    scope = {
        "type": "http", "method": "POST", "path": path, "raw_path": path.encode(),
        "query_string": b"", "headers": [(b"host", b"localhost:8000"), *headers],
        "http_version": "1.1", "scheme": "http", "server": ("127.0.0.1", 8000),
        "client": ("127.0.0.1", 5000), "root_path": "", "asgi": {"version": "3.0"},
    }  # fmt: skip

    async def main() -> None:
        with anyio.fail_after(10):
            await app(scope, receive, send)  # type: ignore[arg-type]

    anyio.run(main)
    return answer["status"], read, answer["body"]


@pytest.fixture
def closed(settings: Settings) -> Litestar:
    return create_app(dataclasses.replace(settings, api_token=TOKEN), encoder=FakeEncoder())


def test_a_form_without_the_token_first_is_refused_unread(closed: Litestar) -> None:
    multipart = [(b"content-type", f"multipart/form-data; boundary={BOUNDARY}".encode())]
    head = f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="jsonl"\r\n\r\n'.encode()
    status, read, page = _serve_once(closed, "/batches", multipart, head, stall=False)
    assert status == 401 and read <= DRAINED, f"{read} chunks read before the 401"
    assert b"Token required" in page
    wrong = f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="token"\r\n\r\nnope\r\n--{BOUNDARY}\r\n'
    status, read, _ = _serve_once(closed, "/batches", multipart, wrong.encode(), stall=False)
    assert status == 401 and read <= DRAINED
    urlencoded = [(b"content-type", b"application/x-www-form-urlencoded")]
    status, read, _ = _serve_once(closed, "/", urlencoded, b"text_a=" + b"a" * 100, stall=False)
    assert status == 401 and read <= DRAINED


def test_an_api_write_without_the_token_is_refused_unread(closed: Litestar) -> None:
    json_type = [(b"content-type", b"application/json"), (b"content-length", b"60000000")]
    status, read, _ = _serve_once(
        closed, "/api/batches", json_type, b'{"comparisons": [', stall=False
    )
    assert status == 401 and read <= DRAINED


def test_a_body_that_does_not_arrive_in_time_is_a_408(settings: Settings) -> None:
    app = create_app(dataclasses.replace(settings, body_timeout=0.5), encoder=FakeEncoder())
    json_type = [(b"content-type", b"application/json"), (b"content-length", b"1000")]
    status, _, answer = _serve_once(app, "/api/comparisons", json_type, b'{"read', stall=True)
    assert status == 408 and b"READOUT_DIFF_BODY_TIMEOUT" in answer


@pytest.mark.parametrize(
    ("head", "ended", "expected"),
    [
        (b"token=abc&text=x", False, (True, "abc")),
        (b"token=a%20b", False, (False, None)),
        (b"token=a%20b", True, (True, "a b")),
        (b"text=x&token=abc", True, (True, None)),
    ],
)
def test_the_first_urlencoded_field(
    head: bytes, ended: bool, expected: tuple[bool, str | None]
) -> None:
    media = "application/x-www-form-urlencoded"
    assert first_field(head, media, "token", ended=ended) == expected


def test_the_batch_queue_is_bounded(settings: Settings) -> None:
    capped = dataclasses.replace(settings, batch_chunk=1, max_queued_batches=2, max_queued_items=5)
    with TestClient(create_app(capped, encoder=FakeEncoder(delay=0.5))) as client:
        too_many = client.post("/api/batches", json={"comparisons": numbered_meetings(6)})
        assert too_many.status_code == 503 and too_many.headers["retry-after"] == "60"
        assert "READOUT_DIFF_MAX_QUEUED_ITEMS" in too_many.json()["detail"]
        for _ in range(2):
            sent = client.post("/api/batches", json={"comparisons": numbered_meetings(2)})
            assert sent.status_code == 202
        third = client.post("/api/batches", json={"comparisons": [body()]})
        assert third.status_code == 503
        assert "READOUT_DIFF_MAX_QUEUED_BATCHES" in third.json()["detail"]
        form = client.post("/batches", files={"jsonl": (None, json.dumps(body()))})
        assert form.status_code == 503 and "send this one again" in form.text


def test_large_bodies_take_turns(settings: Settings) -> None:
    app = create_app(dataclasses.replace(settings, large_bodies=1), encoder=FakeEncoder())
    big = settings.max_body_bytes + 1
    read: list[str] = []
    answered: list[tuple[str, int]] = []

    def scope(method: str, path: str, length: int) -> dict[str, Any]:
        headers = [(b"host", b"localhost"), (b"content-type", b"application/json")]
        if length:
            headers.append((b"content-length", str(length).encode()))
        return {
            "type": "http", "method": method, "path": path, "raw_path": path.encode(),
            "query_string": b"", "headers": headers, "http_version": "1.1", "scheme": "http",
            "server": ("127.0.0.1", 8000), "client": ("127.0.0.1", 5000), "root_path": "",
        }  # fmt: skip

    def receiver(name: str) -> Any:
        async def receive() -> dict[str, Any]:
            read.append(name)
            await anyio.sleep(3600)  # a client that never finishes its upload
            return {}

        return receive

    def sender(name: str) -> Any:
        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                answered.append((name, message["status"]))

        return send

    async def main() -> None:
        async with anyio.create_task_group() as group:
            for name in ("first", "second"):
                group.start_soon(
                    app, scope("POST", "/api/batches", big), receiver(name), sender(name)
                )
                await anyio.sleep(0.3)
            await app(scope("GET", "/static/style.css", 0), receiver("small"), sender("small"))  # type: ignore[arg-type]
            assert read == ["first"], "the second large body was read while the first one was"
            assert answered == [("small", 200)], "a small request waited for the large ones"
            group.cancel_scope.cancel()

    anyio.run(main)
