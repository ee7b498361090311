"""What annotating gives: a ``Match`` per use of a slogan and the ``Annotation`` of a text, in
the JSON shape of DESIGN.md; and the one first-use rule every output shares.

>>> from glossary.model import Citation, Sense, Term
>>> s = Sense("五化@洛江区", "洛江区", "五化", Citation("r"), members=("绿化", "美化"))
>>> m = Match(2, 4, "五化", Term("五化", (s,)), s, (s,))
>>> m.to_dict()["members"], [x.start for x in first_uses([m, m._replace(start=9)])]
(['绿化', '美化'], [2])
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from .document import DOCUMENT
from .model import Sense, Term, sense_json

__all__ = [
    "MATCH_SENSE_FIELDS",
    "RENDERERS",
    "Annotation",
    "Match",
    "Rejection",
    "Renderer",
    "first_uses",
]

Renderer = Callable[..., str]
# output formats by name, filled by ``glossary.render`` (one module per format) when the
# package is imported: the result does not import its renderers
RENDERERS: dict[str, Renderer] = {}

# a match's sense in its JSON object: these fields, in this order (DESIGN.md)
MATCH_SENSE_FIELDS = (
    "gloss",
    "expansion",
    "definition",
    "members",
    "parts",
    "en",
    "scope",
    "status",
    "origin",
)


def _no_sense() -> dict[str, Any]:
    """A match without a sense: its sense fields empty (lists of its own for each match)."""
    return {k: [] if k in ("members", "parts") else None for k in MATCH_SENSE_FIELDS}


class Match(NamedTuple):
    """One use of a slogan: ``text[start:end] == surface`` on the annotated text.

    Immutable like the model's dataclasses, but a named tuple: a long report has tens of
    thousands of matches, and a tuple is built several times faster than a frozen dataclass.
    """

    start: int
    end: int
    surface: str
    term: Term
    sense: Sense | None
    candidates: tuple[Sense, ...]
    foreign: bool = False  # no sense holds here: the candidates are other places' meanings

    @property
    def ambiguous(self) -> bool:
        """True when no sense could be chosen: ``candidates`` lists what it may mean."""
        return self.sense is None

    def __repr__(self) -> str:
        sense = self.sense.id if self.sense else None
        return f"Match({self.start}, {self.end}, {self.surface!r}, sense={sense!r})"

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of DESIGN.md."""
        s = self.sense
        return {
            "start": self.start,
            "end": self.end,
            "surface": self.surface,
            "term": self.term.term,
            "sense": s.id if s else None,
            "ambiguous": self.ambiguous,
            "candidates": [c.id for c in self.candidates],
            # a match's gloss is the sense's own, empty or not (DESIGN.md's shape)
            **(sense_json(s, MATCH_SENSE_FIELDS, gloss=s.gloss) if s else _no_sense()),
            "foreign": self.foreign,
            **(
                {"at": s.source.at, "quote": s.source.quote}
                if s is not None and s.origin == DOCUMENT
                else {}
            ),
        }


@dataclass(frozen=True, slots=True)
class Annotation:
    """A text with its matches, sorted and non-overlapping."""

    text: str
    region: str | None
    year: int | None
    matches: tuple[Match, ...]

    def render(self, fmt: str = "inline", **options: Any) -> str:
        """Render with a registered renderer: inline, html, json, markdown, notes."""
        try:
            renderer = RENDERERS[fmt]
        except KeyError:
            known = ", ".join(RENDERERS)
            raise ValueError(f"unknown format {fmt!r} (choose from {known})") from None
        return renderer(self, **options)

    def to_dict(self, source: str | None = None) -> dict[str, Any]:
        return {
            "source": source,
            "region": self.region,
            "year": self.year,
            "matches": [m.to_dict() for m in self.matches],
        }


class Rejection(NamedTuple):
    """A spelling the automaton found that a boundary rule turned down (``Glossary.rejected``):
    ``rule`` names it, ``reason`` says it (``glossary.matcher.RULES``)."""

    start: int
    end: int
    surface: str
    rule: str
    reason: str


def first_uses(matches: Iterable[Match], seen: set[str] | None = None) -> Iterator[Match]:
    """Only the first use of each slogan, as a careful editor annotates; ``seen`` carries the
    slogans already used across the blocks of one long document."""
    seen = set() if seen is None else seen
    for m in matches:
        if m.term.term not in seen:
            seen.add(m.term.term)
            yield m
