"""Pairs of stance claims about the same matter beyond the counterparts, for strength gaps.

align.py gives each claim one counterpart at most, its mutual best; a claim that says two
things ("… pose a threat …, and the two ministers shared the view to continue working towards
the complete denuclearization …") has a second matter on the other side that no counterpart
covers, and the stance a readout takes often sits in a claim that is not the other's best.
Two claims that both take a stance of the scale are about the same matter here when their
matters score at least the calibrated `gap_similarity` (align.py's part similarity) **and**
they name it alike: they share a name or a rare content word that is not a participant's
(`framing.substance`: names other than the participants', words rarer than everyday ones), a
name counting as its whole run ("Republic of Korea" is no part of "Democratic People's
Republic of Korea"). Only where the two readouts' words compare directly (`languages.lexical`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np

from service.pipeline.classify.framing import substance
from service.pipeline.languages.en.terms import proper_runs, stem_key, words_of
from service.pipeline.languages.en.words import NAME_JOINERS
from service.pipeline.types import Claim, Match


def matter_words(text: str, participants: Collection[str], common_zipf: float) -> set[str]:
    """What names a claim's matter: the stem keys of its rare content words, and each name
    other than a participant's as its whole run of proper nouns."""
    words = words_of(text)
    found = set(substance(words, frozenset(participants), common_zipf, text))
    keys: set[str] = set()
    named: set[str] = set()
    for run in proper_runs(words):
        named.update(run)
        if found.intersection(run):
            keys.add(" ".join(stem_key(w) for w in run if w not in NAME_JOINERS))
    return keys | {stem_key(w) for w in found - named}


def stance_pairs(
    left: Sequence[Claim],
    right: Sequence[Claim],
    about: np.ndarray,
    participants: Collection[str],
    threshold: float,
    common_zipf: float,
) -> list[Match]:
    """Every pair of a left and a right claim that both state a stance of the scale, score at
    least `threshold` in `about` (align.part_scores, left claims by rows) and share a word of
    `matter_words`; the closest first."""
    mine = [(i, c) for i, c in enumerate(left) if c.strength is not None]
    theirs = [(j, c) for j, c in enumerate(right) if c.strength is not None]
    if not mine or not theirs or about.size == 0:
        return []
    close = [(i, a, j, b) for i, a in mine for j, b in theirs if float(about[i, j]) >= threshold]
    words: dict[str, set[str]] = {}
    for _, a, _, b in close:
        for claim in (a, b):
            if claim.id not in words:
                words[claim.id] = matter_words(claim.text, participants, common_zipf)
    found = [
        Match(claims=[a.id, b.id], similarity=round(float(about[i, j]), 4))
        for i, a, j, b in close
        if words[a.id] & words[b.id]
    ]
    return sorted(found, key=lambda m: -m.similarity)
