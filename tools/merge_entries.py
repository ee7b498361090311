"""Merge checked fragments of hand entries into data/terms.yaml, keeping its style: the curation
step after ``tools/check_entries.py``.

    python tools/merge_entries.py FRAGMENT.yaml [FRAGMENT.yaml …] [--corpus DIR]

Each fragment's ``sources:`` lines join the file's sources (a key already there is kept as it
is); each ``terms:`` entry's senses join the hand entry of the same form, or the entry is
appended whole, with the match rule the import gave the form (a form the corpus writes only in
quotes stays quoted-only) unless the fragment gives one. The lines are copied as the fragment
has them (flow mappings, one source per line; a source written as a block becomes one such
line). A party text or a law a fragment cites under ``seeds/cpc/`` or ``seeds/laws/`` is copied
from the corpus into the repository, as ``tools/build_data.py`` copies the reports. Run
``tools/check_entries.py`` on each fragment first, then ``tools/build_data.py`` and
``glossary validate``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from check_entries import held_file  # noqa: E402

from glossary.dictionary import load_dictionaries, read_bundled  # noqa: E402
from glossary.importer import DEFAULT_CORPUS, corpus_reports, match_rules  # noqa: E402
from glossary.importer.files import bodies  # noqa: E402
from glossary.yamlfile import parse_yaml  # noqa: E402

TERMS = ROOT / "data" / "terms.yaml"


def _blocks(lines: list[str], starts: list[int]) -> list[list[str]]:
    """The lines of each list item whose first lines (1-based) are ``starts``."""
    ends = [*starts[1:], len(lines) + 1]
    return [lines[a - 1 : b - 1] for a, b in zip(starts, ends, strict=True)]


def _split_senses(
    block: list[str], entry: dict[str, object], first: int
) -> tuple[list[str], dict[str, list[str]]]:
    """An entry's lines before its first sense, and each sense's lines by id."""
    senses = entry["senses"]
    at = [line - first for line in senses.item_lines]  # type: ignore[attr-defined]
    ends = [*at[1:], len(block)]
    by_id = {
        str(sense["id"]): block[a:b]
        for sense, a, b in zip(senses, at, ends, strict=True)  # type: ignore[call-overload]
    }
    return block[: at[0]], by_id


def _trim(block: list[str]) -> list[str]:
    while block and (not block[-1].strip() or block[-1].lstrip().startswith("#")):
        block = block[:-1]
    return block


def _scalar(value: str) -> str:
    """A flow-mapping value as the file writes it: quoted when YAML would read it otherwise."""
    dumped = yaml.safe_dump(value, allow_unicode=True, width=10_000, default_flow_style=True)
    return dumped.removesuffix("\n...\n").strip()


def _source_line(key: str, fields: dict[str, object]) -> str:
    """A source as the file writes it: one flow mapping on one line."""
    flow = ", ".join(f"{k}: {_scalar(str(v))}" for k, v in fields.items() if v)
    return f"  {key}: {{{flow}}}"


def corpus_rules(forms: list[str], corpus: Path) -> dict[str, str]:
    """The match rule the import would give each form by how the corpus writes it (quoted
    only, unless four in five of three or more uses are quoted): a form new to the
    dictionary counts in quotes alone where the reports also write it as an ordinary word."""
    if not forms or not corpus.is_dir():
        return {}
    held_in = (r for r in corpus_reports(corpus) if not r.held_out)
    empty = load_dictionaries([], bundled=False)
    return {f: rule for f, (rule, _, _) in match_rules(forms, bodies(held_in), empty).items()}


def new_forms(fragments: list[Path]) -> list[str]:
    """The forms of ``fragments`` neither the bundled dictionary (hand or imported) knows nor
    the fragment gives a match rule: those whose rule the corpus decides."""
    known = {t.term for t in read_bundled()[0].terms}
    return [
        str(e["term"])
        for fragment in fragments
        for e in parse_yaml(fragment.read_text(encoding="utf-8"), str(fragment)).get("terms") or []
        if "match" not in e and str(e["term"]) not in known
    ]


def merge(
    fragment: Path, corpus: Path, terms: Path = TERMS, rules: dict[str, str] | None = None
) -> tuple[int, int, int]:
    """Merge one fragment; (sources added, senses added to hand entries or replacing one of
    the same id, entries appended). ``rules``: the corpus's match rules of its new forms
    (``corpus_rules``), read from the corpus when not given."""
    text = terms.read_text(encoding="utf-8")
    lines = text.split("\n")
    data = parse_yaml(text, str(terms))
    frag_text = fragment.read_text(encoding="utf-8")
    frag_lines = frag_text.split("\n")
    frag = parse_yaml(frag_text, str(fragment))
    cited = {
        c["ref"]
        for entry in frag.get("terms") or []
        for sense in entry.get("senses") or []
        for c in (sense["source"] if isinstance(sense["source"], list) else [sense["source"]])
    }
    # sources: after the last source line (only those a sense cites)
    known = set(data["sources"])
    new_sources = []
    for key, src in (frag.get("sources") or {}).items():
        if key in known or key not in cited:
            continue
        line = frag_lines[frag["sources"].key_lines[key] - 1]
        if line.rstrip().endswith(":"):  # written as a block: the file keeps one line a source
            line = _source_line(key, dict(src))
        new_sources.append(line)
        rel = str(src.get("file") or "")
        if rel.startswith(("seeds/cpc/", "seeds/laws/")) and not (ROOT / rel).is_file():
            held = held_file(rel, corpus)
            if held is None:
                raise SystemExit(f"{fragment}: {key}: {rel} not found in the corpus")
            (ROOT / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(held, ROOT / rel)
    # a report the import cites, cited now by a hand sense: the hand file names it too
    bundled = read_bundled()[0]
    imported = bundled.sources
    bundled_match: dict[str, str] = {t.term: t.match for t in bundled.terms}
    if rules is None:
        rules = corpus_rules(new_forms([fragment]), corpus)
    bundled_match.update(rules)
    for key in sorted(cited - known - set(frag.get("sources") or {})):
        src = imported[key]
        fields = {"title": src.title, "issuer": src.issuer, "date": src.date, "file": src.file}
        new_sources.append(_source_line(key, fields))
        known.add(key)
    last_source = max(data["sources"].key_lines.values())
    # terms: senses into the hand entry of the same form, else the entry appended
    items = data["terms"]
    starts = items.item_lines
    where = {t["term"]: k for k, t in enumerate(items)}
    blocks = _blocks(lines, starts)
    blocks[-1] = _trim(blocks[-1])
    tail = lines[starts[-1] - 1 + len(blocks[-1]) :]
    frag_items = frag.get("terms") or []
    frag_blocks = [_trim(b) for b in _blocks(frag_lines, frag_items.item_lines)]
    added = appended = 0
    for n, (entry, block) in enumerate(zip(frag_items, frag_blocks, strict=True)):
        k = where.get(entry["term"])
        if k is None:
            rule = bundled_match.get(str(entry["term"]), "any")
            if "match" not in entry and rule != "any":
                # the import's evidence of how the corpus writes the form (only in quotes …)
                block = [block[0], f"  match: {rule}", *block[1:]]
            blocks.append(block)
            where[entry["term"]] = len(blocks) - 1
            appended += 1
            continue
        # a sense of the same id replaces the hand one (an undocumented placeholder the
        # fragment documents); the others join the entry after its senses
        _, theirs = _split_senses(block, entry, frag_items.item_lines[n])
        if k >= len(items):  # the fragment's own entry of the form, above: its senses join it
            blocks[k] = blocks[k] + [x for b in theirs.values() for x in b]
            added += len(entry["senses"])
            continue
        kept = _trim(blocks[k])
        head, ours = _split_senses(kept, items[k], starts[k])
        merged = [theirs.pop(sid, mine) for sid, mine in ours.items()]
        trailing = blocks[k][len(kept) :]
        blocks[k] = head + [x for b in [*merged, *theirs.values()] for x in b] + trailing
        added += len(entry["senses"])
    head = lines[:last_source] + new_sources + lines[last_source : starts[0] - 1]
    out = head + [x for b in blocks for x in b] + tail
    terms.write_text("\n".join(out), encoding="utf-8")
    return len(new_sources), added, appended


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("fragments", type=Path, nargs="+")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args()
    rules = corpus_rules(new_forms(args.fragments), args.corpus)  # the corpus read once
    for fragment in args.fragments:
        sources, added, appended = merge(fragment, args.corpus, rules=rules)
        print(
            f"{fragment}: {sources} sources, {added} senses into hand entries, "
            f"{appended} entries appended",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
