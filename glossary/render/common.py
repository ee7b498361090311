"""What every renderer needs: the note text of a match and first-use filtering."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..annotate import Match
from ..model import Sense


def first_uses(matches: Iterable[Match]) -> Iterator[Match]:
    """Only the first use of each slogan, as a careful editor annotates."""
    seen: set[str] = set()
    for m in matches:
        if m.term.term not in seen:
            seen.add(m.term.term)
            yield m


def expansion(m: Match) -> str:
    """The short bracketed text for a use: full form, members, or the gloss."""
    s = m.sense
    if s is None:
        if m.candidates:
            return "含义因地而异：" + "；".join(_brief(c) for c in m.candidates)
        return "含义未定"
    return _brief(s)


def _brief(s: Sense) -> str:
    if s.expansion:
        return s.expansion
    if s.members:
        return "、".join(s.members)
    if s.parts:
        return "；".join(f"“{p.label}”即" + "、".join(p.members) for p in s.parts if p.members)
    if s.status == "undocumented":
        return f"{s.scope}提法，来源未释义"
    return s.gloss or s.definition


def note_text(m: Match) -> str:
    """The full note for a use: definition, or what is known when no sense was chosen."""
    s = m.sense
    if s is None:
        return expansion(m)
    if s.definition:
        return s.definition
    return _brief(s)
