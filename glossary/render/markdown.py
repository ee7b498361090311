"""Markdown: a footnote reference after each annotated use, the notes at the end."""

from __future__ import annotations

from typing import Any

from ..patterns import regex
from ..result import Annotation, Match
from .common import note_text, scope_label, uses

_SPECIAL = regex(r"([\\`*_\[\]<>])")


def _escape(s: str) -> str:
    return _SPECIAL.sub(r"\\\1", s)


def _key(m: Match) -> str:
    return m.sense.id if m.sense else "?" + m.term.term


def render(
    annotation: Annotation, *, first_only: bool = False, show_all: bool = False, **_: Any
) -> str:
    """The text with ``[^n]`` after each use; one note per sense, numbered by first use.

    >>> import glossary
    >>> print(glossary.load().annotate("推进“五化”", "洛江区").render("markdown"))
    推进“五化[^1]”
    <BLANKLINE>
    [^1]: **五化**（洛江区）：绿化、美化、照明化、净化、智化。
    <BLANKLINE>
    """
    text = annotation.text
    matches = uses(annotation.matches, first_only=first_only, show_all=show_all)
    numbers: dict[str, int] = {}
    notes: list[str] = []
    out: list[str] = []
    pos = 0
    for m in matches:
        key = _key(m)
        if key not in numbers:
            numbers[key] = len(numbers) + 1
            scope = f"（{scope_label(m.sense)}）" if m.sense else ""
            notes.append(
                f"[^{numbers[key]}]: **{_escape(m.term.term)}**{scope}：{_escape(note_text(m))}"
            )
        out.append(_escape(text[pos : m.end]))
        out.append(f"[^{numbers[key]}]")
        pos = m.end
    out.append(_escape(text[pos:]))
    body = "".join(out).rstrip("\n")
    return body + ("\n\n" + "\n".join(notes) if notes else "") + "\n"
