"""The comparison form: its fields as a POST /api/comparisons body, its errors in plain words.

Readouts a and b are always there; c to f (a third to sixth side) count once any of their
fields is filled. A readout's text is pasted or uploaded (a chosen file replaces the pasted
text), or left empty with a URL to fetch it from.
"""

from __future__ import annotations

from typing import Any

from service.api.pages.uploads import uploaded_text
from service.errors import InvalidInput
from service.fetch import FetchPolicy, fetch
from service.validate import MAX_READOUTS, ORDINALS, Refused

LETTERS = "abcdef"[:MAX_READOUTS]
ORDINAL = dict(enumerate(ORDINALS))
OPTIONAL_FIELDS = ("title", "date")
READOUT_FIELDS = ("source", "url")


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


def plain_words(error: Exception) -> str:
    """An error as a sentence a person filling in the form understands: the one check's
    `Problem` (which field, what is wrong) in the form's words, any other error as it reads."""
    if not isinstance(error, Refused):
        return _sentence(str(error))
    problem = error.problem
    which = ORDINAL.get(problem.index or 0, "a")
    words = {
        ("date", "not-a-day"): "The meeting date must be a real day, as YYYY-MM-DD.",
        ("title", "too-long"): f"The meeting title must be at most {problem.limit} characters.",
        ("text", "empty"): f"The {which} readout is empty.",
        (
            "text",
            "too-long",
        ): f"The {which} readout is longer than {problem.limit or 0:,} characters.",
        ("side", "empty"): f"The {which} side label is empty.",
        ("side", "spaces"): f"The {which} side label must not start or end with a space.",
        ("side", "unprintable"): f"The {which} side label must not hold control characters.",
        ("url", "not-url"): f"The {which} readout's URL must start with http:// or https://.",
        (
            "url",
            "too-long",
        ): f"The {which} readout's URL must be at most {problem.limit} characters.",
        (
            "source",
            "too-long",
        ): f"The {which} readout's source must be at most {problem.limit} characters.",
    }.get((problem.part, problem.code))
    if words is not None:
        return words
    if problem.part == "side" and problem.code == "too-long":
        return _sentence(f"{which} readout: {problem.message}")
    return _sentence(problem.message)


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."
