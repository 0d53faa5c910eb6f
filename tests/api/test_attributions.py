"""A stored comparison carries each claim's speaker and shows its attributions on the page."""

from __future__ import annotations

from html import escape

from tests.api.conftest import Client, body
from tests.conftest import PAIRS

PAIR = PAIRS / "2022-05-23_blinken-hayashi-tokyo"


def test_the_json_and_the_page_say_who_said_it(client: Client) -> None:
    readouts = [
        {"side": "US", "text": (PAIR / "us.txt").read_text(encoding="utf-8")},
        {"side": "JP", "text": (PAIR / "jp.txt").read_text(encoding="utf-8")},
    ]
    report = client.post("/api/comparisons", json=body(readouts=readouts)).json()
    speaker = {c["text"].split(",")[0]: c["speaker"] for c in report["claims"]}
    assert speaker["In response"] == "other"
    assert (
        speaker["The two ministers exchanged their views on the current international affairs."]
        == "both"
    )
    assert report["attributions"], "the Japanese readout gives Blinken alone a statement"
    page = client.get(f"/comparisons/{report['id']}").text
    assert "Attributed to the other side" in page
    for attribution in report["attributions"]:
        assert escape(" ".join(attribution["quote"]["text"].split())) in page
