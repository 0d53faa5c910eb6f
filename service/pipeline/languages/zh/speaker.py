"""Chinese speaker cues: a joint subject (双方, 两国), or the person a claim opens with ("李强
表示", "岩屋毅指出") matched against the meeting's cast, read from the opening claim: who
meets (会见, 会谈, 通电话) stands before the verb, who is met after it, each after a title.
"""

from __future__ import annotations

import re

from service.pipeline.languages.zh.words import LEXICON
from service.pipeline.types import Speaker

_JOINT = re.compile(r"^\s*(?:双方|两国领导人|两国|两位外长|两国外长)")
# A Chinese-language readout is the Chinese government's: 中方 and 我方 are its own side, any
# other country's side (日方, 美方, 韩方) the counterpart.
_OWN_SIDE = re.compile(r"^\s*(?:中方|我方|中国政府)")
_OTHER_SIDE = re.compile(r"^\s*[\u4e00-\u9fff]方(?!面)")
_MEETS = re.compile(r"会见|会谈|会晤|通电话|举行会谈")
_TITLES = "|".join(sorted(LEXICON.titles, key=len, reverse=True))
# A name follows its title: "国务院总理李强", "日本外相岩屋毅".
_NAMED = re.compile(
    rf"(?:{_TITLES})([\u4e00-\u9fff·]{{2,4}}?)(?=在|同|与|和|会见|会谈|会晤|通电话|举行|表示|指出|$|[,，。、])"
)
_SUBJECT = re.compile(r"^\s*([\u4e00-\u9fff·]{2,4}?)(?:表示|指出|强调|说|认为|介绍|重申)")


def parties(opening: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """Who meets and who is met, by name, when `opening` reports the meeting."""
    verb = _MEETS.search(opening)
    if verb is None:
        return None
    head, tail = opening[: verb.start()], opening[verb.end() :]
    return frozenset(_NAMED.findall(head)), frozenset(_NAMED.findall(tail))


def subject(text: str, own: frozenset[str], other: frozenset[str]) -> Speaker | None:
    """`both` for a joint subject, `self` or `other` for a cast member's name opening the
    claim; None when the claim names neither."""
    if _JOINT.match(text):
        return "both"
    if _OWN_SIDE.match(text):
        return "self"
    if _OTHER_SIDE.match(text):
        return "other"
    found = _SUBJECT.match(text)
    if not found:
        return None
    name = found.group(1)
    if name in own and name not in other:
        return "self"
    if name in other and name not in own:
        return "other"
    return None
