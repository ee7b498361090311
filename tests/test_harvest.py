"""Harvest: the Luojiang notes, the 15 harvest-dev reports against their listed notes, the heading
and item styles of the gov corpus, inline forms, the YAML rows."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st

from glossary.cli import main
from glossary.harvest import Candidate, candidates_to_yaml, harvest, harvest_report
from glossary.quotes import ELIDED, fold_for_quote
from glossary.readers.notes import _HELD as HELD

from .conftest import DATA, SEEDS

LUOJIANG = (SEEDS / "luojiang-2024-government-work-report.txt").read_text(encoding="utf-8")
# the 15 reports of the harvest's development set: 14 are held as the dictionary's citations
# (seeds/cities/), one only here; each one's listed notes in tests/data/harvest-dev/<name>.yaml
GOLD = DATA / "harvest-dev"
DEV = sorted(
    [*(SEEDS / "cities").glob("*.md"), *GOLD.glob("*.md")],
    key=lambda p: p.name,
)


def test_all_27_luojiang_notes() -> None:
    notes = [c for c in harvest(LUOJIANG) if c.kind == "note"]
    assert [c.where for c in notes] == [f"附注{n}" for n in range(1, 28)]


@pytest.mark.parametrize(
    ("where", "term", "members", "parts"),
    [
        ("附注8", "五化", ("绿化", "美化", "照明化", "净化", "智化"), ()),
        (
            "附注26",
            "3+2+1",
            (),
            (("3", ("吃", "住", "行")), ("2", ("教育", "医疗")), ("1", ("文体娱乐",))),
        ),
        (
            "附注15",
            "五好",
            (
                "富民产业发展好",
                "乡村建设提升好",
                "历史文化传承好",
                "基层治理能力好",
                "党建统领发挥好",
            ),
            (),
        ),
        (
            "附注22",
            "四个强化",
            ("强化党建引领", "强化网格管理", "强化风险处置", "强化应急保障"),
            (),
        ),
        ("附注4", "专精特新“小巨人”", (), ()),
        ("附注2", "深学争优、敢为争先、实干争效", (), ()),
    ],
)
def test_luojiang_note_contents(
    where: str, term: str, members: tuple[str, ...], parts: tuple[object, ...]
) -> None:
    (c,) = [c for c in harvest(LUOJIANG) if c.where == where]
    assert (c.term, c.members, c.parts) == (term, members, parts)
    assert LUOJIANG[c.start : c.start + len(c.quote)] == c.quote


def test_damaged_note_23_still_harvested() -> None:
    (c,) = [c for c in harvest(LUOJIANG) if c.where == "附注23"]
    assert "心理四诊法" in c.label and c.definition.startswith("即到接访现场")


def test_2366_parts() -> None:
    (c,) = [c for c in harvest(LUOJIANG) if c.where == "附注19"]
    assert c.term == "2366" and [label for label, _ in c.parts] == ["2", "3", "6", "6"]


def _score(path: Path) -> tuple[int, int, int]:
    gold = yaml.safe_load((GOLD / f"{path.stem}.yaml").read_text(encoding="utf-8"))["footnotes"]
    expected = {fold_for_quote(g["term"]): fold_for_quote(g["definition"]) for g in gold}
    notes = [c for c in harvest(path.read_text(encoding="utf-8")) if c.kind == "note"]
    right = {
        fold_for_quote(c.label)
        for c in notes
        if expected.get(fold_for_quote(c.label)) == fold_for_quote(c.definition)
    }
    return len(right), len(notes), len(expected)


def test_harvest_dev_precision_recall(capsys: pytest.CaptureFixture[str]) -> None:
    tp = found = gold = 0
    rows = []
    for path in DEV:
        r, n, g = _score(path)
        tp, found, gold = tp + r, found + n, gold + g
        rows.append(
            f"{path.stem:20} notes {g:3}  harvested {n:3}  precision {r / max(n, 1):.2f}  recall {r / g:.2f}"
        )
        assert r / g >= 0.8, rows[-1]
    p, r = tp / found, tp / gold
    f1 = 2 * p * r / (p + r)
    with capsys.disabled():
        print("\n" + "\n".join(rows) + f"\nmicro precision {p:.3f} recall {r:.3f} F1 {f1:.3f}")
    assert f1 >= 0.95


def test_notes_and_body_kept_apart() -> None:
    kinds = {c.kind for path in DEV for c in harvest(path.read_text(encoding="utf-8"))}
    assert "note" in kinds
    assert all(c.kind == "note" for c in harvest(LUOJIANG) if c.where.startswith("附注"))


@pytest.mark.parametrize(
    ("text", "term", "members", "parts"),
    [
        (
            "实行走访问需制度，形成需求、资源、项目和认领等“四张清单”，及时解决问题。",
            "四张清单",
            ("需求", "资源", "项目", "认领"),
            (),
        ),
        (
            "建立“四张清单”（需求、资源、项目和认领），推动落实。",
            "四张清单",
            ("需求", "资源", "项目", "认领"),
            (),
        ),
        (
            "完善“三生同步”，即生产、生活、生态同步推进。",
            "三生同步",
            ("生产", "生活", "生态同步推进"),
            (),
        ),
        # 及 inside 普及 joins nothing (the State Council's report of 2007)
        (
            "410个“两基”（基本普及九年义务教育和基本扫除青壮年文盲）攻坚县已有317个县实现目标。",
            "两基",
            ("基本普及九年义务教育", "基本扫除青壮年文盲"),
            (),
        ),
        # a 一 that counts nothing (广州 1997, 鞍山 2016): five and six items
        (
            "实行“五统一”（统一规划、统一征地、统一开发、统一出让、统一管理）的办法。",
            "五统一",
            ("统一规划", "统一征地", "统一开发", "统一出让", "统一管理"),
            (),
        ),
        (
            "推进就业安置、移民搬迁、教育帮扶、医疗救助、生态补偿、低保兜底等“六个一批”社会保障工程。",
            "六个一批",
            ("就业安置", "移民搬迁", "教育帮扶", "医疗救助", "生态补偿", "低保兜底"),
            (),
        ),
        (
            "园区“3+2+1”生活配套体系是指“3”即吃、住、行,“2”即教育、医疗,“1”即文体娱乐。",
            "3+2+1",
            (),
            (("3", ("吃", "住", "行")), ("2", ("教育", "医疗")), ("1", ("文体娱乐",))),
        ),
        (
            "重点实施“三大行动”。\n（一）实施产业提质行动，做强。\n（二）实施城市更新行动，做美。\n（三）实施民生改善行动，做实。",
            "三大行动",
            ("产业提质行动", "城市更新行动", "民生改善行动"),
            (),
        ),
    ],
)
def test_inline_forms(
    text: str, term: str, members: tuple[str, ...], parts: tuple[object, ...]
) -> None:
    found = [c for c in harvest(text) if c.term == term]
    assert found, harvest(text)
    assert found[0].kind in ("inline", "headings")
    assert (found[0].members, found[0].parts) == (members, parts)


@pytest.mark.parametrize(
    "text",
    [
        "所谓创新，即不断突破。",
        "该项目是指城区道路改造工程。",
        "落实农业“三项补助”，完成申报。\n（一）突出精准发力\n（二）突出精细管理\n（三）突出精心建设",
        "“3”即吃、住、行。",
    ],
)
def test_inline_negatives(text: str) -> None:
    assert harvest(text) == []


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            [*list("附注名词解释1.２：:“”即、（）()\n 五化三品一标**[]注释是指等"), "�"]
        ),
        max_size=120,
    )
)
@example(" 注:1")  # a note opening the text's second character: its citation found from 0
def test_never_raises_and_quotes_are_exact(text: str) -> None:
    for c in harvest_report(text).candidates:
        assert text[c.start : c.start + len(c.quote)] == c.quote


def test_gb18030_round_trip() -> None:
    decoded = LUOJIANG.encode("gb18030").decode("gb18030")
    assert harvest(decoded) == harvest(LUOJIANG)


def test_cli_harvest_and_new_only(tmp_path: Path) -> None:
    path = str(SEEDS / "luojiang-2024-government-work-report.txt")
    out = tmp_path / "c.yaml"
    result = CliRunner().invoke(main, ["harvest", path, "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = yaml.safe_load(out.read_text(encoding="utf-8").split("\n", 1)[1])
    assert len([r for r in rows if r["kind"] == "note"]) == 27
    result = CliRunner().invoke(main, ["harvest", "--new-only", path, "-o", str(out)])
    rows = yaml.safe_load(out.read_text(encoding="utf-8").split("\n", 1)[1]) or []
    # the dictionary holds every Luojiang note with its definition: none comes back as new
    assert not [r for r in rows if r["kind"] == "note" and r["status"] == "new term"], rows


# ---------------------------------------------------------------------------- heading styles

TWO_NOTES = (
    "1.“两基两业”：基础设施、基本服务，产业帮扶、就业帮扶。\n\n"
    "2.“六稳”：稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。\n"
)


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("**名词解释**", "名词解释"),
        ("《政府工作报告》注释", "注释"),
        ("## 附注：", "附注"),
        ("《政府工作报告》有关内容名词注释", "名词注释"),
        ("**名词注解：**", "名词注解"),
        ("名词注解：", "名词注解"),
        ("附：名词解释", "名词解释"),
        ("《政府工作报告》有关名词解释", "名词解释"),
        ("《政府工作报告》名词注释", "名词注释"),
        ("【名词解释】", "名词解释"),
        ("**附：名词解释**", "名词解释"),
        ("附件：名词解释", "名词解释"),
        ("有关注释：", "注释"),
        ("名词解释和有关情况说明", "名词解释和有关情况说明"),
        ("**名词注释**", "名词注释"),
        ("部分名词注释：", "名词注释"),
        ("<!-- 名词解释 -->", "名词解释"),
        ("解释和说明", "解释和说明"),
        ("解释说明", "解释说明"),
        ("有关词语解释", "词语解释"),
        ("附部分用语说明", "用语说明"),
        ("附：部分名词解释", "名词解释"),
        ("部分工作和用语说明", "用语说明"),
        ("部分用语说明", "用语说明"),
        ("相关用语注释", "用语注释"),
        ("附件 《政府工作报告》名词注释", "名词注释"),
        ("名词解释及有关说明", "名词解释及有关说明"),
        ("**附件名词解释和说明**", "名词解释和说明"),
        ("《政府工作报告》有关用语说明", "用语说明"),
        ("**《政府工作报告》附注**", "附注"),
        ("**有关词语说明**", "词语说明"),
        ("《政府工作报告》特定词语解释", "词语解释"),
        ("2021年《政府工作报告》有关术语说明", "术语说明"),
        ("附：相关名词解释", "名词解释"),
        ("《政府工作报告》有关术语的说明", "术语的说明"),
        ("有关用语释义", "用语释义"),
        ("**《政府工作报告》释义**", "释义"),
        ("附：术语解读", "术语解读"),
        ("**名词解释>>>**", "名词解释"),
        ("[政府工作报告名词解释]", "名词解释"),
        ("- 资料：《政府工作报告》名词解释（按报告中出现顺序排列）：", "名词解释"),
        ("附录一：《政府工作报告》名词解释", "名词解释"),
        ("有关情况说明", "情况说明"),  # with a glossary after it (固原 2016, 银川 2016)
    ],
)
def test_heading_styles(heading: str, name: str) -> None:
    text = f"各位代表，今年工作任务艰巨。\n\n{heading}\n\n{TWO_NOTES}"
    notes = [c for c in harvest(text) if c.kind == "note"]
    assert [(c.term, c.where) for c in notes] == [("两基两业", f"{name}1"), ("六稳", f"{name}2")]


@pytest.mark.parametrize(
    "text",
    [
        # a heading word as a line of the body, prose after it
        "有关情况说明\n\n各位代表，2023年全市经济运行总体平稳：地区生产总值增长5.2%。\n\n"
        "今年要抓好三件事：一是稳增长，二是促改革，三是惠民生。\n",
        "## 关于国务院机构改革方案的说明\n\n——2008年3月11日在第十一届全国人民代表大会第一次会议上\n\n"
        "各位代表：\n\n1. 加强宏观调控部门，调整国家发展和改革委员会职能：减少微观管理事务。\n\n"
        "2. 加强能源管理机构，设立国家能源委员会：作为高层次议事协调机构。\n",
        "**三、关于《北京市国民经济和社会发展第十二个五年规划纲要（草案）》的说明**\n\n"
        "“十二五”时期，主要目标是：经济平稳较快发展。\n",
        # not a line of its own
        "详见名词解释。\n1.“六稳”：稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。\n",
        "本报告所附名词解释和说明，供参阅：\n“六稳”：稳就业、稳金融。\n",
        "（详见481页列表说明）\n\n一九五七年全国农作物的播种面积将达到二二七、三七七·一万亩：增加。\n",
    ],
)
def test_body_lines_are_not_headings(text: str) -> None:
    assert [c for c in harvest(text) if c.kind == "note"] == []


# ---------------------------------------------------------------------------- item styles


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        (  # 【term】即… (兰州)
            "有关词语解释\n\n【“三网”融合】指电信网、广播电视网和互联网融合发展。\n\n"
            "双进】即项目引进、项目推进。\n",
            [
                ("三网", "“三网”融合", "指电信网、广播电视网和互联网融合发展。"),
                ("双进", "双进", "即项目引进、项目推进。"),
            ],
        ),
        (  # markdown footnotes, 〔1〕 and ［1］ numbers: not in the label
            "<!-- 名词解释 -->\n\n[^1]: 河湖“清四乱”：是指乱占、乱采、乱堆、乱建。\n\n"
            "[^2]: “八个一样”：是指城市管理实现白天晚上一个样。\n",
            [
                ("清四乱", "河湖“清四乱”", "是指乱占、乱采、乱堆、乱建。"),
                ("八个一样", "“八个一样”", "是指城市管理实现白天晚上一个样。"),
            ],
        ),
        (
            "**注释**\n\n〔1〕“4+3”工作模式：即四项制度、三项机制。\n\n〔2〕双吹哨双报到：街道吹哨、部门报到。\n",
            [
                ("4+3", "“4+3”工作模式", "即四项制度、三项机制。"),
                ("双吹哨双报到", "双吹哨双报到", "街道吹哨、部门报到。"),
            ],
        ),
        (  # 〇 bullets
            "附：相关名词解释\n\n〇“三品一标”：无公害农产品、绿色食品、有机食品、地理标志产品。\n\n"
            "〇“三量齐升”：经济总量、运行质量和人均均量同步提升。\n",
            [
                ("三品一标", "“三品一标”", "无公害农产品、绿色食品、有机食品、地理标志产品。"),
                ("三量齐升", "“三量齐升”", "经济总量、运行质量和人均均量同步提升。"),
            ],
        ),
        (  # the title on a line of its own, its text below (滨州); a page reference (河南)
            "部分用语说明\n\n1.八大品质\n\n发展品质更高、科创品质更强。\n\n"
            "**2.“四个着力”（《报告》第1页第13行）**\n\n这是习近平总书记提出的重大要求。\n",
            [
                ("八大品质", "八大品质", "发展品质更高、科创品质更强。"),
                ("四个着力", "“四个着力”", "这是习近平总书记提出的重大要求。"),
            ],
        ),
        (  # the title ends with a full stop (湘潭); a quoted title then 指 (昆明)
            "**《政府工作报告》附注**\n\n1.三量齐升。经济总量、人均均量和运行质量的同步提升。\n\n"
            "2.“八个百分之百”指在政府性投资项目中，全面落实：百分之百公开招投标。\n",
            [
                ("三量齐升", "三量齐升", "经济总量、人均均量和运行质量的同步提升。"),
                (
                    "八个百分之百",
                    "“八个百分之百”",
                    "指在政府性投资项目中，全面落实：百分之百公开招投标。",
                ),
            ],
        ),
        (  # （1）（2） inside a note are its text; an appendix (附件1) ends the section
            "解释和说明\n\n1．“六稳”：稳就业、稳金融。\n\n2．疫情防控“十条措施”：（1）落实属地责任，实行网格化管理。\n\n"
            "（2）严格隔离观察，重点人员应隔尽隔。\n\n附件1\n\n1. 十大工业项目\n\n一、稳定扩大就业\n",
            [
                ("六稳", "“六稳”", "稳就业、稳金融。"),
                (
                    "十条措施",
                    "疫情防控“十条措施”",
                    "（1）落实属地责任，实行网格化管理。（2）严格隔离观察，重点人员应隔尽隔。",
                ),
            ],
        ),
        (  # a title, 报告原文 and 解释 on lines of their own (宁波 2003); a signature is no note
            "[政府工作报告名词解释]\n\n数字宁波\n\n报告原文：加快数字宁波建设。\n\n"
            "解释：在广义上指宁波信息化发展水平。\n\n双千工程\n\n指临港型工业投入1000亿元，产出达1000亿元。\n\n"
            "（市政府办公厅、年鉴处）\n",
            [
                ("数字宁波", "数字宁波", "在广义上指宁波信息化发展水平。"),
                ("双千工程", "双千工程", "指临港型工业投入1000亿元，产出达1000亿元。"),
            ],
        ),
        (  # a quoted title run into its text, with no colon (昆明, 杭州)
            "**名词解释**\n\n“六大放心工程”一是实施肉菜市场放心工程，二是实施粮油放心工程。\n\n"
            "“八个有”有收入、有房住、有书读。\n",
            [
                (
                    "六大放心工程",
                    "“六大放心工程”",
                    "一是实施肉菜市场放心工程，二是实施粮油放心工程。",
                ),
                ("八个有", "“八个有”", "有收入、有房住、有书读。"),
            ],
        ),
        (  # a group heading is not the last note's text; table rows are no notes
            "名词解释\n\n1.“两化融合”：信息化和工业化融合。\n\n一、十大文旅项目\n\n"
            "2.“三乡”工程：市民下乡、能人回乡、企业兴乡。\n\n| 序号 | 指标 | 单位 |\n",
            [
                ("两化融合", "“两化融合”", "信息化和工业化融合。"),
                ("三乡", "“三乡”工程", "市民下乡、能人回乡、企业兴乡。"),
            ],
        ),
    ],
)
def test_item_styles(section: str, expected: list[tuple[str, str, str]]) -> None:
    text = f"各位代表，今年工作任务艰巨。\n\n{section}"
    notes = [c for c in harvest(text) if c.kind == "note"]
    assert [(c.term, c.label, c.definition) for c in notes] == expected
    for c in notes:
        # the note's first line, verbatim where it stands; a label alone on its line is cited
        # with the line below that opens the definition (八大品质……发展品质更高…, 数字宁波……解释：…)
        head, elided, below = c.quote.partition(ELIDED)
        assert text[c.start : c.start + len(head)] == head
        if elided:
            opening = c.definition[:HELD]
            assert opening not in head and opening in below
            assert text.find(below, c.start + len(head)) > c.start + len(head)
        else:
            assert c.quote == head


# ---------------------------------------------------------------------------- YAML rows


@pytest.mark.parametrize(
    ("source", "expected"),
    [("reports/a.md", "reports/a.md"), (None, None)],
)
def test_yaml_rows_name_their_source(source: str | None, expected: str | None) -> None:
    cands = harvest(f"名词注解：\n\n{TWO_NOTES}", source=source)
    rows = yaml.safe_load(candidates_to_yaml(cands))
    assert [r.get("source") for r in rows] == [expected] * 2
    assert all(("source" in r) == (expected is not None) for r in rows)


def test_yaml_source_survives_new_only_marks() -> None:
    c = Candidate("六稳", "“六稳”", "稳就业、稳金融。", source="x.md")
    (row,) = yaml.safe_load(candidates_to_yaml([c], marks=["new term"]))
    assert (row["source"], row["status"]) == ("x.md", "new term")


def test_cli_harvest_rows_carry_their_source(tmp_path: Path) -> None:
    """Several reports in one run: one flat YAML list, each row naming its report."""
    other = tmp_path / "other.md"
    other.write_text(f"正文。\n\n名词注解：\n\n{TWO_NOTES}", encoding="utf-8")
    luojiang = str(SEEDS / "luojiang-2024-government-work-report.txt")
    out = tmp_path / "c.yaml"
    result = CliRunner().invoke(main, ["harvest", luojiang, str(other), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = yaml.safe_load(out.read_text(encoding="utf-8"))
    sources = [r["source"] for r in rows]
    assert sources.count(luojiang) == len(harvest(LUOJIANG)) and sources[-2:] == [str(other)] * 2


def test_package_harvest_is_the_function_in_a_fresh_interpreter() -> None:
    """`glossary.harvest(text)` as README shows it, before and after the submodule is imported."""
    import subprocess
    import sys

    code = (
        "import glossary, glossary.harvest\n"
        "from glossary import harvest\n"
        "assert harvest is glossary.harvest\n"
        "print(glossary.harvest('附注\\n8.“五化”:绿化、美化、照明化、净化、智化。\\n')[0].term)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "五化"


@pytest.mark.parametrize(
    ("text", "notes"),
    [
        # two notes run on in one line (凉山 2025): the next number after a full stop opens one
        (
            "名词解释\n24.三资：资金、资产和资源。25.澜湄：澜沧江—湄公河合作。\n26.四早：早发现。\n",
            [("三资", "资金、资产和资源。"), ("澜湄", "澜沧江—湄公河合作。"), ("四早", "早发现。")],
        ),
        # …but not when that number has a line of its own
        (
            "名词解释\n1.三资：资金。2.另见下条。\n2.四早：早发现。\n",
            [("三资", "资金。2.另见下条。"), ("四早", "早发现。")],
        ),
        # a number glued to the next note's label, its stop lost (河源 2014): the next note
        (
            "附注\n39.“三资”：资金、资产和资源。\n40.“保教”：幼儿园对婴幼儿进行的保健、养育和教育。\n\n"
            "41“振兴初中”计划：提高我市初中教育水平的发展计划。\n",
            [
                ("三资", "资金、资产和资源。"),
                ("保教", "幼儿园对婴幼儿进行的保健、养育和教育。"),
                ("振兴初中", "提高我市初中教育水平的发展计划。"),
            ],
        ),
        # …not a number that is not the next one (a count in the text goes on)
        (
            "附注\n1.“三保”：保工资、保运转、\n3“基本民生”。\n2.四早：早发现。\n",
            [("三保", "保工资、保运转、3“基本民生”。"), ("四早", "早发现。")],
        ),
        # the report's own remark after its last note, wholly in brackets (柳州 2016, 四平 2016)
        (
            "名词解释\n10．“一免一补一统筹”：即免学杂费。\n\n11．“四好”农村公路：建好、管好、护好、"
            "运营好农村公路。\n\n（注：2016年1月21日在柳州市第十三届人民代表大会第八次会议上通过。）\n",
            [("一免一补一统筹", "即免学杂费。"), ("四好", "建好、管好、护好、运营好农村公路。")],
        ),
        (
            "附注\n1.“五权”：改革限权、依法确权。\n2.“四早”：早发现。\n（注：《政府工作报告》2015年总结部分"
            "含公主岭市。）（摘录于 2016年 1月 20日 《四平日报》）\n",
            [("五权", "改革限权、依法确权。"), ("四早", "早发现。")],
        ),
        # 新疆 2017's heading
        (
            "《政府工作报告》相关缩略语\n1.两违：违法用地、违法建设。\n2.三资：资金、资产、资源。\n",
            [("两违", "违法用地、违法建设。"), ("三资", "资金、资产、资源。")],
        ),
    ],
)
def test_run_on_notes_and_abbreviation_lists(text: str, notes: list[tuple[str, str]]) -> None:
    assert [(c.term, c.definition) for c in harvest(text) if c.kind == "note"] == notes
