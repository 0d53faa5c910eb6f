"""POST /api/comparisons with three readouts: stored, listed under each side, read back."""

from __future__ import annotations

from typing import Any

from tests.api.conftest import Client
from tests.conftest import ROOT

MEETING = ROOT / "fixtures" / "trilateral" / "2023-08-23_blinken-park-hayashi-call"


def _body(count: int = 3) -> dict[str, Any]:
    names = [("US", "us.txt"), ("JP", "jp_partial.txt"), ("KR", "kr_ko.txt")]
    readouts = [
        {"side": side, "text": (MEETING / name).read_text(encoding="utf-8")} for side, name in names
    ]
    readouts += [{"side": f"X{n}", "text": readouts[0]["text"]} for n in range(count - 3)]
    return {"title": "Trilateral call", "date": "2023-08-23", "readouts": readouts}


def test_three_readouts_are_compared_and_stored(client: Client) -> None:
    answer = client.post("/api/comparisons", json=_body())
    assert answer.status_code == 201, answer.text
    report = answer.json()
    assert report["sides"] == ["US", "JP", "KR"] and "all_but_one" in report
    again = client.get(f"/api/comparisons/{report['id']}").json()
    assert again["sides"] == ["US", "JP", "KR"] and again["carried"] == report["carried"]
    # the list shows every side and finds the meeting by its third side
    listed = client.get("/api/comparisons", params={"side": "kr"}).json()
    assert [item["sides"] for item in listed["items"]] == [["US", "JP", "KR"]]
    assert set(listed["items"][0]["emphases"]) == {"US", "JP", "KR"}
    assert client.get("/api/comparisons", params={"side": "K"}).json()["total"] == 0
    page = client.get(f"/comparisons/{report['id']}")
    assert page.status_code == 200 and all(
        f'data-side="{s}"' in page.text for s in "US JP KR".split()
    )


def test_six_is_the_most(client: Client) -> None:
    assert client.post("/api/comparisons", json=_body(6)).status_code == 201
    answer = client.post("/api/comparisons", json=_body(7))
    assert answer.status_code == 400 and "needs 2 to 6 readouts, got 7" in answer.text


def test_sides_must_all_differ(client: Client) -> None:
    body = _body()
    body["readouts"][2]["side"] = "us"
    answer = client.post("/api/comparisons", json=body)
    assert answer.status_code == 400 and "need different sides" in answer.text
