"""The bad-input corpus against the API: 4xx problem+json, never 5xx, the database untouched."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import msgspec
import pytest
from litestar import Litestar
from litestar.testing import TestClient

from service.pipeline.types import Report
from service.render.markdown import to_markdown
from service.settings import Settings
from tests.api.conftest import body
from tests.bad_inputs import (
    ACCEPTED,
    API_ONLY,
    PAIRS,
    SCRIPT,
    TAG_SIDE,
    Accepted,
    Pair,
    Request,
)
from tests.postgres import dump as dump_postgres

Client = TestClient[Litestar]
PROBLEM = "application/problem+json"


def dump(settings: Settings) -> list[str]:
    """Every row of every table: equal before and after means nothing changed."""
    if settings.database_url:
        return dump_postgres(settings.database_url)
    connection = sqlite3.connect(settings.database_path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


@pytest.fixture
def seeded(client: Client, settings: Settings) -> Iterator[Client]:
    """A client whose database already holds one comparison (so 'unchanged' is not 'empty')."""
    assert client.post("/api/comparisons", json=body()).status_code == 201
    yield client


def _assert_problem(response: object, before: list[str], settings: Settings) -> dict[str, object]:
    status = response.status_code  # type: ignore[attr-defined]
    assert 400 <= status < 500, response.text  # type: ignore[attr-defined]
    assert response.headers["content-type"].startswith(PROBLEM)  # type: ignore[attr-defined]
    problem: dict[str, object] = response.json()  # type: ignore[attr-defined]
    assert problem["status"] == status
    assert problem.get("detail")
    assert "Traceback" not in response.text  # type: ignore[attr-defined]
    assert dump(settings) == before
    return problem


@pytest.mark.parametrize("case", PAIRS, ids=lambda c: c.name)
def test_a_bad_pair_is_a_problem_and_stores_nothing(
    seeded: Client, settings: Settings, case: Pair
) -> None:
    before = dump(settings)
    response = seeded.post("/api/comparisons", json=case.body())
    problem = _assert_problem(response, before, settings)
    errors = problem.get("errors")
    if case.key is not None and isinstance(errors, list):
        assert case.key in {e["key"] for e in errors}, problem
    else:
        messages = [problem["detail"], *(e["message"] for e in errors or [])]  # type: ignore[attr-defined]
        assert case.says.lower() in " ".join(map(str, messages)).lower(), problem


@pytest.mark.parametrize("case", PAIRS, ids=lambda c: c.name)
def test_a_bad_pair_through_the_form_is_refused_and_stores_nothing(
    seeded: Client, settings: Settings, case: Pair
) -> None:
    before = dump(settings)
    form = {"side_a": case.sides[0], "side_b": case.sides[1], "text_a": case.texts[0]}
    form |= {"text_b": case.texts[1], "date": case.date or ""}
    response = seeded.post("/", data=form)
    assert 400 <= response.status_code < 500, response.text[:300]
    if response.headers["content-type"].startswith("text/html"):
        words = "Too large" if response.status_code == 413 else "Could not compare"
        assert words in response.text
    assert dump(settings) == before


@pytest.mark.parametrize("case", API_ONLY, ids=lambda c: c.name)
def test_a_bad_request_is_a_problem_and_stores_nothing(
    seeded: Client, settings: Settings, case: Request
) -> None:
    before = dump(settings)
    response = seeded.request(
        case.method, case.path, content=case.content, headers={"content-type": case.content_type}
    )
    _assert_problem(response, before, settings)
    if case.status is not None:
        assert response.status_code == case.status


@pytest.mark.parametrize("case", ACCEPTED, ids=lambda c: c.name)
def test_odd_but_legitimate_input_is_compared(seeded: Client, case: Accepted) -> None:
    payload = {
        "readouts": [{"side": s, "text": t} for s, t in zip(case.sides, case.texts, strict=True)]
    }
    if case.title:
        payload["title"] = case.title
    response = seeded.post("/api/comparisons", json=payload)
    assert response.status_code == 201, response.text[:300]
    report = msgspec.json.decode(response.content, type=Report)
    texts = dict(zip(case.sides, case.texts, strict=True))
    assert report.claims
    for claim in report.claims:
        assert texts[claim.side][claim.start : claim.end] == claim.text
    if case.texts[0] == case.texts[1]:
        assert report.emphases == [], "identical texts: nothing is said by one side alone"
    stored = seeded.get(response.headers["location"])
    assert stored.status_code == 200
    assert stored.json()["id"] == report.id


def test_html_is_escaped_on_every_page_and_in_markdown(seeded: Client) -> None:
    case = next(c for c in ACCEPTED if "<script>" in c.name)
    payload = {
        "title": case.title,
        "readouts": [{"side": s, "text": t} for s, t in zip(case.sides, case.texts, strict=True)],
    }
    created = seeded.post("/api/comparisons", json=payload)
    assert created.status_code == 201
    report_id = created.json()["id"]
    form_error = {"side_a": TAG_SIDE, "side_b": TAG_SIDE.lower(), "text_a": case.texts[0]}
    form_error |= {"text_b": "x", "title": SCRIPT}
    pages = {
        "report": seeded.get(f"/comparisons/{report_id}"),
        "home": seeded.get("/"),
        "search": seeded.get("/", params={"text": SCRIPT}),
        "form error": seeded.post("/", data=form_error),
        "not found": seeded.get("/comparisons/%3Cscript%3Ealert(1)"),
    }
    for name, page in pages.items():
        assert page.status_code < 500, name
        assert page.headers["content-type"].startswith("text/html"), name
        assert "<script>alert" not in page.text, f"unescaped <script> on the {name} page"
        assert TAG_SIDE not in page.text and "<b>welcomed" not in page.text, name
    assert "&lt;script&gt;" in pages["report"].text
    assert "&lt;xss&gt;US" in pages["report"].text
    assert "&lt;script&gt;" in pages["form error"].text
    assert "&lt;script&gt;alert(1)" in pages["not found"].text
    markdown = to_markdown(msgspec.json.decode(created.content, type=Report))
    assert "<script>" not in markdown and "<b>" not in markdown and TAG_SIDE not in markdown
    assert "\\<script\\>" in markdown


@pytest.mark.parametrize(
    "path",
    ["/comparisons/nope", "/comparisons/%00", "/?page=" + "9" * 30, "/?page=-3", "/?text=%00"],
)
def test_pages_never_fail_on_odd_paths(seeded: Client, path: str) -> None:
    response = seeded.get(path)
    assert response.status_code in (200, 404)
    assert response.headers["content-type"].startswith("text/html")
