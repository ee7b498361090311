"""Renderers: content, escaping, numbering, first-only, and every seed in every format."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

import glossary
from glossary.cli import main
from glossary.render import RENDERERS

from .conftest import SEED_REPORTS

HOSTILE = "推进“五化”<script>alert(1)</script>与“3+2+1”&<b>x</b>，再推进“五化”。"


@pytest.fixture(scope="module")
def ann(bundled: glossary.Glossary) -> glossary.Annotation:
    return bundled.annotate(HOSTILE, "洛江区")


def test_html_escapes_input(ann: glossary.Annotation) -> None:
    page = ann.render("html")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>x</b>" not in page


def test_html_is_accessible_and_well_formed(ann: glossary.Annotation) -> None:
    page = ann.render("html")
    assert page.startswith("<!DOCTYPE html>") and 'lang="zh-CN"' in page
    spans = re.findall(
        r'<span class="slogan[^"]*" tabindex="0"[^>]*aria-describedby="(n\d+)"', page
    )
    assert len(spans) == 3
    for ident in spans:
        assert f'id="{ident}" role="tooltip"' in page
    assert ":focus" in page and ":hover" in page
    stack: list[str] = []

    class Check(HTMLParser):
        def handle_starttag(self, tag: str, attrs: object) -> None:
            if tag not in ("meta", "br"):
                stack.append(tag)

        def handle_endtag(self, tag: str) -> None:
            assert stack.pop() == tag

    Check().feed(page)
    assert stack == []


def test_inline_and_first_only(ann: glossary.Annotation) -> None:
    assert ann.render("inline").count("〔绿化、美化、照明化、净化、智化〕") == 2
    assert ann.render("inline", first_only=True).count("〔绿化、美化、照明化、净化、智化〕") == 1


def test_markdown_footnotes_resolve(ann: glossary.Annotation) -> None:
    md = ann.render("markdown")
    refs = re.findall(r"\[\^(\d+)\](?!:)", md)
    defs = re.findall(r"^\[\^(\d+)\]:", md, re.M)
    assert refs == ["1", "2", "1"] and defs == ["1", "2"]
    assert "\\<script\\>" in md


def test_notes_numbered_by_first_appearance(bundled: glossary.Glossary) -> None:
    text = "洛江区人民政府：完善“3+2+1”配套，推进“五化”工程，再谈“3+2+1”。"
    out = bundled.annotate(text).render("notes")
    body, notes = out.split("\n\n附注\n\n")
    assert body == text
    assert notes.splitlines()[0].startswith("1.“3+2+1”:") and notes.splitlines()[2].startswith(
        "2.“五化”:"
    )
    assert "2.“五化”:绿化、美化、照明化、净化、智化。" in notes


@pytest.mark.parametrize(
    ("text", "region", "foreign", "said"),
    [
        # the form is known only in other places: each place's meaning, none put forward as
        # this one's (晋江 names it unexplained)
        ("构建“1+6”体系。", "福州市", True, "他处提法（洛江区：“1”即乡村建设行动实施方案；“6”即"),
        ("构建“1+6”体系。", "福州市", True, "；晋江市：来源未释义；"),
        ("构建“1+6”体系。", None, True, "此处未释义"),
        # several senses hold and nothing decides
        ("推进“三项制度”改革。", "四川省", False, "含义未定："),
    ],
)
def test_unexplained_uses_stay_out_of_the_reading(
    bundled: glossary.Glossary, text: str, region: str | None, foreign: bool, said: str
) -> None:
    """Inline, Markdown and 附注 note only documented meanings; --show-all marks the rest for
    what they are; HTML and JSON keep every match, marked."""
    ann = bundled.annotate(text, region)
    (m,) = ann.matches
    assert m.sense is None and m.foreign is foreign and m.candidates
    for fmt in ("inline", "markdown", "notes"):
        assert ann.render(fmt).rstrip("\n") == text
    assert said in ann.render("inline", show_all=True)
    assert ("foreign" if foreign else "undecided") in ann.render("html")
    data = json.loads(ann.render("json"))["matches"][0]
    assert data["foreign"] is foreign and data["candidates"] and data["sense"] is None


def test_undocumented_shown_only_on_request(bundled: glossary.Glossary) -> None:
    ann = bundled.annotate("推进“1+6”。", "晋江市")
    (m,) = ann.matches
    assert m.sense is not None and not m.sense.documented
    assert ann.render("inline") == "推进“1+6”。"
    assert "来源未释义" in ann.render("inline", show_all=True)
    assert "undocumented" in ann.render("html")


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
@pytest.mark.parametrize("path", SEED_REPORTS, ids=lambda p: p.stem)
def test_every_seed_in_every_format(bundled: glossary.Glossary, path: Path, fmt: str) -> None:
    text = path.read_text(encoding="utf-8")
    out = bundled.annotate(text).render(fmt)
    assert out
    if fmt == "inline":  # the annotations come out again, leaving the text
        assert re.sub(r"〔[^〔〕]*〕", "", out) == text
    if fmt == "notes":
        assert out.startswith(text.rstrip("\n"))


def test_cli_formats(tmp_path: Path) -> None:
    src = tmp_path / "x.txt"
    src.write_text(HOSTILE, encoding="utf-8")
    for fmt in RENDERERS:
        result = CliRunner().invoke(main, ["annotate", "-f", fmt, "--region", "洛江区", str(src)])
        assert result.exit_code == 0, result.output
        assert "<script>" not in result.output or fmt in ("inline", "json", "notes")


@pytest.mark.parametrize(
    ("markdown", "html"),
    [
        (
            "---\ntitle: 报告\nsource: https://x.cn/\n---\n正文",
            '<div class="front"><dl><dt>title</dt>',
        ),
        ("## 一、回顾\n", "<h2>一、回顾</h2>"),
        ("#### （一）发展\n", "<h4>（一）发展</h4>"),
        ("**2024年1月**\n", "<p><strong>2024年1月</strong></p>"),
        ("a *b* c\n", "<p>a <em>b</em> c</p>"),
        ("单个*星号\n", "<p>单个*星号</p>"),  # an unpaired mark stays text
        ("- 甲\n- 乙\n", "<ul><li>甲</li><li>乙</li></ul>"),
        ("1. 甲\n2. 乙\n", "<ol><li>甲</li><li>乙</li></ol>"),
        ("> 引文\n", "<blockquote><p>引文</p></blockquote>"),
        (
            "| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n",
            "<tr><th>甲</th><th>乙</th></tr><tr><td>1</td><td>2</td></tr>",
        ),
        ("<b>x</b>\n", "<p>&lt;b&gt;x&lt;/b&gt;</p>"),  # escaped, never markup
    ],
)
def test_markdown_blocks(bundled: glossary.Glossary, markdown: str, html: str) -> None:
    out = bundled.annotate(markdown, "洛江区").render("html", markdown=True, fragment=True)
    assert html in out


def test_markdown_keeps_every_slogan(bundled: glossary.Glossary) -> None:
    text = "## 推进“五化”\n**坚决做到“两个维护”**\n- “五化”街道\n| “五化” | 12 |\n|---|---|\n"
    ann = bundled.annotate(text, "洛江区")
    out = ann.render("html", markdown=True, fragment=True)
    assert out.count('<span class="slogan') == len(ann.matches) == 4
    assert "<strong>坚决做到“<span" in out
    from glossary.render.html import looks_markdown

    assert looks_markdown(text) and not looks_markdown("推进“五化”。\n坚决做到“两个维护”。")


@pytest.mark.parametrize("path", SEED_REPORTS, ids=lambda p: p.name)
def test_json_encoder_writes_what_json_dumps_writes(bundled: glossary.Glossary, path: Path) -> None:
    """The encoder's text of every match is json.dumps of its dictionary, to the byte."""
    from glossary.render.json import Encoder

    ann = bundled.annotate(path.read_text(encoding="utf-8"))
    encode = Encoder().encode
    assert ann.matches
    for m in ann.matches:
        assert encode(m, 7) == json.dumps(
            {**m.to_dict(), "start": m.start + 7, "end": m.end + 7}, ensure_ascii=False
        )


def test_json_encoder_keeps_two_dictionaries_apart(
    bundled: glossary.Glossary, mini: glossary.Glossary
) -> None:
    """One sense id with two meanings in two dictionaries of one process: each its own."""
    from glossary.render.json import Encoder

    text = "洛江区人民政府：推进城市“五化”工程。"
    for g in (bundled, mini, bundled):
        (m,) = [m for m in g.annotate(text).matches if m.surface == "五化"]
        assert Encoder().encode(m) == json.dumps(m.to_dict(), ensure_ascii=False)
