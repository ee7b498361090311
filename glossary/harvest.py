"""Dictionary candidates out of a report: its annotation notes and its inline definitions.

Annotation sections (附注, 名词解释, 名词注释, 用语说明, 词语解释, 术语说明, 释义 …, each under a heading
line of its own with a note right after it, and 注:) give ``kind="note"`` candidates; definitions in
the body (“四张清单”（需求、资源…）, “X”即…, X是指…) give ``kind="inline"``; a slogan whose items
are the document's own numbered headings (“六大行动” then （一）…（六）) gives ``kind="headings"``.

>>> [c.term for c in harvest("附注\\n8.“五化”:绿化、美化、照明化、净化、智化。\\n")]
['五化']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from .dictionary import NUMERAL_CHARS, leading_count, member_count

__all__ = [
    "MARKS",
    "Candidate",
    "HarvestResult",
    "candidates_to_yaml",
    "definitions",
    "harvest",
    "harvest_report",
]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A slogan and its definition as a report gives them, with where they were found."""

    term: str
    label: str
    definition: str
    members: tuple[str, ...] = ()
    parts: tuple[tuple[str, tuple[str, ...]], ...] = ()
    kind: str = "note"
    where: str = ""
    quote: str = ""
    source: str | None = None
    start: int = 0


@dataclass(frozen=True, slots=True)
class HarvestResult:
    """Every candidate, in the order found, and how many note items could not be parsed."""

    candidates: tuple[Candidate, ...] = ()
    skipped: int = 0


# ---------------------------------------------------------------------------- patterns

# A heading is a line of its own: markup (**, ##, 【, [, <!--, “- ”), a prefix (附, 附件二：, 附录一：,
# 资料：), a year and 《政府工作报告》, qualifiers (有关, 相关, 部分, 特定, 主要, 内容, 工作和), the core, a
# suffix (和说明, 及有关情况的说明, 说明) and an ordering remark (（按报告中出现顺序排列）).
_H_SPACE = r"[ \t　]*"
_H_WORD = r"(?:名词术语|专业术语名词|术语名词|名词|词语|用语|术语|词)"
_H_CORE = (
    rf"{_H_WORD}(?:的)?(?:解释|注释|注解|解析|说明|释义|解读)"
    r"|附注|注释|注[ 　]+释|注解|注|释义|解释和说明|解释说明|情况说明|缩略语"
)
_HEADING = re.compile(
    rf"^{_H_SPACE}(?:<!--{_H_SPACE})?(?:\*\*|#+{_H_SPACE}|[【\[]|-[ \t]+)?{_H_SPACE}"
    rf"(?:(?:附件|附录)[一二三四五六七八九十0-9]*|附(?!注)|资料)?{_H_SPACE}[:：]?{_H_SPACE}"
    rf"(?:[0-9]{{4}}年)?(?:《?政府工作报告》?)?(?:有关|相关|部分|特定|主要|内容|工作和)*{_H_SPACE}"
    rf"((?:{_H_CORE})(?:(?:和|及)(?:有关)?(?:情况)?(?:的)?说明|说明)?)"
    rf"{_H_SPACE}(?:[（(][^（）()\n]{{0,30}}[)）])?{_H_SPACE}[:：]?{_H_SPACE}"
    rf"(?:>+)?(?:\*\*|[】\]])?{_H_SPACE}(?:-->)?{_H_SPACE}$",
    re.M,
)
_INLINE_NOTE_HEAD = re.compile(r"^[ \t　]*(?:\*\*)?注[:：]", re.M)  # “注：1.…” on one line
_HEADING_LINE = 80  # a heading line is short: a longer line holding 注释 is prose
_NUMBER = re.compile(
    r"^[ \t　]*(?:\*\*)?[ \t　]*(?:[\[［〔﹝][ \t　]*\^?([0-9０-９]+)[ \t　]*[\]］〕﹞][:：]?"
    r"|[（(]([0-9０-９]+)[)）]|([0-9０-９]+)[ \t]*[.．、])[ \t　]*"
)
# where an annotation section stops: page furniture of the web copy
_STOP = re.compile(
    r"^[ \t　]*(?:扫一扫|打印本页|关闭窗口|相关链接|分享到|来源[:：]|---+\s*$|<!--"
    r"|(?:【[^】\n]{0,8}】[ \t　]*)+$"  # a line of bracketed buttons only: 【打印】【关闭】
    r"|(?:\*\*)?附件[一二三四五六七八九十0-9]*[:：]?(?:\*\*)?[ \t　]*$)",  # 附件1: an appendix
    re.M,
)
_BOLD = re.compile(r"\*\*")
# a term then 指/即/是 with no colon: “八个百分之百”指…, “X”工程即…, “六大X”一是…, 大通关指…
_TERM_THEN_VERB = re.compile(
    r"^“[^”\n]{1,30}”(?:[^，,。；;：:“”\s]{0,6}?(?=是指|指|即|一是)|(?=为|是))"
    r"|^[^，,。；;：:“”\s]{2,12}?(?<![所是])(?=是指|指(?![数标导挥南引令定]))"
)
# a group heading inside or after a list: 一、十大工业项目, （二）社会保障工程
_GROUP_HEAD = re.compile(
    r"^[ \t　]*(?:\*\*)?(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])[^。；;\n]{0,30}$"
)
# a sentence of the body: 各位代表，… or a clause ended by a comma before any colon
_PROSE = re.compile(r"[ \t　]*(?:各位代表|[^“\"【\[*:：，,。\n][^:：，,。\n]{0,24}[，,])")
_REMARK = re.compile(r"(?:\*\*)?[（(][^（）()\n]{1,40}[)）](?:\*\*)?")  # （按报告中出现顺序排列）
_TITLE = re.compile(r"[^:：，,。；;\s]{2,30}")  # a bare note title, its text on the next line
_BULLET = re.compile(r"^[ \t　]*[〇○●◆■•·][ \t　]*")
_PAGE_REF = re.compile(r"[（(]《报告》第[^（）()]{1,20}[)）]")  # （《报告》第1页第13行）
# how a note opens: a short label then a colon, a bold label, or 【label】
_NOTE_OPEN = re.compile(
    r"^(?:\*\*[^*\n]{1,60}\*\*|【?[^，,。；;：:\n]{1,40}】|[^，,。；;：:\n]{1,40}(?:[:：]|\*\*[:：])"
    r"|[^，,。；;：:\s]{2,20}[ \t　]+\S)"
)
_QUOTED = re.compile(r"[“\"]([^”\"“]{1,30})[”\"]")
_NUMERAL = re.compile(r"[一二两三四五六七八九十百千万双0-9０-９]")
_PART = re.compile(r"[“\"]([^”\"“]{1,8})[”\"]即")
_SENTENCE_END = "。；;\n"
_LIST_SPLIT = re.compile(r"[、，,；;]|(?<=[^\s])(?:和|及|以及)(?=[^\s])")

# inline forms in the body, conservative: the slogan is quoted and holds a numeral
_INLINE_PAREN = re.compile(r"[“\"]([^”\"“]{2,20})[”\"][（(]([^（）()]{3,120})[)）]")
_INLINE_BEFORE = re.compile(r"等[“\"]([^”\"“]{2,20})[”\"]")  # the list is read backwards
_LIST_BEFORE = re.compile(r"[^，。；：“”\n]{4,120}$")
# “X”即…, “X”是指…, “X”工程，即…, “X”行动是指… (not 即时, 即将, 立即 …)
_INLINE_JI = re.compile(
    r"[“\"]([^”\"“]{2,20})[”\"](?:[^，。；\n“”]{0,12}?[，,：:（(][*\s　]*|[^，。；\n“”即]{0,12}?(?=是指|指的是))?"
    r"(?:即(?![时将刻便可使日期])|是指(?![数标导挥南引令定出])|指的是)([^。；\n]{4,200})[。；]?"
)
# what shows that a definition may be near, for a caller that finds these words in a pass of
# its own (the annotator's automaton): a heading word, or how an inline form joins its term
HEADING_MARKS = (
    "解释",
    "注释",
    "注解",
    "附注",
    "说明",
    "释义",
    "解读",
    "解析",
    "缩略语",
    "注：",
    "注:",
    "注 释",
    "注　释",
)
INLINE_MARKS = (
    "”（",
    "”(",
    '"（',
    '"(',
    "”即",
    '"即',
    "，即",
    ",即",
    "：即",
    ":即",
    "（即",
    "(即",
    "**即",
    "** 即",
    "是指",
    "指的是",
    "等“",
    '等"',
)
_WINDOW = (40, 240)  # how far an inline form reaches before and after its mark
_INLINE_MARK = re.compile(
    "|".join(re.escape(m) for m in sorted(INLINE_MARKS, key=len, reverse=True))
)


def _window(text: str, mark: int) -> tuple[int, int, int]:
    return max(0, mark - _WINDOW[0]), mark, min(len(text), mark + _WINDOW[1])


_HEADING_SLOGAN = re.compile(
    r"[“\"]([一二两三四五六七八九十]大[^”\"“]{1,6}|[一二两三四五六七八九十]项[^”\"“]{1,6})[”\"]"
)
_CN_ORDINALS = "一二三四五六七八九十"

# what the note reader splits on, compiled once
_SPACES = re.compile(r"\s+")
_SENTENCE = re.compile(r"[。；;]")
_LIST_INTRO = re.compile(r"^(?:即|是指|指|包括|主要是)")
_SPLITTERS = (re.compile(r"[、]"), re.compile(r"[，,；;]"))
_LIST_TAIL = re.compile(r"(?:等)?[一二两三四五六七八九十0-9]+(?:个|项|大|种|类)[^、，,]{0,8}$")
_HEAD_END = re.compile(r"[:：。 \t　]")
_CLAUSE = re.compile(r"[，,；;]")
_OPEN_END = re.compile(r"(?:[:：]|指|即)$")
_ORIGINAL = re.compile(r"[ \t　]*(?:报告原文|原文|解释)[:：]")
_BOLD_LABEL = re.compile(r"^\s*\*\*(.+?)\*\*\s*[:：]?\s*(.*)$", re.S)
_COLON = re.compile(r"[:：]")
_COLON_SPLIT = re.compile(r"([:：])")
_BRACKET_LABEL = re.compile(r"^【?([^【】\n]{1,40})】\s*(.*)$", re.S)
_NOT_TITLE = re.compile(r"[:：，,；;]|。.|[指即]$")
_EXPLAINED = re.compile(r"(?:^|\n)解释[:：]")
_STOP_OR_LINE = re.compile(r"[。\n]")
_COMMA = re.compile(r"[，,]")
_GAP = re.compile(r"[ \t　]+")
_QUOTED_TITLE = re.compile(r"(“[^”\n]{1,30}”)(?=[^，,。；;、\n])")
_LIST_MARK = re.compile(r"[、，,；;]")
_LINE_BREAK = re.compile(r"\s*\n\s*")


def _norm(s: str) -> str:
    return _SPACES.sub("", s)


def _strip_term(label: str) -> str:
    """The slogan inside a note heading: 园区“3+2+1”生活配套体系 → 3+2+1, “X”行动 → X, but
    专精特新“小巨人” stays whole (its quoted part is not the slogan)."""
    label = label.strip().strip("*").strip()
    quoted: list[str] = _QUOTED.findall(label)
    if len(quoted) == 1 and (label.startswith(("“", '"')) or _NUMERAL.search(quoted[0])):
        return quoted[0].strip()
    return label


def _members(term: str, definition: str) -> tuple[str, ...]:
    """The items a definition enumerates, when their number is the slogan's numeral."""
    n = member_count(_strip_term(term))
    if not n:
        return ()
    first = _SENTENCE.split(definition.strip(), maxsplit=1)[0]
    first = first.rsplit("即", 1)[-1] if "即" in first[:-4] else first
    first = _LIST_INTRO.sub("", first).strip()
    first = _LIST_TAIL.sub("", first)
    for splitter in (*_SPLITTERS, _LIST_SPLIT):
        items = tuple(x.strip(" ，,") for x in splitter.split(first) if x.strip(" ，,"))
        if len(items) == n and all(len(x) <= 40 for x in items):
            return items
    return ()


def _parts(definition: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The part-by-part form: “3”即吃、住、行,“2”即教育、医疗 → ((3, (吃, 住, 行)), …)."""
    found = list(_PART.finditer(definition))
    if len(found) < 2:
        return ()
    out = []
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(definition)
        body = definition[m.end() : end].strip(" ，,；;。")
        items = tuple(x.strip() for x in body.split("、") if x.strip())
        out.append((m.group(1), items))
    return tuple(out)


# numerals that count (零 in 零就业家庭 states no list)
_COUNTING = "".join(sorted(NUMERAL_CHARS - {"零", "〇"}))
_TERM_OK = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
# a numeral and a measure word only (四大, 十个, 三类): a fragment of a name, not a term
_ONLY_COUNT = re.compile(f"[{_COUNTING}0-9０-９]+[大个项类位条件批]")
_CIRCLED = "".join(map(chr, range(0x2460, 0x2474)))  # ① … ⑳
_TERM_BAD = re.compile(r"[“”\"「」，。；：:、\n]")


def slogan_term(c: Candidate) -> str | None:
    """The candidate's term as written, or None when its label is not one slogan.

    >>> slogan_term(Candidate("“五化”", "“五化”", "绿化、美化、照明化、净化、智化"))
    '五化'
    """
    # a circled note number glued to the label (⑦三清) is not part of the term
    term = unicodedata.normalize("NFC", c.term).strip(' 　*“”"').lstrip(_CIRCLED).strip(' 　“”"')
    if not (2 <= len(term) <= 24) or _TERM_BAD.search(term) or not _TERM_OK.search(term):
        return None
    if _ONLY_COUNT.fullmatch(term):
        return None
    if len(c.definition) < 4:
        return None
    return term


def counted(
    term: str, c: Candidate
) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    """Members and parts only where their counts agree with the numerals (the validator's
    rule); otherwise the definition alone carries the meaning."""
    members = c.members
    want = member_count(term)
    if members and want is not None and len(members) != want:
        members = ()
    parts = c.parts
    if parts and any(
        (n := leading_count(label)) is not None and len(items) != n for label, items in parts
    ):
        parts = ()
    return members, parts


# ---------------------------------------------------------------------------- notes


@dataclass
class _Item:
    start: int
    number: str
    lines: list[str] = field(default_factory=list)


def _looks_like_note(line: str) -> bool:
    """A line that opens a note: “X”：…, **X**…, 【X】即…, “X”指…, X …, or a numbered line whose first
    clause is short (1.八大品质, 1.三量齐升。经济总量…), not a sentence of the body."""
    m = _NUMBER.match(line)
    body = _BULLET.sub("", line[m.end() :] if m else line).strip(" \t　")
    if not body or body.startswith("各位代表"):
        return False
    if _NOTE_OPEN.match(body) or (body.startswith("“") and _TERM_THEN_VERB.match(body)):
        return True
    head = _HEAD_END.split(body, maxsplit=1)[0]
    return bool(m) and len(head) <= 40 and not _CLAUSE.search(head)


def _glossary_follows(text: str, pos: int) -> bool:
    """Whether a note opens in the first lines after a heading, the first of them not body prose
    (an ordering remark such as （按报告中出现顺序排列） or a group heading such as
    一、2015年工作回顾 may come first): 有关情况说明 then 各位代表，… is a line of the body."""
    seen = 0
    for line in text[pos : pos + 1500].split("\n"):
        if not line.strip() or _REMARK.fullmatch(line.strip()) or _GROUP_HEAD.match(line):
            continue
        if seen == 0 and _PROSE.match(line) and not _NUMBER.match(line):
            return False
        if _looks_like_note(line):
            return True
        seen += 1
        if seen >= 3:
            return False
    return False


def _heading_lines(text: str, hits: Iterable[int]) -> Iterator[re.Match[str]]:
    """Heading matches on the lines that hold ``hits`` (positions of heading words)."""
    done = -1
    for hit in sorted(hits):
        if hit < done:
            continue
        start = text.rfind("\n", 0, hit) + 1
        end = text.find("\n", hit)
        done = len(text) if end < 0 else end
        if done - start <= _HEADING_LINE:
            for rx in (_HEADING, _INLINE_NOTE_HEAD):
                if m := rx.match(text, start):
                    yield m


def _sections(text: str, hits: Iterable[int] | None = None) -> Iterator[tuple[int, int, str]]:
    """(start, end, heading) of every annotation section; with ``hits``, only the lines that
    hold them may be headings."""
    found = (
        [*_HEADING.finditer(text), *_INLINE_NOTE_HEAD.finditer(text)]
        if hits is None
        else list(_heading_lines(text, hits))
    )
    heads = [
        (m.start(), m.end(), re.sub(r"[ \t　]", "", m.group(1)))  # 注 释 → 注释
        for m in found
        if m.re is _HEADING and _glossary_follows(text, m.end())
    ]
    heads += [(m.start(), m.start(), "注") for m in found if m.re is _INLINE_NOTE_HEAD]
    heads.sort()
    for i, (_, start, name) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(text)
        stop = _STOP.search(text, start, end)
        yield start, stop.start() if stop else end, name


def _joins(lines: list[str], line: str) -> bool:
    """Whether, in an unnumbered section, ``line`` goes on the item of ``lines``: after “X：指”
    cut at the line end, after a bare title (三江口核心滨水区 / 报告原文：… / 解释：…)."""
    last = lines[-1].strip()
    if _OPEN_END.search(last):
        return True
    if _ORIGINAL.match(line):
        return True
    return (
        len(lines) == 1
        and _TITLE.fullmatch(last) is not None
        and not _NOTE_OPEN.match(line)
        and not _TITLE.fullmatch(line.strip())
        and not _GROUP_HEAD.match(line[:4] + "x")  # 2012年市政府十件实事 / 一、改善社会治安…
        and line.count("》") <= line.count("《")  # …稳定经济增长的实施意见》: a broken line
    )


def _style(m: re.Match[str]) -> int:
    """Which numbering a _NUMBER match uses: [1] or 〔1〕, （1）, or 1. / 1、."""
    return (m.lastindex or 1) - 1  # one group of the three matches


def _items(text: str, start: int, end: int) -> tuple[list[_Item], bool]:
    """The items of a section, numbered or one per paragraph; continuation lines join."""
    lines: list[tuple[int, str, re.Match[str] | None]] = []
    pos = start
    for line in text[start:end].split("\n"):
        lines.append((pos, line, _NUMBER.match(line)))
        pos += len(line) + 1
    styles = [_style(m) for _, _, m in lines if m]
    numbered = len(styles) >= 2
    # the items are numbered as the first one is: （1）（2） inside “10．…：” are its text, unless
    # they open notes of their own (（1）12个省级产业园区：…)
    main = styles[0] if numbered and styles.count(styles[0]) >= 2 else None
    items: list[_Item] = []
    open_item = False  # whether a line may still join the last numbered item
    for pos, line, number in lines:
        if not line.strip() or line.lstrip().startswith("|"):  # a blank line, a table row
            continue
        m = number if numbered else None
        if (
            m
            and main is not None
            and _style(m) != main
            and items
            and open_item
            and not _NOTE_OPEN.match(line[m.end() :])
        ):
            items[-1].lines.append(line)
        elif m:
            items.append(_Item(pos + m.end(), m.group(m.lastindex or 1), [line[m.end() :]]))
            open_item = True
        elif line.startswith("注") and _INLINE_NOTE_HEAD.match(line):
            continue
        elif numbered and _GROUP_HEAD.match(line):
            open_item = False  # 四、十大水利项目: a group heading, not the last item's text
        elif items and (open_item if numbered else _joins(items[-1].lines, line)):
            items[-1].lines.append(line)  # the last item's text goes on
        elif not numbered:
            items.append(
                _Item(pos + len(line) - len(line.lstrip()), str(len(items) + 1), [line.strip()])
            )
    return (_split_run_on(items, text) if numbered else items), numbered


def _split_run_on(items: list[_Item], text: str) -> list[_Item]:
    """Notes run on in one line (三资：资金、资产和资源。25.澜湄：…): the next number after a
    full stop opens the next note, when no line of its own carries that number."""
    numbers = {item.number for item in items}
    out: list[_Item] = []
    for item in items:
        out.append(item)
        while (k := _as_int(out[-1].number)) is not None and str(k + 1) not in numbers:
            current = out[-1]
            joined = "\n".join(current.lines)
            m = re.search(rf"。({k + 1})[.．、](?![0-9])", joined)
            if not m:
                break
            current.lines = joined[: m.start() + 1].split("\n")
            rest = joined[m.end() :]
            start = text.find(rest[:30], current.start) if rest else -1
            out.append(_Item(start if start >= 0 else current.start, str(k + 1), rest.split("\n")))
            numbers.add(str(k + 1))
    return out


def _as_int(number: str) -> int | None:
    try:
        return int(number)
    except ValueError:
        return None


def _split_note(body: str, numbered: bool = False) -> tuple[str, str] | None:
    """(label, definition) at the bold end, or at 】, or after a label on a line of its own
    (1.八大品质 / 发展品质更高…), or at the first colon, or after “X”指…, or at a space; a numbered
    note may also end its label with a full stop (1.三量齐升。经济总量…)."""
    body = _BULLET.sub("", body)
    bold = _BOLD_LABEL.match(body)
    if bold:
        label, rest = bold.group(1).strip(), bold.group(2)
        if label.endswith((":", "：")):
            label = label[:-1]
        elif _COLON.search(label):
            label, _, head = _COLON_SPLIT.split(label, maxsplit=1)
            rest = head + rest
        return _PAGE_REF.sub("", label).strip(), _BOLD.sub("", rest).strip()
    body = _BOLD.sub("", body).strip()
    bracket = _BRACKET_LABEL.match(body)
    if bracket:
        return bracket.group(1).strip(), bracket.group(2).strip()
    first, _, rest = body.partition("\n")
    if rest.strip() and len(first) <= 40 and not _NOT_TITLE.search(first):
        rest = _EXPLAINED.split(rest, maxsplit=1)[-1]  # 报告原文：… 解释：…
        return _PAGE_REF.sub("", first).strip(" 。"), rest.strip()
    m = _COLON.search(body)
    verb = _TERM_THEN_VERB.match(body)  # “八个百分之百”指…, 大通关指…: no colon after the term
    if (
        m
        and m.start() <= 60
        and not _STOP_OR_LINE.search(body, 0, m.start())
        and not (verb and verb.end() < m.start() and _COMMA.search(body, 0, m.start()))
    ):
        return body[: m.start()].strip(), body[m.end() :].strip()
    if verb:
        return verb.group(0).strip(), body[verb.end() :].strip()
    m = _GAP.search(body)
    if m and 1 <= m.start() <= 40:
        return body[: m.start()].strip(), body[m.end() :].strip()
    stop = body.find("。")
    if numbered and 2 <= stop <= 20 and not _CLAUSE.search(body, 0, stop):
        return body[:stop].strip(), body[stop + 1 :].strip()
    # “八个有”有收入、有房住…: a quoted title run into its text (not “三旧”改造“双百计划”。即…)
    m = _QUOTED_TITLE.match(body)
    head = body[m.end() :].split("。", 1)[0] if m else ""
    if m and (len(head) > 12 or _LIST_MARK.search(head)):
        return m.group(1), body[m.end() :].strip()
    return None


def _unbalanced(label: str) -> bool:
    """A label that opens a bracket it does not close: （市政府办公厅, a signature, not a term."""
    return label.count("（") + label.count("(") > label.count("）") + label.count(")")


def _notes(
    text: str, source: str | None, sections: Iterable[tuple[int, int, str]]
) -> tuple[list[Candidate], int]:
    out: list[Candidate] = []
    skipped = 0
    for start, end, name in sections:
        items, numbered = _items(text, start, end)
        for item in items:
            body = "\n".join(item.lines).strip()
            split = _split_note(body, numbered)
            if split is None or not split[0] or not split[1]:
                skipped += 1
                continue
            label, definition = split
            definition = _LINE_BREAK.sub("", definition)
            if len(label) > 60 or _unbalanced(label):
                skipped += 1
                continue
            term = _strip_term(label)
            parts = _parts(definition)
            quote_end = text.find("\n", item.start)
            quote = text[item.start : quote_end if quote_end > 0 else len(text)].strip()
            out.append(
                Candidate(
                    term=term,
                    label=label,
                    definition=definition,
                    members=() if parts else _members(label, definition),
                    parts=parts,
                    kind="note",
                    where=f"{name}{item.number}" if numbered else f"{name}（第{item.number}条）",
                    quote=quote,
                    source=source,
                    start=text.find(quote, item.start - 2) if quote else item.start,
                )
            )
    return out, skipped


# ---------------------------------------------------------------------------- body


def _quotes_before(text: str, a: int, b: int) -> Iterator[int]:
    """Positions of opening quotes in ``text[a:b]``, nearest ``b`` first."""
    for mark in ("“", '"'):
        pos = b
        while (pos := text.rfind(mark, a, pos)) >= 0:
            yield pos


def _inline(
    text: str,
    source: str | None,
    skip: list[tuple[int, int]],
    windows: Sequence[tuple[int, int, int]] | None = None,
) -> list[Candidate]:
    """Inline definitions outside ``skip`` (the annotation sections), read only around the
    marks that show them (``windows`` around each, found here when not given)."""

    def outside(pos: int) -> bool:
        return not any(a <= pos < b for a, b in skip)

    if windows is None:
        windows = [_window(text, m.start()) for m in _INLINE_MARK.finditer(text)]
    # a window that starts inside a section finds only what starts there: nothing to keep
    windows = [w for w in windows if outside(w[0])]

    def hits(rx: re.Pattern[str]) -> Iterator[re.Match[str]]:
        for a, mark, b in windows:
            # the form that reaches over the mark from the nearest start: the mark itself
            # (等“…”), else the nearest quote before it
            for q in (mark, *_quotes_before(text, a, mark)):
                m = rx.match(text, q, b)
                if m and m.end() > mark:
                    yield m
                    break

    def cand(
        term: str,
        definition: str,
        members: tuple[str, ...],
        quote: str,
        at: int,
        parts: tuple[tuple[str, tuple[str, ...]], ...] = (),
    ) -> Candidate:
        return Candidate(
            term,
            f"“{term}”",
            definition,
            members,
            parts,
            "inline",
            f"offset {at}",
            quote,
            source,
            at,
        )

    found: dict[int, Candidate] = {}
    for m in hits(_INLINE_PAREN):
        term, inner = m.group(1), m.group(2)
        members = _members(term, inner)
        if outside(m.start()) and _NUMERAL.search(term) and members:
            found[m.start()] = cand(term, inner, members, m.group(0), m.start())
    for m in hits(_INLINE_BEFORE):
        term = m.group(1)
        before = _LIST_BEFORE.search(text, max(0, m.start() - 120), m.start())
        if not before or not _NUMERAL.search(term):
            continue
        listed = re.split(r"[，。；：]|形成|包括|推进|实现|建立", before.group(0))[-1]
        members = _members(term, listed)
        s = m.start() - len(listed)
        if outside(s) and members:
            found[s] = cand(term, listed + "等", members, text[s : m.end()], s)
    for m in hits(_INLINE_JI):
        term, definition = m.group(1), m.group(2).strip()
        if not outside(m.start()) or not _NUMERAL.search(term) or len(term) == 1:
            continue
        if re.fullmatch(r"[0-9A-Za-z]", term):  # “3”即…: one part of a compound, not a slogan
            continue
        parts = _parts(m.group(0))
        members = () if parts else _members(term, definition)
        if not (members or parts or leading_count(term)):
            continue
        found.setdefault(m.start(), cand(term, definition, members, m.group(0), m.start(), parts))
    return [found[k] for k in sorted(found)]


def _headings(text: str, source: str | None) -> list[Candidate]:
    """A slogan whose items are the document's numbered headings that follow it."""
    out = []
    for m in _HEADING_SLOGAN.finditer(text):
        term = m.group(1)
        n = leading_count(term)
        # announced as the plan of the document (重点实施“六大行动”), headings right after it
        if (
            not n
            or n < 2
            or n > 10
            or not re.search(r"实施|开展|推进|打好|抓好", text[max(0, m.start() - 8) : m.start()])
        ):
            continue
        items = []
        pos = m.end()
        for k in range(n):
            h = re.compile(
                rf"^[ \t　]*[（(]{_CN_ORDINALS[k]}[)）][ \t　]*(?:实施)?([^，,。；\n]{{2,30}})",
                re.M,
            )
            hm = h.search(text, pos)
            if not hm or (k == 0 and hm.start() - m.end() > 600):
                break
            items.append(hm.group(1).strip())
            pos = hm.end()
        if len(items) == n:
            quote_end = text.find("。", m.start())
            quote = text[max(0, m.start() - 20) : quote_end + 1 if quote_end > 0 else m.end()]
            out.append(
                Candidate(
                    term,
                    f"“{term}”",
                    "、".join(items),
                    tuple(items),
                    (),
                    "headings",
                    f"offset {m.start()}",
                    quote,
                    source,
                    text.find(quote),
                )
            )
    return out


# ---------------------------------------------------------------------------- API


def harvest_report(text: str, source: str | None = None) -> HarvestResult:
    """Every candidate in ``text`` (notes, inline, headings) and the count of unparsed note items."""
    text = _unix(text)
    try:
        sections = list(_sections(text))
        notes, skipped = _notes(text, source, sections)
        body = _inline(text, source, [(a, b) for a, b, _ in sections])
        heads = _headings(text, source)
    except (re.error, ValueError, IndexError):  # a document too broken to read: nothing, counted
        return HarvestResult((), 1)
    seen = {(c.kind, c.term, c.start) for c in notes}
    cands = [*notes, *(c for c in body + heads if (c.kind, c.term, c.start) not in seen)]
    cands.sort(key=lambda c: c.start)
    return HarvestResult(tuple(cands), skipped)


MARKS = HEADING_MARKS + INLINE_MARKS


def _unix(text: str) -> str:
    """Lines ended by CR LF (a file saved on Windows) read as lines: the CR becomes a space,
    which the line patterns allow at a line's end, and every offset stays where it was."""
    return text.replace("\r", " ") if "\r" in text else text


def definitions(text: str, marks: Iterable[tuple[int, int]] | None = None) -> list[Candidate]:
    """A document's own definitions: its notes, then its inline forms (not its headings, which
    are weaker evidence), in text order. ``marks`` are ``(index into MARKS, position)`` pairs a
    caller found in a pass of its own: only the places they show are read, at a cost that
    does not grow with the text; None reads the whole text.

    >>> [c.definition for c in definitions("推进“两新”（新基建、新城建）。")]
    ['新基建、新城建']
    """
    text = _unix(text)
    heads: list[int] | None = None
    windows: list[tuple[int, int, int]] | None = None
    if marks is not None:
        heads, windows = [], []
        for k, pos in marks:
            if k < len(HEADING_MARKS):
                heads.append(pos)
            else:
                windows.append(_window(text, pos))
    sections = list(_sections(text, heads)) if heads is None or heads else []
    notes = _notes(text, None, sections)[0]
    spans = [(a, b) for a, b, _ in sections]
    return notes + (_inline(text, None, spans, windows) if windows is None or windows else [])


def harvest(text: str, *, source: str | None = None) -> list[Candidate]:
    """Dictionary candidates from a report's notes and inline definitions, in text order."""
    return list(harvest_report(text, source).candidates)


def candidates_to_yaml(cands: Sequence[Candidate], marks: Sequence[str] | None = None) -> str:
    """Candidates as YAML to review and paste into data/terms.yaml, in the order found; each row
    names the file it came from (``source``) when the candidate has one."""
    rows = []
    for i, c in enumerate(cands):
        row: dict[str, object] = {"term": c.term}
        if c.label != c.term and c.label.strip("“”") != c.term:
            row["label"] = c.label
        row["definition"] = c.definition
        if c.members:
            row["members"] = list(c.members)
        if c.parts:
            row["parts"] = [{"label": label, "members": list(m)} for label, m in c.parts]
        row["kind"] = c.kind
        if c.source:
            row["source"] = c.source
        row["where"] = c.where
        row["quote"] = c.quote
        if marks is not None:
            row["status"] = marks[i]
        rows.append(row)
    import yaml

    return yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=120)
