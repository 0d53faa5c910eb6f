"""Who said it, in words every renderer shares: each attribution as a heading and two quotes."""

from __future__ import annotations

from dataclasses import dataclass

from service.pipeline.types import Attribution, Report

SECTION_TITLE = "Attributed to the other side"


@dataclass(frozen=True)
class AttributionLines:
    """One attribution in words: what it is, the attributing quote, and the other side's."""

    kind: str
    heading: str
    quote: str
    counterpart: str


def who(side: str, speaker: str | None, sides: list[str]) -> str:
    """A speaker label read from `side`'s readout, as a side's name: `other` is the other side."""
    if speaker == "both":
        return "both sides"
    if speaker == "self":
        return side
    if speaker == "other":
        return next((s for s in sides if s != side), "the other side")
    return "someone unnamed"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def describe_attribution(attribution: Attribution, sides: list[str]) -> AttributionLines:
    side, found = attribution.quote.side, attribution.counterpart
    other = next((s for s in sides if s != side), "the other side")
    quote = f'{side}: "{_one_line(attribution.quote.text)}"'
    similarity = f" (similarity {attribution.similarity:.2f})" if found is not None else ""
    if attribution.kind == "attributed":
        others = attribution.others or [other]
        said_by, lacking = _either(others)
        heading = f"{side}'s readout has {said_by} say this; {lacking}"
        other = found.side if found else other
        counterpart = (
            f'{other}, nearest{similarity}: "{_one_line(found.text)}"'
            if found
            else f"{other}: no counterpart"
        )
    else:
        given = who(other, found.speaker if found else None, sides)
        heading = f"{side} gives it to both sides; {other} gives it to {given} alone"
        counterpart = f'{other}{similarity}: "{_one_line(found.text if found else "")}"'
    return AttributionLines(attribution.kind, heading, quote, counterpart)


def _either(others: list[str]) -> tuple[str, str]:
    """Who a quote may give it to, and that their readouts lack it: "KR" and "KR's own readout
    does not"; "JP or KR" and "neither's own readout does"; three or more: "none of their own
    readouts does"."""
    if len(others) == 1:
        return others[0], f"{others[0]}'s own readout does not"
    said_by = ", ".join(others[:-1]) + f" or {others[-1]}"
    lacking = (
        "neither's own readout does" if len(others) == 2 else "none of their own readouts does"
    )
    return said_by, lacking


def attribution_lines(report: Report) -> list[AttributionLines]:
    # Of three or more readouts, an attribution is one pair's: its quote's and counterpart's.
    return [
        describe_attribution(
            a, [a.quote.side, a.counterpart.side] if a.counterpart else report.sides
        )
        for a in report.attributions
    ]
