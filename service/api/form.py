"""The comparison form: its fields as a POST /api/comparisons body, its errors in plain words.

Readouts a and b are always there; c to f (a third to sixth side) count once any of their
fields is filled. A readout's text is pasted or uploaded (a chosen file replaces the pasted
text), or left empty with a URL to fetch it from.
"""

from __future__ import annotations

import re
from typing import Any

import msgspec

from service.api.uploads import uploaded_text
from service.errors import InvalidInput
from service.fetch import FetchPolicy, fetch
from service.validate import MAX_READOUTS, too_long_side

LETTERS = "abcdef"[:MAX_READOUTS]
ORDINAL = dict(enumerate(("first", "second", "third", "fourth", "fifth", "sixth")))
OPTIONAL_FIELDS = ("title", "date")
READOUT_FIELDS = ("source", "url")
_PATH = re.compile(r"^(?P<message>.*?) - at `\$\.(?P<path>[^`]+)`$", re.DOTALL)
_READOUT_PATH = re.compile(r"^readouts\[(?P<index>\d)\]\.(?P<field>\w+)$")


def text_fields(form: dict[str, Any], max_bytes: int | None = None) -> dict[str, str]:
    """The form's text fields, each readout's uploaded file (`file_a`…) read into its text."""
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    for n in LETTERS:
        uploaded = uploaded_text(form.get(f"file_{n}"), max_bytes)
        if uploaded:
            fields[f"text_{n}"] = uploaded
    return fields


def used(form: dict[str, str], n: str) -> bool:
    """Readout `n` takes part: always the first two, a later one once any field is filled."""
    return n in "ab" or any(form.get(f"{name}_{n}", "").strip() for name in ("side", "text", "url"))


def form_body(form: dict[str, str]) -> dict[str, Any]:
    """The form fields as a request body; blank optional fields left out."""
    readouts = []
    for n in LETTERS:
        if not used(form, n):
            continue
        readout: dict[str, Any] = {"side": form.get(f"side_{n}", "").strip()}
        text = form.get(f"text_{n}", "")
        if text.strip() or not form.get(f"url_{n}", "").strip():
            readout["text"] = text
        for name in READOUT_FIELDS:
            if form.get(f"{name}_{n}", "").strip():
                readout[name] = form[f"{name}_{n}"].strip()
        readouts.append(readout)
    body: dict[str, Any] = {"readouts": readouts}
    for name in OPTIONAL_FIELDS:
        if form.get(name, "").strip():
            body[name] = form[name].strip()
    return body


def fetch_into(form: dict[str, str], n: str, policy: FetchPolicy) -> tuple[dict[str, str], str]:
    """The form with readout `n`'s text fetched from its URL and the empty source, title and
    date filled from the page, and a notice to check them; nothing is compared yet."""
    which = ORDINAL[LETTERS.index(n)]
    url = form.get(f"url_{n}", "").strip()
    if not url:
        raise InvalidInput(f"Enter the {which} readout's URL to fetch it.")
    page = fetch(url, policy)
    filled = {**form, f"text_{n}": page.text}
    for name, value in (
        (f"source_{n}", page.publisher),
        ("title", page.title),
        ("date", page.date),
    ):
        if value and not form.get(name, "").strip():
            filled[name] = value
    notice = (
        f"Fetched {len(page.text):,} characters for the {which} readout;"
        " check the text and the fields, then compare."
    )
    return filled, notice


def plain_words(error: Exception, form: dict[str, str] | None = None) -> str:
    """A validation error as a sentence a person filling in the form understands; `form`, the
    fields as sent, lets it name the value refused."""
    message = str(error)
    found = _PATH.match(message) if isinstance(error, msgspec.ValidationError) else None
    if found is None:
        return _sentence(message)
    path, detail = found.group("path"), found.group("message")
    if path == "date":
        return "The meeting date must be a real day, as YYYY-MM-DD."
    if path == "title":
        return "The meeting title must be at most 300 characters."
    readout = _READOUT_PATH.match(path)
    if readout is None:
        return _sentence(detail)
    which, field = ORDINAL.get(int(readout.group("index")), "a"), readout.group("field")
    too_long = re.search(r"length <= (\d+)", detail)
    if field == "text":
        if too_long:
            return f"The {which} readout is longer than {int(too_long.group(1)):,} characters."
        return f"The {which} readout is empty."
    if field == "side":
        if too_long:
            typed = (form or {}).get(f"side_{LETTERS[int(readout.group('index'))]}", "").strip()
            return _sentence(f"{which} readout: {too_long_side(typed)}")
        if "length >= 1" in detail:
            return f"The {which} side label is empty."
        return (
            f"The {which} side label must not start or end with a space or hold control characters."
        )
    if field == "url":
        if too_long:
            return f"The {which} readout's URL must be at most {too_long.group(1)} characters."
        return f"The {which} readout's URL must start with http:// or https://."
    if field == "source" and too_long:
        return f"The {which} readout's source must be at most {too_long.group(1)} characters."
    return _sentence(f"{which} readout {field}: {detail}")


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."
