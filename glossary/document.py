"""The document explains itself: what a text defines (its annotation notes, its inline forms,
the lists and headings that spell a form out) becomes a sense that holds in that text alone and
comes before the dictionary's, for every use, from the first line on.

The annotator's automaton finds the words that show a definition (``readers.MARKS``) in the
pass it makes anyway; only the places they show are read, so a text that defines nothing costs
little more.

A reading from a list or the headings (``readers.WEAK``) is weaker evidence than a note: its
citation says where it was read (列举…, 分项标题…), and it gives way to a dictionary meaning that
holds in the text (``weak``).

>>> s = own_senses("推进“五化”。\\n附注\\n1.“五化”：绿化、美化、照明化、净化、智化。\\n")["五化"]
>>> s.id, s.origin, s.members[:2], s.source.at
('五化@document', 'document', ('绿化', '美化'), '附注（第1条）')
>>> s = own_senses("持续实施垃圾、污水、厕所“三大革命”。")["三大革命"]
>>> s.members, s.source.at, weak(s)
(('垃圾', '污水', '厕所'), '列举（offset 4）', True)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from .gazetteer import ROOT
from .model import Citation, Part, Sense
from .patterns import regex
from .readers import WEAK, Candidate, counted, definitions, slogan_term
from .readers.base import MOVES

__all__ = [
    "DOCUMENT",
    "body_at",
    "listed_elsewhere",
    "own_readings",
    "own_senses",
    "paragraph",
    "qualified",
    "read_here",
    "restates",
    "weak",
]

DOCUMENT: Final = (
    "document"  # the origin, sense-id suffix and citation ref of a document's own sense
)
# how a weak reading's citation names where it was read (the import's body readings too)
_WEAK_AT: Final = {"list": "列举", "paragraph": "段内逐项", "headings": "分项标题"}
_WEAK_PREFIXES: Final = tuple(_WEAK_AT.values())


def weak(sense: Sense) -> bool:
    """Whether a document's sense was read from a list or the headings (not a note or a
    definition beside the form)."""
    return sense.origin == DOCUMENT and sense.source.at.startswith(_WEAK_PREFIXES)


def paragraph(sense: Sense) -> bool:
    """Whether a document's sense was read from the items its paragraph names one by one."""
    return sense.origin == DOCUMENT and sense.source.at.startswith(_WEAK_AT["paragraph"])


# what a pair-form says its two things do together: each use names its own two (信访总量和集体
# 访次数“双下降”, then 生产安全事故起数和死亡人数实现“双下降”)
_MOVED: Final = regex(
    "[双两](?:"
    + "|".join(sorted(MOVES | {"倍增", "翻番", "清零", "达标"}, key=len, reverse=True))
    + ")"
)


def read_here(sense: Sense, text: str, start: int) -> bool:
    """Whether a use at ``start`` may take ``sense``: any use may, but where the sense is a
    list's pair for a form that says how its two things move (“双下降”, “双提升”), which
    holds only at the use it was read at: the text names another pair at another use.

    >>> text = "信访总量和集体访次数“双下降”。非法集资案件数量“双下降”。"
    >>> pair = own_senses(text)["双下降"]
    >>> read_here(pair, text, text.find("双下降")), read_here(pair, text, text.rfind("双下降"))
    (True, False)
    """
    if not (weak(sense) and _MOVED.fullmatch(sense.term) and len(sense.members) == 2):
        return True
    quote = sense.source.quote
    return text.startswith(quote, start - len(quote) + len(sense.term) + 1)


def body_at(line: int, kind: str) -> str:
    """How the import cites a reading of a report's body: 正文第114行（列举）."""
    return f"正文第{line}行（{_WEAK_AT.get(kind, '释义')}）"


# an imported sense read from other reports' lists or paragraphs (body_at)
_BODY_LIST: Final = regex(f"正文第\\d+行（(?:{_WEAK_AT['list']}|{_WEAK_AT['paragraph']})）")


def listed_elsewhere(sense: Sense) -> bool:
    """Whether a dictionary sense rests only on other reports' lists or paragraphs (the
    import's body readings): no stronger evidence than a list the text itself reads."""
    return all(_BODY_LIST.fullmatch(c.at) for c in sense.citations)


def restates(reading: Sense, sense: Sense) -> bool:
    """Whether a reading's items are, most of them, the members a sense gives: each shares a
    pair of characters with its definition (德育铸魂、智育启慧… and 德育、智育…劳动教育 of
    五育并举; not 农商对接、农超对接 and 农业、农村、农民 of 三农).

    >>> from .model import Citation
    >>> cite = Citation("x", "", "")
    >>> five = Sense("a", "中国", "五育并举", cite, definition="德育、智育、体育、美育、劳动教育。")
    >>> restates(Sense("b", "中国", "五育并举", cite, members=("德育铸魂", "智育启慧", "劳育砺志")), five)
    True
    >>> restates(Sense("c", "中国", "五育并举", cite, members=("农商对接", "农超对接")), five)
    False
    """
    known = " ".join((sense.definition, *sense.members))
    pairs = {known[i : i + 2] for i in range(len(known) - 1)}
    agree = sum(any(x[i : i + 2] in pairs for i in range(len(x) - 1)) for x in reading.members)
    return 2 * agree > len(reading.members)


def own_senses(
    text: str, scope: str = ROOT, marks: Iterable[tuple[int, int]] | None = None
) -> dict[str, Sense]:
    """The senses ``text`` defines, by form, the first definition of a form winning (notes
    come before inline forms, both before lists and headings). ``marks`` as for
    :func:`glossary.readers.definitions`."""
    return own_readings(text, scope, marks)[0]


# how far before a use the qualifier of a note's label is looked for (碳排放“双控”)
QUALIFIER_REACH: Final = 12
_LABEL_LEAD = regex(r"^[\s*#\d０-９.．、:：()（）\[\]［］【】〔〕]+")


def _qualifier(label: str, term: str) -> str:
    """What a note's label puts before its form, its last four characters at most: 碳排放“双控”
    → 碳排放, 凤凰单丛茶“四统一”体系 → 凰单丛茶; empty when the label opens with the form."""
    at = label.find(term)
    head = _LABEL_LEAD.sub("", label[:at] if at > 0 else "").rstrip("“\"'")
    return head[-4:] if len(head) >= 2 else ""


def own_readings(
    text: str, scope: str = ROOT, marks: Iterable[tuple[int, int]] | None = None
) -> tuple[dict[str, Sense], dict[str, tuple[Sense, ...]]]:
    """:func:`own_senses`, and the other meanings its notes give a form, each told by the words
    its label puts before the form (能耗“双控” and 碳排放“双控”; 港口开发“四统一” and 凤凰单丛茶
    “四统一”体系): a use right after those words takes that meaning (:func:`qualified`)."""
    out: dict[str, Sense] = {}
    others: dict[str, list[Sense]] = {}
    for c in definitions(text, marks):
        term = slogan_term(c)
        if term is None:
            continue
        first = out.get(term)
        if first is not None:
            if (
                c.kind == "note"
                and not weak(first)
                and c.definition != first.definition
                and (qualifier := _qualifier(c.label, term))
                and qualifier not in first.cues
            ):
                rank = len(others.setdefault(term, [])) + 2
                others[term].append(_sense(term, c, scope, f"#{rank}", (qualifier,)))
            continue
        qualifier = _qualifier(c.label, term) if c.kind == "note" else ""
        out[term] = _sense(term, c, scope, "", (qualifier,) if qualifier else ())
    return out, {term: tuple(alts) for term, alts in others.items()}


def _sense(term: str, c: Candidate, scope: str, rank: str, cues: tuple[str, ...]) -> Sense:
    members, parts = counted(term, c)
    at = f"{_WEAK_AT[c.kind]}（{c.where}）" if c.kind in WEAK else c.where
    return Sense(
        id=f"{term}@{DOCUMENT}{rank}",
        scope=scope,
        term=term,
        source=Citation(DOCUMENT, c.quote or c.definition, at),
        members=members,
        parts=tuple(Part(label, items) for label, items in parts),
        definition=c.definition,
        cues=cues,
        origin=DOCUMENT,
    )


def qualified(sense: Sense, others: tuple[Sense, ...], text: str, start: int) -> Sense:
    """The meaning a use at ``start`` takes: the other meaning whose label's words stand right
    before it, else ``sense``.

    >>> senses, others = own_readings(
    ...     "推进能耗“双控”。严格碳排放“双控”。\\n名词解释\\n1.能耗“双控”：即能耗总量和强度双控。\\n"
    ...     "2.碳排放“双控”：即碳排放总量和强度双控。\\n"
    ... )
    >>> text = "推进能耗“双控”。严格碳排放“双控”。"
    >>> [qualified(senses["双控"], others["双控"], text, text.find(f"{w}“双控") + len(w) + 1).id
    ...  for w in ("能耗", "碳排放")]
    ['双控@document', '双控@document#2']
    """
    window = text[max(0, start - QUALIFIER_REACH) : start]
    for other in others:
        if any(c in window for c in other.cues):
            return other
    return sense
