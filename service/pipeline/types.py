"""Typed values that flow between pipeline stages, and the Report wire format."""

from __future__ import annotations

from typing import Literal

import msgspec

Verdict = Literal["shared", "partial", "one-sided", "opposed", "framing"]
EmphasisKind = Literal["one-sided", "partial", "opposed"]
Speaker = Literal["both", "self", "other", "unknown"]
AttributionKind = Literal["attributed", "joint-vs-own"]


class Readout(msgspec.Struct, frozen=True):
    """One side's account of the meeting, as submitted."""

    side: str
    text: str
    source: str | None = None
    url: str | None = None


class Claim(msgspec.Struct, frozen=True):
    """One commitment or topic: text[start:end] of its side's original readout."""

    id: str
    side: str
    text: str
    start: int
    end: int
    sentence: int = 0
    position: float = 0.0
    verdict: Verdict = "shared"
    strength: int | None = None
    predicate: str | None = None
    speaker: Speaker = "unknown"


class Match(msgspec.Struct, frozen=True):
    """Two counterparts, one a side: claims about the same matter (align.py)."""

    claims: list[str]
    similarity: float


class Closest(msgspec.Struct, frozen=True):
    """An emphasis's counterpart on the other side (align.py) and how close it is; an emphasis
    without a counterpart has none."""

    claim_id: str
    similarity: float


class Emphasis(msgspec.Struct, frozen=True):
    """Something one side said that the other did not, or said differently."""

    side: str
    claim_id: str
    kind: EmphasisKind
    text: str
    terms: list[str]
    salience: float
    closest: Closest | None
    evidence: list[str] = msgspec.field(default_factory=list)


class Precedent(msgspec.Struct, frozen=True):
    """How often this side's earlier readouts with the same counterpart carried an emphasis."""

    claim_id: str
    side: str
    counterpart: str
    carried: int  # earlier meetings whose readout of `side` has a claim that matches
    meetings: int  # earlier meetings of the same two sides looked at, newest first
    dates: list[str] = msgspec.field(default_factory=list)  # those that carried it
    ids: list[str] = msgspec.field(default_factory=list)  # their comparison ids ("" if none)
    # Every earlier meeting looked at, newest first: its date and comparison id.
    checked: list[str] = msgspec.field(default_factory=list)
    checked_ids: list[str] = msgspec.field(default_factory=list)


class StrengthGap(msgspec.Struct, frozen=True):
    """A matched pair said with different strength: each side's predicate and level (1–4)."""

    claims: list[str]
    sides: list[str]
    predicates: list[str]
    levels: list[int]
    similarity: float


class Quote(msgspec.Struct, frozen=True):
    """A claim as quoted in an attribution: whose readout, which claim, and its speaker."""

    side: str
    claim_id: str
    text: str
    speaker: Speaker = "unknown"


class Attribution(msgspec.Struct, frozen=True):
    """Who said it, told differently: `attributed` when one readout gives the other side a
    statement that side's own readout lacks; `joint-vs-own` when one readout's joint
    formulation (`both`) matches a statement the other gives to one side only.

    `counterpart` is the other readout's claim it is set against (its nearest, for
    `attributed`), if any, and `similarity` how close it is (0 without one)."""

    kind: AttributionKind
    quote: Quote
    counterpart: Quote | None = None
    similarity: float = 0.0
    # Three or more readouts, `attributed` only: every other side whose pair found the quote
    # unmatched and spoken by "the other side" (its readout lacks it); absent with two sides.
    others: list[str] | msgspec.UnsetType = msgspec.UNSET


class Carried(msgspec.Struct, frozen=True):
    """Three or more readouts: which other sides carry one side's claim (a counterpart that
    says the same, `shared` or `partial`), with the counterpart on each, and which leave it out."""

    claim_id: str
    side: str
    carried_by: list[str]
    left_out: list[str]
    counterparts: list[str]  # one claim id per side of `carried_by`, in that order


class AllButOne(msgspec.Struct, frozen=True):
    """A matter every side but one stated: each carrier's claim, and who left it out."""

    claim_ids: list[str]  # one per side of `sides`
    sides: list[str]
    left_out: str
    text: str  # the first carrier's claim


class ReadoutInfo(Readout, frozen=True):
    """A submitted readout as its report keeps it, for side-by-side pages: the `Readout` and
    its detected language (stored without its text, which the stored request holds:
    `Comparisons.get` puts it back)."""

    text: str = ""
    language: str = "en"


class ModelInfo(msgspec.Struct, frozen=True):
    """Which encoder and threshold produced a report."""

    encoder: str
    threshold: float


class Report(msgspec.Struct, frozen=True):
    """The result of comparing two (or up to six) readouts; the one struct behind every output
    format. With three or more, `matches`, `emphases`, `strength_gaps` and `attributions` hold
    every pair's, and each claim's verdict is against all the other sides together."""

    id: str | None
    title: str | None
    date: str | None
    sides: list[str]
    claims: list[Claim]
    matches: list[Match]
    emphases: list[Emphasis]
    model: ModelInfo
    readouts: list[ReadoutInfo] = msgspec.field(default_factory=list)
    created_at: str | None = None
    # Filled in when a report is read from a store holding earlier meetings of the same sides.
    history: list[Precedent] = msgspec.field(default_factory=list)
    strength_gaps: list[StrengthGap] = msgspec.field(default_factory=list)
    attributions: list[Attribution] = msgspec.field(default_factory=list)
    # Three or more readouts only (absent from a two-side report, which reads as before):
    # each claim's carriers, what only one side said (claim ids, most salient first), and
    # what all but one side said.
    carried: list[Carried] | msgspec.UnsetType = msgspec.UNSET
    only_one: list[str] | msgspec.UnsetType = msgspec.UNSET
    all_but_one: list[AllButOne] | msgspec.UnsetType = msgspec.UNSET
