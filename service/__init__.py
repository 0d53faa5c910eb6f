"""readout-diff: what one government's readout of a meeting says that the other's leaves out."""

from service.errors import ReadoutDiffError, InvalidInput, NotFound

from service.pipeline.types import Claim, Emphasis, Match, Readout, Report

__all__ = [
    "Claim",
    "Emphasis",
    "InvalidInput",
    "Match",
    "NotFound",
    "Readout",
    "ReadoutDiffError",
    "Report",
    "compare",
]
