"""The inline reader: a definition in the body next to its quoted form — “X”（A、B、C）, “X”即…,
“X”工程，即…, “X”是指…, A、B、C等“X”, the part-by-part “3”即…“2”即….

>>> [c.definition for c in inline("推进“两新”（新基建、新城建）。", None, [])]
['新基建、新城建']
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..numerals import leading_count
from ..patterns import lazy, regex
from .base import NUMERAL, Candidate, list_members, parts_of
from .marks import MARKS, Kind

__all__ = ["full_forms", "inline", "window"]

# inline forms in the body, conservative: the slogan is quoted and holds a numeral
_INLINE_PAREN = regex(r"[“\"]([^”\"“]{2,20})[”\"][（(]([^（）()]{3,120})[)）]")
_INLINE_BEFORE = regex(r"等[“\"]([^”\"“]{2,20})[”\"]")  # the list is read backwards
_LIST_BEFORE = regex(r"[^，。；：“”\n]{4,120}$")
# where the list before 等“X” opens: a clause break or the verb that takes it
_LIST_OPENS = regex(r"[，。；：]|形成|包括|推进|实现|建立")
_ONE_PART = lazy(r"[0-9A-Za-z]")
# “X”即…, “X”是指…, “X”工程，即…, “X”行动是指… (not 即时, 即将, 立即 …)
_INLINE_JI = regex(
    r"[“\"]([^”\"“]{2,20})[”\"](?:[^，。；\n“”]{0,12}?[，,：:（(][*\s　]*|[^，。；\n“”即]{0,12}?(?=是指|指的是))?"
    r"(?:即(?![时将刻便可使日期])|是指(?![数标导挥南引令定出])|指的是)([^。；\n]{4,200})[。；]?"
)
_WINDOW = (40, 240)  # how far an inline form reaches before and after its mark
_INLINE_MARK = lazy(
    "|".join(
        re.escape(m.word)
        for m in sorted(MARKS, key=lambda m: -len(m.word))
        if m.kind is Kind.INLINE
    )
)


def window(text: str, mark: int) -> tuple[int, int, int]:
    """The span an inline form around the mark at ``mark`` may take: ``(start, mark, end)``."""
    return max(0, mark - _WINDOW[0]), mark, min(len(text), mark + _WINDOW[1])


def _quotes_before(text: str, a: int, b: int) -> Iterator[int]:
    """Positions of opening quotes in ``text[a:b]``, nearest ``b`` first."""
    for mark in ("“", '"'):
        pos = b
        while (pos := text.rfind(mark, a, pos)) >= 0:
            yield pos


def inline(
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
        windows = [window(text, m.start()) for m in _INLINE_MARK().finditer(text)]
    # a window that starts inside a section finds only what starts there: only a form in
    # parentheses, which a note's explanation spells out as the body does (整治“三线”（电力、
    # 电视、通信线）乱搭乱接 in the note on “三整治”)
    in_notes = [w for w in windows if not outside(w[0]) and text.startswith(("（", "("), w[1] + 1)]
    windows = [w for w in windows if outside(w[0])]

    def hits(
        rx: re.Pattern[str], around: Sequence[tuple[int, int, int]] = windows
    ) -> Iterator[re.Match[str]]:
        for a, mark, b in around:
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
    for m in hits(_INLINE_PAREN, windows + in_notes):
        term, inner = m.group(1), m.group(2)
        members = list_members(term, inner, ones=True)
        if NUMERAL.search(term) and members:
            found[m.start()] = cand(term, inner, members, m.group(0), m.start())
    for m in hits(_INLINE_BEFORE):
        term = m.group(1)
        before = _LIST_BEFORE.search(text, max(0, m.start() - 120), m.start())
        if not before or not NUMERAL.search(term):
            continue
        listed = _LIST_OPENS.split(before.group(0))[-1]
        members = list_members(term, listed, ones=True)
        s = m.start() - len(listed)
        if outside(s) and members:
            found[s] = cand(term, listed + "等", members, text[s : m.end()], s)
    for m in hits(_INLINE_JI):
        term, definition = m.group(1), m.group(2).strip()
        if not outside(m.start()) or not NUMERAL.search(term) or len(term) == 1:
            continue
        if _ONE_PART().fullmatch(term):  # “3”即…: one part of a compound, not a slogan
            continue
        parts = parts_of(m.group(0))
        members = () if parts else list_members(term, definition, ones=True)
        if not (members or parts or leading_count(term)):
            continue
        found.setdefault(m.start(), cand(term, definition, members, m.group(0), m.start(), parts))
    return [found[k] for k in sorted(found)]


# a short form of an ordinal event or census (十四冬, 七人普, 九运会, 十艺节) and its full form
# in the same text (第十四届全国冬季运动会)
_ORDINAL_SHORT = regex(
    "“([一二三四五六七八九十]{1,3})([^“”\n0-9０-９一二两三四五六七八九十百千万双]{0,2}[运冬节普查会])”"
)
_FULL_TAIL = "(?:届|次)([^，,。；;：:、“”\n（）()]{2,14}?(?:运动会|大会|会|节|普查))"
# what the short form's last character says the full form is: a games, a festival, a census
_KINDS = {"运": "会", "冬": "会", "节": "节", "普": "普查", "查": "普查"}


def _in_order(chars: str, phrase: str) -> bool:
    at = 0
    for ch in chars:
        at = phrase.find(ch, at) + 1
        if not at:
            return False
    return True


def full_forms(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[Candidate]:
    """A numbered short form the text also writes in full: “十四冬” and 第十四届全国冬季运动会,
    “七人普” and 第七次全国人口普查 — the full form opens with 第 and the same number, and holds
    the short form's other characters in order.

    >>> [(c.term, c.definition) for c in full_forms("抓住“十四冬”机遇。办好第十四届全国冬季运动会。")]
    [('十四冬', '第十四届全国冬季运动会')]
    """
    out: list[Candidate] = []
    seen: set[str] = set()
    for m in _ORDINAL_SHORT.finditer(text):
        number, tail = m.groups()
        form = number + tail
        if form in seen or any(a <= m.start() < b for a, b in skip):
            continue
        seen.add(form)
        letters = tail.removesuffix("会")
        kind = _KINDS.get(letters[-1:]) if letters else None
        if kind is None and tail.endswith("会") and letters:
            kind = "会"  # 七城会: 第七届全国城市运动会
        if kind is None:
            continue  # 三农, 三公: no event or census, whatever 第三届… the text holds
        fits = [
            full
            for full in re.finditer(f"第{number}{_FULL_TAIL}", text)
            if _in_order(letters, full.group(1)) and full.group(1).endswith(kind)
        ]
        if not fits:
            continue
        # the shortest, nearest the short form's own letters: 第八届中国艺术节, not
        # 第八届中国武汉国际杂技艺术节
        full = min(fits, key=lambda f: len(f.group(0)))
        named = full.group(0)
        out.append(
            Candidate(
                form,
                f"“{form}”",
                named,
                (),
                (),
                "inline",
                f"offset {full.start()}",
                f"“{form}”……{named}",
                None,
                m.start(),
            )
        )
    return out
