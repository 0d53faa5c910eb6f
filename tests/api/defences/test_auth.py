"""READOUT_DIFF_API_TOKEN: writes need the token when it is set, reads stay open."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from service.api.app import create_app
from service.api.defences.auth import bearer, token_matches
from service.pipeline.embed import FakeEncoder
from service.settings import Settings
from tests.api.conftest import KR_TEXT, US_TEXT, body

TOKEN = "s3cret-token-for-tests"
GOOD = {"Authorization": f"Bearer {TOKEN}"}
BAD_HEADERS = [
    {},
    {"Authorization": "Bearer wrong"},
    {"Authorization": f"Bearer {TOKEN}x"},
    {"Authorization": f"Basic {TOKEN}"},
    {"Authorization": TOKEN},
    {"Authorization": "Bearer "},
]


@pytest.fixture
def closed(settings: Settings) -> Iterator[TestClient[Litestar]]:
    app = create_app(dataclasses.replace(settings, api_token=TOKEN), encoder=FakeEncoder())
    with TestClient(app) as client:
        yield client


def _count(client: TestClient[Litestar]) -> int:
    total: int = client.get("/api/comparisons").json()["total"]
    return total


@pytest.mark.parametrize("headers", BAD_HEADERS)
def test_writes_without_the_token_are_refused_with_401(
    closed: TestClient[Litestar], headers: dict[str, str]
) -> None:
    created = closed.post("/api/comparisons", json=body(), headers=GOOD)
    assert created.status_code == 201
    for response in (
        closed.post("/api/comparisons", json=body(), headers=headers),
        closed.delete(created.headers["location"], headers=headers),
    ):
        assert response.status_code == 401
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.headers["www-authenticate"].startswith("Bearer")
        assert "Authorization: Bearer" in response.json()["detail"]
    assert _count(closed) == 1
    assert closed.get(created.headers["location"]).status_code == 200


def test_reads_stay_open_and_the_token_opens_writes(closed: TestClient[Litestar]) -> None:
    created = closed.post("/api/comparisons", json=body(), headers=GOOD)
    assert created.status_code == 201
    location = created.headers["location"]
    for path in (
        "/health",
        "/api/comparisons",
        location,
        f"/comparisons/{created.json()['id']}",
        "/",
        "/schema/openapi.json",
    ):
        assert closed.get(path).status_code == 200, path
    assert closed.delete(location, headers=GOOD).status_code == 204
    assert _count(closed) == 0


def test_the_form_asks_for_the_token_and_says_so_when_it_is_missing(
    closed: TestClient[Litestar],
) -> None:
    home = closed.get("/")
    assert 'name="token"' in home.text
    form = {"side_a": "US", "side_b": "KR", "text_a": US_TEXT, "text_b": KR_TEXT}
    refused = closed.post("/", data={**form, "token": "wrong"})
    assert refused.status_code == 401
    assert refused.headers["content-type"].startswith("text/html")
    assert "API token" in refused.text and "wrong" not in refused.text
    assert _count(closed) == 0
    # The token goes first, as the form sends it: it is checked before the rest is read.
    late = closed.post("/", data={**form, "token": TOKEN}, follow_redirects=False)
    assert late.status_code == 401 and _count(closed) == 0
    accepted = closed.post("/", data={"token": TOKEN, **form}, follow_redirects=False)
    assert accepted.status_code == 303
    report_page = closed.get(accepted.headers["location"])
    assert 'name="token"' in report_page.text  # the delete form asks for it too
    comparison_id = accepted.headers["location"].rsplit("/", 1)[1]
    delete = f"/comparisons/{comparison_id}/delete"
    assert closed.post(delete, data={"token": "nope"}).status_code == 401
    assert _count(closed) == 1
    assert closed.post(delete, data={"token": TOKEN}, follow_redirects=False).status_code == 303
    assert _count(closed) == 0


def test_without_a_token_everything_is_open(client: TestClient[Litestar]) -> None:
    created = client.post("/api/comparisons", json=body())
    assert created.status_code == 201
    assert 'name="token"' not in client.get("/").text
    assert client.delete(created.headers["location"]).status_code == 204


def test_bearer_parsing_and_comparison() -> None:
    assert bearer(f"Bearer {TOKEN}") == TOKEN
    assert bearer(f"bearer   {TOKEN} ") == TOKEN
    assert bearer(f"Basic {TOKEN}") is None and bearer(None) is None and bearer("Bearer") is None
    assert token_matches(TOKEN, TOKEN)
    assert not token_matches(TOKEN, None) and not token_matches(TOKEN, TOKEN[:-1])
    assert not token_matches(TOKEN, "ünïcode")


def test_the_multipart_form_with_a_file_takes_the_token_first(closed: TestClient[Litestar]) -> None:
    """The compare form is multipart (a file per readout): its token field is checked first."""
    fields = {"side_a": (None, "US"), "side_b": (None, "KR"), "text_b": (None, KR_TEXT)}
    upload = {"file_a": ("us.txt", US_TEXT.encode(), "text/plain")}
    refused = closed.post("/", files={"token": (None, "wrong"), **fields, **upload})
    assert refused.status_code == 401
    accepted = closed.post(
        "/", files={"token": (None, TOKEN), **fields, **upload}, follow_redirects=False
    )
    assert accepted.status_code == 303, accepted.text
