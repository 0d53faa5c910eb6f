"""The first field of a form body, read from its first bytes (urlencoded or multipart)."""

from __future__ import annotations

import re
from urllib.parse import unquote_plus

_NAME = re.compile(rb'(?i)\bname="([^"]*)"')
_BOUNDARY = re.compile(r'(?i)\bboundary="?([^";]+)"?')


def first_field(
    head: bytes, content_type: str, name: str, *, ended: bool
) -> tuple[bool, str | None]:
    """(done, value): done once the first field is complete in `head` (or the body `ended`);
    value is that field's text when it is called `name`, else None."""
    media = content_type.partition(";")[0].strip().lower()
    if media == "application/x-www-form-urlencoded":
        return _urlencoded(head, name, ended=ended)
    if media == "multipart/form-data":
        boundary = _BOUNDARY.search(content_type)
        if boundary is None:
            return True, None
        return _multipart(head, boundary.group(1).encode("latin-1"), name, ended=ended)
    return True, None


def _urlencoded(head: bytes, name: str, *, ended: bool) -> tuple[bool, str | None]:
    field, separator, _ = head.partition(b"&")
    if not separator and not ended:
        return False, None
    key, _, value = field.decode("latin-1").partition("=")
    if unquote_plus(key) != name:
        return True, None
    return True, unquote_plus(value, encoding="utf-8", errors="replace")


def _multipart(head: bytes, boundary: bytes, name: str, *, ended: bool) -> tuple[bool, str | None]:
    opening = b"--" + boundary + b"\r\n"
    if len(head) < len(opening):
        return ended, None
    if not head.startswith(opening):
        return True, None
    headers, separator, rest = head[len(opening) :].partition(b"\r\n\r\n")
    if not separator:
        return ended, None
    value, closing, _ = rest.partition(b"\r\n--" + boundary)
    if not closing:
        return ended, None
    found = _NAME.search(headers)
    if found is None or found.group(1).decode("utf-8", "replace") != name:
        return True, None
    return True, value.decode("utf-8", "replace")
