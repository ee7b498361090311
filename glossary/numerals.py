"""The numbers slogans count with: 三轴 → 3, 十四五 → 14, 两个维护 → 2, “3+2+1” → 3.

>>> leading_count("两不愁"), member_count("五化"), member_count("三区三线")
(2, 5, None)
"""

from __future__ import annotations

import functools
import unicodedata

from .patterns import regex

__all__ = ["COUNTED_HEAD", "LONG_FORM", "NUMERAL_CHARS", "leading_count", "member_count"]

_CN_DIGIT = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "双": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
NUMERAL_CHARS = frozenset(_CN_DIGIT) | {"十", "百", "千", "万"}
# a count with a generic head (八大工程, 两个统筹, 三项机制): each place fills it with its own list
COUNTED_HEAD = regex("[一二两三四五六七八九十百千万双0-9]+(?:大|个|项|类|条|种|张|批|方面)")
LONG_FORM = 4  # from this length on, a form that is no generic count is a name of its own
_ARABIC = regex(r"[0-9０-９]+")


@functools.lru_cache(maxsize=8192)  # labels recur across a corpus: 十四五, 两个维护 …
def leading_count(label: str) -> int | None:
    """The number a label starts with, if any: ``"三轴"`` → 3, ``"3"`` → 3, ``"N"`` → None.

    >>> leading_count("两不愁"), leading_count("十大"), leading_count("12"), leading_count("N")
    (2, 10, 12, None)
    """
    label = label.strip("“”\"'‘’ ")
    m = _ARABIC.match(label)
    if m:
        return int(unicodedata.normalize("NFKC", m.group()))
    if not label:
        return None
    head = label[0]
    if head == "十":
        nxt = _CN_DIGIT.get(label[1:2])
        return 10 + nxt if nxt and label[1:2] not in "两双" else 10
    if head in _CN_DIGIT and _CN_DIGIT[head] > 0:
        value = _CN_DIGIT[head]
        if label[1:2] == "十":
            unit = _CN_DIGIT.get(label[2:3], 0)
            return value * 10 + unit
        return value
    return None


@functools.lru_cache(maxsize=8192)
def member_count(term: str) -> int | None:
    """The member count a term states, when its only numeral leads it (五化 → 5, 四个意识 → 4)."""
    n = leading_count(term)
    if n is None or n < 2 or term[0].isdigit():
        return None
    rest = term[1:].lstrip("十")
    if any(ch in NUMERAL_CHARS for ch in rest) or _ARABIC.search(rest):
        return None
    return n
