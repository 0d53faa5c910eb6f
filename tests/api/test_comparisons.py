"""POST/GET/DELETE /api/comparisons: the happy path, pagination, filters and every error."""

from __future__ import annotations

from typing import Any

import pytest
from litestar import Litestar

from tests.api.conftest import KR_TEXT, US_TEXT, Client, body


def stored(client: Client) -> int:
    total: int = client.get("/api/comparisons").json()["total"]
    return total


def test_submit_returns_201_the_report_and_its_location(client: Client) -> None:
    response = client.post("/api/comparisons", json=body())
    assert response.status_code == 201
    report = response.json()
    assert response.headers["location"] == f"/api/comparisons/{report['id']}"
    assert report["sides"] == ["US", "KR"] and report["date"] == "2025-07-31"
    assert {"claims", "matches", "emphases", "model"} <= report.keys()
    again = client.get(response.headers["location"])
    assert again.status_code == 200 and again.json() == report


def test_delete_removes_and_a_second_delete_is_404(client: Client) -> None:
    location = client.post("/api/comparisons", json=body()).headers["location"]
    assert client.delete(location).status_code == 204
    assert client.get(location).status_code == 404
    gone = client.delete(location)
    assert gone.status_code == 404
    assert gone.headers["content-type"] == "application/problem+json"


def test_list_pages_newest_first_and_filters(client: Client) -> None:
    ids = []
    for number, (side, date) in enumerate([("KR", "2024-02-28"), ("JP", "2025-07-31")] * 2):
        readouts = [{"side": "US", "text": US_TEXT}, {"side": side, "text": f"{KR_TEXT} {number}"}]
        response = client.post("/api/comparisons", json=body(date=date, readouts=readouts))
        ids.append(response.json()["id"])
    page = client.get("/api/comparisons", params={"limit": 3}).json()
    assert page["total"] == 4 and [i["id"] for i in page["items"]] == ids[::-1][:3]
    rest = client.get("/api/comparisons", params={"limit": 3, "offset": 3}).json()
    assert [i["id"] for i in rest["items"]] == [ids[0]]
    assert rest["items"][0]["page"] == f"/comparisons/{ids[0]}"
    by_side = client.get("/api/comparisons", params={"side": "jp"}).json()
    assert {i["id"] for i in by_side["items"]} == {ids[1], ids[3]}
    by_date = client.get("/api/comparisons", params={"date_from": "2025-01-01"}).json()
    assert {i["id"] for i in by_date["items"]} == {ids[1], ids[3]}
    window = {"date_from": "2024-01-01", "date_to": "2024-12-31"}
    assert client.get("/api/comparisons", params=window).json()["total"] == 2
    by_text = client.get("/api/comparisons", params={"text": f"{KR_TEXT[-40:]} 2"}).json()
    assert [i["id"] for i in by_text["items"]] == [ids[2]]


def readouts(first: dict[str, Any], second: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"side": "US", "text": US_TEXT} | first, {"side": "KR", "text": KR_TEXT} | second]


BAD_BODIES: dict[str, tuple[Any, int]] = {
    "no readouts": (body(readouts=[]), 400),
    "one readout": (body(readouts=readouts({}, {})[:1]), 400),
    "seven readouts": (body(readouts=[{"side": f"S{n}", "text": "x"} for n in range(7)]), 400),
    "same sides": (body(readouts=readouts({}, {"side": "us"})), 400),
    "empty side": (body(readouts=readouts({"side": ""}, {})), 400),
    "side too long": (body(readouts=readouts({"side": "S" * 17}, {})), 400),
    "side with spaces around": (body(readouts=readouts({"side": " US"}, {})), 400),
    "blank text": (body(readouts=readouts({"text": "   \n"}, {})), 400),
    "text not a string": (body(readouts=readouts({"text": 5}, {})), 400),
    "impossible date": (body(date="2025-02-30"), 400),
    "date not ISO": (body(date="31/07/2025"), 400),
    "unknown field": (body(readout="typo"), 400),
    "url not http": (body(readouts=readouts({"url": "javascript:alert(1)"}, {})), 400),
    "body is a list": ([1, 2], 400),
    "readout over the limit": (body(readouts=readouts({"text": "word " * 20_001}, {})), 400),
    "body over the limit": (body(readouts=readouts({"text": "word " * 50_000}, {})), 413),
    "no claims": (body(readouts=readouts({"text": "Log in to comment"}, {})), 422),
}


@pytest.mark.parametrize("case", BAD_BODIES)
def test_bad_bodies_are_problems_and_store_nothing(client: Client, case: str) -> None:
    payload, status = BAD_BODIES[case]
    response = client.post("/api/comparisons", json=payload)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == status and problem["title"] and problem["detail"]
    assert stored(client) == 0


def test_malformed_json_and_wrong_media_type_are_problems(client: Client) -> None:
    for content, media in [(b"{not json", "application/json"), (b"\xff\xfe", "application/json")]:
        response = client.post("/api/comparisons", content=content, headers={"content-type": media})
        assert response.status_code == 400
        assert response.headers["content-type"] == "application/problem+json"
    assert stored(client) == 0


def test_validation_problem_names_the_field(client: Client) -> None:
    problem = client.post("/api/comparisons", json=body(date="2025-02-30")).json()
    assert [e["key"] for e in problem["errors"]] == ["date"]
    same = client.post("/api/comparisons", json=body(readouts=readouts({}, {"side": "us"})))
    assert "different sides" in same.json()["errors"][0]["message"]


def test_the_limit_from_the_running_settings_is_checked(client: Client, app: Litestar) -> None:
    app.state.comparisons.max_readout_chars = 1000
    response = client.post("/api/comparisons", json=body())
    assert response.status_code == 400 and "limit is 1000" in response.json()["detail"]
    assert response.json()["errors"][0]["key"] == "readouts[0].text"
    assert stored(client) == 0


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/api/comparisons/does-not-exist", 404),
        ("DELETE", "/api/comparisons/does-not-exist", 404),
        ("GET", "/api/comparisons?limit=0", 400),
        ("GET", "/api/comparisons?limit=101", 400),
        ("GET", "/api/comparisons?offset=-1", 400),
        ("GET", "/api/comparisons?date_from=2025-13-01", 400),
        ("GET", "/api/comparisons?side=" + "S" * 17, 400),
        ("PUT", "/api/comparisons", 405),
        ("GET", "/api/nothing-here", 404),
    ],
)
def test_bad_requests_are_problems(client: Client, method: str, path: str, status: int) -> None:
    client.post("/api/comparisons", json=body())
    response = client.request(method, path)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == status
    assert stored(client) == 1


def test_a_report_read_back_carries_its_history_when_earlier_meetings_exist(
    client: Client,
) -> None:
    earlier = client.post("/api/comparisons", json=body(date="2024-02-28"))
    later = client.post("/api/comparisons", json=body(date="2025-07-31"))
    assert earlier.status_code == later.status_code == 201
    first = client.get(earlier.headers["location"]).json()
    second = client.get(later.headers["location"]).json()
    assert first["history"] == []
    assert len(second["history"]) == len(second["emphases"])
    # The same readouts a year before: every emphasis was carried then.
    assert {(h["carried"], h["meetings"], tuple(h["dates"])) for h in second["history"]} == {
        (1, 1, ("2024-02-28",))
    }
