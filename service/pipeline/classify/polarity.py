"""Opposition between two matched claims: one side affirms what the other denies."""

from __future__ import annotations

import re
from functools import lru_cache

from service.pipeline.languages.en.words import STANCE_ANTONYMS
from service.pipeline.memo import text_memo

_WORD = re.compile(r"[A-Za-z]+(?:n't|'t)?|\d+(?:[.,]\d+)*%?")
# Words that negate the verb they stand before ("does not support", "never accepted").
_NEGATIONS = frozenset(["not", "never", "cannot", "n't"])
# Words that negate an argument, not the predicate ("neither nation becomes vulnerable", "no one
# is left behind", "without delay"): they deny who or what, so they are no stance on the matter.
_ARGUMENT_NEGATIONS = frozenset(["no", "neither", "nor", "none", "nobody", "nothing", "without"])
# Between a negation and its verb: auxiliaries and adverbs ("not yet fully supported").
_BETWEEN = frozenset(
    """be been being is are was were do does did have has had will would shall should can could
    may might must to yet fully ever always also entirely necessarily""".split()
)
# A preposition after a negation starts an argument ("not in the interest of"), not a
# predicate; its repetition on the other side is no opposition.
_NOT_PREDICATES = frozenset("in on at of for by from with".split())
# Fixed phrases whose negation word does not deny anything.
_IDIOMS = re.compile(
    r"\b(?:not only|not least|no later than|no less than|nothing less than|no doubt|"
    r"without delay|without exception|not just|no longer than|none other than|"
    r"no matter|not to mention)\b",
    re.IGNORECASE,
)
# Pairs whose members take opposite stances; each member is matched by its stem prefix.
_ANTONYMS: tuple[tuple[str, str], ...] = (
    *STANCE_ANTONYMS,
    ("allow", "forbid"),
    ("allow", "prohibit"),
    ("permit", "prohibit"),
    ("lift", "impos"),
    ("increas", "decreas"),
    ("increas", "reduc"),
    ("rais", "lower"),
    ("rise", "fall"),
    ("rose", "fell"),
    ("gain", "loss"),
    ("gain", "lose"),
    ("win", "lose"),
    ("won", "lost"),
    ("strengthen", "weaken"),
    ("expand", "reduc"),
    ("expand", "shrink"),
    ("open", "clos"),
    ("connect", "disconnect"),
    ("success", "fail"),
    ("positiv", "negativ"),
    ("high", "low"),
    ("up", "down"),
    ("more", "less"),
    ("same", "different"),
    ("legal", "illegal"),
    ("resum", "suspend"),
    ("start", "stop"),
    ("begin", "end"),
    ("enter", "exit"),
    ("arriv", "depart"),
    ("buy", "sell"),
    ("alive", "dead"),
    ("full", "empty"),
)
# Title-case words that start a sentence or name a role, not an entity that can differ.


def words(text: str) -> list[str]:
    """The words and figures of `text`, idioms left out: what stances are read from."""
    return _WORD.findall(_IDIOMS.sub(" ", text))


def _negations(tokens: list[str], counterpart: list[str]) -> list[str]:
    """Negations of a predicate that the counterpart also states: "not" before "support" counts
    against a counterpart that says "support"; "no" before a noun never counts, nor "not" before
    a word the counterpart never uses ("did not fail to support" against "supported")."""
    stated = {_stem(t) for t in counterpart}
    # "does not oppose" against "supports": the negated word is an antonym of one stated there.
    touched = {pair for t in counterpart for pair, _ in _word_stances(t.lower())}
    found: list[str] = []
    for index, token in enumerate(tokens):
        lower = token.lower()
        if lower in _ARGUMENT_NEGATIONS:
            continue
        if not (lower in _NEGATIONS or lower.endswith("n't") or lower == "cant"):
            continue
        verb = index + 1
        while verb < len(tokens) and tokens[verb].lower() in _BETWEEN:
            verb += 1
        if verb >= len(tokens):
            continue
        word = tokens[verb].lower()
        if word in _NOT_PREDICATES:
            continue
        if _stem(word) in stated or any(pair in touched for pair, _ in _word_stances(word)):
            found.append("not" if lower.endswith("n't") else lower)
    return found


def _stem(token: str) -> str:
    return token.lower()[:5]


_INFLECTIONS = ("", "s", "es", "ed", "ing", "d")


def _stem_tables() -> tuple[dict[str, list[tuple[int, int]]], dict[str, list[tuple[int, int]]]]:
    """Each antonym member by the exact forms of a short stem, or by its long stem (a prefix).

    Short stems match whole words and their inflections only ("up" is not "upon").
    """
    exact: dict[str, list[tuple[int, int]]] = {}
    prefixes: dict[str, list[tuple[int, int]]] = {}
    for index, pair in enumerate(_ANTONYMS):
        for sign, stem in ((1, pair[0]), (-1, pair[1])):
            if len(stem) <= 4:
                for ending in _INFLECTIONS:
                    exact.setdefault(stem + ending, []).append((index, sign))
            else:
                prefixes.setdefault(stem, []).append((index, sign))
    return exact, prefixes


_EXACT, _PREFIXES = _stem_tables()
_PREFIX_LENGTHS = sorted({len(stem) for stem in _PREFIXES})


@lru_cache(maxsize=65536)
def _word_stances(word: str) -> tuple[tuple[int, int], ...]:
    """The antonym pairs (by index) a lower-case word is a member of, each with its sign."""
    found = list(_EXACT.get(word, ()))
    for length in _PREFIX_LENGTHS:
        if len(word) >= length:
            found += _PREFIXES.get(word[:length], ())
    return tuple(sorted(found, key=lambda hit: (hit[0], -hit[1])))


def _stances(tokens: list[str]) -> dict[tuple[str, str], tuple[int, str]]:
    """For each antonym pair a claim touches with one member only: +1 / -1, and the word."""
    signs: dict[int, set[int]] = {}
    first: dict[int, str] = {}
    for word in (t.lower() for t in tokens):
        for index, sign in _word_stances(word):
            signs.setdefault(index, set()).add(sign)
            first.setdefault(index, word)
    return {
        _ANTONYMS[index]: (next(iter(found)), first[index])
        for index, found in signs.items()
        if len(found) == 1
    }


def opposition(claim: str, counterpart: str) -> list[str]:
    """Evidence words when the two claims take opposite stances; empty when they agree."""
    return list(_opposition(claim, counterpart))


@text_memo(maxsize=4096)
def _opposition(claim: str, counterpart: str) -> tuple[str, ...]:
    return tuple(_evidence(claim, counterpart))


def _evidence(claim: str, counterpart: str) -> list[str]:
    mine, theirs = words(claim), words(counterpart)
    evidence: list[str] = []
    negated, negated_other = _negations(mine, theirs), _negations(theirs, mine)
    flip, flip_other = len(negated) % 2, len(negated_other) % 2
    stances, stances_other = _stances(mine), _stances(theirs)
    shared_pairs = stances.keys() & stances_other.keys()
    for pair in sorted(shared_pairs):
        (sign, word), (sign_other, word_other) = stances[pair], stances_other[pair]
        if sign != sign_other:
            evidence += [word, word_other]
    if evidence:
        # "does not oppose" agrees with "supports": a negation cancels an antonym.
        if flip != flip_other:
            return []
        return sorted(set(evidence))
    if flip != flip_other:
        return sorted(set(negated or negated_other))
    return []
