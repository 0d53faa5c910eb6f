"""Korean speaker cues: who a claim's subject is, from its topic or subject particle.

Joint subjects (양측 "both sides", 양 장관 "the two ministers") are both; 우리측 "our side" is
this readout's and any other X측 the other's; a minister named by a one-syllable surname
("조 장관은") is a Korean readout's own, a transliterated name ("루비오 장관은") the counterpart.
"""

from __future__ import annotations

import re

from service.pipeline.types import Speaker

_JOINT_KO = re.compile(r"(?:양측|양국|양\s?장관|두\s?장관|양\s?정상|양\s?외교장관)[은는이가]")
_KO_SUBJECT = re.compile(
    r"^\s*(?:(우리)\s?측|([가-힣]+)\s?측|([가-힣]+)\s(?:장관|대사|차관))[은는이가도]"
)


def subject(
    text: str, own: frozenset[str] = frozenset(), other: frozenset[str] = frozenset()
) -> Speaker | None:
    """The speaker a Korean claim's own subject names, or None when it names none."""
    if _JOINT_KO.search(text[:40]):
        return "both"
    found = _KO_SUBJECT.match(text)
    if not found:
        return None
    ours, side, minister = found.groups()
    if ours:
        return "self"
    if side:
        return "other"
    return "self" if len(minister) == 1 else "other"
