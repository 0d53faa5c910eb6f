"""What every text renderer shares: claim look-up, shared pairs, emphases and strength gaps."""

from __future__ import annotations

from collections.abc import Iterable

from service.pipeline.readings import LEVEL_NAMES
from service.pipeline.types import Claim, Emphasis, Precedent, Report, StrengthGap
from service.render.reading import closest_words

KIND_LABEL = {"one-sided": "only", "partial": "stronger/more specific", "opposed": "opposed"}


def claim_index(report: Report) -> dict[str, Claim]:
    return {c.id: c for c in report.claims}


def shared_pairs(report: Report) -> list[tuple[Claim, Claim, float]]:
    """Each shared claim of the first side with its best counterpart, strongest first.

    A pair whose claim is already listed as an emphasis (partial, opposed) is left out, so no
    claim is shown twice.
    """
    claims = claim_index(report)
    emphasised = {e.claim_id for e in report.emphases}
    seen: set[str] = set()
    pairs = []
    for match in report.matches:
        left, right = (claims[i] for i in match.claims)
        if left.id in seen or emphasised & {left.id, right.id} or left.verdict == "one-sided":
            continue
        seen.add(left.id)
        pairs.append((left, right, match.similarity))
    return pairs


def one_line(text: str) -> str:
    return " ".join(text.split())


QUOTE_CHARS = 140  # a quote of the other side beside an emphasis or a strength gap


def clip(text: str, limit: int = QUOTE_CHARS) -> str:
    """`text` on one line, cut at the last whole word within `limit` characters, with '…'."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:—-") + "…"


def precedent_lead(precedent: Precedent) -> str:
    """'new: in none of the last 2 US readouts with KR', or how many carried it."""
    side, other, meetings = precedent.side, precedent.counterpart, precedent.meetings
    if meetings == 1:
        last = f"the last {side} readout with {other}"
        return f"earlier: in {last}" if precedent.carried else f"new: not in {last}"
    last = f"the last {meetings} {side} readouts with {other}"
    if not precedent.carried:
        return f"new: in none of {last}"
    return f"earlier: in {precedent.carried} of {last}"


def precedent_meetings(precedent: Precedent) -> list[tuple[str, str]]:
    """(date, comparison id) of the meetings a history line names: those that carried the
    emphasis, or when none did, those looked at; the id is "" when it is not stored."""
    if precedent.carried:
        dates, ids = precedent.dates, precedent.ids
    else:
        dates, ids = precedent.checked, precedent.checked_ids
    return list(zip(dates, ids + [""] * (len(dates) - len(ids)), strict=False))


def precedent_line(precedent: Precedent) -> str:
    """The history line with its dates: 'new: not in the last US readout with KR (2024-02-28)'."""
    dates = ", ".join(date for date, _ in precedent_meetings(precedent))
    return f"{precedent_lead(precedent)} ({dates})" if dates else precedent_lead(precedent)


def precedents_by_claim(report: Report) -> dict[str, Precedent]:
    return {p.claim_id: p for p in report.history}


def describe(
    emphasis: Emphasis,
    claims: dict[str, Claim],
    history: dict[str, Precedent] | None = None,
    *,
    threshold: float,
) -> list[str]:
    """The emphasis quoted, then its terms, evidence, its counterpart (or that it has none) and
    history, a line each."""
    lines = [f'"{one_line(emphasis.text)}"']
    if emphasis.terms:
        lines.append("terms: " + ", ".join(emphasis.terms))
    if emphasis.evidence:
        lines.append("evidence: " + ", ".join(emphasis.evidence))
    if emphasis.closest is not None:
        other = claims[emphasis.closest.claim_id]
        words = closest_words(emphasis.kind, other.side, emphasis.closest.similarity, threshold)
        lines.append(f'{words}: "{clip(other.text)}"')
    else:
        lines.append(no_counterpart(emphasis.side, claims.values()))
    if history and emphasis.claim_id in history:
        lines.append(precedent_line(history[emphasis.claim_id]))
    return lines


def no_counterpart(side: str, claims: Iterable[Claim]) -> str:
    """What an emphasis without a counterpart shows instead of the nearest claim."""
    others = list(dict.fromkeys(c.side for c in claims if c.side != side)) or ["other"]
    if len(others) == 1:
        return f"no counterpart in the {others[0]} readout"
    return f"no counterpart in the {', '.join(others[:-1])} or {others[-1]} readouts"


def title(report: Report) -> str:
    heading = report.title or " vs ".join(report.sides)
    return f"{heading} ({report.date})" if report.date else heading


def source_lines(report: Report) -> list[str]:
    """'US: U.S. Department of State, https://…' for each readout that names where it is from."""
    lines = []
    for readout in report.readouts:
        where = ", ".join(part for part in (readout.source, readout.url) if part)
        if where:
            lines.append(f"{readout.side}: {where}")
    return lines


def strength_gap_line(gap: StrengthGap) -> str:
    """'US: expressed serious concerns (3 stressed) — KR: exchanged (1 noted)'."""
    return " — ".join(
        f"{side}: {one_line(predicate)} ({level} {LEVEL_NAMES.get(level, '')})".replace(" )", ")")
        for side, predicate, level in zip(gap.sides, gap.predicates, gap.levels, strict=True)
    )


def strength_gap_quotes(gap: StrengthGap, claims: dict[str, Claim]) -> list[str]:
    """Each side's claim of a strength gap, quoted on one line (cut at a word, with '…')."""
    return [f'{claims[i].side}: "{clip(claims[i].text)}"' for i in gap.claims if i in claims]
