"""The paragraph reader: a form whose items the rest of its paragraph takes up one by one, each
named by the form's own word — 全力建设“五宜城市”…围绕“宜居”城市建设…围绕“宜业”…; “四新”产业…
“新材料”加快发展…“新能源”加快壮大…; 全力培育“六大产业集群”…绿色农畜产品加工产业集群迈上…;
深化“五育并举”…一体推进德育铸魂、智育启慧…; or the numbered paragraphs right after it
(坚定实施“五大战略”。\\n一是坚定实施扩大内需战略…), or, for a form in a heading, the paragraphs of
its section ((三)全力打造“四高地”… then 加快建设区域教育高地。…).

An item belongs to the form when it holds the form's word where such items hold it: 新材料 starts
with 四新's 新, 科技创新中心 ends with 五个区域中心's 中心. The paragraph must name exactly as many
items as the numeral says: one more, or one fewer, and it is not the form's list.

>>> text = "建设“三宜城市”。围绕“宜居”，建成小区；围绕“宜业”，新增岗位；围绕“宜游”，办节庆。"
>>> [c.members for c in items_named(text, None)]
[('宜居', '宜业', '宜游')]
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from ..patterns import lazy, regex
from ..quotes import ELIDED
from .base import NUMERAL, Candidate
from .lists import (
    _LEAD_VERB,
    MULTI_VERBS,
    _items_after,
    _split,
    _valid,
    count_of,
    strip_lead,
)

__all__ = ["items_named"]

_COUNT_WORD = regex("^[一二两三四五六七八九十百千万双]+(?:大|个|项|种|类|条|张|批|方面)?")
_REACH = 2400  # how far into its paragraph a form's items may run
# between a form and a list that spells it out: its own kind word and a mark at most
# (“四增”目标（, “六稳”：, “五高”目标，)
_RIGHT_AFTER = regex(r"[^，,。；;、：:（(]{0,4}[（(：:，,]?[*\s]*\Z")
_JOINED = regex("[和与及]")
_INTRO = regex("^(?:即|指|是指|就是|是|包括|分别是|主要是)")
# what closes a list's clause after its last item: 保交楼、保民生、保稳定各项工作
_TAIL = regex("(?:等|各项|的)?(?:工作|要求|任务|举措|措施)$")
# a quoted form that opens with a numeral, as long as a slogan (lists.before's, read whole)
# (no second numeral: 十四五, 三区三线 count no list)
_COUNTED_FORM = regex(
    "“([一二两三四五六七八九十双](?:[^“”\n0-9０-９一二两三四五六七八九十百千万双]{1,12}|个一批))”"
)
_QUOTED_ITEM = regex(r"“([^“”\n]{2,14})”")
# a 、-list in the paragraph: its items, none crossing a clause
_LIST = regex(
    r"[^，,。；;：:！？“”、\n（）()]{1,20}(?:、[^，,。；;：:！？“”、\n（）()]{1,20}){1,11}"
)
# what opens a sentence: its subject, up to the form's word (绿色农畜产品加工产业集群迈上…)
_SENTENCE_START = lazy(r"(?:^|(?<=[。；;！？\n]))[ \t　*]*(?=[^“”\"0-9０-９一二三四五六七八九十])")
_BREAK = lazy(r"[，,。；;：:！？“”、（）()\n]")
_STOP = regex("[。；;！？]")
_TRIES = 4  # a form read nowhere in its first uses' paragraphs is not spelled out later
_QUOTE_MAX = 120  # a citation no longer than this quotes the text whole
_VERB_IN = lazy(f"{MULTI_VERBS}|制定|出台|申报|立足|获批|获得|成为|作为|通过")
# the form's kind word, then 分别是： and its items, one clause each (“八个一批”工作分别是：…)
_NAMED_AFTER = regex(r"[^，,。；;：:“”\n]{0,6}(?:分别是|分别为|主要包括|包括)[：:]")
_NAMED_SPLIT = lazy("[，,；;]")
_NEXT_LINES = regex(r"[^\n]{0,40}\n(?:[ \t　]*\n)*[ \t　*]*(?=一是)")


@functools.lru_cache(maxsize=4096)
def _word(form: str) -> str:
    """The form's word, without its numeral and count word: 五个区域中心 → 区域中心, 四新 → 新."""
    return form[_COUNT_WORD.match(form).end() :]  # type: ignore[union-attr]


def _belongs(item: str, word: str) -> bool:
    """Whether ``item`` holds the form's ``word`` where an item of it does: at its start (新材料
    of 四新, 宜居 of 五宜城市) or its end (科技创新中心 of 区域中心, 产销率 of 四率)."""
    if item == word or NUMERAL.search(item) or "*" in item:
        return False
    if item.endswith(word) or item.endswith(word[-2:]):
        return True
    # 宜居 of 五宜城市, but not 高质量发展 of 三个高地: a longer word's first character opens
    # only a short item
    return item.startswith(word[0]) and (len(word) == 1 or len(item) <= 3)


def _unlead(item: str, floor: int, *, short: bool = True) -> str:
    """The item without the verbs that lead it (积极推动航运中心 → 航运中心), keeping ``floor``
    characters; ``short`` False keeps a verb of one character (对外开放优势: 对 is the item's)."""
    cut = 0
    while (m := _LEAD_VERB.match(item, cut)) and len(item) - m.end() >= floor:
        if not short and m.end() - m.start() == 1:
            break
        cut = m.end()
    return item[cut:]


def _common_lead(items: list[str]) -> list[str]:
    """The items without the words every one opens with (坚定实施扩大内需战略, 坚定实施产业
    兴区战略 → 扩大内需战略, 产业兴区战略), where each keeps two characters or more."""
    k = 0
    while all(len(x) > k + 2 for x in items) and len({x[k] for x in items}) == 1:
        k += 1
    return [x[k:] for x in items] if k >= 2 else items


def _distinct(found: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(found))


def _quoted(span: str, word: str, form: str) -> list[str]:
    """The quoted items of the form in ``span``: “宜居”…“宜业”…."""
    return _distinct(
        t
        for t in _QUOTED_ITEM.findall(span)
        if t != form and form not in t and "、" not in t and _belongs(t, word)
    )


def _subjects(span: str, word: str) -> list[str]:
    """The sentences of ``span`` whose subject ends with the form's word (产业集群)."""
    if len(word) < 2:
        return []
    out = []
    for m in _SENTENCE_START().finditer(span):
        stop = _BREAK().search(span, m.end(), m.end() + 24)
        clause = span[m.end() : stop.start() if stop else m.end() + 24]
        at = clause.find(word)
        subject = _unlead(clause[: at + len(word)], len(word) + 2) if at > 0 else ""
        # 滨江新区立足于打造滨水园林新城区: a clause whose object holds the word, no subject
        if subject and not NUMERAL.search(subject) and not _VERB_IN().search(subject):
            out.append(subject)
    return _distinct(out)


_CLAUSE_START = lazy(r"(?:^|(?<=[，,。；;！？\n]))[ \t　*]*")
_CLAUSE_STOP = lazy(r"[，,。；;：:！？\n（(“”、]")


def _clauses(span: str, word: str) -> list[str]:
    """The clauses of ``span`` that are a verb and an item ending with the form's word, and
    nothing more: “三个行动”，实施承载能力大提升行动，…；实施配套产业大引进行动，…."""
    if len(word) < 2:
        return []
    out = []
    for m in _CLAUSE_START().finditer(span):
        stop = _CLAUSE_STOP().search(span, m.end(), m.end() + 25)
        if stop is None:
            continue
        clause = span[m.end() : stop.start()]
        if not clause.endswith(word) or not _LEAD_VERB.match(clause):
            continue
        item = _unlead(clause, len(word) + 2)
        # the item may hold a verb of its own (大提升行动): the clause's verb leads it
        if item != clause and len(item) > len(word) + 1 and not NUMERAL.search(item):
            out.append(item)
    return _distinct(out)


def _lists(span: str, word: str, n: int, form: str) -> Iterator[list[str]]:
    """The 、-lists of ``span`` (the rest of the form's sentence) with ``n`` items, each holding
    the form's word: at their start or end in a list right after the form (“四增”目标（增绿、增亮…,
    “六稳”：稳就业…), or inside, at one place in every item, anywhere in the sentence (德育铸魂、
    智育启慧 of 五育并举). A list further on whose items only open with the word is the goal of
    a clause of its own (“三农”工作，实现农业增效、农民增收、农村稳定)."""
    for m in _LIST.finditer(span):
        items = _split(_TAIL.sub("", m.group(0).strip("*")))
        if len(items) != n:
            continue
        first = items[0]
        if lead := _INTRO.match(items[0]):
            items[0] = items[0][lead.end() :]
        items, _ = strip_lead(items)
        longest = max(len(x) for x in items[1:])
        if len(items[0]) > longest + 2:
            # 一体推进德育铸魂: the verbs before the first item, as long as the others are
            items[0] = items[0][-longest:]
        # 乱占、乱采、乱堆、乱建等河湖: what follows 等 is the clause's, not the item's
        items[-1] = items[-1].split("等", 1)[0]
        if not _valid(items, form) or len(items[-1]) > longest + 2:
            continue  # 公费购车只减不增, 农村美为总目标: the clause runs on past the item
        if any(_JOINED.search(x) for x in items[:-1]):
            continue  # “两河”流域和沙河、公庄河: a joiner inside an item opens the list later
        right_after = bool(_RIGHT_AFTER.match(span, 0, m.start())) and (
            len(first) - len(items[0]) == (lead.end() if lead else 0)
        )
        if (right_after and all(_belongs(x, word) for x in items)) or (
            n > 2  # 推进产业高端化、技术高新化: two 化 are not 两化融合
            and len(word) >= 2
            # inside, at one place in each (not opening it: 高质量发展 is no 高地)
            and (
                (len(places := {x.find(word[0]) for x in items}) == 1 and min(places) > 0)
                or _ends_alike(items, word)
            )
        ):
            yield items


def _ends_alike(items: list[str], word: str) -> bool:
    """Every item holds the whole word inside, as far from its end in each, with a short like
    tail after it: 落实直接监管责任、落实综合监管责任、落实属地监管责任 of 三个监管."""
    if any(x.rfind(word) < 2 for x in items):
        return False
    tails = {x[x.rfind(word) + len(word) :] for x in items}
    return len(tails) == 1 and len(next(iter(tails))) <= 3


def _holds(text: str, word: str, n: int, start: int, stop: int) -> bool:
    """Whether ``text[start:stop]`` has the form's word's first or last character ``n`` times:
    as many as its items, each of which holds one."""
    return text.count(word[0], start, stop) >= n or text.count(word[-1], start, stop) >= n


def _read(text: str, end: int, stop: int, form: str, word: str, n: int) -> list[str] | None:
    """The items of ``form`` in ``text[end:stop]``, the rest of its paragraph, or in the
    numbered paragraphs right after it. Each way is tried only where counts of characters
    (no copy of the text) say it may hold them: most counted forms hold none."""
    # two quoted words or subjects that hold the word are found by chance: three or more
    quoted = n > 2 and text.count("“", end, stop) >= n and _holds(text, word, n, end, stop)
    if quoted and len(read := _quoted(text[end:stop], word, form)) == n:
        return read
    subjects = n > 2 and len(word) >= 2 and text.count(word, end, stop) >= n
    if subjects and len(read := _subjects(text[end:stop], word)) == n:
        return read
    if subjects and "、" not in word and len(read := _clauses(text[end:stop], word)) == n:
        return read
    # after the form only, within its sentence: a list before it, or in the next sentence, is
    # as often another slogan's (保交楼、保民生、保稳定要求…兜牢基层“三保”底线)
    full_stop = _STOP.search(text, end, stop)
    close = full_stop.start() if full_stop else stop
    listed = text.count("、", end, close) >= max(1, n - 2) and _holds(text, word, n, end, close)
    if listed and (items := next(_lists(text[end:close], word, n, form), None)) is not None:
        return items
    if (said := _NAMED_AFTER.match(text, end, stop)) is not None:
        # “八个一批”工作分别是：争取一批重大政策，挂牌推进一批重大项目，…
        last = _STOP.search(text, said.end(), stop)
        named = _NAMED_SPLIT().split(text[said.end() : last.start() if last else stop])
        if len(named) == n and all(2 < len(x) <= 40 and word in x for x in named):
            return named
    if lead := _NEXT_LINES.match(text, end):
        numbered = _items_after(text, lead.end(), n, word if len(word) >= 2 else "")
        if numbered and all(word in x for x in numbered):
            return _common_lead(numbered)
    return None


def _quote(text: str, q: int, end: int, items: list[str]) -> str:
    """What to cite: the form and its items as the text has them, whole when they stand close
    together on one line (“五育并举”，…一体推进德育铸魂、智育启慧…), else the form and each
    item with what lies between left out (“五宜城市”……宜居……宜业……)."""
    at, spots = end, []
    for x in items:
        found = text.find(x, at)
        spots.append(found)
        at = found + len(x) if found >= 0 else at
    if all(s >= 0 for s in spots) and at - q <= _QUOTE_MAX and "\n" not in text[q:at]:
        return text[q:at]
    return ELIDED.join([text[q:end], *items])


# a heading's numbering, by level: 一、 then （一） then 1. then （1）
_LEVELS = (
    regex(r"[一二三四五六七八九十]+、"),
    regex(r"[（(][一二三四五六七八九十]+[)）]"),
    regex(r"[0-9０-９]{1,2}[.．、](?![0-9０-９])"),
    regex(r"[（(][0-9０-９]{1,2}[)）]"),
)
_LINE_LEAD = regex(r"[ \t　*#]*")
_SECTION_MAX = 8000  # a section longer than this is a part of the report, not a heading's
# what opens a paragraph before its first clause: bold, numbering, 一是, 第一，
_ITEM_LEAD = lazy(
    r"[ \t　*#]*(?:[（(]?[0-9０-９一二三四五六七八九十]{1,2}[)）.．、]|[一二三四五六七八九十]是|第[一二三四五六七八九十]+[，,]|——)?[ \t　*]*"
)
_FIRST_CLAUSE = lazy(r"[^，,。；;：:！？\n（(]{2,30}")
_VERB_END = lazy(f"(?:{MULTI_VERBS}|打赢|聚力|主攻|挖掘)$")


def _level(text: str, start: int) -> int | None:
    """The level of the heading the line at ``start`` is, or None for a paragraph."""
    at = _LINE_LEAD.match(text, start).end()  # type: ignore[union-attr]
    return next((k for k, p in enumerate(_LEVELS) if p.match(text, at)), None)


def _section(text: str, line_start: int, line_end: int, word: str, n: int) -> list[str] | None:
    """The items of a form in a heading (（三）全力打造“一枢纽”“四高地”“两中心”): the paragraphs
    of its section that each open with an item ending in the form's word (加快建设区域教育高地。
    …加快建设区域医疗高地。…), as many as it counts; the section ends at the next heading of
    its level or above."""
    level = _level(text, line_start)
    if level is None or len(word) < 2:
        return None
    items: list[str] = []
    pos = line_end + 1
    limit = min(len(text), line_end + _SECTION_MAX)
    while pos < limit:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if end > pos:
            k = _level(text, pos)
            if k is not None and k <= level:
                break  # the next heading of its level: the section is over
            lead = _ITEM_LEAD().match(text, pos).end()  # type: ignore[union-attr]
            clause = _FIRST_CLAUSE().match(text, lead, end)
            if clause is not None:
                item = clause.group(0).strip("* ")
                if item.endswith(word) and not NUMERAL.search(item):
                    items.append(_unlead(item, len(word) + 2, short=False))
        pos = end + 1
    else:
        return None  # a section that runs on past the limit: a part, not a heading's
    items = _distinct(items)
    common = _common_lead(items)
    if common is not items and _VERB_END().search(items[0], 0, len(items[0]) - len(common[0])):
        items = common  # 坚决打好…攻坚战 each: the verbs they share (not 区域, a word of each)
    return items if len(items) == n and all(len(x) > len(word) for x in items) else None


def items_named(
    text: str,
    source: str | None,
    skip: Iterable[tuple[int, int]] = (),
    read: Iterable[str] = (),
) -> list[Candidate]:
    """Forms whose items their paragraph names one by one, or the numbered paragraphs right
    after them (一是…), each item holding the form's word; one candidate per form, where it is
    first read. ``read``: forms another reader spelled out, not looked at."""
    spans = list(skip)
    # tries left per form: none once read, or when it counts nothing
    left: dict[str, int] = dict.fromkeys(read, 0)
    out = []
    for m in _COUNTED_FORM.finditer(text):
        form = m.group(1)
        tries = left.get(form)
        if tries is None:
            n = count_of(form)
            # 三峡库心·长江盆景: two names joined, the first a place's, not a count
            tries = _TRIES if n and _word(form) and "·" not in form else 0
        if not tries or (spans and any(a <= m.start() < b for a, b in spans)):
            left[form] = tries
            continue
        left[form] = tries - 1
        q, end = m.start(), m.end()
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        n = count_of(form) or 0
        items = _read(text, end, min(line_end, end + _REACH), form, _word(form), n)
        line_start = text.rfind("\n", 0, q) + 1
        if items is None and text.find("。", line_start, q) < 0:
            # a form in a heading's first sentence: the paragraphs of its section name its items
            items = _section(text, line_start, line_end, _word(form), n)
        if items is None:
            continue
        left[form] = 0
        quote = _quote(text, q, end, items)
        out.append(
            Candidate(
                form,
                f"“{form}”",
                "、".join(items) + "。",
                tuple(items),
                (),
                "paragraph",
                f"offset {q}",
                quote,
                source,
                q,
            )
        )
    return out
