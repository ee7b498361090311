"""Judge the annotation against a labelled set of uses (``../shared/READER-MEASURE.md``).

    python tools/judge_labelled.py [tests/data/labelled/dev.jsonl] [--show wrong|miss|all]
                                   [--where DN,DI,...] [--dictionary-only]
    python tools/judge_labelled.py tests/data/labelled/notes.jsonl [--show wrong|miss|all]

Each row of the set is one quoted use (“form”) in a report of the corpus kept aside, answered
by a reader who did not see the tool: ``need`` (Y/N), ``where`` the explanation is (DN the
report's notes, DI inline, DH its headings, P a provincial or national text, U nobody known)
and ``keys``, short fragments any right explanation must contain.

Each report is annotated whole, as ``glossary annotate`` does. A use is *right* when at least
one match covers its first quoted occurrence and every such match has a documented sense whose
gloss, expansion, members, parts and definition together contain every key (NFKC, whitespace
folded); *wrong* when one of them shows a documented sense lacking a key; otherwise a *miss*.
Headline: right / explainable (need Y, where not U); precision: right / (right + wrong).

For uses the report's notes define (DN), every occurrence of the form in the body (before the
notes) is judged too: it is right when a match covering it shows a sense holding every key.

A notes set (rows with ``at`` and ``note``: every form a report's own notes define, listed by
a reader, ``tests/data/labelled/notes.jsonl``) is judged the same way over every body use of
every form: the share of them that take the note's meaning (of a form two notes define, either
note's, each use counted once).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import glossary
from glossary.annotate import Annotation, Match
from glossary.importer import DEFAULT_CORPUS
from glossary.model import Sense

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_SET = PROJECT / "tests" / "data" / "labelled" / "dev.jsonl"
KINDS = ("DN", "DI", "DH", "P")
_SPACE = re.compile(r"\s+")


def fold(s: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", s))


def meaning(sense: Sense) -> str:
    """Everything a sense shows of what the form stands for, folded."""
    fields = [sense.gloss, sense.expansion, *sense.members, sense.definition]
    for part in sense.parts:
        fields += [part.label, *part.members]
    return fold(" ".join(fields))


@dataclass
class Use:
    id: str
    report: str
    form: str
    need: str
    where: str | None
    keys: list[str]
    meaning: str = ""

    @property
    def explainable(self) -> bool:
        return self.need == "Y" and self.where not in (None, "U")


def load_set(path: Path) -> list[Use]:
    uses = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            uses.append(
                Use(
                    row["id"],
                    row["report"],
                    row["form"],
                    row["need"],
                    row.get("where"),
                    list(row.get("keys") or []),
                    row.get("meaning", ""),
                )
            )
        except (ValueError, KeyError) as e:
            raise SystemExit(f"{path}:{n}: bad row ({e})") from None
    return uses


def covering(ann: Annotation, start: int, end: int) -> list[Match]:
    return [m for m in ann.matches if m.start < end and m.end > start]


def verdict(matches: list[Match], keys: list[str]) -> tuple[str, Sense | None]:
    """right, wrong or miss, and the sense shown (the first lacking a key when wrong)."""
    shown = [m.sense for m in matches if m.sense is not None and m.sense.documented]
    if not shown:
        return "miss", None
    want = [fold(k) for k in keys]
    lacking = [s for s in shown if not all(k in meaning(s) for k in want)]
    if lacking:
        return "wrong", lacking[0]
    if len(shown) < len(matches):
        return "miss", None  # a part of the use is shown, another is not
    return "right", shown[0]


def best(matches: list[Match], keysets: list[list[str]]) -> tuple[str, Sense | None]:
    """:func:`verdict` against each of a form's notes: right when one of them is shown."""
    found = [verdict(matches, keys) for keys in keysets]
    for want in ("right", "miss"):
        for v in found:
            if v[0] == want:
                return v
    return found[0]


def first_quoted(text: str, form: str) -> tuple[int, int] | None:
    pos = text.find(f"“{form}”")
    return None if pos < 0 else (pos + 1, pos + 1 + len(form))


_NOTES_HEAD = re.compile(
    r"^[#*\s【\[]*(?:附注|注释|名词解释|注解|注[:：]|名词注释|相关缩略语)", re.M
)


def body_end(text: str) -> int:
    """Where the body stops: the last heading of an annotation section (else the end)."""
    heads = list(_NOTES_HEAD.finditer(text))
    return heads[-1].start() if heads else len(text)


def judge_notes(path: Path, g: glossary.Glossary, show: str | None, document: bool) -> None:
    """Every body use of every form a report's notes define (a notes set)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    by_report: dict[str, list[dict[str, object]]] = defaultdict(list)
    for row in rows:
        by_report[str(row["report"])].append(row)
    tally: Counter[str] = Counter()
    forms: Counter[str] = Counter()
    for report, group in sorted(by_report.items()):
        text = (DEFAULT_CORPUS / report).read_text(encoding="utf-8")
        ann = g.annotate(text, document=document)
        # the body ends where the first note is written
        starts = [text.find(str(r["note"])[:30]) for r in group]
        stop = min((p for p in starts if p > 0), default=len(text))
        # a use inside a longer form the notes define is that form's use (两环 in 两环四纵五横)
        longer = [
            (m.start(), m.end(), str(r["form"]))
            for r in group
            for m in re.finditer(re.escape(str(r["form"])), text[:stop])
        ]
        # a form the notes define twice (能耗“双控” and 碳排放“双控”): a use takes the note's
        # meaning when it shows either note's, each use counted once
        keysets: dict[str, list[list[str]]] = defaultdict(list)
        for row in group:
            keysets[str(row["form"])].append([str(k) for k in row["keys"]])  # type: ignore[attr-defined]
        seen: set[str] = set()
        for row in group:
            form = str(row["form"])
            if form in seen:
                continue
            seen.add(form)
            verdicts = [
                best(covering(ann, m.start(), m.end()), keysets[form])
                for m in re.finditer(re.escape(form), text[:stop])
                if not any(
                    a <= m.start() and m.end() <= b and len(g) > len(form) for a, b, g in longer
                )
            ]
            if not verdicts:
                continue
            forms["forms"] += 1
            worst = (
                "wrong"
                if any(v == "wrong" for v, _ in verdicts)
                else ("miss" if any(v == "miss" for v, _ in verdicts) else "right")
            )
            forms[worst] += 1
            for v, _ in verdicts:
                tally[v] += 1
            if show and (show == "all" or worst == show):
                first = re.search(re.escape(form), text[:stop])
                assert first is not None
                got = (
                    "; ".join(
                        f"{m.surface}={m.sense.id if m.sense else '-'}"
                        for m in covering(ann, first.start(), first.end())
                    )
                    or "no match"
                )
                print(
                    f"{worst.upper():5} {report} {row['at']} “{form}” keys {keysets[form]}\n      "
                    f"note: {str(row['note'])[:70]}\n      tool: {got}"
                )
    total = sum(tally.values())
    print(
        f"{path.name}: {len(rows)} notes of {len(by_report)} reports; {forms['forms']} forms used in the body"
    )
    print(
        f"body uses taking the note's meaning: {tally['right']}/{total} ({tally['right'] / max(1, total):.1%}); "
        f"wrong {tally['wrong']}, missed {tally['miss']}"
    )
    print(
        f"forms all of whose uses are right: {forms['right']}/{forms['forms']}; "
        f"some use wrong {forms['wrong']}, some missed {forms['miss']}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("set", nargs="?", type=Path, default=DEFAULT_SET)
    ap.add_argument("--show", choices=("wrong", "miss", "all"), help="list these uses")
    ap.add_argument("--where", help="only uses of these kinds (comma-separated)")
    ap.add_argument("--dictionary-only", action="store_true", help="ignore the reports' own notes")
    ap.add_argument("--json", type=Path, help="write the per-use verdicts here")
    args = ap.parse_args()
    g = glossary.load()
    first = args.set.read_text(encoding="utf-8").split("\n", 1)[0]
    if '"note"' in first:
        judge_notes(args.set, g, args.show, not args.dictionary_only)
        return
    uses = load_set(args.set)
    by_report: dict[str, list[Use]] = defaultdict(list)
    for u in uses:
        by_report[u.report].append(u)
    kinds = set(args.where.split(",")) if args.where else None
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    shown_unneeded = 0
    body = Counter[str]()
    rows = []
    for report, group in sorted(by_report.items()):
        text = (DEFAULT_CORPUS / report).read_text(encoding="utf-8")
        ann = g.annotate(text, document=not args.dictionary_only)
        stop = body_end(text)
        for u in group:
            span = first_quoted(text, u.form)
            if span is None:
                raise SystemExit(f"{args.set}: {u.id}: “{u.form}” not in {report}")
            matches = covering(ann, *span)
            if not u.explainable:
                if u.need == "N" and any(m.sense and m.sense.documented for m in matches):
                    shown_unneeded += 1
                continue
            v, sense = verdict(matches, u.keys)
            assert u.where is not None
            tally[u.where][v] += 1
            tally["all"][v] += 1
            rows.append((u, v, sense, matches))
            if u.where == "DN":
                for m in re.finditer(re.escape(u.form), text[:stop]):
                    bv, _ = verdict(covering(ann, m.start(), m.end()), u.keys)
                    body[bv] += 1
    n = Counter(u.need for u in uses)
    where = Counter(u.where for u in uses if u.need == "Y")
    print(
        f"{args.set.name}: {len(uses)} uses in {len(by_report)} reports; need Y {n['Y']}, N {n['N']}; "
        + ", ".join(f"{k} {where[k]}" for k in (*KINDS, "U"))
    )
    print(
        f"{'kind':6} {'uses':>5} {'right':>6} {'wrong':>6} {'miss':>6} {'right%':>7} {'prec%':>7}"
    )
    for k in (*KINDS, "all"):
        t = tally[k]
        total = sum(t.values())
        prec = t["right"] / max(1, t["right"] + t["wrong"])
        print(
            f"{k:6} {total:5} {t['right']:6} {t['wrong']:6} {t['miss']:6} "
            f"{t['right'] / max(1, total):7.1%} {prec:7.1%}"
        )
    total_body = sum(body.values())
    print(
        f"body uses of a form the report's notes define: {body['right']}/{total_body} right "
        f"({body['right'] / max(1, total_body):.1%}), {body['wrong']} wrong"
    )
    print(f"uses that need no explaining shown a documented sense: {shown_unneeded}")
    if args.show:
        for u, v, _sense, matches in rows:
            if (args.show != "all" and v != args.show) or (kinds and u.where not in kinds):
                continue
            got = (
                "; ".join(
                    f"{m.surface}={m.sense.id if m.sense else '-'}"
                    + ("" if m.sense is None else f" [{meaning(m.sense)[:60]}]")
                    for m in matches
                )
                or "no match"
            )
            print(
                f"\n{u.id} {v.upper()} {u.where} “{u.form}” {u.report}\n  keys {u.keys}  "
                f"reader: {u.meaning[:80]}\n  tool: {got}"
            )
    if args.json:
        args.json.write_text(
            "".join(
                json.dumps(
                    {"id": u.id, "verdict": v, "sense": s.id if s else None}, ensure_ascii=False
                )
                + "\n"
                for u, v, s, _ in rows
            ),
            encoding="utf-8",
        )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
