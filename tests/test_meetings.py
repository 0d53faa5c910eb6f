"""One reader of meeting folders serves the service's examples and batch input alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.batch.inputs import read_items
from service.comparisons import example_pair
from service.errors import InvalidInput
from service.meetings import meeting_body, side_files, side_of_file
from tests.conftest import PAIRS


def test_examples_and_batch_read_a_folder_the_same_way() -> None:
    for folder in sorted(p for p in PAIRS.iterdir() if p.is_dir()):
        example = example_pair(folder)
        assert example is not None
        (item,) = [i for i in read_items(PAIRS) if i.where.endswith(folder.name)]
        assert item.body is not None
        assert (item.body.title, item.body.date) == (example.title, example.date)
        assert [r.side for r in item.body.readouts] == [r.side for r in example.readouts]


def test_a_translation_beside_the_side_files_is_not_a_side(tmp_path: Path) -> None:
    meeting = tmp_path / "2025-07-31_rubio-cho-hyun"
    meeting.mkdir()
    for name in ("kr.txt", "us.txt", "kr_ko.txt"):
        (meeting / name).write_text("The ministers met.", encoding="utf-8")
    body = meeting_body(meeting)
    assert [r["side"] for r in body["readouts"]] == ["US", "KR"]  # type: ignore[attr-defined]
    assert body["title"] == "Rubio Cho Hyun" and body["date"] == "2025-07-31"


@pytest.mark.parametrize(
    ("name", "files", "message"),
    [
        ("no-date", {"us.txt": "a", "kr.txt": "b"}, "folder name must be"),
        ("2025-07-31_one", {"us.txt": "a"}, "needs two <side>.txt files"),
    ],
)
def test_a_folder_that_is_not_a_meeting_is_a_clear_error(
    tmp_path: Path, name: str, files: dict[str, str], message: str
) -> None:
    meeting = tmp_path / name
    meeting.mkdir()
    for file, text in files.items():
        (meeting / file).write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput, match=message):
        meeting_body(meeting)
    assert example_pair(meeting) is None


def test_a_readout_cut_mid_word_is_trimmed_at_its_last_full_sentence() -> None:
    from service.meetings import last_full_sentence

    assert last_full_sentence("They met. They agreed to strengthen the dete") == (
        "They met.",
        True,
    )
    assert last_full_sentence("They met. They agreed.\n") == ("They met. They agreed.\n", False)
    assert last_full_sentence('He said "we agree." Then the dete')[0] == 'He said "we agree."'


def test_bundled_examples_are_marked_and_their_cut_readouts_trimmed() -> None:
    for folder in sorted(p for p in PAIRS.iterdir() if p.is_dir()):
        example = example_pair(folder)
        assert example is not None
        for readout in example.readouts:
            assert readout.source is not None and readout.source.startswith("bundled example")
            (path,) = [p for p in side_files(folder) if side_of_file(p) == readout.side]
            raw = path.read_text(encoding="utf-8")
            if raw.rstrip().endswith((".", "!", "?", '"', "”", "。")):
                assert readout.text == raw and "partial" not in readout.source
            else:
                assert raw.startswith(readout.text) and readout.text.endswith((".", "。"))
                assert "partial" in readout.source
