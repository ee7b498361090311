"""The dictionary's model: frozen dataclasses, nothing that does work.

>>> Part(label="3", members=("吃", "住", "行")).members
('吃', '住', '行')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

MatchRule = Literal["any", "quoted", "cue"]
Status = Literal["documented", "undocumented"]
Origin = Literal["dictionary", "document"]


@dataclass(frozen=True, slots=True)
class Source:
    """A document that senses cite; ``file`` is set when the project holds its text."""

    key: str
    title: str
    issuer: str = ""
    date: str = ""
    file: str | None = None
    url: str | None = None  # the document's public address (a report's front matter)


@dataclass(frozen=True, slots=True)
class Region:
    """One node of the scope hierarchy (中国 > 福建省 > 泉州市 > 洛江区 …)."""

    name: str
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()  # generic words (开发区) that count only without an issuer line


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a sense's definition (or, when undocumented, its use) is found."""

    ref: str
    quote: str = ""
    at: str = ""


@dataclass(frozen=True, slots=True)
class Part:
    """One numeral of a compound slogan: “3+2+1” has parts 3, 2 and 1."""

    label: str
    members: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Sense:
    """One meaning of a slogan, valid within ``scope`` (a region name)."""

    id: str
    scope: str
    term: str
    source: Citation
    gloss: str = ""
    expansion: str = ""
    members: tuple[str, ...] = ()
    parts: tuple[Part, ...] = ()
    definition: str = ""
    en: str = ""
    cues: tuple[str, ...] = ()
    since: int | None = None
    until: int | None = None
    status: Status = "documented"
    also: tuple[Citation, ...] = ()  # others who give the same meaning, after ``source``
    cued: bool = False  # holds only where one of its cues occurs near the use
    origin: Origin = "dictionary"  # "document": the annotated text's own definition

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Every source of this sense, the one shown first."""
        return (self.source, *self.also)

    @property
    def documented(self) -> bool:
        return self.status == "documented"


@dataclass(frozen=True, slots=True)
class Term:
    """A slogan or abbreviation with every sense it has."""

    term: str
    senses: tuple[Sense, ...]
    aliases: tuple[str, ...] = ()
    not_in: tuple[str, ...] = ()
    match: MatchRule = "any"
    see_also: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """The canonical form and its aliases, as the dictionary writes them."""
        return (self.term, *self.aliases)


@dataclass(frozen=True, slots=True)
class Dictionary:
    """Everything one or more YAML files define, merged (the bundled one's terms are built
    on first use: see compiled.py)."""

    terms: Sequence[Term] = ()
    sources: dict[str, Source] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    not_slogans: tuple[str, ...] = ()


def sense_json(s: Sense, keys: Sequence[str], **given: Any) -> dict[str, Any]:
    """The JSON values of a sense's fields ``keys``, in that order: the one place a field
    becomes JSON (empty text is null; tuples are lists; parts and citations are objects).
    ``given`` overrides a field's value.

    >>> s = Sense("x@中国", "中国", "x", Citation("r"), members=("a", "b"))
    >>> sense_json(s, ("id", "gloss", "members", "since"))
    {'id': 'x@中国', 'gloss': None, 'members': ['a', 'b'], 'since': None}
    """
    out: dict[str, Any] = {}
    for k in keys:
        v = given[k] if k in given else getattr(s, k)
        if isinstance(v, str):
            v = v or None if k not in given else v
        elif k == "parts":
            v = [{"label": p.label, "members": list(p.members)} for p in v]
        elif k == "also":
            v = [{"ref": c.ref, "at": c.at or None, "quote": c.quote} for c in v]
        elif isinstance(v, tuple):
            v = list(v)
        out[k] = v
    return out
