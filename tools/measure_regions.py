"""Region inference on every report of the corpus, against the issuer its path names.

python tools/measure_regions.py [CORPUS]     # prints the share right and each failure
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

import glossary
from glossary.importer import DEFAULT_CORPUS as DEFAULT
from glossary.importer import corpus_reports as reports


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    g = glossary.load()
    regions = g.regions
    right = total = 0
    kinds: Counter[str] = Counter()
    seconds = 0.0
    for r in reports(root):
        text = r.path.read_text(encoding="utf-8", errors="replace")
        want = regions.canonical(r.issuer) or r.issuer
        t0 = time.perf_counter()
        got = regions.infer(text)
        seconds += time.perf_counter() - t0
        total += 1
        if got == want:
            right += 1
            continue
        if got is None:
            kind = "none"
        elif want in regions.ancestors(got):
            kind = "too specific"
        elif got in regions.ancestors(want):
            kind = "too general"
        else:
            kind = "other place"
        kinds[kind] += 1
        print(f"{kind:13} {r.rel}: got {got}, want {want}")
    print(f"\n{right}/{total} right ({right / total:.1%}); {dict(kinds)}")
    print(f"inference: {seconds / total * 1000:.2f} ms a report")


if __name__ == "__main__":
    main()
