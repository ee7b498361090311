"""Region and year inference, and sense choice."""

from __future__ import annotations

import pytest

import glossary
from glossary.resolve import infer_year

from .conftest import SEEDS


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("luojiang-2024-government-work-report.txt", "洛江区"),
        ("anhai-2023-midyear-work-report.txt", "安海镇"),
        ("baogai-2024-work-plan.txt", "宝盖镇"),
        ("quanzhou-edz-2024-work-plan.txt", "泉州经济技术开发区"),
        ("zimao-2022-government-work-report.txt", "紫帽镇"),
        ("national/state-council-2024-government-work-report.md", "中国"),
        ("fujian/fujian-2023-government-work-report.md", "福建省"),
        ("fujian/quanzhou-2023-government-work-report.md", "泉州市"),
    ],
)
def test_region_of_real_reports(bundled: glossary.Glossary, name: str, region: str) -> None:
    text = (SEEDS / name).read_text(encoding="utf-8")
    assert bundled.regions.infer(text) == region


def test_every_city_of_china_is_known(bundled: glossary.Glossary) -> None:

    text = (SEEDS / "cities" / "changsha-2025-gwr.md").read_text(encoding="utf-8")
    assert bundled.regions.infer(text) == "长沙市"


@pytest.mark.parametrize(
    ("head", "region"),
    [
        # the issuer line, in the spellings reports use
        ("——2024年2月3日在哈尔滨市第十六届 人民代表大会第三次会议上", "哈尔滨市"),
        ("2002年12月28日在哈尔滨市十二届人大一次会议上", "哈尔滨市"),
        ("**2010年1月16日在长沙市第十三届**  **人民代表大会第三次会议上**", "长沙市"),
        ("title: 合肥市2008年政府工作报告", "合肥市"),
        ("**甘肃省省长 刘伟平**", "甘肃省"),
        ("title: 黔西南州政府工作报告", "黔西南布依族苗族自治州"),
        ("在宁夏回族自治区第十三届人民代表大会", "宁夏回族自治区"),
        # a shared county name is the one whose city is named: 鼓楼区 of 福州, not of 南京
        ("福州市鼓楼区人民政府工作报告。福州市", "福州市鼓楼区"),
        ("鼓楼区人民政府工作报告。福州福州福州", "福州市鼓楼区"),
        # a place must close the issuer phrase: 合作 (合作市) is not the issuer here
        ("宣城市人民政府市长。成立苏皖合作示范区管委会", "宣城市"),
        # national documents
        ("中华人民共和国国民经济和社会发展第十二个五年规划纲要", "中国"),
    ],
)
def test_issuer_in_head(bundled: glossary.Glossary, head: str, region: str) -> None:
    assert bundled.regions.infer(head) == region


@pytest.mark.parametrize(
    ("text", "region"),
    [
        # no issuer line: the place named most, its counties named less
        ("我代表市人民政府。" + "合肥" * 20 + "安徽" + "巢湖市" * 5, "合肥市"),
        # the level the report speaks for: the province, not its capital named more often
        ("我代表省人民政府。" + "兰州市" * 20 + "甘肃" * 5, "甘肃省"),
        # named very often, though its province is not
        ("我代表市人民政府。" + "宁波" * 12 + "上海" * 3, "宁波市"),
        ("没有地名的文字", None),
    ],
)
def test_region_from_body(bundled: glossary.Glossary, text: str, region: str | None) -> None:
    assert bundled.regions.infer(text) == region


@pytest.mark.parametrize(
    ("head", "year"),
    [
        ("——2023年12月20日在洛江区第六届人民代表大会第三次会议上", 2023),
        ("——二〇一九年一月十四日在福建省第十三届人民代表大会第二次会议上", 2019),
        ("没有日期", None),
    ],
)
def test_year(head: str, year: int | None) -> None:
    assert infer_year(head) == year


@pytest.mark.parametrize(
    ("text", "region", "sense"),
    [
        # the most specific scope that contains the region wins
        ("构建“1+6”体系", "洛江区", "1+6@洛江区"),
        ("构建“1+6”体系", "安海镇", "1+6@晋江市"),
        # a local sense does not travel: no sense in a document from elsewhere
        ("构建“1+6”体系", None, None),
        ("构建“1+6”体系", "福建省", None),
        # the year decides between senses of one scope
        ("泉州市2023年工作：落实“1+3+N”", "泉州市", "1+3+N@泉州市"),
        ("泉州市2020年工作：实施“1+3+N”", "泉州市", "1+3+N@泉州市#2"),
        # cue words decide where the year does not
        ("遏制“两高”项目盲目发展", "洛江区", "两高@中国"),
        ("“两高”发布司法解释", "洛江区", "两高@中国#2"),
    ],
)
def test_sense_choice(
    mini: glossary.Glossary, text: str, region: str | None, sense: str | None
) -> None:
    (m,) = (
        mini.annotate(text, region).matches if region else mini._annotate(text, None, None).matches
    )
    assert (m.sense.id if m.sense else None) == sense
    assert m.ambiguous == (sense is None)
    assert m.candidates


def test_undecided_lists_candidates(mini: glossary.Glossary) -> None:
    (m,) = mini.annotate("推进“1+3+N”", "泉州市", year=2024).matches
    assert m.sense is None and m.ambiguous
    assert {c.id for c in m.candidates} == {"1+3+N@泉州市", "1+3+N@泉州市#2"}


def test_region_override_and_unknown_region(mini: glossary.Glossary) -> None:
    assert mini.annotate("洛江区“1+6”", region="安海").region == "安海镇"
    with pytest.raises(ValueError, match="unknown region"):
        mini.annotate("x", region="火星")


@pytest.mark.parametrize(
    ("report", "term", "sense"),
    [
        # the same form means different things in different places of the seed reports
        ("luojiang-2024-government-work-report.txt", "1+3+N", "1+3+N@洛江区"),
        ("quanzhou-edz-2024-work-plan.txt", "1+3+N", "1+3+N@泉州市"),
        ("luojiang-2024-government-work-report.txt", "1+6", "1+6@洛江区"),
        ("anhai-2023-midyear-work-report.txt", "1+6", "1+6@晋江市"),
        ("luojiang-2024-government-work-report.txt", "六大行动", "六大行动@洛江区"),
        ("baogai-2024-work-plan.txt", "六大行动", "六大行动@宝盖镇"),
        ("zimao-2022-government-work-report.txt", "两高", "两高@福建省"),
    ],
)
def test_seed_senses(bundled: glossary.Glossary, report: str, term: str, sense: str) -> None:
    # the dictionary's choice: the reports' own notes would come first (test_document.py)
    ann = bundled.annotate((SEEDS / report).read_text(encoding="utf-8"), document=False)
    uses = [m for m in ann.matches if m.term.term == term]
    assert uses and {m.sense.id if m.sense else None for m in uses} == {sense}


def test_cues_beat_scope_depth(bundled: glossary.Glossary) -> None:
    text = (SEEDS / "luojiang-2024-government-work-report.txt").read_text(encoding="utf-8")
    senses = [
        m.sense.id
        for m in bundled.annotate(text, document=False).matches
        if m.term.term == "三位一体" and m.sense
    ]
    assert senses == ["三位一体@洛江区", "三位一体@泉州市"]  # street cleaning, then the rural note


@pytest.mark.parametrize(
    ("text", "sense"),
    [
        # 福建's own reports: the sports works of 2022, the national housing works of 2023
        (
            "福建省人民政府2022年工作报告：实施竞技体育优势项目提升、短板项目振兴、后备人才培养“三大工程”。",
            "三大工程@福建省",
        ),
        (
            "福建省人民政府2024年工作报告：加快推进保障性住房建设、“平急两用”公共基础设施建设、"
            "城中村改造等“三大工程”，提速海绵城市、城乡供水一体化等建设。",
            "三大工程@中国",
        ),
        ("福建省人民政府2024年工作报告：竞技体育“三大工程”。", "三大工程@福建省"),
    ],
)
def test_year_before_depth(bundled: glossary.Glossary, text: str, sense: str) -> None:
    (m,) = [m for m in bundled.annotate(text).matches if m.term.term == "三大工程"]
    assert m.sense is not None and m.sense.id == sense


@pytest.mark.parametrize(
    ("text", "term"),
    [
        # a generic count with none of its meanings' words near: a place's own list
        (
            "宁波市人民政府2013年工作报告：加强“两新”组织服务管理，鼓励市民和社会组织参与公益志愿服务。",
            "两新",
        ),
        (
            "深圳市人民政府2011年工作报告：实施招商、招研、招才三大工程，集聚国内外优质资源。",
            "三大工程",
        ),
        ("福建省人民政府2024年工作报告：加快推进“三大工程”。", "三大工程"),
        (
            "西安市人民政府2014年工作报告：支持沣东新城加快昆明池、国际车城等四大板块建设。",
            "四大板块",
        ),
        ("济南市人民政府2018年工作报告：依托浪潮“五位一体”质量提升平台。", "五位一体"),
        (
            "阿坝州人民政府2023年工作报告：加快完善“五项管理”制度体系，纵深推进“一寺一策”。",
            "五项管理",
        ),
    ],
)
def test_a_generic_count_takes_a_meaning_only_with_its_words(
    bundled: glossary.Glossary, text: str, term: str
) -> None:
    uses = [m for m in bundled.annotate(text, document=False).matches if m.term.term == term]
    assert all(m.sense is None for m in uses)


@pytest.mark.parametrize(
    ("text", "sense"),
    [
        (
            "延边州人民政府2023年工作报告：强化党政军警民“五位一体”合力治边机制。",
            "五位一体@中国-强边固防",
        ),
        ("甘肃省人民政府2019年工作报告：统筹推进“五位一体”总体布局。", "五位一体@中国"),
    ],
)
def test_a_national_count_of_two_fields_is_named_by_its_words(
    bundled: glossary.Glossary, text: str, sense: str
) -> None:
    (m,) = [m for m in bundled.annotate(text).matches if m.term.term == "五位一体"]
    assert m.sense is not None and m.sense.id == sense


def test_cued_sense_holds_only_with_its_cue() -> None:
    from glossary.model import Citation, Sense
    from glossary.resolve import choose

    regions = glossary.load().regions
    s = Sense("两手抓@中国", "中国", "两手抓", Citation("r", "q"), cues=("疫情",), cued=True)
    assert choose([s], "宁波市", regions, 2021, "一手抓疫情防控“两手抓”")[0] is s
    sense, candidates = choose([s], "宁波市", regions, 2013, "促进就业与鼓励创业“两手抓”")
    assert sense is None and candidates == (s,)


def test_two_senses_that_say_one_thing_show_the_one_that_lists_it() -> None:
    from glossary.model import Citation, Sense
    from glossary.resolve import choose

    regions = glossary.load().regions
    members = ("市场决定取舍", "绿色决定生死", "民生决定目的")
    said = Sense(
        "三维纲要@湖北省", "湖北省", "三维纲要", Citation("sy"),
        definition="省委提出，把“绿色决定生死、市场决定取舍、民生决定目的”作为三维纲要。",
    )  # fmt: skip
    listed = Sense(
        "三维纲要@湖北省#2", "湖北省", "三维纲要", Citation("xy"),
        members=members, definition="即" + "、".join(members) + "。",
    )  # fmt: skip
    assert choose([said, listed], "襄阳市", regions, 2016, "")[0] is listed
    other = Sense("三维纲要@湖北省#3", "湖北省", "三维纲要", Citation("x"), members=("甲", "乙"))
    assert choose([listed, other], "襄阳市", regions, 2016, "")[0] is None


@pytest.mark.parametrize(
    ("year", "end"), [(1991, 1995), (2012, 2015), (2015, 2015), (2016, 2020), (2026, 2030)]
)
def test_plan_end(year: int, end: int) -> None:
    from glossary.resolve import plan_end

    assert plan_end(year) == end


@pytest.mark.parametrize(
    ("region", "text", "form", "shown"),
    [
        # a province's report: the one meaning one of its own places gives a name
        ("广东省", "实施好“澳车北上”，加快推动“港车北上”。", "港车北上", "港车北上@珠海市"),
        ("甘肃省", "“两州一县”脱贫攻坚方案获得国家批复。", "两州一县", "两州一县@甘南藏族自治州"),
        # a sibling city's report: its neighbour's meaning is not its own
        ("佛山市", "实施好“澳车北上”，加快推动“港车北上”。", "港车北上", None),
        # a count with a generic head: each place lists its own
        ("湖南省", "实施“八大工程”。", "八大工程", None),
    ],
)
def test_a_provinces_report_speaks_of_its_places_programmes(
    bundled: glossary.Glossary, region: str, text: str, form: str, shown: str | None
) -> None:
    (m,) = [m for m in bundled.annotate(text, region=region).matches if m.surface == form]
    assert (m.sense.id if m.sense else None) == shown


def test_a_local_sense_lapses_after_its_plan_period() -> None:
    from glossary.model import Citation, Sense, Source
    from glossary.resolve import Lifetimes, choose

    regions = glossary.load().regions
    sources = {"nb": Source("nb", "宁波", date="2012-02-01"), "gwy": Source("gwy", "国务院")}
    local = Sense("两新@宁波市", "宁波市", "两新", Citation("nb"), since=2012)
    national = Sense("两新@中国", "中国", "两新", Citation("gwy"), since=2024)
    hand = Sense("两新@宁波市#2", "宁波市", "两新", Citation("nb"))  # no since: always current
    life = Lifetimes(sources)
    assert life.until(local) == 2015 and life.until(national) == 9999 and life.until(hand) == 9999
    # in 2026 the city's 2012 meaning has lapsed: the national one in force wins over depth
    assert choose([local, national], "宁波市", regions, 2026, "", life)[0] is national
    # in its own plan period the city's meaning is the more specific
    assert choose([local, national], "宁波市", regions, 2014, "", life)[0] is local


@pytest.mark.parametrize(
    ("text", "region"),
    [
        # a short passage pasted on its own: the place of its first sentence
        ("今年，洛江区推进城市“五化”，建设品质洛江。", "洛江区"),
        # two places side by side in it: none is the passage's own
        ("泉州市与厦门市签订协议，推进“五化”。", None),
    ],
)
def test_short_passage_takes_the_place_of_its_first_sentence(
    bundled: glossary.Glossary, text: str, region: str | None
) -> None:
    assert bundled.regions.infer(text) == region


@pytest.mark.parametrize(
    ("text", "sense"),
    [
        # 固原 2023: certification is the old meaning, whatever the year
        ("固原市人民政府2023年工作报告：新认证“三品一标”10个。", "三品一标@中国"),
        ("固原市人民政府2023年工作报告：推进农业生产“三品一标”。", "三品一标@中国#2"),
        ("固原市人民政府2019年工作报告：发展“三品一标”农产品。", "三品一标@中国"),
    ],
)
def test_cue_before_year(bundled: glossary.Glossary, text: str, sense: str) -> None:
    (m,) = [m for m in bundled.annotate(text).matches if m.term.term == "三品一标"]
    assert m.sense is not None and m.sense.id == sense


@pytest.mark.parametrize(
    ("text", "senses"),
    [
        # 2022: both meanings in force, each use named by the cue right before it
        (
            "泉州市2022年政府工作报告：加快能耗“双控”向碳排放总量和强度“双控”转变。",
            ["双控@中国", "双控@中国#2"],
        ),
        # a cue in another sentence names nothing: the year decides
        ("深圳市2024年政府工作报告：控制能耗。推进碳排放“双控”。", ["双控@中国#2"]),
        (
            "深圳市2024年政府工作报告：推动能耗“双控”向碳排放“双控”转变。",
            ["双控@中国", "双控@中国#2"],
        ),
    ],
)
def test_the_cue_nearest_before_a_use_names_it(
    bundled: glossary.Glossary, text: str, senses: list[str]
) -> None:
    uses = [m for m in bundled.annotate(text).matches if m.term.term == "双控"]
    assert [m.sense.id if m.sense else None for m in uses] == senses


def test_strategic_industries_are_not_the_three_strategies(bundled: glossary.Glossary) -> None:
    text = "武汉市人民政府2018年工作报告：信息技术、生命健康、智能制造三大战略性新兴产业产值均增长17%以上。"
    assert not [m for m in bundled.annotate(text).matches if m.term.term == "三大战略"]
    text = "泉州市人民政府2016年工作报告：深入实施市委“三大战略”，全力推动科学发展跨越发展。"
    (m,) = [m for m in bundled.annotate(text).matches if m.term.term == "三大战略"]
    assert m.sense is not None and m.sense.id == "三大战略@泉州市"  # its own, undocumented


@pytest.mark.parametrize(
    ("text", "sense"),
    [
        # the first 全面 was 全面建成小康社会 until 2020, 全面建设社会主义现代化国家 from 2021
        (
            "广州市人民政府2019年工作报告：统筹推进“五位一体”总体布局，协调推进“四个全面”战略布局。",
            "四个全面@中国-小康",
        ),
        (
            "广州市人民政府2022年工作报告：统筹推进“五位一体”总体布局，协调推进“四个全面”战略布局。",
            "四个全面@中国",
        ),
    ],
)
def test_a_national_meaning_in_its_years(bundled: glossary.Glossary, text: str, sense: str) -> None:
    term = sense.split("@")[0]
    (m,) = [m for m in bundled.annotate(text).matches if m.term.term == term]
    assert m.sense is not None and m.sense.id == sense


def test_a_provinces_corridors_are_not_the_nations_energy_projects(
    bundled: glossary.Glossary,
) -> None:
    # 漳州 2020: 福建's “两高” 沿线, not 高耗能、高排放
    text = "漳州市人民政府2020年工作报告：深化“两高”沿线环境整治，新建改造城乡公厕460座。"
    (m,) = [m for m in bundled.annotate(text).matches if m.term.term == "两高"]
    assert m.sense is not None and m.sense.id == "两高@福建省"
