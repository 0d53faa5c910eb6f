"""What an English claim is about, for matching: its matter and the matter's list parts.

A claim's wording of who said it and how ("Secretary Rubio and Foreign Minister Cho discussed
…") is shared by every claim of a readout, so claims are compared by their *matter*: the words
after the main stance or reporting predicate (`frame.frame_end`). Where a list or a
comma splits the matter, each part is compared as well ("supply chains for critical minerals,
nuclear power cooperation, and the trilateral summit").
"""

from __future__ import annotations

import re

from service.pipeline.languages.en.frame import frame_end

# A part shorter than this says too little to be matched alone ("the ROK").
MIN_PART_WORDS = 3
# Where a matter splits into parts: commas and semicolons, and list joiners before a verb or
# "including" / "as well as" (English function words, not fitted).
_PARTS = re.compile(
    r",\s+(?:and\s+|including\s+|as well as\s+)?|;\s+|\s+and\s+(?=[a-z]+(?:ed|ing)\b)"
    r"|\s+as well as\s+|\s+including\s+"
)


def matter(text: str) -> str:
    """An English claim without its subject and predicate: what it says something about."""
    end = frame_end(text)
    if end is None:
        return text
    rest = text[end:].strip(" ,.")
    return rest if len(rest.split()) >= 2 else text


def parts(text: str) -> list[str]:
    """The claim's matter, then the matter's parts when a list or a comma splits it in two or
    more of at least `MIN_PART_WORDS` words each."""
    whole = matter(text)
    pieces = [p.strip(" ,.") for p in _PARTS.split(whole)]
    pieces = [p for p in pieces if len(p.split()) >= MIN_PART_WORDS]
    return [whole, *pieces] if len(pieces) > 1 else [whole]
