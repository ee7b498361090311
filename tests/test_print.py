"""The printable glossary: order, content, filters, and the PDF's text and fonts."""

from __future__ import annotations

import dataclasses
import logging
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

import glossary
from glossary.cli import main
from glossary.render.printable import build_glossary

from .conftest import SEEDS


def test_groups_in_numeral_order(bundled: glossary.Glossary) -> None:
    md = build_glossary(bundled, "markdown")
    assert isinstance(md, str)
    heads = [line[3:] for line in md.splitlines() if line.startswith("## ") and "目录" not in line]
    order = [
        "一",
        "二",
        "三",
        "四",
        "五",
        "六",
        "七",
        "八",
        "九",
        "十",
        "百",
        "千",
        "万",
        "阿拉伯数字",
        "其他简称",
    ]
    assert heads == [h for h in order if h in heads] and len(heads) >= 8


def test_entry_content(bundled: glossary.Glossary) -> None:
    md = build_glossary(bundled, "markdown")
    assert isinstance(md, str)
    entry = md[md.index("### 五化\n") :].split("\n### ")[0]
    for want in (
        "wǔ huà",
        "绿化、美化、照明化、净化、智化",
        "Five Improvements",
        "洛江区",
        "附注8",
    ):
        assert want in entry


def test_pinyin_order_within_group(bundled: glossary.Glossary) -> None:
    md = build_glossary(bundled, "markdown")
    assert isinstance(md, str)
    group = md[md.index("## 四\n") :].split("\n## ")[0]
    terms = [line[4:] for line in group.splitlines() if line.startswith("### ")]
    assert terms.index("四个一批") < terms.index("四下基层")  # gè before xià


def test_region_and_used_in_filters(bundled: glossary.Glossary) -> None:
    baogai = build_glossary(bundled, "markdown", region="宝盖镇")
    assert isinstance(baogai, str)
    # Baogai's own six actions, not Luojiang's; 五化 only in Fujian's (petition) sense
    assert "镇域经济提质行动" in baogai and "村庄规划、基础设施" not in baogai
    assert "绿化、美化、照明化" not in baogai and "四到位" in baogai
    used = build_glossary(bundled, "markdown", used_in=[str(SEEDS / "baogai-2024-work-plan.txt")])
    assert isinstance(used, str)
    assert "### 六大行动" in used and "### 五化\n" not in used and "### 3+2+1" not in used


def test_lang_en(bundled: glossary.Glossary) -> None:
    en = build_glossary(bundled, "markdown", lang="en")
    assert isinstance(en, str)
    assert "Five Improvements" in en and "**释义**" not in en


def test_html_links_see_also(bundled: glossary.Glossary) -> None:
    html = build_glossary(bundled, "html")
    assert isinstance(html, str)
    assert "参见" in html and 'href="#t' in html and "target-counter" in html


def test_pdf_text_layer_and_glyphs(
    bundled: glossary.Glossary, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    pytest.importorskip("typst")
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    # the 附注 a drafter prints for one report: the whole national glossary is ~1,300 pages
    with caplog.at_level(logging.WARNING):
        pdf = build_glossary(
            bundled, "pdf", used_in=[str(SEEDS / "luojiang-2024-government-work-report.txt")]
        )
    assert not [r for r in caplog.records if "glyph" in r.getMessage().lower()]
    out = tmp_path / "g.pdf"
    assert isinstance(pdf, bytes)
    out.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    for want in (
        "数字口号与简称词汇表",
        "五化",
        "绿化、美化、照明化、净化、智化",
        "两不愁三保障",
        "目录",
    ):
        assert want in text
    pages = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert (
        int(next(line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:"))) > 5
    )


def test_cli_print(tmp_path: Path) -> None:
    out = tmp_path / "g.md"
    result = CliRunner().invoke(
        main, ["print", "-f", "markdown", "-o", str(out), "--region", "洛江区"]
    )
    assert result.exit_code == 0, result.output
    assert "### 五化" in out.read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["print", "-f", "pdf", "-o", "-"])
    assert result.exit_code == 2 and "needs a file" in result.output


def test_pdf_without_a_chinese_font_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("typst")
    from glossary.render import printable

    monkeypatch.setattr(printable, "cjk_font", lambda: None)
    out = tmp_path / "g.pdf"
    result = CliRunner().invoke(main, ["print", "-f", "pdf", "-o", str(out)])
    assert result.exit_code == 1
    assert "fonts-noto-cjk" in result.output and len(result.output.strip().splitlines()) == 1
    assert not out.exists()


def test_missing_glyphs_name_their_entry(bundled: glossary.Glossary) -> None:
    from glossary.render import printable

    font = printable.cjk_font()
    if font is None:
        pytest.skip("no font for Chinese is installed")
    entries = printable._entries(bundled, "洛江区", ())
    assert printable.missing_glyphs(font.file, entries) == []  # the Noto CJK fonts cover them all
    term = bundled.lookup("五化")
    assert term is not None
    odd = printable._Entry(
        dataclasses.replace(term, term="\U00031350面"), term.senses, "五", 5, "", "", "", ()
    )
    (line,) = printable.missing_glyphs(font.file, [odd])
    assert "U+31350" in line and "\U00031350面" in line
