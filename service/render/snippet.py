"""A search hit shown in context: the words around the first match, the match itself apart."""

from __future__ import annotations

from dataclasses import dataclass

from service.render.view import Piece

CONTEXT_CHARS = 70


@dataclass(frozen=True)
class Snippet:
    """Where the match was found (title or a side's readout) and the text around it."""

    where: str
    pieces: list[Piece]


def snippet(places: list[tuple[str, str]], query: str) -> Snippet | None:
    """The first case-insensitive match of `query` in `places` ((where, text) pairs) in context."""
    needle = query.strip().casefold()
    if not needle:
        return None
    for where, text in places:
        flat = " ".join(text.split())
        start = flat.casefold().find(needle)
        if start < 0:
            continue
        end = start + len(needle)
        left, right = max(0, start - CONTEXT_CHARS), min(len(flat), end + CONTEXT_CHARS)
        before = ("…" if left else "") + flat[left:start]
        after = flat[end:right] + ("…" if right < len(flat) else "")
        return Snippet(where, [Piece(before), Piece(flat[start:end], mark=True), Piece(after)])
    return None
