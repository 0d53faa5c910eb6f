"""Chinese speaker cues: a joint subject (双方, 两国, 两国领导人) opening the claim."""

from __future__ import annotations

import re

from service.pipeline.types import Speaker

_JOINT = re.compile(
    r"^\s*(?:双方|两国领导人|两国|两位外长|两国外长)(?:一致|都|均|同意|表示|要|愿|认为|还)?"
)


def subject(text: str) -> Speaker | None:
    """`both` for a joint subject; None otherwise (the grammar of speaker.py decides)."""
    return "both" if _JOINT.match(text) else None
