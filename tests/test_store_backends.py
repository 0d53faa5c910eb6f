"""Choosing the backend from settings, and the one placeholder dialect both backends run."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.errors import InvalidInput
from service.settings import Settings
from service.store import Store
from service.store.postgres import to_psycopg


def test_no_database_url_means_the_sqlite_file(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    monkeypatch.delenv("READOUT_DIFF_DATABASE_URL", raising=False)
    settings = Settings.from_env()
    assert settings.database == data_dir / "readout-diff.sqlite"
    store = Store(settings.database)
    assert store.dialect.name == "sqlite" and store.path == settings.database_path
    store.close()


def test_a_postgresql_url_selects_postgresql(
    monkeypatch: pytest.MonkeyPatch, postgres_url: str
) -> None:
    monkeypatch.setenv("READOUT_DIFF_DATABASE_URL", postgres_url)
    monkeypatch.setenv("READOUT_DIFF_DATABASE_POOL", "3")
    settings = Settings.from_env()
    assert settings.database == postgres_url and settings.database_pool == 3
    store = Store(settings.database, pool_size=settings.database_pool)
    assert store.dialect.name == "postgres"
    with pytest.raises(TypeError, match="no file path"):
        _ = store.path
    store.close()


@pytest.mark.parametrize("url", ["mysql://x/y", "sqlite:///tmp/x"])
def test_a_url_that_is_not_postgresql_is_refused(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    monkeypatch.setenv("READOUT_DIFF_DATABASE_URL", url)
    with pytest.raises(InvalidInput, match="postgresql://"):
        Settings.from_env()


@pytest.mark.parametrize("raw", ["0", "-3", "soon", "99999"])
def test_a_batch_lease_out_of_range_is_refused(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv("READOUT_DIFF_BATCH_LEASE", raw)
    with pytest.raises(InvalidInput, match="READOUT_DIFF_BATCH_LEASE"):
        Settings.from_env()


def test_placeholders_become_psycopg_ones_and_a_literal_percent_stays_literal() -> None:
    assert to_psycopg("SELECT 1 WHERE a = ? AND b LIKE '5%'") == (
        "SELECT 1 WHERE a = %s AND b LIKE '5%%'"
    )


def test_a_ray_address_hands_the_service_batches_to_ray(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READOUT_DIFF_RAY_ADDRESS", " head.internal:6379 ")
    assert Settings.from_env().ray_address == "head.internal:6379"
    monkeypatch.setenv("READOUT_DIFF_RAY_ADDRESS", "")
    assert Settings.from_env().ray_address is None
