"""Counterpart rules on the dev pairs: today's and the alternatives, in-sample and held out.

For the English pairs (or --language ko / ja, with the multilingual encoder), prints:
1. each rule of evaluation/rules.py: match precision and two-sided topic recall (mean of the
   two annotators) with its settings fitted on all pairs, then leave-one-pair-out (each pair
   selected with the settings, and for the logistic rules the weights, fitted on the others);
2. the ceiling of any selection by rank: each claim with its best (top-1, 2, 3) counterparts
   from either side, whatever the score;
3. each similarity (evaluation/ensemble.py: each encoder's part cosine alone, and their
   ensembles with the pipeline's own encoder): AUC, how often a claim's best candidate is right,
   the k = 1 ceiling, mutual best with a fitted threshold, in-sample and held out, and the
   best recall it reaches at precision 0.85 (issue 23's bar) as the threshold is swept;
4. for the shipped rule at the committed match_threshold, why each uncovered two-sided topic
   got no right pair (evaluation/misses.py), counted by cause, then one line each.
The other encoders are `--ensemble` (shipped kinds; default use and e5 beside the English
encoder, e5 beside USE for the other languages) and `--also` (model files from wheels the lock
does not hold: bench/candidates.py). With --write-docs, the summary (1 to 3 and the counts of
4) replaces the block of this script in docs/matching.md (bench/readme.py's markers).

Usage: python bench/matching.py [--encoder minilm-onnx-int8] [--language en|ko|ja|ko+ja]
                                [--ensemble use,e5] [--also st:FOLDER] [--quiet] [--write-docs]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.candidates import candidate
from bench.readme import write_block
from evaluation.counterparts import counterpart_cases
from evaluation.ensemble import (
    BAR_PRECISION,
    auc,
    mutual,
    recall_at_bar,
    rescored,
    similarities,
    top1,
)
from evaluation.matching import (
    Evidence,
    Figures,
    evidence,
    figures,
    held_out,
    in_sample,
    mutual_best,
)
from evaluation.misses import CAUSES, Miss, best_of_either, misses
from evaluation.rules import RULES
from service.pipeline.classify.calibration import Calibration, load_calibration
from service.pipeline.embed import CachedEncoder, Encoder, MemoEncoder, make_encoder
from service.settings import Settings
from service.store.vectors import VectorCache

DOC = Path(__file__).resolve().parents[1] / "docs" / "matching.md"
# Where the other encoders' vectors are kept between runs (under the settings' data folder).
CACHE = "bench-matching-vectors.sqlite"
# The shipped encoders measured beside the pipeline's own, by language.
ENSEMBLE = {"en": "use,e5", "ko": "e5", "ja": "e5", "ko+ja": "e5"}


def cells(found: Figures) -> str:
    return f"{found.precision:.2f} | {found.recall:.2f} | {found.pairs}"


def summary(found: list[Evidence], calibration: Calibration) -> tuple[list[str], list[Miss]]:
    """The rules' table, the ceiling, the shipped rule's figures and its misses by cause."""
    lines = [
        "| rule | precision | two-sided recall | pairs | LOO precision | LOO recall | pairs |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, rule in RULES.items():
        lines.append(
            f"| {name} | {cells(in_sample(rule, found))} | {cells(held_out(rule, found))} |"
        )
    lines += [
        "",
        "| ceiling: each claim's k best counterparts, either side | precision | recall | pairs |",
        "|---|---|---|---|",
    ]
    lines += [f"| k = {k} | {cells(best_of_either(found, k))} |" for k in (1, 2, 3)]
    lines += ["", *similarity_table(found)]
    threshold = calibration.match_threshold
    shipped = [mutual_best(e.about, e.mixed, threshold) for e in found]
    lines.append(f"\nShipped rule at match_threshold {threshold}: {cells(figures(found, shipped))}")
    missed = [m for e, pairs in zip(found, shipped, strict=True) for m in misses(e, pairs)]
    counts = Counter(m.cause for m in missed)
    lines.append(f"\nUncovered two-sided topics, both annotators ({len(missed)}):")
    lines += [f"- {cause}: {counts[cause]}" for cause in CAUSES]
    return lines, missed


def similarity_table(found: list[Evidence]) -> list[str]:
    """Each similarity of evaluation/ensemble.py on one footing."""
    lines = [
        "| similarity | AUC | top-1 right | k = 1 ceiling | mutual best | LOO "
        f"| recall at precision ≥ {BAR_PRECISION} |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, (similarity, grid) in similarities(found[0]).items():
        scored, rule = rescored(found, similarity), mutual(grid)
        fitted, held = in_sample(rule, scored), held_out(rule, scored)
        lines.append(
            f"| {name} | {auc(found, similarity):.3f} | {top1(found, similarity):.2f} | "
            f"{short(best_of_either(scored, 1))} | {short(fitted)} | {short(held)} | "
            f"{recall_at_bar(scored, grid):.2f} |"
        )
    return lines


def short(found: Figures) -> str:
    return f"{found.precision:.2f} / {found.recall:.2f} / {found.pairs}"


def others(
    kinds: str, also: list[str], cache: VectorCache | None = None
) -> list[tuple[Encoder, Calibration]]:
    """The encoders measured beside the pipeline's own, each with its calibration; with `cache`,
    the shipped ones keep their vectors there between runs."""
    found: list[tuple[Encoder, Calibration]] = []
    for kind in filter(None, kinds.split(",")):
        inner = make_encoder(kind)
        encoder = MemoEncoder(inner if cache is None else CachedEncoder(inner, cache))
        found.append((encoder, load_calibration(encoder.name)))
    return found + [candidate(spec) for spec in also]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    settings = Settings.from_env()
    parser.add_argument("--encoder", default=None, help="default: the settings' encoder")
    parser.add_argument("--language", default="en", choices=("en", "ko", "ja", "ko+ja"))
    parser.add_argument("--ensemble", default=None, help="other shipped encoders, comma-separated")
    parser.add_argument("--also", action="append", default=[], help="st:FOLDER or static:W:T")
    parser.add_argument("--quiet", action="store_true", help="no line per missed topic")
    parser.add_argument("--write-docs", action="store_true", help="write docs/matching.md")
    args = parser.parse_args()
    default = settings.encoder if args.language == "en" else settings.multilingual_encoder
    ensemble = args.ensemble if args.ensemble is not None else ENSEMBLE[args.language]
    shipped = args.encoder in (None, default) and ensemble == ENSEMBLE[args.language]
    if args.write_docs and (args.language != "en" or not shipped or args.also):
        parser.error("--write-docs writes the English pairs with the default encoders")
    encoder = MemoEncoder(make_encoder(args.encoder or default))
    calibration = load_calibration(encoder.name)
    cache = VectorCache(settings.data_dir / CACHE)
    beside = others(ensemble, args.also, cache)
    cases = [c for language in args.language.split("+") for c in counterpart_cases(language)]
    found = [evidence(case, encoder, calibration, beside) for case in cases]
    cache.close()
    print(f"## Counterpart rules: {args.language} pairs, {encoder.name}, mean of the annotators\n")
    lines, missed = summary(found, calibration)
    print("\n".join(lines))
    if args.write_docs:
        write_block("bench/matching.py", "\n".join(lines), DOC)
    if not args.quiet:
        print()
        for m in missed:
            left, right = (t[:70] for t in m.texts)
            print(
                f"- [{m.annotator}] {m.pair.split('/')[0]} {m.topic!r}: {m.cause}; "
                f"best {m.score:.2f}, ranks {m.ranks}: {left!r} ~ {right!r}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
