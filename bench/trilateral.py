"""Three readouts of one meeting against fixtures/trilateral's gold: what every side but one
said (and who left it out), and what only one side said.

    python bench/trilateral.py [--encoder minilm-onnx-int8]

Prints each gold matter as found or missed, each listed entry as right (a gold or uncertain
matter) or wrong, then recall and precision of `all_but_one` and `only_one`, beside flagging
every claim of every side as said by that side only (the naive recipe).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.pipeline import compare
from service.pipeline.embed import make_encoder
from service.pipeline.types import Readout
from service.settings import DEFAULT_ENCODER

ROOT = Path(__file__).resolve().parents[1]
MEETING = ROOT / "fixtures" / "trilateral" / "2023-08-23_blinken-park-hayashi-call"


def _ratio(right: int, total: int) -> str:
    return f"{right / total:.2f} ({right}/{total})" if total else "n/a (0/0)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--encoder", default=DEFAULT_ENCODER)
    args = parser.parse_args()
    gold = json.loads((MEETING / "gold.json").read_text(encoding="utf-8"))
    readouts = [Readout(side, (MEETING / gold["files"][side]).read_text(encoding="utf-8"))
                for side in gold["sides"]]  # fmt: skip
    report = compare(readouts, make_encoder(args.encoder), date="2023-08-23")
    text = {c.id: c.text.casefold() for c in report.claims}
    found = report.all_but_one or []
    hits = 0
    for matter in gold["all_but_one"]:
        hit = any(e.left_out == matter["left_out"] and set(e.sides) == set(matter["sides"])
                  and all(any(k in text[i] for k in matter["keywords"][s])
                          for i, s in zip(e.claim_ids, e.sides, strict=True))
                  for e in found)  # fmt: skip
        hits += hit
        print(
            f"all_but_one {'found ' if hit else 'MISSED'} {matter['matter']} (not {matter['left_out']})"
        )
    allowed = {(frozenset(g["sides"]), g["left_out"]) for g in gold["all_but_one"] + gold["uncertain"]
               if "sides" in g}  # fmt: skip
    listed_right = sum((frozenset(e.sides), e.left_out) in allowed for e in found)
    only = report.only_one or []
    only_hits = 0
    for matter in gold["only_one"]:
        hit = any(i.startswith(matter["side"] + "-") and any(k in text[i] for k in matter["keywords"])
                  for i in only)  # fmt: skip
        only_hits += hit
        print(f"only_one    {'found ' if hit else 'MISSED'} {matter['matter']} ({matter['side']})")
    words = [k for g in gold["only_one"] + gold["uncertain"] for k in g["keywords"]]
    only_right = sum(any(k in text[i] for k in words) for i in only)
    naive = [c.id for c in report.claims if c.verdict != "framing"]
    naive_right = sum(any(k in text[i] for k in words) for i in naive)
    print(f"encoder {report.model.encoder}, threshold {report.model.threshold:.2f}")
    print(
        f"all_but_one recall {_ratio(hits, len(gold['all_but_one']))}, precision {_ratio(listed_right, len(found))}"
    )
    print(
        f"only_one recall {_ratio(only_hits, len(gold['only_one']))}, precision {_ratio(only_right, len(only))}"
    )
    print(
        f"naive (every non-framing claim as only-one): precision {_ratio(naive_right, len(naive))}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
