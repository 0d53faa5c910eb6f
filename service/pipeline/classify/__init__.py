"""Stage 5, classify: each claim's verdict and the emphases only one side made, ranked."""

from service.pipeline.classify.calibration import Calibration, load_calibration
from service.pipeline.classify.judge import classify

__all__ = ["Calibration", "classify", "load_calibration"]
