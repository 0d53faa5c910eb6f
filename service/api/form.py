"""The comparison form: its fields as a POST /api/comparisons body, its errors in plain words."""

from __future__ import annotations

import re
from typing import Any

import msgspec

from service.validate import too_long_side

ORDINAL = {"0": "first", "1": "second"}
OPTIONAL_FIELDS = ("title", "date")
READOUT_FIELDS = ("source", "url")
_PATH = re.compile(r"^(?P<message>.*?) - at `\$\.(?P<path>[^`]+)`$", re.DOTALL)
_READOUT_PATH = re.compile(r"^readouts\[(?P<index>\d)\]\.(?P<field>\w+)$")


def form_body(form: dict[str, str]) -> dict[str, Any]:
    """The form fields as a request body; blank optional fields left out."""
    readouts = []
    for n in ("a", "b"):
        readout = {"side": form.get(f"side_{n}", "").strip(), "text": form.get(f"text_{n}", "")}
        for name in READOUT_FIELDS:
            if form.get(f"{name}_{n}", "").strip():
                readout[name] = form[f"{name}_{n}"].strip()
        readouts.append(readout)
    body: dict[str, Any] = {"readouts": readouts}
    for name in OPTIONAL_FIELDS:
        if form.get(name, "").strip():
            body[name] = form[name].strip()
    return body


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
    which, field = ORDINAL.get(readout.group("index"), "a"), readout.group("field")
    too_long = re.search(r"length <= (\d+)", detail)
    if field == "text":
        if too_long:
            return f"The {which} readout is longer than {int(too_long.group(1)):,} characters."
        return f"The {which} readout is empty."
    if field == "side":
        if too_long:
            typed = (form or {}).get(f"side_{'ab'[int(readout.group('index')) % 2]}", "").strip()
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
