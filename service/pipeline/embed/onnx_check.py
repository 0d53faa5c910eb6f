"""The check an ONNX export must pass before it is used: its vectors against the torch model's."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from service.errors import ExportError
from service.pipeline.embed.onnx_session import embed, open_export
from service.pipeline.embed.protocol import unit_rows

# The int8 export against the torch model on the example readouts' lines: measured min 0.98,
# mean 0.99 (models/README.md); a lower figure means the toolchain changed what it computes.
MIN_COSINE = 0.97
MEAN_COSINE = 0.985


def check_texts() -> list[str]:
    """The lines of the bundled English example readouts: real sentences of the genre."""
    from service.settings import EXAMPLES_DIR

    return [
        line.strip()
        for path in sorted(EXAMPLES_DIR.glob("*/*.txt"))
        if "_" not in path.stem  # us.txt, kr.txt: English; kr_ko.txt and the like are not
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line.strip()) >= 20
    ]


def check_against_torch(source: Path, export: Path) -> tuple[float, float]:
    """Min and mean cosine of the export's vectors to the torch model's; ExportError below
    MIN_COSINE or MEAN_COSINE."""
    from service.pipeline.embed.minilm import SentenceTransformerEncoder

    texts = check_texts()
    if not texts:
        return 1.0, 1.0
    session, tokenizer = open_export(export)
    ours = unit_rows(np.stack([embed(session, e) for e in tokenizer.encode_batch(texts)]))
    cosine = (ours * SentenceTransformerEncoder(str(source)).encode(texts)).sum(axis=1)
    low, mean = float(np.min(cosine)), float(np.mean(cosine))
    if low < MIN_COSINE or mean < MEAN_COSINE:
        raise ExportError(
            f"the int8 export disagrees with the torch model (cosine min {low:.3f}, mean "
            f"{mean:.3f}; needs {MIN_COSINE} and {MEAN_COSINE}): the toolchain in the lock changed"
        )
    return low, mean
