"""How often a use of a term the document defines takes the document's own definition, on
reports the import did not use (the held-out slice of the corpus).

    python tools/measure_document.py [--misses N]

For each held-out report with an annotation section, every note term (as harvest reads it) is
looked for in the text before the section; each occurrence is a use. A use is right when a
match covers exactly that occurrence with the document's sense.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

import glossary
from glossary.document import DOCUMENT
from glossary.harvest import harvest_report
from glossary.importer import DEFAULT_CORPUS, corpus_reports
from glossary.readers import slogan_term


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--misses", type=int, default=0, help="print N missed uses with context")
    args = ap.parse_args()
    g = glossary.load()
    docs = terms = uses = right = 0
    misses: list[tuple[str, str, str]] = []
    why: Counter[str] = Counter()
    for r in corpus_reports(DEFAULT_CORPUS):
        if not r.held_out:
            continue
        text = r.path.read_text(encoding="utf-8", errors="replace")
        notes = [c for c in harvest_report(text).candidates if c.kind == "note"]
        forms = {t for c in notes if (t := slogan_term(c))}
        if not forms:
            continue
        docs += 1
        terms += len(forms)
        body_end = min(c.start for c in notes)
        ann = g.annotate(text)
        at = {(m.start, m.end): m for m in ann.matches}
        for form in forms:
            pos = text.find(form)
            while 0 <= pos < body_end:
                uses += 1
                m = at.get((pos, pos + len(form)))
                if m is not None and m.sense is not None and m.sense.origin == DOCUMENT:
                    right += 1
                else:
                    why["not matched" if m is None else "other sense"] += 1
                    ctx = text[max(0, pos - 15) : pos + len(form) + 15].replace("\n", " ")
                    misses.append((r.rel, form, ctx))
                pos = text.find(form, pos + len(form))
    print(
        f"{docs} held-out reports with notes, {terms} terms defined, {uses} uses in the body: "
        f"{right} take the document's definition ({right / max(uses, 1):.1%}); "
        + ", ".join(f"{k} {v}" for k, v in why.items())
    )
    for rel, form, ctx in misses[: args.misses]:
        print(f"  {form}\t{ctx}\t{rel}", file=sys.stdout)


if __name__ == "__main__":
    main()
