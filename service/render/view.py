"""What the HTML report shows, computed from a Report: pure functions, no HTML (Jinja escapes)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from service.pipeline.readings import LEVEL_NAMES
from service.pipeline.types import Claim, Emphasis, Precedent, Report
from service.render.common import (
    clip,
    no_counterpart,
    precedent_lead,
    precedent_meetings,
    precedents_by_claim,
)
from service.render.reading import closest_words, same_matter

KIND_ORDER = {"one-sided": 0, "opposed": 1, "partial": 2}
VERDICT_LABEL = {
    "shared": "shared",
    "partial": "partial: stronger or more specific",
    "one-sided": "one-sided: only this side",
    "opposed": "opposed: the other side says the opposite",
    "framing": "framing: who met, where, who said it",
}


@dataclass(frozen=True)
class Piece:
    """A run of text; `mark` is true for a distinctive term inside a claim."""

    text: str
    mark: bool = False


@dataclass
class ClaimView:
    id: str
    verdict: str
    pieces: list[Piece]
    links: list[str] = field(default_factory=list)
    closest: str | None = None
    similarity: float | None = None


@dataclass
class Passage:
    """Either plain text between claims (claim is None) or one claim of the readout."""

    text: str
    claim: ClaimView | None = None


@dataclass
class EmphasisView:
    side: str
    claim_id: str
    kind: str
    pieces: list[Piece]
    terms: list[str]
    unmarked: list[str]
    evidence: list[str]
    closest_id: str | None
    closest_side: str | None
    closest_text: str | None
    similarity: float | None
    closest_words: str | None = None  # 'nearest KR claim (similarity 0.18, below the 0.22 …)'
    history: HistoryView | None = None  # how often this side's earlier readouts carried it
    no_counterpart: str | None = None  # said instead of a counterpart when there is none


@dataclass(frozen=True)
class HistoryView:
    """'earlier: in 2 of the last 3 US readouts with KR', then each meeting's date and page."""

    lead: str
    meetings: list[tuple[str, str | None]]  # (date, the page of that report, None if none)


def history_view(precedent: Precedent) -> HistoryView:
    meetings = precedent_meetings(precedent)
    pages = [(date, f"/comparisons/{cid}" if cid else None) for date, cid in meetings]
    return HistoryView(precedent_lead(precedent), pages)


@dataclass
class SideView:
    side: str
    passages: list[Passage]
    emphases: list[EmphasisView]
    counts: dict[str, int]
    source: str | None = None
    url: str | None = None
    lang: str = "en"


def mark_terms(text: str, terms: list[str]) -> list[Piece]:
    """Split `text` so each case-insensitive occurrence of a term is its own marked piece."""
    words = [t for t in sorted(set(terms), key=len, reverse=True) if t.strip()]
    if not words:
        return [Piece(text)]
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(w)}(?!\w)" for w in words), re.IGNORECASE)
    pieces: list[Piece] = []
    last = 0
    for found in pattern.finditer(text):
        if found.start() > last:
            pieces.append(Piece(text[last : found.start()]))
        pieces.append(Piece(found.group(0), mark=True))
        last = found.end()
    if last < len(text):
        pieces.append(Piece(text[last:]))
    return pieces


def _links(report: Report) -> dict[str, list[tuple[str, float]]]:
    links: dict[str, list[tuple[str, float]]] = {}
    for match in report.matches:
        for claim_id in match.claims:
            others = [c for c in match.claims if c != claim_id]
            links.setdefault(claim_id, []).extend((o, match.similarity) for o in others)
    return links


def _passages(text: str, claims: list[Claim], views: dict[str, ClaimView]) -> list[Passage]:
    passages: list[Passage] = []
    cursor = 0
    for claim in sorted(claims, key=lambda c: c.start):
        if claim.start < cursor:  # overlapping spans: keep the first, never duplicate text
            continue
        if claim.start > cursor:
            passages.append(Passage(text[cursor : claim.start]))
        passages.append(Passage(text[claim.start : claim.end], views[claim.id]))
        cursor = claim.end
    if cursor < len(text):
        passages.append(Passage(text[cursor:]))
    return passages


def side_views(report: Report) -> list[SideView]:
    """Per side: the readout cut into passages, and its emphases (one-sided first)."""
    claims = {c.id: c for c in report.claims}
    emphases = {e.claim_id: e for e in report.emphases}
    history = precedents_by_claim(report)
    links = _links(report)
    views: dict[str, ClaimView] = {}
    for claim in report.claims:
        emphasis = emphases.get(claim.id)
        linked = sorted(links.get(claim.id, []), key=lambda pair: -pair[1])
        closest = emphasis.closest if emphasis else None
        views[claim.id] = ClaimView(
            id=claim.id,
            verdict=claim.verdict,
            pieces=mark_terms(claim.text, emphasis.terms if emphasis else []),
            links=[other for other, _ in linked],
            closest=closest.claim_id if closest else (linked[0][0] if linked else None),
            similarity=closest.similarity if closest else (linked[0][1] if linked else None),
        )
    texts = {r.side: r for r in report.readouts}
    result = []
    for side in report.sides:
        mine = [c for c in report.claims if c.side == side]
        readout = texts.get(side)
        passages = (
            _passages(readout.text, mine, views)
            if readout is not None
            else [Passage(c.text + " ", views[c.id]) for c in mine]
        )
        counts = {v: sum(c.verdict == v for c in mine) for v in VERDICT_LABEL}
        ranked = sorted(
            (e for e in report.emphases if e.side == side),
            key=lambda e: (KIND_ORDER[e.kind], -e.salience),
        )
        result.append(
            SideView(
                side=side,
                passages=passages,
                emphases=[_emphasis_view(e, claims, history, same_matter(report)) for e in ranked],
                counts=counts,
                source=readout.source if readout else None,
                url=readout.url if readout else None,
                lang=readout.language if readout else "en",
            )
        )
    return result


def _emphasis_view(
    emphasis: Emphasis, claims: dict[str, Claim], history: dict[str, Precedent], threshold: float
) -> EmphasisView:
    closest = emphasis.closest
    other = claims.get(closest.claim_id) if closest else None
    pieces = mark_terms(" ".join(emphasis.text.split()), emphasis.terms)
    marked = {p.text.casefold() for p in pieces if p.mark}
    return EmphasisView(
        side=emphasis.side,
        claim_id=emphasis.claim_id,
        kind=emphasis.kind,
        pieces=pieces,
        terms=emphasis.terms,
        unmarked=[t for t in emphasis.terms if t.casefold() not in marked],
        evidence=emphasis.evidence,
        closest_id=closest.claim_id if closest else None,
        closest_side=other.side if other else None,
        closest_text=clip(other.text, 150 if emphasis.kind == "partial" else 220)
        if other
        else None,
        similarity=closest.similarity if closest else None,
        closest_words=closest_words(emphasis.kind, other.side, closest.similarity, threshold)
        if closest and other
        else None,
        history=history_view(history[emphasis.claim_id]) if emphasis.claim_id in history else None,
        no_counterpart=None if closest else no_counterpart(emphasis.side, claims.values()),
    )


@dataclass
class StrengthSide:
    """One side of a strength gap: its predicate, level and claim."""

    side: str
    claim_id: str
    predicate: str
    level: int
    level_name: str
    text: str


def strength_gap_views(report: Report) -> list[list[StrengthSide]]:
    """Each strength gap as its two sides, in the report's order (widest gap first)."""
    claims = {c.id: c for c in report.claims}
    return [
        [
            StrengthSide(side, claim_id, predicate, level, LEVEL_NAMES.get(level, ""),
                         " ".join(claims[claim_id].text.split()) if claim_id in claims else "")
            for side, claim_id, predicate, level in zip(
                gap.sides, gap.claims, gap.predicates, gap.levels, strict=True
            )
        ]
        for gap in report.strength_gaps
    ]  # fmt: skip
