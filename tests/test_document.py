"""The document explains itself: its own definitions, found cheaply, hold in it first."""

from __future__ import annotations

import json
import re

import pytest

import glossary
from glossary.annotate import annotate_blocks
from glossary.document import own_senses
from glossary.readers import WORDS as MARKS
from glossary.readers import definitions
from glossary.stats import count_texts

from .conftest import SEEDS

LUOJIANG = SEEDS / "luojiang-2024-government-work-report.txt"


@pytest.mark.parametrize(
    ("text", "term", "members"),
    [
        # an annotation section at the end
        ("推进“五化”。\n附注\n1.“五化”：绿化、美化、照明化、净化、智化。\n", "五化", 5),
        ("推进“两违”。\n\n名词解释\n\n“两违”：违法用地、违法建设。\n", "两违", 2),
        (
            "做实“双碳”。\n\n**注 释**\n\n**[1] 双碳：**碳达峰、碳中和。\n\n**[2] 两违：**违法用地、违法建设。\n",
            "双碳",
            2,
        ),
        # inline: “X”（A、B）, “X”即…, “X”工程，即…, “X”是指…, …等“X”
        ("推进“两新”（新基建、新城建）建设。", "两新", 2),
        ("实现“三个转变”，即向创新驱动、向绿色发展、向开放合作转变。", "三个转变", 3),
        ("“三提升”即提升组织保障水平、基础设施水平、督导考核水平；", "三提升", 3),
        ("“五射”是指以宁波为核心，贯通五个方向的交通设施。", "五射", 0),
        ("“一个跨越”：即城市综合实力实现新跨越。", "一个跨越", 0),
        ("梳理需求清单、资源清单、项目清单、责任清单等“四张清单”。", "四张清单", 4),
        (
            "“三上两创一提高”（即上规模、上水平；创新机制、创强后劲；提高竞争力）",
            "三上两创一提高",
            0,
        ),
    ],
)
def test_own_definitions(text: str, term: str, members: int) -> None:
    senses = own_senses(text)
    assert term in senses
    s = senses[term]
    assert s.origin == "document" and s.id == f"{term}@document" and s.documented
    assert len(s.members) == members
    assert s.source.quote and s.source.quote in text.replace("\n", "") + text


@pytest.mark.parametrize(
    "text",
    [
        "所有乡镇设立“一站式”即时结算窗口。",  # 即时 is a word, not 即
        "用好“12345”接诉即办平台。",  # 即办
        "“十四冬”开幕在即，要举全区之力办好赛事。",  # 在即
        "坚持“一盘棋”，立即启动项目。",  # 立即
        "推进“三保”工作立即落实。",
        "“十二五”规划建议，是指导今后一个时期发展的行动纲领。",  # 是指导, not 是指
        "**注 释**\n\n正文另起。",
        "说明书已印发。名词解释工作另行安排。",  # heading words inside prose
    ],
)
def test_no_definition_where_the_text_shows_none(text: str) -> None:
    assert own_senses(text) == {}


def test_marks_find_what_a_full_read_finds() -> None:
    """The annotator reads only where its automaton met a mark; on real reports that finds
    the same definitions as reading the whole text."""
    import ahocorasick_rs

    ac = ahocorasick_rs.AhoCorasick(
        list(MARKS), matchkind=ahocorasick_rs.MATCHKIND_LEFTMOST_LONGEST
    )
    for path in sorted(SEEDS.rglob("*.md"))[:60] + sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        marks = [(k, s) for k, s, _ in ac.find_matches_as_indexes(text)]
        full = {(c.term, c.start) for c in definitions(text)}
        assert {(c.term, c.start) for c in definitions(text, marks)} == full, path.name


def test_document_wins_from_the_first_line(bundled: glossary.Glossary) -> None:
    text = (
        "福州市人民政府工作报告\n实施“五化”工程，深化“七彩工程”。推进七彩工程。\n\n附注\n\n"
        "1.“五化”：洁化、序化、亮化、绿化、美化。\n2.“七彩工程”：七个色彩主题的街区改造。\n"
    )
    ann = bundled.annotate(text)
    wuhua = [m for m in ann.matches if m.surface == "五化"]
    assert wuhua[0].start < 20 and all(m.sense and m.sense.origin == "document" for m in wuhua)
    assert wuhua[0].sense is not None and wuhua[0].sense.members[0] == "洁化"
    # the dictionary's senses stay candidates
    assert any(c.origin == "dictionary" for c in wuhua[0].candidates)
    # a form the dictionary does not know is still matched, quoted and bare
    qicai = [m for m in ann.matches if m.surface == "七彩工程"]
    assert len(qicai) >= 2 and all(m.sense and m.sense.id == "七彩工程@document" for m in qicai)
    data = json.loads(ann.render("json"))
    first = data["matches"][0]
    assert first["origin"] == "document" and first["quote"].startswith("“五化”")
    assert any(c.endswith("@document") for c in first["candidates"])
    alone = bundled.annotate(text, document=False)
    assert not any(m.sense and m.sense.origin == "document" for m in alone.matches)


@pytest.mark.parametrize(
    ("text", "form", "shown"),
    [
        # 重庆 2012: the clauses that follow name a settled national meaning's goals, not
        # its members
        (
            "重庆市人民政府工作报告\n加大对“三农”的支持。推进“农商对接”，发展“农超对接”，"
            "建设“农商通”服务平台。\n",
            "三农",
            "三农@中国",
        ),
        # 周口 2014: a national meaning not yet in force (三大工程 of 2023) gives way too
        (
            "周口市人民政府工作报告\n——2014年1月在周口市第三届人民代表大会上\n实施“三大工程”。"
            "“蓝天工程”加快推进。“碧水工程”成效明显。“乡村清洁工程”全面铺开。\n",
            "三大工程",
            "三大工程@document",
        ),
        # 中卫 2025: a contested (cued) national meaning gives way to the paragraph's items
        (
            "中卫市人民政府工作报告\n“四新”产业集聚成势。“新材料”加快发展。“新能源”加快壮大。"
            "“新基建”加快布局。“新业态”加快培育。\n",
            "四新",
            "四新@document",
        ),
        # 深圳 2026: the text's own wording of the national meaning's members stands
        (
            "深圳市人民政府工作报告\n2026年\n深化“五育并举”，完善家校社协同育人机制，一体推进德育铸魂、"
            "智育启慧、体育强身、美育润心、劳育砺志，推进人工智能全学段教育。\n",
            "五育并举",
            "五育并举@document",
        ),
    ],
)
def test_a_paragraph_reading_gives_way_to_a_held_meaning(
    bundled: glossary.Glossary, text: str, form: str, shown: str
) -> None:
    (use, *_) = [m for m in bundled.annotate(text).matches if m.surface == form]
    assert use.sense is not None and use.sense.id == shown
    assert any(c.id == f"{form}@document" for c in use.candidates)


def test_long_document_in_blocks(bundled: glossary.Glossary) -> None:
    """A document read in blocks is annotated whole when it fits: a note at the end explains
    the first block."""
    blocks = [
        "实施“七彩工程”。\n" * 50,
        "其他内容。\n" * 50,
        "附注\n\n1.“七彩工程”：七个色彩主题的街区改造。\n2.“五化”：洁化、序化。\n",
    ]
    found = [m for _, a in annotate_blocks(bundled, blocks) for m in a.matches]
    first = [m for m in found if m.surface == "七彩工程"]
    assert first and first[0].start == 3 and first[0].sense is not None


def test_past_the_head_a_documents_forms_count_in_quotes(
    bundled: glossary.Glossary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past a long document's head (many reports joined, most often), the forms its text
    defines count in quotes only: the head's and those its later blocks define."""
    monkeypatch.setattr("glossary.annotate._WHOLE", 200)
    head = "实施“七彩工程”。\n附注\n1.“七彩工程”：七个色彩主题的街区改造。\n" + "其他内容。\n" * 40
    later = "推进“八方联动”，八方联动见效。\n附注\n1.“八方联动”：八个部门联动。\n"
    blocks = [head, "再推“七彩工程”，七彩工程见效。\n" + later, "又见“八方联动”，八方联动。\n"]
    uses = [
        (offset + m.start, m.surface, m.sense.id if m.sense else None)
        for offset, a in annotate_blocks(bundled, blocks)
        for m in a.matches
        if m.surface in ("七彩工程", "八方联动")
    ]
    text = "".join(blocks)
    quoted = [(at, form, sid) for at, form, sid in uses if text[at - 1] == "“"]
    assert uses == quoted  # no unquoted use past the head
    assert [(f, s) for _, f, s in quoted] == [
        ("七彩工程", "七彩工程@document"),
        ("七彩工程", "七彩工程@document"),
        ("七彩工程", "七彩工程@document"),
        ("八方联动", "八方联动@document"),
        ("八方联动", "八方联动@document"),
        ("八方联动", "八方联动@document"),
    ]


def test_stats_and_first_only_take_the_document(bundled: glossary.Glossary) -> None:
    text = (
        "实施“七彩工程”，推进“七彩工程”。\n附注\n"
        "1.“七彩工程”：七个色彩主题的街区改造。\n2.“两违”：违法用地、违法建设。\n"
    )
    ann = bundled.annotate(text)
    assert ann.render("inline", first_only=True).count("〔七个色彩主题的街区改造。〕") == 1
    table = count_texts(bundled, {"t": text})
    assert ("七彩工程", "七彩工程@document", (3,)) in table.rows  # the note's own line too


def test_luojiang_inline_says_something_at_every_note(bundled: glossary.Glossary) -> None:
    """No note repeats its slogan's words; no undocumented or undecided use is noted."""
    text = LUOJIANG.read_text(encoding="utf-8")
    out = bundled.annotate(text).render("inline")
    notes = re.findall(r"“([^“”]{1,40})”〔([^〔〕]*)〕", out)
    assert len(notes) > 50
    strip = re.compile(r"[\s“”、，,；;。]")
    assert not [(s, n) for s, n in notes if strip.sub("", s) == strip.sub("", n)]
    assert "来源未释义" not in out and "含义未定" not in out and "他处提法" not in out


def _cut(text: str, every: int) -> list[str]:
    return [text[i : i + every] for i in range(0, len(text), every)]


@pytest.mark.parametrize("every", [97, 1000, 4096])
@pytest.mark.parametrize(
    "name",
    [
        "luojiang-2024-government-work-report.txt",
        "gov/政府工作报告-主要城市/昆明市/2021.md",
        "gov/政府工作报告-其他地市/云浮市/2023.md",
    ],
)
def test_blocks_annotate_as_the_whole_text(
    bundled: glossary.Glossary, name: str, every: int
) -> None:
    """Cut anywhere (inside slogans, quotations, notes), the blocks give the whole text's
    matches and senses."""
    text = (SEEDS / name).read_text(encoding="utf-8")
    whole = [
        (m.start, m.end, m.sense.id if m.sense else None) for m in bundled.annotate(text).matches
    ]
    found = [
        (offset + m.start, offset + m.end, m.sense.id if m.sense else None)
        for offset, ann in annotate_blocks(bundled, _cut(text, every))
        for m in ann.matches
    ]
    assert found == whole
    # each block's annotation is of its own text
    for _, ann in annotate_blocks(bundled, _cut(text, every)):
        assert all(ann.text[m.start : m.end] == m.surface for m in ann.matches)


def test_windows_line_ends_explain_alike(bundled: glossary.Glossary) -> None:
    """A report saved with CR LF line ends has the same notes and the same matches."""
    text = (SEEDS / "luojiang-2024-government-work-report.txt").read_text(encoding="utf-8")
    crlf = text.replace("\n", "\r\n")

    def senses(t: str) -> list[tuple[str, str | None]]:
        return [(m.surface, m.sense.id if m.sense else None) for m in bundled.annotate(t).matches]

    assert senses(crlf) == senses(text)
    assert sum(1 for _, s in senses(crlf) if s and s.endswith("@document")) >= 50


def test_a_form_two_notes_define_takes_the_meaning_its_words_name(
    bundled: glossary.Glossary,
) -> None:
    # 宜宾 2022: 工业“5+1” and 现代服务业“5+1”, each a note; a use takes the one whose label's
    # words stand right before it, a bare use the first
    text = (
        "宜宾市人民政府工作报告\n全力打造现代工业“5+1”产业集群。全面提升现代服务业“5+1”产业发展"
        "水平。坚持“5+1”方向。\n名词解释\n6.工业“5+1”产业：动力电池、智能终端、高端装备制造、"
        "新材料、医疗器械和白酒食品产业。\n10.现代服务业“5+1”产业：文化旅游、现代金融、现代商贸物流、"
        "电子商务、会展经济和夜间经济。\n"
    )
    uses = [m for m in bundled.annotate(text).matches if m.surface == "5+1"]
    shown = [m.sense.id if m.sense else None for m in uses[:3]]
    assert shown == ["5+1@document", "5+1@document#2", "5+1@document"]
    assert uses[1].sense is not None and "会展经济" in uses[1].sense.definition
    assert any(c.id == "5+1@document" for c in uses[1].candidates)


def test_a_texts_own_list_stands_before_other_reports_lists(bundled: glossary.Glossary) -> None:
    # 湖州 2021: 三位一体 of 湖州's dictionary sense rests on other reports' lists only (生产、
    # 供销、信用): the text's own list (立法、标准、体制) is no weaker evidence
    text = (
        "湖州市人民政府工作报告\n2021年\n加快构建生态文明立法、标准、体制“三位一体”的制度体系。\n"
    )
    (use,) = [m for m in bundled.annotate(text).matches if m.surface == "三位一体"]
    assert use.sense is not None and use.sense.id == "三位一体@document"
    assert use.sense.members[1:] == ("标准", "体制")
    assert "三位一体@湖州市" in {c.id for c in use.candidates}


def test_a_pair_read_for_one_use_is_that_use_s_alone(bundled: glossary.Glossary) -> None:
    # 江苏 2019: each “双下降” names its own two things; the pair read at the second use is no
    # meaning of the first (cases of illegal fundraising, not work-safety accidents)
    text = (
        "实现涉案金额亿元以上、参与人数千人以上的新立涉嫌非法集资刑事案件数量“双下降”。\n"
        "生产安全事故起数和死亡人数实现“双下降”。\n"
    )
    first, second = [m for m in bundled.annotate(text).matches if m.surface == "双下降"]
    assert second.sense is not None and second.sense.id == "双下降@document"
    assert first.sense is None or first.sense.origin != "document"


@pytest.mark.parametrize("marker", ["①", "⑩", "?", "[3]"])
def test_a_footnote_marker_inside_the_quotes_is_no_part_of_the_form(
    bundled: glossary.Glossary, marker: str
) -> None:
    """云浮 2018 writes its notes' markers inside the quotes: “三整治⑩”."""
    text = f"推进“三整治{marker}”工作。\n\n注释\n\n⑨三整治：即整治生活垃圾、生活污水、水体污染。\n"
    (use, *_) = bundled.annotate(text).matches
    assert (use.start, use.surface) == (3, "三整治")
    assert use.sense is not None and use.sense.id == "三整治@document"


def test_a_dense_documents_blocks_are_let_go_one_by_one(bundled: glossary.Glossary) -> None:
    """Nothing but slogans: the matches of a block are not held while the next is annotated
    (two blocks' matches at once were most of the peak memory of such a file)."""
    import tracemalloc

    blocks = ["五化" * 20_000 for _ in range(4)]
    bundled._annotate(blocks[0], None, None, {}, read_own=True)  # the caches warm
    tracemalloc.start()
    one = bundled._annotate(blocks[0], None, None, {}, read_own=True)
    block_cost = tracemalloc.get_traced_memory()[0]
    del one
    tracemalloc.stop()
    tracemalloc.start()
    found = 0
    for _, ann in annotate_blocks(bundled, blocks):
        found += len(ann.matches)
        del ann
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert found == 80_000
    assert peak < 2.3 * block_cost
