"""Which region and year a document is from, and which sense a match takes there.

A national sense (scope 中国) holds everywhere unless a more specific one applies; a local
sense holds only inside its region. Cue words near the use and the document's year decide
between senses that hold equally; when nothing decides, no sense is chosen.

>>> from glossary.model import Region
>>> r = Regions({"中国": Region("中国"), "福建省": Region("福建省", "中国", ("福建",))})
>>> r.infer("福建省人民政府工作报告……")
'福建省'
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import ahocorasick_rs

from .gazetteer import ROOT, bare_name
from .model import Region, Sense, Source
from .patterns import regex

__all__ = ["Lifetimes", "Regions", "choose", "holding", "in_force", "infer_year", "plan_end"]

_HEAD = 600  # the title, issuer and date lines of a report sit in its first few hundred characters
_BODY = 20_000
_SHORT = 2_000  # a passage, not a report: its first sentence may name its place once
_SENTENCE_END = regex(r"[。；;！？!?\n]")
# “洛江区人民政府”, “福建省第十四届人民代表大会”, “安海镇第十四届人民代表大会”
_ISSUER = regex(
    r"([\u4e00-\u9fff]{1,12}?(?:省|市|区|县|镇|乡|街道|州|盟|旗))[\s*]*(?:第?[\u4e00-\u9fff]{1,5}届)?"
    r"[\s*]*(?:(?:\d{4}|[〇一二三四五六七八九零]{4})年(?:度|上半年)?)?"
    r"(?:人民政府|人民代表大会|人大|管理委员会|管委会|行政公署|政府工作报告|[省市州县区旗盟]长)"
)
# what closes an issuer phrase: the issuer regex runs only just before one of these (a scan
# from every position of the head costs more than the rest of the inference)
_ISSUER_END = regex(
    r"人民政府|人民代表大会|人大|管理委员会|管委会|行政公署|政府工作报告|[省市州县区旗盟]长"
)
_ISSUER_REACH = 60
_LEVELS = "省市州县区盟旗"
# “我代表省人民政府”: the issuer's level, when its name is not in the head
_LEVEL = regex(r"代表(自治区|省|市|州|县|区|盟|旗)人民政府")
# the State Council's reports, the national plans and the restructuring plans
_NATIONAL = regex(
    r"国务院总理|第[\u4e00-\u9fff]{1,5}届全国人民代表大会|中华人民共和国国民经济和社会发展|国务院机构改革"
)
_YEAR = regex(r"(20\d\d|19\d\d)\s*年")
_CN_YEAR = regex(r"([二〇一九零]{4})年")
_CN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


def infer_year(text: str) -> int | None:
    """The year a document speaks from: the first year in its head (date line or title).

    >>> infer_year("——2023年12月20日在洛江区第六届人民代表大会第三次会议上")
    2023
    """
    head = text[:_HEAD]
    m = _YEAR.search(head)
    if m:
        return int(m.group(1))
    m = _CN_YEAR.search(head)
    return int(m.group(1).translate(_CN_DIGITS)) if m else None


def _issuers(head: str) -> Iterator[re.Match[str]]:
    """The issuer phrases of a head, as ``_ISSUER.finditer`` finds them."""
    done = 0
    for end in _ISSUER_END.finditer(head):
        m = _ISSUER.search(head, max(done, end.start() - _ISSUER_REACH), end.end())
        if m is not None and m.end() == end.end():
            done = m.end()
            yield m


class Regions:
    """The scope hierarchy with name lookup and inference of a document's region.

    Place names are found by one automaton over every spelling (full names, aliases, the
    bare names of keys such as 福州市鼓楼区, hints), so inference costs one pass over the text
    however many places the gazetteer holds.
    """

    def __init__(self, regions: Mapping[str, Region]) -> None:
        self._regions = dict(regions)
        # spelling -> every region it may name (a bare 鼓楼区 names four)
        spelled: dict[str, list[str]] = {}
        for name in self._regions:
            for spelling in self.spellings(name):
                spelled.setdefault(spelling, []).append(name)
        self._spelled = {k: tuple(dict.fromkeys(v)) for k, v in spelled.items()}
        self._hints = {h: n for n, r in self._regions.items() for h in r.hints}
        self._depth: dict[str, int] = {}  # filled on demand: most regions are never asked
        self._lineage: dict[str | None, frozenset[str]] = {}
        self._built_automaton: tuple[Any, list[str]] | None = None

    def __contains__(self, name: object) -> bool:
        return name in self._regions

    def spellings(self, name: str) -> tuple[str, ...]:
        """How a text writes a region: in full, by its aliases, bare.

        >>> Regions({"贵阳市": Region("贵阳市", "贵州省", ("贵阳",))}).spellings("贵阳市")
        ('贵阳市', '贵阳')
        """
        region = self._regions.get(name)
        if region is None:
            return (name,)
        return tuple(dict.fromkeys((name, *region.aliases, bare_name(name, region.parent))))

    def canonical(self, name: str) -> str | None:
        """A region key from its name or alias (None when unknown or shared by several)."""
        if name in self._regions:
            return name
        named = self._spelled.get(name, ())
        return named[0] if len(named) == 1 else None

    def ancestors(self, name: str) -> list[str]:
        """``name`` and every region above it, nearest first."""
        out: list[str] = []
        while name in self._regions and name not in out:
            out.append(name)
            parent = self._regions[name].parent
            if parent is None:
                break
            name = parent
        return out

    def lineage(self, name: str | None) -> frozenset[str]:
        """The scopes whose senses hold in ``name``: it and every region above it (the
        nation alone for a document of unknown origin)."""
        held = self._lineage.get(name)
        if held is None:
            held = self._lineage[name] = frozenset(self.ancestors(name) if name else (ROOT,))
        return held

    def depth(self, name: str) -> int:
        depth = self._depth.get(name)
        if depth is None:
            depth = self._depth[name] = len(self.ancestors(name))
        return depth

    @property
    def _automaton(self) -> tuple[Any, list[str]]:
        if self._built_automaton is None:
            patterns = [*self._spelled, *(h for h in self._hints if h not in self._spelled)]
            ac = ahocorasick_rs.AhoCorasick(
                patterns or ["\uffff\uffff"], matchkind=ahocorasick_rs.MATCHKIND_LEFTMOST_LONGEST
            )
            self._built_automaton = ac, patterns
        return self._built_automaton

    def _found(self, text: str, *, hints: bool = False) -> list[tuple[str, ...]]:
        """The regions each place name in ``text`` may name, in text order; a longer name
        is not counted again as the alias inside it (leftmost-longest)."""
        ac, patterns = self._automaton
        out = []
        for index, _, _ in ac.find_matches_as_indexes(text):
            spelling = patterns[index]
            named = self._spelled.get(spelling)
            if named:
                out.append(named)
            elif hints:
                out.append((self._hints[spelling],))
        return out

    def _last_name(self, phrase: str) -> tuple[str, ...] | None:
        """The regions the place name that ends ``phrase`` may name."""
        ac, patterns = self._automaton
        hits = ac.find_matches_as_indexes(phrase)
        # a full name closes the phrase, or a short one before its level (黔西南州, 甘肃省)
        if not hits or not (
            hits[-1][2] == len(phrase) or (hits[-1][2] == len(phrase) - 1 and phrase[-1] in _LEVELS)
        ):
            return None
        return self._spelled.get(patterns[hits[-1][0]])

    def _mentions(self, text: str, *, hints: bool = False) -> dict[str, int]:
        """How often each region is named unambiguously in ``text``."""
        counts: dict[str, int] = {}
        for named in self._found(text, hints=hints):
            if len(named) == 1:
                counts[named[0]] = counts.get(named[0], 0) + 1
        return counts

    def _pick(self, named: tuple[str, ...], context: dict[str, int]) -> str | None:
        """One of the regions a shared name may mean: the one whose parent is named nearby."""
        if len(named) == 1:
            return named[0]
        fits = [r for r in named if self._regions[r].parent in context]
        return fits[0] if len(fits) == 1 else None

    def _first_clause_place(self, text: str, counts: dict[str, int]) -> str | None:
        """The place a short passage names in its first sentence (今年，洛江区推进城市“五化”…, a
        paragraph pasted on its own), when it names no other place as often elsewhere."""
        clause = _SENTENCE_END.split(text.lstrip(), maxsplit=1)[0]
        found = [r for r in self._mentions(clause) if r != ROOT]
        if not found:
            return None
        place = max(found, key=self.depth)
        if any(r not in self.ancestors(place) for r in found):
            return None  # two places side by side: not one document's own
        rivals = [
            r
            for r, n in counts.items()
            if r not in self.ancestors(place) and place not in self.ancestors(r)
        ]
        return None if any(counts[r] > counts.get(place, 0) for r in rivals) else place

    def infer(self, text: str) -> str | None:
        """The most specific known region a document comes from, or None when it is from
        elsewhere or of unknown origin (then only national senses apply).

        The issuer in the head decides first (洛江区人民政府, 福建省第十四届人民代表大会).
        Otherwise, in a short passage, the place its first sentence names; else the most specific
        region the text names often, if a region above it is named too."""
        head = text[:_HEAD]
        if len(self._regions) <= 1:  # a dictionary that knows no place below the nation
            return ROOT if ROOT in self._regions and _NATIONAL.search(head) else None
        found: list[str] = []
        context: dict[str, int] | None = None
        for m in _issuers(head):
            # the issuer phrase may carry a prefix (“晋江安海镇”): the place that closes it counts,
            # not one inside it (合作 in “苏皖合作示范区管委会”)
            phrase = m.group(1)
            named = self._last_name(phrase)
            if named is None:
                continue
            if len(named) > 1 and context is None:
                context = self._mentions(text[:_BODY])
            region = self._pick(named, context or {})
            if region is not None:
                found.append(region)
        if found:
            return max(found, key=self.depth)
        if _NATIONAL.search(head):
            return ROOT
        # the places a report names often show within its first pages
        counts = self._mentions(text[:_BODY], hints=True)
        counts.pop(ROOT, None)
        if len(text) <= _SHORT:
            first = self._first_clause_place(text, counts)
            if first is not None:
                return first
        # often named, and consistent: a place is trusted when the place above it is named
        # too (泉州 for the zone, 福建 for 泉州), or when it is named very often
        trusted = [
            r
            for r, n in counts.items()
            if n >= 10
            or (n >= 3 and (self._regions[r].parent == ROOT or self._regions[r].parent in counts))
        ]
        level = _LEVEL.search(head)
        if level:  # a report “on behalf of the province's government” is the province's
            trusted = [r for r in trusted if r.endswith(level.group(1))]
        if not trusted:
            return None
        # the place named most; a place below it wins only when named as often (a city's
        # report names its counties, a county's report names itself more than its city)
        best = max(trusted, key=lambda r: (counts[r], self.depth(r)))
        for r in sorted(trusted, key=self.depth, reverse=True):
            if best in self.ancestors(r)[1:] and counts[r] >= counts[best]:
                return r
        return best


def plan_end(year: int) -> int:
    """The last year of the five-year plan period ``year`` falls in (1991–1995, …, 2021–2025,
    2026–2030): how long a slogan of a report stays current without being said again.

    >>> plan_end(2012), plan_end(2015), plan_end(2016), plan_end(2026)
    (2015, 2015, 2020, 2030)
    """
    return year + 4 - (year - 1) % 5


class Lifetimes:
    """The years each sense is in force: from ``since`` to ``until`` where the dictionary says
    so; a local or provincial sense with a ``since`` but no ``until`` (an imported report's
    meaning) stays current to the end of the plan period of the last source that gives it, and
    no longer beats a sense still current then (a city's 2012 两新 is not the 2024 national
    两新 in a 2026 report). A national sense lasts until its ``until``; a sense with neither
    (a hand entry) is always current."""

    def __init__(self, sources: Mapping[str, Source]) -> None:
        self._years = {k: int(s.date[:4]) for k, s in sources.items() if s.date[:4].isdigit()}
        self._until: dict[str, int] = {}

    def until(self, sense: Sense) -> int:
        if sense.until is not None:
            return sense.until
        if sense.since is None or sense.scope == ROOT:
            return 9999
        known = self._until.get(sense.id)
        if known is None:
            years = [self._years.get(c.ref, 0) for c in sense.citations]
            known = self._until[sense.id] = plan_end(max(sense.since, *years))
        return known


def in_force(sense: Sense, year: int | None, lifetimes: Lifetimes | None = None) -> bool:
    """Whether ``sense`` holds in ``year`` (always, when the year is not known): from its
    ``since`` to the end ``lifetimes`` gives it, else its ``until``."""
    if year is None:
        return True
    until = lifetimes.until(sense) if lifetimes is not None else sense.until or 9999
    return (sense.since or 0) <= year <= until


def holding(senses: Sequence[Sense], region: str | None, regions: Regions) -> list[Sense]:
    """The senses that hold in ``region``: national ones, and those whose scope contains it."""
    held = regions.lineage(region)
    return [s for s in senses if s.scope in held]


def choose(
    senses: Sequence[Sense],
    region: str | None,
    regions: Regions,
    year: int | None,
    window: str,
    lifetimes: Lifetimes | None = None,
    at: int | None = None,
) -> tuple[Sense | None, tuple[Sense, ...]]:
    """The sense a use takes and the candidates it was chosen from.

    Of the senses that hold, those whose cue words occur in ``window`` (the text around the
    use, which starts at ``at`` in it) come first — a city's “三位一体” near 田园 beats the
    district's street-cleaning one; of two as many cues, the one whose cue stands nearest
    before the use in its sentence (能耗“双控”向碳排放总量和强度“双控”转变) — then the senses in force in
    ``year`` (``lifetimes``), then the most specific scope. None when nothing decides.
    """
    return decide(senses, holding(senses, region, regions), regions, year, window, lifetimes, at)


def decide(
    senses: Sequence[Sense],
    held: Sequence[Sense],
    regions: Regions,
    year: int | None,
    window: str,
    lifetimes: Lifetimes | None = None,
    at: int | None = None,
) -> tuple[Sense | None, tuple[Sense, ...]]:
    """:func:`choose` among ``held``, the senses of ``senses`` that hold here."""
    if not held:
        return None, tuple(senses)
    # a sense of a form that means other things elsewhere holds only with its cue nearby
    cued = [s for s in held if not s.cued or any(c in window for c in s.cues)]
    if not cued:
        return None, tuple(held)
    held = cued
    best = held
    if len(best) > 1 and window:
        scores = [sum(1 for c in s.cues if c in window) for s in best]
        top = max(scores)
        if top:
            best = [s for s, n in zip(best, scores, strict=True) if n == top]
        if len(best) > 1 and at is not None:
            best = _nearest_cue(best, window, at)
    if len(best) > 1 and year is not None:
        best = [s for s in best if in_force(s, year, lifetimes)] or best
    deepest = max(regions.depth(s.scope) for s in best)
    best = [s for s in best if regions.depth(s.scope) == deepest]
    if len(best) == 1:
        return best[0], tuple(held)
    if (same := _one_meaning(best)) is not None:
        return same, tuple(held)
    return None, tuple(best)


CUE_REACH = 12  # characters: how near before a use a cue word names its meaning (能耗“双控”)


_SENTENCE_ENDS = "。；！？;!?\n"


def _nearest_cue(senses: list[Sense], window: str, at: int) -> list[Sense]:
    """Of senses as well cued, the one whose cue word ends nearest before the use at ``at``,
    in its sentence, within CUE_REACH characters and nearer than any other's; else all of them."""
    opens = max(window.rfind(mark, 0, at) for mark in _SENTENCE_ENDS) + 1
    gaps = []
    for s in senses:
        ends = [i + len(c) for c in s.cues if (i := window.rfind(c, opens, at)) >= 0]
        gaps.append(at - max(ends) if ends else None)
    near = [g for g in gaps if g is not None and g <= CUE_REACH]
    if not near:
        return senses
    first = min(near)
    if sum(1 for g in gaps if g == first) > 1:
        return senses
    return [s for s, g in zip(senses, gaps, strict=True) if g == first]


def _one_meaning(senses: Sequence[Sense]) -> Sense | None:
    """The sense to show of several that say one thing in other words: two notes of one
    province that list the same members, each member written in every other's definition
    (三维纲要: 绿色决定生死、市场决定取舍… and 市场决定取舍、绿色决定生死…); the one that lists
    them. None when they differ."""
    listed = [s for s in senses if s.members]
    if not listed:
        return None
    for s in listed:
        for other in senses:
            text = "".join((other.definition, *other.members))
            if other is not s and not all(m in text for m in s.members):
                return None
    return listed[0]
