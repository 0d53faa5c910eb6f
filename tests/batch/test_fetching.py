"""Batch lines that give URLs instead of texts: fetched within the API's policy from the local
readout server, each refusal or failure that line's one error, the other lines compared."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from service.batch.folder import run_into_folder
from service.batch.inputs import items_from_bodies, read_items
from service.batch.queue.records import BatchRecords
from service.batch.queue.worker import BatchWorker
from service.comparisons import Comparisons
from service.fetch import FetchPolicy
from service.pipeline.embed import FakeEncoder
from service.store import Store
from tests.batch.conftest import history, write_jsonl
from tests.fetch.pages import serving

LOCAL = FetchPolicy(hosts=("127.0.0.1",), max_bytes=50_000, timeout=2.0, redirects=3)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serving() as base:
        yield base


def _lines(site: str) -> list[dict[str, object]]:
    by_url = {"readouts": [{"side": "US", "url": f"{site}/us.html"},
                           {"side": "KR", "url": f"{site}/kr.html"}]}  # fmt: skip
    other_host = {"readouts": [{"side": "US", "url": "http://192.0.2.1/us.html"},
                               {"side": "KR", "url": f"{site}/kr.html"}]}  # fmt: skip
    no_text = {"readouts": [{"side": "US", "url": f"{site}/empty.html"},
                            {"side": "KR", "url": f"{site}/kr.txt"}]}  # fmt: skip
    return [by_url, other_host, no_text, history()[0]]


def test_url_lines_are_fetched_and_each_failure_is_its_lines_error(
    tmp_path: Path, site: str
) -> None:
    items = read_items(write_jsonl(tmp_path / "urls.jsonl", _lines(site)))
    result = run_into_folder(items, tmp_path / "out", FakeEncoder(), fetch_policy=LOCAL)
    first, other_host, no_text, pasted = result.entries
    assert (first.status, pasted.status) == ("ok", "ok")
    report = json.loads((tmp_path / "out" / str(first.report_file)).read_text(encoding="utf-8"))
    assert (
        report["title"] == "Secretary Rubio's Meeting with Republic of Korea Foreign Minister Cho"
    )
    assert report["date"] == "2025-07-31" and report["sides"] == ["US", "KR"]
    assert (
        other_host.error == "fetching: 192.0.2.1 is not among the hosts this server may fetch from"
    )
    assert no_text.error == f"fetching: {site}/empty.html: no main text found on the page"


def test_without_hosts_a_url_line_is_refused_and_the_pasted_lines_run(
    tmp_path: Path, site: str
) -> None:
    items = read_items(write_jsonl(tmp_path / "urls.jsonl", _lines(site)))
    result = run_into_folder(items, tmp_path / "out", FakeEncoder())
    assert [e.status for e in result.entries] == ["error", "error", "error", "ok"]
    assert result.entries[0].error == (
        "fetching: fetching readouts by URL is off on this server (set READOUT_DIFF_FETCH_HOSTS)"
    )


def test_the_service_worker_fetches_within_the_servers_hosts(tmp_path: Path, site: str) -> None:
    comparisons = Comparisons(Store(tmp_path / "db.sqlite"), FakeEncoder(), fetch_policy=LOCAL)
    records = BatchRecords(comparisons.store)
    row = records.create(items_from_bodies(_lines(site)))
    assert BatchWorker(records, comparisons, chunk=2).run(row.id)
    done = records.items(row.id)
    assert [i.status for i in done] == ["ok", "error", "error", "ok"]
    assert done[1].error is not None and "not among the hosts" in done[1].error
    stored = comparisons.store.get_comparison(str(done[0].comparison_id))
    assert stored is not None and stored.title is not None and "Rubio" in stored.title
    request = json.loads(stored.request)
    assert all(r["text"] for r in request["readouts"])  # the pages' texts are what was compared
    comparisons.store.close()


def test_the_cli_batch_fetches_from_the_hosts_the_settings_name(
    tmp_path: Path, site: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from service.cli import main
    from service.runtime import cached_encoder

    source = write_jsonl(tmp_path / "urls.jsonl", _lines(site))
    args = ["batch", str(source), "--encoder", "fake", "--no-progress", "--out"]
    monkeypatch.setenv("READOUT_DIFF_DATA", str(tmp_path / "data"))
    cached_encoder.cache_clear()
    assert main([*args, str(tmp_path / "off")]) == 1  # no hosts named: the URL lines fail
    assert "1 compared, 3 failed" in capsys.readouterr().out
    monkeypatch.setenv("READOUT_DIFF_FETCH_HOSTS", "127.0.0.1")
    assert main([*args, str(tmp_path / "on")]) == 1
    out, err = capsys.readouterr()
    assert "2 compared, 2 failed" in out
    assert "192.0.2.1 is not among the hosts this server may fetch from" in err
    assert "Traceback" not in err
    cached_encoder.cache_clear()


def test_a_line_with_neither_text_nor_url_is_still_refused_as_it_is_read() -> None:
    (item,) = items_from_bodies(
        [{"readouts": [{"side": "US", "text": " "}, {"side": "KR", "text": "x."}]}]
    )
    assert (item.status, item.error) == ("error", "the first readout's text is empty")
    (item,) = items_from_bodies(
        [
            {
                "readouts": [
                    {"side": "US", "url": "https://www.state.gov/x"},
                    {"side": "KR", "text": "x."},
                ]
            }
        ]
    )
    assert item.status == "pending"
