"""Check a fragment of hand entries before it joins data/terms.yaml: the curation step's gate.

    python tools/check_entries.py FRAGMENT.yaml [--corpus DIR]

A fragment has the dictionary's own shape (``sources:`` for what it cites that data/terms.yaml
does not, ``terms:``). Checked: each source's file is held (in the repository, or in the corpus
under the same path: ``seeds/gov/X`` is the corpus's ``gov/X``, ``seeds/cpc/X`` its ``cpc/content/X``,
``seeds/laws/X`` its ``laws/content/X``) and is no report kept aside for measuring; every quote stands
in its file (``……`` may elide); every sense names a known scope, has an id of its own (not
taken by the dictionary, unless by an undocumented sense the fragment documents or by an
imported sense of the same form and scope the hand entry replaces; unique in the fragment) and
a source; every documented sense a definition, and an English rendering that says whose it is;
members as many as the form counts, as the validator counts them.
Prints ``FRAGMENT:term: message``
per problem; exit 1 if any.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary.dictionary import read_bundled  # noqa: E402
from glossary.importer import DEFAULT_CORPUS  # noqa: E402
from glossary.importer.corpus import is_held_out  # noqa: E402
from glossary.numerals import member_count  # noqa: E402
from glossary.quotes import folded_file, quoted_in  # noqa: E402

TRANSLATED = "(translation by this project)"
_CORPUS_DIRS = {"seeds/gov/": "gov/", "seeds/cpc/": "cpc/content/", "seeds/laws/": "laws/content/"}


def held_file(rel: str, corpus: Path) -> Path | None:
    """The file a source names: the repository's copy, else the corpus's."""
    path = ROOT / rel
    if path.is_file():
        return path
    for prefix, there in _CORPUS_DIRS.items():
        if rel.startswith(prefix):
            path = corpus.parent / there / rel[len(prefix) :]
            if path.is_file():
                return path
    return None


def _hand_ids() -> set[str]:
    """The ids data/terms.yaml gives its senses (the rest of the bundled ones are imported)."""
    hand = yaml.safe_load((ROOT / "data" / "terms.yaml").read_text(encoding="utf-8")) or {}
    return {s["id"] for t in hand.get("terms") or [] for s in t.get("senses") or [] if "id" in s}


def check(fragment: Path, corpus: Path) -> list[str]:
    data: dict[str, Any] = yaml.safe_load(fragment.read_text(encoding="utf-8")) or {}
    dictionary, _ = read_bundled()
    known_refs = dict(dictionary.sources)
    # an undocumented sense's id may be taken again: the fragment documents it in its place
    placeholders = {s.id for t in dictionary.terms for s in t.senses if not s.documented}
    taken = {s.id for t in dictionary.terms for s in t.senses} - placeholders
    # an imported sense's id may be taken by a hand sense of its form and scope: the hand
    # entry replaces it at the next import (a national sense whose years a curator corrects)
    hand = _hand_ids()
    imported = {
        s.id: (t.term, s.scope) for t in dictionary.terms for s in t.senses if s.id not in hand
    }
    scopes = set(dictionary.regions)
    problems: list[str] = []
    files: dict[str, Path | None] = {}
    for ref, src in (data.get("sources") or {}).items():
        rel = str(src.get("file", ""))
        if ref in known_refs:
            problems.append(f"{ref}: source already in data/terms.yaml (cite it, do not repeat)")
        if rel.startswith("seeds/gov/") and is_held_out(rel[len("seeds/gov/") :]):
            problems.append(f"{ref}: {rel} is kept aside for measuring; cite another report")
        files[ref] = held_file(rel, corpus) if rel else None
        if rel and files[ref] is None:
            problems.append(f"{ref}: file not found: {rel}")
    for ref, src in known_refs.items():
        files.setdefault(ref, held_file(src.file, corpus) if src.file else None)
    ids: set[str] = set()
    for entry in data.get("terms") or []:
        term = entry.get("term", "?")
        if not isinstance(term, str):
            problems.append(f"{term}: quote a numeric form ('{term}'), or YAML reads a number")
            term = str(term)
        for sense in entry.get("senses") or []:
            sid = sense.get("id", "")
            where = f"{term}: {sid or '(no id)'}"
            replaces = imported.get(sid) == (term, sense.get("scope"))
            if not sid or (sid in taken and not replaces) or sid in ids:
                problems.append(f"{where}: id missing, taken by the dictionary, or repeated")
            ids.add(sid)
            if sense.get("scope") not in scopes:
                problems.append(f"{where}: unknown scope {sense.get('scope')!r}")
            documented = sense.get("status") != "undocumented"
            if documented and not sense.get("definition"):
                problems.append(f"{where}: a documented sense needs a definition")
            # as the validator counts them (双十工程 counts twenty): an explicit `count` decides
            want = sense["count"] if "count" in sense else member_count(term)
            members = sense.get("members") or []
            if members and isinstance(want, int) and len(members) != want:
                problems.append(f"{where}: {len(members)} members, but the slogan counts {want}")
            if sense.get("en") and not str(sense["en"]).endswith(TRANSLATED):
                problems.append(f"{where}: English must end {TRANSLATED!r}")
            cites = sense.get("source")
            cites = cites if isinstance(cites, list) else [cites] if cites else []
            if not cites:
                problems.append(f"{where}: no source")
            for c in cites:
                ref = c.get("ref")
                if ref not in files:
                    problems.append(f"{where}: unknown source {ref!r}")
                    continue
                path = files[ref]
                folded = folded_file(path) if path is not None else None
                if folded is None:
                    problems.append(f"{where}: {ref}: file not held")
                elif not quoted_in(str(c.get("quote", "")), folded):
                    problems.append(f"{where}: {ref}: quote not found in {path}")
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("fragment", type=Path)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args()
    problems = check(args.fragment, args.corpus)
    for p in problems:
        print(f"{args.fragment}:{p}")
    terms = len(
        (yaml.safe_load(args.fragment.read_text(encoding="utf-8")) or {}).get("terms") or []
    )
    print(f"{terms} terms, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
