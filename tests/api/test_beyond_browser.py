"""Issue 28 in Debian's Chromium, under the pages' CSP: a readout fetched by its Fetch button,
another uploaded as a file, and a three-readout report with a column per side whose claims
still outline their counterparts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, RUBIO_CHO
from tests.fetch.pages import serving
from tests.live import LiveServer, call, live_server

pytestmark = pytest.mark.slow
MEETING = ROOT / "fixtures" / "trilateral" / "2023-08-23_blinken-park-hayashi-call"


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serving() as base:
        yield base


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    data = tmp_path_factory.mktemp("beyond") / "data"
    with live_server(data, READOUT_DIFF_FETCH_HOSTS="127.0.0.1") as s:
        yield s


def _watch(page: Any) -> list[str]:
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "console",
        lambda m: (
            problems.append(m.text)
            if m.type == "error" and "favicon.ico" not in m.location.get("url", "")
            else None
        ),
    )
    return problems


def test_fetch_one_readout_upload_the_other(
    browser: Any,
    server: LiveServer,
    site: str,
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems = _watch(page)
    page.goto(server.url + "/")
    page.fill("input[name=side_a]", "US")
    page.fill("input[name=url_a]", f"{site}/us.html")
    page.click("input[name=fetch_a]")
    page.wait_for_load_state()
    assert "Taiwan Strait" in page.input_value("textarea[name=text_a]")
    assert page.input_value("input[name=source_a]") == "U.S. Department of State"
    assert page.input_value("input[name=date]") == "2025-07-31"
    page.fill("input[name=side_b]", "KR")
    page.set_input_files("input[name=file_b]", str(RUBIO_CHO / "kr.txt"))
    page.click("form.compare button[type=submit]")
    page.wait_for_url(f"{server.url}/comparisons/*", timeout=60_000)
    assert page.locator(".readouts .column").count() == 2
    assert "alliance modernization" in page.inner_text(".readouts")
    assert problems == [], problems
    page.close()


def test_three_readouts_a_column_each_and_click_to_counterpart(
    browser: Any,
    server: LiveServer,
) -> None:
    names = [("US", "us.txt"), ("JP", "jp_partial.txt"), ("KR", "kr_ko.txt")]
    body = {
        "title": "Trilateral call",
        "readouts": [
            {"side": s, "text": (MEETING / f).read_text(encoding="utf-8")} for s, f in names
        ],
    }
    created = call(server.url + "/api/comparisons", body)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems = _watch(page)
    page.goto(f"{server.url}/comparisons/{created['id']}")
    columns = page.locator(".readouts .column")
    assert [columns.nth(n).get_attribute("data-side") for n in range(3)] == ["US", "JP", "KR"]
    tops = {round(columns.nth(n).bounding_box()["y"]) for n in range(3)}
    assert len(tops) == 1, "the three columns stand side by side at 1280 px"
    linked = page.locator(".readout .claim[data-links]:not([data-links=''])").first
    other = (linked.get_attribute("data-links") or "").split()[0]
    linked.click()
    assert "is-linked" in (page.locator(f"#claim-{other}").get_attribute("class") or "")
    if created["all_but_one"]:
        card = page.locator(".all-but-one .emphasis").first
        card.click()
        target = card.get_attribute("data-target")
        assert "is-active" in (page.locator(f"#claim-{target}").get_attribute("class") or "")
    narrow = browser.new_page(viewport={"width": 390, "height": 844})
    narrow.goto(f"{server.url}/comparisons/{created['id']}")
    boxes = [narrow.locator(".readouts .column").nth(n).bounding_box() for n in range(3)]
    assert boxes[0]["y"] < boxes[1]["y"] < boxes[2]["y"], "stacked on a phone"
    assert problems == [], problems
    page.close()
    narrow.close()


def test_the_three_readout_report_prints_standalone(tmp_path: Path) -> None:
    """The standalone HTML export of three readouts holds every side's column."""
    from service.pipeline import compare
    from service.pipeline.embed import FakeEncoder
    from service.pipeline.types import Readout
    from service.render.html import to_html

    names = [("US", "us.txt"), ("JP", "jp_partial.txt"), ("KR", "kr_ko.txt")]
    report = compare(
        [Readout(s, (MEETING / f).read_text(encoding="utf-8")) for s, f in names], FakeEncoder()
    )
    page = to_html(report)
    assert all(f'data-side="{s}"' in page for s, _ in names) and "readouts many" in page


def test_an_attribution_of_three_names_the_side_whose_minister_spoke(
    browser: Any,
    server: LiveServer,
) -> None:
    """JP listed first, the U.S. quoting Korea's minister: the page names KR, not the first side."""
    from tests.pipeline.test_multi_attribution import JP, KR, US

    body = {"readouts": [{"side": "JP", "text": JP}, {"side": "US", "text": US},
                         {"side": "KR", "text": KR}]}  # fmt: skip
    created = call(server.url + "/api/comparisons", body)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems = _watch(page)
    page.goto(f"{server.url}/comparisons/{created['id']}")
    section = page.locator("section.attributions")
    text = " ".join(section.inner_text().split())
    assert "US's readout has KR say this; KR's own readout does not" in text
    assert "has JP say this" not in text
    assert problems == [], problems
    page.close()


def test_an_attribution_the_pairs_cannot_place_names_both_candidates(
    browser: Any,
    server: LiveServer,
) -> None:
    """The U.S. quotes 'Foreign Minister Park'; the Japanese and Korean readouts name their
    people in their own scripts, so either could be his side: the page says so."""
    from tests.pipeline.test_multi_attribution import US

    ja = "林外務大臣は、ブリンケン国務長官及び朴外交部長官と会談を行いました。両者は、インド太平洋について意見交換を行いました。"
    ko = "박진 장관은 블링컨 국무장관 및 하야시 외무대신과 회담을 가졌다. 양측은 인도태평양에 대해 논의하였다."
    body = {"readouts": [{"side": "JP", "text": ja}, {"side": "US", "text": US},
                         {"side": "KR", "text": ko}]}  # fmt: skip
    created = call(server.url + "/api/comparisons", body)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server.url}/comparisons/{created['id']}")
    text = " ".join(page.locator("section.attributions").inner_text().split())
    assert "US's readout has JP or KR say this; neither's own readout does" in text
    page.close()
