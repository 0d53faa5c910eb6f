"""Cross-site request forgery: a write a browser sends for a page of another origin is refused.

The rule of Go's net/http CrossOriginProtection and OWASP's "verifying origin with standard
headers": a browser marks every request with `Sec-Fetch-Site` (all current engines) and every
POST with `Origin`; a write is accepted when the browser says it comes from this origin, or
when neither header is present (curl, scripts: no ambient credentials to abuse). With the
JSON endpoints taking `application/json` only (a cross-site page cannot send that without a
CORS preflight, which this server never grants), this holds with or without an API token.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

from service.errors import CrossSite

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Sec-Fetch-Site values of a request the user made here: from this origin, or typed/bookmarked.
_OWN = frozenset({"same-origin", "none"})


def cross_site_reason(method: str, headers: Mapping[str, str]) -> str | None:
    """Why this request is a cross-site write, or None when it may go on."""
    if method in SAFE_METHODS:
        return None
    site = headers.get("sec-fetch-site")
    if site is not None:
        return None if site.strip().lower() in _OWN else f"the browser marks it {site!r}"
    origin = headers.get("origin")
    if origin is None:
        return None
    host = (headers.get("host") or "").strip().lower()
    if origin.strip().lower() == "null" or urlsplit(origin.strip()).netloc.lower() != host:
        return f"it comes from the page of another origin ({origin[:100]!r})"
    return None


def refuse_cross_site(method: str, headers: Mapping[str, str]) -> None:
    """Raise CrossSite (403) for a write sent from another site's page."""
    reason = cross_site_reason(method, headers)
    if reason is not None:
        raise CrossSite(
            f"this write was refused because {reason}: readout-diff accepts writes only from"
            " its own pages, or from clients that are not browsers"
        )
