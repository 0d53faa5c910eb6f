"""Shared test fixtures: the real readouts, a fast fake encoder, and both database backends."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from service.pipeline.embed import FakeEncoder
from tests.postgres import PostgresServer, start_server, unavailable

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "fixtures" / "pairs"
SINGLES = ROOT / "fixtures" / "singles"
RUBIO_CHO = PAIRS / "2025-07-31_rubio-cho-hyun"
# Every meeting folder under fixtures/pairs is a bundled example.
PAIR_COUNT = sum(1 for folder in PAIRS.iterdir() if folder.is_dir())
BACKENDS = ["sqlite", "postgres"]


@pytest.fixture
def fake_encoder() -> FakeEncoder:
    return FakeEncoder()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty READOUT_DIFF_DATA folder for code that reads settings from the environment."""
    folder = tmp_path / "data"
    monkeypatch.setenv("READOUT_DIFF_DATA", str(folder))
    return folder


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One PostgreSQL server for the whole run (each test gets its own database on it)."""
    try:
        server = start_server()
    except (KeyError, RuntimeError, OSError) as error:  # OSError: FileNotFoundError too
        unavailable(str(error))
        raise  # unreachable: unavailable() skips or fails
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """The URL of a fresh, empty database."""
    return postgres_server.new_database()


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """Each backend in turn: a SQLite file, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return tmp_path / "db.sqlite"
    url: str = request.getfixturevalue("postgres_url")
    return url
