"""The trilateral scores count by character span: a carried link, an only-one claim and an
all-but-one entry are right or wrong by the gold topics their claims touch."""

from __future__ import annotations

import json
from pathlib import Path

from evaluation.trilateral import load_meeting, score
from service.pipeline.types import AllButOne, Carried, Claim, ModelInfo, Report

TEXTS = {"A": "Alpha praised rice. Alpha met.", "B": "Beta praised rice.", "C": "Gamma hates tea."}
GOLD = {
    "meeting": "test", "date": "2024-01-01", "sides": ["A", "B", "C"],
    "files": {"A": "a.txt", "B": "b.txt", "C": "c.txt"},
    "topics": [
        {"topic": "rice", "kind": "matter", "sides": ["A", "B"], "uncertain": [],
         "keywords": {"A": ["praised rice"], "B": ["praised rice"]}},
        {"topic": "tea", "kind": "matter", "sides": ["C"], "uncertain": [],
         "keywords": {"C": ["hates tea"]}},
        {"topic": "logistics", "kind": "boilerplate", "sides": ["A"], "uncertain": [],
         "keywords": {"A": ["Alpha met"]}},
    ],
}  # fmt: skip


def _claim(claim_id: str, side: str, text: str) -> Claim:
    start = TEXTS[side].index(text)
    return Claim(claim_id, side, text, start, start + len(text))


CLAIMS = [
    _claim("A-1", "A", "Alpha praised rice."),
    _claim("A-2", "A", "Alpha met."),
    _claim("B-1", "B", "Beta praised rice."),
    _claim("C-1", "C", "Gamma hates tea."),
]


def _meeting(tmp_path: Path) -> Path:
    (tmp_path / "gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    for side, name in GOLD["files"].items():  # type: ignore[attr-defined]
        (tmp_path / name).write_text(TEXTS[side], encoding="utf-8")
    return tmp_path


def _report(**parts: object) -> Report:
    model = ModelInfo(encoder="fake", threshold=0.5)
    return Report(None, None, None, ["A", "B", "C"], CLAIMS, [], [], model, **parts)  # type: ignore[arg-type]


def test_right_entries_score_one_and_wrong_ones_zero(tmp_path: Path) -> None:
    meeting = load_meeting(_meeting(tmp_path))
    report = _report(
        carried=[
            Carried("A-1", "A", ["B"], ["C"], ["B-1"]),  # right: both touch "rice"
            Carried("A-2", "A", ["C"], ["B"], ["C-1"]),  # wrong: logistics against tea
        ],
        only_one=["C-1", "A-1"],  # tea is C's alone (right); rice is not A's alone (wrong)
        all_but_one=[AllButOne(["A-1", "B-1"], ["A", "B"], "C", "Alpha praised rice.")],
    )
    found = score(report, meeting)
    shown = {f: r.shown() for f, r in found.ratios.items()}
    assert shown == {
        "carried_precision": "0.50 (1/2)",
        "carried_recall": "0.50 (1/2)",  # A carried by B found; B carried by A not
        "only_one_precision": "0.50 (1/2)",
        "only_one_recall": "1.00 (1/1)",
        "all_but_one_precision": "1.00 (1/1)",
        "all_but_one_recall": "1.00 (1/1)",
    }
    assert any("B carried by A" in m for m in found.missed)


def test_an_all_but_one_entry_naming_the_wrong_absentee_is_wrong(tmp_path: Path) -> None:
    meeting = load_meeting(_meeting(tmp_path))
    wrong = AllButOne(["A-1", "C-1"], ["A", "C"], "B", "Alpha praised rice.")
    found = score(_report(carried=[], only_one=[], all_but_one=[wrong]), meeting)
    assert found.ratios["all_but_one_precision"].shown() == "0.00 (0/1)"
    assert found.ratios["all_but_one_recall"].shown() == "0.00 (0/1)"
