"""The comparison pipeline: prepare → embed → align → classify → report. No web code.

`prepare` checks, detects and splits a pair once; `compare_prepared` runs the later stages on
it, so a batch can embed many prepared meetings in one encoder call before comparing each.
"""

from __future__ import annotations

from collections.abc import Sequence

from service.pipeline.align import matches, part_scores, pieces, similarity_matrix
from service.pipeline.classify import Calibration, classify, load_calibration
from service.pipeline.classify.coverage import uncovered_terms
from service.pipeline.classify.framing import Roles, roles
from service.pipeline.embed import Encoder, route
from service.pipeline.languages import language_named, lexical
from service.pipeline.multi import compare_many
from service.pipeline.prepare import Prepared, Side, prepare, prepare_checked, side_of
from service.pipeline.readings import attribute, graded, strength_gaps
from service.pipeline.readings.same_matter import stance_pairs
from service.pipeline.types import ModelInfo, Readout, ReadoutInfo, Report

__all__ = [
    "Prepared",
    "Side",
    "compare",
    "compare_prepared",
    "embedded_texts",
    "prepare",
    "prepare_checked",
    "side_of",
]


def compare(
    readouts: Sequence[Readout],
    encoder: Encoder,
    *,
    title: str | None = None,
    date: str | None = None,
    calibration: Calibration | None = None,
) -> Report:
    """Compare two (to six) readouts of one meeting and report what each side emphasised alone.

    Readouts in any language are accepted: a routing encoder hands a pair that is not English
    on both sides to its multilingual encoder, whose name and threshold the report records.
    """
    return compare_prepared(prepare(readouts, title=title, date=date), encoder, calibration)


def embedded_texts(prepared: Prepared) -> list[str]:
    """Everything the encoder embeds for a meeting: every claim, then each claim's parts that
    matching compares (`align.parts`). A batch embeds these for many meetings in one call."""
    found = [piece for side in prepared.everyone for _, piece in pieces(side.claims, side.language)]
    return prepared.texts + found


def compare_prepared(
    prepared: Prepared, encoder: Encoder, calibration: Calibration | None = None
) -> Report:
    """Embed, align and classify a prepared pair; the report keeps each readout's text.

    Three or more readouts: the meeting's one encoder compares every pair (`multi.py`)."""
    if prepared.more:
        chosen = route(encoder, prepared.languages)
        return compare_many(prepared, lambda pair: compare_prepared(pair, chosen, calibration))
    languages = (prepared.left.language, prepared.right.language)
    encoder = route(encoder, languages)
    calibration = calibration or load_calibration(encoder.name)
    left_claims, right_claims = prepared.left.claims, prepared.right.claims
    left_pieces = pieces(left_claims, prepared.left.language)
    right_pieces = pieces(right_claims, prepared.right.language)
    texts = prepared.texts
    vectors = calibration.center(encoder.encode(texts + [p for _, p in left_pieces + right_pieces]))
    claim_vectors = vectors[: len(texts)]
    similarity = similarity_matrix(
        claim_vectors[: len(left_claims)], claim_vectors[len(left_claims) :]
    )
    about = part_scores(left_pieces, right_pieces, vectors[len(texts) :])
    threshold = calibration.threshold
    morphemes = {**prepared.left.morphemes, **prepared.right.morphemes}  # built once
    found_roles = roles(
        [
            c
            for side in prepared.sides
            if language_named(side.language).lexical
            for c in side.claims
        ],
        calibration.common_zipf,
    )
    found_roles = Roles(
        found_roles.participants,
        found_roles.framing | _framing(prepared, calibration.common_zipf),
    )
    found = matches(
        left_claims, right_claims, about, calibration.match_threshold, found_roles.framing
    )
    terms = None
    if not lexical(languages):
        terms = uncovered_terms(
            left_claims,
            right_claims,
            languages,
            encoder,
            calibration.term_threshold,
            calibration.common_zipf,
            morphemes,
        )
    claims, emphases = classify(
        left_claims,
        right_claims,
        similarity,
        threshold,
        languages,
        common_zipf=calibration.common_zipf,
        terms=terms,
        partial_specificity=calibration.partial_specificity,
        counterparts=found,
        found_roles=found_roles,
        restated_threshold=calibration.restated_threshold,
        morphemes=morphemes,
    )
    claims = graded(
        claims,
        {claim.id: side.language for side in prepared.sides for claim in side.claims},
        morphemes,
    )
    claims, attributions = attribute(claims, found, emphases)
    # Stance pairs about one matter beyond the counterparts: they compare the two claims'
    # words, so only where the readouts' words compare directly (as the partial check does).
    by_id = {c.id: c for c in claims}
    also = (
        stance_pairs(
            [by_id[c.id] for c in left_claims],
            [by_id[c.id] for c in right_claims],
            about,
            found_roles.participants,
            calibration.gap_similarity,
            calibration.common_zipf,
        )
        if lexical(languages)
        else []
    )
    return Report(
        id=None,
        title=prepared.title,
        date=prepared.date,
        sides=[side.label for side in prepared.sides],
        claims=claims,
        matches=found,
        emphases=emphases,
        model=ModelInfo(encoder=encoder.name, threshold=threshold),
        readouts=[_info(side) for side in prepared.sides],
        strength_gaps=strength_gaps(claims, found, calibration.gap_levels, also),
        attributions=attributions,
    )


def _framing(prepared: Prepared, common_zipf: float) -> frozenset[str]:
    """The claims that only frame the meeting by their own language's rules."""
    return frozenset(
        claim.id
        for side in prepared.sides
        for room in (language_named(side.language),)
        for claim in side.claims
        if room.framing(claim.text, side.morphemes.get(claim.id), claim.position == 0, common_zipf)
    )


def _info(side: Side) -> ReadoutInfo:
    readout = side.readout
    return ReadoutInfo(side=side.label, text=readout.text, source=readout.source,
                       url=readout.url, language=side.language)  # fmt: skip
