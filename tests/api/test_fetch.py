"""POST /api/comparisons with a readout's `url` and no `text`: fetched only from the hosts the
settings name, and every failure a problem+json answer, never a 500."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from service.api.app import create_app
from service.pipeline.embed import FakeEncoder
from service.settings import Settings
from tests.api.conftest import KR_TEXT, TEST_HOSTS
from tests.fetch.pages import serving


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serving() as base:
        yield base


def _client(tmp_path: Path, hosts: tuple[str, ...]) -> TestClient[Litestar]:
    settings = Settings(
        data_dir=tmp_path / "data", examples=False, allowed_hosts=TEST_HOSTS, fetch_hosts=hosts,
        fetch_timeout=2.0,
    )  # fmt: skip
    return TestClient(create_app(settings, encoder=FakeEncoder()))


def _body(url: str) -> dict[str, object]:
    return {"readouts": [{"side": "US", "url": url}, {"side": "KR", "text": KR_TEXT}]}


def test_a_url_without_text_is_fetched(tmp_path: Path, site: str) -> None:
    with _client(tmp_path, ("127.0.0.1",)) as client:
        answer = client.post("/api/comparisons", json=_body(f"{site}/us.html"))
        assert answer.status_code == 201, answer.text
        report = answer.json()
        assert "Taiwan Strait" in report["readouts"][0]["text"]
        assert report["readouts"][0]["source"] == "U.S. Department of State"
        assert report["date"] == "2025-07-31" and report["title"].startswith("Secretary Rubio")
        # what is stored as the request is the fetched text: the report can be recomputed
        stored = client.get(f"/api/comparisons/{report['id']}").json()
        assert stored["readouts"][0]["text"] == report["readouts"][0]["text"]


def test_fetching_is_off_by_default(tmp_path: Path, site: str) -> None:
    with _client(tmp_path, ()) as client:
        answer = client.post("/api/comparisons", json=_body(f"{site}/us.html"))
        assert answer.status_code == 403
        assert answer.headers["content-type"].startswith("application/problem+json")
        assert "off on this server" in answer.json()["detail"]


def test_the_loopback_needs_its_own_name(tmp_path: Path, site: str) -> None:
    with _client(tmp_path, ("*",)) as client:
        answer = client.post("/api/comparisons", json=_body(f"{site}/us.html"))
        assert answer.status_code == 403
        assert "loopback, private or link-local" in answer.json()["detail"]


@pytest.mark.parametrize(
    ("path", "message"),
    [("/photo.png", "not an HTML page or text"), ("/empty.html", "no main text"),
     ("/to-private", "10.11.12.13 is not among the hosts"), ("/slow", "timed out")],
)  # fmt: skip
def test_a_bad_url_is_a_problem_not_a_500(
    tmp_path: Path, site: str, path: str, message: str
) -> None:
    with _client(tmp_path, ("127.0.0.1",)) as client:
        answer = client.post("/api/comparisons", json=_body(f"{site}{path}"))
        assert answer.status_code in (403, 422) and message in answer.json()["detail"]


def test_neither_text_nor_url_is_a_400(tmp_path: Path) -> None:
    with _client(tmp_path, ("127.0.0.1",)) as client:
        answer = client.post(
            "/api/comparisons", json={"readouts": [{"side": "US"}, {"side": "KR", "text": KR_TEXT}]}
        )
        assert answer.status_code == 400 and "needs a text or a url" in answer.text
