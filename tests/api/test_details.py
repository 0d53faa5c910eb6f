"""Issue 25 item 5 over the app: one charset per download, HEAD on GET routes, invisible
characters in side labels."""

from __future__ import annotations

import pytest

from tests.api.batch.test_endpoints import wait
from tests.api.conftest import Client, body
from tests.batch.conftest import history


@pytest.mark.parametrize("fmt", ["md", "html", "text"])
def test_a_download_names_its_charset_once(client: Client, fmt: str) -> None:
    created = client.post("/api/comparisons", json=body()).json()["id"]
    media = client.get(f"/api/comparisons/{created}?format={fmt}").headers["content-type"]
    assert media.count("charset") == 1, media


def test_the_trends_csv_names_its_charset_once(client: Client) -> None:
    batch = wait(client, client.post("/api/batches", json={"comparisons": history()}).json()["id"])
    media = client.get(batch["trends_csv"]).headers["content-type"]
    assert media == "text/csv; charset=utf-8"


def test_head_answers_on_every_get_route(client: Client) -> None:
    created = client.post("/api/comparisons", json=body()).json()["id"]
    for path in ("/", "/health", f"/api/comparisons/{created}", f"/comparisons/{created}",
                 "/static/style.css", "/batches", "/api/comparisons"):  # fmt: skip
        got, head = client.get(path), client.head(path)
        assert head.status_code == 200, path
        assert head.content == b"" and head.headers["content-type"] == got.headers["content-type"]
        assert head.headers.get("content-length") == got.headers.get("content-length"), path
    assert client.head("/nowhere").status_code == 404


@pytest.mark.parametrize("side", ["U\u200bS", "\u200bUS", "US\u2060", "U\u200dS", "\ufeffUS"])
def test_invisible_characters_in_a_side_label_are_refused(client: Client, side: str) -> None:
    readouts = body()["readouts"]
    readouts[0]["side"] = side
    response = client.post("/api/comparisons", json=body(readouts=readouts))
    assert response.status_code in (400, 422), response.text
    assert client.get("/api/comparisons").json()["total"] == 0


def test_sides_that_differ_only_in_width_or_case_are_one_side(client: Client) -> None:
    readouts = body()["readouts"]
    readouts[1]["side"] = "ｕｓ"
    response = client.post("/api/comparisons", json=body(readouts=readouts))
    assert response.status_code in (400, 422) and "different sides" in response.text
