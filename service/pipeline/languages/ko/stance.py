"""Korean stance: predicate nouns on the strength scale (Korean is head-final), intensifiers
and hedges.

Predicate nouns: the Sino-Korean stems that take 하다 in the Korean foreign ministry's readout
register (논의 "discussed" to 규탄 "condemned"), graded as docs/strength.md describes, with the
standard dictionary's (표준국어대사전) senses; intensifiers and hedges likewise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from service.pipeline.languages.base import TOP, Predicate, Sign, Token, level_words

Morpheme = Token

# Korean predicate nouns (Sino-Korean stems that take 하다), by level.
_KOREAN = level_words(
    {
        1: "논의 협의 교환 설명 언급 소개 검토",
        2: "환영 축하 공감 지지 희망 우려 기대 평가 감사 합의 동의 요청 당부 제안 기원 확인",
        3: "강조 재확인 견지 촉구 재천명 천명 다짐 약속 표명 반대 공약 재강조",
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
            start, level = start - 1, _KOREAN.get("재" + head.form, level)
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


# Predicate nouns that take a side, for or against (the same register and dictionary senses),
# and the negations after them in standard grammar (지지하지 않았다, 동의하지 못한다).
_KOREAN_FAVOUR = frozenset("지지 환영 동의 찬성 평가".split())
_KOREAN_AGAINST = frozenset("반대 규탄 비난 항의 거부 배격".split())
_KOREAN_NEGATION = re.compile(r"\S*?지\s*(?:않|못)")


def korean_sign(text: str, morphemes: Sequence[Morpheme]) -> Sign | None:
    """Which way the last side-taking predicate noun goes, turned round by 〜지 않/못 after it."""
    nouns = [
        m
        for m in morphemes
        if m.tag in _KOREAN_NOUN_TAGS and m.form in _KOREAN_FAVOUR | _KOREAN_AGAINST
    ]
    if not nouns:
        return None
    head = nouns[-1]
    direction = 1 if head.form in _KOREAN_FAVOUR else -1
    end = head.start + head.len
    negated = _KOREAN_NEGATION.match(text, end)
    if negated:
        direction, end = -direction, negated.end()
    return Sign(direction, text[head.start : end])
