"""Every usable note of a corpus (and every list its bodies give), as ``Note``s ready to become
senses."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..document import body_at
from ..gazetteer import ROOT
from ..harvest import harvest_report
from ..numerals import NUMERAL_CHARS, leading_count
from ..quotes import fold_for_quote
from ..readers import Candidate, counted, slogan_term
from ..resolve import Regions
from .corpus import SEEDS_DIR, CorpusReport, front_matter, province, report_date

__all__ = [
    "BODY_ISSUERS",
    "BODY_MEMBERS",
    "COUNTING",
    "FILLER",
    "Note",
    "fold_definition",
    "read_notes",
]


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
COUNTING = "".join(sorted(NUMERAL_CHARS - {"零", "〇"}))


# what the import reads: the notes, and the body's inline definitions and lists (those only
# where the reports of two places read alike: ``build_senses``); not headings
_IMPORTED = frozenset({"note", "inline", "list", "paragraph"})
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
        front = front_matter(text)
        if misfiled(front.get("title", ""), region, regions):
            skipped["report filed under another place (its title names that place)"] += len(cands)
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
                    province=province(region, regions),
                    level=len(chain),
                    year=report.year,
                    key=fold_definition(term, c.definition),
                    reading=reading,
                )
            )
            used += 1
        if used:
            sources[key] = {
                "title": front.get("title") or f"{report.year}年{region}政府工作报告",
                "issuer": "国务院" if region == ROOT else f"{region}人民政府",
                "date": report_date(text, report.year),
                "url": front.get("source") or None,
                "file": f"{SEEDS_DIR}/{report.rel}",
                "_path": str(report.path),
            }
    # a partial note gives way to a note of the same form that names all its members (not to
    # a body's list: another report's 六个一体化 is no fuller wording of 佛山's note)
    whole = {n.term for i, n in enumerate(notes) if i not in partial and not n.reading}
    dropped = {i for i in partial if notes[i].term in whole}
    skipped["names only some of the members another note names"] += len(dropped)
    return [n for i, n in enumerate(notes) if i not in dropped], sources, skipped


# the place a report's title opens with: 宿州市政府工作报告, 淮安市政府工作报告 （2016年…）
_TITLE_PLACE = re.compile(r"^\s*([\u4e00-\u9fff]{2,12}?(?:市|州|盟|地区|省|自治区))")


def misfiled(title: str, region: str, regions: Regions) -> bool:
    """Whether a report's title names another place than the one it is filed under (the
    corpus holds 宿州's report of 2015 under 宿迁, 淮安's of 2016 under 淮南): its notes and
    lists would give that place's meanings to this one, and make a meaning of two places
    from one text.

    >>> from glossary import load
    >>> r = load().regions
    >>> misfiled("淮安市政府工作报告 （2016年1月18日 惠建林）", "淮南市", r)
    True
    >>> misfiled("2016年淮南市政府工作报告", "淮南市", r), misfiled("政府工作报告", "淮南市", r)
    (False, False)
    >>> misfiled("大理市政府工作报告", "大理白族自治州", r)  # a place within: the title's slip
    False
    """
    m = _TITLE_PLACE.match(title)
    named = regions.canonical(m.group(1)) if m else None
    # a place above or below it is a title's slip (大理州's report titled 大理市政府工作报告)
    return (
        named is not None
        and region not in regions.ancestors(named)
        and named not in regions.ancestors(region)
    )


def _body_at(text: str, c: Candidate) -> str:
    """Where a body reading stands, for a reader of the report: 正文第N行（列举）."""
    return body_at(text.count("\n", 0, c.start) + 1, c.kind)


# the words a definition opens with that say nothing of it
FILLER = re.compile(r"^(?:是指|即是|即|指的是|指|主要是|主要包括|包括)")


def fold_definition(term: str, definition: str) -> str:
    text = fold_for_quote(definition)
    text = text.replace(fold_for_quote(term), "")
    return FILLER.sub("", text)
