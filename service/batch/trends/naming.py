"""Topic names: the noun phrase that a topic's claims share most, rarest in the batch first."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable

from service.pipeline.classify.terms import (
    COMMON_ZIPF,
    NAME_JOINERS,
    STOPWORDS,
    is_proper,
    is_verb_form,
    specificity,
    stem_key,
    words_of,
)
from service.pipeline.languages.en.words import TIME_WORDS, title_at

MAX_WORDS = 4
# A longer phrase names a topic better than a shorter one just as rare, by this much a word.
LENGTH_BONUS = 0.3
# A claim that stops without a full stop on a word this rare (Zipf < 2.5) was likely cut.
CUT_WORD_SPECIFICITY = 0.8
_SENTENCE_END = (".", "!", "?", '"', "”", "’", "'", ")")

Phrase = tuple[str, ...]  # stem keys of the words


def noun_phrases(text: str) -> dict[Phrase, str]:
    """Candidate noun phrases of a claim, by their stem keys, with their surface text.

    A phrase is a run of adjacent words with no function word, title, verb form or punctuation
    between them (English noun phrases end at a preposition or a comma), or a right-hand part
    of one that does not split a name: "sustainable fisheries quotas", "fisheries quotas",
    "Taiwan Strait", never "Strait" alone. The last word of a claim that stops mid-sentence may
    be cut short, so it is left out.
    """
    words = list(words_of(text))
    if words and not text.rstrip().endswith(_SENTENCE_END) and _rare(words[-1][0]):
        words = words[:-1]
    runs: list[list[int]] = [[]]
    owners: list[list[int]] = []
    inside: set[int] = set()  # words after a hyphen: a phrase never starts there
    for index, (_, offset) in enumerate(words):
        previous = words[index - 1] if index else None
        gap = text[previous[1] + len(previous[0]) : offset] if previous else " "
        hyphen = gap.strip(".") in ("-", "–")  # "U.S.-ROK", "whole-of-government"
        joined = hyphen or gap == " "
        if hyphen and runs[-1]:
            runs[-1].append(index)
            inside.add(index)
        elif runs[-1] and _joins_name(words, index):  # "Republic of Korea" is one name
            runs[-1].append(index)
            inside.update((index, index + 1))
        elif _breaks(words, index):
            runs.append([])
            continue
        else:
            if not joined:
                runs.append([])
            runs[-1].append(index)
        if _POSSESSIVE.search(words[index][0]):
            owners.append(list(runs[-1]))  # "Kim Jong-un's plan" names "Kim Jong-un" too
    found: dict[Phrase, str] = {}
    for run in runs + owners:
        for start in range(len(run)):
            if run[start] in inside or (
                start and is_proper(words, run[start - 1]) and is_proper(words, run[start])
            ):
                continue  # would cut a compound or a name in two
            part = [words[i] for i in run[start:]]
            if len(part) > MAX_WORDS and not all(
                is_proper(words, i) or words[i][0] in NAME_JOINERS for i in run[start:]
            ):
                continue
            if len(part) == 1 and not _says_something(part[0][0]):
                continue  # "two", "summer": an everyday word alone names nothing
            phrase = tuple(stem_key(w) for w, _ in part)
            surface = text[part[0][1] : part[-1][1] + len(part[-1][0])]
            found.setdefault(phrase, _POSSESSIVE.sub("", surface))
    return found


def _joins_name(words: list[tuple[str, int]], index: int) -> bool:
    """A joiner between two words of a name: "of" in "Democratic People's Republic of Korea"."""
    return (
        words[index][0] in NAME_JOINERS
        and 0 < index < len(words) - 1
        and is_proper(words, index - 1)
        and is_proper(words, index + 1)
    )


def _breaks(words: list[tuple[str, int]], index: int) -> bool:
    word = words[index][0]
    lower = word.lower()
    if (
        lower in STOPWORDS
        or lower in _PREPOSITIONS
        or title_at([w for w, _ in words], index)
        or word.isdigit()
    ):
        return True
    if len(word) < 2:
        return True
    if is_proper(words, index):
        return False
    before = index - 1
    while before >= 0 and words[before][0].lower().endswith("ly"):
        before -= 1  # "to swiftly strengthen"
    if before >= 0 and words[before][0].lower() in _VERB_BEFORE:
        return True  # "to respond", "will strengthen": a verb, not a thing
    if index == 0 and not is_proper(words, index) and word[0].isupper():
        return lower.endswith("s") or is_verb_form(lower)  # "Both", "Leaders" open a sentence
    return is_verb_form(lower) or (len(lower) >= 4 and lower.endswith("ed"))


_POSSESSIVE = re.compile(r"['’]s?$")
_VERB_BEFORE = frozenset("to will would can could should must shall may might".split())
# English prepositions the pipeline's stopwords leave out; a noun phrase ends before them.
_PREPOSITIONS = frozenset(
    """across along amid amidst around beside besides beyond despite near onto per since
    throughout toward towards unlike versus without""".split()
)


def phrase_idf(claims: Iterable[dict[Phrase, str]], total: int) -> dict[str, float]:
    """Rarity of each word key across the batch's claims."""
    counts = Counter(k for phrases in claims for k in {k for p in phrases for k in p})
    return {k: math.log((total + 1) / (n + 0.5)) for k, n in counts.items()}


# Words that say when: the framing's time words, and the calendar (months, weekdays, units of
# time). "six days", "November last year" say when, not what.
CALENDAR_WORDS = TIME_WORDS | frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday tonight weekend day days week weeks
    month months year years decade decades century centuries""".split()
)
# The readout genre's set phrases for where a meeting takes place: "on the sidelines of",
# "on the margins of", "on the occasion of". They place a meeting; they name no topic.
VENUE_WORDS = frozenset({"sidelines", "margins", "margin", "occasion"})


def says_when(text: str) -> bool:
    """A phrase that says when or where a meeting took place, not what it was about."""
    return any(word.lower() in CALENDAR_WORDS | VENUE_WORDS for word in text.split())


def best_phrase(
    members: list[dict[Phrase, str]],
    idf: dict[str, float],
    excluded: Callable[[str], bool] = lambda text: False,
    quorum: int | None = None,
) -> str | None:
    """The phrase most members use, weighted by how rare its words are; None if there is none.

    A topic of several claims is named by a phrase more than half of them use (a place one of
    two claims mentions in passing is no name for both) unless `quorum` says fewer, never by a
    phrase that says when, nor by one that `excluded` rules out (a side of the batch).
    """
    support: Counter[Phrase] = Counter()
    surface: dict[Phrase, str] = {}
    for phrases in members:
        for phrase, text in phrases.items():
            support[phrase] += 1
            surface.setdefault(phrase, text)
    quorum = quorum or len(members) // 2 + 1
    for phrase in list(support):
        text = surface[phrase]
        if support[phrase] < quorum or says_when(text) or excluded(text):
            del support[phrase]
    if not support:
        return None

    def score(phrase: Phrase) -> tuple[float, int, str]:
        rarity = sum(idf.get(k, 0.0) for k in phrase) / len(phrase)
        bonus = 1 + LENGTH_BONUS * (len(phrase) - 1)
        weight = support[phrase] / len(members) * rarity * bonus * _content(surface[phrase])
        return weight, len(phrase), surface[phrase]

    return surface[max(support, key=score)]


def _says_something(word: str) -> bool:
    return word[0].isupper() or specificity(word.lower(), "en", COMMON_ZIPF) > 0


def _rare(word: str) -> bool:
    return (
        not word.isupper() and specificity(word.lower(), "en", COMMON_ZIPF) > CUT_WORD_SPECIFICITY
    )


def _content(text: str) -> float:
    """How much a phrase says: a name or a specific word counts fully, everyday words by half."""
    words = text.replace("-", " ").split()
    if any(w[0].isupper() or w[0].isdigit() for w in words):
        return 1.0
    specific = max(specificity(w.lower(), "en", COMMON_ZIPF) for w in words)
    return 0.5 + 0.5 * min(1.0, specific + (0.5 if len(words) > 1 else 0.0))


def names_only(text: str, people: frozenset[str]) -> bool:
    """Whether a phrase is only names of who met and where (and small words)."""
    words = [w.lower().removesuffix("’s").removesuffix("'s") for w in text.split()]
    return bool(words) and words[0] in people and all(w in people or w.islower() for w in words)


FALLBACK_WORDS = 6


def fallback_name(texts: list[str], people: frozenset[str]) -> str:
    """No phrase and no term to name a topic by: the shortest claim's opening words after who
    says it, cut at a word with '…' (a whole sentence is no name)."""
    words = min((text.strip() for text in texts), key=len).split()
    while len(words) > 1 and names_only(words[0], people):
        words = words[1:]
    opening = " ".join(words[:FALLBACK_WORDS]).rstrip(".,;:")
    return opening + ("…" if len(words) > FALLBACK_WORDS else "")
