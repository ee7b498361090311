"""Draw merge decisions of the import for a person to judge.

    python tools/sample_merges.py [N [SEED]] > tests/data/judged/merges.tsv

Each row is a pair of notes of one form that the rule (``importer.alike``) put in one sense
(merged) or kept apart; the judge fills the last column with ``same`` or ``different``.
Columns: term, merged, similarity, place A, definition A, place B, definition B, verdict.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from glossary.dictionary import load_dictionaries
from glossary.importer import (
    DEFAULT_CORPUS,
    build_senses,
    corpus_reports,
    read_notes,
    similarity,
)
from glossary.resolve import Regions

PROJECT = Path(__file__).resolve().parent.parent


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 150
    hand = load_dictionaries([PROJECT / "data" / "terms.yaml"], bundled=False)
    regions = Regions(hand.regions)
    reports = [r for r in corpus_reports(DEFAULT_CORPUS) if not r.held_out]
    notes, _, _ = read_notes(reports, regions)
    decisions = build_senses(notes, regions, hand).decisions
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 11)
    merged = [d for d in decisions if d[3] and d[1].definition != d[2].definition]
    apart = [d for d in decisions if not d[3]]
    picked = rng.sample(merged, min(n, len(merged))) + rng.sample(apart, min(n // 3, len(apart)))
    print("term\tmerged\tsimilarity\tplace_a\tdefinition_a\tplace_b\tdefinition_b\tverdict")
    for term, a, b, was in picked:
        row = [
            term,
            "yes" if was else "no",
            f"{similarity(a, b):.2f}",
            a.region,
            a.definition,
            b.region,
            b.definition,
            "",
        ]
        print("\t".join(x.replace("\t", " ").replace("\n", " ") for x in row))


if __name__ == "__main__":
    main()
