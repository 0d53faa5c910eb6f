"""The Japanese analyser: SudachiPy with its core dictionary (the sudachidict-core wheel).

Chosen over fugashi with unidic-lite, both measured on the dev readouts (docs/languages.md;
bench/analysers.py measures the installed one): it keeps transliterated names whole
(アントニー・ブリンケン, where unidic-lite cuts ブリン|ケン), its long units (mode C) keep
compounds such as 外務大臣 together, and it was twice as fast per readout (1.4 ms against
2.8 ms), though it holds about twice the memory (125 MB against 56 MB).
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

from service.pipeline.languages.base import Token, Tokens

_LOCK = threading.Lock()
# Sudachi's parts of speech (its first two levels) as the shared tags of languages/morph.py.
_TAGS = {
    "名詞": "NOUN",
    "形状詞": "NOUN",
    "代名詞": "OTHER",
    "接頭辞": "PREFIX",
    "接尾辞": "NSUFFIX",
    "動詞": "VERB",
    "助動詞": "AUX",
    "助詞": "PART",
    "補助記号": "PUNCT",
    "記号": "PUNCT",
    "空白": "PUNCT",
}


@lru_cache(maxsize=1)
def tokenizer() -> Any:
    """Sudachi's tokenizer in mode C (its longest units), built once (~0.1 s)."""
    from sudachipy import Dictionary, SplitMode

    return Dictionary(dict="core").tokenizer(mode=SplitMode.C)


def _tag(pos: tuple[str, ...]) -> str:
    if pos[0] == "名詞":
        if pos[1] == "数詞":
            return "NUM"
        if pos[1] == "固有名詞":
            return "NAME" if pos[2] == "人名" else "PROPN"
        return "NOUN"
    if pos[0] == "接尾辞" and pos[1] != "名詞的":
        return "OTHER"
    tag = _TAGS.get(pos[0], "OTHER")
    if tag in ("VERB", "AUX") and pos[5].startswith("連用形"):
        return tag + "+"  # continuative: "推進し、" joins two clauses
    return tag


def analyse(text: str) -> Tokens:
    """Sudachi's morphemes of `text` with their offsets, one caller at a time."""
    with _LOCK:
        found = tokenizer().tokenize(text)
        return tuple(
            Token(m.surface(), _tag(m.part_of_speech()), m.begin(), m.end() - m.begin())
            for m in found
            if m.surface().strip()
        )
