"""Many writers on one SQLite file at once: API threads, a batch worker, another process.

None may fail with "database is locked" (WAL, busy timeout, one write path per Store), and
every comparison written is there afterwards, as are the shared embedding cache's rows.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from service.comparisons import ComparisonRequest, Comparisons
from service.pipeline.embed import CachedEncoder, FakeEncoder
from service.pipeline.types import Readout
from service.store import ComparisonQuery, Store
from service.store.vectors import VectorCache
from tests.conftest import ROOT, RUBIO_CHO

US = (RUBIO_CHO / "us.txt").read_text(encoding="utf-8")
KR = (RUBIO_CHO / "kr.txt").read_text(encoding="utf-8")
API_THREADS, PER_THREAD, BATCH_ITEMS, PROCESS_ITEMS = 6, 12, 30, 30

# Another process with its own Store and cache on the same files (a CLI or a second server).
_OTHER_PROCESS = """
import sys
from pathlib import Path
from service.comparisons import ComparisonRequest, Comparisons
from service.pipeline.embed import CachedEncoder, FakeEncoder
from service.pipeline.types import Readout
from service.store import Store
from service.store.vectors import VectorCache
data, count, us, kr = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
service = Comparisons(Store(data / "db.sqlite"), CachedEncoder(FakeEncoder(), VectorCache(data / "cache.sqlite")))
print("ready", flush=True)
for n in range(count):
    text = us + f" The other process wrote item {n}."
    service.submit(ComparisonRequest([Readout("US", text), Readout("KR", kr)], title=f"process {n}"))
"""


def _readouts(tag: str) -> list[Readout]:
    # A sentence of its own per comparison, so the shared embedding cache is written each time.
    return [Readout("US", f"{US} They met for the {tag} time."), Readout("KR", KR)]


def test_api_threads_batch_worker_and_another_process_write_at_once(tmp_path: Path) -> None:
    database, cache = tmp_path / "db.sqlite", tmp_path / "cache.sqlite"
    api = Comparisons(Store(database), CachedEncoder(FakeEncoder(), VectorCache(cache)))
    # The batch worker: its own Store (own connection and lock) and cache on the same files.
    worker = Comparisons(Store(database), CachedEncoder(FakeEncoder(), VectorCache(cache)))
    errors: list[BaseException] = []
    titles: list[str] = []
    lock = threading.Lock()
    done = threading.Event()

    def guarded(work: object) -> None:
        try:
            work()  # type: ignore[operator]
        except BaseException as error:
            errors.append(error)

    def api_client(n: int) -> None:
        for i in range(PER_THREAD):
            title = f"api {n}.{i}"
            api.submit(ComparisonRequest(_readouts(title), title=title))
            with lock:
                titles.append(title)

    def batch_worker() -> None:
        for i in range(BATCH_ITEMS):
            title = f"batch {i}"
            worker.submit(ComparisonRequest(_readouts(title), title=title))
            with lock:
                titles.append(title)

    def reader() -> None:
        while not done.is_set():
            api.page(ComparisonQuery(limit=50, text="met"))
            api.store.count_comparisons()

    other = subprocess.Popen(
        [sys.executable, "-c", _OTHER_PROCESS, str(tmp_path), str(PROCESS_ITEMS), US, KR],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert other.stdout is not None and other.stdout.readline().strip() == "ready"
    threads = [
        threading.Thread(target=guarded, args=(lambda n=n: api_client(n),))
        for n in range(API_THREADS)
    ]
    threads.append(threading.Thread(target=guarded, args=(batch_worker,)))
    readers = [threading.Thread(target=guarded, args=(reader,)) for _ in range(2)]
    for thread in threads + readers:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    done.set()
    for thread in readers:
        thread.join(timeout=60)
    _, stderr = other.communicate(timeout=300)

    assert not errors, errors[:3]
    assert other.returncode == 0, stderr[-2000:]
    assert "locked" not in stderr
    expected = API_THREADS * PER_THREAD + BATCH_ITEMS + PROCESS_ITEMS
    rows, total = api.page(ComparisonQuery(limit=100, offset=0))
    everything = rows + api.page(ComparisonQuery(limit=100, offset=100))[0]
    assert total == expected == len(everything)
    stored = {row.title for row in everything}
    assert set(titles) | {f"process {n}" for n in range(PROCESS_ITEMS)} == stored
    for store in (api.store, worker.store):
        store.close()
