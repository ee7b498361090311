"""One Aho-Corasick automaton over every spelling of every form, and the boundary rules.

The automaton (ahocorasick-rs, leftmost-longest) does the per-character work; Python only
looks at the few characters around each hit, with rules precomputed per pattern.

Over 450 lines because the table the automata are built from, the walk over their hits and the
named rules (``Rule``, ``RULES``) are one concern that a hit's path runs through in a few
microseconds; split, each would import the others' private tables.

>>> from glossary.model import Term, Sense, Citation
>>> t = Term("3+2+1", (Sense("x", "中国", "3+2+1", Citation("r", "q")),))
>>> m = Matcher([t])
>>> [(s, e) for _, s, e in m.find("园区“3+2+1”配套，非13+2+1。")]
[(3, 8)]
"""

from __future__ import annotations

import enum
import functools
import marshal
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import ahocorasick_rs

from .compiled import term_keys
from .model import Dictionary, Term
from .numerals import NUMERAL_CHARS
from .patterns import regex
from .variants import spellings

__all__ = ["RULES", "Flag", "Matcher", "Rule", "Table", "build_table", "bundled_table"]

_DIGITS = frozenset("0123456789０１２３４５６７８９")
_ALNUM = (
    _DIGITS
    | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    | frozenset(
        "ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"
    )
)
_PLUS = frozenset("+＋")
_NUMERALS = NUMERAL_CHARS | _DIGITS
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
_OPEN = "“"
_NUMERAL_RUN = regex(f"[{''.join(sorted(_NUMERALS))}]+")
# what joins the forms of a list in quotes: “个转企、小升规”
_JOINER_CHARS = "、，,／/和与及"
_JOINERS = frozenset(_JOINER_CHARS + " \u3000\t")
_LIST_JOINERS = regex(rf"[{_JOINER_CHARS}\s]")
_CUE_REACH = 40
_FORM_REACH = 40  # the longest form looked for where a slogan runs on into a numeral
# words that follow a slogan inside its quotes without making it another name (“三基工程”)
_HEAD_WORDS = (
    "工程 行动 计划 建设 战略 规划 改革 目标 要求 工作 活动 机制 体系 模式 理念 精神 政策 "
    "试点 示范 项目 制度 任务 举措 措施 专项 攻坚 格局 布局 思路 部署 方针 原则 标准"
)
_HEADS = tuple(_HEAD_WORDS.split())


# one hit of an automaton: (pattern or term index, start, end) in code points. A plain tuple,
# as the automaton gives it: a report has tens of thousands, and a class would cost each one
Hit = tuple[int, int, int]


class Flag(enum.IntFlag):
    """What a pattern is, deciding which boundary rules it must pass (stored as plain ints in
    the table: a test of an int is what the per-hit path can afford)."""

    FORMULA = 1  # digits joined by “+”: no digit, letter or “+” may touch it
    CODE = 2  # an all-digit code such as 2366: no digit next to it, no measure word after it
    CN_HEAD = 4  # starts with a Chinese numeral: not after 第 or another numeral
    CN_TAIL = 8  # ends with a Chinese numeral: no measure word after it
    NUMERIC = 16  # holds a numeral: may not run on into more numerals
    QUOTED = 32  # term counts only inside quote marks
    CUED = 64  # term counts only with a cue word nearby
    COMPOUND = 128  # a numeral compound that counts only in quotes, written bare (no term)


_FORMULA, _CODE, _CN_HEAD, _CN_TAIL = (
    Flag.FORMULA.value,
    Flag.CODE.value,
    Flag.CN_HEAD.value,
    Flag.CN_TAIL.value,
)
_NUMERIC, _QUOTED, _CUED, _COMPOUND = (
    Flag.NUMERIC.value,
    Flag.QUOTED.value,
    Flag.CUED.value,
    Flag.COMPOUND.value,
)

# a pattern's owner in the table: a term's index (0 …), or one of these
BLOCKS = -1  # a longer name, another thing (not_in, not_slogans): matched to keep forms out
RARE = -1_000_000  # a character of the rare patterns: the text is read again with them all


def mark_owner(n: int) -> int:
    """The owner code of mark ``n`` (a word the document reader looks for): -2, -3 …"""
    return -2 - n


def mark_of(owner: int) -> int:
    """The mark an owner code below BLOCKS stands for."""
    return -2 - owner


class Rule(enum.StrEnum):
    """The boundary rules a hit of the automaton must pass, each named for ``--why``."""

    FORMULA_GOES_ON = "formula-goes-on"
    CODE_GOES_ON = "code-goes-on"
    AFTER_ORDINAL = "after-ordinal"
    RANK = "rank"
    NAME_GOES_ON = "name-goes-on"
    COUNT_OF_THINGS = "count-of-things"
    UNIT_WORD = "unit-word"
    NUMERAL_GOES_ON = "numeral-goes-on"
    NOT_QUOTED = "not-quoted"
    QUOTE_HOLDS_MORE = "quote-holds-more"
    NO_CUE = "no-cue"
    BLOCKED = "blocked"


# what each rule says, for a reader of ``glossary annotate --why``
RULES: dict[Rule, str] = {
    Rule.FORMULA_GOES_ON: "a digit, letter, “+” or measure word touches the formula (13+2+1, 3+2+1个)",
    Rule.CODE_GOES_ON: "a digit, point or measure word touches the code (23661, 2366户)",
    Rule.AFTER_ORDINAL: "第 or another numeral stands before it (第五化, 十五化)",
    Rule.RANK: "a rank: 前 before a numeral (前三名, 进入前十)",
    Rule.NAME_GOES_ON: "a name goes on from the numeral word (七一路, 三一重工, 五粮液)",
    Rule.COUNT_OF_THINGS: "a measure word after the numeral: a count (十四五个, 六个一体化)",
    Rule.UNIT_WORD: "its last character starts a unit word (三公里)",
    Rule.NUMERAL_GOES_ON: "more numerals follow, and no known form starts there (两新三)",
    Rule.NOT_QUOTED: "the form counts only inside quotation marks",
    Rule.QUOTE_HOLDS_MORE: "its quotation holds more than known forms and heads (“四大科技基础设施”)",
    Rule.NO_CUE: "none of its meaning's cue words is near (40 characters)",
    Rule.BLOCKED: "a longer name that is another thing holds it (not_in, not_slogans)",
}


@functools.lru_cache(maxsize=65536)  # a long document's own forms are flagged at every rebuild
def _flags(form: str, match: str) -> int:
    flags = 0
    if not _PLUS.isdisjoint(form):
        flags |= _FORMULA
    elif form and _DIGITS.issuperset(form):
        flags |= _CODE
    if form[:1] in NUMERAL_CHARS:
        flags |= _CN_HEAD
    if form[-1:] in NUMERAL_CHARS:
        flags |= _CN_TAIL
    if not _NUMERALS.isdisjoint(form):
        flags |= _NUMERIC
    if match == "quoted":
        flags |= _QUOTED
    elif match == "cue":
        flags |= _CUED
    return flags


class Table(NamedTuple):
    """What the automata are built from: every spelling with its owner and rule flags, and
    the patterns of the automaton that reads the text. Shipped precomputed for the bundled
    dictionary (``tools/build_data.py``), since computing it is most of a start-up."""

    bare: int  # patterns[:bare] are the spellings; after them, compounds that only block
    patterns: list[str]
    owner: list[int]  # term index; BLOCKS (a longer, other thing); mark_owner(n) for mark n
    flags: list[int]
    view: list[str]  # the text automaton's patterns, those with a rare character last
    which: list[int]  # view pattern -> index into patterns
    shift: list[int]  # 1 where the view pattern starts with an added “
    common: int = -1  # view[:common] hold no rare character (-1: all of them)
    rare: str = ""  # the characters that make a pattern rare, as one string
    # the bare spellings' lengths by their first two characters (:func:`pair_lengths`), shipped
    # since computing them was a quarter of a worker's first annotation; None: computed
    pairs: dict[str, tuple[int, ...]] | None = None


def build_table(
    terms: Sequence[Term], blockers: Iterable[str] = (), marks: Sequence[str] = ()
) -> Table:
    owner: dict[str, int] = {}
    keys = term_keys(terms)
    # spellings in sorted order: the same table in every process, whatever the hash seed
    for index, k in enumerate(keys):
        for form in k.forms:
            for spelling in sorted(spellings(form)):
                owner.setdefault(spelling, index)
    for k in keys:
        for longer in k.not_in:
            for spelling in sorted(spellings(longer)):
                # a longer name that is a term of its own (三保障 beside 三保) stays that term:
                # matched whole, it keeps the shorter form out all the same
                owner.setdefault(spelling, BLOCKS)
    for longer in blockers:
        for spelling in sorted(spellings(longer)):
            owner.setdefault(spelling, BLOCKS)
    # words found in the same pass for the document reader (its marks)
    for n, mark in enumerate(marks):
        owner.setdefault(mark, mark_owner(n))
    patterns = list(owner)
    owners = [owner[p] for p in patterns]
    flags = [
        _flags(p, keys[o].match) if o >= 0 else 0 for p, o in zip(patterns, owners, strict=True)
    ]
    bare = len(patterns)
    # The text automaton holds a form that counts only in quotes as “form: most uses of such
    # forms (一体化, 新城) are bare and never surface, and the forms inside them are found
    # directly. A spelling that goes on from such a form (两个维护 after 两个) gets a “ twin,
    # so that leftmost-longest still picks it.
    views = [_view(p) for p in patterns]
    quoted = {v for v, f in zip(views, flags, strict=True) if f & _QUOTED}
    view: dict[str, tuple[int, int]] = {}  # text automaton's pattern -> (pattern, shift)
    for i, (v, f) in enumerate(zip(views, flags, strict=True)):
        if not f & _QUOTED:
            view.setdefault(v, (i, 0))
        if f & _QUOTED or (quoted and any(v[:j] in quoted for j in range(1, len(v)))):
            view.setdefault(_OPEN + v, (i, 1))
    # a numeral compound that counts only in quotes still holds its parts together when
    # written bare: 两新 in 四高两新, 三保 in 一抗三保 are pieces of another slogan (a form
    # with no numeral before it counts: 万村千乡 in 万村千乡市场工程)
    for i in range(bare):
        if flags[i] & _QUOTED and len(_NUMERAL_RUN.findall(patterns[i])) >= 2:
            view.setdefault(views[i], (len(patterns), 0))
            patterns.append(patterns[i])
            owners.append(BLOCKS)
            flags.append(_COMPOUND)
    # Spellings with a character that simplified writing lacks (國, 會: traditional
    # spellings, a third of the patterns) go last: the first automaton leaves them out and
    # finds their characters instead, which a report in simplified characters never holds
    rare = frozenset(c for c in set("".join(view)) if _rare(c))
    # a stable sort: the common patterns keep their order, the rare ones follow
    ordered = sorted(view.items(), key=lambda item: not rare.isdisjoint(item[0]))
    common = sum(1 for v in view if rare.isdisjoint(v)) if rare else -1
    # the rare characters stand for one more pattern, owned by RARE
    if rare:
        patterns.append("".join(sorted(rare)))
        owners.append(RARE)
        flags.append(0)
    return Table(
        bare,
        patterns,
        owners,
        flags,
        [v for v, _ in ordered],
        [k for _, (k, _) in ordered],
        [shift for _, (_, shift) in ordered],
        common,
        "".join(sorted(rare)),
        pair_lengths(patterns[:bare]),
    )


def _rare(ch: str) -> bool:
    """A Chinese character outside GB 2312, the simplified set (國, 會; also a few rare place
    names' characters, 鄠)."""
    if not "\u3400" <= ch <= "\U0003134f":
        return False
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return True
    return False


class Matcher:
    """Finds dictionary forms in text; ``find`` returns ``(term_index, start, end)`` triples."""

    def __init__(
        self,
        terms: Sequence[Term],
        blockers: Iterable[str] = (),
        marks: Sequence[str] = (),
        *,
        table: Table | None = None,
        cues: list[tuple[str, ...]] | None = None,
    ) -> None:
        self._terms = terms
        self._blockers = tuple(blockers)
        self._marks = tuple(marks)
        self._build(table, cues)

    @classmethod
    def of_forms(cls, forms: Sequence[str]) -> Matcher:
        """A matcher of bare forms, each its own term index, matched as written (a document's
        own forms): no term objects, no spellings, no cues.

        >>> [(i, s, e) for i, s, e in Matcher.of_forms(["五化", "3+2+1"]).find("“3+2+1”与五化")]
        [(1, 1, 6), (0, 8, 10)]
        """
        n = len(forms)
        flags = [_flags(f, "any") for f in forms]
        table = Table(n, list(forms), list(range(n)), flags, list(forms), list(range(n)), [0] * n)
        return cls((), table=table, cues=[()] * n)

    def _build(self, table: Table | None = None, cues: list[tuple[str, ...]] | None = None) -> None:
        if table is None:
            table = build_table(self._terms, self._blockers, self._marks)
        self._patterns, self._owner, self._flags = table.patterns, table.owner, table.flags
        self._cues = cues if cues is not None else [k.cues for k in term_keys(self._terms)]
        self._table = table
        self._full: Any = None  # every view pattern, built for a text with a rare character
        if table.common < 0:
            self._ac = _automaton(table.view)
            self._which, self._shift = table.which, table.shift
        else:
            # the rare characters stand in for the patterns that hold them: a text that has
            # none reads the same without those patterns, in an automaton built in half the time
            common, rare = table.common, table.rare
            self._ac = _automaton(table.view[:common] + list(rare))
            self._which = table.which[:common] + [len(table.patterns) - 1] * len(rare)
            self._shift = table.shift[:common] + [0] * len(rare)
        # the bare spellings read quotations and the forms inside a spelling: a few thousand
        # characters of a whole corpus, where building a second automaton was a third of a
        # worker's start
        self._bare = _Spellings(table.patterns[: table.bare], table.pairs)
        self._quote_cache: dict[str, bool] = {}
        self._inner_cache: dict[int, tuple[Hit, ...]] = {}

    def __reduce__(self) -> tuple[Any, ...]:
        # the automata are rebuilt from the terms (made again through __init__, which a class
        # compiled with mypyc cannot be made without)
        return (Matcher, (self._terms, self._blockers, self._marks))

    def find(
        self,
        text: str,
        marks: list[tuple[int, int]] | None = None,
        rejected: list[tuple[str, int, int, Rule]] | None = None,
    ) -> list[Hit]:
        """Every accepted match, leftmost-longest, in code-point offsets into ``text``; the
        marks met on the way are added to ``marks`` as ``(index into marks, start)``, and the
        hits a rule turned down to ``rejected`` as ``(spelling, start, end, rule)``."""
        if not text:
            return []
        seen = text  # what the automaton reads: 「 and ‘ open a quotation as “ does
        if "「" in seen:
            seen = seen.replace("「", _OPEN)
        if "‘" in seen:
            seen = seen.replace("‘", _OPEN)
        which, shift = self._which, self._shift
        hits = [(which[p], s + shift[p], e) for p, s, e in self._ac.find_matches_as_indexes(seen)]
        found = self._walk(text, hits, marks, rejected)
        if found is None:  # a rare character: read again with every pattern
            if self._full is None:
                self._full = _automaton(self._table.view)
            which, shift = self._table.which, self._table.shift
            hits = [
                (which[p], s + shift[p], e) for p, s, e in self._full.find_matches_as_indexes(seen)
            ]
            found = self._walk(text, hits, marks, rejected)
            assert found is not None  # the full automaton has no stand-ins
        return found

    def _walk(
        self,
        text: str,
        hits: list[Hit],
        marks: list[tuple[int, int]] | None,
        rejected: list[tuple[str, int, int, Rule]] | None,
    ) -> list[Hit] | None:
        """The accepted hits, or None where a rare character's stand-in is met (``marks``
        and ``rejected`` as they were)."""
        marked = len(marks) if marks is not None else 0
        turned_down = len(rejected) if rejected is not None else 0
        owner, flags, rejects = self._owner, self._flags, self._rejects
        out: list[Hit] = []
        read: set[int] = set()  # quotations read whole by their bare spellings
        i = -1
        while (i := i + 1) < len(hits):
            k, start, end = hits[i]
            index = owner[k]
            if index < 0:
                if index == RARE:
                    if marks is not None:
                        del marks[marked:]
                    if rejected is not None:
                        del rejected[turned_down:]
                    return None
                if flags[k]:  # a compound written bare: the form it opens with
                    out.extend(self._inside(text, start, end, hits, i))
                elif index < BLOCKS:
                    if marks is not None:
                        marks.append((mark_of(index), start))
                    if text[end - 1] in _QUOTES:  # 等“: a form right after it is hidden
                        self._reread(text, hits, i, end, end + _QUOTE_REACH, first=True)
                elif rejected is not None:
                    rejected.append((self._patterns[k], start, end, Rule.BLOCKED))
                continue
            f = flags[k]
            after = text[end : end + 1]
            if f and not f & _CUED and start and _QUOTES.get(text[start - 1]) == after:
                out.append((index, start, end))  # alone in its quotes, “五化”: every rule holds
                continue
            if after in _JOINERS and text[start - 1] in _QUOTES:
                # a list in quotes (“个转企、小升规”): a form that counts only in quotes may
                # follow, not right after the opening quote, where the text automaton looks
                span = _quote_span(text, start, end)
                if span is not None and span[0] not in read:
                    read.add(span[0])
                    if self._quote_holds_only(text[span[0] + 1 : span[1]]):
                        self._reread(text, hits, i, end, span[1])
            if f and (rule := rejects(text, f, index, start, end, hits, i)) is not None:
                if rejected is not None:
                    rejected.append((self._patterns[k], start, end, rule))
                if f & (_QUOTED | _CUED):
                    # a form that needs quotes or a cue hides no shorter form inside it:
                    # “限上企业发展” still holds 限上
                    out.extend(self._inside(text, start, end, hits, i))
                continue
            out.append((index, start, end))
        return out

    def _reread(
        self,
        text: str,
        hits: list[Hit],
        i: int,
        start: int,
        end: int,
        *,
        first: bool = False,
    ) -> None:
        """Replace the hits after ``hits[i]`` that start in ``text[start:end]`` by what the
        bare spellings find there (``first``: only a form that starts at ``start``)."""
        if first:
            hit = self._bare.at(text, start, min(end, len(text)))
            if hit is None:
                return
            found = [hit]
            end = hit[2]
        else:
            found = [
                (p, s + start, e + start)
                for p, s, e in self._bare.find_matches_as_indexes(text[start:end])
            ]
        j = i + 1
        while j < len(hits) and hits[j][1] < end:
            j += 1
        hits[i + 1 : j] = found

    def _inside(self, text: str, start: int, end: int, raw: list[Hit], i: int) -> list[Hit]:
        found = []
        for pattern, s, e in self._inner(raw[i][0], text[start:end]):
            index = self._owner[pattern]
            s, e = s + start, e + start
            f = self._flags[pattern]
            if not f or self._rejects(text, f, index, s, e, raw, i) is None:
                found.append((index, s, e))
        return found

    def _inner(self, pattern: int, spelling: str) -> tuple[Hit, ...]:
        """The forms inside a spelling, short of its last character (cached per pattern)."""
        inner = self._inner_cache.get(pattern)
        if inner is None:
            opening = self._flags[pattern] & _COMPOUND
            inner = self._inner_cache[pattern] = tuple(
                (p, s, e)
                for p, s, e in self._bare.find_matches_as_indexes(spelling[:-1])
                if self._owner[p] >= 0 and not (opening and _NUMERAL_RUN.search(spelling, 0, s))
            )
        return inner

    def _rejects(
        self,
        text: str,
        f: int,
        index: int,
        start: int,
        end: int,
        raw: list[Hit],
        i: int,
    ) -> Rule | None:
        """The first rule a hit fails (``RULES`` says each), None when it holds; only the
        rules its flags call for are tried, cheapest first."""
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if f & _FORMULA and _formula_goes_on(text, start, end, before, after):
            return Rule.FORMULA_GOES_ON
        if f & _CODE and (
            before in _DIGITS
            or after in _DIGITS
            or after in _MEASURES
            or after == "."
            or before == "."
        ):
            return Rule.CODE_GOES_ON
        if f & _CN_HEAD and (
            before == "第" or (before in NUMERAL_CHARS and not (i and raw[i - 1][2] == start))
        ):
            return Rule.AFTER_ORDINAL
        if f & _NUMERIC:
            if before == "前" and text[start] in _RANKS:  # not 支前双拥
                return Rule.RANK
            if (
                after in _NAME_ENDS or text[end : end + 2] in _NAME_WORDS
            ) and before not in _QUOTES:
                return Rule.NAME_GOES_ON
        if f & _CN_TAIL and (after in _MEASURES or (text[end - 1] == "一" and _is_cjk(after))):
            # “六个一” is not in “六个一体化”: a closing 一 starts the next word
            return Rule.COUNT_OF_THINGS
        if after and text[end - 1] + after in _UNIT_WORDS:
            return Rule.UNIT_WORD
        if (
            f & _NUMERIC
            and (after in NUMERAL_CHARS or after in _DIGITS)
            and not (i + 1 < len(raw) and raw[i + 1][1] == end)
            and not self._form_at(text, end)
        ):
            return Rule.NUMERAL_GOES_ON
        # the common case, a slogan alone in its quotes (“五化”), passes the quote rules
        if f & (_NUMERIC | _QUOTED) and not (before in _QUOTES and after == _QUOTES[before]):
            content = _quoted_content(text, start, end)
            if content is None:
                if f & _QUOTED:
                    return Rule.NOT_QUOTED
            elif not self._quote_holds_only(content):
                return Rule.QUOTE_HOLDS_MORE  # “四大” counts, “四大科技基础设施” is a name
        if f & _CUED:
            window = text[max(0, start - _CUE_REACH) : end + _CUE_REACH]
            if not any(c in window for c in self._cues[index]):
                return Rule.NO_CUE
        return None

    def _form_at(self, text: str, pos: int) -> bool:
        """Whether a known form starts at ``pos`` (one that counts only in quotes too)."""
        hit = self._bare.at(text, pos, min(pos + _FORM_REACH, len(text)))
        return hit is not None and self._owner[hit[0]] >= 0

    def _pieces(self, content: str) -> tuple[list[str], bool]:
        """What a quotation holds besides its known forms (list marks dropped), and whether
        two forms stand side by side with no list mark between them."""
        pieces: list[str] = []
        joined = False
        pos = 0
        last_end = -1
        for pattern, start, end in self._bare.find_matches_as_indexes(content):
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


class _Spellings:
    """Leftmost-longest search over a few short texts, as an automaton of ``patterns`` finds
    it (the same ``(pattern, start, end)`` triples), without the automaton's build.

    >>> _Spellings(["三化", "三化一体", "一体"]).find_matches_as_indexes("“三化一体”和一体")
    [(1, 1, 5), (2, 7, 9)]
    """

    def __init__(
        self, patterns: Sequence[str], pairs: dict[str, tuple[int, ...]] | None = None
    ) -> None:
        # at a position, one look-up per length that its two characters open (三个 opens
        # dozens of patterns, of a few lengths); the first of equal patterns is the one found
        n = len(patterns)
        self._index: dict[str, int] = dict(
            zip(reversed(patterns), range(n - 1, -1, -1), strict=True)
        )
        self._pairs = pair_lengths(patterns) if pairs is None else pairs

    def find_matches_as_indexes(self, text: str) -> list[Hit]:
        out: list[Hit] = []
        pos, n = 0, len(text)
        while pos < n:
            hit = self.at(text, pos, n)
            if hit is None:
                pos += 1
            else:
                out.append(hit)
                pos = hit[2]
        return out

    def at(self, text: str, pos: int, end: int) -> Hit | None:
        """The longest pattern that starts at ``pos`` and ends by ``end``, if any."""
        if end - pos >= 2:
            for length in self._pairs.get(text[pos : pos + 2], ()):
                if pos + length <= end:
                    i = self._index.get(text[pos : pos + length], -1)
                    if i >= 0:
                        return (i, pos, pos + length)
        i = self._index.get(text[pos : pos + 1], -1) if end > pos else -1
        return (i, pos, pos + 1) if i >= 0 else None


def pair_lengths(patterns: Sequence[str]) -> dict[str, tuple[int, ...]]:
    """The lengths of the patterns of two characters or more, by their first two characters,
    longest first.

    >>> pair_lengths(["三化", "三化一体", "一体", "三"])
    {'一体': (2,), '三化': (4, 2)}
    """
    by_pair: dict[str, set[int]] = {}
    for p in patterns:
        if len(p) >= 2:
            by_pair.setdefault(p[:2], set()).add(len(p))
    return {pair: tuple(sorted(lengths, reverse=True)) for pair, lengths in sorted(by_pair.items())}


def _formula_goes_on(text: str, start: int, end: int, before: str, after: str) -> bool:
    if before in _ALNUM or before in _PLUS or after in _ALNUM or after in _PLUS:
        return True
    # “2 + 1+6”: look one space further for a formula that goes on
    if before in _SPACE and start > 1 and text[start - 2] in _PLUS:
        return True
    if after in _SPACE and end + 1 < len(text) and text[end + 1] in _PLUS:
        return True
    return after in _MEASURES and after != "年"


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


# a footnote marker written inside the quotes, after the form (“四新一特①”, “三整治⑩”, a
# marker the file's encoding lost: “两园六区?”, “五化[3]”): no part of the quotation's content
_MARKERS = frozenset(
    [chr(c) for c in range(0x2460, 0x249C)] + [chr(c) for c in range(0x2776, 0x2794)] + ["?"]
)
_BRACKET_TAIL = regex(r"\[[0-9]{1,3}\]$")


def _quoted_content(text: str, start: int, end: int) -> str | None:
    """The content of the short quotation that encloses ``text[start:end]``, if any (a
    footnote marker at its end left out)."""
    span = _quote_span(text, start, end)
    if span is None:
        return None
    content = text[span[0] + 1 : span[1]]
    if content[-1:] in _MARKERS:
        return content[:-1]
    return _BRACKET_TAIL.sub("", content) if content.endswith("]") else content


def _quote_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The positions of the quote marks of the short quotation around ``text[start:end]``."""
    for open_mark, close_mark in _QUOTES.items():
        left = text.rfind(open_mark, max(0, start - _QUOTE_REACH), start + 1)
        if left < 0 or close_mark in text[left + 1 : start]:
            continue
        right = text.find(close_mark, end - 1, end + _QUOTE_REACH)
        if right < 0 or open_mark in text[end:right]:
            continue
        return left, right
    return None


def _view(spelling: str) -> str:
    return spelling.replace("「", _OPEN).replace("‘", _OPEN)


def _automaton(patterns: list[str]) -> Any:
    # an automaton needs one pattern: an empty dictionary gets one that cannot occur
    # a contiguous NFA: built three times faster than the DFA the library picks for a few
    # patterns (a document's own forms), and as fast to run on these texts
    return ahocorasick_rs.AhoCorasick(
        patterns or ["\uffff\uffff"],
        matchkind=ahocorasick_rs.MATCHKIND_LEFTMOST_LONGEST,
        implementation=ahocorasick_rs.Implementation.ContiguousNFA,
    )


# ---------------------------------------------------------------------------- shipped table

_TABLE_FORMAT = 3
_SHIPPED = "data/matcher.bin"


def _table_inputs(marks: Sequence[str]) -> tuple[Any, ...]:
    """What the bundled table is computed from: the compiled dictionary and the shipped
    traditional spellings (by size, as compiled.bin is checked), the marks, this format."""
    data = Path(str(resources.files("glossary").joinpath("data")))
    files = tuple(
        (name, (data / name).stat().st_size) for name in ("compiled.bin", "traditional.json")
    )
    return (_TABLE_FORMAT, files, tuple(marks))


def table_bytes(d: Dictionary, marks: Sequence[str]) -> bytes:
    """The shipped table of dictionary ``d`` (``tools/build_data.py`` writes it, after
    compiled.bin and traditional.json, whose sizes it records)."""
    table = build_table(d.terms, d.not_slogans, marks)
    return marshal.dumps((_table_inputs(marks), tuple(table)))


@functools.cache
def bundled_table(marks: tuple[str, ...]) -> Table | None:
    """The shipped table of the bundled dictionary, or None when missing or stale."""
    try:
        inputs, fields = marshal.loads(resources.files("glossary").joinpath(_SHIPPED).read_bytes())
        if inputs != _table_inputs(marks):
            return None
        return Table(*fields)
    except (OSError, ValueError, EOFError, TypeError):
        return None
