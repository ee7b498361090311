"""``harvest --new-only``: what a harvest adds to the dictionary, and where it disagrees."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .quotes import fold_for_quote

_QUOTED = re.compile(r"“([^”]+)”")

if TYPE_CHECKING:
    from .annotate import Glossary
    from .harvest import Candidate


def compare(g: Glossary, candidates: Sequence[Candidate]) -> tuple[list[Candidate], list[str]]:
    """Drop candidates the dictionary holds with the same definition; mark the rest.

    A mark is ``new term``, or ``known term, other definition: <sense ids>`` — a new sense or a
    conflict, for a person to decide.
    """
    kept: list[Candidate] = []
    marks: list[str] = []
    for c in candidates:
        term = next(
            (t for form in (c.term, c.label, *_QUOTED.findall(c.label)) if (t := g.lookup(form))),
            None,
        )
        if term is None:
            kept.append(c)
            marks.append("new term")
            continue
        folded = fold_for_quote(c.definition)
        same = [
            s
            for s in term.senses
            if folded
            and (fold_for_quote(s.definition) == folded or folded in fold_for_quote(s.source.quote))
        ]
        if same:
            continue
        kept.append(c)
        ids = ", ".join(s.id for s in term.senses)
        marks.append(f"known term, other definition (new sense or conflict?): {ids}")
    return kept, marks
