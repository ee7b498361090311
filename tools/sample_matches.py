"""Draw matches, in reports the import did not use, for a person to judge.

    python tools/sample_matches.py OLD_TERMS_YAML [N [SEED]] > tests/data/judged/matches.tsv
    python tools/sample_matches.py - [N [SEED]] > tests/data/judged/lookalikes.tsv

A match is new when the hand dictionary alone (OLD_TERMS_YAML) does not find the same span;
with ``-`` instead of a file every match of the bundled dictionary may be drawn.
Columns: report, surface, sense (or “-” when none holds there), definition, context, verdict
(``ok`` when the span is a use of that slogan and the definition shown fits the use, else
``wrong`` with a word on why). Also prints matches per MB before and after on stderr.
"""

from __future__ import annotations

import random
import sys

import glossary
from glossary.importer import DEFAULT_CORPUS, corpus_reports


def main() -> None:
    old = glossary.load(sys.argv[1], bundled=False) if sys.argv[1] != "-" else None
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 250
    new = glossary.load()
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    reports = [r for r in corpus_reports(DEFAULT_CORPUS) if r.held_out]
    pool = []
    size = before = after = 0
    for r in reports:
        text = r.path.read_text(encoding="utf-8", errors="replace")
        size += len(text.encode("utf-8"))
        was = {(m.start, m.end) for m in old.annotate(text).matches} if old else set()
        now = new.annotate(text).matches
        before += len(was)
        after += len(now)
        fresh = [m for m in now if (m.start, m.end) not in was]
        for m in rng.sample(fresh, min(3, len(fresh))):
            pool.append((r.rel, m, text[max(0, m.start - 30) : m.end + 30].replace("\n", " ")))
    mb = size / 1e6
    print(
        f"{len(reports)} held-out reports, {mb:.1f} MB: {before / mb:.0f} matches/MB before, "
        f"{after / mb:.0f} after",
        file=sys.stderr,
    )
    picked = rng.sample(pool, min(n, len(pool)))
    print("report\tsurface\tsense\tdefinition\tcontext\tverdict")
    for rel, m, context in picked:
        s = m.sense
        sense = s.id if s else "-"
        definition = (s.definition or s.expansion or "、".join(s.members)) if s else ""
        row = [rel, m.surface, sense, definition[:150], context, ""]
        print("\t".join(x.replace("\t", " ").replace("\n", " ") for x in row))


if __name__ == "__main__":
    main()
