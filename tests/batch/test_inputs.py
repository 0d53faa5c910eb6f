"""Batch inputs: JSON lines and meeting folders; each bad entry is an error item of its own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.batch.inputs import parse_body, read_items, skipped_folders
from service.errors import InvalidInput
from tests.batch.conftest import HISTORY, WITH_ERRORS, history, write_jsonl
from tests.conftest import PAIRS


def test_history_file_has_one_valid_item_per_line() -> None:
    items = read_items(HISTORY)
    assert len(items) == len(HISTORY.read_text().splitlines()) >= 3
    assert all(item.body is not None and item.error is None for item in items)
    assert [i.body.date for i in items if i.body] == sorted(i.body.date for i in items if i.body)


def test_each_bad_line_becomes_its_own_error_and_good_lines_survive() -> None:
    items = read_items(WITH_ERRORS)
    errors = {item.where.split(":")[1]: item.error for item in items if item.error}
    good = [item.where for item in items if item.body is not None]
    assert good == ["with_errors.jsonl:1", "with_errors.jsonl:9", "with_errors.jsonl:10"]
    # The same checks, in the same words, as POST /api/comparisons.
    assert "needs 2 to 6 readouts, got 1" in errors["2"]
    assert "different sides" in errors["3"]
    assert "not valid JSON" in errors["4"]
    assert "expected `object`" in errors["5"].lower()
    assert "the date must be a real day" in errors["6"]
    assert "the second readout's text is empty" in errors["7"]
    assert "readouts" in errors["8"]
    assert "the same meeting as with_errors.jsonl:1" in errors["11"]


def test_keys_follow_content_not_position(tmp_path: Path) -> None:
    bodies = history()
    forward = read_items(write_jsonl(tmp_path / "a.jsonl", bodies))
    backward = read_items(write_jsonl(tmp_path / "b.jsonl", bodies[::-1]))
    assert [i.key for i in forward] == [i.key for i in backward][::-1]
    assert len({i.key for i in forward}) == len(bodies)


def test_blank_lines_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "gaps.jsonl"
    path.write_text("\n" + json.dumps(history()[0]) + "\n\n  \n", encoding="utf-8")
    assert [i.where for i in read_items(path)] == ["gaps.jsonl:2"]


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), ("", "no meetings"), ("%PDF-1.4\nbinary junk\n", "not a JSON-lines")],
)
def test_unusable_input_is_one_clear_error(
    tmp_path: Path, content: str | None, message: str
) -> None:
    path = tmp_path / "input.jsonl"
    if content is not None:
        path.write_text(content)
    with pytest.raises(InvalidInput, match=message):
        read_items(path)


def test_meeting_folders_take_date_title_and_sides_from_names() -> None:
    items = read_items(PAIRS)
    assert all(item.body is not None for item in items)
    by_date = {i.body.date: i.body for i in items if i.body}
    rubio = by_date["2025-07-31"]
    assert rubio.title == "Rubio Cho Hyun"
    # kr_ko.txt is the Korean text beside kr.txt: the meeting still has exactly two readouts.
    assert [r.side for r in rubio.readouts] == ["US", "KR"], (
        "the U.S. readout first, as the examples"
    )
    assert [r.source for r in rubio.readouts] == ["us.txt", "kr.txt"]
    # Where a side has only its own-language text, that text is its readout.
    iwaya = by_date["2024-12-25"]
    assert [(r.side, r.source) for r in iwaya.readouts] == [
        ("CN", "cn_zh.txt"),
        ("JP", "jp_ja.txt"),
    ]


def test_a_side_with_two_own_language_texts_and_no_plain_one_is_an_error(tmp_path: Path) -> None:
    meeting = tmp_path / "2024-01-01_talks"
    meeting.mkdir()
    for name in ("us.txt", "kr_ko.txt", "kr_en.txt"):
        (meeting / name).write_text("The ministers met.")
    (item,) = read_items(tmp_path)
    assert "KR has several own-language texts (kr_en.txt, kr_ko.txt) and no kr.txt" in (
        item.error or ""
    )


def test_a_bad_meeting_folder_is_an_error_item(tmp_path: Path) -> None:
    (tmp_path / "2024-01-01_one-side").mkdir()
    (tmp_path / "2024-01-01_one-side" / "us.txt").write_text("The Secretary met the Minister.")
    (tmp_path / "no-date").mkdir()
    (tmp_path / "no-date" / "us.txt").write_text("The Secretary met the Minister.")
    (tmp_path / "notes").mkdir()  # no side file, no meeting name: not a meeting at all
    items = {i.where.split("/")[1]: i for i in read_items(tmp_path)}
    assert "two <side>.txt files, found us.txt" in (items["2024-01-01_one-side"].error or "")
    assert "<YYYY-MM-DD>_<name>" in (items["no-date"].error or "")
    assert "notes" not in items
    assert skipped_folders(tmp_path) == [tmp_path / "notes"]


@pytest.mark.parametrize("value", ["2024-02-30", "24-01-01", "2024-1-1", "yesterday"])
def test_dates_must_be_real_calendar_days(value: str) -> None:
    with pytest.raises(InvalidInput, match="date"):
        parse_body(dict(history()[0], date=value))
