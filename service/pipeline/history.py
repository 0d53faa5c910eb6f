"""Is it new? For each emphasis, how often the same side's earlier readouts carried it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from service.pipeline.align import similarity_matrix
from service.pipeline.classify import Calibration, load_calibration
from service.pipeline.classify.terms import Term, Vocabulary, distinctive_terms, vocabulary
from service.pipeline.embed import Encoder, route
from service.pipeline.types import Precedent, Report

# "In 4 of the last 5": the newest earlier meetings looked at.
MAX_EARLIER = 5
# Candidates read to find them: a meeting may be stored more than once (example and batch).
CANDIDATES = 4 * MAX_EARLIER


def _sides(report: Report) -> frozenset[str]:
    return frozenset(s.casefold() for s in report.sides)


def _same_sides(report: Report, other: Report) -> bool:
    return _sides(report) == _sides(other)


def earlier_meetings(report: Report, candidates: Iterable[Report]) -> list[Report]:
    """The meetings of the same two sides dated before this one, newest first, one per day (a
    meeting stored twice, as an example and in a batch, counts once), at most MAX_EARLIER."""
    if report.date is None:
        return []
    found: dict[str, Report] = {}
    for other in sorted(candidates, key=lambda r: r.date or "", reverse=True):
        if other.date and other.date < report.date and _same_sides(report, other):
            found.setdefault(other.date, other)
    return list(found.values())[:MAX_EARLIER]


def batch_history(reports: Sequence[Report], encoder: Encoder) -> dict[str, list[Precedent]]:
    """Per report id, its precedents among the other reports of a batch (`earlier_meetings`
    over the newest CANDIDATES meetings of the same sides before it, as the store reads them)."""
    groups: dict[frozenset[str], list[Report]] = {}
    for report in reports:
        groups.setdefault(_sides(report), []).append(report)
    found: dict[str, list[Precedent]] = {}
    for group in groups.values():
        group.sort(key=lambda r: r.date or "", reverse=True)
        for index, report in enumerate(group):
            before = [r for r in group[index + 1 :] if r.date != report.date][:CANDIDATES]
            found[report.id or ""] = precedents(report, earlier_meetings(report, before), encoder)
    return found


def precedents(report: Report, earlier: Sequence[Report], encoder: Encoder) -> list[Precedent]:
    """Each emphasis with the count of `earlier` meetings (`earlier_meetings`: same two sides,
    newest first, at most MAX_EARLIER) whose readout by the emphasis's side carried it.

    An earlier readout carries an emphasis as a counterpart readout would cover it: a claim
    at or above the encoder's calibrated threshold (centred cosine), and, in English, more of
    the emphasis's substantive terms used than left out (names, and terms at least as specific
    as the calibrated `partial_specificity`, by stem, as `partial` is judged): a readout that
    spoke of the ROK but never of "extended deterrence" did not carry it.
    """
    if not earlier or not report.emphases:
        return []
    languages = tuple(r.language for r in report.readouts) or ("en", "en")
    chosen = route(encoder, languages)
    calibration = load_calibration(chosen.name)
    texts = [e.text for e in report.emphases]
    pools = [
        [[c.text for c in meeting.claims if c.side.casefold() == side.casefold()]
         for meeting in earlier]
        for side in report.sides
    ]  # fmt: skip
    everything = texts + [t for pool in pools for claims in pool for t in claims]
    vectors = calibration.center(chosen.encode(everything))
    emphasis_vectors, rest = vectors[: len(texts)], vectors[len(texts) :]
    found: list[Precedent] = []
    counterpart = {report.sides[0]: report.sides[1], report.sides[1]: report.sides[0]}
    offsets = _offsets(pools)
    for row, emphasis in enumerate(report.emphases):
        side_index = report.sides.index(emphasis.side)
        terms = _substantive(emphasis.text, Vocabulary(frozenset()), calibration)
        english = languages[side_index] == "en"
        carried = [
            meeting
            for meeting, claims, (start, end) in zip(
                earlier, pools[side_index], offsets[side_index], strict=True
            )
            if end > start
            and _best(emphasis_vectors[row], rest[start:end]) >= calibration.threshold
            and (not english or _says_most(emphasis.text, terms, claims, calibration))
        ]
        found.append(Precedent(claim_id=emphasis.claim_id, side=emphasis.side,
                               counterpart=counterpart[emphasis.side], carried=len(carried),
                               meetings=len(earlier), dates=[_date(m) for m in carried],
                               ids=[m.id or "" for m in carried],
                               checked=[_date(m) for m in earlier],
                               checked_ids=[m.id or "" for m in earlier]))  # fmt: skip
    return found


def _date(meeting: Report) -> str:
    return meeting.date or "undated"


def _offsets(pools: list[list[list[str]]]) -> list[list[tuple[int, int]]]:
    """Where each side's claims of each earlier meeting sit among the stacked vectors."""
    spans, at = [], 0
    for pool in pools:
        side = []
        for claims in pool:
            side.append((at, at + len(claims)))
            at += len(claims)
        spans.append(side)
    return spans


def _says_most(
    text: str, terms: Sequence[Term], claims: Sequence[str], calibration: Calibration
) -> bool:
    """Whether `claims` use more of the substantive `terms` of `text` than they leave out."""
    wanted = {t.text for t in terms}
    unsaid = {t.text for t in _substantive(text, vocabulary(claims), calibration)} & wanted
    return not wanted or len(wanted - unsaid) > len(unsaid)


def _substantive(text: str, other: Vocabulary, calibration: Calibration) -> list[Term]:
    """The names and specific terms of `text` that `other` does not use (as `partial` does)."""
    found = distinctive_terms(text, other, "en", calibration.common_zipf)
    return [t for t in found if t.proper or t.specificity >= calibration.partial_specificity]


def _best(vector: np.ndarray, others: np.ndarray) -> float:
    return float(similarity_matrix(vector[None, :], others).max())
