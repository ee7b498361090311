"""The quoted numeral expressions readers meet most across the corpus (documents counted
once each), with what the dictionary says of each in a national reading.

    python tools/top_slogans.py [N]
"""

from __future__ import annotations

import re
import sys
from collections import Counter

import glossary
from glossary.importer import DEFAULT_CORPUS, corpus_reports

QUOTED = re.compile(r"“([^“”\n]{1,20})”")
NUMERAL = re.compile(r"[一二两三四五六七八九十百千万双0-9０-９]")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    g = glossary.load()
    docs: Counter[str] = Counter()
    for r in corpus_reports(DEFAULT_CORPUS):
        if r.held_out:
            continue
        text = r.path.read_text(encoding="utf-8", errors="replace")
        docs.update({q for q in QUOTED.findall(text) if NUMERAL.search(q)})
    status: Counter[str] = Counter()
    for form, count in docs.most_common(n):
        term = g.lookup(form)
        national = [s for s in term.senses if s.scope == "中国"] if term else []
        if term is None:
            what = "unknown"
        elif any(s.documented for s in national):
            what = "national, documented"
        elif national:
            what = "national, undocumented"
        else:
            what = "local only"
        status[what] += 1
        print(f"{count:5}  {form:12}  {what}")
    print(dict(status))


if __name__ == "__main__":
    main()
