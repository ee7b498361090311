"""The document explains itself: what a text defines (its annotation notes, its inline forms)
becomes a sense that holds in that text alone and comes before the dictionary's, for every
use, from the first line on.

The annotator's automaton finds the words that show a definition (harvest's ``MARKS``) in the
pass it makes anyway; only the places they show are read, so a text that defines nothing costs
nothing more.

>>> s = own_senses("推进“五化”。\\n附注\\n1.“五化”：绿化、美化、照明化、净化、智化。\\n")["五化"]
>>> s.id, s.origin, s.members[:2], s.source.at
('五化@document', 'document', ('绿化', '美化'), '附注（第1条）')
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from .gazetteer import ROOT
from .harvest import counted, definitions, slogan_term
from .model import Citation, Part, Sense

__all__ = ["DOCUMENT", "own_senses"]

DOCUMENT: Final = (
    "document"  # the origin, sense-id suffix and citation ref of a document's own sense
)


def own_senses(
    text: str, scope: str = ROOT, marks: Iterable[tuple[int, int]] | None = None
) -> dict[str, Sense]:
    """The senses ``text`` defines, by form, the first definition of a form winning (notes
    come before inline forms). ``marks`` as for :func:`glossary.harvest.definitions`."""
    out: dict[str, Sense] = {}
    for c in definitions(text, marks):
        term = slogan_term(c)
        if term is None or term in out:
            continue
        members, parts = counted(term, c)
        out[term] = Sense(
            id=f"{term}@{DOCUMENT}",
            scope=scope,
            term=term,
            source=Citation(DOCUMENT, c.quote or c.definition, c.where),
            members=members,
            parts=tuple(Part(label, items) for label, items in parts),
            definition=c.definition,
            origin=DOCUMENT,
        )
    return out
