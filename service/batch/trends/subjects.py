"""What a topic name is about: its subject keys, states under one code whatever they are called.

A state goes by several names in readouts ("North Korea", "DPRK", "Democratic People's Republic
of Korea"); every name of one state becomes its ISO 3166-1 alpha-2 code, so "North Korea" and
"the DPRK's missile launch" share a subject and a side labelled US never names a topic
"United States". The names: ISO 3166-1 English short names and the formal names and
abbreviations of the UN Terminology Database (UNTERM), for the states and bodies that the
readouts of the genre name most (G20 members and East Asian neighbours); a multi-word name
not listed here is keyed by its initials ("United Nations Security Council", "UN Security
Council" and "UNSC" are all UNSC).
"""

from __future__ import annotations

import re

from service.pipeline.classify.terms import NAME_JOINERS, stem_key

STATES: dict[str, tuple[str, ...]] = {
    "us": ("united states", "united states of america", "usa", "us", "u.s", "america"),
    "kr": ("south korea", "republic of korea", "rok", "korea"),
    "kp": ("north korea", "democratic people's republic of korea", "dprk", "pyongyang"),
    "jp": ("japan",),
    "cn": ("china", "people's republic of china", "prc"),
    "tw": ("taiwan",),
    "ru": ("russia", "russian federation"),
    "ua": ("ukraine",),
    "gb": ("united kingdom", "uk", "britain", "great britain"),
    "fr": ("france",),
    "de": ("germany",),
    "in": ("india",),
    "au": ("australia",),
    "ca": ("canada",),
    "mn": ("mongolia",),
    "vn": ("viet nam", "vietnam"),
    "ph": ("philippines",),
    "id": ("indonesia",),
}
_CODE = {name: code for code, names in STATES.items() for name in names}
_POSSESSIVE = re.compile(r"['’]s?$")
_WORD = re.compile(r"[\w’'.]+(?:[-–][\w’'.]+)*")


def _plain(word: str) -> str:
    return _POSSESSIVE.sub("", word.lower().replace("’", "'")).rstrip(".")


def _capital(word: str) -> bool:
    return word[:1].isupper()


def subject(name: str) -> frozenset[str]:
    """The keys of a name: a state's code, a multi-word name's initials, other words' stems."""
    return frozenset(key for key, _ in _runs(name))


def is_proper_name(name: str) -> bool:
    """Whether a name is a name alone: states, acronyms and names of several capitalised words
    ("Taiwan Strait"); not one capitalised everyday word ("Defense" opening a sentence)."""
    runs = _runs(name)
    return bool(runs) and all(proper for _, proper in runs)


def _runs(name: str) -> list[tuple[str, bool]]:
    """(key, whether it is a name) for each capitalised run or other word of `name`."""
    words = _WORD.findall(name)
    keys: list[tuple[str, bool]] = []
    index = 0
    while index < len(words):
        end = index
        while end < len(words) and (
            _capital(words[end]) or (end > index and words[end].lower() in NAME_JOINERS)
        ):
            end += 1
        while end > index + 1 and words[end - 1].lower() in NAME_JOINERS:
            end -= 1
        run = words[index:end] if end > index else words[index : index + 1]
        key = _key(run)
        word = run[0].rstrip(".")
        keys.append((key, key in STATES or len(run) > 1 or (word.isupper() and len(word) > 1)))
        index += len(run)
    return keys


def _key(run: list[str]) -> str:
    plain = " ".join(_plain(w) for w in run)
    if plain in _CODE:
        return _CODE[plain]
    if len(run) == 1:
        return stem_key(run[0])
    initials = "".join(
        w.rstrip(".") if w.rstrip(".").isupper() else w[0]
        for w in run
        if w.lower() not in NAME_JOINERS
    )
    return _CODE.get(initials.lower(), initials.lower())


def is_side(name: str, sides: frozenset[str]) -> bool:
    """Whether a name only names one of the batch's own sides ("United States" with US)."""
    found = subject(name)
    return len(found) == 1 and next(iter(found)) in sides
