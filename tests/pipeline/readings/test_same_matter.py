"""Stance pairs about the same matter beyond the counterparts (readings/same_matter.py)."""

from __future__ import annotations

import numpy as np

from service.pipeline.readings.same_matter import matter_words, stance_pairs
from service.pipeline.readings.strength_gaps import graded
from service.pipeline.types import Claim

ZIPF = 4.25


def _claims(side: str, *texts: str) -> list[Claim]:
    claims = [
        Claim(id=f"{side}-{n}", side=side, text=t, start=0, end=len(t), sentence=n)
        for n, t in enumerate(texts)
    ]
    return graded(claims, {c.id: "en" for c in claims}, {})


def test_a_name_counts_as_its_whole_run() -> None:
    dprk = matter_words(
        "They condemned the Democratic People's Republic of Korea's launch", (), ZIPF
    )
    rok = matter_words("They agreed on cooperation with the Republic of Korea", (), ZIPF)
    assert not dprk & rok
    assert matter_words("support for Ukraine's sovereignty", (), ZIPF) & matter_words(
        "sanctions against Russia and supporting Ukraine and its neighbours", (), ZIPF
    )


def test_participants_and_everyday_words_name_no_matter() -> None:
    words = matter_words(
        "Secretary Rubio discussed the important work with Motegi", {"rubio", "motegi"}, ZIPF
    )
    assert words == set()
    assert matter_words("They discussed denuclearization", (), ZIPF) == {"denuc"}


def test_stance_pairs_need_a_shared_word_the_threshold_and_a_stance_on_both_sides() -> None:
    left = _claims(
        "US",
        "Secretary Blinken condemned the missile launch",  # 4
        "They met in Washington on Monday about the missile launch",  # no stance
        "They discussed the trade deal",  # 1
    )
    right = _claims(
        "JP",
        "The ministers shared serious concerns about the missile launch",  # 3
        "They agreed to strengthen supply chains",  # 2
    )
    about = np.array([[0.6, 0.5], [0.9, 0.1], [0.2, 0.7]], dtype=np.float32)
    found = stance_pairs(left, right, about, (), 0.4, ZIPF)
    # US-1 states no stance; US-2 and JP-1 are close (0.7) but share no word.
    assert [(m.claims, m.similarity) for m in found] == [(["US-0", "JP-0"], 0.6)]
    assert stance_pairs(left, right, about, (), 0.65, ZIPF) == []
