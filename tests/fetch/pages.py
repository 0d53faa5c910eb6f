"""A local HTTP server for fetch tests: real readouts of the fixtures as ministry pages, with
their navigation, share links and footer around them, and the ways a fetch can go wrong."""

from __future__ import annotations

import html
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.conftest import RUBIO_CHO

CHROME_TOP = """<header><a href="/">Home</a> | <a href="/countries">Countries &amp; Areas</a> |
<a href="/press">Press Releases</a> | <a href="/search">Search</a></header>
<nav><ul><li><a href="/about">About the Ministry</a></li><li><a href="/policy">Policy</a></li>
<li><a href="/visa">Visas</a></li></ul></nav>"""
CHROME_BOTTOM = """<aside><h2>Related</h2><ul><li><a href="/r1">Other press releases</a></li>
<li><a href="/r2">Joint statements</a></li></ul></aside>
<div class="share">Share this page: Facebook Twitter Email</div>
<footer>Privacy Policy | Accessibility | Copyright &copy; Ministry. All rights reserved.</footer>"""


def readout_page(path: Path, title: str, date: str, site: str) -> bytes:
    """A fixture readout as a ministry would publish it: title, date, paragraphs, chrome."""
    paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | {site}</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{date}">
</head><body>{CHROME_TOP}<main><article><h1>{html.escape(title)}</h1>
<p class="date">{date}</p>{body}</article></main>{CHROME_BOTTOM}</body></html>""".encode()


PAGES: dict[str, tuple[str, bytes]] = {
    "/us.html": ("text/html; charset=utf-8", readout_page(
        RUBIO_CHO / "us.txt", "Secretary Rubio's Meeting with Republic of Korea Foreign Minister Cho",
        "2025-07-31", "U.S. Department of State")),
    "/kr.html": ("text/html; charset=utf-8", readout_page(
        RUBIO_CHO / "kr.txt", "Outcome of ROK-U.S. Foreign Ministers' Meeting", "2025-07-31",
        "Ministry of Foreign Affairs, Republic of Korea")),
    "/kr.txt": ("text/plain; charset=utf-8", (RUBIO_CHO / "kr.txt").read_bytes()),
    "/empty.html": ("text/html", f"<html><body>{CHROME_TOP}{CHROME_BOTTOM}</body></html>".encode()),
    "/photo.png": ("image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
}  # fmt: skip


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        path = self.path
        if path in PAGES:
            media, body = PAGES[path]
            return self._send(200, body, media)
        if path == "/moved":
            return self._redirect("/us.html")
        if path.startswith("/loop"):
            return self._redirect(f"/loop{len(path)}")
        if path == "/to-private":
            return self._redirect("http://10.11.12.13/us.html")
        if path == "/to-loopback-name":
            return self._redirect(f"http://localhost:{self.server.server_address[1]}/us.html")
        if path == "/big":
            return self._send(200, b"x" * 5000, "text/html")
        if path == "/endless":  # no length: the limit must stop the read
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(100):
                self.wfile.write(b"<p>" + b"y" * 1000 + b"</p>")
            return None
        if path == "/slow":
            time.sleep(3)
            return self._send(200, PAGES["/us.html"][1], "text/html")
        if path == "/trickle":  # a byte at a time, well inside each read's timeout
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(30):
                self.wfile.write(b"<")
                self.wfile.flush()
                time.sleep(0.1)
            return None
        return self._send(404, b"not here", "text/plain")

    def _send(self, status: int, body: bytes, media: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up (a timeout test) is expected, not an error


@contextmanager
def serving() -> Iterator[str]:
    """The server's base URL (http://127.0.0.1:PORT) while the block runs."""
    server = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
