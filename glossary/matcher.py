"""One Aho-Corasick automaton over every spelling of every form, and the boundary rules.

The automaton (ahocorasick-rs, leftmost-longest) does the per-character work; Python only
looks at the few characters around each hit, with rules precomputed per pattern.

>>> from glossary.model import Term, Sense, Citation
>>> t = Term("3+2+1", (Sense("x", "中国", "3+2+1", Citation("r", "q")),))
>>> m = Matcher([t])
>>> [(s, e) for _, s, e in m.find("园区“3+2+1”配套，非13+2+1。")]
[(3, 8)]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import ahocorasick_rs

from .compiled import term_keys
from .dictionary import NUMERAL_CHARS
from .model import Term
from .variants import spellings

__all__ = ["Matcher"]

_DIGITS = frozenset("0123456789０１２３４５６７８９")
_ALNUM = (
    _DIGITS
    | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    | frozenset(
        "ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"
    )
)
_PLUS = frozenset("+＋")
_SPACE = frozenset(" \u3000\t")
# after a numeral: a count of something, not a slogan (“2366户”, “八五折”, “十四五个”)
_MEASURES = frozenset(
    "户人个元万亿家项名米吨台套件次年月日号亩座条所辆间张位%％期届倍岁天折成余多千百强级星分秒克度"
)
# a unit word that a form's last character starts (“三公” in “三公里”)
_UNIT_WORDS = frozenset(
    ("公里", "公斤", "公顷", "公分", "公尺", "公亩", "千米", "千克", "千瓦", "平方", "立方", "百分")
)
# what a name goes on with after a numeral word: 七一路, 三一重工, 五粮液 are not slogans
_NAME_ENDS = frozenset("路街巷桥湖沟寺岛湾港站楼厂酒液")
_NAME_WORD_LIST = (
    "中学 小学 大学 学校 学院 医院 公司 集团 重工 大道 广场 公园 大厦 商场 酒店 宾馆 机场 "
    "码头 水库 林场 农场 煤矿 矿业 电厂 景区 古镇 剧院"
)
_NAME_WORDS = frozenset(_NAME_WORD_LIST.split())
_RANKS = frozenset("一二两三四五六七八九十百千0123456789")
_QUOTES = {"“": "”", "「": "」", "‘": "’"}
_QUOTE_REACH = 16
_OPENER = re.compile("|".join(_QUOTES))
_CUE_REACH = 40
# words that follow a slogan inside its quotes without making it another name (“三基工程”)
_HEAD_WORDS = (
    "工程 行动 计划 建设 战略 规划 改革 目标 要求 工作 活动 机制 体系 模式 理念 精神 政策 "
    "试点 示范 项目 制度 任务 举措 措施 专项 攻坚 格局 布局 思路 部署 方针 原则 标准"
)
_HEADS = tuple(_HEAD_WORDS.split())
_LIST_JOINERS = re.compile(r"[、，,／/\s]|和|与|及")

# pattern flags
_FORMULA = 1  # digits joined by “+”: no digit, letter or “+” may touch it
_CODE = 2  # an all-digit code such as 2366: no digit next to it, no measure word after it
_CN_HEAD = 4  # starts with a Chinese numeral: not after 第 or another numeral
_CN_TAIL = 8  # ends with a Chinese numeral: no measure word after it
_NUMERIC = 16  # holds a numeral: may not run on into more numerals
_QUOTED = 32  # term counts only inside quote marks
_CUED = 64  # term counts only with a cue word nearby


def _flags(form: str, match: str) -> int:
    flags = 0
    if any(c in _PLUS for c in form):
        flags |= _FORMULA
    elif form and all(c in _DIGITS for c in form):
        flags |= _CODE
    if form[:1] in NUMERAL_CHARS:
        flags |= _CN_HEAD
    if form[-1:] in NUMERAL_CHARS:
        flags |= _CN_TAIL
    if any(c in NUMERAL_CHARS or c in _DIGITS for c in form):
        flags |= _NUMERIC
    if match == "quoted":
        flags |= _QUOTED
    elif match == "cue":
        flags |= _CUED
    return flags


class Matcher:
    """Finds dictionary forms in text; ``find`` returns ``(term_index, start, end)`` triples."""

    def __init__(
        self,
        terms: Sequence[Term],
        blockers: Iterable[str] = (),
        marks: Sequence[str] = (),
        *,
        variants: bool = True,
    ) -> None:
        self._terms = terms
        self._blockers = tuple(blockers)
        self._marks = tuple(marks)
        # variants=False: each form exactly as written (a document's own forms, found in it)
        self._spell: Callable[[str], Iterable[str]] = spellings if variants else _itself
        self._build()

    def _build(self) -> None:
        owner: dict[str, int] = {}  # spelling -> term index; -1 blocks (a longer, other thing)
        keys = term_keys(self._terms)
        for index, k in enumerate(keys):
            for form in k.forms:
                for spelling in self._spell(form):
                    owner.setdefault(spelling, index)
        for k in keys:
            for longer in k.not_in:
                for spelling in self._spell(longer):
                    owner[spelling] = -1
        for longer in self._blockers:
            for spelling in self._spell(longer):
                owner.setdefault(spelling, -1)
        # words found in the same pass for the caller (harvest's marks): -2 is the first
        for n, mark in enumerate(self._marks):
            owner.setdefault(mark, -2 - n)
        patterns = list(owner)
        self._owner = [owner[p] for p in patterns]
        self._flags = [_flags(p, keys[owner[p]].match) if owner[p] >= 0 else 0 for p in patterns]
        self._cues = [k.cues for k in keys]
        # an automaton needs one pattern: an empty dictionary gets one that cannot occur
        self._ac = ahocorasick_rs.AhoCorasick(
            patterns or ["\uffff\uffff"], matchkind=ahocorasick_rs.MATCHKIND_LEFTMOST_LONGEST
        )
        self._quote_cache: dict[str, bool] = {}
        self._inner_cache: dict[int, tuple[tuple[int, int, int], ...]] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {
            "terms": self._terms,
            "blockers": self._blockers,
            "marks": self._marks,
            "variants": self._spell is spellings,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._terms, self._blockers, self._marks = state["terms"], state["blockers"], state["marks"]
        self._spell = spellings if state["variants"] else _itself
        self._build()

    def find(
        self, text: str, marks: list[tuple[int, int]] | None = None
    ) -> list[tuple[int, int, int]]:
        """Every accepted match, leftmost-longest, in code-point offsets into ``text``; the
        marks met on the way are added to ``marks`` as ``(index into marks, start)``."""
        if not text:
            return []
        raw = self._ac.find_matches_as_indexes(text)
        owner, flags, accept, opener = self._owner, self._flags, self._accept, _OPENER.search
        out: list[tuple[int, int, int]] = []
        for i, (pattern, start, end) in enumerate(raw):
            index = owner[pattern]
            if index < 0:
                if index < -1 and marks is not None:
                    marks.append((-2 - index, start))
                continue
            f = flags[pattern]
            if f & _QUOTED and not opener(text, max(0, start - _QUOTE_REACH), start):
                # the common bare use of a form that counts only in quotes, decided at once
                if self._inner(pattern, text[start:end]):
                    out.extend(self._inside(text, start, end, raw, i))
                continue
            if f and not accept(text, f, index, start, end, raw, i):
                if f & (_QUOTED | _CUED):
                    # a form that needs quotes or a cue hides no shorter form inside it:
                    # “限上企业” written bare still holds 限上
                    out.extend(self._inside(text, start, end, raw, i))
                continue
            out.append((index, start, end))
        return out

    def _inside(
        self, text: str, start: int, end: int, raw: list[tuple[int, int, int]], i: int
    ) -> list[tuple[int, int, int]]:
        found = []
        for pattern, s, e in self._inner(raw[i][0], text[start:end]):
            index = self._owner[pattern]
            s, e = s + start, e + start
            f = self._flags[pattern]
            if not f or self._accept(text, f, index, s, e, raw, i):
                found.append((index, s, e))
        return found

    def _inner(self, pattern: int, spelling: str) -> tuple[tuple[int, int, int], ...]:
        """The forms inside a spelling, short of its last character (cached per pattern)."""
        inner = self._inner_cache.get(pattern)
        if inner is None:
            inner = self._inner_cache[pattern] = tuple(
                (p, s, e)
                for p, s, e in self._ac.find_matches_as_indexes(spelling[:-1])
                if self._owner[p] >= 0
            )
        return inner

    def _accept(
        self,
        text: str,
        f: int,
        index: int,
        start: int,
        end: int,
        raw: list[tuple[int, int, int]],
        i: int,
    ) -> bool:
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if f & _FORMULA:
            if before in _ALNUM or before in _PLUS or after in _ALNUM or after in _PLUS:
                return False
            # “2 + 1+6”: look one space further for a formula that goes on
            if before in _SPACE and start > 1 and text[start - 2] in _PLUS:
                return False
            if after in _SPACE and end + 1 < len(text) and text[end + 1] in _PLUS:
                return False
            if after in _MEASURES and after != "年":
                return False
        if f & _CODE and (
            before in _DIGITS
            or after in _DIGITS
            or after in _MEASURES
            or after == "."
            or before == "."
        ):
            return False
        if f & _CN_HEAD and (
            before == "第" or (before in NUMERAL_CHARS and not (i and raw[i - 1][2] == start))
        ):
            return False
        if f & _NUMERIC:
            if before == "前" and text[start] in _RANKS:  # a rank: 前三名, 进入前十 (not 支前双拥)
                return False
            # a name that begins with a numeral word and goes on as a name, written bare
            if (
                after in _NAME_ENDS or text[end : end + 2] in _NAME_WORDS
            ) and before not in _QUOTES:
                return False
        if f & _CN_TAIL and (after in _MEASURES or (text[end - 1] == "一" and _is_cjk(after))):
            # “六个一” is not in “六个一体化”: a closing 一 starts the next word
            return False
        if after and text[end - 1] + after in _UNIT_WORDS:
            return False
        if (
            f & _NUMERIC
            and (after in NUMERAL_CHARS or after in _DIGITS)
            and not (i + 1 < len(raw) and raw[i + 1][1] == end)
        ):
            return False
        if f & (_NUMERIC | _QUOTED):
            # the common case, a slogan alone in its quotes: “五化”
            if before in _QUOTES and after == _QUOTES[before]:
                pass
            else:
                content = _quoted_content(text, start, end)
                if content is None:
                    if f & _QUOTED:
                        return False
                elif not self._quote_holds_only(content):
                    return False  # “四大” counts, “四大科技基础设施” is another name
        if f & _CUED:
            cues = self._cues[index]
            window = text[max(0, start - _CUE_REACH) : end + _CUE_REACH]
            if not any(c in window for c in cues):
                return False
        return True

    def _pieces(self, content: str) -> tuple[list[str], bool]:
        """What a quotation holds besides its known forms (list marks dropped), and whether
        two forms stand side by side with no list mark between them."""
        pieces: list[str] = []
        joined = False
        pos = 0
        last_end = -1
        for pattern, start, end in self._ac.find_matches_as_indexes(content):
            if self._owner[pattern] < 0:
                continue
            if start == last_end:
                joined = True
            pieces.append(content[pos:start])
            pos = last_end = end
        pieces.append(content[pos:])
        return [p for p in (_LIST_JOINERS.sub("", x) for x in pieces) if p], joined

    def _quote_holds_only(self, content: str) -> bool:
        """A quote around a numeric slogan holds it, other known forms with list marks
        between them, and generic heads (工程, 行动 …) after them, nothing more: “五好两宜”,
        “四抓四提升”, “三个最大”, “全国双拥模范城” are slogans or names of their own."""
        held = self._quote_cache.get(content)
        if held is not None:
            return held
        pieces, joined = self._pieces(content)
        held = not joined and all(p.startswith(_HEADS) for p in pieces)
        if len(self._quote_cache) < 100_000:
            self._quote_cache[content] = held
        return held


def _itself(form: str) -> tuple[str]:
    return (form,)


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _quoted_content(text: str, start: int, end: int) -> str | None:
    """The content of the short quotation that encloses ``text[start:end]``, if any."""
    for open_mark, close_mark in _QUOTES.items():
        left = text.rfind(open_mark, max(0, start - _QUOTE_REACH), start + 1)
        if left < 0 or close_mark in text[left + 1 : start]:
            continue
        right = text.find(close_mark, end - 1, end + _QUOTE_REACH)
        if right < 0 or open_mark in text[end:right]:
            continue
        return text[left + 1 : right]
    return None
