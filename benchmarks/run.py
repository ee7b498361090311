"""Throughput of full annotation against the raw matchers, side by side in one process.

    python benchmarks/run.py              # everything, a few minutes
    python benchmarks/run.py --quick      # smaller corpora, for a smoke run

Every matcher gets the same text and the same surface forms (every spelling the glossary's
automaton holds). Throughput is UTF-8 megabytes per second, best of --repeat runs; ratios are
against raw ahocorasick-rs measured in the same run, since these machines are noisy.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import ahocorasick_rs

import glossary
from glossary.variants import spellings

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000


def corpus(paths: list[Path], size: int) -> str:
    """The documents joined and repeated to at least ``size`` UTF-8 bytes."""
    base = "\n".join(p.read_text(encoding="utf-8") for p in paths) + "\n"
    reps = -(-size // len(base.encode("utf-8")))
    return base * reps


def generated_dictionary(n: int, seed: int = 7) -> Path:
    """A dictionary of ``n`` synthetic numeric slogans (numeral + two characters) and formulas,
    to see how cost grows with the number of terms; written to a temporary YAML file."""
    rng = random.Random(seed)
    numerals = "两三四五六七八九十"
    chars = "创建强化提升发展保障推进融合治理服务产业城市乡村生态安全民生改革开放科技人才文化"
    forms: set[str] = set()
    while len(forms) < n:
        if rng.random() < 0.15:
            forms.add("+".join(str(rng.randint(1, 9)) for _ in range(rng.randint(2, 4))))
        else:
            forms.add(
                rng.choice(numerals) + rng.choice(["个", "大", ""]) + "".join(rng.sample(chars, 2))
            )
    lines = [
        "schema: 1",
        "sources:",
        "  gen: {title: generated}",
        "regions:",
        "  中国: {}",
        "terms:",
    ]
    for i, form in enumerate(sorted(forms)):
        lines.append(f'  - term: "{form}"')
        lines.append(
            f'    senses: [{{id: "g{i}", scope: 中国, status: undocumented, '
            f"source: {{ref: gen, quote: q}}}}]"
        )
    fd, name = tempfile.mkstemp(suffix=".yaml")
    os.write(fd, "\n".join(lines).encode())
    os.close(fd)
    return Path(name)


def best(func: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    return min(times)


def patterns_of(g: glossary.Glossary) -> list[str]:
    return sorted({s for t in g.terms for f in t.forms for s in spellings(f)})


def throughput_rows(g: glossary.Glossary, text: str, repeat: int) -> list[tuple[str, float, int]]:
    """(name, seconds, matches) for full annotation and each raw matcher."""
    pats = patterns_of(g)
    rows: list[tuple[str, float, int]] = []
    ac = ahocorasick_rs.AhoCorasick(pats, matchkind=ahocorasick_rs.MATCHKIND_LEFTMOST_LONGEST)
    n = len(ac.find_matches_as_indexes(text))
    rows.append(("ahocorasick-rs raw", best(lambda: ac.find_matches_as_indexes(text), repeat), n))
    count = [0]

    def full(document: bool) -> None:
        ann = g.annotate(text, document=document)
        count[0] = len(ann.matches)

    # the dictionary's spellings only, as the raw matchers get them; then as a user gets it,
    # the text's own definitions too (the corpus is one joined text: every report's notes)
    rows.append(("glossary annotate, dictionary only", best(lambda: full(False), repeat), count[0]))
    rows.append(("glossary annotate", best(lambda: full(True), repeat), count[0]))
    try:
        import ahocorasick

        auto = ahocorasick.Automaton()
        for p in pats:
            auto.add_word(p, p)
        auto.make_automaton()
        n = sum(1 for _ in auto.iter_long(text))
        rows.append(
            ("pyahocorasick iter_long", best(lambda: list(auto.iter_long(text)), repeat), n)
        )
    except ImportError:
        pass
    try:
        from flashtext import KeywordProcessor

        kp = KeywordProcessor(case_sensitive=True)
        for p in pats:
            kp.add_keyword(p)
        n = len(kp.extract_keywords(text, span_info=True))
        rows.append(("flashtext", best(lambda: kp.extract_keywords(text, span_info=True), 1), n))
    except ImportError:
        pass
    return rows


def table(title: str, rows: list[tuple[str, float, int]], size: int) -> str:
    raw = next(s for name, s, _ in rows if name == "ahocorasick-rs raw")
    out = [
        f"\n### {title} ({size / MB:.1f} MB)\n",
        "| matcher | MB/s | × raw ahocorasick-rs | matches |",
        "|---|---:|---:|---:|",
    ]
    for name, secs, n in rows:
        out.append(f"| {name} | {size / MB / secs:.1f} | {raw / secs:.2f} | {n} |")
    annotate = next(s for name, s, _ in rows if name == "glossary annotate")
    flash = [s for name, s, _ in rows if name == "flashtext"]
    if flash:
        out.append(f"\nglossary annotate vs flashtext: {flash[0] / annotate:.1f}× faster")
    return "\n".join(out)


def load_times(repeat: int, gen10k: Path) -> str:

    def fresh_load(*paths: Path, bundled: bool = True) -> None:
        # ready to annotate: the automaton (built on first use) is part of the cost
        spellings.cache_clear()
        glossary.load(*paths, bundled=bundled).annotate("五化")

    from glossary.compiled import load_compiled

    def compiled_load() -> None:
        load_compiled.cache_clear()  # the file is read and checked again, as in a new process
        glossary.load()

    bundled = best(lambda: (load_compiled.cache_clear(), fresh_load()), repeat)
    parse_only = best(compiled_load, repeat)
    gen = best(lambda: fresh_load(gen10k, bundled=False), 1)
    exe = Path(sys.executable).with_name("glossary")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "glossary"]
    startup = best(
        lambda: subprocess.run([*cmd, "lookup", "五化"], check=True, capture_output=True), repeat
    )
    return "\n".join(
        [
            "\n### Start-up\n",
            "| what | ms | target |",
            "|---|---:|---:|",
            f"| glossary.load() bundled (compiled form read and checked) | {parse_only * 1000:.0f} | ≤ 100 |",
            f"| glossary.load() bundled + first annotate (automaton built) | {bundled * 1000:.0f} | |",
            f"| the same for a generated dictionary (OpenCC converts every form) | {gen * 1000:.0f} | |",
            f"| `glossary lookup 五化` end to end (process) | {startup * 1000:.0f} | ≤ 300 |",
        ]
    )


def peak_memory(size: int) -> str:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.txt"
        base = "\n".join(p.read_text(encoding="utf-8") for p in seeds) + "\n"
        chunk = (base * 50).encode("utf-8")
        with big.open("wb") as f:
            written = 0
            while written < size:
                f.write(chunk)
                written += len(chunk)
        exe = Path(sys.executable).with_name("glossary")
        cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "glossary"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t0 = time.perf_counter()
        subprocess.run([*cmd, "annotate", "-f", "json", "-o", os.devnull, str(big)], check=True)
        secs = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB, largest child so far
        note = "" if peak > before else " (a child before it peaked higher)"
    return "\n".join(
        [
            "\n### Large file through the CLI\n",
            "| what | value | target |",
            "|---|---:|---:|",
            f"| file size | {written / MB:.0f} MB | 200 MB |",
            f"| `glossary annotate -f json` peak RSS | {peak / 1024:.0f} MB{note} | ≤ 300 MB |",
            f"| wall time | {secs:.1f} s ({written / MB / secs:.1f} MB/s) | |",
        ]
    )


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--quick", action="store_true", help="2 MB corpora, 20 MB file, 1,000 generated terms"
    )
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best counts")
    ap.add_argument("--json", type=Path, help="also write the raw figures here")
    args = ap.parse_args()
    size = 2 * MB if args.quick else 20 * MB
    big = 20 * MB if args.quick else 200 * MB
    nterms = 1000 if args.quick else 10_000

    # the peak-memory run goes first: RUSAGE_CHILDREN keeps the largest child's peak
    print(f"python {sys.version.split()[0]}, ahocorasick-rs, {os.cpu_count()} cores")
    print(peak_memory(big), flush=True)
    g = glossary.load()
    gen_path = generated_dictionary(nterms)
    try:
        gen = glossary.load(gen_path, bundled=False)
        seeds = corpus(sorted((ROOT / "seeds").glob("*.txt")), size)
        reports = corpus(
            sorted((ROOT / "seeds").glob("*/*.md"))
            + sorted((ROOT / "tests/data/harvest-dev").glob("*.md")),
            size,
        )
        results = {}
        for title, gl, text in [
            (f"seeds corpus, bundled dictionary ({len(g)} terms)", g, seeds),
            (
                f"real reports (national, Fujian, Quanzhou, 15 other cities), bundled dictionary ({len(g)} terms)",
                g,
                reports,
            ),
            (f"seeds corpus, generated dictionary ({len(gen)} terms)", gen, seeds),
        ]:
            rows = throughput_rows(gl, text, args.repeat)
            results[title] = [(n, s, c) for n, s, c in rows]
            print(table(title, rows, len(text.encode("utf-8"))), flush=True)
        print(load_times(args.repeat, gen_path))
    finally:
        gen_path.unlink()
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
