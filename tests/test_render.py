"""Renderers: content, escaping, numbering, first-only, and every seed in every format."""

from __future__ import annotations

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


def test_undecided_shown_honestly(bundled: glossary.Glossary) -> None:
    ann = bundled.annotate("某县人民政府：构建“1+6”体系。")
    (m,) = ann.matches
    assert m.sense is None
    assert "含义因地而异" in ann.render("inline")
    assert "undecided" in ann.render("html")


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
