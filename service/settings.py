"""Settings in one place, read from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_ENCODER = "minilm-onnx-int8"


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return int(raw) if raw and raw.strip().isdigit() else default


@dataclass(frozen=True)
class Settings:
    """Everything configurable about readout-diff; build with `Settings.from_env()`."""

    data_dir: Path = field(default_factory=lambda: Path("data"))
    database_url: str | None = None
    # The int8 ONNX export of all-MiniLM-L6-v2: same calibrated quality, ~1/25 the load time
    # and ~1/3 the memory of the torch model (docs/README-performance.md); `minilm` stays available.
    encoder: str = DEFAULT_ENCODER
    api_token: str | None = None
    max_readout_chars: int = 100_000
    host: str = "127.0.0.1"
    port: int = 8000

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            data_dir=Path(os.environ.get("READOUT_DIFF_DATA", "data")),
            database_url=os.environ.get("READOUT_DIFF_DATABASE_URL") or None,
            encoder=os.environ.get("READOUT_DIFF_ENCODER", DEFAULT_ENCODER),
            api_token=os.environ.get("READOUT_DIFF_API_TOKEN") or None,
            max_readout_chars=_env_int("READOUT_DIFF_MAX_READOUT_CHARS", 100_000),
        )

    @property
    def database_path(self) -> Path:
        return self.data_dir / "readout-diff.sqlite"

    @property
    def cache_path(self) -> Path:
        return self.data_dir / "embeddings.sqlite"
