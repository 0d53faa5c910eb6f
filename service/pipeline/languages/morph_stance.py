"""The stance rules over an analyser's tokens that Japanese and Chinese share: the claim's main
stance word, its level on the strength scale, and the side it takes (tags: morph.py)."""

from __future__ import annotations

from itertools import pairwise

from service.pipeline.languages.base import TOP, Predicate, Sign, Tokens
from service.pipeline.languages.morph import Lexicon


def stance(text: str, tokens: Tokens, lexicon: Lexicon, window: int = 6) -> Predicate | None:
    """The claim's main stance word on the scale (one to three tokens: 意見交換 is two),
    raised by an intensifier just before it, lowered by a hedge near it; a reporting verb
    (述べ, 表示) only when nothing else is."""
    found = _stance_words(tokens, lexicon)
    if not found:
        return None
    stances = [f for f in found if f[0] not in lexicon.carriers] or found
    word, start, end = stances[-1] if lexicon.head_final else stances[0]
    level, first = lexicon.levels[word], start
    before = text[max(0, start - window) : start]
    for intensifier in lexicon.intensifiers:
        at = before.find(intensifier)
        if at >= 0:
            level, first = min(TOP, level + 1), start - len(before) + at
            break
    if any(h in text[max(0, start - window) : end + window] for h in lexicon.hedges):
        level = max(1, level - 1)
    return Predicate(text[first:end], level)


def stance_sign(text: str, tokens: Tokens, lexicon: Lexicon, window: int = 4) -> Sign | None:
    """Which way the claim's main side-taking stance word goes (the last in a head-final
    language, else the first), turned round by a negation attached to it."""
    found = [f for f in _stance_words(tokens, lexicon) if f[0] in lexicon.favour | lexicon.against]
    if not found:
        return None
    word, start, end = found[-1] if lexicon.head_final else found[0]
    direction = 1 if word in lexicon.favour else -1
    if lexicon.head_final:
        after = text[end : end + window]
        found_at = [after.find(n) + len(n) for n in lexicon.negations if n in after]
        if found_at:
            direction, end = -direction, end + min(found_at)
    else:
        before = text[max(0, start - 2) : start]
        found_at = [len(before) - before.rfind(n) for n in lexicon.negations if n in before]
        if found_at:
            direction, start = -direction, start - max(found_at)
    return Sign(direction, text[start:end])


def _stance_words(tokens: Tokens, lexicon: Lexicon) -> list[tuple[str, int, int]]:
    """Each stance word of the lexicon that one to three adjacent tokens spell, in order."""
    found: list[tuple[str, int, int]] = []
    index = 0
    while index < len(tokens):
        for width in (3, 2, 1):
            part = tokens[index : index + width]
            word = "".join(t.form for t in part)
            contiguous = all(a.start + a.len == b.start for a, b in pairwise(part))
            if len(part) == width and contiguous and word in lexicon.levels:
                found.append((word, part[0].start, part[-1].start + part[-1].len))
                index += width - 1
                break
        index += 1
    return found
