"""English stance predicates on the strength scale: the reporting and stance verbs of readouts,
and the test that a word found is the claim's stance, not a word that looks like one.

Words and their levels (docs/strength.md names the sources in full):
- the operative and preambulatory verbs of UN resolutions, read as a scale by practitioners
  (notes < welcomes, expresses concern < reaffirms, stresses, urges < condemns);
- the U.S. State Department's and the foreign ministries' English readouts: their verbs of
  agreement ("agreed", "concurred", "shared the view", "confirmed"; Japan's 一致 / 共有 / 確認,
  Korea's 합의 / 의견을 같이 / 확인) sit with "welcomes", their restatements ("reaffirmed",
  "reiterated", "reinforced"; 再確認, 재확인) with "reaffirms", graded alike in every room;
- not on the scale: the neutral reporting verbs of Thompson and Ye ("Evaluation in the
  reporting verbs used in academic papers", 1991): state, say, explain, outline, describe.
  They tell who said it, not how strongly; the stance is in what they report ("said that China
  firmly opposes …" is "firmly opposes");
- G. R. Berridge and L. Lloyd, The Palgrave Macmillan Dictionary of Diplomacy (2012), for the
  conventional force of communiqué wording; word senses as in Merriam-Webster.
"""

from __future__ import annotations

import re

from service.pipeline.languages.base import TOP, Predicate, level_words
from service.pipeline.languages.en.stance import hedges, intensifiers

# Reporting and stance verbs (and their nouns), by stem: a word is a form of a stem when it is
# the stem plus an inflection ("discuss" → discussed, discusses, discussing).
_ENGLISH = level_words(
    {
        1: "note discuss discussion review exchange consult consultation address mention touch",
        2: "welcome concern support appreciate appreciation agree concur confirm share decide "
        "hope expect congratulate congratulation commend thank gratitude encourage praise hail "
        "endorse applaud regret condolence satisfaction look",
        3: "stress emphasize emphasise emphasis underscore underline affirm reaffirm "
        "reconfirm reiterate commit commitment highlight urge insist vow pledge promise assure "
        "assurance reinforce oppose opposition call",
        4: "condemn condemnation denounce deplore reject demand protest warn",
    }
)
_INFLECTIONS = ("", "s", "es", "ed", "d", "ing", "ment", "ments")
# Forms that are stance nouns: one counts when a reported verb comes just before it ("held
# discussions", "expressed concerns", "took note"); any other form counts only as a reported
# verb, so "the tariff agreement", "the United States" and "exchanges" state no stance.
_NOUNS = frozenset(
    """note discussion discussions consultation consultations exchange concern concerns
    support appreciation gratitude thanks hope hopes condolence condolences congratulation
    congratulations satisfaction regret welcome commitment commitments assurance assurances
    opposition condemnation protest emphasis agreement praise""".split()
)
# Stems that are a predicate only with one of these words within the reach that follows:
# "look forward", "touch on", "call for", "exchanged (their) views", "exchange of views"
# (people-to-people "exchanges" state no stance); the predicate runs to that word.
_NEEDS_NEXT: dict[str, tuple[tuple[str, ...], int]] = {
    "look": (("forward",), 1),
    "touch": (("on",), 1),
    "call": (("for", "on", "upon"), 1),
    "exchange": (("views", "opinions"), 2),
}
# Verbs that report the stance noun they carry ("expressed serious concerns", "shared serious
# concerns", "held discussions"): when one comes up to four words before a stance noun, the
# predicate runs from it; "share" without one ("shared the view") is a stance of level 2.
_CARRIERS = frozenset(
    """express expressed expresses expressing voiced conveyed shared raised renewed offered
    extended reached held had took made gave paid felt""".split()
)
_CARRIER_WINDOW = 4
# Readouts report in the past tense: a stance verb ends in -ed ("noted", "agreed", "urged"),
# as do the carriers of a stance noun; "indeed", "need" and "United" are no past tenses.
_REPORTED = re.compile(r"[a-z]+ed")
_NOT_PAST = frozenset("united indeed need speed proceed exceed succeed".split())
# Irregular past-tense verbs that carry a stance noun ("held discussions", "took note").
_IRREGULAR_CARRIERS = frozenset({"held", "had", "took", "made", "gave", "paid", "felt", "said"})
# A stance noun counts when a reporting verb stands this few words before it.
_NOUN_AFTER_VERB = 3
# A present tense counts too ("China firmly opposes", "welcomes"); a plural noun of _NOUNS
# ("concerns") only after a reported verb.
_PRESENT = ("s", "es")
_WORD = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*")
_INTENSIFIER_BEFORE = 2
_HEDGE_WINDOW = 3
# The predicate's object phrase runs to the first of these; an intensifier in it ("reaffirmed
# their resolute support", "the critical importance") raises the predicate like an adverb.
_PHRASE_ENDS = frozenset(
    "of for to that on in with about and or as by at from between among which who".split()
)
_OBJECT_WORDS = 3


def _stem(word: str) -> str | None:
    """The lexicon stem `word` is a form of ("discussed" → "discuss"), or None; a bare word
    is its own stem only ("not" is no form of "note")."""
    if word in _ENGLISH:
        return word
    for ending in _INFLECTIONS[1:]:
        if not word.endswith(ending):
            continue
        bare = word[: len(word) - len(ending)]
        for stem in (bare, bare + "e", bare[:-1] if bare[-2:-1] == bare[-1:] else bare):
            if stem in _ENGLISH:
                return stem
    return None


def _past(word: str) -> bool:
    return bool(_REPORTED.fullmatch(word)) and word not in _NOT_PAST


def _reported(word: str) -> bool:
    return _past(word) or word in _IRREGULAR_CARRIERS


def _is_stance(words: list[str], at: int) -> bool:
    """A reported or present-tense verb of the lexicon, or a stance noun with a reported verb
    just before it."""
    word = words[at]
    if _past(word):
        return True
    if word in _NOUNS:
        return any(_reported(w) for w in words[max(0, at - _NOUN_AFTER_VERB) : at])
    return word.endswith(_PRESENT)


def _candidates(words: list[str]) -> list[tuple[int, str, int]]:
    """Each stance word of the claim: its index, stem, and the index its predicate ends at."""
    found = []
    for at, word in enumerate(words):
        stem = _stem(word)
        if stem is None:
            continue
        last = at
        if stem in _NEEDS_NEXT:
            needed, reach = _NEEDS_NEXT[stem]
            after = [
                j for j in range(at + 1, min(len(words), at + 1 + reach)) if words[j] in needed
            ]
            if not after:
                continue
            last = after[0]
        carries = any(w in _NOUNS for w in words[at + 1 : at + 1 + _CARRIER_WINDOW])
        if (word in _CARRIERS and carries) or not _is_stance(words, at):
            continue
        if _reports(words, at, stem):
            continue
        found.append((at, stem, last))
    return found


def _reports(words: list[str], at: int, stem: str) -> bool:
    """ "noted that …" reports a statement as "stated that" does (Chinese readouts' 指出, "pointed
    out"); "took note that", "noted the progress" acknowledge a matter (level 1)."""
    return stem == "note" and words[at + 1 : at + 2] == ["that"] and words[at] != "note"


def english_predicate(text: str) -> Predicate | None:
    """The first stance predicate of an English claim (a stance verb in the reporting or
    present tense, or a stance noun that such a verb carries), with its modifiers; None when
    it states no stance."""
    found = list(_WORD.finditer(text))
    words = [m.group(0).lower() for m in found]
    candidates = _candidates(words)
    if not candidates:
        return None
    at, stem, last = candidates[0]
    level = _ENGLISH[stem]
    carrier = [j for j in range(max(0, at - _CARRIER_WINDOW), at) if words[j] in _CARRIERS]
    first = carrier[0] if carrier and words[at] in _NOUNS else at
    adverbs = [
        j
        for j in range(max(0, first - _INTENSIFIER_BEFORE), first)
        if words[j].endswith("ly") and intensifiers(words[j])
    ]
    if adverbs:
        first = adverbs[0]
    if adverbs or intensifiers(" ".join(words[first + 1 : at] + _object(words, last))):
        level = min(TOP, level + 1)
    if hedges(" ".join(words[max(0, at - _HEDGE_WINDOW) : at + _HEDGE_WINDOW + 1])):
        level = max(1, level - 1)
    return Predicate(text[found[first].start() : found[last].end()], level)


def _object(words: list[str], at: int) -> list[str]:
    """The words of the predicate's object phrase, up to its first preposition or clause word."""
    phrase: list[str] = []
    for word in words[at + 1 : at + 1 + _OBJECT_WORDS]:
        if word in _PHRASE_ENDS:
            break
        phrase.append(word)
    return phrase
