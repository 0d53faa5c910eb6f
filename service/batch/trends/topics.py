"""Group the emphases of many meetings into topics, found from the batch itself, and name them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import msgspec
import numpy as np

from service.batch.trends.clusters import (
    BatchClaim,
    average_linkage,
    idf_of,
    similarity_of,
    within_readout_cut,
)
from service.batch.trends.naming import (
    best_phrase,
    fallback_name,
    names_only,
    noun_phrases,
    phrase_idf,
    says_when,
)
from service.batch.trends.subjects import is_proper_name, is_side, subject
from service.pipeline.classify.calibration import load_calibration
from service.pipeline.classify.framing import people_in as people_of
from service.pipeline.classify.terms import (
    COMMON_ZIPF,
    Term,
    Vocabulary,
    acronyms,
    distinctive_terms,
    stem_key,
    words_of,
)
from service.pipeline.embed import Encoder, route
from service.pipeline.languages import language_named
from service.pipeline.types import Report

# Two emphases join a topic when they are at least as alike as the most alike 5% of claim pairs
# *within* one readout — claims a government chose to state separately, hence distinct topics.
NAME_TERMS = 3
_NOTHING = Vocabulary(frozenset())


class Mention(msgspec.Struct, frozen=True):
    """One emphasis of one meeting, placed in a topic."""

    meeting: str
    title: str | None
    date: str | None
    side: str
    kind: str
    claim_id: str
    text: str
    salience: float


@dataclass
class Topic:
    """Emphases that say the same thing across meetings, named by their most distinctive terms."""

    id: str
    name: str
    terms: list[str]
    mentions: list[Mention] = field(default_factory=list)

    def meetings(self, side: str | None = None) -> set[str]:
        return {m.meeting for m in self.mentions if side is None or m.side == side}


@dataclass(frozen=True)
class TopicModel:
    topics: list[Topic]
    cut: float


def find_topics(reports: list[Report], encoder: Encoder) -> TopicModel:
    """Cluster every emphasis of `reports` (average linkage, a per-batch cut) into topics."""
    claims, mentions, rows = _collect(reports)
    if not mentions:
        return TopicModel(topics=[], cut=1.0)
    texts = list(dict.fromkeys(c.text for c in claims))
    # One vector space for the whole batch: the multilingual encoder once any readout is not
    # English, so the same subject in two languages can join one topic.
    chosen = route(encoder, tuple(dict.fromkeys(c.language for c in claims)))
    calibration = load_calibration(chosen.name)
    vectors = calibration.center(chosen.encode(texts))
    by_text = {t: vectors[i] for i, t in enumerate(texts)}
    idf = idf_of(claims)
    word_idf = phrase_idf((c.phrases for c in claims), len(claims))
    cut = within_readout_cut(claims, by_text, idf)
    members = [claims[r] for r in rows]
    similarity = similarity_of(members, np.stack([by_text[c.text] for c in members]), idf)
    labels = average_linkage(similarity, cut)
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(label, []).append(index)
    sides = frozenset(side.casefold() for report in reports for side in report.sides)
    topics = merge_by_subject([
        _topic([mentions[i] for i in g], [members[i] for i in g], idf, word_idf, sides)
        for g in groups.values()
    ])  # fmt: skip
    topics.sort(key=lambda t: (-len(t.meetings()), -len(t.mentions), t.name))
    for number, topic in enumerate(topics, 1):
        topic.id = f"T{number}"
    return TopicModel(topics=topics, cut=round(cut, 4))


def _collect(reports: list[Report]) -> tuple[list[BatchClaim], list[Mention], list[int]]:
    """Every claim of every readout; the emphases, with the row of their claim."""
    claims: list[BatchClaim] = []
    mentions: list[Mention] = []
    rows: list[int] = []
    for report in reports:
        meeting = report.id or ""
        index: dict[str, int] = {}
        languages = {r.side: r.language for r in report.readouts}
        people = _people_and_places(report)
        for claim in report.claims:
            index[claim.id] = len(claims)
            language = languages.get(claim.side, "en")
            phrases = {
                phrase: text
                for phrase, text in noun_phrases(claim.text).items()
                if not names_only(text, people)
            }
            claims.append(
                BatchClaim(
                    (meeting, claim.side),
                    claim.text,
                    language,
                    _terms(claim.text, language),
                    phrases,
                    people,
                )
            )
        for emphasis in report.emphases:
            if emphasis.claim_id not in index:
                continue
            rows.append(index[emphasis.claim_id])
            mentions.append(
                Mention(meeting, report.title, report.date, emphasis.side, emphasis.kind,
                        emphasis.claim_id, emphasis.text, emphasis.salience)
            )  # fmt: skip
    return claims, mentions, rows


def _terms(text: str, language: str) -> dict[str, tuple[str, ...]]:
    """A claim's terms with their keys: stems in a lexical language, else the words as its
    analyser cut them."""
    room = language_named(language)
    if room.lexical:
        return {t.text: _term_keys(t) for t in distinctive_terms(text, _NOTHING)}
    return {t.text: (t.text,) for t in room.terms(text, COMMON_ZIPF, None)}


def _people_and_places(report: Report) -> frozenset[str]:
    """Who met and where (names after a title, places after "meeting in"): never a topic."""
    return frozenset(w for claim in report.claims for w in people_of(words_of(claim.text)))


def _term_keys(term: Term) -> tuple[str, ...]:
    """Stem keys of a term's words; a name of several words adds its acronym, so "United
    Nations Security Council" and "UNSC" share a key."""
    words = term.text.split()
    keys = tuple(stem_key(w) for w in words)
    if term.proper and len(words) > 1:
        keys += tuple(sorted(acronyms(words)))
    return keys


def merge_by_subject(topics: list[Topic]) -> list[Topic]:
    """One subject, one topic: a topic named by a proper name alone ("North Korea", "United
    Nations Security Council") takes in every topic whose name is about it as well ("the
    DPRK's ballistic missile launch", "UNSC resolutions"), states by any of their names."""
    named = sorted(
        (t for t in topics if is_proper_name(t.name)),
        key=lambda t: (len(subject(t.name)), -len(t.mentions), t.name),
    )
    rank = {id(t): i for i, t in enumerate(named)}
    merged: dict[int, Topic] = {}
    for topic in topics:  # a home always ranks before what it takes in: no cycles
        keys = subject(topic.name)
        earlier = named[: rank.get(id(topic), len(named))]
        home = next((n for n in earlier if subject(n.name) <= keys), None)
        if home is not None:
            merged[id(topic)] = home
    for topic in topics:
        home = merged.get(id(topic))
        while home is not None and id(home) in merged:
            home = merged[id(home)]
        if home is not None:
            home.mentions.extend(topic.mentions)
            home.terms = list(dict.fromkeys(home.terms + topic.terms))[:NAME_TERMS]
    return [t for t in topics if id(t) not in merged]


def _topic(
    mentions: list[Mention],
    claims: list[BatchClaim],
    idf: dict[str, float],
    word_idf: dict[str, float],
    sides: frozenset[str],
) -> Topic:
    """Name a topic by the noun phrase most of its members use and the rest of the batch rarely
    does; its terms, likewise, are the distinctive terms most members share."""
    support: Counter[str] = Counter()
    surface: dict[str, str] = {}
    for claim in claims:
        for text, keys in claim.terms.items():
            name = " ".join(keys)
            support[name] += 1
            surface.setdefault(name, text)

    def score(name: str) -> tuple[float, int]:
        rarity = sum(idf.get(k, 0.0) for k in name.split()) / len(name.split())
        return support[name] / len(claims) * rarity, len(name)

    ranked = sorted(support, key=score, reverse=True)
    # What most members share names the topic; a rare word of one member does not.
    shared = [name for name in ranked if support[name] * 2 > len(claims)]
    chosen: list[str] = []
    for name in shared or ranked[:1]:
        # "Taiwan Strait" makes "Taiwan" redundant; keep the longer, more specific run.
        if any(set(name.split()) <= set(other.split()) for other in chosen):
            continue
        if chosen and score(name)[0] < score(chosen[0])[0] / 2:
            break  # common words ("U.S.") add nothing to a name
        chosen.append(name)
        if len(chosen) == NAME_TERMS:
            break
    terms = [surface[n] for n in chosen]
    phrases = [c.phrases for c in claims]
    people = frozenset().union(*(c.people for c in claims))
    named = [
        t for t in terms if not is_side(t, sides) and not says_when(t) and not names_only(t, people)
    ]
    name = (
        best_phrase(phrases, word_idf, lambda text: is_side(text, sides))
        or (", ".join(named) if named else None)
        or best_phrase(phrases, word_idf, lambda text: is_side(text, sides), quorum=1)
        or fallback_name([m.text for m in mentions], people)
    )
    return Topic(id="", name=name, terms=terms, mentions=mentions)
