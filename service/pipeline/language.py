"""Which language a readout is written in, by its share of Hangul, kana and Han characters."""

from __future__ import annotations

from typing import Literal

Language = Literal["en", "ko", "ja", "zh"]
LANGUAGES: tuple[Language, ...] = ("en", "ko", "ja", "zh")
# A readout counts as Korean/Japanese/Chinese when this share of its letters is in that script.
# Scraped pages mix in Latin names ("APEC", "AI") and page chrome, so a fifth is enough.
SCRIPT_SHARE = 0.2
# Japanese text is mostly Han with some kana; a little kana already rules out Chinese.
KANA_SHARE_OF_CJK = 0.05


def _is_hangul(ch: str) -> bool:
    code = ord(ch)
    return 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F


def _is_kana(ch: str) -> bool:
    code = ord(ch)
    return 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF66 <= code <= 0xFF9D


def _is_han(ch: str) -> bool:
    code = ord(ch)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF


def detect_language(text: str) -> Language:
    """ "ko", "ja" or "zh" when enough of the letters are in that script, else "en"."""
    hangul = kana = han = letters = 0
    for ch in text:
        if not ch.isalpha():
            continue
        letters += 1
        if _is_hangul(ch):
            hangul += 1
        elif _is_kana(ch):
            kana += 1
        elif _is_han(ch):
            han += 1
    if not letters:
        return "en"
    if hangul / letters >= SCRIPT_SHARE and hangul >= kana + han:
        return "ko"
    cjk = kana + han
    if cjk / letters >= SCRIPT_SHARE:
        return "ja" if kana / cjk >= KANA_SHARE_OF_CJK else "zh"
    return "en"


def all_english(languages: tuple[str, ...]) -> bool:
    """Both readouts English: the English encoder and the lexical term checks apply."""
    return all(language == "en" for language in languages)
