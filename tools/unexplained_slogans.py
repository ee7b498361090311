"""The quoted numeral expressions that many places of one province use and the annotation leaves
unexplained there: where hand entries (data/terms.yaml) are most worth curating.

    python tools/unexplained_slogans.py [--min-reports N] [--top N] [--json FILE]

Every held-in report of the corpus is annotated as `glossary annotate` does; a quoted use counts
when no match with a sense covers it. Uses are grouped by (form, province) and ranked by the
number of places, then reports. Held-out reports are left out: they are the measure.
``--national`` groups by form alone and ranks by the number of provinces that use it
unexplained: the national slogans worth a hand entry from a held national text.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict

import glossary
from glossary.importer import DEFAULT_CORPUS, corpus_reports
from glossary.importer.corpus import province

QUOTED = re.compile(r"“([^“”\n]{2,14})”")
NUMERAL = re.compile(r"[一二两三四五六七八九十百千万双0-9０-９]")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--min-reports", type=int, default=3)
    ap.add_argument("--top", type=int, default=80)
    ap.add_argument(
        "--national", action="store_true", help="group by form alone, ranked by provinces"
    )
    ap.add_argument("--json", help="write every group here (form, province, reports, places)")
    args = ap.parse_args()
    g = glossary.load()
    groups: dict[tuple[str, str], tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for report in corpus_reports(DEFAULT_CORPUS):
        if report.held_out:
            continue
        text = report.path.read_text(encoding="utf-8", errors="replace")
        ann = g.annotate(text)
        if not ann.region:
            continue
        where = province(ann.region, g.regions)
        explained = [(m.start, m.end) for m in ann.matches if m.sense is not None]
        for m in QUOTED.finditer(text):
            form, start, end = m.group(1), m.start(1), m.end(1)
            if not NUMERAL.search(form) or any(a <= start and end <= b for a, b in explained):
                continue
            reports, places = groups[(form, "" if args.national else where)]
            reports.add(report.rel)
            places.add(where if args.national else ann.region)
    rows = sorted(
        (
            (form, where, len(reports), len(places), sorted(reports))
            for (form, where), (reports, places) in groups.items()
            if len(reports) >= args.min_reports
        ),
        key=lambda r: (-r[3], -r[2], r[0]),
    )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(rows, f, ensure_ascii=False)
    what = "forms" if args.national else "(form, province) pairs"
    unit = "provinces" if args.national else "places"
    print(f"{len(rows)} {what} used unexplained in {args.min_reports}+ reports")
    for form, where, n_reports, n_places, _ in rows[: args.top]:
        print(f"{form}\t{where or '-'}\t{n_places} {unit}\t{n_reports} reports")


if __name__ == "__main__":
    main()
