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
from collections.abc import Mapping, Sequence

from .model import Region, Sense

__all__ = ["Regions", "choose", "holding", "infer_year"]

ROOT = "中国"
_HEAD = 600  # the title, issuer and date lines of a report sit in its first few hundred characters
_BODY = 20_000
# “洛江区人民政府”, “福建省第十四届人民代表大会”, “安海镇第十四届人民代表大会”
_ISSUER = re.compile(
    r"([\u4e00-\u9fff]{1,12}?(?:省|市|区|县|镇|乡|街道|自治州))(?:第[\u4e00-\u9fff]{1,5}届)?"
    r"(?:人民政府|人民代表大会|管理委员会|管委会)"
)
_YEAR = re.compile(r"(20\d\d|19\d\d)\s*年")
_CN_YEAR = re.compile(r"([二〇一九零]{4})年")
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


class Regions:
    """The scope hierarchy with name lookup and inference of a document's region."""

    def __init__(self, regions: Mapping[str, Region]) -> None:
        self._regions = dict(regions)
        self._names: list[tuple[str, str]] = []  # (spelling, region), longest first
        for name, region in self._regions.items():
            for spelling in (name, *region.aliases):
                self._names.append((spelling, name))
        self._names.sort(key=lambda p: -len(p[0]))
        self._hints = sorted(
            ((h, n) for n, r in self._regions.items() for h in r.hints), key=lambda p: -len(p[0])
        )
        self._depth = {name: len(self.ancestors(name)) for name in self._regions}

    def __contains__(self, name: object) -> bool:
        return name in self._regions

    def canonical(self, name: str) -> str | None:
        """A region key from its name or alias."""
        for spelling, region in self._names:
            if spelling == name:
                return region
        return None

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

    def depth(self, name: str) -> int:
        return self._depth.get(name, 0)

    def _mentions(self, text: str, *, hints: bool = False) -> dict[str, int]:
        counts: dict[str, int] = {}
        for spelling, region in self._names + self._hints if hints else self._names:
            n = text.count(spelling)
            if n:
                counts[region] = counts.get(region, 0) + n
                text = text.replace(
                    spelling, "\0"
                )  # a longer name is not counted again as its alias
        return counts

    def infer(self, text: str) -> str | None:
        """The most specific known region a document comes from, or None when it is from
        elsewhere or of unknown origin (then only national senses apply).

        The issuer in the head decides first (洛江区人民政府, 福建省第十四届人民代表大会).
        Otherwise the most specific region the text names often, if a region above it is
        named too; a report from a place the dictionary does not know gets None."""
        head = text[:_HEAD]
        named = [m.group(1) for m in _ISSUER.finditer(head)]
        found: list[str] = []
        for issuer in named:
            # the issuer phrase may carry a prefix (“晋江安海镇”); take the most specific name in it
            hits = self._mentions(issuer)
            if hits:
                found.append(max(hits, key=self.depth))
        if found:
            return max(found, key=self.depth)
        if "国务院总理" in head or re.search(r"第[\u4e00-\u9fff]{1,5}届全国人民代表大会", head):
            return ROOT
        # the places a report names often show within its first pages; reading further would
        # cost a pass over the whole text per place name
        counts = self._mentions(text[:_BODY], hints=True)
        counts.pop(ROOT, None)
        # often named, and consistent: a place is trusted only when the place above it is
        # named too (泉州 for the zone, 福建 for 泉州)
        trusted = [
            r for r, n in counts.items() if n >= 3 and self._regions[r].parent in (ROOT, *counts)
        ]
        if not trusted:
            return None
        return max(trusted, key=lambda r: (self.depth(r), counts[r]))


def holding(senses: Sequence[Sense], region: str | None, regions: Regions) -> list[Sense]:
    """The senses that hold in ``region``: national ones, and those whose scope contains it."""
    held = set(regions.ancestors(region)) if region else {ROOT}
    return [s for s in senses if s.scope in held]


def choose(
    senses: Sequence[Sense],
    region: str | None,
    regions: Regions,
    year: int | None,
    window: str,
) -> tuple[Sense | None, tuple[Sense, ...]]:
    """The sense a use takes and the candidates it was chosen from.

    Of the senses that hold, those whose cue words occur in ``window`` (the text around the
    use) come first — a city's “三位一体” near 田园 beats the district's street-cleaning one —
    then the senses in force in ``year``, then the most specific scope. None when nothing decides.
    """
    held = holding(senses, region, regions)
    if not held:
        return None, tuple(senses)
    best = held
    if len(best) > 1 and window:
        scores = [sum(1 for c in s.cues if c in window) for s in best]
        top = max(scores)
        if top:
            best = [s for s, n in zip(best, scores, strict=True) if n == top]
    if len(best) > 1 and year is not None:
        in_force = [s for s in best if (s.since or 0) <= year <= (s.until or 9999)]
        best = in_force or best
    deepest = max(regions.depth(s.scope) for s in best)
    best = [s for s in best if regions.depth(s.scope) == deepest]
    if len(best) == 1:
        return best[0], tuple(held)
    return None, tuple(best)
