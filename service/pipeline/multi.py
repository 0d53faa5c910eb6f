"""Three to six readouts of one meeting: every pair compared as two readouts are, then each
claim's carriers gathered, what only one side said and what all but one side said.

Built on the two-readout pipeline, not beside it: each pair of sides goes through the same
align and classify stages (one encoder chosen for the whole meeting, so every pair's
similarities share one scale and one calibration), and this module only merges their reports.
A side's claim is carried by another side when their pair judged it `shared` or `partial`
(a counterpart saying the same matter); `opposed` and `one-sided` leave it out.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations

import msgspec

from service.pipeline.prepare import Prepared
from service.pipeline.types import (
    AllButOne,
    Attribution,
    Carried,
    Claim,
    Closest,
    Emphasis,
    Match,
    Quote,
    ReadoutInfo,
    Report,
    StrengthGap,
    Verdict,
)

CARRIES: frozenset[Verdict] = frozenset({"shared", "partial"})
PairCompare = Callable[[Prepared], Report]


def compare_many(prepared: Prepared, compare_pair: PairCompare) -> Report:
    """Compare every pair of the meeting's sides with `compare_pair`, then merge the reports."""
    sides = prepared.everyone
    reports = [
        compare_pair(Prepared(left=a, right=b, title=prepared.title, date=prepared.date))
        for a, b in combinations(sides, 2)
    ]
    return merge([side.label for side in sides], reports, prepared.title, prepared.date)


def merge(labels: list[str], reports: list[Report], title: str | None, date: str | None) -> Report:
    """One report of every side from the reports of each pair (in `combinations` order)."""
    verdicts: dict[str, dict[str, Verdict]] = {}  # claim id → other side → its pair's verdict
    claims: dict[str, Claim] = {}
    for report in reports:
        for claim in report.claims:
            other = next(s for s in report.sides if s != claim.side)
            verdicts.setdefault(claim.id, {})[other] = claim.verdict
            claims.setdefault(claim.id, claim)
    framing = {i for i, against in verdicts.items() if _framing_everywhere(against)}
    carried = {i: _carried(claims[i], labels, v, reports, framing) for i, v in verdicts.items()}
    merged = [
        msgspec.structs.replace(c, verdict=_verdict(verdicts[c.id], carried[c.id]))
        for c in claims.values()
    ]
    listed = [carried[c.id] for c in merged if c.verdict != "framing"]
    emphases = _emphases(merged, reports, labels)
    return Report(
        id=None,
        title=title,
        date=date,
        sides=labels,
        claims=merged,
        matches=sorted(_unique_matches(reports), key=lambda m: -m.similarity),
        emphases=emphases,
        model=reports[0].model,
        readouts=_readouts(labels, reports),
        strength_gaps=_unique_gaps([g for r in reports for g in r.strength_gaps]),
        attributions=_attributions(reports),
        carried=listed,
        only_one=[e.claim_id for e in emphases if e.kind == "one-sided"],
        all_but_one=_all_but_one(listed, claims, len(labels)),
    )


def _verdict(against: dict[str, Verdict], carried: Carried) -> Verdict:
    """Against every other side together: framing when every pair reads it so (a claim one
    pair reads as framing and another matches as substance is substance); opposed by any side
    is opposed; carried by none is one-sided; partial where no carrier shares it plainly."""
    if _framing_everywhere(against):
        return "framing"
    if "opposed" in against.values():
        return "opposed"
    if not carried.carried_by:
        return "one-sided"
    return "shared" if any(against[s] == "shared" for s in carried.carried_by) else "partial"


def _framing_everywhere(against: dict[str, Verdict]) -> bool:
    """Framing when every pair reads it so: one pair's framing is another's substance."""
    return set(against.values()) == {"framing"}


def _counterpart(report: Report, claim_id: str) -> str | None:
    """The claim of the pair's other side that best matches `claim_id` (its closest when the
    pair judged it partial without a match above the threshold)."""
    best = max(
        (m for m in report.matches if claim_id in m.claims),
        key=lambda m: m.similarity,
        default=None,
    )
    if best is not None:
        return next(c for c in best.claims if c != claim_id)
    emphasis = next((e for e in report.emphases if e.claim_id == claim_id), None)
    return emphasis.closest.claim_id if emphasis and emphasis.closest else None


def _carried(
    claim: Claim,
    labels: list[str],
    against: dict[str, Verdict],
    reports: list[Report],
    framing: set[str],
) -> Carried:
    """Who carries `claim`: each side whose pair judged it shared or partial, with the
    counterpart that pair matched it to, unless the report reads that counterpart as framing
    (a pair beside a third side may match it, but a framing claim states no matter)."""
    by, counterparts = [], []
    for side in labels:
        if side == claim.side or against.get(side) not in CARRIES:
            continue
        report = next(r for r in reports if set(r.sides) == {claim.side, side})
        found = _counterpart(report, claim.id)
        if found is not None and found not in framing:
            by.append(side)
            counterparts.append(found)
    missing = [s for s in labels if s not in by and s != claim.side]
    return Carried(claim.id, claim.side, carried_by=by, left_out=missing, counterparts=counterparts)


def _emphases(claims: list[Claim], reports: list[Report], labels: list[str]) -> list[Emphasis]:
    """One emphasis per claim that no other side carries (`one-sided`: what only one side
    said), or that is `opposed` or `partial` against the sides together: a pair's emphasis
    of that kind (the most salient; any of the claim's when no pair found that kind), with
    the closest claim over all the other sides."""
    verdict = {c.id: c.verdict for c in claims}
    found: dict[str, Emphasis] = {}
    for report in reports:
        for emphasis in report.emphases:
            kind = verdict[emphasis.claim_id]
            if kind not in ("one-sided", "partial", "opposed"):
                continue
            kept = found.get(emphasis.claim_id)
            better = kept is None or (emphasis.kind == kind, emphasis.salience) > (
                kept.kind == kind,
                kept.salience,
            )
            base = emphasis if better else kept
            assert base is not None
            found[emphasis.claim_id] = msgspec.structs.replace(
                base, kind=kind, closest=_closer(kept, emphasis)
            )
    order = {side: n for n, side in enumerate(labels)}
    return sorted(found.values(), key=lambda e: (order[e.side], -e.salience))


def _closer(a: Emphasis | None, b: Emphasis) -> Closest | None:
    if a is None or a.closest is None:
        return b.closest
    if b.closest is None:
        return a.closest
    return a.closest if a.closest.similarity >= b.closest.similarity else b.closest


def _all_but_one(carried: list[Carried], claims: dict[str, Claim], sides: int) -> list[AllButOne]:
    """Each matter carried by every side but one, once (by its first carrier's claim); not
    when the side it leaves out carries one of its claims (the report would say that side both
    said the matter and left it out)."""
    by_claim = {entry.claim_id: entry for entry in carried}
    listed: set[str] = set()
    found = []
    for entry in carried:
        if len(entry.left_out) != 1 or len(entry.carried_by) != sides - 2:
            continue
        ids = [entry.claim_id, *entry.counterparts]
        if listed & set(ids) or any(
            entry.left_out[0] in by_claim[i].carried_by for i in ids if i in by_claim
        ):
            continue
        listed.update(ids)
        found.append(
            AllButOne(
                claim_ids=ids,
                sides=[entry.side, *entry.carried_by],
                left_out=entry.left_out[0],
                text=claims[entry.claim_id].text,
            )
        )
    return found


def _unique_matches(reports: list[Report]) -> list[Match]:
    seen: dict[tuple[str, ...], Match] = {}
    for match in (m for r in reports for m in r.matches):
        seen.setdefault(tuple(match.claims), match)
    return list(seen.values())


def _unique_gaps(gaps: list[StrengthGap]) -> list[StrengthGap]:
    seen: dict[tuple[str, ...], StrengthGap] = {}
    for gap in gaps:
        seen.setdefault(tuple(gap.claims), gap)
    return list(seen.values())


def _attributions(reports: list[Report]) -> list[Attribution]:
    """Every pair's attributions once. An `attributed` quote is one entry naming each other
    side whose pair found it (`others`), with the nearest counterpart over them: with three
    sides a readout's "the Foreign Minister said" may be either other side's, and only the
    pairs whose cast resolves the speaker to their other side list it."""
    seen: dict[tuple[str, str, str | None], Attribution] = {}
    for report in reports:
        for item in report.attributions:
            other = next(s for s in report.sides if s != item.quote.side)
            if item.kind != "attributed":
                key: tuple[str, str, str | None] = (
                    item.kind,
                    item.quote.claim_id,
                    _claim_of(item.counterpart),
                )
                seen.setdefault(key, item)
                continue
            key = ("attributed", item.quote.claim_id, None)
            kept = seen.get(key)
            if kept is None:
                seen[key] = msgspec.structs.replace(item, others=[other])
                continue
            named = [*(kept.others or []), other]
            nearer = item if item.similarity > kept.similarity else kept
            seen[key] = msgspec.structs.replace(nearer, others=named)
    return list(seen.values())


def _claim_of(quote: Quote | None) -> str | None:
    return quote.claim_id if quote else None


def _readouts(labels: list[str], reports: list[Report]) -> list[ReadoutInfo]:
    infos = {info.side: info for r in reports for info in r.readouts}
    return [infos[label] for label in labels if label in infos]
