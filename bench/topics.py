"""Topic figures on a batch file: topics, the share of mentions in unnamed/one-off topics, names.

PYTHONPATH=. python bench/topics.py [fixtures/batches/history.jsonl]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.batch.inputs import read_items
from service.batch.runners import run_items
from service.batch.trends import Trends, trends_of
from service.runtime import cached_encoder

HISTORY = Path(__file__).resolve().parent.parent / "fixtures" / "batches" / "history.jsonl"
# The batch page draws this many topics per side by colour; the rest are "other topics".
DRAWN_PER_SIDE = 6


def other_share(trends: Trends) -> float:
    """Share of one-sided mentions that fall outside each side's six largest topics."""
    inside = outside = 0
    for side in trends.sides:
        sized = sorted(
            ((t.by_side.get(side, 0), t.id) for t in trends.topics if t.by_side.get(side)),
            reverse=True,
        )
        top = {topic for _, topic in sized[:DRAWN_PER_SIDE]}
        for topic in trends.topics:
            mentions = sum(m.side == side for m in topic.mentions)
            inside += mentions if topic.id in top else 0
            outside += 0 if topic.id in top else mentions
    return outside / (inside + outside) if inside + outside else 0.0


def main(path: Path) -> None:
    items = read_items(path)
    encoder = cached_encoder()
    reports = [i.outcome for i in run_items(items, encoder) if i.outcome is not None]
    trends = trends_of(reports, encoder)
    mentions = sum(len(t.mentions) for t in trends.topics)
    recurring = [t for t in trends.topics if t.meetings > 1]
    print(f"meetings {len(reports)}  topics {len(trends.topics)}  mentions {mentions}")
    print(f"topics in more than one meeting {len(recurring)}  cut {trends.cut}")
    print(f"share of mentions outside each side's {DRAWN_PER_SIDE} drawn topics "
          f"('other topics') {other_share(trends):.0%}")  # fmt: skip
    for topic in trends.topics:
        sides = " ".join(f"{s}{n}" for s, n in topic.by_side.items())
        print(f"  {topic.id:>4} {len(topic.mentions):>2} mentions  {sides:<10} {topic.name}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HISTORY)
