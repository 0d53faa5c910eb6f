"""Each readout is validated, language-detected and split exactly once per comparison, on every path."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from service import cli, validate
from service.batch.folder.run import run_into_folder
from service.batch.inputs import read_items
from service.batch.runners.local import run_items
from service.pipeline import compare, compare_prepared, language, prepare, split
from service.pipeline.classify import coverage
from service.pipeline.clean import clean
from service.pipeline.embed import FakeEncoder
from service.pipeline.languages import cjk
from service.pipeline.languages.ko import split as korean
from service.pipeline.languages.ko.terms import korean_terms
from service.pipeline.types import Readout
from tests.api.conftest import Client, app, body, client, settings  # noqa: F401 - its fixtures
from tests.batch.conftest import HISTORY
from tests.conftest import RUBIO_CHO


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Counts the one check and the two stages, each replaced where it lives: every caller
    reaches them through their module (`validate.check`), so a path that skips the check, or
    calls a copy of it, counts nothing."""
    counted: Counter[str] = Counter()
    for name, (home, attribute) in {
        "validate": (validate, "check"),
        "detect_language": (language, "detect_language"),
        "split": (split, "split"),
    }.items():
        monkeypatch.setattr(home, attribute, _spy(name, getattr(home, attribute), counted))
    return counted


def spy_on(monkeypatch: pytest.MonkeyPatch, spied: dict[str, tuple[Any, str]]) -> Counter[str]:
    """Count the calls of each function in `spied`, under every name service modules gave it."""
    counted: Counter[str] = Counter()
    for name, (home, attribute) in spied.items():
        original = getattr(home, attribute)
        spy = _spy(name, original, counted)
        for module in [m for key, m in sys.modules.items() if key.startswith("service")]:
            for field, value in list(vars(module).items()):
                if value is original:
                    monkeypatch.setattr(module, field, spy)
    return counted


def _spy(name: str, original: Callable[..., Any], counted: Counter[str]) -> Callable[..., Any]:
    def spy(*args: Any, **kwargs: Any) -> Any:
        counted[name] += 1
        return original(*args, **kwargs)

    return spy


def _readouts() -> list[Readout]:
    return [
        Readout(side="US", text=(RUBIO_CHO / "us.txt").read_text(encoding="utf-8")),
        Readout(side="KR", text=(RUBIO_CHO / "kr.txt").read_text(encoding="utf-8")),
    ]


def _once_per_comparison(calls: Counter[str], comparisons: int) -> None:
    assert calls == {"validate": comparisons, "detect_language": 2 * comparisons,
                     "split": 2 * comparisons}  # fmt: skip


def test_compare(calls: Counter[str]) -> None:
    compare(_readouts(), FakeEncoder())
    _once_per_comparison(calls, 1)


def test_prepare_then_compare_prepared_adds_nothing(calls: Counter[str]) -> None:
    prepared = prepare(_readouts())
    _once_per_comparison(calls, 1)
    compare_prepared(prepared, FakeEncoder())
    _once_per_comparison(calls, 1)


def test_the_api(calls: Counter[str], client: Client) -> None:  # noqa: F811
    assert client.post("/api/comparisons", json=body()).status_code == 201
    _once_per_comparison(calls, 1)


def test_the_cli(calls: Counter[str], data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    us, kr = RUBIO_CHO / "us.txt", RUBIO_CHO / "kr.txt"
    assert cli.main(["compare", str(us), str(kr), "--encoder", "fake", "--format", "json"]) == 0
    _once_per_comparison(calls, 1)


def test_a_batch_run(calls: Counter[str]) -> None:
    items = read_items(HISTORY)
    finished = list(run_items(items, FakeEncoder(), chunk=2))
    assert all(item.ok for item in finished)
    _once_per_comparison(calls, len(items))


def test_a_batch_into_a_folder(calls: Counter[str], tmp_path: Path) -> None:
    items = read_items(HISTORY)
    run_into_folder(items, tmp_path / "out", FakeEncoder())
    _once_per_comparison(calls, len(items))


def test_kiwi_reads_each_korean_sentence_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The split's analysis also serves the claims' terms: no second Kiwi pass."""
    text = (RUBIO_CHO / "kr_ko.txt").read_text(encoding="utf-8")
    english = (RUBIO_CHO / "us.txt").read_text(encoding="utf-8")
    sentences = cjk.cjk_sentences(text, clean(text))
    coverage._claim_terms.cache_clear()  # terms from an earlier test would hide a second pass
    counted = spy_on(monkeypatch, {"kiwi": (korean, "morphemes")})
    pair = [Readout(side="US", text=english), Readout(side="KR", text=text)]
    compare(pair, FakeEncoder())
    assert counted["kiwi"] == len(sentences)


def test_a_korean_claim_s_terms_from_the_split_equal_a_fresh_analysis() -> None:
    text = "양측은 한미동맹 현대화와 조선 협력을 논의했다."
    found = split.split(text, clean(text), "KR", "ko")
    (claim,) = found.claims
    by_split = coverage.claim_terms(claim.text, "ko", 3.75, found.morphemes[claim.id])
    assert by_split == korean_terms(claim.text, 3.75)
    assert {t.text for t in by_split} >= {"한미동맹", "현대화"}
