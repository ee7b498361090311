"""The printable glossary: entries grouped by leading numeral, in number then pinyin order,
as Markdown, HTML, or a PDF book typeset by Typst (the ``glossary[pdf]`` extra: its compiler
ships in the ``typst`` wheel). The book's layout is ``printable.typ``; the entries reach it as
JSON, so no text of the dictionary is read as markup. The whole dictionary (about 1,300 pages)
takes seconds; WeasyPrint, measured first, took about seven minutes for the same entries.

>>> import glossary
>>> md = build_glossary(glossary.load(), "markdown")
>>> md.index("## 二") < md.index("## 五") < md.index("## 阿拉伯数字")
True
"""

from __future__ import annotations

import json
import struct
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..numerals import leading_count
from ..patterns import regex
from .entry import citation, sense_fields

if TYPE_CHECKING:
    from ..annotate import Glossary
    from ..model import Sense, Term

__all__ = ["Font", "PdfUnavailable", "build_glossary", "cjk_font"]

TITLE = "数字口号与简称词汇表"
SUBTITLE = "Glossary of numeric slogans and abbreviations in Chinese official writing"
_CN_GROUPS = [("一", "一"), ("二", "二两双"), ("三", "三"), ("四", "四"), ("五", "五"), ("六", "六"), ("七", "七"),
              ("八", "八"), ("九", "九"), ("十", "十"), ("百", "百"), ("千", "千"), ("万", "万")]  # fmt: skip
ARABIC, OTHER = "阿拉伯数字", "其他简称"
_GROUP_ORDER = [name for name, _ in _CN_GROUPS] + [ARABIC, OTHER]
_DIGIT = regex(r"[0-9０-９]")


class PdfUnavailable(Exception):
    """Typst or a font for Chinese is not installed."""


@dataclass(frozen=True, slots=True)
class _Entry:
    term: Term
    senses: tuple[Sense, ...]
    group: str
    number: int
    sort_key: str
    pinyin: str
    anchor: str
    related: tuple[str, ...]


def _group(form: str) -> tuple[str, int, str]:
    """The group a slogan files under, the number it sorts by, and the text from that numeral
    on (the pinyin order starts there): 高效办成一件事 → (一, 1, 一件事)."""
    for i, ch in enumerate(form):
        if _DIGIT.match(ch):
            return ARABIC, leading_count(form[i:]) or 0, form[i:]
        for name, chars in _CN_GROUPS:
            if ch in chars:
                return name, leading_count(form[i:]) or 0, form[i:]
    return OTHER, 0, form


def _pinyin(form: str) -> tuple[str, str]:
    """(display pinyin with tone marks, sort key)."""
    from pypinyin import Style, lazy_pinyin

    shown = " ".join(lazy_pinyin(form, style=Style.TONE, errors="default"))
    key = "".join(lazy_pinyin(form, style=Style.TONE3, errors="default"))
    return shown, key


def _entries(g: Glossary, region: str | None, used_in: Sequence[str]) -> list[_Entry]:
    from ..resolve import holding
    from ..textio import read_text

    chosen: dict[str, set[str]] | None = None
    if used_in:
        chosen = {}
        for doc in used_in:
            # the dictionary's entries a document needs, not what it already explains
            ann = g.annotate(read_text(doc), region, document=False)
            for m in ann.matches:
                ids = {m.sense.id} if m.sense else {s.id for s in m.candidates}
                chosen.setdefault(m.term.term, set()).update(ids)
    where = g.region_named(region) if region else None
    picked: list[tuple[Term, tuple[Sense, ...]]] = []
    for term in g.terms:
        senses = tuple(holding(term.senses, where, g.regions)) if where else term.senses
        if chosen is not None:
            senses = tuple(s for s in senses if s.id in chosen.get(term.term, ()))
        if senses:
            picked.append((term, senses))
    # in the dictionary's order: a set's order changes from run to run, and so would the book
    names = dict.fromkeys(t.term for t, _ in picked)
    entries = []
    for i, (term, senses) in enumerate(picked):
        group, number, tail = _group(term.term)
        shown, _ = _pinyin(term.term)
        # see also: what the dictionary lists, and slogans that contain or are contained in this one
        related = [r for r in term.see_also if r in names]
        related += [
            n
            for n in names
            if n != term.term and len(n) >= 2 and (n in term.term or term.term in n)
        ]
        entries.append(
            _Entry(
                term,
                senses,
                group,
                number,
                _pinyin(tail)[1],
                shown,
                f"t{i}",
                tuple(dict.fromkeys(related)),
            )
        )
    entries.sort(key=lambda e: (_GROUP_ORDER.index(e.group), e.number, e.sort_key))
    return entries


def _sense_lines(s: Sense, g: Glossary, lang: str) -> list[tuple[str, str]]:
    """(label, text) rows of one sense, for either format."""
    zh, en = lang in ("zh", "both"), lang in ("en", "both")
    rows: list[tuple[str, str]] = [
        ("适用范围 Scope" if en and zh else "适用范围" if zh else "Scope", s.scope)
    ]
    rows.extend(sense_fields(s, zh=zh, en=en))
    if s.since or s.until:
        rows.append(("时段" if zh else "Period", f"{s.since or ''}–{s.until or ''}"))
    if s.status == "undocumented":
        rows.append(
            (
                "说明" if zh else "Note",
                "来源未释义，仅见用例：" + s.source.quote if zh else "not explained by its source",
            )
        )
    rows.append(("出处" if zh else "Source", citation(s, g.sources)))
    return rows


def _markdown(g: Glossary, entries: list[_Entry], lang: str) -> str:
    anchors = {e.term.term: e.anchor for e in entries}
    out = [f"# {TITLE}", "", f"*{SUBTITLE}*", "", "## 目录 Contents", ""]
    groups = list(dict.fromkeys(e.group for e in entries))
    out += [
        f"- [{name}](#g-{name})（{sum(1 for e in entries if e.group == name)}）" for name in groups
    ]
    current = None
    for e in entries:
        if e.group != current:
            current = e.group
            out += ["", f'<a id="g-{e.group}"></a>', "", f"## {e.group}", ""]
        out += [f'<a id="{e.anchor}"></a>', "", f"### {e.term.term}", "", f"*{e.pinyin}*", ""]
        if e.term.aliases:
            out += [f"又作：{'、'.join(e.term.aliases)}", ""]
        for n, s in enumerate(e.senses, 1):
            if len(e.senses) > 1:
                out += [f"**{n}.**", ""]
            out += [f"- **{label}**：{text}" for label, text in _sense_lines(s, g, lang)]
            out.append("")
        if e.related:
            out += ["参见：" + "、".join(f"[{r}](#{anchors[r]})" for r in e.related), ""]
    return "\n".join(out).rstrip() + "\n"


def _html(g: Glossary, entries: list[_Entry], lang: str) -> str:
    anchors = {e.term.term: e.anchor for e in entries}
    css = resources.files("glossary.render").joinpath("printable.css").read_text(encoding="utf-8")
    groups = list(dict.fromkeys(e.group for e in entries))
    toc = "".join(
        f'<li><a href="#g-{i}">{escape(name)}</a> <span class="count">{sum(1 for e in entries if e.group == name)}</span></li>'
        for i, name in enumerate(groups)
    )
    body: list[str] = []
    current = None
    for e in entries:
        if e.group != current:
            if current is not None:
                body.append("</section>")
            current = e.group
            body.append(
                f'<section class="group"><h2 id="g-{groups.index(e.group)}">{escape(e.group)}</h2>'
            )
        body.append(f'<article class="entry" id="{e.anchor}"><h3>{escape(e.term.term)}</h3>')
        body.append(f'<p class="pinyin">{escape(e.pinyin)}</p>')
        if e.term.aliases:
            body.append(f'<p class="aliases">又作：{escape("、".join(e.term.aliases))}</p>')
        for s in e.senses:
            rows = "".join(
                f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in _sense_lines(s, g, lang)
            )
            cls = "sense undocumented" if s.status == "undocumented" else "sense"
            body.append(f'<dl class="{cls}">{rows}</dl>')
        if e.related:
            links = "、".join(f'<a href="#{anchors[r]}">{escape(r)}</a>' for r in e.related)
            body.append(f'<p class="see">参见：{links}</p>')
        body.append("</article>")
    if current is not None:
        body.append("</section>")
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{TITLE}</title>\n<style>{css}</style>\n</head>\n<body>\n"
        f'<header class="cover"><h1>{TITLE}</h1><p>{SUBTITLE}</p></header>\n'
        f'<nav class="toc"><h2>目录 Contents</h2><ol>{toc}</ol></nav>\n'
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def build_glossary(
    g: Glossary,
    fmt: str,
    *,
    region: str | None = None,
    lang: str = "both",
    used_in: Sequence[str] = (),
    report: Callable[[str], None] | None = None,
    progress: Callable[[str], None] | None = None,
) -> str | bytes:
    """The printable glossary as Markdown or HTML text, or PDF bytes; ``report`` hears of
    every character the PDF's font cannot draw, ``progress`` of each long step."""
    if fmt not in ("markdown", "html", "pdf"):
        raise ValueError(f"unknown format {fmt!r} (choose from markdown, html, pdf)")
    font = None
    if fmt == "pdf":  # what the PDF needs is checked before any work
        try:
            import typst
        except ImportError:
            raise PdfUnavailable("-f pdf needs Typst: pip install 'glossary[pdf]'") from None
        font = cjk_font()
        if font is None:  # the book would draw every character as an empty box, silently
            raise PdfUnavailable(
                "no installed font covers Chinese text (fontconfig finds none for :lang=zh); "
                "install one, e.g. Debian: apt install fonts-noto-cjk"
            )
    entries = _entries(g, region, used_in)
    if fmt == "markdown":
        return _markdown(g, entries, lang)
    if fmt == "html":
        return _html(g, entries, lang)
    assert font is not None
    if report is not None:
        for line in missing_glyphs(font.file, entries):
            report(line)
    if progress is not None:
        progress(f"typesetting {len(entries):,} entries with Typst")
    data = _book_data(g, entries, lang, font.family)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        layout = resources.files("glossary.render").joinpath("printable.typ")
        (folder / "book.typ").write_bytes(layout.read_bytes())
        (folder / "entries.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
        pdf: bytes = typst.compile(str(folder / "book.typ"), sys_inputs={"data": "entries.json"})
    return pdf


def _book_data(g: Glossary, entries: Sequence[_Entry], lang: str, family: str) -> dict[str, object]:
    """What printable.typ typesets: the title, the fonts, and the entries by group."""
    anchors = {e.term.term: e.anchor for e in entries}
    groups: list[dict[str, object]] = []
    current: list[dict[str, object]] = []
    for e in entries:
        if not groups or groups[-1]["name"] != e.group:
            current = []
            groups.append({"name": e.group, "entries": current})
        current.append(
            {
                "term": e.term.term,
                "anchor": e.anchor,
                "pinyin": e.pinyin,
                "aliases": f"又作：{'、'.join(e.term.aliases)}" if e.term.aliases else "",
                "senses": [_sense_lines(s, g, lang) for s in e.senses],
                "related": [[r, anchors[r]] for r in e.related],
            }
        )
    return {
        "title": TITLE,
        "subtitle": SUBTITLE,
        "contents": "目录 Contents",
        "see": "参见：",
        # the page's families first, then the one fontconfig found for Chinese
        "fonts": [*_CJK_FAMILIES, family],
        "heads": ["Noto Sans CJK SC", "Source Han Sans SC", *_CJK_FAMILIES, family],
        "groups": groups,
    }


# the families the page asks for first (render/html.py and the printable style)
_CJK_FAMILIES = (
    "Noto Serif CJK SC",
    "Noto Sans CJK SC",
    "Source Han Serif SC",
    "Source Han Sans SC",
)


class Font(NamedTuple):
    file: str
    family: str


def cjk_font() -> Font | None:
    """The font that will draw the Chinese text: one of the book's families when installed,
    else any font fontconfig lists for Chinese; None when there is none."""
    import subprocess

    try:
        out = subprocess.run(
            ["fc-list", ":lang=zh", "family", "file"], capture_output=True, text=True, timeout=20
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    fonts = []  # (file, families)
    for line in out.splitlines():
        file, _, families = line.partition(":")
        fonts.append((file.strip(), families.strip()))
    for family in _CJK_FAMILIES:
        for file, families in fonts:
            if family in families.split(","):
                return Font(file, family)
    return Font(fonts[0][0], fonts[0][1].split(",")[0]) if fonts else None


def missing_glyphs(font: str, entries: Sequence[_Entry]) -> list[str]:
    """One line per entry holding a character ``font`` has no glyph for (a rare character,
    an extension-B ideograph): such a character prints as an empty box."""
    try:
        from fontTools.ttLib import (  # type: ignore[import-untyped]
            TTCollection,
            TTFont,
            TTLibError,
        )
    except ImportError:
        return []
    try:
        if font.lower().endswith((".ttc", ".otc")):
            cmap = TTCollection(font, lazy=True).fonts[0].getBestCmap()
        else:
            cmap = TTFont(font, lazy=True).getBestCmap()
    except (OSError, ValueError, KeyError, AssertionError, struct.error, TTLibError):
        # an unreadable font file: nothing to say about its glyphs
        return []
    out = []
    for e in entries:
        text = e.term.term + "".join(s.definition + s.gloss + "".join(s.members) for s in e.senses)
        missing = sorted({ch for ch in text if not ch.isspace() and ord(ch) not in cmap})
        if missing:
            chars = " ".join(f"{ch} (U+{ord(ch):04X})" for ch in missing)
            out.append(f"no glyph in {font} for {chars} in the entry {e.term.term}")
    return out
