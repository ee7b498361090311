"""Draw readings of the document's weaker readers for a precision check by careful readers.

    python tools/sample_readings.py 200 --seed 7 --out /tmp/readings   # batches of 50
    python tools/sample_readings.py --score tests/data/labelled/readings.jsonl

The readers whose readings are drawn are those a report's notes do not vouch for outright: the
lists before and after a form, the numbered 一是…二是… enumeration, the headings, and the
note parts (one of several forms a note defines, a form a footnote marker points at, another
spelling of a note's label). The reports are the importer's held-out slice, so a reading is
never one the dictionary was built from; readings are drawn with a fixed seed, as evenly over
the readers as their numbers allow.
Each batch row carries the report, the form, the reader, the reading, the quote it was read
from and the text around the form's first use; the judge answers right, wrong or unclear.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import sys
from pathlib import Path

from glossary.importer import DEFAULT_CORPUS, corpus_reports
from glossary.readers import definitions
from glossary.readers.notes import PART

KINDS = ("list", "headings", PART)


def readings(rel: str) -> list[dict[str, str]]:
    """The readings of one report by the readers of ``KINDS``, one per form."""
    text = (DEFAULT_CORPUS / rel).read_text(encoding="utf-8")
    out: dict[str, dict[str, str]] = {}
    for c in definitions(text):
        if c.kind not in KINDS or c.term in out:
            continue
        use = text.find(f"“{c.term}”")
        at = use if use >= 0 else max(0, c.start)
        out[c.term] = {
            "report": rel,
            "form": c.term,
            "reader": c.kind,
            "reading": c.definition,
            "quote": c.quote or "",
            "context": text[max(0, at - 300) : at + 300],
        }
    return list(out.values())


def draw(count: int, seed: int, seen: set[tuple[str, str]] = frozenset()) -> list[dict[str, str]]:
    """``count`` readings, as evenly over the readers as their numbers allow (the headings
    reader reads few; the lists and the note parts fill the rest)."""
    pool: dict[str, list[dict[str, str]]] = collections.defaultdict(list)
    for report in corpus_reports(DEFAULT_CORPUS):
        if report.held_out:
            for r in readings(report.rel):
                if (r["report"], r["form"]) not in seen:
                    pool[r["reader"]].append(r)
    rng = random.Random(seed)
    rows: list[dict[str, str]] = []
    kinds = sorted(pool, key=lambda k: len(pool[k]))
    for i, kind in enumerate(kinds):
        quota = (count - len(rows)) // (len(kinds) - i)
        rows += rng.sample(pool[kind], min(quota, len(pool[kind])))
    rng.shuffle(rows)
    for i, row in enumerate(rows, 1):
        row["id"] = f"r{seed}-{i:03d}"
    return rows


def score(path: Path) -> str:
    """The share right by reader, from a file of judged rows (reader, verdict)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    by: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for r in rows:
        by[r["reader"]][r["verdict"]] += 1
        by["all"][r["verdict"]] += 1
    lines = [f"{'reader':10} {'read':>5} {'right':>6} {'wrong':>6} {'unclear':>8} {'right%':>7}"]
    for k in [*sorted(k for k in by if k != "all"), "all"]:
        c = by[k]
        n = sum(c.values())
        lines.append(
            f"{k:10} {n:5} {c['right']:6} {c['wrong']:6} {c['unclear']:8} "
            f"{100 * c['right'] / n:6.1f}%"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("count", nargs="?", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, help="write batches of 50 here (batch-1.jsonl …)")
    ap.add_argument(
        "--exclude",
        type=Path,
        action="append",
        default=[],
        help="a JSON Lines file of readings judged before (report, form): not drawn again",
    )
    ap.add_argument("--score", type=Path, help="score a file of judged readings instead")
    args = ap.parse_args(argv)
    if args.score:
        print(score(args.score))
        return
    seen = {
        (r["report"], r["form"])
        for path in args.exclude
        for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())
    }
    rows = draw(args.count, args.seed, seen)
    if args.out is None:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    args.out.mkdir(parents=True, exist_ok=True)
    for b in range(0, len(rows), 50):
        with open(args.out / f"batch-{b // 50 + 1}.jsonl", "w", encoding="utf-8") as f:
            for row in rows[b : b + 50]:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} readings written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
