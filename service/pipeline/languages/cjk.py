"""What Korean, Japanese and Chinese readouts share: sentence enders, asides in brackets."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from service.pipeline.clean import Segment
from service.pipeline.languages.base import Piece, Tokens
from service.pipeline.languages.morph import Lexicon, clause_cuts, leads_in
from service.pipeline.languages.spans import Cut, pieces, strip

# A sentence ends at a full stop, question or exclamation mark (half- or full-width), with any
# closing quotes; ASCII stops need a space or the end after them, so "2.5" and "U.S." stay whole.
_SENTENCE_END = re.compile(
    r"""(?:[。！？](?:[」』”’"')\]）]*)
      | (?<![A-Z0-9])[.!?](?:[」』”’"')\]）]*)(?=\s|$)
    )""",
    re.VERBOSE,
)


# A sentence wholly in brackets is an aside, not a claim: an agency tag such as "(新华社)".
_ASIDE = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]$")


def cjk_sentences(text: str, segments: Sequence[Segment]) -> list[Segment]:
    """Sentence spans (into `text`) inside each cleaned segment, cut after each sentence ender."""
    found: list[Segment] = []
    for segment in segments:
        start = segment.start
        chunk = text[segment.start : segment.end]
        for match in _SENTENCE_END.finditer(chunk):
            end = segment.start + match.end()
            found.append(strip(text, start, end))
            start = end
        found.append(strip(text, start, segment.end))
    return [s for s in found if s.end > s.start and not _ASIDE.match(text, s.start, s.end)]


# A list item of a language written without spaces needs this many letters (a claim needs
# its language's `Lexicon.min_claim_letters`).
MIN_LIST_ITEM_CHARS = 2
# Enumerations marked "▲ item", "・item" or "(1) item" list separate topics.
_LIST_MARK = re.compile(r"\s*(?:▲|；|;)\s*")
_LETTER = re.compile(r"[^\W_]")


def letters(fragment: str) -> int:
    """Letters and digits: what a claim's length is counted in where words have no spaces."""
    return len(_LETTER.findall(fragment))


def cjk_claims(
    text: str, sentence: Segment, analyse: Callable[[str], Tokens], lexicon: Lexicon
) -> list[Piece]:
    """One sentence cut at its clause joins and list marks, each claim with its tokens (one
    analyser pass per sentence serves the split, the terms, the stance and the framing)."""
    body = text[sentence.start : sentence.end]
    tokens = analyse(body)
    cuts = [Cut(m.start(), m.end(), MIN_LIST_ITEM_CHARS) for m in _LIST_MARK.finditer(body)]
    minimum = lexicon.min_claim_letters
    # A closing lead-in ("岸田大臣より、以下のとおり述べた") is framing of its own, however short.
    cuts += [
        Cut(at, at, MIN_LIST_ITEM_CHARS if leads_in(body[at:], lexicon) else minimum)
        for at in clause_cuts(body, tokens, lexicon)
    ]
    spans = pieces(text, sentence, cuts, minimum, size=letters)
    return [Piece(span, within(tokens, span.start - sentence.start, span.end - sentence.start))
            for span in spans]  # fmt: skip


def within(tokens: Tokens, start: int, end: int) -> Tokens:
    """The tokens inside [start, end), their offsets counted from `start`."""
    return tuple(
        t._replace(start=t.start - start)
        for t in tokens
        if start <= t.start and t.start + t.len <= end
    )
