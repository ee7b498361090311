"""JSON: one object per document in the shape DESIGN.md fixes, whole or piece by piece.

>>> "".join(stream({"source": None, "region": "洛江区", "year": 2024}, [{"term": "五化"}]))
'{"source": null, "region": "洛江区", "year": 2024, "matches": [{"term": "五化"}]}'
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..result import Annotation, first_uses


def render(
    annotation: Annotation,
    *,
    source: str | None = None,
    first_only: bool = False,
    indent: int | None = None,
) -> str:
    matches = first_uses(annotation.matches) if first_only else annotation.matches
    dicts = (m.to_dict() for m in matches)
    head = {"source": source, "region": annotation.region, "year": annotation.year}
    if indent is not None:
        return json.dumps({**head, "matches": list(dicts)}, ensure_ascii=False, indent=indent)
    return "".join(stream(head, dicts))


def stream(head: dict[str, Any], matches: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A document's object in pieces: its head, then each match as it comes (a document of
    any size is written without holding its matches); joined, the pieces are the object
    ``json.dumps`` gives."""
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "matches": ['
    for k, d in enumerate(matches):
        yield (", " if k else "") + json.dumps(d, ensure_ascii=False)
    yield "]}"
