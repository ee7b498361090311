"""The dictionary's forms that readers meet most and get no meaning for: where to curate.

Two lists over the corpus, each form counted once per report (its first use), held-in and
held-out reports apart:

- ``--undocumented``: the undocumented senses the annotation shows (a placeholder with its
  use): a curator looks for a held text that defines the meaning (tools/CURATION.md);
- ``--undecided`` (the default): the forms whose uses have candidates but no sense that holds,
  because every sense is another place's and none is national (菜篮子, 证照分离 defined only by
  single places' notes): a curator looks for a national text, or the notes of two or more
  provinces that give one meaning, and adds the national sense.

    python tools/unmet_uses.py [--undocumented] [--top 60] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import glossary
from glossary.gazetteer import ROOT
from glossary.importer.corpus import corpus_reports
from glossary.result import Match


def unmet(matches: Iterable[Match], undocumented: bool) -> list[str]:
    """The keys a document's matches give, once each: an undocumented sense's id, or the form
    of a use undecided among other places' senses only (none national)."""
    out: list[str] = []
    for m in matches:
        if undocumented:
            key = m.sense.id if m.sense is not None and not m.sense.documented else None
        elif m.sense is None and m.foreign and all(c.scope != ROOT for c in m.term.senses):
            key = m.term.term
        else:
            key = None
        if key is not None and key not in out:
            out.append(key)
    return out


def count(g: glossary.Glossary, undocumented: bool) -> dict[str, tuple[int, int, list[str]]]:
    """key -> (held-in reports, held-out reports, a few held-in reports that show it)."""
    held_in: Counter[str] = Counter()
    held_out: Counter[str] = Counter()
    where: dict[str, list[str]] = {}
    for r in corpus_reports():
        text = r.path.read_text(encoding="utf-8", errors="replace")
        for key in unmet(g.annotate(text).matches, undocumented):
            (held_out if r.held_out else held_in)[key] += 1
            if not r.held_out and len(where.setdefault(key, [])) < 3:
                where[key].append(r.rel)
    keys = set(held_in) | set(held_out)
    return {k: (held_in[k], held_out[k], where.get(k, [])) for k in keys}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--undocumented", action="store_true", help="undocumented senses shown")
    ap.add_argument("--top", type=int, default=60)
    ap.add_argument("--json", type=Path, help="write every row here")
    args = ap.parse_args()
    g = glossary.load()
    rows = sorted(
        count(g, args.undocumented).items(), key=lambda kv: (-(kv[1][0] + kv[1][1]), kv[0])
    )
    print(f"{len(rows)} {'senses' if args.undocumented else 'forms'} met unexplained")
    for key, (n_in, n_out, where) in rows[: args.top]:
        print(f"{key}\t{n_in} held-in\t{n_out} held-out\te.g. {'; '.join(where)}")
    if args.json:
        data = [{"key": k, "held_in": a, "held_out": b, "reports": w} for k, (a, b, w) in rows]
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
