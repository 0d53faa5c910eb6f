"""The one interface every language's room implements, and the values it hands the stages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from service.pipeline.clean import Segment
from service.pipeline.types import Speaker

# The strength scale (docs/strength.md): 1 noted < 2 welcomed < 3 stressed < 4 condemned.
LEVEL_NAMES = {1: "noted", 2: "welcomed", 3: "stressed", 4: "condemned"}
TOP = max(LEVEL_NAMES)
NOTED = min(LEVEL_NAMES)  # a matter noted or discussed: no stance taken


class Token(NamedTuple):
    """One morpheme or word of an analyser's output; `start` counts from the start of its claim."""

    form: str
    tag: str
    start: int
    len: int


Tokens = tuple[Token, ...]


@dataclass(frozen=True)
class Term:
    """A content word, or a run of proper nouns, that the other readout does not use."""

    text: str
    specificity: float
    proper: bool


class Predicate(NamedTuple):
    """A claim's main predicate as found in its text, and its level on the scale."""

    text: str
    level: int


class Sign(NamedTuple):
    """Which way a claim's stance word takes a side: +1 for (support, welcome), -1 against
    (oppose, condemn), a negation attached to it turning it round; `word` as found."""

    direction: int
    word: str


class Piece(NamedTuple):
    """One claim of a sentence: its span in the readout and its tokens (empty where the
    language's terms need no analyser)."""

    span: Segment
    tokens: Tokens


def level_words(levels: dict[int, str]) -> dict[str, int]:
    """A stance lexicon written level by level, as word -> level."""
    return {word: level for level, words in levels.items() for word in words.split()}


@dataclass(frozen=True)
class Language:
    """What the pipeline needs of one language; chosen once per readout, when it is prepared.

    - `sentences`, `claims`: the readout's sentences, and one sentence cut at its clause joins;
    - `terms`: a claim's content terms in its own language (whole words, no particles, no
      titles or roles), most specific first, given the claim's tokens from the split;
    - `specificity`: 0 for an everyday word of the language, up to 1 for a rare one;
    - `predicate`: the claim's main stance predicate and its level on the strength scale;
    - `subject`: who the claim's subject is when the language's speaker cues say so, given
      the names of this readout's side and of the other (`parties`);
    - `parties`: who meets and who is met, by name, when a claim reports the meeting (None
      where the shared grammar of readings/speaker.py reads them);
    - `framing`: whether a claim only frames the meeting (who met, when, "overview below"),
      given its tokens, whether it opens the readout and the calibrated everyday-word cut-off;
    - `lexical`: two readouts in this language can be compared word by word (the English
      stem, opposition and intensity checks); otherwise terms are compared by meaning;
    - `sign`: which way the claim's stance word takes a side, if it takes one: what
      opposition between claims in two languages reads (classify/judge.py);
    - `warm`: read the analyser's model now, where reading it takes long enough that the
      service does so at start (a no-op elsewhere);
    - `parts`: what a claim is embedded as for matching (align.py), its first item standing
      for the whole claim: English drops the claim's subject and predicate and adds the parts
      of a list; by default the claim itself.
    """

    code: str
    sentences: Callable[[str, Sequence[Segment]], list[Segment]]
    claims: Callable[[str, Segment], list[Piece]]
    terms: Callable[[str, float, Tokens | None], list[Term]]
    specificity: Callable[[str, float], float]
    predicate: Callable[[str, Tokens | None], Predicate | None]
    subject: Callable[[str, frozenset[str], frozenset[str]], Speaker | None]
    framing: Callable[[str, Tokens | None, bool, float], bool]
    lexical: bool = False
    drops_subject: bool = False
    parties: Callable[[str], Cast | None] = lambda opening: None
    sign: Callable[[str, Tokens | None], Sign | None] = lambda text, tokens: None
    warm: Callable[[], object] = lambda: None
    parts: Callable[[str], list[str]] = lambda text: [text]


Cast = tuple[frozenset[str], frozenset[str]]


def no_subject(text: str, own: frozenset[str], other: frozenset[str]) -> Speaker | None:
    """For a language whose speaker cues the shared grammar reads (speaker.py)."""
    return None
