"""What a Korean claim is matched by (base.Language.parts): the claim, and its comma parts.

A Korean claim that lists several matters separates them with ", " ("원자력, 핵추진잠수함, 조선
등", "자유민주주의, 인권 등 기본 가치를 공유하는 …"), as an English matter's list does
(languages/en/matter.py); each part long enough to say something is compared as well.
"""

from __future__ import annotations

import re

# A part needs this many letters (spaces not counted) to be matched alone: measured on the
# Korean-language dev pairs with bench/matching.py's evidence, 4 to 12 letters gave the same
# counterparts (held-out match precision 0.80 against 0.67 without parts) and 16 lost the
# gain; 8 is the middle of that plateau (docs/matching.md).
MIN_PART_LETTERS = 8
_COMMA = re.compile(r",\s+")


def parts(text: str) -> list[str]:
    """The claim, then its comma-separated parts when there are two or more long enough."""
    pieces = [p.strip(" ,.") for p in _COMMA.split(text)]
    pieces = [p for p in pieces if len(p.replace(" ", "")) >= MIN_PART_LETTERS]
    return [text, *pieces] if len(pieces) > 1 else [text]
