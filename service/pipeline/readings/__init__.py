"""Stage 6, after the verdicts: how strongly each claim is said, and who is said to have said it."""

from service.pipeline.readings.attribution import attribute
from service.pipeline.readings.level import LEVEL_NAMES, claim_predicate
from service.pipeline.readings.speaker import speakers
from service.pipeline.readings.strength_gaps import graded, strength_gaps

__all__ = ["LEVEL_NAMES", "attribute", "claim_predicate", "graded", "speakers", "strength_gaps"]
