"""Japanese speaker cues: a joint subject (両外相は, 双方は), or the person a claim opens with
("ブリンケン国務長官から、", "李総理は、") matched against the meeting's cast, read from the
opening claim: who meets is the topic before は, who is met stands before と or への.
"""

from __future__ import annotations

import itertools
import re

from service.pipeline.languages.ja.analyser import analyse
from service.pipeline.languages.ja.words import LEXICON
from service.pipeline.types import Speaker

# Of three or more (a trilateral: 三者, 三外相, 三か国), after a leading adverbial ("その上で、").
_JOINT = re.compile(
    r"^\s*(?:[^、。]{0,6}、)?"
    r"(?:両外相|両首脳|両大臣|両者|双方|両国|日米双方|日中双方|三者|三外相|三首脳|[三3]か国)(?:は|が|とも)"
)
# A Japanese-language readout is the Japanese government's: 日本側, 我が国 are its own side,
# another country's side (中国側, 米側, 先方) the counterpart.
_OWN_SIDE = re.compile(r"^\s*(?:日本側|我が国|日本政府|当方)(?:は|から|より|が|としても)")
_OTHER_SIDE = re.compile(r"^\s*(?:[^、。\s]{1,4}側|先方)(?:は|から|より|が)")
# The subject phrase: up to the first topic, subject or source particle and its comma.
_SUBJECT = re.compile(r"^\s*(?:[^、。]{0,6}、)?([^、。]{1,30}?)(?:は|から|より|が)、")
# "Xは、…Yと(の間で)…会談/電話会談/会見/表敬/会合" and "Xは、…Yへの表敬".
_MEETING = re.compile(r"会談|電話会談|会見|表敬|会合|面会|懇談")
_MET = re.compile(
    r"([^、。は]{1,60}?)(?:との間で|と|への)(?:の)?[^、。]{0,10}(?:会談|電話会談|会見|表敬|会合|面会|懇談)"
)
_ASIDE = re.compile(r"[(（][^)）]*[)）]")


def names(text: str) -> frozenset[str]:
    """The people named in `text`: the analyser's person names, and the word before a title
    (a transliterated surname the dictionary lacks: "ブリンケン国務長官")."""
    tokens = analyse(_ASIDE.sub("", text))
    found = {t.form for t in tokens if t.tag == "NAME"}
    found |= {
        before.form
        for before, after in itertools.pairwise(tokens)
        if before.tag in ("NOUN", "PROPN", "NAME") and _is_title(after.form)
    }
    return frozenset(found)


def _is_title(word: str) -> bool:
    return any(word.endswith(title) for title in LEXICON.titles)


def parties(opening: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """Who meets and who is met, by name, when `opening` reports the meeting."""
    if not _MEETING.search(opening) or "は、" not in opening:
        return None
    head, tail = opening.split("は、", 1)
    met = _MET.search(_ASIDE.sub("", tail))
    return names(head), names(met.group(1)) if met else frozenset()


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
    named = names(found.group(1))
    mine = any(_same(n, own) for n in named)
    theirs = any(_same(n, other) for n in named)
    if mine != theirs:
        return "self" if mine else "other"
    return None


def _same(name: str, cast: frozenset[str]) -> bool:
    """A name and a cast member are one person when one holds the other (李 and 李強,
    ブリンケン and アントニー・ブリンケン)."""
    return any(name in member or member in name for member in cast)
