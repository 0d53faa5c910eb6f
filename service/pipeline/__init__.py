"""The comparison pipeline: clean → split → embed → align → classify → report. No web code."""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from service.errors import InvalidInput
from service.pipeline.align import matches, similarity_matrix
from service.pipeline.calibration import Calibration, load_calibration
from service.pipeline.classify import classify
from service.pipeline.clean import clean
from service.pipeline.crosslingual import uncovered_terms
from service.pipeline.embed import Encoder
from service.pipeline.language import all_english, detect_language
from service.pipeline.multilingual import encoder_for
from service.pipeline.split import split
from service.pipeline.types import Claim, ModelInfo, Readout, ReadoutInfo, Report

MAX_SIDE_LENGTH = 16
# Control characters (C0, DEL, C1): never part of a side label; NUL never in a readout.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def validate(
    readouts: Sequence[Readout], *, date: str | None = None, max_chars: int | None = None
) -> None:
    """Raise InvalidInput unless there are exactly two readouts with distinct, short sides.

    Also checks what every entry point shares: readout text (not empty, no NUL, at most
    `max_chars`), http(s) source URLs and a real YYYY-MM-DD date.
    """
    if len(readouts) != 2:
        raise InvalidInput(f"a comparison needs exactly two readouts, got {len(readouts)}")
    for readout in readouts:
        side = readout.side.strip()
        if not side or len(side) > MAX_SIDE_LENGTH or _CONTROL.search(readout.side):
            raise InvalidInput(
                f"side labels must be 1-{MAX_SIDE_LENGTH} printable characters: {readout.side!r}"
            )
        if not readout.text.strip():
            raise InvalidInput(f"the {side} readout is empty")
        if "\x00" in readout.text:
            raise InvalidInput(f"the {side} readout contains NUL bytes: binary data, not text")
        if max_chars is not None and len(readout.text) > max_chars:
            raise InvalidInput(
                f"the {side} readout has {len(readout.text)} characters; the limit is {max_chars}"
            )
        if readout.url is not None and not readout.url.startswith(("http://", "https://")):
            raise InvalidInput(f"the {side} readout's url must start with http:// or https://")
    if readouts[0].side.strip().casefold() == readouts[1].side.strip().casefold():
        raise InvalidInput(f"the two readouts need different sides, both are {readouts[0].side!r}")
    check_date(date)


def check_date(date: str | None) -> None:
    """Raise InvalidInput unless `date` is None or a real calendar day as YYYY-MM-DD."""
    if date is None:
        return
    try:
        if not _DATE.match(date):
            raise ValueError
        datetime.date.fromisoformat(date)
    except ValueError:
        raise InvalidInput(f"date must be a real day as YYYY-MM-DD, got {date!r}") from None


def claims_of(readout: Readout, language: str | None = None) -> list[Claim]:
    """Clean and split one readout into claims whose spans point into its original text."""
    language = language or detect_language(readout.text)
    try:
        return split(readout.text, clean(readout.text), readout.side.strip(), language)
    except InvalidInput as error:
        raise InvalidInput(f"the {readout.side} readout: {error}") from None


def compare(
    readouts: Sequence[Readout],
    encoder: Encoder,
    *,
    title: str | None = None,
    date: str | None = None,
    calibration: Calibration | None = None,
) -> Report:
    """Compare two readouts of one meeting and report what each side emphasised alone.

    Readouts in any language are accepted: a routing encoder hands a pair that is not English
    on both sides to its multilingual encoder, whose name and threshold the report records.
    """
    validate(readouts, date=date)
    languages = (detect_language(readouts[0].text), detect_language(readouts[1].text))
    encoder = encoder_for(encoder, languages)
    calibration = calibration or load_calibration(encoder.name)
    left_claims, right_claims = (
        claims_of(r, language) for r, language in zip(readouts, languages, strict=True)
    )
    if not left_claims or not right_claims:
        empty = readouts[0] if not left_claims else readouts[1]
        raise InvalidInput(f"the {empty.side} readout has no claims to compare")
    vectors = calibration.center(encoder.encode([c.text for c in left_claims + right_claims]))
    left_vectors, right_vectors = vectors[: len(left_claims)], vectors[len(left_claims) :]
    similarity = similarity_matrix(left_vectors, right_vectors)
    threshold = calibration.threshold
    terms = None
    if not all_english(languages):
        terms = uncovered_terms(
            left_claims,
            right_claims,
            languages,
            encoder,
            calibration.term_threshold,
            calibration.common_zipf,
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
    )
    return Report(
        id=None,
        title=title,
        date=date,
        sides=[r.side.strip() for r in readouts],
        claims=claims,
        matches=matches(left_claims, right_claims, similarity, threshold),
        emphases=emphases,
        model=ModelInfo(encoder=encoder.name, threshold=threshold),
        readouts=[
            ReadoutInfo(
                side=r.side.strip(), text=r.text, language=language, source=r.source, url=r.url
            )
            for r, language in zip(readouts, languages, strict=True)
        ],
    )
