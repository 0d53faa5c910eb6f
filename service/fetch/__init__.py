"""Readouts by URL: fetch a page within the settings' limits and extract its main text.

`fetch(url, policy)` is the one way any path (CLI, API, form) reads a readout from the web;
`fill(request, policy)` fetches every readout that came with a URL and no text, and fills
the empty fields (the readout's source, the meeting's title and date) from the pages.
"""

from __future__ import annotations

from service.fetch.extract import Extracted, extract
from service.fetch.guard import FetchPolicy
from service.fetch.http import get
from service.pipeline.types import Readout
from service.settings import Settings

__all__ = ["Extracted", "FetchPolicy", "fetch", "fetch_policy", "fill"]


def fetch(url: str, policy: FetchPolicy) -> Extracted:
    """The readout at `url`: FetchRefused or FetchFailed (one clear sentence) if not."""
    return extract(get(url, policy))


def fetch_policy(settings: Settings, hosts: tuple[str, ...]) -> FetchPolicy:
    """The settings' limits for `hosts`: the service's named hosts, or the CLI's."""
    return FetchPolicy(
        hosts=hosts,
        max_bytes=settings.fetch_max_bytes,
        timeout=settings.fetch_timeout,
        redirects=settings.fetch_redirects,
    )


def fill(
    readouts: list[Readout], title: str | None, date: str | None, policy: FetchPolicy
) -> tuple[list[Readout], str | None, str | None]:
    """Each readout without text fetched from its URL; the first page's title and date fill
    the meeting's when those are empty, a page's publisher the readout's source."""
    filled = []
    for readout in readouts:
        if readout.text.strip() or not readout.url:
            filled.append(readout)
            continue
        page = fetch(readout.url, policy)
        title = title or page.title
        date = date or page.date
        filled.append(replace_text(readout, page))
    return filled, title, date


def replace_text(readout: Readout, page: Extracted) -> Readout:
    """`readout` with the page's text, and its publisher as the source when none was given."""
    return Readout(
        side=readout.side,
        text=page.text,
        source=readout.source or page.publisher,
        url=readout.url or page.url,
    )
