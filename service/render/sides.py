"""What every text renderer says of three or more readouts: who said it, who left it out."""

from __future__ import annotations

from dataclasses import dataclass

from service.pipeline.types import Claim, Report
from service.render.common import one_line

ALL_BUT_ONE_TITLE = "Said by every side but one"


@dataclass(frozen=True)
class AllButOneLines:
    heading: str  # "US, JP — not KR"
    quotes: list[str]  # 'US: "…"', one per side that said it


def all_but_one_lines(report: Report, claims: dict[str, Claim]) -> list[AllButOneLines]:
    """Each matter that every side but one stated, with each side's quote (cut at 140)."""
    return [
        AllButOneLines(
            heading=f"{', '.join(entry.sides)} — not {entry.left_out}",
            quotes=[
                f'{side}: "{one_line(claims[i].text)[:140]}"'
                for i, side in zip(entry.claim_ids, entry.sides, strict=True)
                if i in claims
            ],
        )
        for entry in report.all_but_one or []
    ]


def shared_header(report: Report) -> list[str]:
    """The Markdown shared table's head: a column per side for a pair, else claim and
    counterpart (each prefixed with its side)."""
    if len(report.sides) == 2:
        return [*report.sides, "similarity"]
    return ["claim", "counterpart", "similarity"]


@dataclass(frozen=True)
class Quote:
    side: str
    text: str
    lang: str


@dataclass(frozen=True)
class AllButOneView:
    """One "every side but one" card of the page: the claims it quotes, who left it out."""

    claim_ids: list[str]
    sides: list[str]
    left_out: str
    quotes: list[Quote]


def all_but_one_views(report: Report) -> list[AllButOneView]:
    claims = {c.id: c for c in report.claims}
    lang = {r.side: r.language for r in report.readouts}
    return [
        AllButOneView(
            claim_ids=entry.claim_ids,
            sides=entry.sides,
            left_out=entry.left_out,
            quotes=[
                Quote(side, one_line(claims[i].text), lang.get(side, "en"))
                for i, side in zip(entry.claim_ids, entry.sides, strict=True)
                if i in claims
            ],
        )
        for entry in report.all_but_one or []
    ]
