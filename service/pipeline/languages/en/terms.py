"""English content terms of a claim and whether the other readout ever uses them (lexical, stemmed)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from service.pipeline.languages.base import Term
from service.pipeline.languages.en.words import CALENDAR as _CALENDAR
from service.pipeline.languages.en.words import NAME_JOINERS, title_at
from service.pipeline.languages.en.words import STOPWORDS as _STOPWORDS
from service.pipeline.languages.frequency import english_specificity
from service.pipeline.memo import text_memo

_TOKEN = re.compile(r"[^\W_](?:[\w’'.]*[^\W_])?", re.UNICODE)

# Everyday words (Zipf frequency above this) carry no emphasis on their own; calibrated.
COMMON_ZIPF = 4.0
# A partial emphasis needs an added name or a word at least this specific; calibrated.
PARTIAL_SPECIFICITY = 0.5
# What the two phrase checks below weigh, against PARTIAL_SPECIFICITY (calibrated on a grid of
# 0.2 to 0.6): a hyphenated compound names one specific idea, so it counts at every cut-off; a
# coordinated member ("nuclear and missile") is deliberate, however common its word, and
# counts up to the grid's top.
COMPOUND_SPECIFICITY = 0.8
COORDINATED_SPECIFICITY = 0.6


Words = tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Vocabulary:
    """What one readout says: its stem keys and the acronyms of its proper-noun runs."""

    keys: frozenset[str]

    def covers(self, key: str) -> bool:
        return key in self.keys


@lru_cache(maxsize=65536)
def stem_key(word: str) -> str:
    """A crude stem: plural, possessive and verb endings fall away under a 5-letter prefix."""
    word = word.lower().replace("’", "'").replace(".", "")
    word = re.sub(r"'s?$", "", word)
    return word[:5] if len(word) >= 5 else word


def vocabulary(texts: Iterable[str]) -> Vocabulary:
    """Every stem key used in `texts`, plus the acronym of every proper-noun run."""
    return _vocabulary(tuple(texts))


# Memoised, with distinctive_terms: a resubmitted readout reuses all of its lexical work.
@lru_cache(maxsize=256)
def _vocabulary(texts: tuple[str, ...]) -> Vocabulary:
    keys: set[str] = set()
    for text in texts:
        words = words_of(text)
        keys.update(stem_key(w) for w, _ in words)
        keys.update(a for run in proper_runs(words) if len(run) > 1 for a in acronyms(run))
    return Vocabulary(frozenset(keys))


def distinctive_terms(text: str, other: Vocabulary, common_zipf: float = COMMON_ZIPF) -> list[Term]:
    """Content terms of `text` that the other readout never uses, most specific first.

    Proper nouns count as runs ("Taiwan Strait"), covered when most of their words or their
    acronym ("United States" ~ "U.S.") appear on the other side; lower-case words count only
    when they are not everyday words or verb forms, so "discussed" never becomes an emphasis.
    """
    return list(_distinctive_terms(text, other, common_zipf))


@text_memo(maxsize=4096)
def _distinctive_terms(text: str, other: Vocabulary, common_zipf: float) -> tuple[Term, ...]:
    words = words_of(text)
    found: list[Term] = []
    for run in proper_runs(words):
        keys = [stem_key(w) for w in run if w not in NAME_JOINERS]
        uncovered = sum(1 for k in keys if not other.covers(k))
        if uncovered * 2 > len(keys) and not any(other.covers(a) for a in acronyms(run)):
            found.append(Term(_as_written(text, run), 1.0, proper=True))
    for index, (word, offset) in enumerate(words):
        lower = word.lower()
        if is_proper(words, index) or lower in _STOPWORDS or _names_a_role(words, index):
            continue
        if index and is_proper(words, index - 1) and text[offset - 1 : offset] in ("-", "–"):
            continue  # the tail of a hyphenated name, part of its run
        if len(word) < 3:
            continue
        if lower in _CALENDAR:
            continue
        if _has_digit(word) or is_verb_form(lower) or other.covers(stem_key(word)):
            continue
        rarity = english_specificity(lower, common_zipf)
        if rarity > 0:
            found.append(Term(word, rarity, proper=False))
    found.extend(_compound_terms(text, other))
    found.extend(_coordinated_terms(text, other))
    unique: dict[str, Term] = {}
    for term in found:
        unique.setdefault(term.text.lower(), term)
    return tuple(sorted(unique.values(), key=lambda t: -t.specificity))


def _compound_terms(text: str, other: Vocabulary) -> list[Term]:
    """Lower-case hyphenated compounds ("whole-of-government") name one specific idea."""
    terms = []
    for match in _COMPOUND.finditer(text):
        parts = [p for p in re.split(r"[-–]", match.group(0)) if p]
        content = [p for p in parts if p.lower() not in _STOPWORDS]
        if content and not all(other.covers(stem_key(p)) for p in content):
            terms.append(Term(match.group(0), COMPOUND_SPECIFICITY, proper=False))
    return terms


def _coordinated_terms(text: str, other: Vocabulary) -> list[Term]:
    """In "nuclear and missile activities", a member the other side lacks beside one it has is
    a deliberate addition, however common the word."""
    terms: list[Term] = []
    for match in _COORDINATION.finditer(text):
        members = [
            m for m in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", match.group(0)) if m
        ]
        if len(members) < 2 or any(m.lower() in _STOPWORDS for m in members):
            continue
        covered = [other.covers(stem_key(m)) for m in members]
        if any(covered):
            terms.extend(
                Term(m, COORDINATED_SPECIFICITY, proper=False)
                for m, seen in zip(members, covered, strict=True)
                if not seen and not is_verb_form(m.lower()) and len(m) >= 3
            )
    return terms


_COORDINATION = re.compile(r"\b[a-z]+(?:,\s*[a-z]+)*,?\s+(?:and|or)\s+[a-z]+\b")
_COMPOUND = re.compile(r"\b[a-z]+(?:[-–][a-z]+)+\b")


@text_memo(maxsize=4096)
def words_of(text: str) -> Words:
    """Words with their start offsets; hyphenated compounds split into their parts.

    Cached: every claim is read once for its side's vocabulary and once for its own terms.
    """
    out = []
    for match in _TOKEN.finditer(text):
        offset = match.start()
        for part in re.split(r"([-–])", match.group(0)):
            if part and part not in "-–":
                out.append((part, offset))
            offset += len(part)
    return tuple(out)


def _names_a_role(words: Sequence[tuple[str, int]], index: int) -> bool:
    """Part of a title: "Secretary", "Foreign Minister", "Secretary of Defense"."""
    return title_at(_plain(tuple(words)), index)


@lru_cache(maxsize=4096)
def _plain(words: Words) -> tuple[str, ...]:
    return tuple(w for w, _ in words)


def _as_written(text: str, run: list[str]) -> str:
    """A name as the text spells it: hyphens kept, and a hyphenated lower-case tail of a
    two-word name kept on it ("Ahn Gyu-back"), so a mark never splits the name."""
    tail = r"(?:[-–][a-z]+\b)?" if len(run) > 1 else ""
    found = re.search(r"[\s\-–]+".join(map(re.escape, run)) + tail, text)
    return found.group(0) if found else " ".join(run)


def is_proper(words: Sequence[tuple[str, int]], index: int) -> bool:
    word = words[index][0]
    lower = word.lower()
    if lower in _STOPWORDS or lower in _CALENDAR or word.isdigit():
        return False
    if _names_a_role(words, index):
        return False
    return index > 0 and (
        word[0].isupper() or (_has_digit(word) and any(c.isalpha() for c in word))
    )


def proper_runs(words: Sequence[tuple[str, int]]) -> list[list[str]]:
    """Adjacent proper nouns separated only by a space, a hyphen, "of" or "for" form one run."""
    runs: list[list[str]] = []
    previous_end = -10
    joined = False
    for index, (word, offset) in enumerate(words):
        if not is_proper(words, index):
            follows_name = bool(runs) and offset - previous_end <= 1
            joined = follows_name and word in NAME_JOINERS and not joined
            if joined:
                previous_end = offset + len(word)
            continue
        if runs and offset - previous_end <= 1:
            if joined:
                runs[-1].append(words[index - 1][0])
            runs[-1].append(word)
        else:
            runs.append([word])
        previous_end = offset + len(word)
        joined = False
    return runs


def acronyms(run: list[str]) -> set[str]:
    """Initials with and without joiners: "Republic of Korea" is ROK, "... Republic of Korea" DPRK."""
    if len(run) == 1:
        return {stem_key(run[0])}
    return {
        "".join(w[0] for w in run).lower(),
        "".join(w[0] for w in run if w not in NAME_JOINERS).lower(),
    }


_DIGIT = re.compile(r"\d")


def _has_digit(word: str) -> bool:
    return _DIGIT.search(word) is not None


def is_verb_form(word: str) -> bool:
    """Verb forms and manner adverbs say how, not what: "hailed", "maintaining", "swiftly"."""
    return len(word) > 5 and word.endswith(("ed", "ing", "ly"))
