"""Inline: each slogan followed by its expansion in brackets: 五化〔绿化、美化、…〕."""

from __future__ import annotations

from ..result import Annotation
from .common import expansion, uses

OPEN, CLOSE = "〔", "〕"


def render(annotation: Annotation, *, first_only: bool = False, show_all: bool = False) -> str:
    """The text with 〔expansion〕 after each annotated use (common.py says which are); the text
    itself is unchanged.

    Quote marks that close right after a slogan stay with it: “五化”〔…〕.
    """
    text = annotation.text
    matches = uses(annotation.matches, first_only=first_only, show_all=show_all)
    out: list[str] = []
    pos = 0
    for m in matches:
        end = m.end
        if end < len(text) and text[end] in "”」’":
            end += 1
        if end < pos:
            continue
        out.append(text[pos:end])
        out.append(f"{OPEN}{expansion(m)}{CLOSE}")
        pos = end
    out.append(text[pos:])
    return "".join(out)
