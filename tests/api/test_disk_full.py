"""A full disk: the API answers 507, keeps what it stored, and works again when space returns."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.live import live_server
from tests.tmpfs import mounted_tmpfs

pytestmark = pytest.mark.slow
BODY = {
    "readouts": [
        {"side": "US", "text": "The Secretary stressed peace across the Taiwan Strait."},
        {"side": "KR", "text": "The Minister stressed alliance modernization."},
    ]
}


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB tmpfs the test mounts itself (needs root; skipped where mounting is refused)."""
    with mounted_tmpfs(tmp_path / "disk", "4m") as mount:
        yield mount


def _fill(folder: Path) -> Path:
    filler = folder / "filler"
    with filler.open("wb") as sink:
        try:
            while True:
                sink.write(b"\0" * 65536)
                sink.flush()
        except OSError:
            pass
    return filler


def _post(url: str, text: str) -> httpx.Response:
    body = {"readouts": [dict(BODY["readouts"][0], text=text), BODY["readouts"][1]]}
    return httpx.post(f"{url}/api/comparisons", json=body, timeout=30)


def test_a_full_disk_answers_507_and_loses_nothing(small_disk: Path) -> None:
    with live_server(small_disk / "data") as server:
        kept = _post(server.url, "They stressed the Taiwan Strait first.")
        assert kept.status_code == 201
        filler = _fill(small_disk)
        refused = [_post(server.url, f"They stressed point {n} " * 400) for n in range(5)]
        assert refused[-1].status_code == 507, refused[-1].text
        assert refused[-1].headers["content-type"].startswith("application/problem+json")
        assert httpx.get(f"{server.url}{kept.headers['location']}").status_code == 200
        filler.unlink()
        again = _post(server.url, "Space is back.")
        assert again.status_code == 201
        listed = httpx.get(f"{server.url}/api/comparisons").json()
        assert listed["total"] == 2 + sum(r.status_code == 201 for r in refused)
