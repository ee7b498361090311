"""JSON: one object per document in the shape DESIGN.md fixes, whole or piece by piece.

>>> "".join(stream({"source": None, "region": "洛江区", "year": 2024}, ['{"term": "五化"}']))
'{"source": null, "region": "洛江区", "year": 2024, "matches": [{"term": "五化"}]}'
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..document import DOCUMENT
from ..model import Sense
from ..result import Annotation, Match, first_uses


def render(
    annotation: Annotation,
    *,
    source: str | None = None,
    first_only: bool = False,
    indent: int | None = None,
) -> str:
    matches = first_uses(annotation.matches) if first_only else annotation.matches
    head = {"source": source, "region": annotation.region, "year": annotation.year}
    if indent is not None:
        dicts = [m.to_dict() for m in matches]
        return json.dumps({**head, "matches": dicts}, ensure_ascii=False, indent=indent)
    encode = Encoder().encode
    return "".join(stream(head, (encode(m) for m in matches)))


def stream(head: dict[str, Any], matches: Iterable[str]) -> Iterator[str]:
    """A document's object in pieces: its head, then each match (JSON text, as
    :class:`Encoder` gives it) as it comes, so a document of any size is written without
    holding its matches; joined, the pieces are the object ``json.dumps`` gives."""
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "matches": ['
    for k, text in enumerate(matches):
        yield (", " if k else "") + text
    yield "]}"


# the encoded part of matches whose senses are all a dictionary's: the same in every
# document (a corpus repeats its slogans), kept across documents up to a bound; keyed by the
# objects' identities (two dictionaries may give one id two meanings), which the entry keeps
# alive so that no other object takes them over
_SHARED: dict[tuple[object, ...], tuple[str, tuple[object, ...]]] = {}
_SURFACES: dict[str, str] = {}
_BOUND = 1 << 16


class Encoder:
    """A match's JSON text, ``json.dumps(match.to_dict())`` to the byte: everything but its
    place is the same for every use of one term with one sense and candidates, so that part
    is encoded once (encoding is most of the work of writing JSON).

    >>> from glossary import load
    >>> m = load().annotate("洛江区：推进“五化”。").matches[0]
    >>> Encoder().encode(m) == json.dumps(m.to_dict(), ensure_ascii=False)
    True
    """

    def __init__(self) -> None:
        # the parts with a document's own senses (…@document): this document's alone
        self._own: dict[tuple[object, ...], tuple[str, tuple[object, ...]]] = {}

    def encode(self, m: Match, offset: int = 0) -> str:
        objects = (m.term, m.sense, *m.candidates)
        key = (*map(id, objects), m.foreign)
        found = _SHARED.get(key) or self._own.get(key)
        if found is None:
            d = m.to_dict()
            del d["start"], d["end"], d["surface"]
            found = (json.dumps(d, ensure_ascii=False)[1:], objects)
            if any(isinstance(x, Sense) and x.origin == DOCUMENT for x in objects):
                self._own[key] = found
            else:
                if len(_SHARED) >= _BOUND:
                    _SHARED.clear()
                _SHARED[key] = found
        surface = _SURFACES.get(m.surface)
        if surface is None:
            if len(_SURFACES) >= _BOUND:
                _SURFACES.clear()
            surface = _SURFACES[m.surface] = json.dumps(m.surface, ensure_ascii=False)
        start, end = m.start + offset, m.end + offset
        return f'{{"start": {start}, "end": {end}, "surface": {surface}, {found[0]}'
