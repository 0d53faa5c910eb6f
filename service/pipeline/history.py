"""Is it new? For each emphasis, how often the same side's earlier readouts carried it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from service.pipeline.align import part_scores, pieces
from service.pipeline.classify import Calibration, load_calibration
from service.pipeline.classify.terms import (
    Term,
    Vocabulary,
    distinctive_terms,
    substantive,
    vocabulary,
)
from service.pipeline.embed import Encoder, route
from service.pipeline.languages import language_named
from service.pipeline.types import Claim, Precedent, Report

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
    meeting stored twice, as an example and in a batch, counts once), at most MAX_EARLIER.
    A meeting of three or more readouts has no one counterpart to be new against: none."""
    if report.date is None or len(report.sides) != 2:
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

    An earlier readout carries an emphasis when it holds a counterpart of it by the measure two
    readouts of one meeting are aligned with (align.py: the claims' matters and their parts, at
    or above the calibrated match_threshold; the best one, not mutual best, as one side's
    earlier readout may restate a point in several claims), and, in English,
    that readout uses more of the emphasis's substantive terms than it leaves out (names, and
    terms at least as specific as the calibrated `partial_specificity`, by stem, as `partial`
    is judged): a readout that spoke of the ROK but never of "extended deterrence" did not
    carry it.
    """
    if not earlier or not report.emphases:
        return []
    languages = tuple(r.language for r in report.readouts) or ("en", "en")
    chosen = route(encoder, languages)
    calibration = load_calibration(chosen.name)
    counterpart = {report.sides[0]: report.sides[1], report.sides[1]: report.sides[0]}
    # Unlike a verdict, history keeps the participants' names among the terms an earlier
    # readout must say: naming the ROK alliance again is part of carrying the point. Leaving
    # this meeting's participants out (`framing.roles`) was measured worse: bench/history.py
    # accuracy 0.77 (10/13) against 0.92 (12/13) with them kept.
    participants: frozenset[str] = frozenset()
    carried: dict[str, list[Report]] = {e.claim_id: [] for e in report.emphases}
    for side, language in zip(report.sides, languages, strict=True):
        if not any(e.side == side for e in report.emphases):
            continue
        mine = [c for c in report.claims if c.side == side]
        for meeting in earlier:
            theirs = [c for c in meeting.claims if c.side.casefold() == side.casefold()]
            if not theirs:
                continue
            found = _carried_claims(
                mine, theirs, language, _language(meeting, side), chosen, calibration
            )
            said = [c.text for c in theirs]
            for emphasis in report.emphases:
                if emphasis.side != side or emphasis.claim_id not in found:
                    continue
                terms = _substantive(
                    emphasis.text, Vocabulary(frozenset()), participants, calibration
                )
                if not language_named(language).lexical or _says_most(
                    emphasis.text, terms, said, participants, calibration
                ):
                    carried[emphasis.claim_id].append(meeting)
    return [
        Precedent(
            claim_id=e.claim_id,
            side=e.side,
            counterpart=counterpart[e.side],
            carried=len(carried[e.claim_id]),
            meetings=len(earlier),
            dates=[_date(m) for m in carried[e.claim_id]],
            ids=[m.id or "" for m in carried[e.claim_id]],
            checked=[_date(m) for m in earlier],
            checked_ids=[m.id or "" for m in earlier],
        )
        for e in report.emphases
    ]


def _date(meeting: Report) -> str:
    return meeting.date or "undated"


def _language(report: Report, side: str) -> str:
    return next((r.language for r in report.readouts if r.side.casefold() == side.casefold()), "en")


def _carried_claims(
    mine: Sequence[Claim],
    theirs: Sequence[Claim],
    language: str,
    their_language: str,
    encoder: Encoder,
    calibration: Calibration,
) -> set[str]:
    """The ids of `mine` whose best counterpart among `theirs` is at or above match_threshold."""
    own, other = pieces(mine, language), pieces(theirs, their_language)
    vectors = calibration.center(encoder.encode([p for _, p in own + other]))
    about = part_scores(own, other, vectors)
    best = about.max(axis=1)
    return {
        c.id for c, score in zip(mine, best, strict=True) if score >= calibration.match_threshold
    }


def _says_most(
    text: str,
    terms: Sequence[Term],
    claims: Sequence[str],
    participants: frozenset[str],
    calibration: Calibration,
) -> bool:
    """Whether `claims` use more of the substantive `terms` of `text` than they leave out."""
    wanted = {t.text for t in terms}
    unsaid = {t.text for t in _substantive(text, vocabulary(claims), participants, calibration)}
    unsaid &= wanted
    return not wanted or len(wanted - unsaid) > len(unsaid)


def _substantive(
    text: str, other: Vocabulary, participants: frozenset[str], calibration: Calibration
) -> list[Term]:
    """The terms of `text` that `other` does not use and that add content, by the rule
    `partial` is judged by (`terms.substantive`)."""
    found = distinctive_terms(text, other, "en", calibration.common_zipf)
    return substantive(found, participants, calibration.partial_specificity)
