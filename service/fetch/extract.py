"""A fetched page's main text and metadata, by trafilatura (boilerplate removal made for it).

Navigation, footers, share buttons and related links are left out by trafilatura's
extraction (Barbaresi 2021, ACL demo); its metadata gives the page's title, date and site.
"""

from __future__ import annotations

from dataclasses import dataclass

from service.errors import FetchFailed
from service.fetch.http import Page

# Fewer characters than a one-sentence readout: the page had no article to extract.
MIN_TEXT_CHARS = 40


@dataclass(frozen=True)
class Extracted:
    """The readout's text and what the page says about itself (None where it says nothing)."""

    url: str
    text: str
    title: str | None = None
    date: str | None = None
    publisher: str | None = None


def extract(page: Page) -> Extracted:
    """The main text of an HTML page, or a text page as it is; FetchFailed if there is none."""
    if page.media_type == "text/plain":
        try:
            text = page.body.decode(page.charset or "utf-8-sig")
        except (UnicodeDecodeError, LookupError):
            raise FetchFailed(f"{page.url[:200]}: not text in {page.charset or 'UTF-8'}") from None
        return _checked(Extracted(url=page.url, text=text), page)
    import trafilatura  # lazily: lxml and its language data cost a tenth of a second

    html: bytes | str = page.body
    if page.charset:
        try:
            html = page.body.decode(page.charset)
        except (UnicodeDecodeError, LookupError):
            html = page.body  # let trafilatura detect the encoding from the bytes
    document = trafilatura.bare_extraction(
        html,
        url=page.url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,  # a page of links only is no readout: no text, not its menu
    )
    if document is None or isinstance(document, dict):
        raise FetchFailed(f"{page.url[:200]}: no main text found on the page")
    return _checked(
        Extracted(
            url=page.url,
            text=_without_title(document.text or "", document.title),
            title=_short(document.title, 300),
            date=document.date,
            publisher=_short(document.sitename, 500),
        ),
        page,
    )


def _without_title(text: str, title: str | None) -> str:
    """The text without a first line that only repeats the page's title (the title is kept
    as the meeting's title instead)."""
    first, _, rest = text.partition("\n")
    if title and first.strip() == title.strip() and rest.strip():
        return rest
    return text


def _short(value: str | None, limit: int) -> str | None:
    value = " ".join((value or "").split())
    return value[:limit] or None


def _checked(found: Extracted, page: Page) -> Extracted:
    if len(found.text.strip()) < MIN_TEXT_CHARS or "\x00" in found.text:
        raise FetchFailed(f"{page.url[:200]}: no main text found on the page")
    return found
