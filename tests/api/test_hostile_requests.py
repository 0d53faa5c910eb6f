"""Issue 25 item 2: requests that gave a 500 now get a 4xx problem (or page)."""

from __future__ import annotations

import json

import pytest
from litestar.testing import TestClient

from tests.api.batch.test_endpoints import wait
from tests.api.conftest import Client, body
from tests.batch.conftest import history

DEEP = "[" * 1000 + "]" * 1000
STATIC_PATHS = [
    "/static/style.css%00.png",
    "/static/style.css/x",
    "/static/style.css/..",
    "/static/" + "a" * 300,
    "/static/..%2fservice%2fsettings.py",
    "/static/",
]


def test_json_nested_a_thousand_deep_is_a_400(client: Client) -> None:
    for path, raw in [
        ("/api/comparisons", '{"readouts": ' + DEEP + "}"),
        ("/api/batches", '{"comparisons": ' + DEEP + "}"),
        ("/api/batches", '{"comparisons": [' + ('{"a":' * 999 + "1" + "}" * 999) + "]}"),
    ]:
        response = client.post(path, content=raw, headers={"Content-Type": "application/json"})
        assert response.status_code == 400, (path, response.text)
        assert "READOUT_DIFF_MAX_JSON_DEPTH" in response.json()["detail"]
    form = client.post("/batches", files={"jsonl": (None, DEEP)})
    assert form.status_code == 422 and "nests 1000 levels" in form.text


def test_brackets_inside_strings_do_not_count(client: Client) -> None:
    quoted = body(title="[" * 200 + '"{' * 10)
    assert client.post("/api/comparisons", json=quoted).status_code == 201


@pytest.mark.parametrize("q", ["1e308", "inf", "-inf", "nan", "1e400", "-1e308"])
def test_an_accept_header_with_a_wild_quality_is_read_as_none(client: Client, q: str) -> None:
    created = client.post("/api/comparisons", json=body()).json()["id"]
    accept = {"Accept": f"text/markdown;q={q}, text/html;q=0.5"}
    report = client.get(f"/api/comparisons/{created}", headers=accept)
    assert report.status_code == 200
    if q != "nan":  # Litestar reads q=nan as no q at all; an overflow here falls back to JSON
        assert report.headers["content-type"] == "application/json"
    for path in ("/nowhere", f"/comparisons/{created}", "/"):
        assert client.get(path, headers=accept).status_code < 500, path


@pytest.mark.parametrize("path", STATIC_PATHS)
def test_odd_static_paths_are_404(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404, response.text


def test_the_static_files_are_served(client: Client) -> None:
    css = client.get("/static/style.css")
    assert css.status_code == 200 and css.headers["content-type"] == "text/css; charset=utf-8"
    js = client.get("/static/report.js")
    assert js.status_code == 200 and js.headers["content-type"].startswith("text/javascript")


def test_tex_in_side_labels_is_drawn_as_text(client: TestClient) -> None:  # type: ignore[type-arg]
    bodies = history()
    for meeting in bodies:
        readouts = meeting["readouts"]
        assert isinstance(readouts, list)
        readouts[0]["side"], readouts[1]["side"] = r"$\frac$", "$x^$"
    sent = client.post("/api/batches", json={"comparisons": bodies})
    assert sent.status_code == 202
    batch = wait(client, sent.json()["id"])
    assert batch["progress"]["ok"] == len(bodies)
    for _ in range(2):
        page = client.get(batch["page"])
        assert page.status_code == 200 and "<svg" in page.text
        assert "$x^$" in page.text


def test_a_deep_line_in_a_batch_file_upload_is_a_page(client: Client) -> None:
    lines = json.dumps(body()) + "\n" + DEEP + "\n"
    response = client.post(
        "/batches", files={"file": ("deep.jsonl", lines.encode(), "text/plain")},
        follow_redirects=False,
    )  # fmt: skip
    assert response.status_code == 303, "the good line runs, as in the CLI"
    page = client.get(response.headers["location"]).text
    assert "line 2" in page and "nests 1000 levels" in page
