"""HTML: a standalone page; each slogan is focusable and shows its gloss and definition on
hover, on keyboard focus and on tap (CSS only). The input text is escaped, never injected.
Every match is kept, marked by class: ``own`` (the text's own definition), ``undocumented``,
``undecided`` (several senses hold), ``foreign`` (only other places' meanings are known).

Plain text becomes paragraphs, a line each. With ``markdown`` (a report written in Markdown,
``looks_markdown``), its front matter becomes the document's head and its headings, bold and
italic, lists, quotations and tables are rendered; the text annotated, and so every offset,
is the Markdown itself, marks included.

>>> import glossary
>>> md = "---\\ntitle: 报告\\n---\\n## 一、回顾\\n推进“**五化**”与“五化”。\\n- 甲\\n- 乙\\n"
>>> html = glossary.load().annotate(md, "洛江区").render("html", markdown=True, fragment=True)
>>> "<dt>title</dt><dd>报告</dd>" in html, "<h2>一、回顾</h2>" in html, "<li>甲</li>" in html
(True, True, True)
"""

from __future__ import annotations

import itertools
import re
from html import escape
from typing import Any

from ..document import DOCUMENT
from ..patterns import regex
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
# what a Markdown text adds: its head and its tables
_STYLE_MD = """
.front { border-bottom: 1px solid #ddd; margin-bottom: 1em; color: #555; font-size: .9em; }
.front dl { display: grid; grid-template-columns: max-content 1fr; gap: .1em 1em; margin: 0; }
.front dt { font-weight: bold; } .front dd { margin: 0; overflow-wrap: anywhere; }
table.md { border-collapse: collapse; margin: .5em 0; }
table.md td, table.md th { border: 1px solid #ccc; padding: .2em .5em; }
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
    markdown: bool = False,
    **_: Any,
) -> str:
    """A complete HTML document of the annotated text (``fragment``: its style and
    paragraphs only, to place in a page of one's own; ``markdown``: the text is Markdown).

    >>> import glossary
    >>> "&lt;script&gt;" in glossary.load().annotate("<script>").render("html")
    True
    """
    text = annotation.text
    matches = list(first_uses(annotation.matches)) if first_only else list(annotation.matches)
    if markdown:
        body = _Markdown(text, matches).body()
    else:
        out: list[str] = []
        pos = 0
        for n, m in enumerate(matches, 1):
            out.append(escape(text[pos : m.start]))
            out.append(_span(m, text[m.start : m.end], n))
            pos = m.end
        out.append(escape(text[pos:]))
        paragraphs = "".join(out).split("\n")
        body = "\n".join(f"<p>{p}</p>" for p in paragraphs if p.strip())
    style = _STYLE + _STYLE_MD if markdown else _STYLE
    if fragment:
        return f"<style>{style}</style>\n{body}\n"
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>{_PAGE}{style}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


# ---------------------------------------------------------------------------- Markdown

_FRONT = regex(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_HEADING = regex(r"(#{1,6})[ \t]+")
_ITEM = regex(r"(?:[-*+]|(\d{1,3})[.)])[ \t]+")
_QUOTE = regex(r">[ \t]?")
_RULE = regex(r"(?:-{3,}|\*{3,}|_{3,})[ \t]*")
_CELL_RULE = regex(r"[\s|:-]+")
_STRONG, _EM = "**", "*"
# what only Markdown writes: a heading, a table row, a bold run
_MARKDOWN_SIGN = regex(r"(?m)^#{1,6}[ \t]+\S|^\|.*\|[ \t]*$|\*\*[^*\n]+\*\*")


def looks_markdown(text: str) -> bool:
    """Whether a text reads as Markdown: front matter, a heading, a table or bold marks."""
    head = text[:4000]
    return bool(_FRONT.match(text) or _MARKDOWN_SIGN.search(head))


class _Markdown:
    """A Markdown text with its matches as HTML, block by block, each slogan's span kept."""

    def __init__(self, text: str, matches: list[Match]) -> None:
        self.text = text
        self.matches = matches
        self.next = 0  # the first match not yet placed
        self.out: list[str] = []

    def body(self) -> str:
        text, start = self.text, 0
        front = _FRONT.match(text)
        if front:
            rows = [line.partition(":") for line in front.group(1).splitlines()]
            cells = "".join(
                f"<dt>{escape(k.strip())}</dt><dd>{escape(v.strip())}</dd>"
                for k, sep, v in rows
                if sep and k.strip()
            )
            self.out.append(f'<div class="front"><dl>{cells}</dl></div>')
            start = front.end()
            self._skip(start)
        lines: list[tuple[int, int]] = []  # (start, end) of each line after the front matter
        pos = start
        while pos <= len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            lines.append((pos, end))
            pos = end + 1
        i = 0
        while i < len(lines):
            i = self._block(lines, i)
        return "\n".join(self.out)

    def _skip(self, upto: int) -> None:
        """Matches before ``upto`` (in the front matter) are not shown as slogans."""
        while self.next < len(self.matches) and self.matches[self.next].start < upto:
            self.next += 1

    def _block(self, lines: list[tuple[int, int]], i: int) -> int:
        """Render the block that starts at line ``i``; the index of the line after it."""
        text = self.text
        a, b = lines[i]
        line = text[a:b]
        stripped = line.lstrip()
        lead = a + len(line) - len(stripped)
        if not stripped.strip():
            return i + 1
        if heading := _HEADING.match(stripped):
            level = len(heading.group(1))
            content = self._inline(lead + heading.end(), b).rstrip("# ")
            self.out.append(f"<h{level}>{content}</h{level}>")
            return i + 1
        if _RULE.fullmatch(stripped):
            self.out.append("<hr>")
            return i + 1
        if stripped.startswith("|"):
            return self._table(lines, i)
        if item := _ITEM.match(stripped):
            tag = "ol" if item.group(1) else "ul"
            items = []
            while i < len(lines):
                a, b = lines[i]
                s = self.text[a:b].lstrip()
                found = _ITEM.match(s)
                if not found or bool(found.group(1)) != (tag == "ol"):
                    break
                items.append(f"<li>{self._inline(b - len(s) + found.end(), b)}</li>")
                i += 1
            self.out.append(f"<{tag}>{''.join(items)}</{tag}>")
            return i
        if quote := _QUOTE.match(stripped):
            self.out.append(
                f"<blockquote><p>{self._inline(lead + quote.end(), b)}</p></blockquote>"
            )
            return i + 1
        self.out.append(f"<p>{self._inline(a, b)}</p>")
        return i + 1

    def _table(self, lines: list[tuple[int, int]], i: int) -> int:
        rows: list[str] = []
        header = True
        first = i
        while i < len(lines):
            a, b = lines[i]
            row = self.text[a:b]
            if not row.lstrip().startswith("|"):
                break
            if _CELL_RULE.fullmatch(row):  # the rule under the header row
                i += 1
                continue
            cells = self._cells(a, b)
            tag = "th" if header and i == first and self._ruled(lines, i + 1) else "td"
            rows.append("<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in cells) + "</tr>")
            i += 1
        self.out.append(f'<table class="md">{"".join(rows)}</table>')
        return i

    def _ruled(self, lines: list[tuple[int, int]], i: int) -> bool:
        return i < len(lines) and bool(_CELL_RULE.fullmatch(self.text[slice(*lines[i])]))

    def _cells(self, a: int, b: int) -> list[str]:
        """A table row's cells, split at the bars no slogan covers."""
        text = self.text
        self._skip(a)
        spans = self._spans(b)
        bars = [k for k in range(a, b) if text[k] == "|" and not any(x <= k < y for x, y in spans)]
        return [self._inline(x + 1, y).strip() for x, y in itertools.pairwise(bars)]

    def _spans(self, b: int) -> list[tuple[int, int]]:
        """The slogans not yet placed that start before ``b``: those of the line at hand (the
        matches are in text order, so the walk stops at the first beyond it)."""
        out = []
        for m in itertools.islice(self.matches, self.next, None):
            if m.start >= b:
                break
            out.append((m.start, m.end))
        return out

    def _inline(self, a: int, b: int) -> str:
        """``text[a:b]`` escaped, its slogans as spans, its bold and italic marks as tags."""
        text = self.text
        self._skip(a)
        marks = self._emphasis(a, b)
        out: list[str] = []
        pos = a
        open_tags: list[str] = []
        while pos < b:
            while self.next < len(self.matches) and self.matches[self.next].start < pos:
                self.next += 1  # a slogan across a mark the block dropped: its text stays
            nm = self.matches[self.next] if self.next < len(self.matches) else None
            if nm is not None and nm.start == pos and nm.end <= b:
                n = self.next + 1
                out.append(_span(nm, text[nm.start : nm.end], n))
                self.next += 1
                pos = nm.end
                continue
            mark = marks.get(pos)
            if mark is not None:
                tag = "strong" if mark == _STRONG else "em"
                if open_tags and open_tags[-1] == tag:
                    open_tags.pop()
                    out.append(f"</{tag}>")
                else:
                    open_tags.append(tag)
                    out.append(f"<{tag}>")
                pos += len(mark)
                continue
            stop = min(
                [x for x in (nm.start if nm else b, b) if x > pos] + [k for k in marks if k > pos]
                or [b]
            )
            out.append(escape(text[pos:stop]))
            pos = stop
        out.extend(f"</{tag}>" for tag in reversed(open_tags))
        return "".join(out)

    def _emphasis(self, a: int, b: int) -> dict[int, str]:
        """The positions of the ** and * marks in ``text[a:b]`` that pair up, outside slogans."""
        text = self.text
        inside = self._spans(b)
        found: dict[int, str] = {}
        for mark in (_STRONG, _EM):
            at: list[int] = []
            k = text.find(mark, a, b)
            while k >= 0:
                taken = any(x <= k < y for x, y in inside) or any(
                    x <= k < x + len(found[x]) for x in found
                )
                if not taken and (mark != _EM or text[k + 1 : k + 2] != "*"):
                    at.append(k)
                k = text.find(mark, k + len(mark), b)
            for k in at[: len(at) - len(at) % 2]:
                found[k] = mark
        return found
