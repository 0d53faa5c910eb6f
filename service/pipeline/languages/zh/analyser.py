"""The Chinese analyser: jieba's segmenter and part-of-speech tagger, its dictionary in the
jieba package (loads in about 1.2 s and holds about 120 MB: bench/analysers.py)."""

from __future__ import annotations

import logging
import threading
from functools import lru_cache
from typing import Any

from service.pipeline.languages.base import Token, Tokens

_LOCK = threading.Lock()
# jieba's ICTCLAS-style flags as the shared tags of languages/morph.py: nr people; i and l are
# set phrases (一衣带水). Its place, organisation, other-name and abbreviation flags (ns, nt,
# nz, j) come from a hidden Markov model that also gives them to verbs ("惠及" ns, "深化" j), so
# they count as nouns whose specificity the word list decides, not as names.
_TAGS = {
    "n": "NOUN",
    "vn": "NOUN",
    "an": "NOUN",
    "i": "NOUN",
    "l": "NOUN",
    "j": "NOUN",
    "nr": "NAME",
    "nrfg": "NAME",
    "nrt": "NAME",
    "ns": "NOUN",
    "nt": "NOUN",
    "nz": "NOUN",
    "eng": "PROPN",
    "m": "NUM",
    "t": "NOUN",
    "v": "VERB",
    "vd": "VERB",
    "p": "PART",
    "u": "PART",
    "uj": "PART",
    "ul": "PART",
    "uz": "PART",
    "c": "PART",
    "x": "PUNCT",
}


@lru_cache(maxsize=1)
def tagger() -> Any:
    """jieba's tagger with its dictionary loaded (~1 s, cached in the temporary folder)."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.posseg.dt


def analyse(text: str) -> Tokens:
    """jieba's words of `text` with their offsets and shared tags, one caller at a time."""
    with _LOCK:
        pairs = [(p.word, p.flag) for p in tagger().cut(text)]
    out, at = [], 0
    for word, flag in pairs:
        if word.strip():
            tag = "PUNCT" if not any(c.isalnum() for c in word) else _TAGS.get(flag, "OTHER")
            out.append(Token(word, tag, at, len(word)))
        at += len(word)
    return tuple(out)
