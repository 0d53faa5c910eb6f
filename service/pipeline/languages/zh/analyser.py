"""The Chinese analyser: jieba's segmenter and part-of-speech tagger, its dictionary in the
jieba package (loads in about 1.2 s and holds about 80 MB: bench/analysers.py, bench/memory.py)."""

from __future__ import annotations

import logging
import sys
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
    posseg = jieba.posseg.dt
    posseg.word_tag_tab = shared_tags(posseg.word_tag_tab, posseg.tokenizer.FREQ)
    return posseg


def shared_tags(tags: dict[str, str], words: dict[str, int]) -> dict[str, str]:
    """The tagger's word-to-tag table (emptied: its entries move) with the segmenter's own word objects as keys and one
    object per tag: the same entries, about 33 MB less (jieba reads its dictionary twice, once
    for frequencies and once for tags, and keeps a copy of every word and tag from each)."""
    shared: dict[str, str] = {}
    for word in words:  # each copy freed as soon as its entry moves over
        tag = tags.pop(word, None)
        if tag is not None:
            shared[word] = sys.intern(tag)
    for word, tag in tags.items():  # a tagged word the segmenter lacks (none in jieba 0.42)
        shared[word] = sys.intern(tag)
    return shared


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
