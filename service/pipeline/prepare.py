"""Stage 1, prepare: check the pair once, detect each side's language once, clean and split once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from service import validate
from service.errors import InvalidInput
from service.pipeline import language as languages
from service.pipeline import split as splitting
from service.pipeline.clean import clean
from service.pipeline.language import Language
from service.pipeline.split import Morpheme
from service.pipeline.types import Claim, Readout


@dataclass(frozen=True)
class Side:
    """One readout as the later stages read it: its language, its claims and (Korean) the
    morphemes of each claim, so terms need no second analysis."""

    readout: Readout
    language: Language
    claims: list[Claim]
    morphemes: dict[str, tuple[Morpheme, ...]] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.readout.side.strip()


@dataclass(frozen=True)
class Prepared:
    """Checked readouts of one meeting, split into claims: everything embed needs, computed
    once. A pair is `left` and `right`; a third to sixth readout is in `more`."""

    left: Side
    right: Side
    title: str | None = None
    date: str | None = None
    more: tuple[Side, ...] = ()

    @property
    def sides(self) -> tuple[Side, Side]:
        return (self.left, self.right)

    @property
    def everyone(self) -> tuple[Side, ...]:
        """Every side, in the order submitted (the pair, then `more`)."""
        return (self.left, self.right, *self.more)

    @property
    def languages(self) -> tuple[Language, ...]:
        """Every side's language: one encoder is chosen for the whole meeting."""
        return tuple(side.language for side in self.everyone)

    @property
    def texts(self) -> list[str]:
        """Every claim's text, side by side in order: what the encoder embeds."""
        return [c.text for side in self.everyone for c in side.claims]


def prepare(
    readouts: Sequence[Readout],
    *,
    title: str | None = None,
    date: str | None = None,
    max_chars: int | None = None,
) -> Prepared:
    """Check the readouts (`validate.check`), then detect, clean and split each; InvalidInput
    if it can't be."""
    validate.check(readouts, title=title, date=date, max_chars=max_chars)
    return prepare_checked(readouts, title=title, date=date)


def prepare_checked(
    readouts: Sequence[Readout], *, title: str | None = None, date: str | None = None
) -> Prepared:
    """`prepare` for readouts the one check has passed already (a batch checks each line as
    it reads it): detect, clean and split each."""
    left, right, *more = (side_of(readout) for readout in readouts)
    for side in (left, right, *more):
        if not side.claims:
            raise InvalidInput(f"the {side.label} readout has no claims to compare")
    return Prepared(left=left, right=right, title=title, date=date, more=tuple(more))


def side_of(readout: Readout) -> Side:
    """One readout detected, cleaned and split (no pair checks: see `prepare`)."""
    language = languages.detect_language(readout.text)
    try:
        found = splitting.split(readout.text, clean(readout.text), readout.side.strip(), language)
    except InvalidInput as error:
        raise InvalidInput(f"the {readout.side} readout: {error}") from None
    return Side(readout=readout, language=language, claims=found.claims, morphemes=found.morphemes)
