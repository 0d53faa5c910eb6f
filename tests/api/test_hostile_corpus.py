"""Issue 25's hostile run, repeated against a real `readout-diff serve` with a write token:
every case answers a 4xx (or the page it should), none a 5xx, the log holds no traceback, and
refused uploads do not raise the server's memory."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from tests.api.conftest import body
from tests.batch.conftest import history
from tests.live import LiveServer, live_server

pytestmark = pytest.mark.slow
TOKEN = "corpus-t0ken"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
DEEP = "[" * 1000 + "]" * 1000
JSON = {"Content-Type": "application/json"}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    settings = {
        "READOUT_DIFF_API_TOKEN": TOKEN,
        "READOUT_DIFF_BODY_TIMEOUT": "2",
        "READOUT_DIFF_MAX_BATCH_BYTES": "5000000",
    }
    with live_server(tmp_path_factory.mktemp("corpus") / "data", **settings) as s:
        yield s


def _raw(server: LiveServer, request: bytes, timeout: float = 10) -> int:
    """The status of a request sent byte for byte (paths httpx would normalise)."""
    parts = urlsplit(server.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=timeout) as sock:
        sock.sendall(request)
        head = sock.recv(1024).decode("latin-1")
    return int(head.split()[1])


def _get_raw(server: LiveServer, path: str, headers: str = "") -> int:
    return _raw(
        server,
        f"GET {path} HTTP/1.1\r\nHost: localhost\r\n{headers}Connection: close\r\n\r\n".encode(),
    )


def test_the_hostile_run_finds_no_500(server: LiveServer) -> None:
    statuses: dict[str, int] = {}
    with httpx.Client(base_url=server.url, timeout=60) as client:
        stored = client.post("/api/comparisons", json=body(), headers=AUTH).json()["id"]
        for path in ("/api/comparisons", "/api/batches"):
            key = "comparisons" if path.endswith("batches") else "readouts"
            sent = client.post(path, content=f'{{"{key}": {DEEP}}}', headers={**AUTH, **JSON})
            statuses[f"deep {path}"] = sent.status_code
        form = client.post("/batches", files={"token": (None, TOKEN), "jsonl": (None, DEEP)})
        statuses["deep batch form"] = form.status_code
        for q in ("1e308", "inf", "-inf"):
            accept = {"Accept": f"text/html;q={q}"}
            statuses[f"q={q} report"] = client.get(
                f"/api/comparisons/{stored}", headers=accept
            ).status_code
            statuses[f"q={q} page"] = client.get(
                f"/comparisons/{stored}", headers=accept
            ).status_code
            statuses[f"q={q} unknown"] = client.get("/nowhere", headers=accept).status_code
        for path in ("/static/style.css%00.png", "/static/style.css/x", "/static/style.css/..",
                     "/static/" + "a" * 300, "/static/%2e%2e/%2e%2e/etc/passwd"):  # fmt: skip
            statuses[f"GET {path[:40]}"] = _get_raw(server, path)
        meetings = history()
        for meeting in meetings:
            readouts = meeting["readouts"]
            assert isinstance(readouts, list)
            readouts[0]["side"], readouts[1]["side"] = r"$\frac$", "$x^$"
        batch = client.post("/api/batches", json={"comparisons": meetings}, headers=AUTH).json()
        deadline = time.monotonic() + 60
        while client.get(batch["url"]).json()["status"] != "done" and time.monotonic() < deadline:
            time.sleep(0.2)
        for n in range(2):
            statuses[f"TeX batch page {n}"] = client.get(batch["page"]).status_code
        evil = {"Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"}
        statuses["cross-site API"] = client.post(
            "/api/comparisons", json=body(), headers={**AUTH, **evil}
        ).status_code
        statuses["cross-site form"] = client.post(
            "/", data={"token": TOKEN}, headers=evil
        ).status_code
        plain = {**AUTH, "Content-Type": "text/plain"}
        statuses["text/plain JSON"] = client.post(
            "/api/comparisons", content=json.dumps(body()), headers=plain
        ).status_code
        statuses["foreign Host"] = client.get(
            "/api/comparisons", headers={"Host": "rebind.example"}
        ).status_code
        statuses["HEAD report"] = client.head(f"/comparisons/{stored}").status_code
        big = {"comparisons": [body(title=f"{n}") for n in range(2000)]}  # about 6 MB
        sent = client.post("/api/batches", json=big, headers=AUTH)
        statuses["batch over its limit"] = sent.status_code
        assert "READOUT_DIFF_MAX_BATCH_BYTES" in sent.json()["detail"]
        for header in (
            "Bearer",
            f"Bearer {TOKEN[:-1]}",
            f"bearer  {TOKEN} x",
            "Basic Og==",
            "Bearer \u00e9",
        ):
            raw = header.encode("utf-8")  # the non-ASCII one as UTF-8 bytes on the wire
            sent = client.post("/api/comparisons", json=body(), headers={"Authorization": raw})
            statuses[f"auth {header[:12]!r}"] = sent.status_code
    statuses["slow body"] = _raw(
        server,
        b"POST /api/comparisons HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + f"Authorization: Bearer {TOKEN}\r\nContent-Length: 1000\r\n\r\n".encode()
        + b'{"readouts": ',
    )
    assert all(status < 500 for status in statuses.values()), statuses
    expected = {
        "deep /api/comparisons": 400, "deep /api/batches": 400, "deep batch form": 422,
        "q=inf report": 200, "q=1e308 unknown": 404, "TeX batch page 1": 200,
        "cross-site API": 403, "cross-site form": 403, "text/plain JSON": 415,
        "foreign Host": 400, "HEAD report": 200, "slow body": 408, "batch over its limit": 413,
        "GET /static/style.css%00.png": 404, "GET /static/style.css/..": 404,
    }  # fmt: skip
    assert {key: statuses[key] for key in expected} == expected
    assert all(statuses[key] == 401 for key in statuses if key.startswith("auth")), statuses
    assert server.log is not None and "Traceback" not in server.log.read_text(errors="replace")


def test_refused_uploads_do_not_raise_the_memory(server: LiveServer, tmp_path: Path) -> None:
    """Ten unauthenticated 60 MB uploads in parallel: refused on their first bytes."""
    upload = tmp_path / "big.jsonl"
    upload.write_bytes(b'{"readouts": []}\n' * 3_600_000)  # about 60 MB
    before = server.peak_rss_mb()
    statuses: list[int] = []

    def send() -> None:
        with upload.open("rb") as handle:
            files = {"file": ("big.jsonl", handle, "text/plain")}
            try:
                statuses.append(
                    httpx.post(server.url + "/batches", files=files, timeout=60).status_code
                )
            except httpx.TransportError:  # the server closed the upload it refused
                statuses.append(401)

    threads = [threading.Thread(target=send) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [401] * 10
    grown = server.peak_rss_mb() - before
    assert grown < 60, f"peak RSS grew {grown:.0f} MB for ten refused uploads (bar 60 MB)"
