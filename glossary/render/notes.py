"""附注: the text followed by a notes section numbered in order of first appearance, in the
style government reports use: ``8.“五化”:绿化、美化、照明化、净化、智化。``"""

from __future__ import annotations

from typing import Any

from ..result import Annotation
from .common import note_text, uses


def render(
    annotation: Annotation,
    *,
    first_only: bool = True,
    heading: str = "附注",
    show_all: bool = False,
    **_: Any,
) -> str:
    """The unchanged text, then one numbered note per slogan in order of first use.

    >>> import glossary
    >>> print(glossary.load().annotate("推进“五化”", "洛江区").render("notes"))
    推进“五化”
    <BLANKLINE>
    附注
    <BLANKLINE>
    1.“五化”:绿化、美化、照明化、净化、智化。
    <BLANKLINE>
    """
    seen: dict[str, str] = {}
    for m in uses(annotation.matches, first_only=first_only, show_all=show_all):
        key = m.sense.id if m.sense else "?" + m.term.term
        if key not in seen:
            seen[key] = f"“{m.term.term}”:{note_text(m)}"
    body = annotation.text.rstrip("\n")
    if not seen:
        return body + "\n"
    lines = [f"{n}.{note}" for n, note in enumerate(seen.values(), 1)]
    return body + f"\n\n{heading}\n\n" + "\n\n".join(lines) + "\n"
