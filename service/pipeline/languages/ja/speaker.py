"""Japanese speaker cues: a joint subject marked by は or が (両外相は, 双方は, 両首脳は)."""

from __future__ import annotations

import re

from service.pipeline.types import Speaker

_JOINT = re.compile(r"^\s*(?:両外相|両首脳|両大臣|両者|双方|両国|日米双方|日中双方)(?:は|が|とも)")


def subject(text: str) -> Speaker | None:
    """`both` for a joint subject; None otherwise (the grammar of speaker.py decides)."""
    return "both" if _JOINT.match(text) else None
