"""The batch pages over the app: the list, the new-batch form (paste, upload, errors), trends."""

from __future__ import annotations

import dataclasses
import html
import json
import re

import pytest
from litestar.testing import TestClient

from service.api.app import create_app
from service.api.batch.form import plain
from service.batch.inputs import items_from_bodies, read_items
from service.pipeline.embed import FakeEncoder
from service.settings import Settings
from tests.api.batch.test_endpoints import wait
from tests.api.conftest import Client, body
from tests.batch.conftest import history
from tests.conftest import ROOT

FIXTURES = ROOT / "fixtures"


def _jsonl(bodies: list[object]) -> str:
    return "".join(json.dumps(b) + "\n" for b in bodies)


def test_pasted_lines_start_a_batch_listed_newest_first(client: Client) -> None:
    assert "No batches yet" in client.get("/batches").text
    first = client.post("/batches", files={"jsonl": (None, _jsonl(history()[:1]))},
                        follow_redirects=False)  # fmt: skip
    assert first.status_code == 303
    first_id = first.headers["location"].rsplit("/", 1)[1]
    second = client.post("/batches", files={"jsonl": (None, _jsonl(history()))})
    assert second.status_code == 200 and "Batch of 3 meetings" in second.text
    wait(client, first_id)
    listing = client.get("/batches").text
    ids = re.findall(r'data-batch="([0-9a-f]{32})"', listing)
    assert len(ids) == 2 and ids[1] == first_id, "newest first"
    assert 'href="/batches"' in client.get("/").text, "the header links the list"


def test_an_uploaded_file_starts_a_batch(client: Client) -> None:
    upload = _jsonl(history()).encode()
    response = client.post("/batches", files={"file": ("history.jsonl", upload, "text/plain")},
                           follow_redirects=False)  # fmt: skip
    assert response.status_code == 303
    batch = wait(client, response.headers["location"].rsplit("/", 1)[1])
    assert batch["progress"] == {"total": 3, "done": 3, "ok": 3, "failed": 0, "fraction": 1.0}
    page = client.get(batch["page"]).text
    assert "<svg" in page and "trends.csv" in page and "<table>" in page


@pytest.mark.parametrize(
    ("pasted", "words"),
    [
        ("", "there are no comparisons"),
        ("   \n\n", "there are no comparisons"),
        ('{"readouts": [', "line 1: it is not a JSON object"),
        (json.dumps(body(readouts=[{"side": "US", "text": " "}, {"side": "KR", "text": "x"}])),
         "line 1: the first readout's text is empty"),
        (json.dumps(body(date="2025-13-40")), "line 1: the date must be a real day as YYYY-MM-DD"),
    ],
)  # fmt: skip
def test_a_bad_paste_is_refused_in_plain_words(client: Client, pasted: str, words: str) -> None:
    response = client.post("/batches", files={"jsonl": (None, pasted)})
    assert response.status_code == 422
    assert words in html.unescape(response.text)
    assert "msgspec" not in response.text and "$." not in response.text
    assert "Expected `" not in response.text
    assert "No batches yet" in response.text, "nothing was started"


def test_a_bad_line_becomes_an_error_entry_and_the_rest_run_as_in_the_cli(client: Client) -> None:
    lines = (FIXTURES / "batches" / "with_errors.jsonl").read_text(encoding="utf-8")
    cli = read_items(FIXTURES / "batches" / "with_errors.jsonl")
    response = client.post("/batches", files={"jsonl": (None, lines)}, follow_redirects=False)
    assert response.status_code == 303, html.unescape(response.text)[:2000]
    page = html.unescape(client.get(response.headers["location"]).text)
    web = client.app.state.batches.get(response.headers["location"].rsplit("/", 1)[1])[1]
    assert [i.status == "error" for i in web] == [i.status == "error" for i in cli]
    errors = [i for i in web if i.error]
    assert len(errors) >= 6 and all((i.title or "").startswith("line ") for i in errors)
    assert {"line 4", "line 5"} <= {i.title for i in errors} and "it is not a JSON object" in page
    assert "not a comparison body" not in page and "Expected `" not in page


def test_every_error_is_listed_when_no_line_can_run(client: Client) -> None:
    bad = [json.dumps(body(date=f"2025-13-{n:02d}")) for n in range(1, 9)]
    response = client.post("/batches", files={"jsonl": (None, "\n".join(bad))})
    assert response.status_code == 422
    page = html.unescape(response.text)
    assert all(f"line {n}: the date must be a real day" in page for n in range(1, 9))
    assert "…" not in page.split("Could not start the batch")[1].split("</div>")[0]


def test_a_file_and_pasted_lines_together_are_refused_in_words(client: Client) -> None:
    upload = _jsonl(history()[:1]).encode()
    pasted = _jsonl(history()[1:2])
    response = client.post(
        "/batches",
        files={"file": ("history.jsonl", upload, "text/plain"), "jsonl": (None, pasted)},
    )
    assert response.status_code == 422
    page = html.unescape(response.text)
    assert "history.jsonl" in page and "send one of them" in page
    assert "No batches yet" in page, "nothing was started"


def test_a_file_that_is_not_text_is_refused(client: Client) -> None:
    response = client.post("/batches", files={"file": ("x.jsonl", b"\xff\xfe\x00", "text/plain")})
    assert response.status_code == 422 and "x.jsonl is not a UTF-8 text file" in response.text


@pytest.mark.parametrize(
    ("bad", "words"),
    [({"readouts": [{"side": "US", "text": "x"}]}, "a comparison needs 2 to 6 readouts"),
     ({"x": 1}, "it has a field a comparison does not have (x)"),
     ([1], "it is not a JSON object with readouts"),
     (body(title=5), "the title should be text"),
     ({"readouts": [{"side": "US", "text": "a"}, {"side": " KR", "text": "b"}]},
      "the second readout's side label has spaces at either end")],
)  # fmt: skip
def test_schema_messages_in_plain_words(bad: object, words: str) -> None:
    error = items_from_bodies([bad])[0].error
    assert error is not None and plain(error).startswith(words)


def test_undated_meetings_get_the_table_and_no_time_axis(client: Client) -> None:
    undated = [{k: v for k, v in b.items() if k != "date"} for b in history()]
    response = client.post("/batches", files={"jsonl": (None, _jsonl(undated))},
                           follow_redirects=False)  # fmt: skip
    batch = wait(client, response.headers["location"].rsplit("/", 1)[1])
    assert batch["trends"]["quarters"] == []
    page = client.get(batch["page"]).text
    assert "no time axis" in page and "<svg" not in page
    assert '<th scope="row">undated</th>' in page


def test_the_form_needs_the_token_when_the_server_has_one(settings: Settings) -> None:
    app = create_app(dataclasses.replace(settings, api_token="t0ken"), encoder=FakeEncoder())
    lines = (None, _jsonl(history()[:1]))
    with TestClient(app) as closed:
        assert 'name="token"' in closed.get("/batches").text
        refused = closed.post("/batches", files={"token": (None, "wrong"), "jsonl": lines})
        assert refused.status_code == 401 and "API token" in refused.text
        assert "No batches yet" in closed.get("/batches").text
        accepted = closed.post("/batches", files={"token": (None, "t0ken"), "jsonl": lines},
                               follow_redirects=False)  # fmt: skip
        assert accepted.status_code == 303
