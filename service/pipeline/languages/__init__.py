"""One room per language: its analyser and word lists behind one interface (base.Language).

The language is chosen once, when a readout is prepared (language.py detects it); the later
stages take its `Language` and never ask which language it is. Adding a language is adding
one module here and its tests.
"""

from __future__ import annotations

from service.pipeline.languages import en, ja, ko, zh
from service.pipeline.languages.base import Language

LANGUAGES: dict[str, Language] = {
    language.code: language for language in (en.LANGUAGE, ko.LANGUAGE, ja.LANGUAGE, zh.LANGUAGE)
}


def language_named(code: str) -> Language:
    """The room of the language `code` ("en", "ko", "ja", "zh"); English for any other."""
    return LANGUAGES.get(code, en.LANGUAGE)


def lexical(codes: tuple[str, str]) -> bool:
    """Two readouts whose words can be compared directly: one language, and a lexical one."""
    return codes[0] == codes[1] and language_named(codes[0]).lexical


def warm_analysers() -> None:
    """Read each language's analyser now (`Language.warm`), so no request pays for it."""
    for language in LANGUAGES.values():
        language.warm()
