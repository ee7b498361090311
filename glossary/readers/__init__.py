"""The document reader: every way a report explains its own slogans, one module per way.

- ``notes``: its annotation sections (附注, 名词解释 …) in every numbering style, and the
  pieces of a compound its note defines one by one;
- ``inline``: a definition beside the quoted form (“X”（A、B）, “X”即…, A、B等“X”);
- ``lists``: a list as long as the numeral says, right before the form (垃圾、污水、厕所“三大
  革命”), right after it (“五网”：交通网、能源网…), the clauses after it that each name its
  word (“四个不摘”：摘帽不摘责任，摘帽不摘政策…), numbered 一是…二是… after it, and the name
  a “一号…” form ranks first (数字经济“一号工程”), a parenthesis a few words after it (“四脉”传承
  （山脉、水脉、人脉、文脉）) and a quotation's list before a count the text quotes later
  (“蔬菜、牛羊肉、奶产品”三大基地建设 … “三大基地”);
- ``paragraph``: items the form's paragraph names one by one, each holding the form's word
  (“四新”…“新材料”加快发展…“新能源”…), or the numbered paragraphs right after it;
- ``structure``: numbered headings that spell out a slogan announced before them.

``definitions`` gives what a text says its forms mean, the strong readings first (notes, then
inline definitions) and the weak ones after (lists and headings, ``WEAK``); the marks of
``marks`` tell it where to look, found by the annotator's automaton.

>>> [c.definition for c in definitions("推进“两新”（新基建、新城建）。")]
['新基建、新城建']
"""

from __future__ import annotations

from collections.abc import Iterable

from ..patterns import lazy
from .base import Candidate, counted, slogan_term, unix
from .marks import MARKS, WORDS, Kind

__all__ = ["MARKS", "WEAK", "WORDS", "Candidate", "counted", "definitions", "slogan_term"]

# readings that a list or the headings give: a text's own meaning, but weaker evidence than a
# note or a definition beside the form (the annotator lets a dictionary meaning that holds in
# the text stand before them)
WEAK = frozenset({"list", "paragraph", "headings"})
_FIRST = lazy("一是")


def definitions(text: str, marks: Iterable[tuple[int, int]] | None = None) -> list[Candidate]:
    """A document's own definitions: its notes, then its inline forms (not its headings, which
    are weaker evidence), in text order. ``marks`` are ``(index into MARKS, position)`` pairs a
    caller found in a pass of its own: only the places they show are read, at a cost that
    does not grow with the text; None reads the whole text."""
    # the readers load on first use: `glossary lookup` and a -j run's parent need none of them
    from .inline import full_forms, inline, window
    from .lists import after, before, enumeration, quoted_lists
    from .notes import notes, sections
    from .paragraph import items_named
    from .structure import headings

    text = unix(text)
    heads: list[int] | None = None
    windows: list[tuple[int, int, int]] | None = None
    firsts: list[int] | None = None
    if marks is not None:
        heads, windows, firsts = [], [], []
        for k, pos in marks:
            kind = MARKS[k].kind
            if kind is Kind.NOTES:
                heads.append(pos)
            elif kind is Kind.INLINE:
                windows.append(window(text, pos))
            else:
                firsts.append(pos)
    found = list(sections(text, heads)) if heads is None or heads else []
    out = notes(text, None, found)[0]
    spans = [(a, b) for a, b, _ in found]
    if windows is None or windows:
        out += inline(text, None, spans, windows)
    if "第" in text:
        out += full_forms(text, spans)
    # a note's explanation spells out other forms as the body does (二产和三产“两业并举” in the
    # note on “六个率先”): a list before a form is read there too
    weak = before(text, None) + after(text, None, spans)
    if firsts is None:
        firsts = [m.start() for m in _FIRST().finditer(text)]
    weak += enumeration(text, firsts, None, spans)
    # a form another reader spelled out needs no reading from its paragraph
    read = {c.term for c in out} | {c.term for c in weak}
    weak += items_named(text, None, spans, read)
    read |= {c.term for c in weak}
    weak += [c for c in quoted_lists(text, None) if c.term not in read]
    weak.sort(key=lambda c: c.start)
    return out + weak + headings(text, None)
