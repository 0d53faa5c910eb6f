"""GET /api/comparisons/{id} in every format: by ?format= (a download) and by Accept."""

from __future__ import annotations

import json

import pytest

from tests.api.conftest import Client, body


@pytest.fixture
def report_id(client: Client) -> str:
    response = client.post("/api/comparisons", json=body())
    assert response.status_code == 201
    report_id: str = response.json()["id"]
    return report_id


@pytest.mark.parametrize(
    ("fmt", "media_type", "extension", "marker"),
    [
        ("md", "text/markdown", "md", "## Shared"),
        ("html", "text/html", "html", "<style>"),
        ("json", "application/json", "json", '"emphases"'),
        ("text", "text/plain", "txt", "Shared (similarity"),
    ],
)
def test_format_query_downloads_a_named_file(
    client: Client, report_id: str, fmt: str, media_type: str, extension: str, marker: str
) -> None:
    response = client.get(f"/api/comparisons/{report_id}", params={"format": fmt})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)
    assert response.headers["content-disposition"] == (
        f'attachment; filename="2025-07-31-rubio-and-cho-hyun.{extension}"'
    )
    assert marker in response.text


def test_the_standalone_html_needs_no_server(client: Client, report_id: str) -> None:
    page = client.get(f"/api/comparisons/{report_id}", params={"format": "html"}).text
    assert 'href="/static' not in page and 'src="/static' not in page
    assert "@media print" in page  # the print stylesheet travels inline too


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [("text/markdown", "text/markdown"), ("text/html", "text/html"), ("text/plain", "text/plain")],
)
def test_accept_picks_the_format_inline(
    client: Client, report_id: str, accept: str, media_type: str
) -> None:
    response = client.get(f"/api/comparisons/{report_id}", headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)
    assert "content-disposition" not in response.headers


def test_json_stays_the_default(client: Client, report_id: str) -> None:
    response = client.get(f"/api/comparisons/{report_id}")
    assert response.headers["content-type"].startswith("application/json")
    assert json.loads(response.text)["id"] == report_id


def test_an_unknown_format_is_a_406_problem(client: Client, report_id: str) -> None:
    response = client.get(f"/api/comparisons/{report_id}", params={"format": "pdf"})
    assert response.status_code == 406
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "pdf" in response.json()["detail"]


def test_an_unknown_url_is_html_for_a_browser_and_a_problem_for_a_client(client: Client) -> None:
    page = client.get("/no/such/page", headers={"Accept": "text/html,application/xhtml+xml"})
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "There is no page at /no/such/page" in page.text
    problem = client.get("/no/such/page", headers={"Accept": "application/json"})
    assert problem.status_code == 404
    assert problem.headers["content-type"].startswith("application/problem+json")
    api = client.get("/api/nothing", headers={"Accept": "text/html"})
    assert api.headers["content-type"].startswith("application/problem+json")


def test_reloading_the_old_form_address_goes_home(client: Client) -> None:
    response = client.get("/comparisons", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/"
