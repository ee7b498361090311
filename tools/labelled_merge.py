"""Merge the readers' answers with the drawn uses into one labelled set.

    python tools/labelled_merge.py dev   # tests/data/labelled/dev-uses.tsv + answers/dev-*.jsonl
                                         # -> tests/data/labelled/dev.jsonl

Every drawn use must have exactly one answer, with the fields the judge reads.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "tests" / "data" / "labelled"
FIELDS = ("id", "report", "form", "need", "where", "keys", "meaning", "evidence")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("set")
    ap.add_argument("--partial", action="store_true", help="allow uses without an answer yet")
    args = ap.parse_args()
    with (HERE / f"{args.set}-uses.tsv").open(encoding="utf-8") as f:
        drawn = list(csv.DictReader(f, delimiter="\t"))
    answers: dict[str, dict[str, object]] = {}
    for path in sorted((HERE / "answers").glob(f"{args.set}-*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                row = json.loads(line)
                if row["id"] in answers:
                    sys.exit(f"{path}:{n}: {row['id']} answered twice")
                answers[row["id"]] = row
    out = []
    for use in drawn:
        a = answers.get(use["id"])
        if a is None:
            if args.partial:
                continue
            sys.exit(f"{use['id']} has no answer")
        if a["form"] != use["form"]:
            sys.exit(f"{use['id']}: answered {a['form']!r}, drawn {use['form']!r}")
        if a["need"] not in ("Y", "N") or (a["need"] == "Y") != (a.get("where") is not None):
            sys.exit(f"{use['id']}: need {a['need']!r} with where {a.get('where')!r}")
        row = {**a, "report": use["report"]}
        out.append({k: row.get(k) for k in FIELDS})
    (HERE / f"{args.set}.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8"
    )
    print(f"{len(out)} of {len(drawn)} uses written to {HERE / f'{args.set}.jsonl'}")


if __name__ == "__main__":
    main()
