"""Full annotation against the raw matchers, side by side in one process; results.md from it.

    python benchmarks/run.py                      # everything, about ten minutes
    python benchmarks/run.py --quick              # smaller texts, for a smoke run
    python benchmarks/run.py --corpus DIR         # the real reports to read (default: the
                                                  # corpus beside the repository, else seeds/gov)
    python benchmarks/run.py --write benchmarks/results.md

Every matcher gets the same documents, one at a time, and the same spellings (every spelling
of every form of the dictionary). Throughput is UTF-8 megabytes per second, the best of
--repeat runs (the glossary's per-document caches emptied before each); ratios are taken
within the same run, since these machines are noisy. The raw matchers only find spans:
glossary annotate also applies the boundary rules, chooses senses, builds ``Match`` objects
with code-point offsets, and (unless "dictionary only") reads the document's own definitions.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import pickle
import platform
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import ahocorasick_rs

import glossary
from glossary.importer import DEFAULT_CORPUS
from glossary.variants import spellings

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000
BYTES_DFA = "ahocorasick-rs bytes DFA"
PYAHO = "pyahocorasick iter_long"

Row = tuple[str, float, int]  # name, seconds, matches


# ----------------------------------------------------------------------------- inputs


def documents(paths: Sequence[Path], size: int) -> list[str]:
    """The documents, in order and repeated, until they hold at least ``size`` UTF-8 bytes."""
    base = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    out: list[str] = []
    total = 0
    while total < size:
        for text in base:
            out.append(text)
            total += len(text.encode("utf-8"))
            if total >= size:
                break
    return out


def corpus_paths(corpus: Path | None, seed: int = 1) -> tuple[list[Path], str]:
    """Reports of the corpus in a fixed random order (a mix of places and years)."""
    if corpus is None:
        corpus = DEFAULT_CORPUS if DEFAULT_CORPUS.is_dir() else ROOT / "seeds" / "gov"
    paths = sorted(corpus.rglob("*.md")) + sorted(corpus.rglob("*.txt"))
    random.Random(seed).shuffle(paths)
    return paths, str(corpus)


def generated_dictionary(n: int, seed: int = 7) -> Path:
    """A dictionary of ``n`` synthetic numeric slogans (numeral + two characters) and formulas,
    to see how cost grows with the number of terms; written to a temporary YAML file."""
    rng = random.Random(seed)
    numerals = "两三四五六七八九十"
    chars = "创建强化提升发展保障推进融合治理服务产业城市乡村生态安全民生改革开放科技人才文化"
    forms: set[str] = set()
    while len(forms) < n:
        if rng.random() < 0.15:
            forms.add("+".join(str(rng.randint(1, 9)) for _ in range(rng.randint(2, 5))))
        else:
            forms.add(
                rng.choice(numerals)
                + rng.choice(["个", "大", "项", ""])
                + "".join(rng.sample(chars, rng.randint(1, 3)))
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


# ----------------------------------------------------------------------------- measuring


def best(
    func: Callable[[], object], repeat: int, before: Callable[[], None] = lambda: None
) -> float:
    times = []
    for _ in range(repeat):
        before()
        gc.collect()
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    return min(times)


def rss_mb() -> float:
    """Resident memory of this process now."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MB


def patterns_of(g: glossary.Glossary) -> list[str]:
    return sorted({s for t in g.terms for f in t.forms for s in spellings(f)})


def cold(g: glossary.Glossary) -> None:
    """Empty the per-document caches (sense choices per place and year, quotations read),
    so that every run pays for them as a run over unseen reports does."""
    g._static.clear()
    g._by_held.clear()
    m = g._matcher
    m._quote_cache.clear()
    m._inner_cache.clear()


def throughput(
    g: glossary.Glossary, docs: list[str], repeat: int
) -> tuple[list[Row], list[tuple[str, float, float]]]:
    """(name, seconds, matches) per matcher, and (name, build seconds, memory MB) per automaton."""
    pats = patterns_of(g)
    data = [d.encode("utf-8") for d in docs]
    rows: list[Row] = []
    builds: list[tuple[str, float, float]] = []

    def built(name: str, make: Callable[[], Any]) -> Any:
        gc.collect()
        before = rss_mb()
        t0 = time.perf_counter()
        obj = make()
        builds.append((name, time.perf_counter() - t0, rss_mb() - before))
        return obj

    from glossary.matcher import Matcher
    from glossary.readers import WORDS as MARKS

    built(
        "glossary (spellings, rules, automata)",
        lambda: Matcher(g.terms, blockers=g.dictionary.not_slogans, marks=MARKS),
    )
    count = [0]

    def full(document: bool) -> None:
        n = 0
        for d in docs:
            n += len(g.annotate(d, document=document).matches)
        count[0] = n

    g.annotate(docs[0])  # the automaton is built before timing
    rows.append(("glossary annotate", best(lambda: full(True), repeat, lambda: cold(g)), count[0]))
    rows.append(
        (
            "glossary annotate, dictionary only",
            best(lambda: full(False), repeat, lambda: cold(g)),
            count[0],
        )
    )
    kind = ahocorasick_rs.MATCHKIND_LEFTMOST_LONGEST
    dfa = built(
        BYTES_DFA,
        lambda: ahocorasick_rs.BytesAhoCorasick(
            [p.encode("utf-8") for p in pats],
            matchkind=kind,
            implementation=ahocorasick_rs.Implementation.DFA,
        ),
    )
    rows.append(
        (
            BYTES_DFA,
            best(lambda: [dfa.find_matches_as_indexes(b) for b in data], repeat),
            sum(len(dfa.find_matches_as_indexes(b)) for b in data),
        )
    )
    ac = built("ahocorasick-rs str", lambda: ahocorasick_rs.AhoCorasick(pats, matchkind=kind))
    rows.append(
        (
            "ahocorasick-rs str",
            best(lambda: [ac.find_matches_as_indexes(d) for d in docs], repeat),
            sum(len(ac.find_matches_as_indexes(d)) for d in docs),
        )
    )
    try:
        import ahocorasick

        def make_auto() -> Any:
            auto = ahocorasick.Automaton()
            for p in pats:
                auto.add_word(p, p)
            auto.make_automaton()
            return auto

        auto = built(PYAHO, make_auto)
        rows.append(
            (
                PYAHO,
                best(lambda: [list(auto.iter_long(d)) for d in docs], repeat),
                sum(1 for d in docs for _ in auto.iter_long(d)),
            )
        )
    except ImportError:
        pass
    try:
        from flashtext import KeywordProcessor

        def make_kp() -> Any:
            kp = KeywordProcessor(case_sensitive=True)
            for p in pats:
                kp.add_keyword(p)
            return kp

        kp = built("flashtext", make_kp)
        n = sum(len(kp.extract_keywords(d, span_info=True)) for d in docs)
        rows.append(
            (
                "flashtext",
                best(lambda: [kp.extract_keywords(d, span_info=True) for d in docs], 1),
                n,
            )
        )
    except ImportError:
        pass
    return rows, builds


def throughput_table(title: str, rows: list[Row], size: int, ndocs: int) -> str:
    secs = {name: s for name, s, _ in rows}
    dfa, pyaho = secs.get(BYTES_DFA), secs.get(PYAHO)
    out = [
        f"\n### {title}: {ndocs} documents, {size / MB:.1f} MB\n",
        "| matcher | MB/s | × bytes DFA | × pyahocorasick | matches |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, s, n in rows:
        vs_dfa = f"{dfa / s:.2f}" if dfa else ""
        vs_pyaho = f"{pyaho / s:.2f}" if pyaho else ""
        out.append(f"| {name} | {size / MB / s:.1f} | {vs_dfa} | {vs_pyaho} | {n:,} |")
    return "\n".join(out)


def build_table(title: str, builds: list[tuple[str, float, float]]) -> str:
    out = [f"\n{title}\n", "| automaton | build ms | memory MB |", "|---|---:|---:|"]
    out += [f"| {name} | {s * 1000:.0f} | {mem:.1f} |" for name, s, mem in builds]
    return "\n".join(out)


# ----------------------------------------------------------------------------- processes


def glossary_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("glossary")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "glossary"]


def timed_run(cmd: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS MB) of a command (its own peak, via a wrapper process)."""
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter(); subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
        "s = time.perf_counter() - t\n"
        "print(s, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", wrapper, *cmd], check=True, capture_output=True, text=True
    ).stdout.split()
    return float(out[0]), float(out[1])


def startup(repeat: int) -> str:
    """load(), lookup end to end, and a worker's start: unpickle a Glossary, annotate a report."""
    from glossary.compiled import load_compiled

    def compiled_load() -> None:
        load_compiled.cache_clear()  # the file is read and checked again, as in a new process
        glossary.load()

    load_ms = best(compiled_load, repeat) * 1000
    lookup_ms = (
        best(
            lambda: subprocess.run(
                [*glossary_cmd(), "lookup", "五化"], check=True, capture_output=True
            ),
            repeat,
        )
        * 1000
    )
    seed = ROOT / "seeds" / "luojiang-2024-government-work-report.txt"
    worker = (
        "import pickle, sys, time\n"
        "import glossary\n"  # the package imported, as a pool worker has it
        "data = open(sys.argv[1], 'rb').read(); text = open(sys.argv[2], encoding='utf-8').read()\n"
        "t = time.perf_counter(); g = pickle.loads(data); u = time.perf_counter()\n"
        "g.annotate(text); v = time.perf_counter()\n"
        "print((u - t) * 1000, (v - u) * 1000)\n"
    )
    with tempfile.NamedTemporaryFile(suffix=".pickle", delete=False) as f:
        f.write(pickle.dumps(glossary.load()))
    try:
        runs = [
            subprocess.run(
                [sys.executable, "-c", worker, f.name, str(seed)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout.split()
            for _ in range(repeat)
        ]
    finally:
        os.unlink(f.name)
    unpickle, first = min(((float(a), float(b)) for a, b in runs), key=sum)
    return "\n".join(
        [
            "\n### Start-up\n",
            "| what | ms | target |",
            "|---|---:|---:|",
            f"| `glossary.load()` (compiled form read and checked) | {load_ms:.0f} | ≤ 100 |",
            f"| `glossary lookup 五化` end to end (a process) | {lookup_ms:.0f} | ≤ 300 |",
            f"| worker: unpickle a Glossary | {unpickle:.0f} | |",
            f"| worker: first annotation of a report (automaton built) | {first:.0f} | |",
            f"| worker start-up, both | {unpickle + first:.0f} | ≤ 200 |",
        ]
    )


def scaling(paths: list[Path], n: int) -> str:
    """The CLI over ``n`` reports with -j 1 and -j 2: time, peak memory, identical output."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        for i, p in enumerate(paths[:n]):
            (folder / f"{i:04d}{p.suffix}").symlink_to(p.resolve())
        size = sum(p.stat().st_size for p in paths[:n])
        tiny = Path(tmp) / "tiny.txt"
        tiny.write_text("推进“五化”。\n", encoding="utf-8")
        start, _ = min(
            timed_run([*glossary_cmd(), "annotate", "-f", "json", "--no-progress", str(tiny)])
            for _ in range(3)
        )
        results = []
        outputs = []
        for jobs in (1, 2):
            out = Path(tmp) / f"out{jobs}.jsonl"
            cmd = [*glossary_cmd(), "annotate", "-f", "json", "-j", str(jobs), "-o", str(out)]
            runs = [timed_run([*cmd, "--no-progress", str(folder)]) for _ in range(2)]
            results.append(min(runs))
            outputs.append(out.read_bytes())
        # the same reports as ONE document (its own definitions hold from their block on)
        joined = Path(tmp) / "joined.md"
        with joined.open("wb") as f:
            for p in paths[:n]:
                f.write(p.read_bytes().rstrip(b"\n") + b"\n")
        one_out = str(Path(tmp) / "joined.jsonl")
        one = [*glossary_cmd(), "annotate", "-f", "json", "-o", one_out, "--no-progress"]
        t_one, m_one = min(timed_run([*one, str(joined)]) for _ in range(2))
    (t1, m1), (t2, m2) = results
    same = "identical" if outputs[0] == outputs[1] else "DIFFERENT"
    return "\n".join(
        [
            f"\n### Many documents: `glossary annotate -f json -j N` over {n} reports "
            f"({size / MB:.1f} MB)\n",
            "| jobs | seconds | MB/s | peak RSS MB (largest process) |",
            "|---:|---:|---:|---:|",
            f"| 1 | {t1:.2f} | {size / MB / t1:.1f} | {m1:.0f} |",
            f"| 2 | {t2:.2f} | {size / MB / t2:.1f} | {m2:.0f} |",
            f"\nscaling 1 → 2 processes: {t1 / t2:.2f}× end to end (target ≥ 1.7); "
            f"{(t1 - start) / (t2 - start):.2f}× after the start-up of one process "
            f"({start:.2f} s: Python, imports, the dictionary loaded; `annotate` of one line); "
            f"output {same}",
            f"\nThe same {n} reports joined as one document: {t_one:.2f} s, peak RSS "
            f"{m_one:.0f} MB: {t1 / t_one:.2f}× the speed of `-j 1` over the files (target ≥ 0.9)",
        ]
    )


def big_file(size: int) -> str:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.txt"
        base = "\n".join(p.read_text(encoding="utf-8") for p in seeds) + "\n"
        chunk = (base * 50).encode("utf-8")
        written = 0
        with big.open("wb") as f:
            while written < size:
                f.write(chunk)
                written += len(chunk)
        secs, peak = timed_run(
            [*glossary_cmd(), "annotate", "-f", "json", "-o", os.devnull, "--no-progress", str(big)]
        )
    return "\n".join(
        [
            "\n### One large file through the CLI\n",
            "| what | value | target |",
            "|---|---:|---:|",
            f"| file size | {written / MB:.0f} MB | |",
            f"| `glossary annotate -f json` peak RSS | {peak:.0f} MB | ≤ 300 MB |",
            f"| wall time | {secs:.1f} s ({written / MB / secs:.1f} MB/s) | |",
        ]
    )


def inference(g: glossary.Glossary, docs: list[str], repeat: int) -> str:
    """Region inference with the whole gazetteer and with the provinces only: one automaton,
    so the cost should not follow the number of places."""
    from glossary.gazetteer import ROOT as NATION
    from glossary.resolve import Regions

    full = g.dictionary.regions
    provinces = {k: r for k, r in full.items() if k == NATION or r.parent == NATION}
    out = ["\n### Region inference (one automaton over the place names)\n"]
    out += ["| gazetteer | places | µs per document |", "|---|---:|---:|"]
    for name, regions in (("provinces only", provinces), ("all of China", full)):
        r = Regions(regions)
        r.infer(docs[0])  # its automaton is built before timing
        secs = best(lambda r=r: [r.infer(d) for d in docs], repeat)
        out.append(f"| {name} | {len(regions):,} | {secs / len(docs) * 1e6:.0f} |")
    return "\n".join(out)


# ----------------------------------------------------------------------------- main


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--quick", action="store_true", help="2 MB texts, 1,000 generated terms")
    ap.add_argument("--corpus", type=Path, help="a folder of real reports (.md/.txt)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best counts")
    ap.add_argument("--write", type=Path, help="write the report (Markdown) to this file")
    ap.add_argument("--json", type=Path, help="also write the raw figures here")
    args = ap.parse_args()
    size = 2 * MB if args.quick else 20 * MB
    nterms = 1000 if args.quick else 20_000
    ndocs = 50 if args.quick else 500

    parts: list[str] = []

    def say(text: str) -> None:
        print(text, flush=True)
        parts.append(text)

    say(
        f"One run of `python benchmarks/run.py{' --quick' if args.quick else ''}` on "
        f"{time.strftime('%Y-%m-%d')}: Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, glossary {glossary.__version__} "
        f"({glossary.build_kind()})."
    )
    g = glossary.load()
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    paths, corpus_name = corpus_paths(args.corpus)
    say(
        f"Real reports from `{corpus_name}` ({len(paths):,} files), taken in a fixed shuffled order."
    )
    texts = [
        (
            f"dense seeds (the five seed reports), bundled dictionary ({len(g):,} terms)",
            g,
            documents(seeds, size),
        ),
        (f"real reports, bundled dictionary ({len(g):,} terms)", g, documents(paths, size)),
    ]
    gen_path = generated_dictionary(nterms)
    figures: dict[str, Any] = {}
    try:
        gen = glossary.load(gen_path, bundled=False)
        texts.append(
            (f"dense seeds, generated dictionary ({len(gen):,} terms)", gen, documents(seeds, size))
        )
        for title, gl, docs in texts:
            rows, builds = throughput(gl, docs, args.repeat)
            figures[title] = {"rows": rows, "builds": builds}
            nbytes = sum(len(d.encode("utf-8")) for d in docs)
            say(throughput_table(title, rows, nbytes, len(docs)))
            say(build_table("Building the automata for these spellings:", builds))
    finally:
        gen_path.unlink()
    say(inference(g, documents(paths, size // 4), args.repeat))
    say(startup(args.repeat))
    say(scaling(paths, ndocs))
    say(big_file(20 * MB if args.quick else 100 * MB))
    if args.write:
        head = "# Benchmark results\n\nGenerated by `benchmarks/run.py` (do not edit by hand).\n\n"
        args.write.write_text(head + "\n".join(parts).lstrip() + "\n", encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
