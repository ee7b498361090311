"""Draw the uses of a labelled set (``../shared/READER-MEASURE.md``, step 2).

    python tools/labelled_sample.py dev   > tests/data/labelled/dev-uses.tsv
    python tools/labelled_sample.py check > tests/data/labelled/check-uses.tsv

The reports are kept aside: the importer's held-out slice (never imported), none of them cited
by the dictionary; ``dev`` takes those of 2024–2026, ``check`` those of 2023, ``fresh`` those of
2022 (drawn after the readers were built, answered before the tool was run on them);
``fresh6`` the uses of 2019–2026 that no earlier set drew (its reports were seen, these uses not);
``fresh7`` the same of the reports fresh6 did not draw from (drawn when fresh6's misses were to be
read, to stay the figure nothing was tuned on); ``fresh8`` and ``fresh9`` the uses of 2019–2026 that no
earlier set drew (drawn when every held-out report of those years had been drawn from). From each report every “…” expression of 2–12 characters holding a
numeral is taken once; pure numbers are dropped; the uses are sampled uniformly with a fixed
seed, so the draw is the same on every machine.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

from glossary.importer import DEFAULT_CORPUS, corpus_reports

QUOTED = re.compile(r"“([^“”\n]{2,12})”")
NUMERAL = re.compile(r"[一二三四五六七八九十百千万两双0-9０-９]")
PURE_NUMBER = re.compile(r"[0-9０-９.．,，%％‰一二三四五六七八九十百千万亿两零〇]+")
PROJECT = Path(__file__).resolve().parent.parent

SETS = {
    "dev": (2024, 2026, 360),
    "check": (2023, 2023, 240),
    "fresh": (2022, 2022, 240),
    "fresh2": (2021, 2021, 180),
    "fresh3": (2019, 2020, 200),
    "fresh4": (2016, 2018, 200),
    "fresh5": (2012, 2015, 200),
    "fresh6": (2019, 2026, 200),
    "fresh7": (2019, 2026, 200),
    "fresh8": (2019, 2026, 200),
    "fresh9": (2019, 2026, 200),
}
# sets drawn from reports earlier sets drew from: only the uses no earlier set took
UNDRAWN = frozenset({"fresh6", "fresh7", "fresh8", "fresh9"})
# sets kept out of the reports another set drew from, so that reading that set's misses tunes
# nothing of theirs
APART = {"fresh7": "fresh6"}


def cited_files() -> set[str]:
    """The corpus paths the dictionary's held texts were copied from (seeds/)."""
    held = {
        p.relative_to(PROJECT / "seeds" / "gov").as_posix()
        for p in (PROJECT / "seeds" / "gov").rglob("*.md")
    }
    # the Fujian and Quanzhou reports held under seeds/fujian/ are cited by hand senses
    for p in (PROJECT / "seeds" / "fujian").glob("*.md"):
        place, year = p.name.split("-")[:2]
        folder = {
            "fujian": "政府工作报告-省自治区/福建省",
            "quanzhou": "政府工作报告-主要城市/泉州市",
        }[place]
        held.add(f"{folder}/{year}.md")
    return held


def aside(first: int, last: int) -> list[str]:
    """The reports of a set: held out of the import, of those years, not cited, and not among
    the reports of the notes set (notes-reports.txt)."""
    cited = cited_files() | set(
        (PROJECT / "tests" / "data" / "labelled" / "notes-reports.txt")
        .read_text(encoding="utf-8")
        .split()
    )
    return [
        r.rel
        for r in corpus_reports(DEFAULT_CORPUS)
        if r.held_out and r.year and first <= r.year <= last and r.rel not in cited
    ]


def uses(rel: str) -> list[str]:
    """Every quoted numeral expression of a report, once, in order of first use."""
    text = (DEFAULT_CORPUS / rel).read_text(encoding="utf-8")
    seen: dict[str, None] = {}
    for m in QUOTED.finditer(text):
        form = m.group(1)
        if NUMERAL.search(form) and not PURE_NUMBER.fullmatch(form):
            seen.setdefault(form)
    return list(seen)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("set", choices=sorted(SETS))
    args = ap.parse_args()
    first, last, size = SETS[args.set]
    population = [(rel, form) for rel in aside(first, last) for form in uses(rel)]
    if args.set in UNDRAWN:
        drawn = set()
        earlier = list(SETS)[: list(SETS).index(args.set)]  # drawn before this one
        for tsv in (PROJECT / "tests" / "data" / "labelled").glob("*-uses.tsv"):
            if tsv.name.removesuffix("-uses.tsv") not in earlier:
                continue
            for line in tsv.read_text(encoding="utf-8").splitlines()[1:]:
                _, rel, form = line.split("\t")
                drawn.add((rel, form))
        population = [u for u in population if u not in drawn]
    if args.set in APART:
        tsv = PROJECT / "tests" / "data" / "labelled" / f"{APART[args.set]}-uses.tsv"
        other = {line.split("\t")[1] for line in tsv.read_text(encoding="utf-8").splitlines()[1:]}
        population = [u for u in population if u[0] not in other]
    chosen = sorted(random.Random(f"labelled-{args.set}").sample(population, size))
    out = sys.stdout
    out.write("id\treport\tform\n")
    for i, (rel, form) in enumerate(chosen, 1):
        out.write(f"{args.set}-{i:03d}\t{rel}\t{form}\n")
    print(
        f"{len(population)} uses in {len({r for r, _ in population})} reports; {size} drawn",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
