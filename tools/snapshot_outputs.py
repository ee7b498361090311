"""Every output a user sees, written to a folder, to prove a change of the inside changed none.

    python tools/snapshot_outputs.py /tmp/before            # on the old code
    python tools/snapshot_outputs.py /tmp/after             # on the new code
    python tools/snapshot_outputs.py --compare /tmp/before /tmp/after

What it writes (``manifest.tsv`` names each file with its SHA-256):

- ``corpus.jsonl``: ``glossary annotate -f json`` of every report of the corpus
  (``../shared/corpus/gov``), one object per report, in path order;
- ``seeds.<format>``, ``seeds-1.<format>``: the seed reports in every annotation format (inline,
  markdown, notes, html, json), every use, and first uses only with the undocumented ones shown;
- ``one-<k>.json``, ``one-<k>.inline``, ``one-<k>-1.json``: each seed report alone, and a file of
  72 corpus reports joined, the way one document is annotated (streamed, block by block);
- ``print.md``, ``print-en.md``, ``print-region.md``: the printable glossary's Markdown (whole,
  English only, 泉州市 only);
- ``lookup.jsonl``: ``glossary lookup --json`` of 200 terms spread over the dictionary;
- ``web.jsonl``: the web API's answers (version, lookups, term searches, annotations, errors)
  and the HTML pages of the home, the browser and one term.

``--compare`` prints each file that differs, with its first differing line, and exits 1 if any.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "gov"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
FORMATS = ("inline", "markdown", "notes", "html", "json")


def _glossary(*args: str, out: Path) -> None:
    cmd = [sys.executable, "-m", "glossary", *args]
    with out.open("wb") as f:
        subprocess.run(cmd, check=True, stdout=f, stderr=subprocess.DEVNULL)


def _web(out: Path) -> None:
    from starlette.testclient import TestClient

    import glossary
    from glossary.web import create_app

    g = glossary.load()
    client = TestClient(create_app(g))
    terms = sorted(t.term for t in g.terms)
    text = SEEDS[0].read_text(encoding="utf-8")
    gets = [
        "/api/version",
        "/api/lookup?q=五化",
        "/api/lookup?q=兩個維護",
        "/api/lookup?q=没有这个词",
        "/api/terms?q=三&per_page=500",
        "/api/terms?region=泉州市&per_page=500",
        "/api/terms?numeral=5&status=documented&per_page=500",
        "/api/terms?page=0&per_page=x",
        "/",
        "/terms",
        "/terms?q=两",
        "/term/五化",
        "/term/两个维护",
        *[f"/api/lookup?q={t}" for t in terms[:: max(1, len(terms) // 100)]],
    ]
    posts = [
        {"text": text},
        {"text": text, "region": "泉州市"},
        {"text": "坚决做到“两个维护”，推进“五化”。", "region": None, "source": "s"},
        {"text": "x", "region": "不存在"},
        {"nope": 1},
    ]
    with out.open("w", encoding="utf-8") as f:
        for url in gets:
            r = client.get(url)
            f.write(json.dumps({"get": url, "status": r.status_code}, ensure_ascii=False) + "\n")
            f.write(r.text + "\n")
        for body in posts:
            r = client.post("/api/annotate", json=body)
            f.write(json.dumps({"post": body.get("region"), "status": r.status_code}) + "\n")
            f.write(r.text + "\n")
        r = client.post("/annotate", data={"text": text, "region": ""})
        f.write(json.dumps({"post": "/annotate", "status": r.status_code}) + "\n" + r.text + "\n")


def _lookups(out: Path) -> None:
    import glossary

    g = glossary.load()
    terms = sorted(t.term for t in g.terms)
    picked = terms[:: max(1, len(terms) // 200)]
    with out.open("wb") as f:
        for t in picked:
            r = subprocess.run(
                [sys.executable, "-m", "glossary", "lookup", "--json", t],
                capture_output=True,
                check=False,
            )
            f.write(r.stdout)


def snapshot(folder: Path, corpus: bool = True) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if corpus and CORPUS.is_dir():
        print("corpus …", file=sys.stderr)
        _glossary("annotate", "-f", "json", "-j", "2", str(CORPUS), out=folder / "corpus.jsonl")
    for fmt in FORMATS:
        _glossary("annotate", "-f", fmt, *map(str, SEEDS), out=folder / f"seeds.{fmt}")
        _glossary(
            "annotate",
            "--first-only",
            "--show-all",
            "-f",
            fmt,
            *map(str, SEEDS),
            out=folder / f"seeds-1.{fmt}",
        )
    # one document at a time: JSON and inline are streamed block by block
    big = Path(tempfile.gettempdir()) / "glossary-snapshot-big.txt"  # its name is in the JSON
    if CORPUS.is_dir():
        reports = sorted(CORPUS.rglob("*.md"))[::40]
        big.write_text("\n".join(r.read_text(encoding="utf-8") for r in reports), "utf-8")
    for k, doc in enumerate([*SEEDS, *([big] if big.exists() else [])]):
        for fmt in ("json", "inline"):
            _glossary("annotate", "-f", fmt, str(doc), out=folder / f"one-{k}.{fmt}")
        _glossary(
            "annotate",
            "--first-only",
            "--show-all",
            "-f",
            "json",
            str(doc),
            out=folder / f"one-{k}-1.json",
        )
    big.unlink(missing_ok=True)
    print("print …", file=sys.stderr)
    _glossary("print", "-o", "-", out=folder / "print.md")
    _glossary("print", "-o", "-", "--lang", "en", out=folder / "print-en.md")
    _glossary("print", "-o", "-", "--region", "泉州市", out=folder / "print-region.md")
    print("lookups, web …", file=sys.stderr)
    _lookups(folder / "lookup.jsonl")
    _web(folder / "web.jsonl")
    rows = [
        f"{p.name}\t{hashlib.sha256(p.read_bytes()).hexdigest()}\t{p.stat().st_size}"
        for p in sorted(folder.iterdir())
        if p.name != "manifest.tsv"
    ]
    (folder / "manifest.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print("\n".join(rows))


def compare(a: Path, b: Path) -> int:
    differ = 0
    for pa in sorted(a.iterdir()):
        if pa.name == "manifest.tsv":
            continue
        pb = b / pa.name
        if not pb.exists():
            print(f"{pa.name}: missing in {b}")
            differ += 1
            continue
        la, lb = pa.read_bytes().splitlines(), pb.read_bytes().splitlines()
        if la == lb and pa.read_bytes() == pb.read_bytes():
            print(f"{pa.name}: identical ({len(la)} lines)")
            continue
        differ += 1
        for k, (x, y) in enumerate(zip(la, lb, strict=False)):
            if x != y:
                print(f"{pa.name}: line {k + 1} differs\n  - {x[:300]!r}\n  + {y[:300]!r}")
                break
        else:
            print(f"{pa.name}: {len(la)} lines against {len(lb)}")
    return 1 if differ else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=Path, nargs="+")
    ap.add_argument("--compare", action="store_true", help="compare two snapshot folders")
    ap.add_argument("--no-corpus", action="store_true", help="skip the corpus (quick)")
    args = ap.parse_args()
    if args.compare:
        if len(args.folder) != 2:
            ap.error("--compare takes two folders")
        return compare(*args.folder)
    snapshot(args.folder[0], corpus=not args.no_corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
