"""How strongly a claim is said: its main predicate on a four-level diplomatic scale, read by
its language's room (`Language.predicate`: languages/*/scale.py, stance.py, words.py)."""

from __future__ import annotations

from collections.abc import Sequence

from service.pipeline.languages import language_named
from service.pipeline.languages.base import LEVEL_NAMES, NOTED, TOP, Predicate, Token

__all__ = [
    "LEVEL_NAMES",
    "NOTED",
    "TOP",
    "Predicate",
    "claim_predicate",
]


def claim_predicate(
    text: str, language: str, morphemes: Sequence[Token] | None = None
) -> Predicate | None:
    """The main predicate of one claim and its level; None when it states no stance."""
    return language_named(language).predicate(text, tuple(morphemes) if morphemes else None)
