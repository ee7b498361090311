"""National (and provincial) senses that may hold where a place means its own list: to cue.

A national sense that is not ``cued`` is shown wherever its form occurs and no local sense
holds. For a generic count (三大工程, 四大板块, 五项管理) or a form that places also define
otherwise, that shows the nation's list where a report means its own. This lists, over the
held-in corpus, the uncued national senses with members whose uses rarely stand near one of
their members or cue words (60 characters either side), with a few of those uses drawn at
random: a curator reads them and cues the sense where other meanings show (tools/CURATION.md).

    python tools/uncued_national.py [--share 0.6] [--min-uses 4] [--show 5] [--provinces]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import glossary
from glossary.document import restates
from glossary.gazetteer import ROOT
from glossary.importer.corpus import corpus_reports
from glossary.model import Sense, Term
from glossary.numerals import COUNTED_HEAD

_NEAR = 60  # characters either side of a use where its words are looked for


def candidates(g: glossary.Glossary, provinces: bool = False) -> dict[str, Sense]:
    """Uncued documented national senses (and provincial ones, ``provinces``) with members, of
    a generic count or of a form some place defines otherwise."""
    out = {}
    wide = {ROOT} | (
        {r for r in g.dictionary.regions if g.regions.depth(r) == 2} if provinces else set()
    )
    for term in g.terms:
        for s in term.senses:
            if s.scope not in wide or not s.documented or s.cued or not s.members:
                continue
            if _generic(term) or _rivalled(term, s):
                out[s.id] = s
    return out


def _generic(term: Term) -> bool:
    return len(term.term) <= 5 and COUNTED_HEAD.match(term.term) is not None


def _rivalled(term: Term, sense: Sense) -> bool:
    return any(o.scope != ROOT and o.documented and not restates(o, sense) for o in term.senses)


def near(text: str, start: int, end: int, sense: Sense) -> bool:
    """Whether a member (or its first two characters) or a cue word stands near a use."""
    w = text[max(0, start - _NEAR) : end + _NEAR]
    return (
        any(x in w for x in sense.members)
        or any(x[:2] in w for x in sense.members if len(x) >= 3)
        or any(c in w for c in sense.cues)
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--share", type=float, default=0.6, help="list senses at most this share near")
    ap.add_argument("--min-uses", type=int, default=4)
    ap.add_argument("--show", type=int, default=5, help="uses shown per sense")
    ap.add_argument("--provinces", action="store_true", help="provincial senses too")
    args = ap.parse_args()
    g = glossary.load()
    wanted = candidates(g, args.provinces)
    uses: dict[str, int] = defaultdict(int)
    close: dict[str, int] = defaultdict(int)
    far: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for report in corpus_reports():
        if report.held_out:
            continue
        text = report.path.read_text(encoding="utf-8", errors="replace")
        for m in g.annotate(text).matches:
            if m.sense is None or m.sense.id not in wanted:
                continue
            uses[m.sense.id] += 1
            if near(text, m.start, m.end, m.sense):
                close[m.sense.id] += 1
            else:
                shown = text[max(0, m.start - 35) : m.end + 25].replace("\n", " ")
                far[m.sense.id].append((report.rel, shown))
    rng = random.Random(2)
    for sid in sorted(uses, key=lambda k: close[k] / uses[k]):
        n, hit = uses[sid], close[sid]
        if n < args.min_uses or hit / n > args.share:
            continue
        s = wanted[sid]
        print(f"\n## {sid} since {s.since} uses {n}, near its words {hit} ({100 * hit / n:.0f}%)")
        print(f"   members: {'、'.join(s.members)[:60]}")
        for rel, shown in rng.sample(far[sid], min(args.show, len(far[sid]))):
            print(f"   - {rel}: {shown}")


if __name__ == "__main__":
    main()
