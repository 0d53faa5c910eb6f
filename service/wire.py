"""The comparison body on the wire (an API request, a batch line): limits live in the types."""

from __future__ import annotations

import re
from typing import Annotated

import msgspec
import numpy as np

from service.comparisons import ComparisonRequest
from service.errors import BadRequest
from service.pipeline.types import Readout
from service.settings import Settings
from service.validate import (
    MAX_READOUTS,
    MAX_SIDE_LENGTH,
    MAX_SOURCE_LENGTH,
    MAX_TITLE_LENGTH,
    MAX_URL_LENGTH,
    MIN_READOUTS,
)

# The type-level limit (shown in OpenAPI) is read once from the environment at import; the
# domain service checks the running app's own settings as well.
MAX_READOUT_CHARS = Settings.from_env().max_readout_chars

_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")


def check_depth(raw: bytes, limit: int) -> None:
    """Raise BadRequest if the JSON `raw` nests deeper than `limit` (before any decoder recurses).

    Strings are cut out first, so brackets inside them do not count; linear in the body."""
    brackets = np.frombuffer(_JSON_STRING.sub(b"", raw).translate(None, _NOT_BRACKET), np.uint8)
    if brackets.size == 0:
        return
    steps = np.where((brackets == ord("[")) | (brackets == ord("{")), 1, -1)
    depth = int(np.cumsum(steps).max())
    if depth > limit:
        raise BadRequest(
            f"the JSON nests {depth} levels deep; at most {limit} are read"
            " (READOUT_DIFF_MAX_JSON_DEPTH)"
        )


# The limits are the one check's (`service.validate`), stated here for the OpenAPI schema
# only: `extra` documents without enforcing, so a body is checked once, by `validate.check`,
# whatever path it came by. Control characters and (at either end) whitespace are spelled out:
# `\s` means different things in Python's re and ECMA regex (which OpenAPI clients read).
_CONTROL = r"\x00-\x1f\x7f-\x9f"
_EDGE = _CONTROL + r"\x20\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"


def _documented(description: str | None = None, **limits: object) -> msgspec.Meta:
    schema: dict[str, object] = {"extra": limits}
    if description is not None:
        schema["description"] = description
    return msgspec.Meta(extra_json_schema=schema)


Side = Annotated[
    str,
    _documented(
        "side label, e.g. US; printable, no leading or trailing spaces",
        min_length=1,
        max_length=MAX_SIDE_LENGTH,
        pattern=rf"^[^{_EDGE}](?:[^{_CONTROL}]*[^{_EDGE}])?$",
        examples=["US"],
    ),
]
ReadoutText = Annotated[str, _documented(min_length=1, max_length=MAX_READOUT_CHARS, pattern=r"\S")]
ShortText = Annotated[str, _documented(max_length=MAX_SOURCE_LENGTH)]
Url = Annotated[str, _documented(max_length=MAX_URL_LENGTH, pattern=r"^https?://")]
Title = Annotated[str, _documented(max_length=MAX_TITLE_LENGTH)]
Day = Annotated[str, _documented("the meeting's day, YYYY-MM-DD", format="date")]


class ReadoutIn(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One side's readout as submitted: its text, or a `url` alone to fetch it from (when
    the server's READOUT_DIFF_FETCH_HOSTS lets it reach that host).

    Not the pipeline's `Readout`, whose text is always there: this is the body's shape, where
    the text may be absent (null or left out) and the limits are documented for OpenAPI."""

    side: Side
    text: ReadoutText | None = None
    source: ShortText | None = None
    url: Url | None = None

    def __post_init__(self) -> None:
        if self.text is None and self.url is None:
            raise ValueError(f"the {self.side} readout needs a text or a url to fetch it from")


class ComparisonIn(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The body of POST /api/comparisons (and one line of a batch file): its shape; its
    rules are `validate.check`'s. Only `to_request` turns it into the `ComparisonRequest`
    that the rest of the service takes (see `ReadoutIn` for why there are two)."""

    readouts: Annotated[
        list[ReadoutIn], _documented(min_items=MIN_READOUTS, max_items=MAX_READOUTS)
    ]
    title: Title | None = None
    date: Day | None = None

    def to_request(self) -> ComparisonRequest:
        """The domain request: pipeline Readouts (a readout with only a URL has empty text
        until it is fetched). The one conversion between the two."""
        return ComparisonRequest(
            readouts=[
                Readout(side=r.side, text=r.text or "", source=r.source, url=r.url)
                for r in self.readouts
            ],
            title=self.title,
            date=self.date,
        )


def decode_request(body: bytes | object) -> ComparisonRequest:
    """A comparison body, as JSON bytes or already decoded (a form's fields, a meeting
    folder's), as the domain request; msgspec's DecodeError (a ValidationError for a body of
    the wrong shape) when it is none. The API's controller gets a `ComparisonIn` from Litestar
    and calls `to_request` itself."""
    if isinstance(body, bytes | bytearray):
        return msgspec.json.decode(body, type=ComparisonIn).to_request()
    return msgspec.convert(body, ComparisonIn).to_request()
