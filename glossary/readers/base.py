"""What every reader of a document gives: a ``Candidate`` (a form and what the text says it
means), and the rules they share for a form's members and parts.

>>> list_members("五化", "绿化、美化、照明化、净化、智化。")
('绿化', '美化', '照明化', '净化', '智化')
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..numerals import NUMERAL_CHARS, leading_count, member_count
from ..patterns import lazy, regex

__all__ = [
    "Candidate",
    "counted",
    "list_members",
    "parts_of",
    "slogan_term",
    "strip_term",
    "unix",
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


QUOTED = regex(r"[“\"]([^”\"“]{1,30})[”\"]")
NUMERAL = regex(r"[一二两三四五六七八九十百千万双0-9０-９]")
# a count right after a label's closing quote opens the counted head the note defines
# (“一带一路”251行动, “幸福宜宾”十大工程; not “五路”两侧, “红黄蓝”三色, “风光水储”一体化),
# unless the quote holds a formula or a code
# (“4+7+N”三级物流体系, “521”百亿产业集群: the formula is the slogan)
COUNTED_HEAD = lazy(
    r"[ \t　]*(?:[0-9０-９]+(?![.．0-9０-９])|[二两三四五六七八九十百千万]+(?:大|项|个|条|类|种|批|进|年))"
)
FORMULA = regex(r"[0-9０-９+＋]")
_MARKS = lazy(r"[“”\"]")
_PART = lazy(r"[“\"]([^”\"“]{1,8})[”\"]即")
# 及 inside a word joins nothing (涉及, 普及, 以及's own, 及时): the characters it follows and
# precedes there, for the readers' patterns (and the list reader's reversed one) alike
JI_AFTER_IN_WORD = "涉普以企危触顾"
JI_BEFORE_IN_WORD = "时"
JI_JOINS = f"(?<![{JI_AFTER_IN_WORD}])及(?!{JI_BEFORE_IN_WORD})"
_LIST_SPLIT = lazy(rf"[、，,；;]|(?<=[^\s])(?:和|以及|{JI_JOINS})(?=[^\s])")
_SENTENCE = regex(r"[。；;]")
_LIST_INTRO = regex(r"^(?:即|是指|指|包括|主要是)")
_SAID = regex(r"[，,：:](?:是指|指(?![出导挥标明])|包括)[：:]?")
_SPLITTERS = (regex(r"[、]"), regex(r"[，,；;]"))
# the words that say which way a form's items move (三降一升, “双提升”): a list's order tells
# which is which, and each use of a pair-form names its own two
MOVES = frozenset(
    ("降", "升", "增", "减", "下降", "上升", "增长", "减少", "降低", "提升", "提高", "增加", "缩减")
)
# 等十条铁路大通道, 五个领域开展的综合行政执法改革: what the list counts, after its last item
_LIST_TAIL = regex(
    r"(?:等)?[一二两三四五六七八九十0-9]+(?:个|项|大|种|类|条|方面)[^、，,“”]{0,16}$"
)


def strip_term(label: str) -> str:
    """The slogan inside a note heading: 园区“3+2+1”生活配套体系 → 3+2+1, “X”行动 → X, but
    专精特新“小巨人” stays whole (its quoted part is not the slogan), and so does a counted
    head after the quote (“一带一路”251行动, “林长制”七大行动).

    >>> strip_term("“五化”"), strip_term("“一带一路”251行动"), strip_term("“雪亮”工程")
    ('五化', '一带一路251行动', '雪亮')
    """
    label = label.strip().strip("*").strip()
    quoted: list[str] = QUOTED.findall(label)
    if len(quoted) == 1 and (label.startswith(("“", '"')) or NUMERAL.search(quoted[0])):
        after = label.rfind(quoted[0]) + len(quoted[0]) + 1
        if not FORMULA.search(quoted[0]) and COUNTED_HEAD().match(label, after):
            return _MARKS().sub("", label)  # “一带一路”251行动: the quote names what is counted
        return quoted[0].strip()
    return label


def list_members(term: str, definition: str, *, ones: bool = False) -> tuple[str, ...]:
    """The items a definition enumerates, when their number is the slogan's numeral; ``ones``:
    a 一 that counts nothing left aside too (五统一, 六个一体化 count five and six)."""
    n = member_count(strip_term(term))
    if n is None and ones and "一" in term:
        from .lists import count_of  # the lists reader's count knows the words whose 一 is none

        n = count_of(strip_term(term))
    if not n:
        return ()
    first = _SENTENCE.split(definition.strip(), maxsplit=1)[0]
    first = first.rsplit("即", 1)[-1] if "即" in first[:-4] else first
    if said := _SAID.search(first):  # 五外，指外贸、外资…: what the clause after 指 lists
        first = first[said.end() :]
    first = _LIST_INTRO.sub("", first).strip()
    first = _LIST_TAIL.sub("", first)
    for splitter in (*_SPLITTERS, _LIST_SPLIT()):
        items = tuple(x.strip(" ，,") for x in splitter.split(first) if x.strip(" ，,"))
        if len(items) == n and all(len(x) <= 40 for x in items):
            items = _unquoted(list(items))
            # 属地、部门、单位、个人四方责任: the last item runs on into the form itself
            form = strip_term(term)
            tail = next((t for t in (f"“{form}”", form) if items[-1].endswith(t)), "")
            if len(form) >= 2 and tail:
                last = items[-1][: -len(tail)].removesuffix("的").removesuffix("等")
                items = (*items[:-1], last) if last else items
            items = _bare(form, items)
            return items if all(items) else ()
    return ()


def _bare(form: str, items: tuple[str, ...]) -> tuple[str, ...]:
    """The items without the words a note's sentence wraps the list in: the verb before the
    first (打好外贸、外资…), the kind after the last (乱堆放…、乱悬挂等突出问题), and the form's
    word the last item runs on into where no other item holds it (良壤、良种…、良法配套 of
    五良配套; 实体、热线、网络平台 of 三大平台).

    >>> _bare("五外联动", ("打好外贸", "外资", "外包", "外经", "外智联动"))
    ('外贸', '外资', '外包', '外经', '外智')
    """
    from .lists import ITEM_VERB, KIND_AFTER, form_word, strip_lead  # the list reader's rules

    if len(items) < 2:
        return items
    last, others = items[-1], items[:-1]
    shortest = min(len(x) for x in others)
    kind = KIND_AFTER.search(last)
    if kind and kind.start() >= shortest:
        last = last[: kind.start()]
    # where the other items end alike, the last ends so too (用水权…、碳排放权改革 of 六权改革)
    ends = {x[-1] for x in others}
    word = form_word(form)
    counted = form[: len(form) - len(word)]
    for k in range(len(word) - 1):
        tail = word[k:]
        if any(x.endswith(tail) for x in others):
            break  # 城市绿化提升、…、公共服务设施提升: the word is every item's
        rest = last[: -len(tail)].removesuffix("的").removesuffix("等").removesuffix("有机")
        if counted.endswith("大"):
            rest = rest.removesuffix("大")  # 基础设施、…、治理能力大提升行动 of 六大提升行动
        if (
            last.endswith(tail)
            and len(rest) >= shortest
            and (len(ends) > 1 or rest[-1] in ends)
            and rest[-1] not in "为成是"  # 推进改革成为常态: the word is the verb's object
        ):
            last = rest
            break
    items = (*others, last)
    # a first item longer than any other, its verb no other item has (建设A、改造B: each its
    # verb), and not a clause of its own (实施创新驱动发展战略，推进创新链)
    longest = max(len(x) for x in items[1:])
    if (
        len(items[0]) > longest
        and not any(ITEM_VERB.match(x) for x in items[1:])
        and not _CLAUSE.search(items[0])
    ):
        lead = strip_lead(list(items))[0]
        if len(lead[0]) <= longest:
            items = tuple(lead)
    return items


_CLAUSE = regex("[，,；;：:]")


def _open(item: str) -> bool:
    return item.count("“") > item.count("”")


def _close(item: str) -> bool:
    return item.count("”") > item.count("“")


def _unquoted(items: list[str]) -> tuple[str, ...]:
    """The items without the quote marks of a quotation that holds the list, or of the form's
    own right after it: 创建“名院、名科、名医、名护”活动 → 名院 … 名护; 厕所治理“三大革命” → 厕所治理.

    >>> _unquoted(["创建“名院", "名科", "名护”活动"]), _unquoted(["垃圾", "厕所治理“"])
    (('名院', '名科', '名护'), ('垃圾', '厕所治理'))
    """
    items[-1] = items[-1].removesuffix("“")
    if _open(items[0]):
        items[0] = items[0][items[0].rfind("“") + 1 :]
        if _close(items[-1]):
            items[-1] = items[-1][: items[-1].find("”")]
    elif _close(items[-1]) and items[-1].endswith("”"):
        items[-1] = items[-1][:-1]
    return tuple(x.strip() for x in items)


def parts_of(definition: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The part-by-part form: “3”即吃、住、行,“2”即教育、医疗 → ((3, (吃, 住, 行)), …)."""
    found = list(_PART().finditer(definition))
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
_TERM_OK = regex(r"[\u4e00-\u9fffA-Za-z0-9]")
# a numeral and a measure word only (四大, 十个, 三类): a fragment of a name, not a term
_ONLY_COUNT = regex(f"[{_COUNTING}0-9０-９]+[大个项类位条件批]")
_CIRCLED = "".join(map(chr, range(0x2460, 0x2474)))  # ① … ⑳
_TERM_BAD = regex(r"[“”\"「」，。；：:、\n]")
_PART_BAD = lazy(r"[“”\"「」，。；：:\n]")  # a compound a note names whole may hold 、


def slogan_term(c: Candidate) -> str | None:
    """The candidate's term as written, or None when its label is not one slogan.

    >>> slogan_term(Candidate("“五化”", "“五化”", "绿化、美化、照明化、净化、智化"))
    '五化'
    """
    # a circled note number glued to the label (⑦三清) is not part of the term
    term = unicodedata.normalize("NFC", c.term).strip(' 　*“”"').lstrip(_CIRCLED).strip(' 　“”"')
    bad = _PART_BAD() if c.kind == "note-part" else _TERM_BAD
    if not (2 <= len(term) <= 24) or bad.search(term) or not _TERM_OK.search(term):
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


def unix(text: str) -> str:
    """Lines ended by CR LF (a file saved on Windows) read as lines: the CR becomes a space,
    which the line patterns allow at a line's end, and every offset stays where it was."""
    return text.replace("\r", " ") if "\r" in text else text
