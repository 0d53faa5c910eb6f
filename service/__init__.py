"""readout-diff: what one government's readout of a meeting says that the other's leaves out."""

from service.errors import Conflict, InvalidInput, NotFound, ReadoutDiffError, Unauthorized
from service.pipeline import compare
from service.pipeline.types import Claim, Emphasis, Match, Readout, Report

__all__ = [
    "Claim",
    "Conflict",
    "Emphasis",
    "InvalidInput",
    "Match",
    "NotFound",
    "Readout",
    "ReadoutDiffError",
    "Report",
    "Unauthorized",
    "compare",
]
