"""The compare form beyond two pasted texts: a file per readout, a Fetch button per URL, and a
third to sixth readout."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from service.api.app import create_app
from service.pipeline.embed import FakeEncoder
from service.settings import Settings
from tests.api.conftest import KR_TEXT, TEST_HOSTS, US_TEXT
from tests.conftest import ROOT
from tests.fetch.pages import serving

FORM = {"side_a": "US", "side_b": "KR"}
MEETING = ROOT / "fixtures" / "trilateral" / "2023-08-23_blinken-park-hayashi-call"


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serving() as base:
        yield base


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient[Litestar]]:
    settings = Settings(
        data_dir=tmp_path / "data", examples=False, allowed_hosts=TEST_HOSTS,
        fetch_hosts=("127.0.0.1",), fetch_timeout=2.0, max_readout_chars=5000,
    )  # fmt: skip
    with TestClient(create_app(settings, encoder=FakeEncoder())) as test_client:
        yield test_client


def _fields(**fields: str) -> dict[str, tuple[None, str]]:
    return {k: (None, v) for k, v in fields.items()}


def test_a_readout_from_an_uploaded_file(client: TestClient[Litestar]) -> None:
    files = {
        **_fields(**FORM, text_b=KR_TEXT),
        "file_a": ("us.txt", ("\ufeff" + US_TEXT).encode(), "text/plain"),
    }
    answer = client.post("/", files=files, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    report = client.get(f"/api{answer.headers['location']}").json()
    assert report["readouts"][0]["text"] == US_TEXT


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"\xff\xfe\x00U\x00S", "not a UTF-8 text file"), (b"abc\x00def", "binary data"),
     (b"x" * 20_001, "over the limit of 20,000 bytes")],
)  # fmt: skip
def test_a_bad_file_is_a_sentence_on_the_form(
    client: TestClient[Litestar], content: bytes, words: str
) -> None:
    files = {**_fields(**FORM, text_b=KR_TEXT), "file_a": ("us.txt", content, "text/plain")}
    answer = client.post("/", files=files)
    assert answer.status_code == 422 and words in answer.text
    assert 'value="US"' in answer.text, "what was typed is kept"


def test_fetch_fills_the_readout_and_the_empty_fields(
    client: TestClient[Litestar], site: str
) -> None:
    answer = client.post("/", files=_fields(**FORM, url_a=f"{site}/us.html", fetch_a="Fetch"))
    assert answer.status_code == 200
    assert "Taiwan Strait" in answer.text and "Privacy Policy" not in answer.text
    assert 'value="U.S. Department of State"' in answer.text  # the source, editable
    assert 'value="2025-07-31"' in answer.text
    assert "Fetched" in answer.text and client.get("/api/comparisons").json()["total"] == 0


def test_fetch_failures_are_sentences(client: TestClient[Litestar], site: str) -> None:
    answer = client.post("/", files=_fields(**FORM, url_a=f"{site}/photo.png", fetch_a="Fetch"))
    assert answer.status_code == 422 and "not an HTML page or text" in answer.text
    empty = client.post("/", files=_fields(**FORM, fetch_b="Fetch"))
    assert empty.status_code == 422 and "Enter the second readout&#39;s URL" in empty.text


def test_a_url_alone_is_fetched_on_compare(client: TestClient[Litestar], site: str) -> None:
    answer = client.post(
        "/", files=_fields(**FORM, url_a=f"{site}/us.html", text_b=KR_TEXT), follow_redirects=False
    )
    assert answer.status_code == 303, answer.text


def test_a_third_readout(client: TestClient[Litestar]) -> None:
    texts = {n: (MEETING / f).read_text(encoding="utf-8")
             for n, f in (("a", "us.txt"), ("b", "jp_partial.txt"), ("c", "kr_ko.txt"))}  # fmt: skip
    fields = _fields(
        side_a="US", side_b="JP", side_c="KR", **{f"text_{n}": t for n, t in texts.items()}
    )
    answer = client.post("/", files=fields, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    page = client.get(answer.headers["location"]).text
    assert all(f'data-side="{s}"' in page for s in ("US", "JP", "KR"))
    assert 'class="emphases many"' in page


def test_a_third_readout_with_a_side_only_is_a_sentence(client: TestClient[Litestar]) -> None:
    answer = client.post("/", files=_fields(**FORM, text_a=US_TEXT, text_b=KR_TEXT, side_c="JP"))
    assert answer.status_code == 422 and "The third readout is empty." in answer.text
    assert '<details class="more-readouts" open>' in answer.text


def test_an_old_urlencoded_form_still_compares(client: TestClient[Litestar]) -> None:
    data = {**FORM, "text_a": US_TEXT, "text_b": KR_TEXT}
    assert client.post("/", data=data, follow_redirects=False).status_code == 303
