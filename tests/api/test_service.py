"""/health, the OpenAPI document, and examples loaded on first start."""

from __future__ import annotations

from pathlib import Path

from litestar.testing import TestClient

from service.api.app import create_app
from service.pipeline.embed import FakeEncoder
from service.settings import Settings
from tests.api.conftest import TEST_HOSTS, Client
from tests.conftest import PAIR_COUNT, PAIRS


def test_health_names_the_model(client: Client) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "model": "fake-bow", "comparisons": 0}


def test_openapi_document_lists_the_endpoints(client: Client) -> None:
    response = client.get("/schema/openapi.json")
    assert response.status_code == 200
    spec = response.json()
    assert {"/api/comparisons", "/api/comparisons/{comparison_id}", "/health"} <= spec[
        "paths"
    ].keys()
    readout = spec["components"]["schemas"]["ReadoutIn"]["properties"]
    assert readout["side"]["maxLength"] == 16
    assert "cdn" not in client.get("/schema").text.lower()


def test_examples_load_on_first_start_only(tmp_path: Path, database: Path | str) -> None:
    url = database if isinstance(database, str) else None
    settings = Settings(
        data_dir=tmp_path, examples=True, examples_dir=PAIRS, database_url=url,
        allowed_hosts=TEST_HOSTS,
    )  # fmt: skip
    with TestClient(create_app(settings, encoder=FakeEncoder())) as client:
        listed = client.get("/api/comparisons").json()
        assert listed["total"] == PAIR_COUNT
        client.delete(listed["items"][0]["url"])
    with TestClient(create_app(settings, encoder=FakeEncoder())) as client:
        assert client.get("/api/comparisons").json()["total"] == PAIR_COUNT - 1
