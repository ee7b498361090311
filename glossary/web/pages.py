"""The pages of ``glossary serve``, as strings: a frame, the annotator, the dictionary browser,
one page per term and the API's page. Every text that comes from a request or a dictionary
passes through ``escape``; the annotated text is the html renderer's own (escaped) output.

>>> "&lt;b&gt;" in frame("<b>", "")
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from html import escape
from typing import Any
from urllib.parse import quote, urlencode

from ..document import DOCUMENT
from ..model import Citation, Sense, Source, Term
from ..render.common import scope_label
from ..render.entry import cite, sense_fields
from ..render.html import looks_markdown, note_html
from ..result import Annotation, Match, first_uses

# format -> (button, file name suffix, media type)
DOWNLOADS = {
    "html": ("HTML", ".html", "text/html; charset=utf-8"),
    "markdown": ("Markdown", ".md", "text/markdown; charset=utf-8"),
    "notes": ("附注", "-notes.txt", "text/plain; charset=utf-8"),
    "json": ("JSON", ".json", "application/json"),
}
NUMERALS = {n: "一二三四五六七八九十"[n - 1] for n in range(1, 11)}

_STYLE = """
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
       line-height: 1.7; color: #222; background: #fafaf7; }
header { background: #7a1f1f; color: #fff; padding: .5em 1em; display: flex; gap: 1.2em;
         flex-wrap: wrap; align-items: baseline; }
header a { color: #fff; text-decoration: none; } header a.here { text-decoration: underline; }
header b { font-size: 1.1em; }
main { max-width: 74em; margin: 0 auto; padding: 1em; }
textarea { width: 100%; font: inherit; }
input, select, button { font: inherit; padding: .25em .4em; max-width: 100%; }
.row { display: flex; gap: .6em; flex-wrap: wrap; align-items: center; margin: .5em 0; }
.row > * { min-width: 0; max-width: 100%; }
.error { color: #a00; font-weight: bold; }
.result { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5em; }
.result > section { min-width: 0; }
@media (max-width: 760px) {
  .result { grid-template-columns: 1fr; }
  /* a phone: a tapped slogan's note sits at the foot of the screen, never past its edge */
  #annotated .slogan .note { position: fixed; left: .5em; right: .5em; top: auto; bottom: .5em;
       width: auto; }
}
.found { list-style: none; padding: 0; }
.found li, .sense { border-left: 3px solid #a33; background: #fff; margin: 0 0 .7em;
        padding: .4em .7em; }
.found li.weak, .sense.weak { border-left-color: #999; }
.meta { color: #666; font-size: .9em; }
.badge { font-size: .8em; border: 1px solid #999; border-radius: 3px; padding: 0 .3em; }
.terms { list-style: none; padding: 0; } .terms li { padding: .25em 0; border-bottom: 1px solid #eee; }
blockquote { margin: .3em 0; padding-left: .7em; border-left: 2px solid #ccc; color: #444; }
nav.pages a { margin-right: .6em; }
"""


def frame(title: str, body: str, here: str = "") -> str:
    """A page: the header's links and ``body`` (already HTML) under ``title`` (text)."""
    links = [("/", "注释", "annotate"), ("/terms", "词典", "terms"), ("/api", "API", "api")]
    nav = "".join(
        f'<a href="{href}"{" class=here" if key == here else ""}>{label}</a>'
        for href, label, key in links
    )
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} · glossary</title><style>{_STYLE}</style></head>
<body><header><b>glossary</b>{nav}</header><main>
{body}
</main></body></html>
"""


def term_url(term: str) -> str:
    return "/term/" + quote(term, safe="")


def _region_list(regions: Iterable[str]) -> str:
    options = "".join(f'<option value="{escape(r)}">' for r in regions)
    return f'<datalist id="regions">{options}</datalist>'


def annotator(
    regions: Iterable[str],
    *,
    text: str = "",
    region: str = "",
    annotation: Annotation | None = None,
    inferred: bool = False,
    sources: dict[str, Source] | None = None,
    error: str = "",
) -> str:
    """The annotator: the form (paste or upload, a region or none), then the result."""
    form = f"""<h1>注释报告</h1>
<form method="post" action="/annotate" enctype="multipart/form-data" id="annotate-form">
<textarea name="text" id="text" rows="10" placeholder="粘贴报告全文，或选择文件">{escape(text)}</textarea>
<div class="row"><label>文件 <input type="file" name="file" id="file" accept=".txt,.md,text/plain"></label>
<label>地区 <input name="region" id="region" list="regions" value="{escape(region)}"
 placeholder="留空则自动推断"></label>{_region_list(regions)}
<button type="submit" id="submit">注释</button></div>
</form>
"""
    if error:
        form += f'<p class="error" id="error">{escape(error)}</p>'
    if annotation is None:
        return frame("注释报告", form, "annotate")
    return frame("注释报告", form + _result(annotation, inferred, sources or {}), "annotate")


def _result(annotation: Annotation, inferred: bool, sources: dict[str, Source]) -> str:
    ann = annotation
    if ann.region is None:
        where = "未能推断地区：只用全国通用的含义"
    else:
        where = f"地区：{escape(ann.region)}（{'自动推断' if inferred else '指定'}）"
    year = f" · 年份：{ann.year}" if ann.year else ""
    count = len(ann.matches)
    # the downloads post the text again: the page keeps no state between requests
    hidden = (
        f'<input type="hidden" name="text" value="{escape(ann.text)}">'
        f'<input type="hidden" name="region" value="{escape(ann.region or "")}">'
    )
    buttons = "".join(
        f'<button name="format" value="{fmt}" id="download-{fmt}">{label}</button>'
        for fmt, (label, _, _) in DOWNLOADS.items()
    )
    found = "".join(_found(m, sources) for m in first_uses(ann.matches))
    return f"""<p class="meta" id="where">{where}{year} · 共 {count} 处口号与简称</p>
<form method="post" action="/download" class="row" id="downloads">下载：{hidden}{buttons}</form>
<div class="result">
<section id="annotated">{ann.render("html", fragment=True, markdown=looks_markdown(ann.text))}</section>
<section><h2>本文出现的口号</h2><ul class="found" id="found">{found}</ul></section>
</div>
"""


def _found(m: Match, sources: dict[str, Source]) -> str:
    """One slogan of the side list: what it stands for, where the meaning holds, its source."""
    s = m.sense
    name = f'<a href="{term_url(m.term.term)}"><b>{escape(m.term.term)}</b></a>'
    text = note_html(m)
    if s is None:
        return f'<li class="weak">{name}<br>{text}</li>'
    weak = "" if s.documented else ' class="weak"'
    return (
        f"<li{weak}>{name} <span class=badge>{escape(scope_label(s))}</span><br>{text}"
        f'<div class="meta">{_cite(s, sources)}</div></li>'
    )


def _cite(s: Sense, sources: dict[str, Source]) -> str:
    """The sense's source, linked to the document's address when it is known."""
    if s.origin == DOCUMENT:  # the text's own note or sentence
        return f"出处：本文{escape('，' + s.source.at if s.source.at else '')}"
    return f"出处：{_source(s.source, sources)}"


def _source(c: Citation, sources: dict[str, Source]) -> str:
    """A citation as HTML: title, issuer, date, place in the text; a link when the source has
    a web address (only http and https: a dictionary is untrusted)."""
    label = escape(cite(c, sources))
    src = sources.get(c.ref)
    if src is not None and src.url and src.url.startswith(("http://", "https://")):
        return f'<a href="{escape(src.url)}" rel="noopener">{label}</a>'
    return label


def browser(
    terms: Sequence[Term],
    *,
    query: str,
    filters: dict[str, str],
    places: dict[str, list[str]],
    page: int,
    per_page: int,
) -> str:
    """The dictionary browser: search, filters, one page of results."""

    def option(value: str, label: str, chosen: str) -> str:
        selected = " selected" if value == chosen else ""
        return f'<option value="{escape(value)}"{selected}>{escape(label)}</option>'

    province, city = filters.get("province", ""), filters.get("city", "")
    numeral, status = filters.get("numeral", ""), filters.get("status", "")
    provinces = option("", "全部省份", province) + "".join(option(p, p, province) for p in places)
    cities = option("", "全部城市", city) + "".join(
        f'<optgroup label="{escape(p)}">{"".join(option(c, c, city) for c in cs)}</optgroup>'
        for p, cs in places.items()
        if cs and (not province or p == province)
    )
    numerals = option("", "任意数字", numeral) + "".join(
        option(str(n), c, numeral) for n, c in NUMERALS.items()
    )
    statuses = (
        option("", "全部", status)
        + option("documented", "有释义", status)
        + option("undocumented", "来源未释义", status)
    )
    form = f"""<h1>口号词典</h1>
<form method="get" action="/terms" id="search-form">
<div class="row"><input name="q" id="q" value="{escape(query)}" placeholder="口号、繁体、全角或拼音" autofocus>
<button type="submit" id="search">查找</button></div>
<div class="row"><select name="province" id="province">{provinces}</select>
<select name="city" id="city">{cities}</select>
<select name="numeral" id="numeral">{numerals}</select>
<select name="status" id="status">{statuses}</select></div>
</form>"""
    start = (page - 1) * per_page
    shown = terms[start : start + per_page]
    items = "".join(
        f'<li><a href="{term_url(t.term)}">{escape(t.term)}</a> '
        f'<span class="meta">{escape(_summary(t))}</span></li>'
        for t in shown
    )
    pages = _pager(len(terms), page, per_page, {"q": query, **filters})
    body = (
        f"{form}<p class=meta id=total>{len(terms):,} 条</p>"
        f'<ul class="terms" id="results">{items}</ul>{pages}'
    )
    return frame("口号词典", body, "terms")


_SUMMARY_SENSES = 4  # meanings a result line shows before it counts the rest


def _summary(t: Term) -> str:
    """A result line: each place's meaning, not the first one's with the others only named
    (two cities' 三旧 may mean different things).

    >>> from glossary.model import Citation, Sense, Term
    >>> a = Sense("三旧@佛山市", "佛山市", "三旧", Citation("r"), gloss="旧城镇、旧厂房、旧村庄")
    >>> b = Sense("三旧@漳州市", "漳州市", "三旧", Citation("r"), gloss="旧城、旧村、旧厂")
    >>> _summary(Term("三旧", (a, b)))
    '佛山市：旧城镇、旧厂房、旧村庄；漳州市：旧城、旧村、旧厂'
    """
    meanings: dict[str, list[str]] = {}
    for s in t.senses:
        text = (s.gloss or s.expansion or "、".join(s.members) or s.definition)[:40]
        places = meanings.setdefault(text, [])
        if s.scope not in places:
            places.append(s.scope)
    shown = [
        f"{'、'.join(places)}：{text}" if text else "、".join(places)
        for text, places in list(meanings.items())[:_SUMMARY_SENSES]
    ]
    more = len(meanings) - len(shown)
    return "；".join(shown) + (f"；另有{more}种含义" if more > 0 else "")


def _pager(total: int, page: int, per_page: int, params: dict[str, str]) -> str:
    last = max(1, -(-total // per_page))
    if last == 1:
        return ""
    kept = {k: v for k, v in params.items() if v}

    def link(n: int, label: str) -> str:
        return f'<a href="/terms?{escape(urlencode({**kept, "page": n}))}">{label}</a>'

    links = []
    if page > 1:
        links.append(link(page - 1, "上一页"))
    links.append(f"第 {page} / {last} 页")
    if page < last:
        links.append(link(page + 1, "下一页"))
    return f'<nav class="pages">{" ".join(links)}</nav>'


def entry(term: Term, sources: dict[str, Source], lineage: Callable[[str], list[str]]) -> str:
    """One term: every sense with its place (``lineage``: the places from the nation down to
    a scope), period, meaning and sources; aliases; see also."""
    head = f'<h1 id="term">{escape(term.term)}</h1>'
    if term.aliases:
        head += f'<p class="meta">又作：{escape("、".join(term.aliases))}</p>'
    senses = "".join(_sense(n, s, sources, lineage) for n, s in enumerate(term.senses, 1))
    also = ""
    if term.see_also:
        links = "、".join(f'<a href="{term_url(a)}">{escape(a)}</a>' for a in term.see_also)
        also = f'<p id="see-also">参见：{links}</p>'
    return frame(term.term, head + senses + also, "terms")


def _sense(
    n: int, s: Sense, sources: dict[str, Source], lineage: Callable[[str], list[str]]
) -> str:
    status = "" if s.documented else ' <span class="badge">来源未释义</span>'
    rows = [
        f"<h2>{n}. {escape(' › '.join(lineage(s.scope)))}{status}</h2>",
        f'<p class="meta">{escape(s.id)}{_period(s)}</p>',
    ]
    fields = [*sense_fields(s), ("提示词", "、".join(s.cues))]
    rows.extend(f"<p>{escape(k)}：{escape(v)}</p>" for k, v in fields if v)
    what = "原文" if s.documented else "用例"
    for c in s.citations:
        quote_html = f"<blockquote>{what}：{escape(c.quote)}</blockquote>" if c.quote else ""
        rows.append(f'<div class="meta">出处：{_source(c, sources)}</div>{quote_html}')
    weak = "" if s.documented else " weak"
    return f'<section class="sense{weak}">{"".join(rows)}</section>'


def _period(s: Sense) -> str:
    if s.since is None and s.until is None:
        return ""
    return f" · 时段：{s.since or ''}–{s.until or ''}"


def missing(query: str, near: Sequence[str]) -> str:
    """A term the dictionary does not hold, with the forms close to it."""
    links = "、".join(f'<a href="{term_url(f)}">{escape(f)}</a>' for f in near)
    hint = f"<p>相近的词条：{links}</p>" if near else ""
    return frame("未收录", f"<h1>未收录：{escape(query)}</h1>{hint}", "terms")


def api_page(schema: dict[str, Any]) -> str:
    """The API's routes as the OpenAPI document states them."""
    rows = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            params = ", ".join(p["name"] for p in op.get("parameters", []))
            rows.append(
                f"<li><code>{escape(method.upper())} {escape(path)}</code>"
                f"{f' <span class=meta>({escape(params)})</span>' if params else ''}"
                f"<br>{escape(op.get('summary', ''))}</li>"
            )
    body = (
        "<h1>JSON API</h1><p>OpenAPI: <a href='/api/openapi.json'>/api/openapi.json</a></p>"
        f'<ul class="terms">{"".join(rows)}</ul>'
    )
    return frame("API", body, "api")
