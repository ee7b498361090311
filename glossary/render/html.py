"""HTML: a standalone page; each slogan is focusable and shows its gloss and definition on
hover, on keyboard focus and on tap (CSS only). The input text is escaped, never injected.
Every match is kept, marked by class: ``own`` (the text's own definition), ``undocumented``,
``undecided`` (several senses hold), ``foreign`` (only other places' meanings are known)."""

from __future__ import annotations

from html import escape
from typing import Any

from ..document import DOCUMENT
from ..result import Annotation, Match, first_uses
from .common import expansion, note_text, repeats, scope_label

_PAGE = """
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", serif;
       max-width: 46em; margin: 2em auto; line-height: 1.9; padding: 0 1em; }
"""
# the notes' style alone: a fragment goes into a page that has its own body
_STYLE = """
.slogan { position: relative; border-bottom: 1px dotted #a33; color: #7a1f1f; cursor: help; }
.slogan:focus { outline: 2px solid #a33; outline-offset: 1px; }
.slogan .note { display: none; position: absolute; left: 0; top: 1.8em; z-index: 10; width: 22em;
       background: #fffdf5; color: #222; border: 1px solid #bbb; border-radius: 4px;
       padding: .5em .7em; font-size: .9em; line-height: 1.6; box-shadow: 0 2px 6px rgba(0,0,0,.2); }
.slogan:hover .note, .slogan:focus .note, .slogan:focus-within .note { display: block; }
.note b { display: block; }
.undecided, .undocumented { border-bottom-style: dashed; color: #555; }
.foreign { border-bottom-style: dotted; border-bottom-color: #999; color: #555; }
.own { border-bottom-style: solid; }
"""


def note_html(m: Match) -> str:
    """What a use stands for, then its fuller note when that says more, escaped."""
    brief, note = expansion(m), note_text(m)
    return escape(brief) + (f"<br>{escape(note)}" if note and not repeats(note, brief) else "")


def _span(m: Match, text: str, n: int) -> str:
    sense = m.sense
    if sense is None:
        cls, title = ("foreign", "他处用法") if m.foreign else ("undecided", "含义未定")
    else:
        cls = "own" if sense.origin == DOCUMENT else "" if sense.documented else "undocumented"
        title = f"{sense.gloss or sense.expansion or m.term.term}（{scope_label(sense)}）"
    return (
        f'<span class="{f"slogan {cls}".strip()}" tabindex="0" role="note" aria-describedby="n{n}">'
        f'{escape(text)}<span class="note" id="n{n}" role="tooltip"><b>{escape(title)}</b>'
        f"{note_html(m)}</span></span>"
    )


def render(
    annotation: Annotation,
    *,
    first_only: bool = False,
    title: str = "glossary",
    fragment: bool = False,
    **_: Any,
) -> str:
    """A complete HTML document of the annotated text (``fragment``: its style and
    paragraphs only, to place in a page of one's own).

    >>> import glossary
    >>> "&lt;script&gt;" in glossary.load().annotate("<script>").render("html")
    True
    """
    text = annotation.text
    matches = list(first_uses(annotation.matches)) if first_only else list(annotation.matches)
    out: list[str] = []
    pos = 0
    for n, m in enumerate(matches, 1):
        out.append(escape(text[pos : m.start]))
        out.append(_span(m, text[m.start : m.end], n))
        pos = m.end
    out.append(escape(text[pos:]))
    paragraphs = "".join(out).split("\n")
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs if p.strip())
    if fragment:
        return f"<style>{_STYLE}</style>\n{body}\n"
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>{_PAGE}{_STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
