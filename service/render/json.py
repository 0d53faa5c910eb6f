"""The report as the JSON of DESIGN.md (plus additive fields)."""

from __future__ import annotations

import msgspec

from service.pipeline.types import Report


def to_json(report: Report) -> bytes:
    """The report JSON, pretty-printed."""
    return msgspec.json.format(msgspec.json.encode(report), indent=2)
