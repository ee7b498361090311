"""English for the imported senses: draw the ones without, in batches for translators, and merge
their renderings into data/en.yaml (read by the import: glossary/importer/english.py).

    python tools/english.py batches OUT_DIR [--levels national,provincial] [--n 8]
    python tools/english.py batches OUT_DIR --levels local --limit 3067   # the most used first
    python tools/english.py merge OUT_DIR/out-*.jsonl            # then python tools/build_data.py
    python tools/english.py sample 100 [--seed 3]                 # renderings to read back
    python tools/english.py shares                                # English by level, in the data

A batch line: {id, term, scope, expansion, members, parts, definition}; a translator answers
{id, en}: a concise rendering of the held definition only, no attribution (the import adds
"(translation by this project)").
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import glossary  # noqa: E402
from glossary.dictionary import load_dictionaries  # noqa: E402
from glossary.importer.english import digest  # noqa: E402

EN_FILE = ROOT / "data" / "en.yaml"
HEADER = (
    "# English for imported senses: the project's translations of their held definitions, each\n"
    "# tied to the definition it renders (`of`: its digest). Curated with tools/english.py.\n"
)


def _level(g: glossary.Glossary, scope: str) -> str:
    if scope == "中国":
        return "national"
    return "provincial" if len(g.regions.ancestors(scope)) == 2 else "local"


def _uses(g: glossary.Glossary) -> dict[str, int]:
    """For each sense, how many corpus reports of its place (or a place under it) use its term:
    the order in which local senses get English first."""
    from glossary.importer import DEFAULT_CORPUS, corpus_reports

    under: dict[str, list[str]] = {}
    for report in corpus_reports(DEFAULT_CORPUS):
        region = g.regions.canonical(report.issuer)
        if region is None:
            continue
        text = report.path.read_text(encoding="utf-8", errors="replace")
        for place in g.regions.ancestors(region):
            under.setdefault(place, []).append(text)
    return {
        s.id: sum(1 for text in under.get(s.scope, ()) if t.term in text)
        for t in g.terms
        for s in t.senses
    }


def batches(out: Path, levels: set[str], n: int, limit: int | None) -> None:
    g = glossary.load()
    hand = {s.id for t in load_dictionaries([ROOT / "data" / "terms.yaml"], bundled=False).terms
            for s in t.senses}  # fmt: skip
    rows = [
        {
            "id": s.id,
            "term": t.term,
            "scope": s.scope,
            "expansion": s.expansion,
            "members": list(s.members),
            "parts": [[p.label, list(p.members)] for p in s.parts],
            "definition": s.definition,
        }
        for t in g.terms
        for s in t.senses
        if s.documented and not s.en and s.id not in hand and _level(g, s.scope) in levels
    ]
    if limit is not None:  # the most used first: every one used in three reports or more
        uses = _uses(g)
        rows.sort(key=lambda r: (-uses[r["id"]], r["id"]))
        keep = max(limit, sum(1 for r in rows if uses[r["id"]] >= 3))
        rows = rows[:keep]
    out.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        with (out / f"batch-{k + 1}.jsonl").open("w", encoding="utf-8") as f:
            for row in rows[k::n]:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} senses in {n} batches under {out}")


def merge(files: list[Path]) -> None:
    g = glossary.load()
    definition = {s.id: s.definition for t in g.terms for s in t.senses}
    data = yaml.safe_load(EN_FILE.read_text(encoding="utf-8")) if EN_FILE.exists() else None
    rows: dict[str, dict[str, Any]] = {r["id"]: r for r in (data or {}).get("senses") or ()}
    added = 0
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            en = " ".join(str(row.get("en", "")).split())
            if row["id"] not in definition or not en:
                continue
            rows[row["id"]] = {"id": row["id"], "of": digest(definition[row["id"]]), "en": en}
            added += 1
    ordered = [rows[k] for k in sorted(rows)]
    text = yaml.safe_dump({"senses": ordered}, allow_unicode=True, sort_keys=False, width=10_000)
    EN_FILE.write_text(HEADER + text, encoding="utf-8")
    print(f"{added} renderings merged; {len(ordered)} in {EN_FILE.relative_to(ROOT)}")


def sample(n: int, seed: int) -> None:
    g = glossary.load()
    found = [s for t in g.terms for s in t.senses if s.en.endswith("by this project)")]
    for s in random.Random(seed).sample(found, min(n, len(found))):
        print(f"{s.id}\t{s.definition or '、'.join(s.members)}\t{s.en}")


def shares() -> None:
    g = glossary.load()
    total: Counter[str] = Counter()
    english: Counter[str] = Counter()
    for t in g.terms:
        for s in t.senses:
            if s.documented:
                level = _level(g, s.scope)
                total[level] += 1
                english[level] += bool(s.en)
    for level in ("national", "provincial", "local"):
        print(f"{level:10} {english[level]:5} of {total[level]:5} documented senses in English "
              f"({english[level] / max(total[level], 1):.1%})")  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("batches")
    b.add_argument("out", type=Path)
    b.add_argument("--levels", default="national,provincial")
    b.add_argument("--n", type=int, default=8)
    b.add_argument(
        "--limit", type=int, help="only this many, the most used by the corpus first (local)"
    )
    m = sub.add_parser("merge")
    m.add_argument("files", type=Path, nargs="+")
    s = sub.add_parser("sample")
    s.add_argument("n", type=int)
    s.add_argument("--seed", type=int, default=3)
    sub.add_parser("shares")
    args = ap.parse_args()
    if args.cmd == "batches":
        batches(args.out, set(args.levels.split(",")), args.n, args.limit)
    elif args.cmd == "merge":
        merge(args.files)
    elif args.cmd == "sample":
        sample(args.n, args.seed)
    else:
        shares()
    return 0


if __name__ == "__main__":
    sys.exit(main())
