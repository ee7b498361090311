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
from .readers import WEAK, counted, definitions, slogan_term

__all__ = ["DOCUMENT", "own_senses", "paragraph", "weak"]

DOCUMENT: Final = (
    "document"  # the origin, sense-id suffix and citation ref of a document's own sense
)
# how a weak reading's citation names where it was read
_WEAK_AT: Final = {"list": "列举", "paragraph": "段内逐项", "headings": "分项标题"}
_WEAK_PREFIXES: Final = tuple(_WEAK_AT.values())


def weak(sense: Sense) -> bool:
    """Whether a document's sense was read from a list or the headings (not a note or a
    definition beside the form)."""
    return sense.origin == DOCUMENT and sense.source.at.startswith(_WEAK_PREFIXES)


def paragraph(sense: Sense) -> bool:
    """Whether a document's sense was read from the items its paragraph names one by one."""
    return sense.origin == DOCUMENT and sense.source.at.startswith(_WEAK_AT["paragraph"])


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
    out: dict[str, Sense] = {}
    for c in definitions(text, marks):
        term = slogan_term(c)
        if term is None or term in out:
            continue
        members, parts = counted(term, c)
        at = f"{_WEAK_AT[c.kind]}（{c.where}）" if c.kind in WEAK else c.where
        out[term] = Sense(
            id=f"{term}@{DOCUMENT}",
            scope=scope,
            term=term,
            source=Citation(DOCUMENT, c.quote or c.definition, at),
            members=members,
            parts=tuple(Part(label, items) for label, items in parts),
            definition=c.definition,
            origin=DOCUMENT,
        )
    return out
