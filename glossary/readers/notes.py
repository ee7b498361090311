"""The notes reader: a report's annotation sections (附注, 名词解释, 注释, 注：…) and their items,
numbered in any style (``8.`` ``8、`` ``（8）`` ``[8]`` ``〔8〕`` ``【X】``) or one per paragraph.
Over 450 lines because one way of explaining has many real formats, each with its rule and its
example here: the sections, their items, the parts of a multi-form note, footnote markers.

>>> text = "正文。\\n附注\\n8.“五化”：绿化、美化、照明化、净化、智化。\\n9.“两新”：新基建、新城建。\\n"
>>> [(c.term, c.where) for c in notes(text, None, sections(text))[0]]
[('五化', '附注8'), ('两新', '附注9')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..numerals import member_count
from ..patterns import lazy
from ..quotes import ELIDED
from .base import NUMERAL, QUOTED, Candidate, list_members, parts_of, strip_term

__all__ = ["PART", "label_forms", "notes", "sections", "sub_forms"]

# A heading is a line of its own: markup (**, ##, 【, [, <!--, “- ”), a prefix (附, 附件二：, 附录一：,
# 资料：), a year and 《政府工作报告》, qualifiers (有关, 相关, 部分, 特定, 主要, 内容, 工作和), the core, a
# suffix (和说明, 及有关情况的说明, 说明) and an ordering remark (（按报告中出现顺序排列）).
_H_SPACE = r"[ \t　]*"
_H_WORD = r"(?:名词术语|专业术语名词|术语名词|名词|词语|用语|术语|词)"
_H_CORE = (
    rf"{_H_WORD}(?:的)?(?:解释|注释|注解|解析|说明|释义|解读)"
    r"|附注|注释|注[ 　]+释|注解|注|释义|解释和说明|解释说明|情况说明|缩略语"
)
_SPACES = lazy(r"[ \t　]")  # inside a heading word: 注 释

_HEADING = lazy(
    rf"^{_H_SPACE}(?:<!--{_H_SPACE})?(?:\*\*|#+{_H_SPACE}|[【\[]|-[ \t]+)?{_H_SPACE}"
    rf"(?:(?:附件|附录)[一二三四五六七八九十0-9]*|附(?!注)|资料)?{_H_SPACE}[:：]?{_H_SPACE}"
    rf"(?:[0-9]{{4}}年)?(?:《?政府工作报告》?)?(?:有关|相关|部分|特定|主要|内容|工作和)*{_H_SPACE}"
    rf"((?:{_H_CORE})(?:(?:和|及)(?:有关)?(?:情况)?(?:的)?说明|说明)?)"
    rf"{_H_SPACE}(?:[（(][^（）()\n]{{0,30}}[)）])?{_H_SPACE}[:：]?{_H_SPACE}"
    rf"(?:>+)?(?:\*\*|[】\]])?{_H_SPACE}(?:-->)?{_H_SPACE}$",
    re.M,
)
_INLINE_NOTE_HEAD = lazy(r"^[ \t　]*(?:\*\*)?注[:：]", re.M)  # “注：1.…” on one line
_HEADING_LINE = 80  # a heading line is short: a longer line holding 注释 is prose
_NUMBER = lazy(
    r"^[ \t　]*(?:\*\*)?[ \t　]*(?:[\[［〔﹝][ \t　]*\^?([0-9０-９]+)[ \t　]*[\]］〕﹞][:：]?"
    r"|[（(]([0-9０-９]+)[)）]|([0-9０-９]+)[ \t]*[.．、])[ \t　]*"
)
# where an annotation section stops: page furniture of the web copy
_STOP = lazy(
    r"^[ \t　]*(?:扫一扫|打印本页|关闭窗口|相关链接|分享到|来源[:：]|---+\s*$|<!--"
    r"|(?:【[^】\n]{0,8}】[ \t　]*)+$"  # a line of bracketed buttons only: 【打印】【关闭】
    r"|(?:\*\*)?附件[一二三四五六七八九十0-9]*[:：]?(?:\*\*)?[ \t　]*$)",  # 附件1: an appendix
    re.M,
)
_BOLD = lazy(r"\*\*")
# a term then 指/即/是 with no colon: “八个百分之百”指…, “X”工程即…, “六大X”一是…, 大通关指…
_TERM_THEN_VERB = lazy(
    r"^“[^”\n]{1,30}”(?:[^，,。；;：:“”\s]{0,6}?(?=是指|指|即|一是)|(?=为|是))"
    r"|^[^，,。；;：:“”\s]{2,12}?(?<![所是])(?=是指|指(?![数标导挥南引令定]))"
)
# a group heading inside or after a list: 一、十大工业项目, （二）社会保障工程
_GROUP_HEAD = lazy(
    r"^[ \t　]*(?:\*\*)?(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])[^。；;\n]{0,30}$"
)
# a sentence of the body: 各位代表，… or a clause ended by a comma before any colon
_PROSE = lazy(r"[ \t　]*(?:各位代表|[^“\"【\[*:：，,。\n][^:：，,。\n]{0,24}[，,])")
# the report's own remark after its notes, wholly in brackets: （注：…会议上通过。）,
# （摘录于…《四平日报》）: no note's text
_AFTERWORD = lazy(r"[ \t　]*[（(](?:注|摘录|来源|说明|备注)[^\n]*[)）][ \t　]*$")
# a note's number glued to its quoted label, the stop lost: 41“振兴初中”计划：…
_GLUED_NUMBER = lazy(r"[ \t　]*([0-9]{1,3})(?=[“\"])")
_REMARK = lazy(r"(?:\*\*)?[（(][^（）()\n]{1,40}[)）](?:\*\*)?")  # （按报告中出现顺序排列）
_TITLE = lazy(r"[^:：，,。；;\s]{2,30}")  # a bare note title, its text on the next line
_BULLET = lazy(r"^[ \t　]*[〇○●◆■•·][ \t　]*")
_PAGE_REF = lazy(r"[（(]《报告》第[^（）()]{1,20}[)）]")  # （《报告》第1页第13行）
# how a note opens: a short label then a colon, a bold label, or 【label】
_NOTE_OPEN = lazy(
    r"^(?:\*\*[^*\n]{1,60}\*\*|【?[^，,。；;：:\n]{1,40}】|[^，,。；;：:\n]{1,40}(?:[:：]|\*\*[:：])"
    r"|[^，,。；;：:\s]{2,20}[ \t　]+\S)"
)
# what the note reader splits on, compiled once
_HEAD_END = lazy(r"[:：。 \t　]")
_CLAUSE = lazy(r"[，,；;]")
_OPEN_END = lazy(r"(?:[:：]|指|即)$")
_ORIGINAL = lazy(r"[ \t　]*(?:报告原文|原文|解释)[:：]")
_BOLD_LABEL = lazy(r"^\s*\*\*(.+?)\*\*\s*[:：]?\s*(.*)$", re.S)
_COLON = lazy(r"[:：]")
_COLON_SPLIT = lazy(r"([:：])")
_BRACKET_LABEL = lazy(r"^【?([^【】\n]{1,40})】\s*(.*)$", re.S)
_NOT_TITLE = lazy(r"[:：，,；;]|。.|[指即]$")
_EXPLAINED = lazy(r"(?:^|\n)解释[:：]")
_STOP_OR_LINE = lazy(r"[。\n]")
_COMMA = lazy(r"[，,]")
_GAP = lazy(r"[ \t　]+")
_QUOTED_TITLE = lazy(r"(“[^”\n]{1,30}”)(?=[^，,。；;、\n])")
_LIST_MARK = lazy(r"[、，,；;]")
_LINE_BREAK = lazy(r"\s*\n\s*")


@dataclass
class _Item:
    start: int
    number: str
    lines: list[str] = field(default_factory=list)


def _looks_like_note(line: str) -> bool:
    """A line that opens a note: “X”：…, **X**…, 【X】即…, “X”指…, X …, or a numbered line whose first
    clause is short (1.八大品质, 1.三量齐升。经济总量…), not a sentence of the body."""
    m = _NUMBER().match(line)
    body = _BULLET().sub("", line[m.end() :] if m else line).strip(" \t　")
    if not body or body.startswith("各位代表"):
        return False
    if _NOTE_OPEN().match(body) or (body.startswith("“") and _TERM_THEN_VERB().match(body)):
        return True
    head = _HEAD_END().split(body, maxsplit=1)[0]
    return bool(m) and len(head) <= 40 and not _CLAUSE().search(head)


def _glossary_follows(text: str, pos: int) -> bool:
    """Whether a note opens in the first lines after a heading, the first of them not body prose
    (an ordering remark such as （按报告中出现顺序排列） or a group heading such as
    一、2015年工作回顾 may come first): 有关情况说明 then 各位代表，… is a line of the body."""
    seen = 0
    for line in text[pos : pos + 1500].split("\n"):
        if not line.strip() or _REMARK().fullmatch(line.strip()) or _GROUP_HEAD().match(line):
            continue
        if seen == 0 and _PROSE().match(line) and not _NUMBER().match(line):
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
            for rx in (_HEADING(), _INLINE_NOTE_HEAD()):
                if m := rx.match(text, start):
                    yield m


def sections(text: str, hits: Iterable[int] | None = None) -> Iterator[tuple[int, int, str]]:
    """(start, end, heading) of every annotation section; with ``hits``, only the lines that
    hold them may be headings."""
    found = (
        [*_HEADING().finditer(text), *_INLINE_NOTE_HEAD().finditer(text)]
        if hits is None
        else list(_heading_lines(text, hits))
    )
    heads = [
        (m.start(), m.end(), _SPACES().sub("", m.group(1)))  # 注 释 → 注释
        for m in found
        if m.re is _HEADING() and _glossary_follows(text, m.end())
    ]
    heads += [(m.start(), m.start(), "注") for m in found if m.re is _INLINE_NOTE_HEAD()]
    heads.sort()
    for i, (_, start, name) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(text)
        stop = _STOP().search(text, start, end)
        yield start, stop.start() if stop else end, name


def _joins(lines: list[str], line: str) -> bool:
    """Whether, in an unnumbered section, ``line`` goes on the item of ``lines``: after “X：指”
    cut at the line end, after a bare title (三江口核心滨水区 / 报告原文：… / 解释：…)."""
    last = lines[-1].strip()
    if _OPEN_END().search(last):
        return True
    if _ORIGINAL().match(line):
        return True
    return (
        len(lines) == 1
        and _TITLE().fullmatch(last) is not None
        and not _NOTE_OPEN().match(line)
        and not _TITLE().fullmatch(line.strip())
        and not _GROUP_HEAD().match(line[:4] + "x")  # 2012年市政府十件实事 / 一、改善社会治安…
        and line.count("》") <= line.count("《")  # …稳定经济增长的实施意见》: a broken line
    )


def _style(m: re.Match[str]) -> int:
    """Which numbering a _NUMBER() match uses: [1] or 〔1〕, （1）, or 1. / 1、."""
    return (m.lastindex or 1) - 1  # one group of the three matches


def _items(text: str, start: int, end: int) -> tuple[list[_Item], bool]:
    """The items of a section, numbered or one per paragraph; continuation lines join."""
    lines: list[tuple[int, str, re.Match[str] | None]] = []
    pos = start
    for line in text[start:end].split("\n"):
        lines.append((pos, line, _NUMBER().match(line)))
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
            and not _NOTE_OPEN().match(line[m.end() :])
        ):
            items[-1].lines.append(line)
        elif m:
            items.append(_Item(pos + m.end(), m.group(m.lastindex or 1), [line[m.end() :]]))
            open_item = True
        elif line.startswith("注") and _INLINE_NOTE_HEAD().match(line):
            continue
        elif numbered and _GROUP_HEAD().match(line):
            open_item = False  # 四、十大水利项目: a group heading, not the last item's text
        elif _AFTERWORD().match(line):
            open_item = False
        elif (
            numbered
            and items
            and (glued := _GLUED_NUMBER().match(line))
            and _follows(items[-1].number, glued.group(1))
        ):
            items.append(_Item(pos + glued.end(), glued.group(1), [line[glued.end() :]]))
            open_item = True
        elif items and (open_item if numbered else _joins(items[-1].lines, line)):
            items[-1].lines.append(line)  # the last item's text goes on
        elif not numbered:
            items.append(
                _Item(pos + len(line) - len(line.lstrip()), str(len(items) + 1), [line.strip()])
            )
    return (_split_run_on(items, text) if numbered else items), numbered


_RUN_ON = lazy(r"。([0-9]+)[.．、](?![0-9])")  # 。25.澜湄: the next note, run on


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
            m = next((x for x in _RUN_ON().finditer(joined) if x.group(1) == str(k + 1)), None)
            if not m:
                break
            current.lines = joined[: m.start() + 1].split("\n")
            rest = joined[m.end() :]
            start = text.find(rest[:30], current.start) if rest else -1
            out.append(_Item(start if start >= 0 else current.start, str(k + 1), rest.split("\n")))
            numbers.add(str(k + 1))
    return out


def _follows(number: str, then: str) -> bool:
    """Whether note ``then`` is the one after note ``number`` (40 then 41)."""
    k = _as_int(number)
    return k is not None and then == str(k + 1)


def _as_int(number: str) -> int | None:
    try:
        return int(number)
    except ValueError:
        return None


def _split_note(body: str, numbered: bool = False) -> tuple[str, str] | None:
    """(label, definition) at the bold end, or at 】, or after a label on a line of its own
    (1.八大品质 / 发展品质更高…), or at the first colon, or after “X”指…, or at a space; a numbered
    note may also end its label with a full stop (1.三量齐升。经济总量…)."""
    body = _BULLET().sub("", body)
    bold = _BOLD_LABEL().match(body)
    if bold:
        label, rest = bold.group(1).strip(), bold.group(2)
        if label.endswith((":", "：")):
            label = label[:-1]
        elif _COLON().search(label):
            label, _, head = _COLON_SPLIT().split(label, maxsplit=1)
            rest = head + rest
        return _PAGE_REF().sub("", label).strip(), _BOLD().sub("", rest).strip()
    body = _BOLD().sub("", body).strip()
    bracket = _BRACKET_LABEL().match(body)
    if bracket:
        return bracket.group(1).strip(), bracket.group(2).strip()
    first, _, rest = body.partition("\n")
    if rest.strip() and len(first) <= 40 and not _NOT_TITLE().search(first):
        rest = _EXPLAINED().split(rest, maxsplit=1)[-1]  # 报告原文：… 解释：…
        return _PAGE_REF().sub("", first).strip(" 。"), rest.strip()
    m = _COLON().search(body)
    verb = _TERM_THEN_VERB().match(body)  # “八个百分之百”指…, 大通关指…: no colon after the term
    if (
        m
        and m.start() <= 60
        and not _STOP_OR_LINE().search(body, 0, m.start())
        and not (verb and verb.end() < m.start() and _COMMA().search(body, 0, m.start()))
    ):
        return body[: m.start()].strip(), body[m.end() :].strip()
    if verb:
        return verb.group(0).strip(), body[verb.end() :].strip()
    m = _GAP().search(body)
    if m and 1 <= m.start() <= 40:
        return body[: m.start()].strip(), body[m.end() :].strip()
    stop = body.find("。")
    if numbered and 2 <= stop <= 20 and not _CLAUSE().search(body, 0, stop):
        return body[:stop].strip(), body[stop + 1 :].strip()
    # “八个有”有收入、有房住…: a quoted title run into its text (not “三旧”改造“双百计划”。即…)
    m = _QUOTED_TITLE().match(body)
    head = body[m.end() :].split("。", 1)[0] if m else ""
    if m and (len(head) > 12 or _LIST_MARK().search(head)):
        return m.group(1), body[m.end() :].strip()
    return None


def _unbalanced(label: str) -> bool:
    """A label that opens a bracket it does not close: （市政府办公厅, a signature, not a term."""
    return label.count("（") + label.count("(") > label.count("）") + label.count(")")


_HELD = 6  # characters of a definition its note's first line must hold to be cited alone


def notes(
    text: str, source: str | None, sections: Iterable[tuple[int, int, str]]
) -> tuple[list[Candidate], int]:
    out: list[Candidate] = []
    skipped = 0
    numbered_notes: dict[str, Candidate] = {}  # a numbered note by its number, for the markers
    pieces: list[tuple[int, list[Candidate]]] = []  # (where in out, a note's pieces)
    body_end = len(text)
    for start, end, name in sections:
        body_end = min(body_end, start)
        items, numbered = _items(text, start, end)
        for item in items:
            body = "\n".join(item.lines).strip()
            split = _split_note(body, numbered)
            if split is None or not split[0] or not split[1]:
                skipped += 1
                continue
            label, definition = split
            definition = _LINE_BREAK().sub("", definition)
            if len(label) > 60 or _unbalanced(label):
                skipped += 1
                continue
            term = strip_term(label)
            parts = parts_of(definition)
            quote_end = text.find("\n", item.start)
            head = text[item.start : quote_end if quote_end > 0 else len(text)].strip()
            quote = head
            if definition[:_HELD] not in head:
                # the label alone on its line (19.一刻钟便民生活圈), its explanation below: the
                # citation holds both (the line that opens it, past a 报告原文：… line)
                opening = definition[:_HELD]
                below = next((x.strip() for x in item.lines[1:] if opening in x), "")
                quote = f"{head}{ELIDED}{below}" if below else head
            note = Candidate(
                term=term,
                label=label,
                definition=definition,
                members=() if parts else list_members(label, definition),
                parts=parts,
                kind="note",
                where=f"{name}{item.number}" if numbered else f"{name}（第{item.number}条）",
                quote=quote,
                source=source,
                start=text.find(head, max(0, item.start - 2)) if head else item.start,
            )
            out.append(note)
            pieces.append((len(out), sub_forms(note) + label_forms(note)))
            if numbered:
                numbered_notes.setdefault(_ascii(item.number), note)
    if pieces:
        # a piece or spelling the text never uses explains nothing here (looked for in one
        # pass: a long document has thousands)
        held = _held(text, {c.term for _, found in pieces for c in found})
        for at, found in reversed(pieces):
            out[at:at] = [c for c in found if c.term in held]
    if numbered_notes:
        out += marked_forms(text, body_end, numbered_notes)
    return out, skipped


def _held(text: str, forms: set[str]) -> set[str]:
    """The ``forms`` that occur in ``text``."""
    if len(forms) <= 8:
        return {f for f in forms if f in text}
    import ahocorasick_rs

    return set(
        ahocorasick_rs.AhoCorasick(sorted(forms)).find_matches_as_strings(text, overlapping=True)
    )


# a footnote marker glued to a quoted form in the body: “X”[3], “X”［3］, “X”〔3〕, “X”[^3]
_MARKER = lazy(r"“([^“”\n]{2,24})”[\[［〔]\^?([0-9０-９]{1,3})[\]］〕]")


def _ascii(number: str) -> str:
    return number.translate(str.maketrans("０１２３４５６７８９", "0123456789"))


def marked_forms(text: str, stop: int, numbered: dict[str, Candidate]) -> list[Candidate]:
    """The form a body marker points at takes its note, whatever the note's label says:
    “六水共治”[10] and [10] 治污水、保供水…; “多项指标”[1] and [1] 多项指标增速名列全国前茅：…

    >>> note = Candidate("六水共治工作", "六水共治工作", "治污水、保供水、排涝水、防洪水、抓节水、优海水。")
    >>> [(c.term, c.kind) for c in marked_forms("推进“六水共治”[10]。", 99, {"10": note})]
    [('六水共治', 'note-part')]
    """
    out = []
    for m in _MARKER().finditer(text, 0, stop):
        note = numbered.get(_ascii(m.group(2)))
        form = m.group(1)
        if note is not None and form != note.term:
            out.append(_part(note, form, note.definition, f"{note.where}（{form}）"))
    return out


# one of several forms a note defines: “一主”指中心城区；“两副”指…
# a piece, then what defines it: 即, 指, 就是, a colon, or a bare comma or 是 when the piece is one
# of the label's (“一核三业五谷”：“一核”，大数据产业核；“三业”，…；“五谷”，…; “一纵一横”：
# 其中，“一纵”是阳明路…;“一横”是洪城路…)
_SUB_FORM = lazy(
    r"[“\"]([^”\"“]{2,12})[”\"](?:[，,]?(?:即|就是)|指的是|指|是指|分别是|分别为|为|[:：]|([，,])|(是))"
)
_QUOTE_MARKS = lazy(r"[“”\"*]")
# a piece 是 defines is a counted word (一纵, 三多), not a name's part (“瞪羚”是一种羚羊, PM2.5)
_COUNTED_WORD = lazy("[一二两三四五六七八九十百千万双][\u4e00-\u9fff]")
_UNFINISHED = lazy("(?:是|为|包括|即|：|:)$")
PART = "note-part"
_CLAUSE_OPENERS = "。；;，,：:“” \n"
_DATE = lazy(r"\d{1,2}[·.]\d{1,2}")  # “6·1”芦山地震“1+2”规划方案: a date names, not the form
_GENERIC_HEAD = lazy(
    r"(?:模式|工程|行动|机制|制度|体系|工作|战略|计划|政策|改革|建设)$"
)  # the kind of a form a note defines beside its own term


_DEFINES = lazy(r"[，,：:]?(?:即|指|是指)?")  # what follows a piece its note defines


def sub_forms(note: Candidate, text: str | None = None) -> list[Candidate]:
    """The pieces of a compound that its note defines one by one, each a form of its own:
    “一主两副六片区”：“一主”指中心城区；“两副”指… ; “双减”“双升”：双减，减轻…；双升，提升… ;
    碳达峰、碳中和：碳达峰，指…。碳中和，指… (every piece a part of the note's label, at least two);
    with ``text``, only the pieces it holds.

    >>> n = Candidate("双高双优", "双高双优", "“双高”即高水平高职学校和高水平专业群，“双优”即优质中等职业学校和优质专业。")
    >>> [(c.term, c.members) for c in sub_forms(n)]
    [('双高', ('高水平高职学校', '高水平专业群')), ('双优', ('优质中等职业学校', '优质专业'))]
    """
    d = note.definition
    if "“" not in d and '"' not in d and "、" not in note.term and note.label.count("“") < 2:
        return []  # no quoted piece to define and no piece named in the label
    # a piece of the label, or a counted form the note explains on the way (打造“五个中心”，即…);
    # after a bare comma, only a piece of the label (not 坚持“一个中心”，…)
    starts = [
        (m.group(1), m.start(), m.end())
        for m in _SUB_FORM().finditer(d)
        if (m.group(1) in note.label and (not m.group(3) or _COUNTED_WORD().search(m.group(1))))
        or (NUMERAL.search(m.group(1)) and not m.group(2) and not m.group(3))
    ]
    # the pieces a bare comma introduces: not the label itself, nor a clause cut short
    commas = {m.start() for m in _SUB_FORM().finditer(d) if m.group(2)}
    # a piece said again with 是 after its definition (“六稳”指的是…，“六保”指的是…。“六稳”是
    # 工作，“六保”是底线) ends the definition before it and defines nothing
    stops = [x[1] for x in starts]
    again = {m.start() for m in _SUB_FORM().finditer(d) if m.group(3)}
    said: set[str] = set()
    kept = []
    for x in starts:
        if not (x[1] in again and x[0] in said):
            kept.append(x)
        said.add(x[0])
    starts = kept
    if len(starts) < 2:
        # the pieces named bare: the label's quoted forms, or its 、-list
        names = QUOTED.findall(note.label) or note.term.split("、")
        starts = []
        at = 0
        for name in names if len(names) >= 2 else ():
            found = d.find(name, at) if name else -1
            defines = _DEFINES().match(d, found + len(name)) if found >= 0 else None
            if defines is None or defines.end() == found + len(name):
                break  # a piece not followed by what defines it
            if found and d[found - 1] not in _CLAUSE_OPENERS:
                break  # used inside a clause (以A为总牵引), not heading one
            starts.append((name, found, defines.end()))
            at = defines.end()
        stops = [x[1] for x in starts]
    if len(starts) < 2:
        return _by_counts(note, text)
    if len({x[0] for x in starts}) < len(starts):
        return []
    out = []
    for form, start, end in starts:
        if text is not None and form not in text:
            continue
        stop = min((x for x in stops if x > start), default=len(d))
        definition = d[end:stop]
        # a sentence that opens with a quoted form starts the next piece's note, not this one's
        definition = definition[: (definition + "。“").index("。“")].strip(" ，,；;。“")
        if definition[:1] == "”" or (
            start in commas
            and (
                form == note.term
                or len(definition) < 4
                or _UNFINISHED().search(definition)
                or definition.startswith(form)
            )
        ):
            continue  # (…“七大会战”，抓实。 …主要内容是。)
        out.append(_part(note, form, definition + "。", f"{note.where}（{form}）"))
    return out


_PIECES = lazy("[、，,]")
_GROUPS = lazy("[；;，,。]")
_STRONG = lazy("[；;。]")
_ONE = lazy("一[\u4e00-\u9fff]{1,3}")


def _by_counts(note: Candidate, text: str | None = None) -> list[Candidate]:
    """The pieces of a compound label that each count their items (四早、四集中; 三大高地、五大
    战略), when its definition lists them group by group in the label's order, one clause and
    one 、-list each, as many items as each piece counts: 早发现、早报告、早隔离、早治疗；集中
    患者、集中专家、集中资源、集中救治 → 四早 the first four, 四集中 the next four. Clauses
    without a list may open the definition (是指市委…提出，); the pieces after one that counts
    nothing (两禁两限) are left. With ``text``, only the pieces it holds.

    >>> n = Candidate("四早、四集中", "“四早、四集中”", "早发现、早报告、早隔离、早治疗；集中患者、集中专家、集中资源、集中救治。")
    >>> [(c.term, c.members) for c in _by_counts(n)]  # doctest: +NORMALIZE_WHITESPACE
    [('四早', ('早发现', '早报告', '早隔离', '早治疗')),
     ('四集中', ('集中患者', '集中专家', '集中资源', '集中救治'))]
    """
    from .lists import _split, _valid, compound, count_of, strip_lead

    # a piece quoted with its kind after it (“六稳”工作、“六保”任务) is the quoted form
    pieces = [x.strip(" *").lstrip('“"').split("”")[0] for x in _PIECES().split(note.term)]
    if len(pieces) == 1:
        # written as one (三清三拆, 两降一升): its pieces by their numerals
        pieces = [label for label, _ in compound(note.term)]
    # a piece of one thing (一谷, 一核) counts one item
    counts = [(count_of(x) or (1 if _ONE().fullmatch(x) else None)) if x else None for x in pieces]
    if len(set(pieces)) < len(pieces) or len(pieces) < 2:
        return []
    strong = [x for x in _STRONG().split(note.definition) if x.strip()]
    if all(counts) and len(strong) == len(pieces):
        # one group per piece, each ended by ；: a piece of one item (一谷、两中心、四基地:
        # 亲水河科技谷；潇湘科技创新中心、…；…) is its whole group
        clauses, first = strong, 0
    else:
        # 一个载体: one item is any clause; after a compound (两禁两限) the split is guesswork
        cut = next((i for i, k in enumerate(counts) if not k or k < 2), len(counts))
        counts = counts[:cut]
        if len(counts) < 2:
            return []
        clauses = [x for x in _GROUPS().split(note.definition) if x.strip()]
        first = next((i for i, x in enumerate(clauses) if "、" in x), len(clauses))
        if len(clauses) - first < len(counts):
            return []
    groups = []
    m = len(counts)
    for piece, n, clause in zip(pieces[:m], counts, clauses[first : first + m], strict=True):
        # a group that names its piece first (三重点指民生、生态、社会治理) is what follows
        clause = clause.strip(" ：:")
        if clause.startswith(piece) and (said := _DEFINES().match(clause, len(piece))):
            clause = clause[said.end() :]
        items = _split(_GROUP_FRAME().sub("", clause))
        if len(items) != n:
            return []  # a group of another length: the groups do not follow the pieces
        items, _ = strip_lead(items, short=False)
        items[0] = items[0].lstrip("：:")  # 即：减盐、减油、减糖
        if not _valid(items, piece, said=True):
            return []
        groups.append(items)
    words = [set(p.lstrip(_COUNTS)) - _COUNT_WORDS for p in pieces[: len(groups)]]
    for i, items in enumerate(groups):
        # items that all hold another piece's word and not all their own: the groups run in
        # another order than the label (“三脉”…、“三轴”…、“三核”… explained 轴, 核, 脉)
        own = sum(1 for x in items if words[i] & set(x))
        if own < len(items) and any(
            j != i and all(w & set(x) for x in items) for j, w in enumerate(words)
        ):
            return []
    return [
        _part(note, piece, "、".join(items) + "。", f"{note.where}（{piece}）")
        for piece, items in zip(pieces[: len(groups)], groups, strict=True)
        if text is None or piece in text
    ]


_COUNTS = "一二两三四五六七八九十百千万双"
_COUNT_WORDS = frozenset("大个项条类种批张")
# what frames a group rather than ends its last item: 以A、B为底线, 以A、B为重点
_GROUP_FRAME = lazy("为(?:底线|重点|核心|目标|抓手|主线|支撑|引领|方向|保障)$")


# a count with nothing counted: 五大 of 五大行动 names nothing (a report has 五大工程 too),
# nor does 食品安全六大 of 食品安全六大制度
_BARE_COUNT = lazy(r"[一二两三四五六七八九十百千万0-9]+[大个项条类种批张]?$")


def label_forms(note: Candidate, text: str | None = None) -> list[Candidate]:
    """Other forms a note's label gives its definition: the label without its quote marks
    (“雪亮”工程 → 雪亮工程), its quoted forms (农村“厕所革命” → 厕所革命; 以“四大决心”促“四大改变”),
    a counted form after the quote (“林长制”七大行动 → 七大行动), and a compound written with 、
    (三屏六楔、两脉两环) as a whole; with ``text``, only the forms it holds."""
    label = note.label.strip("* ")
    # in the text itself a quote before a counted head (“幸福宜宾”十大工程) is how the head is
    # written, so it takes the note here; the dictionary's term is the whole label (strip_term)
    quoted = [q for q in QUOTED.findall(label) if not _DATE().fullmatch(q)]
    forms = [note.term, *quoted, _QUOTE_MARKS().sub("", label)]
    head = _GENERIC_HEAD().search(note.term)
    if head and head.start() >= 2 and not _BARE_COUNT().search(note.term[: head.start()]):
        forms.append(note.term[: head.start()])
    close = label.rfind("”")
    if 0 <= close < len(label) - 2 and NUMERAL.match(label[close + 1 :]):
        forms.append(label[close + 1 :])
    return [
        _part(note, f, note.definition, note.where)
        for f in dict.fromkeys(x.strip() for x in forms)
        if f and (f != note.term or "、" in f) and (text is None or f in text)
    ]


def _part(note: Candidate, form: str, definition: str, where: str) -> Candidate:
    """``form`` as a piece of ``note``, defined by ``definition``."""
    members = list_members(form, definition) if member_count(form) else ()
    return Candidate(
        form, f"“{form}”", definition, members, (), PART, where, note.quote, note.source, note.start
    )
