"""Is it new? Score each 2025-07-31 emphasis's history against fixtures/history/ labels.

    python bench/history.py

Stores the fixture pairs with the default encoder, reads the 2025-07-31 report back (which
computes its history against the 2024-02-28 meeting of the same sides) and prints, per
labelled emphasis, the label and what was found, then accuracy and the precision and recall of
"new" over the labelled claims that are emphases of today's report (a label whose claim is no
longer an emphasis, e.g. now shared with its counterpart, is listed and not scored).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.comparisons import Comparisons
from service.pipeline.embed import make_encoder
from service.settings import DEFAULT_ENCODER, EXAMPLES_DIR
from service.store import ComparisonQuery, Store

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    labels = json.loads((ROOT / "fixtures/history/2025-07-31_rubio-cho-hyun.json").read_text())
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "db.sqlite")
        store.migrate()
        comparisons = Comparisons(store, make_encoder(DEFAULT_ENCODER))
        comparisons.load_examples(EXAMPLES_DIR)
        (row,) = [r for r in comparisons.page(ComparisonQuery())[0] if r.date == "2025-07-31"]
        report = comparisons.get(row.id)
        store.close()
    claims = {c.id: c.text for c in report.claims}
    found = {claims[p.claim_id]: p.carried > 0 for p in report.history}
    pairs = []
    print(f"{DEFAULT_ENCODER}: 2025-07-31 against 2024-02-28\n")
    print("| side | emphasis | labelled | found |\n|---|---|---|---|")
    for label in labels["emphases"]:
        now = [v for text, v in found.items() if text.startswith(label["starts"])]
        if not now:
            print(f"| {label['side']} | {label['starts'][:60]} | not an emphasis now | – |")
            continue
        carried = now[0]
        pairs.append((label["carried"], carried))
        names = ("carried" if label["carried"] else "new", "carried" if carried else "new")
        print(f"| {label['side']} | {label['starts'][:60]} | {names[0]} | {names[1]} |")
    right = sum(a == b for a, b in pairs)
    said_new = [a for a, b in pairs if not b]
    truly_new = [b for a, b in pairs if not a]
    print(f"\naccuracy {right / len(pairs):.2f} ({right}/{len(pairs)})")
    print(f"'new' precision {sum(not a for a in said_new) / len(said_new):.2f}"
          f" ({sum(not a for a in said_new)}/{len(said_new)}),"
          f" recall {sum(not b for b in truly_new) / len(truly_new):.2f}"
          f" ({sum(not b for b in truly_new)}/{len(truly_new)})")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
