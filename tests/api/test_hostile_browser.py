"""Issue 25 in Debian's Chromium: a page of another origin writes nothing, a rebound host name
reads nothing, a side holding a quote still highlights, and no page breaks its own CSP."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from tests.api.conftest import CHROMIUM
from tests.conftest import RUBIO_CHO
from tests.live import LiveServer, call, live_server

pytestmark = pytest.mark.slow
US = (RUBIO_CHO / "us.txt").read_text(encoding="utf-8")
KR = (RUBIO_CHO / "kr.txt").read_text(encoding="utf-8")


def _body(side_a: str = "US", side_b: str = "KR", title: str = "Rubio and Cho") -> dict[str, Any]:
    return {
        "title": "Rubio and Cho",
        "readouts": [{"side": side_a, "text": US}, {"side": side_b, "text": KR}],
    }


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with live_server(tmp_path_factory.mktemp("hostile") / "data") as s:
        yield s


def _attack(target: str, stored: str) -> str:
    """Another origin's page: no-cors fetches, then a form post to each write of the pages."""
    payload = json.dumps(_body())
    forms = "".join(
        f'<iframe name="f{n}"></iframe><form target="f{n}" method="post" action="{target}{action}">'
        f'<input name="side_a" value="US"><input name="side_b" value="KR">'
        f'<textarea name="text_a">{US[:300]}</textarea><textarea name="text_b">{KR[:300]}</textarea></form>'
        for n, action in enumerate(["/", f"/comparisons/{stored}/delete", "/batches"])
    )
    return f"""<!doctype html><html><body>{forms}<script>
    const body = {json.dumps(payload)};
    const opts = {{method: "POST", mode: "no-cors", headers: {{"Content-Type": "text/plain"}}, body}};
    Promise.allSettled([
      fetch("{target}/api/comparisons", opts),
      fetch("{target}/api/batches", {{...opts, body: JSON.stringify({{comparisons: [JSON.parse(body)]}})}}),
      fetch("{target}/api/comparisons/{stored}", {{method: "DELETE", mode: "no-cors"}}),
    ]).then(() => {{ for (const form of document.forms) form.submit(); document.title = "sent"; }});
    </script></body></html>"""


@contextmanager
def _evil_site(page_html: str) -> Iterator[str]:
    """Another site on loopback (as a page the user opened from localhost would be), so that
    Chromium's Local Network Access checks, which other browsers lack, do not step in."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            data = page_html.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None: ...

    site = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=site.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://localhost:{site.server_address[1]}/evil.html"
    finally:
        site.shutdown()
        site.server_close()


def test_a_page_of_another_origin_writes_nothing(browser: Any, server: LiveServer) -> None:
    stored = call(server.url + "/api/comparisons", _body())["id"]
    context = browser.new_context()
    page = context.new_page()
    refused: list[int] = []
    page.on("response", lambda r: refused.append(r.status) if r.request.method != "GET" else None)
    with _evil_site(_attack(server.url, stored)) as evil:
        page.goto(evil)
        page.wait_for_function("document.title === 'sent'", timeout=20_000)
        deadline = time.monotonic() + 20
        while len(refused) < 5 and time.monotonic() < deadline:  # two fetches, three forms
            page.wait_for_timeout(200)
    assert refused == [403] * 5, refused
    listing = call(server.url + "/api/comparisons")
    assert listing["total"] == 1 and listing["items"][0]["id"] == stored
    assert "No batches yet" in httpx.get(server.url + "/batches").text
    context.close()


def test_a_rebound_host_name_reads_nothing(browser: Any, server: LiveServer) -> None:
    """A DNS-rebinding page: its name resolves to this server, its Host header says so."""
    port = urlsplit(server.url).port
    rebound = browser.browser_type.launch(
        executable_path=CHROMIUM,
        args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--host-resolver-rules=MAP rebind.example 127.0.0.1",
        ],
    )  # fmt: skip
    page = rebound.new_page()
    response = page.goto(f"http://rebind.example:{port}/api/comparisons")
    assert response is not None and response.status == 400
    assert "READOUT_DIFF_ALLOWED_HOSTS" in page.content()
    rebound.close()


def test_a_side_with_a_quote_still_highlights_under_the_csp(
    page: Any,
    server: LiveServer,
) -> None:
    created = call(server.url + "/api/comparisons", _body('U"S', "K'R"))
    problems: list[str] = []  # script errors, CSP refusals, failed loads (the favicon aside)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "console",
        lambda m: (
            problems.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.on(
        "response",
        lambda r: (
            problems.append(f"{r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("/favicon.ico")
            else None
        ),
    )
    page.goto(f"{server.url}/comparisons/{created['id']}")
    card = page.locator(".emphasis").first
    card.click()
    assert "is-active" in (card.get_attribute("class") or "")
    target = card.get_attribute("data-target") or ""
    assert '"' in target or "'" in target
    claim = page.locator(f"[data-claim={json.dumps(target)}]")
    assert "is-active" in (claim.get_attribute("class") or "")
    for path in ("/", "/batches"):
        page.goto(server.url + path)
    assert problems == [], problems
    page.close()


def test_the_forms_still_work_from_their_own_pages(
    page: Any,
    server: LiveServer,
) -> None:
    page.goto(server.url + "/")
    page.fill("input[name=side_a]", "US")
    page.fill("textarea[name=text_a]", US)
    page.fill("input[name=side_b]", "KR")
    page.fill("textarea[name=text_b]", KR)
    page.click("form.compare button[type=submit]")
    page.wait_for_url(f"{server.url}/comparisons/*", timeout=60_000)
    page.on("dialog", lambda dialog: dialog.accept())
    page.click("form.delete button[type=submit]")
    page.wait_for_url(server.url + "/?deleted=*", timeout=20_000)
    page.goto(server.url + "/batches")
    meetings = [_body(title=f"Meeting {n}") for n in range(2)]
    for n, meeting in enumerate(meetings):  # two meetings, not one twice
        meeting["readouts"][0]["text"] += f" They met again in session {n}."
    lines = "\n".join(json.dumps(meeting) for meeting in meetings)
    page.fill("textarea[name=jsonl]", lines)
    page.click("form[action='/batches'] button[type=submit]")
    page.wait_for_url(f"{server.url}/batches/*", timeout=20_000)
    page.close()
