"""Three readouts of one meeting against fixtures/trilateral's gold topics: which sides carry
each claim, what only one side said, what every side but one said (and who left it out).

    python bench/trilateral.py [--meeting 2022-07-08_blinken-hayashi-park-bali] [--encoder NAME]

Every meeting of fixtures/trilateral with a gold.json unless --meeting names one. Prints each
miss and each wrong entry, then precision and recall of `carried`, `only_one` and
`all_but_one` (evaluation/trilateral.py), beside the naive recipe: every non-framing claim
listed as said by its side only.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.trilateral import FIGURES, load_meeting, naive, score
from service.pipeline import compare
from service.pipeline.embed import make_encoder
from service.pipeline.embed.routing import RoutingEncoder
from service.settings import DEFAULT_ENCODER, Settings

ROOT = Path(__file__).resolve().parents[1]
MEETINGS = ROOT / "fixtures" / "trilateral"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meeting", help="one folder of fixtures/trilateral (default: all)")
    parser.add_argument("--encoder", default=DEFAULT_ENCODER)
    args = parser.parse_args()
    # as the service builds it: non-English pairs go to the multilingual encoder
    encoder = RoutingEncoder(
        make_encoder(args.encoder), make_encoder(Settings().multilingual_encoder)
    )
    names = (
        [args.meeting]
        if args.meeting
        else sorted(p.parent.name for p in MEETINGS.glob("*/gold.json"))
    )
    for name in names:
        _bench(name, encoder)
    return 0


def _bench(name: str, encoder: RoutingEncoder) -> None:
    meeting = load_meeting(MEETINGS / name)
    report = compare(meeting.readouts(), encoder, date=meeting.gold.date)
    found = score(report, meeting)
    for line in found.missed + found.wrong:
        print(f"  {line}")
    print(f"{name}: encoder {report.model.encoder}, threshold {report.model.threshold:.2f}")
    for figure in FIGURES:
        print(f"{figure:<22} {found.ratios[figure].shown()}")
    for figure, ratio in naive(report, meeting).items():
        print(f"{figure:<22} {ratio.shown()}  naive: every non-framing claim as only-one")


if __name__ == "__main__":
    raise SystemExit(main())
