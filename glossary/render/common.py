"""What every renderer needs: which uses a reader is shown and the note text of a match (the
first-use rule is ``glossary.result.first_uses``).

A reader-facing renderer (inline, Markdown, 附注) annotates a use only when it has something to
say: a documented sense whose note is more than the slogan's own words. Undocumented,
undecided and other places' meanings come back with ``show_all`` (each said for what it is);
HTML and JSON keep every match, marked.

>>> from glossary.model import Citation, Sense, Term
>>> from glossary.result import Match
>>> s = Sense("x@中国", "中国", "深学争优、敢为争先", Citation("r"), members=("深学争优", "敢为争先"))
>>> m = Match(0, 9, "深学争优、敢为争先", Term("深学争优、敢为争先", (s,)), s, (s,))
>>> shown(m), expansion(m)
(False, '')
"""

from __future__ import annotations

from collections.abc import Iterable

from ..document import DOCUMENT
from ..model import Sense
from ..patterns import regex
from ..result import Match, first_uses

_NOISE = regex(r"[\s“”‘’\"'「」、，,；;。.：:（）()]+")


def shown(m: Match, show_all: bool = False) -> bool:
    """Whether a reader-facing renderer annotates this use (see the module's rule)."""
    if not expansion(m):
        return False
    return show_all or (m.sense is not None and m.sense.documented)


def uses(matches: Iterable[Match], *, first_only: bool, show_all: bool) -> list[Match]:
    """The uses a reader-facing renderer annotates, only the first of each slogan on request."""
    kept = [m for m in matches if shown(m, show_all)]
    return list(first_uses(kept)) if first_only else kept


def repeats(note: str, surface: str) -> bool:
    """Whether a note says nothing but the slogan's own words (punctuation aside)."""
    return _NOISE.sub("", note) == _NOISE.sub("", surface)


def scope_label(s: Sense) -> str:
    """Where a sense comes from, for a note's heading: its region, or 本文 for the text's own."""
    return "本文" if s.origin == DOCUMENT else s.scope


def expansion(m: Match) -> str:
    """The short bracketed text for a use: full form, members, or the gloss; what is known
    when no sense was chosen; empty when nothing says more than the slogan itself."""
    s = m.sense
    if s is None:
        if not m.candidates:
            return "含义未定"
        if m.foreign:  # each place's meaning, none put forward as this one's
            return f"他处提法（{_each_place(m)}），此处未释义"
        listed = "；".join(f"{c.scope}：{_brief(c, m.surface) or c.term}" for c in m.candidates)
        return "含义未定：" + listed
    return _brief(s, m.surface)


def _each_place(m: Match) -> str:
    """What the form means in each place that gives it a meaning, the places of one meaning
    together: 洛江区：…；晋江市、石狮市：….

    >>> from glossary.model import Citation, Sense, Term
    >>> a = Sense("五治@长沙市", "长沙市", "", Citation("r"), members=("治厕", "治垃圾"))
    >>> b = Sense("五治@株洲市", "株洲市", "", Citation("r"), members=("治厕", "治垃圾"))
    >>> c = Sense("五治@宁夏回族自治区", "宁夏回族自治区", "", Citation("r"), status="undocumented")
    >>> _each_place(Match(0, 2, "五治", Term("五治", (a, b, c)), None, (a, b, c), foreign=True))
    '长沙市、株洲市：治厕、治垃圾；宁夏回族自治区：来源未释义'
    """
    meanings: dict[str, list[str]] = {}
    for c in m.candidates:
        said = (_brief(c, m.surface) or c.term) if c.documented else "来源未释义"
        meanings.setdefault(said, []).append(c.scope)
    return "；".join(
        f"{'、'.join(dict.fromkeys(places))}：{said}" for said, places in meanings.items()
    )


def _brief(s: Sense, surface: str) -> str:
    if not s.documented:  # whatever else it carries, no cited source explains it
        return f"{s.scope}提法，来源未释义"
    parts = "；".join(f"“{p.label}”即" + "、".join(p.members) for p in s.parts if p.members)
    # a gloss that holds the slogan (城市运行“一网统管”) is a label: the definition says more
    label = "" if surface in s.gloss else s.gloss
    for text in (s.expansion, "、".join(s.members), parts, label, s.definition, s.gloss):
        if text and not repeats(text, surface):
            return text
    return ""


def note_text(m: Match) -> str:
    """The full note for a use: definition, or what is known when no sense was chosen."""
    s = m.sense
    if s is not None and s.definition and not repeats(s.definition, m.surface):
        return s.definition
    return expansion(m)
