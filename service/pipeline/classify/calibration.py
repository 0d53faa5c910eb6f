"""Per-encoder calibration: the similarity threshold and the readout genre's common direction."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import msgspec
import numpy as np

from service.pipeline.classify.terms import COMMON_ZIPF, PARTIAL_SPECIFICITY

MODELS_DIR = Path(
    os.environ.get("READOUT_DIFF_MODELS", Path(__file__).resolve().parents[3] / "models")
)
# Used for encoders never calibrated (the FakeEncoder in unit tests).
UNCALIBRATED_THRESHOLD = 0.35
# Two claims are counterparts at or above this centred cosine of their matters (align.py).
UNCALIBRATED_MATCH_THRESHOLD = 0.3
# CSLS 0: a term as close to its best match as both sit, on average, to their neighbours.
UNCALIBRATED_TERM_THRESHOLD = 0.0
# Above any cosine: a threshold no pair reaches. No claim is taken as restating the other side,
# and no strength gap is looked for beyond the counterparts, until calibrated.
OFF = 1.01


class Calibration(msgspec.Struct, frozen=True):
    """What `bench/calibrate.py` measured for one encoder; see models/README.md."""

    encoder: str
    threshold: float
    common_zipf: float = COMMON_ZIPF
    background: list[float] = msgspec.field(default_factory=list)
    procedure: str = ""
    measured: dict[str, float] = msgspec.field(default_factory=dict)
    # Cross-language pairs only: a term is covered when a term of the other side is this close.
    term_threshold: float = UNCALIBRATED_TERM_THRESHOLD
    # A partial emphasis needs an added name or a word at least this specific (0-1).
    partial_specificity: float = PARTIAL_SPECIFICITY
    # Two claims are counterparts when each is the other's best at or above this (align.py).
    match_threshold: float = UNCALIBRATED_MATCH_THRESHOLD
    # A strength gap needs counterparts whose levels differ by at least this (strength_gaps.py).
    gap_levels: float = 1.0
    # Two stance claims that name one matter alike are compared for strength too when their
    # matters score at least this (same_matter.py).
    gap_similarity: float = OFF
    # A claim with no counterpart and no term of its own this close (centred cosine) to a claim
    # of the other side restates it: no emphasis (judge.py).
    restated_threshold: float = OFF

    def center(self, vectors: np.ndarray) -> np.ndarray:
        """Remove the direction every diplomatic readout shares, then renormalise.

        Two readouts of one meeting share names, titles and protocol phrases; without this,
        any two claims score high and the threshold cannot tell topics apart.
        """
        if not self.background or vectors.shape[1] != len(self.background):
            return vectors
        shifted = vectors - np.asarray(self.background, dtype=np.float32)
        norms = np.linalg.norm(shifted, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        centered: np.ndarray = (shifted / norms).astype(np.float32)
        return centered


def calibration_path(encoder: str) -> Path:
    return MODELS_DIR / f"{encoder}.json"


@lru_cache(maxsize=16)
def load_calibration(encoder: str) -> Calibration:
    """The stored calibration of `encoder`, or an uncalibrated default."""
    path = calibration_path(encoder)
    if path.exists():
        return msgspec.json.decode(path.read_bytes(), type=Calibration)
    return Calibration(encoder=encoder, threshold=UNCALIBRATED_THRESHOLD)


def save_calibration(calibration: Calibration) -> Path:
    path = calibration_path(calibration.encoder)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(msgspec.json.format(msgspec.json.encode(calibration), indent=1) + b"\n")
    load_calibration.cache_clear()
    return path
