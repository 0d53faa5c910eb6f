"""How everyday a word is in its language: specificity from wordfreq's Zipf frequencies."""

from __future__ import annotations

from functools import lru_cache


def from_zipf(zipf: float, common_zipf: float) -> float:
    """0 for everyday words (Zipf frequency above `common_zipf`: log10 of uses per billion
    words, the same scale in every language, so one cut-off serves them all), rising towards
    1 for rare ones."""
    if zipf > common_zipf:
        return 0.0
    return round(min(1.0, 0.3 + (common_zipf - zipf) / 3.0), 3)


@lru_cache(maxsize=65536)
def english_specificity(word: str, common_zipf: float) -> float:
    """An English word's specificity (wordfreq normalises case and apostrophes itself)."""
    from wordfreq import zipf_frequency  # costs ~0.4 s

    return from_zipf(float(zipf_frequency(word, "en")), common_zipf)


@lru_cache(maxsize=65536)
def listed_specificity(word: str, wordlist: str, common_zipf: float, unlisted: float) -> float:
    """A word's specificity by its entry in wordfreq's `wordlist` ("ko", "ja", "zh"), looked up
    as the analyser cut it; `unlisted` for a word the list lacks, most often a compound
    ("연합방위태세", "戦略的互恵関係"): rarely an everyday word, but not as telling as a name."""
    from wordfreq import freq_to_zipf, get_frequency_dict

    frequency = get_frequency_dict(wordlist).get(word, 0.0)
    if not frequency:
        return unlisted
    return from_zipf(float(freq_to_zipf(frequency)), common_zipf)
