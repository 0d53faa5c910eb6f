"""The HTML pages: home with its form, the report page, escaping, form errors, delete."""

from __future__ import annotations

import html
import re

import pytest

from service.comparisons import Comparisons
from service.render.html import to_html
from service.render.view import mark_terms
from tests.api.conftest import KR_TEXT, US_TEXT, Client

FORM = {"title": "Rubio and Cho", "date": "2025-07-31", "side_a": "US", "side_b": "KR"}


def submit(client: Client, **fields: str) -> str:
    response = client.post(
        "/",
        data={**FORM, "text_a": US_TEXT, "text_b": KR_TEXT, **fields},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    location: str = response.headers["location"]
    return location


def test_the_old_form_address_sends_the_post_on_to_the_form(client: Client) -> None:
    data = {**FORM, "text_a": US_TEXT, "text_b": KR_TEXT}
    moved = client.post("/comparisons", data=data, follow_redirects=False)
    assert moved.status_code == 308 and moved.headers["location"] == "/"
    followed = client.post("/comparisons", data=data)
    assert followed.url.path.startswith("/comparisons/") and "Taiwan" in followed.text


def test_form_submission_redirects_to_the_report_page(client: Client) -> None:
    location = submit(client)
    page = client.get(location)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Rubio and Cho" in page.text and 'href="/static/style.css"' in page.text
    report = client.get("/api/comparisons/" + location.rsplit("/", 1)[1]).json()
    for claim in report["claims"]:  # every claim is on the page, coloured by its verdict
        assert f'class="claim v-{claim["verdict"]}" id="claim-{claim["id"]}"' in page.text
    home = client.get("/")
    assert location in home.text and "Rubio and Cho" in home.text


def test_claims_carry_their_counterparts(client: Client) -> None:
    location = submit(client)
    report = client.get("/api" + location).json()
    page = client.get(location).text
    left, right = report["matches"][0]["claims"]
    links = re.search(rf'data-claim="{left}" data-links="([^"]*)"', page)
    assert links is not None and right in links.group(1).split()


def test_submitted_markup_is_shown_as_text(client: Client) -> None:
    hostile = "The ministers met. <script>alert('x')</script> They agreed on <b>trade</b>."
    page = client.get(submit(client, text_a=hostile, title="<img src=x onerror=alert(1)>")).text
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>trade" not in page
    assert "&lt;script&gt;alert(" in page and "&lt;img src=x" in page


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"side_b": "us"}, "The two readouts need different sides"),
        ({"side_a": ""}, "The first side label is empty."),
        ({"text_b": "   "}, "The second readout is empty."),
        ({"text_a": " \n\t "}, "The first readout is empty."),
        ({"date": "2025-02-30"}, "The meeting date must be a real day, as YYYY-MM-DD."),
        (
            {"side_a": "A" * 17},
            "First readout: the side label 'AAAAAAAAAAAAAAAAA' has 17 characters",
        ),
        ({"url_a": "ftp://x"}, "The first readout's URL must start with http:// or https://."),
        ({"text_a": "Log in to comment"}, "no readable sentences: only menus, headings"),
    ],
)
def test_form_errors_are_shown_on_the_page(
    client: Client, fields: dict[str, str], message: str
) -> None:
    data = {**FORM, "text_a": US_TEXT, "text_b": KR_TEXT, **fields}
    response = client.post("/", data=data)
    assert response.status_code == 422 and response.headers["content-type"].startswith("text/html")
    assert 'role="alert"' in response.text and message in html.unescape(response.text)
    assert "Expected" not in response.text and "$." not in response.text  # no decoder jargon
    assert "Rubio and Cho" in response.text  # what was typed is kept
    assert client.get("/api/comparisons").json()["total"] == 0


def test_delete_button_removes_the_comparison(client: Client) -> None:
    location = submit(client)
    response = client.post(location + "/delete", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/?deleted=")
    assert client.get("/api/comparisons").json()["total"] == 0
    notice = html.unescape(client.get(response.headers["location"]).text)
    assert "Deleted the comparison “Rubio and Cho (2025-07-31)”." in notice


def test_missing_report_page_is_an_html_404(client: Client) -> None:
    response = client.get("/comparisons/nope")
    assert response.status_code == 404 and "no comparison with id" in response.text
    assert response.headers["content-type"].startswith("text/html")


def test_assets_are_served_locally(client: Client) -> None:
    page = client.get(submit(client)).text
    assert "http://" not in page.replace("http://www.w3.org", "") and "https://" not in page
    for asset in ("/static/style.css", "/static/report.js"):
        assert client.get(asset).status_code == 200


def test_home_search_filters_the_list(client: Client) -> None:
    submit(client)
    assert "Rubio and Cho" in client.get("/", params={"text": "Cho Hyun"}).text
    assert "Nothing matches" in client.get("/", params={"text": "zzzz-nowhere"}).text


def test_standalone_page_inlines_its_assets(client: Client, app: object) -> None:
    location = submit(client)
    service: Comparisons = client.app.state.comparisons
    html = to_html(service.get(location.rsplit("/", 1)[1]))
    assert "<style>" in html and "/static/" not in html and "Delete comparison" not in html


def test_mark_terms_marks_whole_words_case_insensitively() -> None:
    pieces = mark_terms("Peace in the Taiwan Strait; peacekeeping.", ["peace", "Taiwan Strait"])
    assert [(p.text, p.mark) for p in pieces if p.mark] == [
        ("Peace", True),
        ("Taiwan Strait", True),
    ]
    assert "".join(p.text for p in pieces) == "Peace in the Taiwan Strait; peacekeeping."


def _post(client: Client, date: str, title: str, us: str = US_TEXT) -> None:
    data = {**FORM, "title": title, "date": date, "text_a": us, "text_b": KR_TEXT}
    assert client.post("/", data=data, follow_redirects=False).status_code == 303


def test_home_lists_newest_meeting_first_and_filters_by_side_and_date(client: Client) -> None:
    _post(client, "2025-07-31", "Summer meeting")
    _post(client, "2023-01-05", "Winter meeting", us="The envoys met in winter. " + US_TEXT)
    _post(client, "2024-03-01", "Spring meeting", us="The envoys met in spring. " + US_TEXT)
    page = client.get("/").text
    assert page.index("Summer meeting") < page.index("Spring meeting") < page.index("Winter")
    ranged = client.get("/", params={"date_from": "2024-01-01", "date_to": "2024-12-31"}).text
    assert "Spring meeting" in ranged and "Summer" not in ranged and "Winter" not in ranged
    assert "Nothing matches" in client.get("/", params={"side": "JP"}).text
    assert "Summer meeting" in client.get("/", params={"side": "kr"}).text
    bad = client.get("/", params={"date_from": "2024-02-30"}).text
    assert "The from date must be a real day, as YYYY-MM-DD." in bad


def test_search_results_show_the_match_in_context_escaped(client: Client) -> None:
    _post(client, "2025-07-31", "Marked", us="The ministers met. They spoke of <b>zebra</b> herds.")
    page = client.get("/", params={"text": "zebra"}).text
    assert '<span class="where">US:</span>' in page
    assert "&lt;b&gt;<mark>zebra</mark>&lt;/b&gt; herds." in page


def test_the_same_meeting_twice_is_one_entry(client: Client) -> None:
    _post(client, "2025-07-31", "First copy")
    _post(client, "2025-07-31", "Second copy")
    page = client.get("/").text
    assert page.count('href="/comparisons/') == 1


def test_a_korean_readout_is_marked_lang_ko(client: Client) -> None:
    from tests.conftest import RUBIO_CHO

    korean = (RUBIO_CHO / "kr_ko.txt").read_text(encoding="utf-8")
    created = client.post(
        "/api/comparisons",
        json={"readouts": [{"side": "US", "text": US_TEXT}, {"side": "KR", "text": korean}]},
    ).json()
    page = client.get(f"/comparisons/{created['id']}").text
    assert '<html lang="en">' in page
    assert page.count('class="column readout" lang="ko"') == 1
    assert page.count('class="column readout" lang="en"') == 1
    both = client.post(
        "/api/comparisons",
        json={"readouts": [{"side": "KR", "text": korean}, {"side": "NK", "text": korean}]},
    ).json()
    assert '<html lang="ko">' in client.get(f"/comparisons/{both['id']}").text


def test_opposed_claims_have_their_own_section(client: Client) -> None:
    from service.pipeline.types import Closest, Emphasis

    location = submit(client)
    service: Comparisons = client.app.state.comparisons
    report = service.get(location.rsplit("/", 1)[1])
    claim = next(c for c in report.claims if c.side == "KR")
    report.emphases.append(
        Emphasis("KR", claim.id, "opposed", claim.text, [], 0.9, Closest(report.claims[0].id, 0.5))
    )
    page = to_html(report)
    kr = page[page.index("What only KR said") :]
    only, opposed = kr.index("Said only by KR"), kr.index("Contradicted by the other side")
    section = kr[opposed:]
    assert " ".join(claim.text.split())[:40] in html.unescape(section)
    assert "k-opposed" not in kr[only:opposed]
