"""How strongly a claim is said: its main predicate on a four-level diplomatic scale."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from service.pipeline.classify.strength import hedges, intensifiers
from service.pipeline.split import Morpheme

# The scale (docs/strength.md): 1 noted < 2 welcomed < 3 stressed < 4 condemned.
LEVEL_NAMES = {1: "noted", 2: "welcomed", 3: "stressed", 4: "condemned"}
TOP = max(LEVEL_NAMES)


def _level_words(levels: dict[int, str]) -> dict[str, int]:
    return {word: level for level, words in levels.items() for word in words.split()}


# English reporting and stance verbs (and their nouns), by stem: a word is a form of a stem when
# it is the stem plus an inflection ("discuss" → discussed, discusses, discussing).
_ENGLISH = _level_words(
    {
        1: "note discuss discussion review exchange consult consultation address mention touch",
        2: "welcome concern support appreciate appreciation agree hope congratulate commend "
        "thank gratitude encourage praise regret condolence satisfaction look",
        3: "stress emphasize emphasise underscore underline reaffirm reiterate affirm commit "
        "commitment highlight urge insist vow pledge oppose opposition",
        4: "condemn condemnation denounce deplore reject demand protest warn",
    }
)
_INFLECTIONS = ("", "s", "es", "ed", "d", "ing", "ment", "ments")
# "look" is a predicate only in "look forward", "touch" only in "touch on".
_NEEDS_NEXT = {"look": "forward", "touch": "on"}
# Objects shown with their verb when present: "exchanged views".
_TAKES_NEXT = {"exchange": "views"}
_WORD = re.compile(r"[A-Za-z]+(?:[-'][A-Za-z]+)*")
# Words between "expressed" and its noun ("expressed serious concerns") belong to the predicate.
_EXPRESS = frozenset({"express", "expressed", "expresses", "expressing", "voiced", "conveyed"})
_INTENSIFIER_BEFORE = 2
_HEDGE_WINDOW = 3


class Predicate(NamedTuple):
    """A claim's main predicate as found in its text, and its level on the scale."""

    text: str
    level: int


def _stem(word: str) -> str | None:
    """The lexicon stem `word` is a form of ("discussed" → "discuss"), or None."""
    for ending in _INFLECTIONS:
        if not word.endswith(ending):
            continue
        bare = word[: len(word) - len(ending)] if ending else word
        for stem in (bare, bare + "e", bare[:-1] if bare[-2:-1] == bare[-1:] else bare):
            if stem in _ENGLISH:
                return stem
    return None


def english_predicate(text: str) -> Predicate | None:
    """The first reporting or stance predicate of an English claim, with its modifiers."""
    found = list(_WORD.finditer(text))
    words = [m.group(0).lower() for m in found]
    for at, word in enumerate(words):
        stem = _stem(word)
        needed = _NEEDS_NEXT.get(stem or "")
        if stem is None or (needed and words[at + 1 : at + 2] != [needed]):
            continue
        level = _ENGLISH[stem]
        express = [j for j in range(max(0, at - 4), at) if words[j] in _EXPRESS]
        first = express[-1] if express else at
        adverbs = [
            j
            for j in range(max(0, first - _INTENSIFIER_BEFORE), first)
            if words[j].endswith("ly") and intensifiers(words[j])
        ]
        if adverbs:
            first = adverbs[0]
        if adverbs or intensifiers(" ".join(words[first + 1 : at])):
            level = min(TOP, level + 1)
        if hedges(" ".join(words[max(0, at - _HEDGE_WINDOW) : at + _HEDGE_WINDOW + 1])):
            level = max(1, level - 1)
        takes = words[at + 1 : at + 2] == [_TAKES_NEXT.get(stem)]
        last = at + 1 if needed or takes else at
        return Predicate(text[found[first].start() : found[last].end()], level)
    return None


# Korean predicate nouns (Sino-Korean stems that take 하다), by level.
_KOREAN = _level_words(
    {
        1: "논의 협의 교환 설명 언급 소개 검토",
        2: "환영 축하 공감 지지 희망 우려 기대 평가 감사 합의 동의 요청 당부 제안 기원",
        3: "강조 재확인 확인 견지 촉구 재천명 천명 다짐 약속 표명 반대 공약 재강조",
        4: "규탄 비난 항의 개탄 경고 거부 배격",
    }
)
# "의견을 같이 했다" (shared the view) has no predicate noun of its own.
_KOREAN_PHRASES = re.compile(r"(?:의견|뜻|인식|공감대)\S*\s*(?:같이|함께|형성)")
_KOREAN_PHRASE_LEVEL = 2
# "-기로 했다" (agreed to …), the level of "agreed", when no stance noun says more.
_KOREAN_AGREED = re.compile(r"기로\s*(?:했|하였|합의)")
# Nouns that only report an act of expression: the stance is the noun they take ("우려를 표명").
_KOREAN_CARRIERS = frozenset({"표명"})
_KOREAN_INTENSIFIERS = ("강력", "강하게", "깊은", "깊이", "심각", "심대", "확고", "단호", "굳건",
                        "적극", "높이", "엄중", "분명히", "거듭", "재차")  # fmt: skip
_KOREAN_HEDGES = ("검토", "모색", "가능성", "수 있", "방안")
_KOREAN_NOUN_TAGS = frozenset({"NNG", "XR"})
_KOREAN_WINDOW = 10


def korean_predicate(text: str, morphemes: Sequence[Morpheme]) -> Predicate | None:
    """The last predicate noun of a Korean claim (Korean is head-final), with its modifiers."""
    nouns = [m for m in morphemes if m.tag in _KOREAN_NOUN_TAGS and m.form in _KOREAN]
    stance = [m for m in nouns if m.form not in _KOREAN_CARRIERS] or nouns
    phrase = next(reversed(list(_KOREAN_PHRASES.finditer(text))), None)
    if not stance and phrase is None:
        phrase = _KOREAN_AGREED.search(text)
        if phrase is None:
            return None
        start = text.rfind(" ", 0, phrase.start()) + 1
        return Predicate(text[start : _eojeol_end(text, phrase.end())], _KOREAN_PHRASE_LEVEL)
    if stance and (phrase is None or stance[-1].start > phrase.start()):
        head = stance[-1]
        start, level = head.start, _KOREAN[head.form]
        if text[start - 1 : start] == "재":  # Kiwi parts "재확인" as 재 + 확인: one predicate
            start -= 1
    else:
        assert phrase is not None
        start, level = phrase.start(), _KOREAN_PHRASE_LEVEL
    end = _eojeol_end(text, start)
    if text[start:end].endswith(("을", "를")) or text[start:end] in {"의", "의견"}:
        end = _eojeol_end(text, end + 1)
    window = text[max(0, start - _KOREAN_WINDOW) : end]
    first = start
    for word in _KOREAN_INTENSIFIERS:
        found = window.find(word)
        if found >= 0:
            level = min(TOP, level + 1)
            first = min(first, max(0, start - _KOREAN_WINDOW) + found)
            break
    if any(
        h in text[max(0, start - _KOREAN_WINDOW) : end + _KOREAN_WINDOW] for h in _KOREAN_HEDGES
    ):
        level = max(1, level - 1)
    return Predicate(text[first:end].strip(), level)


def _eojeol_end(text: str, start: int) -> int:
    space = re.compile(r"[\s,.]").search(text, start)
    return space.start() if space else len(text)


def claim_predicate(
    text: str, language: str, morphemes: Sequence[Morpheme] | None = None
) -> Predicate | None:
    """The main predicate of one claim and its level; None when it states no stance."""
    if language == "ko" and morphemes:
        return korean_predicate(text, morphemes)
    if language == "en":
        return english_predicate(text)
    return None
