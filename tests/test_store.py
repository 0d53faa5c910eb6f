"""The store on both backends: migrations, filters, restart survival, the embedding cache."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest

from service import store as store_module
from service.comparisons import ComparisonRequest, Comparisons
from service.errors import InvalidInput
from service.pipeline.embed import CachedEncoder, FakeEncoder
from service.pipeline.types import Readout
from service.runtime import configured_encoder
from service.settings import Settings
from service.store import ComparisonQuery, Db, Store
from service.store.vectors import StoredVectors, VectorCache
from tests.conftest import PAIR_COUNT, RUBIO_CHO

US = Readout(side="US", text=(RUBIO_CHO / "us.txt").read_text(encoding="utf-8"))
KR = Readout(side="KR", text=(RUBIO_CHO / "kr.txt").read_text(encoding="utf-8"))


@pytest.fixture
def store(database: Path | str) -> Iterator[Store]:
    opened = Store(database)
    yield opened
    opened.close()


def test_fresh_database_is_migrated_to_the_latest_version(store: Store) -> None:
    assert store.schema_version == len(store_module.MIGRATIONS)
    if store.dialect.name == "sqlite":
        with store.read() as db:
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_new_migrations_apply_once_in_order(
    database: Path | str, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(database).close()
    extra = "CREATE TABLE later (x INTEGER); INSERT INTO later VALUES (7)"
    monkeypatch.setattr(store_module, "MIGRATIONS", [*store_module.MIGRATIONS, extra])
    reopened = Store(database)
    assert reopened.schema_version == len(store_module.MIGRATIONS)
    assert reopened.migrate() == len(store_module.MIGRATIONS)  # a second run applies nothing
    with reopened.read() as db:
        assert db.execute("SELECT x FROM later").fetchall() == [(7,)]
    reopened.close()


def test_failed_write_rolls_back(store: Store) -> None:
    def half_then_fail(db: Db) -> None:
        db.execute(
            "INSERT INTO comparisons (id, title, date, side_a, side_b, created_at, search, summary,"
            " request, report) VALUES ('x', NULL, NULL, 'A', 'B', 't', '', '{}', '{}', '{}')"
        )
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        store.write(half_then_fail)
    assert store.count_comparisons() == 0


def test_reports_survive_reopening_the_database(database: Path | str) -> None:
    first = Comparisons(Store(database), FakeEncoder())
    report = first.submit(ComparisonRequest([US, KR], title="Rubio and Cho", date="2025-07-31"))
    first.store.close()
    again = Comparisons(Store(database), FakeEncoder())
    assert again.get(str(report.id)) == report
    assert again.request_of(str(report.id)).readouts == [US, KR]
    again.store.close()


def test_identical_resubmission_reuses_cached_embeddings(store: Store, tmp_path: Path) -> None:
    inner = FakeEncoder()
    service = Comparisons(store, CachedEncoder(inner, VectorCache(tmp_path / "e.db")))
    first = service.submit(ComparisonRequest([US, KR]))
    calls = inner.calls
    second = service.submit(ComparisonRequest([US, KR]))
    assert inner.calls == calls, "the second run must not reach the model"
    assert first.id != second.id and first.emphases == second.emphases


def test_list_is_newest_first_with_filters_and_pages(store: Store) -> None:
    service = Comparisons(store, FakeEncoder())
    jp = Readout(side="JP", text="The ministers discussed sanctions against Russia.")
    old = service.submit(ComparisonRequest([US, KR], title="Old", date="2024-02-28"))
    new = service.submit(ComparisonRequest([US, jp], title="New", date="2025-07-31"))
    page, total = service.page(ComparisonQuery())
    assert [r.id for r in page] == [new.id, old.id] and total == 2
    assert page[0].summary == {
        side: sum(e.side == side for e in new.emphases) for side in ("US", "JP")
    }
    assert [r.id for r in service.page(ComparisonQuery(side="kr"))[0]] == [old.id]
    assert [r.id for r in service.page(ComparisonQuery(date_from="2025-01-01"))[0]] == [new.id]
    assert [r.id for r in service.page(ComparisonQuery(date_to="2025-01-01"))[0]] == [old.id]
    assert [r.id for r in service.page(ComparisonQuery(text="SANCTIONS against"))[0]] == [new.id]
    assert service.page(ComparisonQuery(text="100%_"))[0] == []
    second_page, total = service.page(ComparisonQuery(limit=1, offset=1))
    assert [r.id for r in second_page] == [old.id] and total == 2


def test_too_long_readout_is_refused_and_nothing_stored(store: Store) -> None:
    service = Comparisons(store, FakeEncoder(), max_readout_chars=100)
    with pytest.raises(InvalidInput, match="limit is 100"):
        service.submit(ComparisonRequest([US, KR]))
    assert store.count_comparisons() == 0


def test_concurrent_writers_do_not_lock_each_other_out(store: Store) -> None:
    service = Comparisons(store, FakeEncoder())
    other = Comparisons(Store(store.target), FakeEncoder())  # a second handle, like a worker
    errors: list[BaseException] = []

    def submit(target: Comparisons) -> None:
        try:
            for _ in range(5):
                target.submit(ComparisonRequest([US, KR]))
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=submit, args=(s,)) for s in (service, service, other)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and store.count_comparisons() == 15
    other.store.close()


def test_one_handle_reads_and_deletes_what_another_wrote(store: Store) -> None:
    """Two service instances on one database see the same comparisons."""
    writer, reader = (
        Comparisons(store, FakeEncoder()),
        Comparisons(Store(store.target), FakeEncoder()),
    )
    report = writer.submit(ComparisonRequest([US, KR], title="Shared"))
    assert reader.get(str(report.id)) == report
    reader.delete(str(report.id))
    assert writer.count() == 0 and reader.page(ComparisonQuery()) == ([], 0)
    reader.store.close()


def test_examples_load_once_into_an_empty_store(store: Store) -> None:
    service = Comparisons(store, FakeEncoder())
    folder = RUBIO_CHO.parent
    assert service.load_examples(folder) == PAIR_COUNT
    assert service.load_examples(folder) == 0
    rows, _ = service.page(ComparisonQuery(limit=100))
    assert rows[0].date == "2026-02-14" and rows[0].sides == ["US", "JP"], "newest meeting first"
    assert {tuple(r.sides) for r in rows} == {
        ("US", "KR"), ("US", "JP"), ("JP", "KR"), ("CN", "KR"), ("CN", "JP")
    }  # fmt: skip


def test_instances_starting_at_once_load_the_examples_once(store: Store) -> None:
    services = [Comparisons(store, FakeEncoder()), Comparisons(Store(store.target), FakeEncoder())]
    barrier = threading.Barrier(2)
    loaded: list[int] = []

    def start(service: Comparisons) -> None:
        barrier.wait()
        loaded.append(service.load_examples(RUBIO_CHO.parent))

    threads = [threading.Thread(target=start, args=(s,)) for s in services]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(loaded) == [0, PAIR_COUNT] and store.count_comparisons() == PAIR_COUNT
    services[1].store.close()


def test_an_example_that_cannot_be_compared_is_skipped(store: Store, tmp_path: Path) -> None:
    good, bad = tmp_path / "pairs" / "2025-07-31_good", tmp_path / "pairs" / "2025-08-01_bad"
    for folder, text in ((good, US.text), (bad, "Log in to comment")):
        folder.mkdir(parents=True)
        (folder / "us.txt").write_text(text, encoding="utf-8")
        (folder / "kr.txt").write_text(KR.text, encoding="utf-8")
    service = Comparisons(store, FakeEncoder())
    assert service.load_examples(tmp_path / "pairs") == 1
    assert [r.title for r in service.page(ComparisonQuery())[0]] == ["Good"]


def test_a_third_side_is_stored_listed_and_filtered(store: Store) -> None:
    """Three sides survive the round trip; the side filter finds the third, not a prefix."""
    from service.store.rows import StoredComparison

    row = StoredComparison(id="m3", title="t", date="2023-08-23", sides=["US", "JP", "KR"],
                           created_at="2026-01-01T00:00:00", summary={"US": 1, "JP": 0, "KR": 2},
                           request=b'{"readouts": []}', report=b"{}")  # fmt: skip
    store.insert_comparison(row)
    got = store.get_comparison("m3")
    assert got is not None and got.sides == ["US", "JP", "KR"]
    assert [r.sides for r in store.list_comparisons(ComparisonQuery(side="kr"))[0]] == [row.sides]
    assert store.list_comparisons(ComparisonQuery(side="K"))[1] == 0


def test_a_database_of_the_last_schema_keeps_working_each_text_stored_once(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows written at schema version 5 (texts in the report too, no kept history, no meeting
    key) read back whole, with their history, once the store migrates."""
    service = Comparisons(store, FakeEncoder())
    earlier = service.submit(ComparisonRequest([US, KR], date="2024-02-28"))
    later = service.submit(ComparisonRequest([US, KR], title="Later", date="2025-07-31"))
    full = msgspec.json.encode(service.get(later.id or "")).decode()
    assert '"text":""' in _stored_report(store, later.id or "")  # the request holds the text
    # Back to the old schema's rows: texts in the report, no history kept, no meeting key.
    old = msgspec.json.encode(msgspec.structs.replace(service.get(later.id or ""), history=[]))
    store.write(lambda db: db.execute(
        "UPDATE comparisons SET report = ?, history_stored = 0, meeting_key = '' WHERE id = ?",
        (old.decode(), later.id)))  # fmt: skip
    monkeypatch.setattr(store_module, "MIGRATIONS", store_module.MIGRATIONS[:-1])
    store.write(lambda db: db.execute("UPDATE schema_version SET version = ?", (5,)))
    monkeypatch.undo()
    assert store.migrate() == len(store_module.MIGRATIONS)
    assert US.text[:50] not in _stored_report(store, later.id or "")
    reopened = Comparisons(store, FakeEncoder())
    assert reopened.key_meetings() == 1
    assert msgspec.json.encode(reopened.get(later.id or "")).decode() == full
    assert reopened.get(later.id or "").history, "its history against the earlier meeting"
    assert earlier.id is not None


def _stored_report(store: Store, comparison_id: str) -> str:
    found = store.get_comparison(comparison_id)
    assert found is not None
    return found.report.decode()


def test_on_postgresql_the_embedding_cache_is_a_table_every_instance_shares(
    postgres_url: str, tmp_path: Path
) -> None:
    first, second = Store(postgres_url), Store(postgres_url)
    settings = Settings(data_dir=tmp_path, encoder="fake", database_url=postgres_url)
    encoder = configured_encoder(settings, store=first)
    assert isinstance(encoder, CachedEncoder) and isinstance(encoder.vectors, StoredVectors)
    texts = [f"The ministers met on day {n}." for n in range(30)]
    vectors = encoder.encode(texts)
    assert encoder.misses == 30
    other = CachedEncoder(FakeEncoder(), StoredVectors(second))  # another instance
    assert (other.encode(texts) == vectors).all() and (other.hits, other.misses) == (30, 0)
    assert not (tmp_path / "embeddings.sqlite").exists(), "no cache file beside PostgreSQL"
    first.close()
    second.close()


def test_the_shared_embedding_cache_stays_near_its_limit(postgres_url: str) -> None:
    store = Store(postgres_url)
    cache = CachedEncoder(FakeEncoder(), StoredVectors(store, max_mb=0.1))  # ~97 vectors
    kept = [f"Kept claim {n}." for n in range(10)]
    for group in range(5):
        cache.encode([f"Claim {n} of meeting {group}." for n in range(60)])
        cache.encode(kept)  # used again each time: never the least recently used
    with store.read() as db:
        size = db.execute("SELECT sum(length(vector)) FROM embeddings").fetchone()[0]
    assert int(size) <= 100_000, f"{size} bytes of vectors, limit 100,000"
    misses = cache.misses
    cache.encode(kept)
    assert cache.misses == misses, "the vectors used all along were trimmed"
    store.close()
