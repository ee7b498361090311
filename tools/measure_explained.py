"""The share of quoted numeral expressions a reader gets explained, on reports the import
did not use (the held-out slice of the corpus).

    python tools/measure_explained.py [--since 2020] [--dict PATH --no-bundled] [--misses N]

In each report, every quoted expression holding a numeral (“两个维护”, “1+3+N”, “十四五”) is
counted once; it is explained when a match covers it exactly and carries a documented sense
that holds in the report's (inferred) region.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter

import glossary
from glossary.importer import DEFAULT_CORPUS, corpus_reports

QUOTED = re.compile(r"“([^“”\n]{1,20})”")
NUMERAL = re.compile(r"[一二两三四五六七八九十百千万双0-9０-９]")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--since", type=int, default=2020, help="reports of this year or later")
    ap.add_argument("--dict", action="append", default=[])
    ap.add_argument("--no-bundled", action="store_true")
    ap.add_argument("--misses", type=int, default=0, help="print the N most frequent misses")
    args = ap.parse_args()
    g = glossary.load(*args.dict, bundled=not args.no_bundled)
    total = explained = docs = 0
    misses: Counter[str] = Counter()
    for r in corpus_reports(DEFAULT_CORPUS):
        if not r.held_out or (r.year or 0) < args.since:
            continue
        text = r.path.read_text(encoding="utf-8", errors="replace")
        ann = g.annotate(text)
        spans = {(m.start, m.end) for m in ann.matches if m.sense and m.sense.documented}
        seen: dict[str, bool] = {}
        for q in QUOTED.finditer(text):
            form = q.group(1)
            if not NUMERAL.search(form):
                continue
            ok = (q.start(1), q.end(1)) in spans
            seen[form] = seen.get(form, False) or ok
        docs += 1
        total += len(seen)
        explained += sum(seen.values())
        misses.update(f for f, ok in seen.items() if not ok)
    print(
        f"{docs} held-out reports since {args.since}: {explained}/{total} quoted numeral "
        f"expressions explained ({explained / max(total, 1):.1%})"
    )
    for form, n in misses.most_common(args.misses):
        print(f"  {n:3}  {form}")


if __name__ == "__main__":
    main()
