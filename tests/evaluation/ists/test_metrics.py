"""The iSTS F1 measures on tiny hand-made `.wa` files whose F1s are worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluation.ists.metrics import f1, scores
from evaluation.ists.wa import Pair, read_wa
from tests.conftest import ROOT

ISTS = ROOT / "fixtures" / "ists2016"


def _wa(tmp_path: Path, name: str, left: str, right: str, lines: list[str], pid: str = "1") -> Path:
    path = tmp_path / name
    body = [f'<sentence id="{pid}" status="">', f"// {left}", f"// {right}", "<alignment>"]
    path.write_text("\n".join([*body, *lines, "</alignment>", "</sentence>", ""]))
    return path


LEFT = "red car stops ."
RIGHT = "car halts"
GOLD = [
    "1 2 <==> 1 // EQUI // 5 // red car <==> car",
    "3 <==> 2 // SIMI // 3 // stops <==> halts",
    "4 <==> 0 // NOALI // NIL // . <==> -not aligned-",
]
# Gold links: (1,1) and (2,1) weigh 1/2 each (target token 1 fans out twice), (3,2) weighs 1.
SYSTEM = [
    "2 <==> 1 // EQUI // 5 // car <==> car",
    "3 <==> 2 // REL // 2 // stops <==> halts",
]


@pytest.fixture
def gold(tmp_path: Path) -> dict[str, Pair]:
    return read_wa(_wa(tmp_path, "gold.wa", LEFT, RIGHT, GOLD))


@pytest.fixture
def system(tmp_path: Path) -> dict[str, Pair]:
    return read_wa(_wa(tmp_path, "sys.wa", LEFT, RIGHT, SYSTEM))


def test_alignment_f1_weighs_token_pairs_by_fan_out(
    gold: dict[str, Pair], system: dict[str, Pair]
) -> None:
    # precision 2/2 (both system links are gold), recall (1/2 + 1) / 2 = 0.75
    assert f1(gold, system, "ali") == pytest.approx(2 * 1.0 * 0.75 / 1.75)


def test_type_f1_counts_only_links_whose_types_agree(
    gold: dict[str, Pair], system: dict[str, Pair]
) -> None:
    # precision 1/2, recall 0.5/2: the SIMI/REL link earns nothing
    assert f1(gold, system, "type") == pytest.approx(1 / 3)


def test_score_f1_discounts_score_differences(
    gold: dict[str, Pair], system: dict[str, Pair]
) -> None:
    # |3 - 2| / 5 costs 0.2 of a link: precision 1.8/2, recall 1.3/2
    assert f1(gold, system, "score") == pytest.approx(2 * 0.9 * 0.65 / 1.55)


def test_type_and_score_f1(gold: dict[str, Pair], system: dict[str, Pair]) -> None:
    assert f1(gold, system, "typescore") == pytest.approx(1 / 3)


def test_punctuation_and_noali_are_not_scored(tmp_path: Path, gold: dict[str, Pair]) -> None:
    extra = [*GOLD[:2], "4 <==> 2 // REL // 1 // . <==> halts"]
    system = read_wa(_wa(tmp_path, "punct.wa", LEFT, RIGHT, extra))
    assert scores(gold, system) == pytest.approx(scores(gold, gold))


def test_a_missing_pair_costs_recall(tmp_path: Path, gold: dict[str, Pair]) -> None:
    other = read_wa(_wa(tmp_path, "other.wa", LEFT, RIGHT, GOLD, pid="2"))
    both = {**gold, **other}
    assert f1(both, gold, "ali") == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert f1(both, gold, "ali", average="pair") == pytest.approx(0.5)


def test_multiple_types_agree_by_jaccard(tmp_path: Path, gold: dict[str, Pair]) -> None:
    tagged = [GOLD[0].replace("EQUI", "EQUI_POL"), GOLD[1]]
    system = read_wa(_wa(tmp_path, "pol.wa", LEFT, RIGHT, tagged))
    # the EQUI links (weight 1/2 + 1/2 of 2) agree by half
    assert f1(gold, system, "type") == pytest.approx(0.75)


@pytest.mark.parametrize("subset", ["headlines", "images", "answers-students"])
def test_gold_against_gold_is_perfect(subset: str) -> None:
    gold = read_wa(ISTS / f"STSint.testinput.{subset}.wa")
    assert len(gold) > 300
    assert scores(gold, gold) == pytest.approx(
        dict.fromkeys(("ali", "type", "score", "typescore"), 1.0)
    )
    assert scores(gold, gold, average="pair")["typescore"] == pytest.approx(1.0)
