"""The Ray engine against the in-process one: the same reports, resumable, from the CLI and the
service worker. One local Ray (2 CPUs) for the whole module: it takes seconds to start."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from service.batch.folder.run import run_into_folder
from service.batch.inputs import items_from_bodies, read_items
from service.batch.queue.records import BatchRecords
from service.batch.queue.worker import BatchWorker
from service.cli import main
from service.comparisons import Comparisons
from service.pipeline.embed import FakeEncoder
from service.runtime import cached_encoder
from service.store import Store
from tests.batch.conftest import HISTORY, WITH_ERRORS, history, write_jsonl
from tests.conftest import ROOT

ray = pytest.importorskip("ray")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", autouse=True)
def local_ray(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    from service.batch.runners.ray_data import start_ray

    data = tmp_path_factory.mktemp("ray-data")
    before = os.environ.get("READOUT_DIFF_DATA")
    os.environ["READOUT_DIFF_DATA"] = str(data)  # Ray's workers inherit it: their cache goes here
    start_ray(num_cpus=2)
    yield
    ray.shutdown()
    if before is None:
        os.environ.pop("READOUT_DIFF_DATA", None)
    else:
        os.environ["READOUT_DIFF_DATA"] = before


def _folder(out: Path) -> dict[str, bytes]:
    files = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    files.pop(".lock", None)
    files.pop("journal.jsonl")  # lines in the order meetings finished, which Ray may change
    return files


@pytest.mark.parametrize("source", [HISTORY, WITH_ERRORS], ids=["history", "with-errors"])
def test_ray_writes_the_same_reports_as_the_in_process_engine(tmp_path: Path, source: Path) -> None:
    from service.batch.runners.ray_data import ray_engine

    items = read_items(source)
    run_into_folder(items, tmp_path / "inprocess", FakeEncoder(), chunk=2)
    run_into_folder(items, tmp_path / "ray", FakeEncoder(), chunk=2, engine=ray_engine("fake", 2))
    expected, got = _folder(tmp_path / "inprocess"), _folder(tmp_path / "ray")
    assert any(name.startswith("reports/") for name in got)
    assert got == expected


def test_a_ray_batch_resumes_what_an_interrupted_run_left(tmp_path: Path) -> None:
    from service.batch.runners.ray_data import ray_engine

    items, out = read_items(HISTORY), tmp_path / "out"
    first = run_into_folder(items[:1], out, FakeEncoder())
    kept = {p.name: p.read_bytes() for p in (out / "reports").iterdir()}
    result = run_into_folder(items, out, FakeEncoder(), chunk=2, engine=ray_engine("fake", 2))
    assert result.skipped == 1 and len(result.entries) == 3 and result.failed == 0
    assert first.entries[0] == result.entries[0]
    assert all((out / "reports" / name).read_bytes() == data for name, data in kept.items())


def test_the_cli_runs_a_batch_on_ray(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cached_encoder.cache_clear()
    code = main(["batch", str(HISTORY), "--out", str(tmp_path / "out"), "--encoder", "fake",
                 "--engine", "ray", "--no-progress"])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    assert "3 meetings: 3 compared, 0 failed" in capsys.readouterr().out
    assert len(list((tmp_path / "out" / "reports").iterdir())) == 3


def test_the_service_worker_hands_a_batch_to_ray(tmp_path: Path) -> None:
    from service.batch.runners.ray_data import ray_engine

    comparisons = Comparisons(Store(tmp_path / "db.sqlite"), FakeEncoder())
    records = BatchRecords(comparisons.store)
    row = records.create(items_from_bodies([*history(), {"readouts": []}]))
    worker = BatchWorker(records, comparisons, chunk=2, engine=ray_engine("fake", 2))
    assert worker.run(row.id)
    assert [i.status for i in records.items(row.id)] == ["ok", "ok", "ok", "error"]
    done = records.get(row.id)
    assert done is not None and done.status == "done" and done.trends
    assert comparisons.store.count_comparisons() == 3
    comparisons.store.close()


def test_a_ray_client_address_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["batch", str(HISTORY), "--out", str(tmp_path / "out"), "--encoder", "fake",
                 "--engine", "ray", "--address", "ray://head:10001", "--no-progress"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2 and "Ray Data does not run over Ray Client" in err and "Traceback" not in err


def _trilateral_lines(path: Path) -> Path:
    """Both stored trilateral meetings as batch lines of three readouts each."""
    lines = []
    for folder in sorted((ROOT / "fixtures" / "trilateral").iterdir()):
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        readouts = [
            {"side": side, "text": (folder / gold["files"][side]).read_text(encoding="utf-8")}
            for side in gold["sides"]
        ]
        lines.append({"title": gold["meeting"], "date": gold["date"], "readouts": readouts})
    return write_jsonl(path, lines)


def test_ray_compares_three_readouts_as_the_in_process_engine_does(tmp_path: Path) -> None:
    from service.batch.runners.ray_data import ray_engine

    items = read_items(_trilateral_lines(tmp_path / "trilateral.jsonl"))
    run_into_folder(items, tmp_path / "inprocess", FakeEncoder(), chunk=1)
    run_into_folder(items, tmp_path / "ray", FakeEncoder(), chunk=1, engine=ray_engine("fake", 2))
    expected, got = _folder(tmp_path / "inprocess"), _folder(tmp_path / "ray")
    reports = [json.loads(data) for name, data in got.items() if name.startswith("reports/")]
    assert len(reports) == 2 and all(r["sides"] == ["US", "JP", "KR"] for r in reports)
    assert all("carried" in r and "all_but_one" in r for r in reports)
    assert got == expected
