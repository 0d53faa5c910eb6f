"""Issue 25 item 1: cross-site writes, foreign Host headers and the security headers."""

from __future__ import annotations

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from service.api.defences.csrf import cross_site_reason
from service.api.defences.shield import host_allowed, host_name
from tests.api.conftest import KR_TEXT, US_TEXT, body

EVIL = {"Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"}
FORM = {"side_a": "US", "side_b": "KR", "text_a": US_TEXT, "text_b": KR_TEXT}


def _count(client: TestClient[Litestar]) -> int:
    total: int = client.get("/api/comparisons").json()["total"]
    return total


def test_a_cross_site_page_cannot_write_anything(client: TestClient[Litestar]) -> None:
    stored = client.post("/api/comparisons", json=body()).json()["id"]
    plain = {**EVIL, "Content-Type": "text/plain"}
    attempts = [
        client.post("/api/comparisons", content=b'{"readouts": []}', headers=plain),
        client.post("/api/comparisons", json=body(), headers=EVIL),
        client.post("/api/batches", json={"comparisons": [body()]}, headers=EVIL),
        client.post("/", data=FORM, headers=EVIL),
        client.post(f"/comparisons/{stored}/delete", headers=EVIL),
        client.delete(f"/api/comparisons/{stored}", headers=EVIL),
        client.post("/batches", files={"jsonl": (None, "{}")}, headers=EVIL),
    ]
    for response in attempts:
        assert response.status_code == 403, (response.request.url, response.text)
    assert "another site" in attempts[3].text  # the form gets a page
    assert attempts[0].headers["content-type"].startswith("application/problem+json")
    assert _count(client) == 1 and client.get("/api/batches/x").status_code == 404


def test_an_origin_without_fetch_metadata_must_be_this_host(client: TestClient[Litestar]) -> None:
    refused = client.post("/api/comparisons", json=body(), headers={"Origin": "null"})
    assert refused.status_code == 403
    own = {"Origin": "http://testserver.local", "Sec-Fetch-Site": "same-origin"}
    assert client.post("/api/comparisons", json=body(), headers=own).status_code == 201
    assert client.post("/api/comparisons", json=body()).status_code == 201  # curl: no headers
    assert _count(client) == 2


def test_json_endpoints_take_json_only(client: TestClient[Litestar]) -> None:
    import json

    raw = json.dumps(body()).encode()
    for media in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data"):
        response = client.post("/api/comparisons", content=raw, headers={"Content-Type": media})
        assert response.status_code == 415, media
    batch = json.dumps({"comparisons": [body()]}).encode()
    sent = client.post("/api/batches", content=batch, headers={"Content-Type": "text/plain"})
    assert sent.status_code == 415 and _count(client) == 0


@pytest.mark.parametrize(
    ("method", "headers", "refused"),
    [
        ("GET", EVIL, False),
        ("POST", {}, False),
        ("POST", {"sec-fetch-site": "same-origin"}, False),
        ("POST", {"sec-fetch-site": "none"}, False),
        ("POST", {"sec-fetch-site": "same-site"}, True),
        ("POST", {"origin": "http://localhost:8000", "host": "localhost:8000"}, False),
        ("POST", {"origin": "http://127.0.0.1:8000", "host": "localhost:8000"}, True),
        ("DELETE", {"origin": "null", "host": "localhost:8000"}, True),
    ],
)
def test_the_cross_site_rule(method: str, headers: dict[str, str], refused: bool) -> None:
    lowered = {k.lower(): v for k, v in headers.items()}
    assert (cross_site_reason(method, lowered) is not None) is refused


def test_only_the_configured_hosts_are_answered(client: TestClient[Litestar]) -> None:
    for host in ("evil.example", "evil.example:8000", "localhost.evil.example", ""):
        response = client.get("/api/comparisons", headers={"Host": host})
        assert response.status_code == 400, host
        assert response.headers["content-type"] == "application/problem+json"
        assert "READOUT_DIFF_ALLOWED_HOSTS" in response.json()["detail"]
    for host in ("localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST"):
        assert client.get("/health", headers={"Host": host}).status_code == 200, host


def test_host_names() -> None:
    assert host_name("[::1]:8000") == "::1" and host_name("Example.org:80") == "example.org"
    assert host_allowed("a.example.org", ["*.example.org"])
    assert not host_allowed("example.org.evil", ["*.example.org", "example.org"])


def test_every_answer_carries_the_security_headers(client: TestClient[Litestar]) -> None:
    for path in ("/", "/nowhere", "/api/comparisons", "/static/style.css", "/batches"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"], path
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"


def test_the_allowed_hosts_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    from service.errors import InvalidInput
    from service.settings import Settings

    monkeypatch.setenv("READOUT_DIFF_ALLOWED_HOSTS", " Readouts.example.org, [::1],*.corp.example ")
    assert Settings.from_env().allowed_hosts == ("readouts.example.org", "::1", "*.corp.example")
    monkeypatch.setenv("READOUT_DIFF_ALLOWED_HOSTS", "evil*.example")
    with pytest.raises(InvalidInput, match="READOUT_DIFF_ALLOWED_HOSTS"):
        Settings.from_env()
    monkeypatch.delenv("READOUT_DIFF_ALLOWED_HOSTS")
    assert Settings.from_env().allowed_hosts == ("localhost", "127.0.0.1", "::1")


def test_the_address_serve_binds_is_answered() -> None:
    from service.api.app import answered_hosts
    from service.settings import Settings

    assert answered_hosts(Settings(host="192.168.1.5"))[-1] == "192.168.1.5"
    assert answered_hosts(Settings(host="0.0.0.0")) == Settings().allowed_hosts
