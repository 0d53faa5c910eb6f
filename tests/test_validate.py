"""One input check on every path: each path refuses a bad comparison with the check's own Problem.

The expected words come from `validate.check` itself, run on the same readouts: a path with a
check of its own that answers first (other words, another field) or a path that skips the
check (no refusal) fails here.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from service import cli, validate
from service.api.pages.form import plain_words
from service.batch.inputs import lines_items, read_items
from service.pipeline.types import Readout
from service.validate import Problem, Refused
from tests.api.conftest import Client, app, client, settings  # noqa: F401 - its fixtures
from tests.conftest import RUBIO_CHO

US = (RUBIO_CHO / "us.txt").read_text(encoding="utf-8")
KR = (RUBIO_CHO / "kr.txt").read_text(encoding="utf-8")

# name: (sides, texts, title, date)
CASES: dict[str, tuple[tuple[str, ...], tuple[str, ...], str | None, str | None]] = {
    "same side, other case": (("US", "us"), (US, KR), None, None),
    "same side, full-width": (("US", "ＵＳ"), (US, KR), None, None),
    "side over the limit": (("S" * 17, "KR"), (US, KR), None, None),
    "blank text": (("US", "KR"), (US, " \n\t "), None, None),
    "NUL in the text": (("US", "KR"), ("The ministers met.\x00", KR), None, None),
    "a date that is no day": (("US", "KR"), (US, KR), None, "2025-02-30"),
    "a title over the limit": (("US", "KR"), (US, KR), "T" * 301, None),
    "seven readouts": (tuple(f"S{n}" for n in range(7)), (US,) * 7, None, None),
}
# What a command line or a folder of <side>.txt files cannot carry.
NOT_ON_THE_CLI = {"same side, full-width", "a title over the limit"}
FOLDER_CASES = ("blank text", "NUL in the text")


def problem_of(name: str) -> Problem:
    sides, texts, title, date = CASES[name]
    readouts = [Readout(side=s, text=t) for s, t in zip(sides, texts, strict=True)]
    with pytest.raises(Refused) as refused:
        validate.check(readouts, title=title, date=date, max_chars=100_000)
    return refused.value.problem


def body(name: str) -> dict[str, object]:
    sides, texts, title, date = CASES[name]
    payload: dict[str, object] = {
        "readouts": [{"side": s, "text": t} for s, t in zip(sides, texts, strict=True)]
    }
    payload.update({k: v for k, v in (("title", title), ("date", date)) if v is not None})
    return payload


def test_every_case_is_refused_by_the_check() -> None:
    codes = {name: problem_of(name).code for name in CASES}
    assert codes == {
        "same side, other case": "same-side",
        "same side, full-width": "same-side",
        "side over the limit": "too-long",
        "blank text": "empty",
        "NUL in the text": "nul",
        "a date that is no day": "not-a-day",
        "a title over the limit": "too-long",
        "seven readouts": "count",
    }


@pytest.mark.parametrize("name", CASES)
def test_the_api(client: Client, name: str) -> None:  # noqa: F811
    problem = problem_of(name)
    answer = client.post("/api/comparisons", json=body(name))
    assert answer.status_code == 400, answer.text
    assert answer.json()["errors"] == [
        {"message": problem.message, "key": problem.key, "source": "body"}
    ]


@pytest.mark.parametrize("name", CASES)
def test_a_batch_line(name: str) -> None:
    (item,) = lines_items(json.dumps(body(name)).encode())
    assert item.error == problem_of(name).message


@pytest.mark.parametrize("name", [n for n in CASES if len(CASES[n][0]) <= 6])
def test_the_form(client: Client, name: str) -> None:  # noqa: F811
    sides, texts, title, date = CASES[name]
    form = {f"{field}_{n}": value for n, side, text in zip("ab", sides, texts, strict=True)
            for field, value in (("side", side), ("text", text))}  # fmt: skip
    form.update({k: v for k, v in (("title", title), ("date", date)) if v is not None})
    answer = client.post("/", data=form)
    assert answer.status_code == 422
    assert plain_words(Refused(problem_of(name))) in html.unescape(answer.text)


@pytest.mark.parametrize("name", [n for n in CASES if n not in NOT_ON_THE_CLI])
def test_the_cli(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sides, texts, _, date = CASES[name]
    files = []
    for n, text in enumerate(texts):
        files.append(tmp_path / f"r{n}.txt")
        files[-1].write_text(text, encoding="utf-8")
    extra = ["--date", date] if date else []
    argv = ["compare", *map(str, files), "--sides", ",".join(sides), "--encoder", "fake", *extra]
    assert cli.main(argv) == 2
    err = capsys.readouterr().err  # a side's problem also says where the labels came from
    assert err.startswith("readout-diff: error: ") and err.count("\n") == 1
    assert problem_of(name).message in err


@pytest.mark.parametrize("name", FOLDER_CASES)
def test_a_folder_batch(name: str, tmp_path: Path) -> None:
    sides, texts, _, _ = CASES[name]
    meeting = tmp_path / "in" / "2025-07-31_meeting"
    meeting.mkdir(parents=True)
    for side, text in zip(sides, texts, strict=True):
        (meeting / f"{side.lower()}.txt").write_text(text, encoding="utf-8")
    (item,) = read_items(tmp_path / "in")
    assert item.error == problem_of(name).message
