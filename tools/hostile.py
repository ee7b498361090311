"""The hostile and unlucky inputs of the CLI, each run as a user would: exit code, the first
line of standard error, wall time and peak memory (a Markdown table on standard output).

    python tools/hostile.py [--mb 100]        # --mb: size of the large inputs (default 100)

Large inputs are written to a temporary folder and removed after.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "luojiang-2024-government-work-report.txt"


def glossary() -> list[str]:
    exe = Path(sys.executable).with_name("glossary")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "glossary"]


def run(args: list[str], stdin: bytes | None = None, env: dict[str, str] | None = None,
        shell: str | None = None) -> tuple[int, str, float, float]:  # fmt: skip
    """(exit code, first line of stderr, seconds, peak RSS MB) of one run in a wrapper."""
    wrapper = (
        "import resource, subprocess, sys, time, json\n"
        "cmd = json.loads(sys.argv[1]); t = time.perf_counter()\n"
        "p = subprocess.run(cmd, shell=isinstance(cmd, str), stdout=subprocess.DEVNULL,"
        " stderr=subprocess.PIPE)\n"
        "s = time.perf_counter() - t\n"
        "err = p.stderr.decode('utf-8', 'replace').strip().splitlines()\n"
        "print(json.dumps([p.returncode, err[0] if err else '', len(err), s,"
        " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024]))\n"
    )
    import json

    cmd: object = shell if shell is not None else args
    out = subprocess.run(
        [sys.executable, "-c", wrapper, json.dumps(cmd)],
        input=stdin,
        capture_output=True,
        env={**os.environ, **(env or {})},
        check=True,
    ).stdout
    code, first, lines, secs, peak = json.loads(out)
    if lines > 1:
        first += f" (+{lines - 1} more lines)"
    return code, first, secs, peak


def write_repeated(path: Path, unit: str, size: int, head: str = "", tail: str = "") -> None:
    data = unit.encode("utf-8")
    with path.open("wb") as f:
        f.write(head.encode("utf-8"))
        written = 0
        while written < size:
            f.write(data)
            written += len(data)
        f.write(tail.encode("utf-8"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=int, default=100, help="size of the large inputs in MB")
    args = ap.parse_args()
    size = args.mb * 1_000_000
    g = glossary()
    rows: list[tuple[str, tuple[int, str, float, float]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        laughs = t / "laughs.yaml"
        laughs.write_text(
            "schema: 1\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            + "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 10))
            + "terms: [*l9]\n",
            encoding="utf-8",
        )
        rows.append(("dictionary with nine levels of aliases (billion laughs)",
                     run([*g, "annotate", "--dict", str(laughs), str(SEED)])))  # fmt: skip
        big = t / "big.yaml"
        write_repeated(big, "# padding\n", 70_000_000, head="schema: 1\n")
        rows.append(("dictionary of 70 MB", run([*g, "annotate", "--dict", str(big), str(SEED)])))
        long = t / "long.yaml"
        long.write_text("schema: 1\nterms:\n  - term: " + "五" * 1_000_000 + "\n", encoding="utf-8")
        rows.append(("dictionary with a string of a million characters",
                     run([*g, "annotate", "--dict", str(long), str(SEED)])))  # fmt: skip
        flat = SEED.read_text(encoding="utf-8").replace("\n", "")
        for name, path, make in (
            (f"{args.mb} MB with no line breaks", t / "flat.txt",
             lambda p: write_repeated(p, flat, size)),
            (f"{args.mb} MB in one quotation", t / "quote.txt",
             lambda p: write_repeated(p, "五化两个维护" * 1000, size, head="推进“", tail="”。\n")),
            (f"{args.mb} MB of nothing but slogans", t / "slogans.txt",
             lambda p: write_repeated(p, "五化", size)),
        ):  # fmt: skip
            make(path)
            rows.append((name, run([*g, "annotate", "-f", "json", "-o", os.devnull,
                                    "--no-progress", str(path)])))  # fmt: skip
            path.unlink()
        rows.append(("standard input that never ends (stopped after 15 s)",
                     run([], shell=f"yes '推进“五化”，落实“两个维护”。' | timeout -s INT 15 "
                                   f"{' '.join(g)} annotate -f json -o /dev/null -")))  # fmt: skip
        cut = t / "cut.txt"
        cut.write_bytes("推进“五化”".encode() + "两".encode()[:2])
        rows.append(("a file cut inside a character", run([*g, "annotate", str(cut)])))
        binary = t / "bin.txt"
        binary.write_bytes(bytes(range(256)) * 100)
        rows.append(("a binary file named .txt", run([*g, "annotate", str(binary)])))
        tree = t / "tree"
        for name in ("a/x.txt", ".git/h.txt", "venv/lib/v.txt", "node_modules/n.md"):
            (tree / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(SEED, tree / name)
        (tree / "venv" / "pyvenv.cfg").write_text("home = /usr\n")
        (tree / "a" / "loop").symlink_to(tree)
        rows.append(("a folder with .git, a virtual environment, node_modules, a symlink loop",
                     run([*g, "annotate", "-v", "-f", "json", str(tree)])))  # fmt: skip
        fonts = t / "fonts.conf"
        fonts.write_text('<?xml version="1.0"?><fontconfig><dir>/nonexistent</dir></fontconfig>')
        rows.append(("`print -f pdf` with no font for Chinese",
                     run([*g, "print", "-f", "pdf", "-o", str(t / "g.pdf")],
                         env={"FONTCONFIG_FILE": str(fonts)})))  # fmt: skip
        rows.append(("an unknown option value", run([*g, "annotate", "-f", "pdf", str(SEED)])))
    print("| input | exit | standard error (first line) | seconds | peak MB |")
    print("|---|---:|---|---:|---:|")
    for name, (code, err, secs, peak) in rows:
        err = err.replace("|", "\\|")
        print(f"| {name} | {code} | {err} | {secs:.2f} | {peak:.0f} |")


if __name__ == "__main__":
    main()
