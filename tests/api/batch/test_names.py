"""A name for each batch: given by the API or the form, shown on the batch list and page; and
batch lines of three readouts."""

from __future__ import annotations

import json
from typing import Any

from tests.api.batch.test_endpoints import wait
from tests.api.conftest import Client
from tests.batch.conftest import history
from tests.conftest import ROOT

MEETING = ROOT / "fixtures" / "trilateral" / "2023-08-23_blinken-park-hayashi-call"


def _trilateral() -> dict[str, Any]:
    files = [("US", "us.txt"), ("JP", "jp_partial.txt"), ("KR", "kr_ko.txt")]
    readouts = [{"side": s, "text": (MEETING / f).read_text(encoding="utf-8")} for s, f in files]
    return {"title": "Trilateral call", "date": "2023-08-23", "readouts": readouts}


def test_the_api_names_a_batch(client: Client) -> None:
    name = "U.S.–ROK ministers <2024–2025>"
    answer = client.post("/api/batches", json={"comparisons": history(), "name": f"  {name} "})
    assert answer.status_code == 202 and answer.json()["name"] == name
    batch = wait(client, answer.json()["id"])
    assert batch["name"] == name
    listing = client.get("/batches").text
    assert "U.S.–ROK ministers &lt;2024–2025&gt;" in listing, "escaped on the list"
    assert (
        "<title>U.S.–ROK ministers &lt;2024–2025&gt; · readout-diff</title>"
        in client.get(batch["page"]).text
    )


def test_a_batch_without_a_name_reads_as_before(client: Client) -> None:
    answer = client.post("/api/batches", json={"comparisons": history()[:1]})
    batch = wait(client, answer.json()["id"])
    assert batch["name"] is None and "Batch of 1 meetings" in client.get(batch["page"]).text


def test_a_bad_name_is_refused(client: Client) -> None:
    answer = client.post("/api/batches", json={"comparisons": history(), "name": "a\x00b"})
    assert answer.status_code == 422 and "printable" in answer.json()["detail"]
    long = client.post("/api/batches", json={"comparisons": history(), "name": "x" * 201})
    assert long.status_code == 400


def test_the_form_names_a_batch(client: Client) -> None:
    lines = "".join(json.dumps(b) + "\n" for b in history()[:1])
    form = {"name": (None, "Tokyo meetings"), "jsonl": (None, lines)}
    answer = client.post("/batches", files=form, follow_redirects=False)
    assert answer.status_code == 303
    batch = wait(client, answer.headers["location"].rsplit("/", 1)[1])
    assert batch["name"] == "Tokyo meetings"
    assert "Tokyo meetings" in client.get("/batches").text


def test_a_batch_line_of_three_readouts(client: Client) -> None:
    answer = client.post("/api/batches", json={"comparisons": [_trilateral()]})
    batch = wait(client, answer.json()["id"])
    assert batch["progress"]["ok"] == 1, batch["items"]
    report = client.get(batch["items"][0]["url"]).json()
    assert report["sides"] == ["US", "JP", "KR"] and "all_but_one" in report
