"""Groups of notes into senses: the scope by evidence, the years, the cues of a contested
meaning, the hand dictionary's precedence."""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..gazetteer import ROOT
from ..model import Dictionary
from ..numerals import COUNTED_HEAD, LONG_FORM
from ..resolve import Regions
from .alike import FORMULA, NUMERAL, alike, authority, bigrams, cluster, pair_weights, similarity
from .notes import BODY_ISSUERS, FILLER, Note

__all__ = ["Imported", "build_senses", "cue_pairs", "cues"]


# a note that says its province's leaders set the programme (省委十一届三次全会提出…, 自治区党委
# 提出的…, 按照省政府部署…): a provincial programme, whichever city's report explains it
_ACTS = "提出|实施|部署|作出|决定|启动|开展|印发|出台"
_PROVINCE_SAYS = re.compile(
    f"(?:省委|省政府|自治区党委|自治区人民政府|自治区政府|我省|我区)[^，。；]{{0,12}}?(?:{_ACTS})"
)
# unless the note tells of the city's own part in it (我市贯彻落实…, 结合昭通实际, 对临江新区…)
_PLACE_SAYS = re.compile(
    "我市|我州|本市|结合[^，。；]{0,8}实际|赋予|对[^，。；]{1,6}(?:市|新区|州)"
)


_SUFFIXES = re.compile("(?:省|市|维吾尔自治区|回族自治区|壮族自治区|自治区)$")


@functools.lru_cache(maxsize=64)
def _province_named(province: str) -> re.Pattern[str]:
    """The province named by its name as the one that set a programme: 湖南省实施的, 对广西工作
    提出的, 要求广西…; not one that approved a city's own (经广东省统计局批准实施)."""
    short = re.escape(_SUFFIXES.sub("", province))
    return re.compile(
        f"(?:{short}(?:省|自治区)|对{short})(?:(?!批准)[^，。；]){{0,12}}?(?:{_ACTS})|要求{short}"
    )


def _provincial(group: Sequence[Note]) -> bool:
    """Whether a note of ``group`` (a city's) defines a programme of its province."""
    return any(
        n.level > 2
        and (
            _PROVINCE_SAYS.search(n.definition) or _province_named(n.province).search(n.definition)
        )
        and not _PLACE_SAYS.search(n.definition)
        for n in group
        if not n.reading
    )


def _common_region(group: Sequence[Note], regions: Regions) -> str:
    """The nearest region that holds every issuer of ``group``; the province when a note
    says the province set it."""
    if _provincial(group) and len({n.province for n in group}) == 1:
        return group[0].province
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
        noted = [n for n in g if not n.reading]
        if (
            len(noted) > 1
            and all(_of_its_place(n, noted, regions) for n in noted)
            and not _provincial(noted)
        ):
            # each note of its place's own (临空经济区：规划范围包括贵阳机场周边…, and 南昌's
            # 昌北机场 …): alike in words, but no meaning wider than each place's
            by_region: dict[str, list[Note]] = defaultdict(list)
            for n in g:
                by_region[n.region].append(n)
            for region, part in by_region.items():
                out[region].append((part, k))
            continue
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


def cue_pairs(n: Note) -> set[str]:
    """The character pairs of a definition's words, none across a separator (汇聚、卓越 gives no
    聚卓), the form itself left out."""
    text = FILLER.sub("", n.definition.replace(n.term, "、").lstrip("、，：:"))
    return {p for run in _HAN_RUN.findall(text) for p in bigrams(run)}


def cues(
    group: Sequence[Note], rivals: Iterable[Sequence[Note]], weights: dict[str, float], term: str
) -> list[str]:
    """Words that tell this meaning from the form's others: the character pairs of its
    definitions that no rival definition has, the most shared within the group first, then
    the rarest (疫情 for the epidemic-and-economy 两手抓, 执法 for the law-enforcement 三项制度)."""
    rival: set[str] = set()
    for g in rivals:
        for n in g:
            rival |= cue_pairs(n)
    own: Counter[str] = Counter()
    for n in group:
        own.update(cue_pairs(n))
    chars = set(term)
    found = [g for g in own if g not in rival and not (set(g) & chars)]
    found.sort(key=lambda g: (-own[g], -weights.get(g, 1.0), g))
    return found[:CUES]


def _citation(n: Note) -> dict[str, str]:
    return {"ref": n.source, "at": n.at, "quote": n.quote}


# what a place's note says of itself (我市出台的…, 全市社会工作服务站…): no wording for a sense
# of a wider scope
# (全市 as a word: not 安全市场, 健全市场体系, 质量安全县)
_WHOLE = "(?<![安健完齐周])全"
_OF_ITSELF_WORDS = f"我市|本市|{_WHOLE}市(?!场)|我县|本县|{_WHOLE}县|我州|我盟"
_OF_ITSELF = re.compile(_OF_ITSELF_WORDS)
_OF_ITSELF_NATIONAL = re.compile(f"{_OF_ITSELF_WORDS}|我省|本省|{_WHOLE}省|我区")


def _of_its_place(n: Note, group: Sequence[Note], regions: Regions) -> bool:
    """Whether a note of a city or county tells of its own place by its name, bare (贵阳机场
    in 贵阳's note; not 全市, which a province's standard in a city's words says too: 两个高于);
    not where it names another place of ``group`` too (岳阳新增长极、郴州新增长极和怀化新增长极:
    the province's layout)."""
    if n.level <= 2:  # a province's note, or the nation's
        return False

    def named(region: str) -> bool:
        return any(s in n.definition for s in regions.spellings(region))

    if any(named(m.region) for m in group if m.region != n.region):
        return False
    return named(n.region)


def _own_words(n: Note, scope: str) -> bool:
    """Whether ``n`` speaks of its place as its own, where the sense is wider than it: in its
    words for itself, or by its name (大刀队：指珠海市政府性资金…领导小组, in 广东's sense)."""
    says = _OF_ITSELF_NATIONAL if scope == ROOT else _OF_ITSELF
    if n.region == scope:
        return False
    return bool(says.search(n.definition)) or n.region in n.definition


def _sense(term: str, sid: str, scope: str, group: Sequence[Note]) -> dict[str, Any]:
    first = group[0]
    if first.reading:  # bodies alone: the barest wording (疫情防控, not 奋力夺取疫情防控)
        first = min(group, key=lambda n: (sum(map(len, n.members)), authority(n)))
    elif _own_words(first, scope):
        # 四块地 of 中国: 长沙's 即耕地、林地…, not 晋城's 我市出台的…; shown and cited first
        plain = next((n for n in group if not n.reading and not _own_words(n, scope)), None)
        if plain is not None:
            first = plain
            group = [plain, *(n for n in group if n is not plain)]
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


SETTLED = 3  # places of a province whose reports give its meaning, for it to hold uncued there
# a form this long, not a count and a generic head (四大工程, 六大行动), is a name of its own
# (五水共治, 一网统管): two places settle it


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
        counted = bool(NUMERAL.search(term))
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
                named = len(term) >= LONG_FORM and not COUNTED_HEAD.match(term)
                if named and not FORMULA.fullmatch(term):
                    # a name's meaning whose reports all came before this one's first is a
                    # past one, no rival of what the name means from then on (佛山's 2017
                    # 百千万工程 beside 广东's 2024 one); a count with a generic head or a
                    # formula is reused at any time, its past meanings stay rivals
                    first = min(n.year for n in g)
                    rivals = [o for o in rivals if max(n.year for n in o) >= first]
                settled = SETTLED - named
                if regions.depth(scope) == 2 and len({n.region for n in g}) >= settled:
                    # a province's meaning that several of its places give competes only with
                    # what its own places (or the nation) mean: 五好 of 福建's 洛江区 is no
                    # rival of 湖南's 五好园区; one or two places' meaning stays cued
                    rivals = [o for o in rivals if any(n.province in (scope, ROOT) for n in o)]
                if rivals and regions.depth(scope) <= 2:
                    # a meaning of the nation or a province, where the form means other
                    # things elsewhere: it holds only with one of its words nearby
                    sense["cues"] = cues(g, rivals, weights, term)
                    sense["cued"] = True
                    if not sense["cues"]:
                        out.skipped["contested, nothing tells it apart"] += len(g)
                        continue
                senses.append(sense)
        if senses:
            out.terms[term] = senses
    return out
