"""Re-read judged matches with the current dictionary: what each judged row shows now.

    python tools/rejudge.py tests/data/judged/matches-2.tsv

For each row: the sense the span takes now (or that it is no longer matched), against the
verdict; prints the counts and the rows whose outcome changed.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter

import glossary
from glossary.importer import DEFAULT_CORPUS


def main() -> None:
    g = glossary.load()
    with open(sys.argv[1], encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    cache: dict[str, list[glossary.Match]] = {}
    out: Counter[str] = Counter()
    for r in rows:
        if r["report"] not in cache:
            text = (DEFAULT_CORPUS / r["report"]).read_text(encoding="utf-8", errors="replace")
            cache[r["report"]] = [
                (m, text[max(0, m.start - 30) : m.end + 30].replace("\n", " "))
                for m in g.annotate(text).matches
            ]
        now = [
            m for m, ctx in cache[r["report"]] if ctx == r["context"] and m.surface == r["surface"]
        ]
        if not now:
            kind = "gone"
        else:
            m = now[0]
            kind = "sense" if m.sense else "no sense"
        was = "sense" if r["sense"] != "-" else "no sense"
        out[(r["verdict"].split(":")[0], was, kind)] += 1
        if was != kind:
            print(
                f"{r['verdict'][:30]:30} {was:9} -> {kind:9} {r['surface']} | {r['context'][20:50]}"
            )
    for k, v in sorted(out.items()):
        print(v, k)


if __name__ == "__main__":
    main()
