"""JSON: one object per document in the shape DESIGN.md fixes."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from .common import first_uses

if TYPE_CHECKING:
    from ..annotate import Annotation


def render(
    annotation: Annotation,
    *,
    source: str | None = None,
    first_only: bool = False,
    indent: int | None = None,
) -> str:
    data = annotation.to_dict(source=source)
    if first_only:
        data["matches"] = [m.to_dict() for m in first_uses(annotation.matches)]
    return json.dumps(data, ensure_ascii=False, indent=indent)
