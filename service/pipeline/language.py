"""Which language a readout is written in, by its share of Hangul, kana and Han characters."""

from __future__ import annotations

import re
from typing import Literal

Language = Literal["en", "ko", "ja", "zh"]
LANGUAGES: tuple[Language, ...] = ("en", "ko", "ja", "zh")
# A readout counts as Korean/Japanese/Chinese when this share of its letters is in that script.
# Scraped pages mix in Latin names ("APEC", "AI") and page chrome, so a fifth is enough.
SCRIPT_SHARE = 0.2
# Japanese text is mostly Han with some kana; a little kana already rules out Chinese.
KANA_SHARE_OF_CJK = 0.05


# Counted with regular expressions, not a Python loop over every character: detection runs on
# every readout and on every text a router encodes.
_LETTER = re.compile(r"[^\W\d_]")
_HANGUL = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9d]")
_HAN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]")


def detect_language(text: str) -> Language:
    """ "ko", "ja" or "zh" when enough of the letters are in that script, else "en"."""
    letters = len(_LETTER.findall(text))
    if not letters:
        return "en"
    hangul, kana, han = (len(script.findall(text)) for script in (_HANGUL, _KANA, _HAN))
    if hangul / letters >= SCRIPT_SHARE and hangul >= kana + han:
        return "ko"
    cjk = kana + han
    if cjk / letters >= SCRIPT_SHARE:
        return "ja" if kana / cjk >= KANA_SHARE_OF_CJK else "zh"
    return "en"


def all_english(languages: tuple[str, ...]) -> bool:
    """Both readouts English: the English encoder and the lexical term checks apply."""
    return all(language == "en" for language in languages)
