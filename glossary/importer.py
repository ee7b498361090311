"""The public record into the dictionary: every annotation note of a corpus of reports
becomes a sense, scoped to the issuer, dated by the report, citing the note verbatim.

    python tools/build_data.py [--corpus CORPUS]   # writes data/imported/*.yaml, copies
                                                   # the reports cited into seeds/gov/

The corpus is laid out as ``政府工作报告-<level>/<place>/<year>.md`` (the path names issuer
and year), beside ``五年规划/`` and ``政府工作报告-国务院/`` (national documents). A slice of
reports, chosen by a hash of the path (``is_held_out``), is never imported: it is kept to
measure the dictionary on text it was not built from.

One form, many senses, decided by evidence (``alike``): notes that give a form the same
meaning are one sense. A meaning is national (scope 中国) when a national document gives it, or
two provinces and no rival meaning, or three provinces and twice the reports of any rival;
otherwise it belongs to each province that gives it (the nearest region holding its issuers
there). A place whose meaning changed over the years gets one sense per meaning with
``since``/``until``; a national or provincial meaning of a form that clearly means other things
elsewhere holds only near its cue words. A list in a report's body (垃圾、污水、厕所“三大革命”)
or a definition beside the form is weaker evidence: of three members or more, and where no note
gives its meaning, only when the bodies of reports of two places read it alike. Hand-curated entries (data/terms.yaml) win: a sense is
not imported where the hand dictionary documents the form in the same scope.

>>> a = Note.for_test("三区三线", "城镇空间、农业空间、生态空间三种类型空间，以及城镇开发边界、永久基本农田、生态保护红线三条控制线。")
>>> b = Note.for_test("三区三线", "指城镇空间、农业空间、生态空间和城镇开发边界、永久基本农田保护红线、生态保护红线。")
>>> c = Note.for_test("三区三线", "指老城区、新城区、开发区三个片区和三条发展主线。")
>>> alike(a, b), alike(a, c)
(True, False)
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import math
import re
import shutil
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .dictionary import load_dictionaries
from .gazetteer import ROOT
from .harvest import harvest_report
from .model import Dictionary
from .numerals import NUMERAL_CHARS, leading_count
from .quotes import fold_for_quote
from .readers import Candidate, counted, slogan_term
from .resolve import Regions

__all__ = [
    "HELD_OUT_PERCENT",
    "CorpusReport",
    "Note",
    "alike",
    "corpus_reports",
    "is_held_out",
    "similarity",
]

HELD_OUT_PERCENT = 12  # reports kept out of the import, to measure on unseen text
# where a checkout of the repository finds the corpus (beside it, in ../shared): read only
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "gov"
OUT_DIR = "data/imported"
SEEDS_DIR = "seeds/gov"

# ---------------------------------------------------------------------------- the corpus


@dataclass(frozen=True, slots=True)
class CorpusReport:
    """One report of the corpus, with the issuer and year its path names."""

    path: Path
    rel: str  # the path inside the corpus: the report's name
    issuer: str  # a place name as the path gives it (中国 for national documents)
    year: int | None

    @property
    def held_out(self) -> bool:
        return is_held_out(self.rel)


def is_held_out(rel: str) -> bool:
    """True for the fixed slice of reports the import never reads (a hash of the path)."""
    digest = hashlib.sha256(rel.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % 100 < HELD_OUT_PERCENT


def corpus_reports(root: Path = DEFAULT_CORPUS) -> Iterator[CorpusReport]:
    """Every report of the corpus in path order."""
    for path in sorted(root.rglob("*.md")):
        rel = path.relative_to(root).as_posix()
        parts = rel.split("/")
        m = re.match(r"(\d{4})", parts[-1])
        year = int(m.group(1)) if m else None
        national = not (parts[0].startswith("政府工作报告-") and len(parts) == 3)
        yield CorpusReport(path, rel, ROOT if national else parts[1], year)


_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def front_matter(text: str) -> dict[str, str]:
    """The ``key: value`` lines of a report's front matter (source address, title)."""
    m = _FRONT.match(text)
    out: dict[str, str] = {}
    if m:
        for line in m.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep:
                out[key.strip()] = value.strip()
    return out


def report_date(text: str, year: int | None) -> str:
    """The date the report was delivered, from its head, else its year."""
    for m in _DATE.finditer(text[:800]):
        y, mo, d = (int(g) for g in m.groups())
        if year is None or abs(y - year) <= 1:
            try:
                return _dt.date(y, mo, d).isoformat()
            except ValueError:
                break
    return str(year) if year else ""


# ---------------------------------------------------------------------------- notes


@dataclass(frozen=True, slots=True)
class Note:
    """One annotation note of one report, ready to become (part of) a sense."""

    term: str
    definition: str
    members: tuple[str, ...]
    parts: tuple[tuple[str, tuple[str, ...]], ...]
    at: str
    quote: str
    source: str  # the source key of its report
    region: str  # the issuer's region key
    province: str  # the province-level region above it (中国 for national documents)
    level: int  # 1 national, 2 province, 3 prefecture, 4 county
    year: int
    key: str = field(default="", compare=False)  # the folded definition, for comparison
    reading: bool = False  # read in the report's body (a list, “X”（…）), not in its notes

    @classmethod
    def for_test(cls, term: str, definition: str, region: str = "成都市") -> Note:
        return cls(term, definition, (), (), "", definition, "t", region, "", 3, 2024)


# numerals that count (零 in 零就业家庭 states no list)
_COUNTING = "".join(sorted(NUMERAL_CHARS - {"零", "〇"}))


# what the import reads: the notes, and the body's inline definitions and lists (those only
# where the reports of two places read alike: ``build_senses``); not headings
_IMPORTED = frozenset({"note", "inline", "list"})
BODY_ISSUERS = 2  # places whose reports must read a body definition alike
# a pair before a 双-form is as often what it is about (新城新区建设和城市“双修”): not imported
BODY_MEMBERS = 3


# 重点实施能源绿色低碳转型、节能降碳增效等10大行动: two of ten named, the rest left to 等
_PARTIAL = re.compile(r"等(\d+|[一二两三四五六七八九十]+)(?:大|个|项|类|条|方面)")


def read_notes(
    reports: Iterable[CorpusReport], regions: Regions
) -> tuple[list[Note], dict[str, dict[str, Any]], Counter[str]]:
    """Every usable note of ``reports``, the source entry of each report that gave one, and
    the count of notes left out by reason."""
    notes: list[Note] = []
    sources: dict[str, dict[str, Any]] = {}
    skipped: Counter[str] = Counter()
    partial: set[int] = set()  # the indexes of notes that name only some of their members
    for report in reports:
        text = report.path.read_text(encoding="utf-8", errors="replace")
        cands = [c for c in harvest_report(text).candidates if c.kind in _IMPORTED]
        if not cands:
            continue
        region = regions.canonical(report.issuer)
        if region is None or report.year is None:
            skipped["issuer not a known region"] += len(cands)
            continue
        chain = regions.ancestors(region)
        key = f"{region}-{Path(report.rel).stem}"
        used = 0
        for c in cands:
            term = slogan_term(c)
            if term is None:
                skipped["label is not one term"] += 1
                continue
            members, parts = counted(term, c)
            reading = c.kind != "note"
            if reading and len(members) < BODY_MEMBERS and not parts:
                skipped["body reading of fewer than three members"] += 1
                continue
            part = _PARTIAL.search(c.definition)
            if part and len(members) < (leading_count(part.group(1)) or 0):
                partial.add(len(notes))
            notes.append(
                Note(
                    term=term,
                    definition="、".join(members) if reading and members else c.definition,
                    members=members,
                    parts=parts,
                    at=_body_at(text, c) if reading else c.where,
                    quote=c.quote or c.definition,  # a note whose first line is only its label
                    source=key,
                    region=region,
                    province=_province(region, regions),
                    level=len(chain),
                    year=report.year,
                    key=_fold_definition(term, c.definition),
                    reading=reading,
                )
            )
            used += 1
        if used:
            front = front_matter(text)
            sources[key] = {
                "title": front.get("title") or f"{report.year}年{region}政府工作报告",
                "issuer": "国务院" if region == ROOT else f"{region}人民政府",
                "date": report_date(text, report.year),
                "url": front.get("source") or None,
                "file": f"{SEEDS_DIR}/{report.rel}",
                "_path": str(report.path),
            }
    # a partial note gives way to a note of the same form that names all its members
    whole = {n.term for i, n in enumerate(notes) if i not in partial}
    dropped = {i for i in partial if notes[i].term in whole}
    skipped["names only some of the members another note names"] += len(dropped)
    return [n for i, n in enumerate(notes) if i not in dropped], sources, skipped


def _body_at(text: str, c: Candidate) -> str:
    """Where a body reading stands, for a reader of the report: 正文第N行（列举）."""
    line = text.count("\n", 0, c.start) + 1
    return f"正文第{line}行（{'列举' if c.kind == 'list' else '释义'}）"


# ---------------------------------------------------------------------------- alike

_FILLER = re.compile(r"^(?:是指|即是|即|指的是|指|主要是|主要包括|包括)")


def _fold_definition(term: str, definition: str) -> str:
    text = fold_for_quote(definition)
    text = text.replace(fold_for_quote(term), "")
    return _FILLER.sub("", text)


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


# how much of the shorter definition's character pairs the other must share: a slogan that
# states a count means its list, so the bar is higher there (judged pairs: README)
ALIKE_OVERLAP = 0.3  # a term without numerals (海绵城市, 河长制)
ALIKE_COUNTED = 0.6  # a Chinese numeral slogan (三重一大, 清四乱)
ALIKE_FORMULA = 0.7  # a formula or code (1+3+N, 5511, 9+3): a local programme's list
_FORMULA = re.compile(r"[0-9０-９A-Za-zＡ-Ｚａ-ｚ+＋·.]+")
_NUMERAL = re.compile(f"[{_COUNTING}0-9０-９]")


def pair_weights(notes: Iterable[Note]) -> dict[str, float]:
    """Inverse document frequency of each character pair over every definition, to rank cue
    words: a pair most definitions share (建设, 发展) says little; one few share (疫情) much."""
    df: Counter[str] = Counter()
    n = 0
    for note in notes:
        df.update(_bigrams(note.key or _fold_definition(note.term, note.definition)))
        n += 1
    return {g: math.log((n + 1) / (c + 1)) + 1.0 for g, c in df.items()}


# what a note may put before a member without changing it: 学习中共党史, 是党史, 中国共产党党史
_MEMBER_LEAD = re.compile(r"^(?:是指|是|即|指|学习|加强|推进|坚持|中国共产党|中共|党的)")


def _member_core(member: str) -> str:
    core = _MEMBER_LEAD.sub("", fold_for_quote(member))
    return core if len(core) >= 2 else fold_for_quote(member)


def _members_agree(a: Sequence[str], b: Sequence[str], strict: bool = False) -> bool:
    """Every member of the shorter list is in the other (one wording inside the other's, once
    the words a note may put before a member are set aside: 学习中共党史 and 中国共产党党史 are
    both 党史). ``strict`` (two lists read in bodies): as many members, each inside one at least
    half its length (城市 is no member of 全省城市建设)."""
    fa = [_member_core(x) for x in a]
    fb = [_member_core(x) for x in b]
    small, big = (fa, fb) if len(fa) <= len(fb) else (fb, fa)
    if strict:
        return len(fa) == len(fb) and all(
            any(_inside(x, y) or _inside(y, x) for y in big) for x in small
        )
    return all(any(x in y or y in x for y in big) for x in small)


def _inside(x: str, y: str) -> bool:
    return x in y and 2 * len(x) >= len(y)


def alike(a: Note, b: Note) -> bool:
    """Do two notes give a form the same meaning? The rule, in README:

    when both enumerate members, every member of the shorter list is in the other (a list
    changed by one item is another meaning); otherwise the character pairs the two folded
    definitions share (the term itself and lead-ins like 是指 removed) make up at least
    ALIKE_OVERLAP of the shorter definition's pairs — ALIKE_COUNTED for a slogan with a
    numeral, ALIKE_FORMULA for a formula or code of digits.
    """
    if a.members and b.members:
        return _members_agree(a.members, b.members, strict=a.reading and b.reading)
    bar = (
        ALIKE_FORMULA
        if _FORMULA.fullmatch(a.term)
        else ALIKE_COUNTED
        if _NUMERAL.search(a.term)
        else ALIKE_OVERLAP
    )
    return similarity(a, b) >= bar


def similarity(a: Note, b: Note) -> float:
    """The share of the shorter definition's character pairs found in the other."""
    ka = a.key or _fold_definition(a.term, a.definition)
    kb = b.key or _fold_definition(b.term, b.definition)
    if ka == kb:
        return 1.0
    ga, gb = _bigrams(ka), _bigrams(kb)
    if not ga or not gb:
        return 0.0
    return len(ga & gb) / min(len(ga), len(gb))


def _authority(n: Note) -> tuple[bool, int, int]:
    """Notes before body readings, higher issuers first, then the most recent report."""
    return (n.reading, n.level, -n.year)


def cluster(notes: Sequence[Note]) -> list[list[Note]]:
    """Notes of one form grouped by meaning: each note joins the first group whose leading
    (most authoritative) note it is alike to."""
    groups: list[list[Note]] = []
    for note in sorted(notes, key=_authority):
        for group in groups:
            if alike(group[0], note):
                group.append(note)
                break
        else:
            groups.append([note])
    return groups


# ---------------------------------------------------------------------------- senses


def _common_region(group: Sequence[Note], regions: Regions) -> str:
    """The nearest region that holds every issuer of ``group``."""
    common: list[str] | None = None
    for n in group:
        chain = regions.ancestors(n.region)
        common = chain if common is None else [r for r in common if r in chain]
    return (common or [ROOT])[0]


def _national(group: Sequence[Note], groups: Sequence[Sequence[Note]]) -> bool:
    """Is this meaning the nation's? When a national document gives it; or when reports of
    two provinces give it and no report gives the form another meaning; or when reports of
    three provinces give it and at least twice as many reports' notes as any other meaning.
    A report's body (a list) shows where a meaning holds but weighs against no other: a
    meaning only bodies give is no rival."""
    provinces = {n.province for n in group}
    if ROOT in provinces:
        return True
    if len(provinces) < 2:
        return False
    others = [_noted_reports(g) for g in groups if g is not group and _noted(g)]
    if not others:
        return True
    return len(provinces) >= 3 and _noted_reports(group) >= 2 * max(others)


def _scoped(
    groups: Sequence[list[Note]], regions: Regions
) -> dict[str, list[tuple[list[Note], int]]]:
    """Each meaning under the scope it holds in: the nation, or else each province apart
    (the nearest region holding its issuers there); with the index of its meaning."""
    out: dict[str, list[tuple[list[Note], int]]] = defaultdict(list)
    for k, g in enumerate(groups):
        if _national(g, groups):
            out[ROOT].append((g, k))
            continue
        by_province: dict[str, list[Note]] = defaultdict(list)
        for n in g:
            by_province[n.province].append(n)
        for part in by_province.values():
            out[_common_region(part, regions)].append((part, k))
    return out


CUES = 8  # cue words kept for a sense that needs one
RIVAL = 0.2  # below this share of character pairs, two meanings are clearly not one


_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def _cue_pairs(n: Note) -> set[str]:
    """The character pairs of a definition's words, none across a separator (汇聚、卓越 gives no
    聚卓), the form itself left out."""
    text = _FILLER.sub("", n.definition.replace(n.term, "、").lstrip("、，：:"))
    return {p for run in _HAN_RUN.findall(text) for p in _bigrams(run)}


def _cues(
    group: Sequence[Note], rivals: Iterable[Sequence[Note]], weights: dict[str, float], term: str
) -> list[str]:
    """Words that tell this meaning from the form's others: the character pairs of its
    definitions that no rival definition has, the most shared within the group first, then
    the rarest (疫情 for the epidemic-and-economy 两手抓, 执法 for the law-enforcement 三项制度)."""
    rival: set[str] = set()
    for g in rivals:
        for n in g:
            rival |= _cue_pairs(n)
    own: Counter[str] = Counter()
    for n in group:
        own.update(_cue_pairs(n))
    chars = set(term)
    found = [g for g in own if g not in rival and not (set(g) & chars)]
    found.sort(key=lambda g: (-own[g], -weights.get(g, 1.0), g))
    return found[:CUES]


def _citation(n: Note) -> dict[str, str]:
    return {"ref": n.source, "at": n.at, "quote": n.quote}


def _sense(term: str, sid: str, scope: str, group: Sequence[Note]) -> dict[str, Any]:
    first = group[0]
    if first.reading:  # bodies alone: the barest wording (疫情防控, not 奋力夺取疫情防控)
        first = min(group, key=lambda n: (sum(map(len, n.members)), _authority(n)))
    sense: dict[str, Any] = {"id": sid, "scope": scope}
    if first.parts:
        sense["parts"] = [{"label": label, "members": list(m)} for label, m in first.parts]
    elif first.members:
        sense["members"] = list(first.members)
    sense["definition"] = first.definition
    sense["since"] = min(n.year for n in group)
    # one citation per report, the most authoritative first; a body reading only where it
    # shows a province none before shows, or is one of the two that make a meaning alone
    # (the evidence, not every report alike)
    seen: set[str] = set()
    shown: set[str] = set()
    cites: list[dict[str, str]] = []
    for n in group:
        if n.source not in seen and not (
            n.reading and n.province in shown and len(cites) >= BODY_ISSUERS
        ):
            seen.add(n.source)
            shown.add(n.province)
            cites.append(_citation(n))
    sense["source"] = cites if len(cites) > 1 else cites[0]
    return sense


@dataclass
class Imported:
    """What an import produced, for the files and the closing figures."""

    terms: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # term -> senses
    match: dict[str, str] = field(default_factory=dict)  # term -> match rule
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    decisions: list[tuple[str, Note, Note, bool]] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)


def _noted(group: Sequence[Note]) -> bool:
    """Does some note (not only a report's body) give this meaning?"""
    return not all(n.reading for n in group)


def _noted_reports(group: Sequence[Note]) -> int:
    return len({n.source for n in group if not n.reading})


def _agreed(group: Sequence[Note]) -> bool:
    """A meaning some note gives, or that the bodies of reports of two places give alike."""
    return _noted(group) or len({n.region for n in group}) >= BODY_ISSUERS


def build_senses(notes: Sequence[Note], regions: Regions, hand: Dictionary) -> Imported:
    """Group every note by form and meaning into senses (see the module's rule)."""
    out = Imported()
    hand_forms = {f: t for t in hand.terms for f in t.forms}
    taken = {s.id for t in hand.terms for s in t.senses}
    blocked = set(hand.not_slogans)
    weights = pair_weights(notes)
    by_term: dict[str, list[Note]] = defaultdict(list)
    for n in notes:
        if n.term in blocked:
            out.skipped["decided not a slogan"] += 1
            continue
        owner = hand_forms.get(n.term)
        by_term[owner.term if owner else n.term].append(n)
    for term, group_notes in sorted(by_term.items()):
        owner = hand_forms.get(term)
        hand_scopes = {s.scope for s in owner.senses if s.documented} if owner else set()
        # the nation's meanings as the hand gives them: a place's note alike one of them is
        # that meaning, not a local one (a region-wide standard is not scoped to one city)
        national = [
            Note(term, s.definition, s.members, (), "", s.definition, "", ROOT, ROOT, 1, 0)
            for s in (owner.senses if owner else ())
            if s.scope == ROOT and s.documented and not s.cued and s.definition
        ]
        if national:
            kept = [n for n in group_notes if not any(alike(h, n) for h in national)]
            out.skipped["alike a national hand sense"] += len(group_notes) - len(kept)
            group_notes = kept
            if not group_notes:
                continue
        groups = cluster(group_notes)
        # a body reading alone is one report's wording: a meaning holds when a note gives it
        # or the bodies of reports of two places read it alike
        agreed = [_agreed(g) for g in groups]
        out.skipped["body reading no other place's report gives"] += sum(
            len(g) for g, ok in zip(groups, agreed, strict=True) if not ok
        )
        groups = [g for g, ok in zip(groups, agreed, strict=True) if ok]
        if not groups:
            continue
        for g in groups:  # every decision a group's lead made, for the hand check
            out.decisions.extend((term, g[0], n, True) for n in g[1:])
        for i, g in enumerate(groups):
            for other in groups[i + 1 :]:
                out.decisions.append((term, g[0], other[0], False))
        by_scope = _scoped(groups, regions)
        # a rival is a clearly other meaning of a counted slogan, not another wording
        counted = bool(_NUMERAL.search(term))
        senses: list[dict[str, Any]] = []
        for scope, scoped in by_scope.items():
            if scope in hand_scopes:
                out.skipped["hand dictionary documents it there"] += sum(len(g) for g, _ in scoped)
                continue
            scoped.sort(key=lambda gk: min(n.year for n in gk[0]))
            number = 0
            for k, (g, meaning) in enumerate(scoped):
                # ids of their own: a hand id would replace the hand's sense or be replaced
                sid = ""
                while not sid or sid in taken:
                    number += 1
                    sid = f"{term}@{scope}" + (f"#{number}" if number > 1 else "")
                sense = _sense(term, sid, scope, g)
                # a meaning replaced by a later one of the same place ends when it starts
                later = scoped[k + 1][0] if k + 1 < len(scoped) else None
                last = max(n.year for n in g)
                if later is not None and last < (start := min(n.year for n in later)):
                    sense["until"] = start - 1
                rivals = [
                    o
                    for j, o in enumerate(groups)
                    if counted and j != meaning and similarity(o[0], g[0]) < RIVAL
                ]
                if rivals and regions.depth(scope) <= 2:
                    # a meaning of the nation or a province, where the form means other
                    # things elsewhere: it holds only with one of its words nearby
                    sense["cues"] = _cues(g, rivals, weights, term)
                    sense["cued"] = True
                    if not sense["cues"]:
                        out.skipped["contested, nothing tells it apart"] += len(g)
                        continue
                senses.append(sense)
        if senses:
            out.terms[term] = senses
    return out


# ---------------------------------------------------------------------------- match rule


QUOTED_SHARE = 0.8
QUOTED_MIN_USES = 3
_OPEN = frozenset('“「‘"')
_CLOSE = frozenset('”」’"')


def match_rules(
    forms: Iterable[str], texts: Iterable[str], hand: Dictionary
) -> dict[str, tuple[str, int, int]]:
    """For each form: ``any`` when it is longer than two characters and the reports use it
    at least three times, quoting it in at least four of five uses (a slogan: “六稳” 1013 of
    1014), else ``quoted`` (a word also written bare, such as 一站式 or
    海绵城市, counts only inside quotes); with the quoted and total use counts."""
    import ahocorasick_rs

    forms = sorted(set(forms))
    ac = ahocorasick_rs.AhoCorasick(forms, matchkind=ahocorasick_rs.MATCHKIND_LEFTMOST_LONGEST)
    quoted: Counter[int] = Counter()
    total: Counter[int] = Counter()
    for text in texts:
        for index, start, end in ac.find_matches_as_indexes(text):
            total[index] += 1
            if (start and text[start - 1] in _OPEN) or (end < len(text) and text[end] in _CLOSE):
                quoted[index] += 1
    hand_rule = {t.term: t.match for t in hand.terms}
    out = {}
    for i, form in enumerate(forms):
        q, n = quoted[i], total[i]
        # two characters are too often part of an ordinary word (两不误, 双十路) to count bare
        slogan = len(form) > 2 and n >= QUOTED_MIN_USES and q >= QUOTED_SHARE * n
        rule = "any" if slogan else "quoted"
        out[form] = (hand_rule.get(form, rule), q, n)
    return out


def _body(text: str) -> str:
    """A report without its annotation section, where the notes name their terms bare."""
    from .readers.notes import sections as _sections

    starts = [a for a, _, _ in _sections(text)]
    return text[: min(starts)] if starts else text


# ---------------------------------------------------------------------------- files


def _dump(data: Any) -> str:
    return yaml.dump(
        data,
        Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
        allow_unicode=True,
        sort_keys=False,
        width=10_000,
        default_flow_style=None,
    )


def _province(scope: str, regions: Regions) -> str:
    chain = regions.ancestors(scope)
    return chain[-2] if len(chain) >= 2 else ROOT


def write(imported: Imported, regions: Regions, project: Path) -> list[Path]:
    """One file for national senses and one per province, all sources in the first, under
    ``project``/data/imported (a repository's, never the installed package's)."""
    files: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for term, senses in imported.terms.items():
        by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for s in senses:
            by_file[_province(s["scope"], regions)].append(s)
        for name, ss in by_file.items():
            entry: dict[str, Any] = {"term": term}
            if imported.match.get(term, "any") != "any":
                entry["match"] = imported.match[term]
            entry["senses"] = ss
            files[name].append(entry)
    out_dir = project / OUT_DIR
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    written = []
    header = "# Generated by `python tools/build_data.py`: do not edit; hand entries go in data/terms.yaml\n"
    sources = {
        k: {kk: vv for kk, vv in v.items() if not kk.startswith("_") and vv}
        for k, v in sorted(imported.sources.items())
    }
    for name in sorted(files, key=lambda n: (n != ROOT, n)):
        doc: dict[str, Any] = {"schema": 1}
        if name == ROOT:
            doc["sources"] = sources
        doc["terms"] = files[name]
        path = out_dir / f"{name}.yaml"
        path.write_text(header + _dump(doc), encoding="utf-8")
        written.append(path)
    return written


def copy_reports(imported: Imported, hand: Dictionary | None, corpus: Path, project: Path) -> int:
    """The reports cited, under seeds/gov/ in the corpus's own layout (grouped by place):
    those the import cites and those the ``hand`` entries cite there."""
    target = project / SEEDS_DIR
    if target.exists():
        shutil.rmtree(target)
    files = {src["file"]: Path(src["_path"]) for src in imported.sources.values()}
    for source in hand.sources.values() if hand else ():
        if source.file and source.file.startswith(SEEDS_DIR + "/"):
            files[source.file] = corpus / source.file.removeprefix(SEEDS_DIR + "/")
    for rel, origin in sorted(files.items()):
        dest = project / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(origin, dest)
    return len(files)


def _cites(sense: dict[str, Any]) -> list[dict[str, Any]]:
    s = sense["source"]
    return s if isinstance(s, list) else [s]


def run(
    corpus: Path, project: Path, *, hand_file: Path | None = None, keep_aside: bool = True
) -> Imported:
    """The whole import: read, group, decide match rules, write and copy into ``project``
    (``data/imported/``, ``seeds/gov/``). ``hand_file``: the hand dictionary that decides what
    is imported (default the project's data/terms.yaml: a checkout of the repository);
    ``keep_aside``: leave the held-out slice out, as the project's own import does."""
    hand = load_dictionaries([hand_file or project / "data" / "terms.yaml"], bundled=False)
    regions = Regions(hand.regions)
    reports = [r for r in corpus_reports(corpus) if not (keep_aside and r.held_out)]
    notes, sources, skipped = read_notes(reports, regions)
    imported = build_senses(notes, regions, hand)
    imported.skipped.update(skipped)
    # only sources some sense cites
    cited = {c["ref"] for ss in imported.terms.values() for s in ss for c in _cites(s)}
    imported.sources = {k: v for k, v in sources.items() if k in cited}
    texts = (_body(r.path.read_text(encoding="utf-8", errors="replace")) for r in reports)
    rules = match_rules(imported.terms, texts, hand)
    imported.match = {form: rule for form, (rule, _, _) in rules.items()}
    write(imported, regions, project)
    # the project's hand entries cite reports of its corpus too; another hand file's do not
    copy_reports(imported, hand if hand_file is None else None, corpus, project)
    return imported
