"""The import of the public record: notes into senses, grouped by meaning and place."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import glossary
from glossary import importer
from glossary.importer import Note, alike, build_senses, front_matter, report_date
from glossary.importer.senses import cue_pairs, cues
from glossary.model import Dictionary
from glossary.resolve import Regions

CORPUS = importer.DEFAULT_CORPUS
DATA = Path(__file__).resolve().parent / "data"


def note(term: str, definition: str, region: str, year: int = 2024, **kw: object) -> Note:
    regions = _regions()
    chain = regions.ancestors(region)
    fields = {
        "term": term,
        "definition": definition,
        "members": (),
        "parts": (),
        "at": "名词解释1",
        "quote": definition,
        "source": f"{region}-{year}",
        "region": region,
        "province": chain[-2] if len(chain) >= 2 else "中国",
        "level": len(chain),
        "year": year,
    }
    fields.update(kw)
    return Note(**fields)  # type: ignore[arg-type]


def _regions() -> Regions:
    return glossary.load().regions


# pairs of real notes (from the corpus) and whether they give the form one meaning
@pytest.mark.parametrize(
    ("term", "a", "b", "same"),
    [
        (
            "三重一大",
            "是指重大问题决策、重要干部任免、重大项目投资决策和大额资金使用等事项。",
            "重大事项决策、重要干部任免、重大项目投资决策和大额资金使用。",
            True,
        ),
        # a list changed by one item is another meaning (Xinyu's two 五山)
        (
            "四个一批",
            "开工一批、在建一批、建成一批、储备一批。",
            "竣工一批、开工一批、储备一批、谋划一批。",
            False,
        ),
        (
            "三项制度",
            "行政执法公示制度，执法全过程记录制度，重大执法决定法制审核制度。",
            "劳动用工制度、收入分配制度、干部人事制度。",
            False,
        ),
        (
            "一岗双责",
            "各级干部在履行本职岗位管理职责的同时，还要对所在单位和分管工作领域的党风廉政建设负责。",
            "指一个岗位两种责任，两个责任即岗位责任和安全生产监管责任。",
            False,
        ),
    ],
)
def test_alike(term: str, a: str, b: str, same: bool) -> None:
    assert alike(note(term, a, "兰州市"), note(term, b, "昆明市")) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # the words a note puts before a member do not change it (广东 and 阿坝's 四史)
        (
            ["学习中共党史", "新中国史", "改革开放史", "社会主义发展史"],
            ["中国共产党党史", "新中国史", "改革开放史", "社会主义发展史"],
            True,
        ),
        # 博尔塔拉's 四史 is another list
        (
            ["党史", "新中国史", "改革开放史", "社会主义发展史"],
            ["新疆历史", "民族发展史", "宗教演变史", "文明融合史"],
            False,
        ),
        # a member named by a word of its own, whatever the words around it (泸州 and 绵阳's
        # 三水共治; 岳阳 and the nation's 三块地)
        (
            ["统筹推进水资源", "水生态", "水环境协同治理"],
            ["水资源保护", "水环境治理", "水生态修复一体推进"],
            True,
        ),
        (
            ["农村土地征收", "集体经营性建设用地入市", "宅基地制度改革"],
            ["农村土地征收", "集体经营性建设用地入市", "宅基地管理制度改革"],
            True,
        ),
        # a word every member of a list has names none of them (示范区, 产业园)
        (
            ["国家农业科技示范区", "国家现代农业示范区", "国家生态文明示范区"],
            ["省级农业示范区", "省级林业示范区", "省级渔业示范区"],
            False,
        ),
        # 三名 of schools is not 三名 of hospitals
        (["名校", "名师", "名校长培育引进工程"], ["名医", "名科", "名院"], False),
        # one short word held by every member of the other list is one counterpart, not five
        # (甘孜's 五张清单 of 责任、项目… and 兰州's five 项目…清单)
        (
            [
                "兰州市棚户区改造项目建设攻坚工作任务清单",
                "棚户区改造项目化债攻坚工作任务清单",
                "棚户区改造项目回迁攻坚工作任务清单",
                "房地产开发类项目征拆安置任务清单",
                "基础设施建设和地质灾害治理类项目征拆安置任务清单",
            ],
            ["责任", "项目", "经验", "难点", "短板"],
            False,
        ),
        # but one clause of a note may name several members (乌海's 四好农村路)
        (
            ["建好", "管好", "护好", "运营好"],
            [
                "农村公路建设要与优化村镇布局、农村经济发展和广大农民安全便捷出行相适应",
                "进一步把农村公路建好、管好、护好、运营好",
                "消除制约农村发展的交通瓶颈",
                "为广大农民脱贫致富奔小康提供更好保障",
            ],
            True,
        ),
    ],
)
def test_members_agree(a: list[str], b: list[str], same: bool) -> None:
    from glossary.importer.alike import _members_agree

    assert _members_agree(a, b) is same


def test_merge_precision_on_judged_pairs() -> None:
    """tests/data/judged/merges*.tsv: pairs of real notes a person judged same or different
    (the second sample was drawn after the rule was set; README). The rule must merge few
    that differ."""
    import csv

    from glossary.readers.base import list_members as _members

    rows = [
        row
        for name in ("merges.tsv", "merges-2.tsv")
        for row in csv.DictReader((DATA / "judged" / name).open(encoding="utf-8"), delimiter="\t")
    ]
    merged = same = 0
    for r in rows:
        a, b = (
            note(r["term"], d, "成都市", members=_members(r["term"], d))
            for d in (r["definition_a"], r["definition_b"])
        )
        if alike(a, b):
            merged += 1
            same += r["verdict"] == "same"
    assert len(rows) >= 300 and merged >= 200
    assert same / merged >= 0.97


def test_members_decide_when_both_enumerate() -> None:
    a = note("两新", "设备更新和消费品以旧换新。", "成都市", members=("设备更新", "消费品以旧换新"))
    b = note(
        "两新",
        "大规模设备更新、消费品以旧换新",
        "长沙市",
        members=("大规模设备更新", "消费品以旧换新"),
    )
    c = note("两新", "新型基础设施、新型城镇化", "长沙市", members=("新型基础设施", "新型城镇化"))
    assert alike(a, b) and not alike(a, c)


def _senses(notes: list[Note]) -> list[dict[str, object]]:
    empty = Dictionary()
    out = build_senses(notes, _regions(), empty)
    return [s for ss in out.terms.values() for s in ss]


@pytest.mark.parametrize(
    ("places", "scope"),
    [
        # one place: its own sense
        (["成都市"], "成都市"),
        (["成都市", "成都市"], "成都市"),
        # several places of one province: the province's
        (["成都市", "绵阳市"], "四川省"),
        # two provinces, or a national document: national
        (["成都市", "长沙市"], "中国"),
        (["中国", "成都市"], "中国"),
    ],
)
def test_scope_of_one_meaning(places: list[str], scope: str) -> None:
    notes = [
        note("四早", "早发现、早报告、早隔离、早治疗。", p, 2020 + i) for i, p in enumerate(places)
    ]
    (sense,) = _senses(notes)
    assert sense["scope"] == scope


@pytest.mark.parametrize(
    ("definition", "scope"),
    [
        # the province's leaders set it: the province's, whichever city explains it
        ("省委十一届三次全会提出，重点支持绵阳、德阳等7个城市建设全省区域中心城市。", "四川省"),
        ("按照省政府部署，全省3年完成1万家企业技术改造。", "四川省"),
        # the city's own part in it, or its own programme
        ("我市贯彻落实省委省政府关于开展“万名干部下企业”服务行动决策部署的重要举措。", "成都市"),
        ("省委、省政府对临江新区提出的7个方面的支持措施。", "成都市"),
        ("成都市重点打造的七个区域中心。", "成都市"),
        # the province named as the one that set it (湘西's 八大工程, 柳州's 五个扎实)
        ("是四川省实施的推进先进制造业倍增等七个中心建设。", "四川省"),
        ("习近平总书记在四川考察时，对四川工作提出了“七个中心”新要求。", "四川省"),
        # but not one that approved the city's own (深圳's 效益深圳统计)
        ("是经成都市委审议通过，并获四川省统计局批准实施的地方统计调查项目。", "成都市"),
    ],
)
def test_a_city_note_of_its_provinces_programme(definition: str, scope: str) -> None:
    (sense,) = _senses([note("七个中心", definition, "成都市", 2021)])
    assert sense["scope"] == scope


def test_national_sense_cites_the_most_authoritative_first() -> None:
    notes = [
        note("四早", "早发现、早报告、早隔离、早治疗。", "成都市", 2021),
        note("四早", "早发现、早报告、早隔离、早治疗。", "湖南省", 2020),
        note("四早", "早发现、早报告、早隔离、早治疗。", "长沙市", 2022),
    ]
    (sense,) = _senses(notes)
    cites = sense["source"]
    assert isinstance(cites, list)
    assert [c["ref"] for c in cites] == ["湖南省-2020", "长沙市-2022", "成都市-2021"]
    assert sense["since"] == 2020


@pytest.mark.parametrize(
    ("own", "takes_plain"),
    [
        # 四块地 of 中国: 晋城's note speaks of its own 实施办法, 长沙's says what the four are
        ("我市出台的实施办法中指出，要盘活承包地、宅基地、农村集体建设用地、集体林地。", True),
        # by its name (大刀队：指珠海市政府性资金…), or the whole of itself (全市…)
        ("指成都市盘活承包地、宅基地、农村集体建设用地、集体林地。", True),
        ("全市盘活承包地、宅基地、农村集体建设用地、集体林地。", True),
        # 全市 inside another word is no place's (健全市场, 安全县)
        ("盘活承包地、宅基地、农村集体建设用地、集体林地，健全市场。", False),
        ("盘活承包地、宅基地、农村集体建设用地、集体林地，建设质量安全县。", False),
    ],
)
def test_a_wider_sense_takes_the_wording_of_a_note_that_names_no_place_its_own(
    own: str, takes_plain: bool
) -> None:
    plain = "即承包地、宅基地、集体建设用地、集体林地。"
    notes = [note("四块地", own, "成都市", 2021), note("四块地", plain, "长沙市", 2020)]
    (sense,) = _senses(notes)
    assert sense["scope"] == "中国"
    assert sense["definition"] == (plain if takes_plain else own)
    cites = sense["source"]
    assert isinstance(cites, list)
    assert cites[0]["ref"] == ("长沙市-2020" if takes_plain else "成都市-2021")
    assert sense["since"] == 2020
    # one place: its own words stay
    (alone,) = _senses(notes[:1])
    assert alone["scope"] == "成都市" and alone["definition"] == own


@pytest.mark.parametrize(
    ("a", "b", "scopes"),
    [
        # each city's own zone (贵阳 2009, 南昌 2014, alike in words here): no national meaning
        (
            (
                "贵阳市",
                "规划范围包括贵阳机场周边的乡镇，空间布局为空港枢纽区、临空发展区和临空辐射区。",
            ),
            (
                "南昌市",
                "规划范围包括昌北机场周边，空间布局为空港枢纽区、临空发展区和临空辐射区，向南昌市新建县辐射。",
            ),
            {"贵阳市", "南昌市"},
        ),
        # each city's own group (珠海 2021, 肇庆 2023): no meaning of 广东
        (
            (
                "珠海市",
                "指珠海市政府性资金事前绩效评估领导小组，其职责主要是严格落实过“紧日子”要求。",
            ),
            (
                "肇庆市",
                "即肇庆市政府性资金事前绩效评估领导小组，其职责主要是严格落实过“紧日子”要求。",
            ),
            {"珠海市", "肇庆市"},
        ),
        # a note that names the other's place too tells of the province's layout (湖南 2016)
        (
            (
                "岳阳市",
                "“一核”是指长株潭两型试验区；“三极”是指岳阳新增长极、郴州新增长极和怀化新增长极。",
            ),
            (
                "怀化市",
                "“一核”是指长株潭两型试验区；“三极”是指岳阳新增长极、郴州新增长极和怀化新增长极。",
            ),
            {"湖南省"},
        ),
    ],
)
def test_notes_each_of_its_own_place_make_no_wider_meaning(
    a: tuple[str, str], b: tuple[str, str], scopes: set[str]
) -> None:
    senses = _senses([note("临空经济区", a[1], a[0], 2021), note("临空经济区", b[1], b[0], 2022)])
    assert {s["scope"] for s in senses} == scopes


def test_two_meanings_of_one_place_are_dated() -> None:
    notes = [
        note("三大攻坚", "防范化解重大风险、精准脱贫、污染防治。", "成都市", 2018),
        note("三大攻坚", "防范化解重大风险、精准脱贫、污染防治。", "成都市", 2019),
        note("三大攻坚", "城市更新、乡村振兴、产业建圈强链。", "成都市", 2023),
    ]
    first, second = sorted(_senses(notes), key=lambda s: str(s["id"]))
    assert (first["since"], first.get("until")) == (2018, 2022)
    assert (second["since"], second.get("until")) == (2023, None)


def test_contested_national_meaning_needs_its_cue() -> None:
    # 两手抓: the epidemic-and-economy meaning, given by three provinces, and a city's own
    epidemic = "一手抓疫情防控，一手抓经济社会发展。"
    notes = [
        note("两手抓", epidemic, "成都市", 2021),
        note("两手抓", epidemic, "长沙市", 2021),
        note("两手抓", epidemic, "兰州市", 2022),
        note("两手抓", "物质文明建设和精神文明建设。", "宁波市", 2013),
    ]
    by_scope = {s["scope"]: s for s in _senses(notes)}
    national = by_scope["中国"]
    assert national["cued"] is True and "疫情" in national["cues"]
    assert "cued" not in by_scope["宁波市"]  # the city's own meaning holds there as it is


@pytest.mark.parametrize(
    ("form", "cities", "cued"),
    [
        ("五好", ("长沙市", "株洲市", "岳阳市"), False),  # three of its places: settled there
        ("五好", ("长沙市", "株洲市"), True),  # two: still cued, another province's rival counts
        ("五好共建", ("长沙市", "株洲市"), False),  # a name of its own: two places settle it
        ("五大工程", ("长沙市", "株洲市"), True),  # a count and a generic head is no name
    ],
)
def test_a_settled_provincial_meaning_meets_only_its_own_rivals(
    form: str, cities: tuple[str, ...], cued: bool
) -> None:
    parks = "产业园区规划定位好、创新平台好、产业项目好、体制机制好、发展形象好。"
    notes = [note(form, parks, city, 2022) for city in cities]
    other = "规划建设好、绿化美化好、空气水质好、公共服务好、社会治安好。"
    notes.append(note(form, other, "成都市", 2018))
    by_scope = {s["scope"]: s for s in _senses(notes)}
    assert by_scope["湖南省"].get("cued", False) is cued


@pytest.mark.parametrize(
    ("form", "rival_year", "cued"),
    [
        ("百千万工程", 2017, False),  # a name's past meaning is no rival of its meaning now
        ("百千万工程", 2024, True),  # a meaning of the same years is
        ("三大工程", 2017, True),  # a count with a generic head is reused at any time
        ("1+3+N", 2017, True),  # so is a formula
    ],
)
def test_a_past_meaning_is_no_rival_of_a_name(form: str, rival_year: int, cued: bool) -> None:
    project = "指广东“百县千镇万村高质量发展工程”，壮大县域综合实力，全面推进乡村振兴。"
    notes = [note(form, project, city, 2024) for city in ("广州市", "东莞市")]
    robots = "全市建设100条智能化生产示范线、生产1万台工业机器人。"
    notes.append(note(form, robots, "佛山市", rival_year))
    by_scope = {s["scope"]: s for s in _senses(notes)}
    assert by_scope["广东省"].get("cued", False) is cued


def test_front_matter_and_date() -> None:
    text = "---\nsource: https://www.example.gov.cn/a.html\ntitle: 2025年成都市人民政府工作报告\n---\n\n2025年2月26日\n"
    assert front_matter(text) == {
        "source": "https://www.example.gov.cn/a.html",
        "title": "2025年成都市人民政府工作报告",
    }
    assert report_date(text, 2025) == "2025-02-26"
    assert report_date("没有日期", 2025) == "2025"


def test_held_out_slice_is_fixed_and_about_its_size() -> None:
    names = [f"政府工作报告-其他地市/城{i}/2024.md" for i in range(2000)]
    share = sum(map(importer.is_held_out, names)) / len(names)
    assert abs(share - importer.HELD_OUT_PERCENT / 100) < 0.02
    assert importer.is_held_out(names[0]) == importer.is_held_out(names[0])


def test_match_rule_from_quoting() -> None:
    texts = [
        "落实“三重一大”“三重一大”“三重一大”“三重一大”制度，三重一大",
        "提供一站式服务，“一站式”，一站式",
        "“两不”“两不”“两不”，两不误",
    ]
    rules = importer.match_rules(["三重一大", "一站式", "两不"], texts, Dictionary())
    assert rules["三重一大"] == ("any", 4, 5)
    assert rules["一站式"] == ("quoted", 1, 3)
    assert rules["两不"] == ("quoted", 3, 4)  # two characters: only in quotes


# ---------------------------------------------------------------------------- the shipped import


def test_imported_senses_are_scoped_dated_and_cited(bundled: glossary.Glossary) -> None:
    project = Path(__file__).resolve().parent.parent
    hand = glossary.load(project / "data" / "terms.yaml", bundled=False)
    by_hand = {s.id for t in hand.terms for s in t.senses}
    imported = [s for t in bundled.terms for s in t.senses if s.id not in by_hand]
    assert len(imported) > 4000
    for s in imported[:500]:
        assert s.documented and s.since and s.scope in bundled.regions
        src = bundled.sources[s.source.ref]
        assert src.url or (src.title and src.date)
        assert (Path(__file__).resolve().parent.parent / str(src.file)).is_file()


def test_held_out_reports_are_never_cited(bundled: glossary.Glossary) -> None:
    cited = {s.file for s in bundled.sources.values() if s.file and s.file.startswith("seeds/gov/")}
    assert cited
    assert not [f for f in cited if importer.is_held_out(f.removeprefix("seeds/gov/"))]


def test_hand_entries_win(bundled: glossary.Glossary) -> None:
    # the hand dictionary's sense of 五化 comes first; imported senses follow
    term = bundled.lookup("五化")
    assert term is not None and term.senses[0].id == "五化@洛江区"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus (../shared/corpus/gov) is not here")
def test_import_is_fresh(tmp_path: Path) -> None:
    """Fails when data/imported/ is not what `python tools/build_data.py` makes now."""
    (tmp_path / "data").mkdir()
    project = Path(__file__).resolve().parent.parent  # this repository
    for name in ("terms.yaml", "en.yaml"):  # the hand entries and the English they give
        (tmp_path / "data" / name).write_bytes((project / "data" / name).read_bytes())
    importer.run(CORPUS, tmp_path)
    for path in sorted((project / importer.OUT_DIR).glob("*.yaml")):
        fresh = tmp_path / importer.OUT_DIR / path.name
        assert fresh.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), path.name
    made = sorted(p.name for p in (tmp_path / importer.OUT_DIR).glob("*.yaml"))
    assert made == sorted(p.name for p in (project / importer.OUT_DIR).glob("*.yaml"))


def test_note_pickles() -> None:
    n = note("四早", "早发现、早报告、早隔离、早治疗。", "成都市")
    assert pickle.loads(pickle.dumps(n)) == n


def test_a_place_note_alike_a_national_hand_sense_is_that_sense() -> None:
    from glossary.model import Citation, Sense, Term

    hand = Dictionary(
        terms=(
            Term(
                "双创",
                (
                    Sense(
                        "双创@中国",
                        "中国",
                        "双创",
                        Citation("r"),
                        members=("大众创业", "万众创新"),
                        definition="大众创业、万众创新。",
                    ),
                ),
            ),
        )
    )
    notes = [
        note("双创", "大众创业、万众创新。", "永州市", 2020),
        note("双创", "创建国家卫生城市、全国文明城市。", "宁波市", 2013),
    ]
    built = build_senses(notes, _regions(), hand)
    assert built.skipped["alike a national hand sense"] == 1
    assert [s["scope"] for senses in built.terms.values() for s in senses] == ["宁波市"]


def test_a_partial_note_gives_way_to_a_whole_one(tmp_path: Path) -> None:
    partial = "重点实施能源绿色低碳转型、节能降碳增效等10大行动。"
    whole = (
        "能源绿色低碳转型行动、节能降碳增效行动、工业领域碳达峰行动、城乡建设碳达峰行动、"
        "交通运输绿色低碳行动、循环经济助力降碳行动、绿色低碳科技创新行动、碳汇能力巩固提升行动、"
        "绿色低碳全民行动、各地区梯次有序碳达峰行动。"
    )
    lonely = "重点实施交通、建筑等5大行动。"
    reports = []
    for place, year, lines in [
        ("四川省", 2022, [f"碳达峰十大行动：{partial}"]),
        ("四川省", 2025, [f"碳达峰十大行动：{whole}"]),
        ("成都市", 2023, [f"五大行动：{lonely}"]),
    ]:
        path = tmp_path / f"{place}-{year}.md"
        lines = [*lines, "两违：违法用地、违法建设。"]
        items = "".join(f"{k}.{line}\n" for k, line in enumerate(lines, 1))
        path.write_text(f"正文。\n\n名词解释\n\n{items}", encoding="utf-8")
        reports.append(importer.CorpusReport(path, path.name, place, year))
    notes, _, skipped = importer.read_notes(reports, _regions())
    defs = {(n.term, n.definition) for n in notes}
    assert ("碳达峰十大行动", whole) in defs and ("碳达峰十大行动", partial) not in defs
    # a partial note no other note completes stays: it is all there is
    assert ("五大行动", lonely) in defs
    assert skipped["names only some of the members another note names"] == 1


def _body(term: str, members: tuple[str, ...], region: str, year: int = 2024) -> Note:
    """A list a report's body gives before the form (垃圾、污水、厕所“三大革命”)."""
    listed = "、".join(members)
    return note(term, listed, region, year, members=members, reading=True, at="正文第9行（列举）")


_REVOLUTIONS = ("垃圾", "污水", "厕所")


@pytest.mark.parametrize(
    ("places", "scope"),
    [
        # one report's body, or several of one place: not imported
        (["成都市"], None),
        (["成都市", "成都市"], None),
        # the bodies of two places of one province: the province's
        (["成都市", "绵阳市"], "四川省"),
        # of two provinces: national
        (["成都市", "长沙市"], "中国"),
    ],
)
def test_body_lists_hold_where_two_places_read_them_alike(
    places: list[str], scope: str | None
) -> None:
    notes = [_body("三大革命", _REVOLUTIONS, p, 2020 + i) for i, p in enumerate(places)]
    assert [s["scope"] for s in _senses(notes)] == ([scope] if scope else [])


def test_a_body_list_widens_a_note_but_weighs_against_none() -> None:
    # a note of 成都 and a list of 长沙's body, alike: both provinces give it, so national
    noted = note("三大革命", "农村垃圾革命、污水革命、厕所革命。", "成都市", members=_REVOLUTIONS)
    (sense,) = _senses([noted, _body("三大革命", _REVOLUTIONS, "长沙市")])
    assert sense["scope"] == "中国"
    assert sense["definition"] == noted.definition  # the note leads, not the list
    # lists of two places that mean another thing are no rival to the notes of three provinces
    notes = [
        note("三大革命", "农村垃圾革命、污水革命、厕所革命。", p, members=_REVOLUTIONS)
        for p in ("成都市", "长沙市", "兰州市")
    ]
    other = ("技术", "产业", "能源")
    found = _senses(
        [*notes, _body("三大革命", other, "宁波市"), _body("三大革命", other, "温州市")]
    )
    national = next(s for s in found if s["scope"] == "中国")
    assert national["members"] == list(_REVOLUTIONS)


def test_body_lists_agree_only_member_by_member() -> None:
    # 新城新区建设和城市“双修”, 全国城市设计试点和全省城市“双修”: 城市 is no member of 全省城市
    a = _body("三项工作", ("新城新区建设", "城市", "乡村"), "宁波市")
    b = _body("三项工作", ("全国城市设计试点", "全省城市", "乡村"), "宣城市")
    assert not alike(a, b)
    assert not _senses([a, b])
    # the barest wording of the same list leads: 疫情防控, not 奋力夺取疫情防控
    c = _body("三夺取", ("奋力夺取疫情防控", "经济发展", "社会稳定"), "宁波市")
    d = _body("三夺取", ("疫情防控", "经济发展", "社会稳定"), "长沙市")
    (sense,) = _senses([c, d])
    assert sense["members"] == ["疫情防控", "经济发展", "社会稳定"]


def test_cue_words_do_not_cross_a_separator() -> None:
    talent = "产业人才引进、园区人才汇聚、卓越企业家培养"
    group = [note("四大工程", talent, "昆明市")]
    rival = [note("四大工程", "交通、水利、能源、信息工程。", "成都市")]
    pairs = cue_pairs(group[0])
    assert "聚卓" not in pairs and {"汇聚", "卓越"} <= pairs
    found = cues(group, [rival], {}, "四大工程")
    assert found and set(found) <= pairs


def test_read_notes_takes_body_lists_of_three_members_or_more(tmp_path: Path) -> None:
    path = tmp_path / "成都市-2024.md"
    path.write_text(
        "持续实施垃圾、污水、厕所“三大革命”。推进新城新区建设和城市“双修”。\n", encoding="utf-8"
    )
    report = importer.CorpusReport(path, path.name, "成都市", 2024)
    notes, _, skipped = importer.read_notes([report], _regions())
    (only,) = notes
    assert (only.term, only.members, only.reading) == ("三大革命", _REVOLUTIONS, True)
    assert only.at == "正文第1行（列举）" and only.definition == "垃圾、污水、厕所"
    assert skipped["body reading of fewer than three members"] == 1


def test_read_notes_leaves_out_a_report_filed_under_another_place(tmp_path: Path) -> None:
    # the corpus holds 淮安's report of 2016 under 淮南 too: read as 淮南's, its lists would make
    # a meaning of two provinces (a national one) out of one text
    text = "---\ntitle: 淮安市政府工作报告 （2016年1月18日 惠建林）\n---\n持续实施垃圾、污水、厕所“三大革命”。\n"
    path = tmp_path / "2016.md"
    path.write_text(text, encoding="utf-8")
    misfiled = importer.CorpusReport(path, path.name, "淮南市", 2016)
    notes, sources, skipped = importer.read_notes([misfiled], _regions())
    assert notes == [] and sources == {}
    assert skipped["report filed under another place (its title names that place)"] == 1
    notes, _, _ = importer.read_notes(
        [importer.CorpusReport(path, path.name, "淮安市", 2016)], _regions()
    )
    assert [n.term for n in notes] == ["三大革命"]


def test_english_holds_only_for_the_definition_it_renders() -> None:
    from glossary.importer.english import BY_PROJECT, apply_english, digest
    from glossary.importer.senses import Imported

    five = "绿化、美化、照明化、净化、智化。"
    imported = Imported()
    imported.terms = {
        "五化": [{"id": "五化@洛江区", "scope": "洛江区", "definition": five, "since": 2023}],
        "两新": [{"id": "两新@中国", "scope": "中国", "definition": "新基建、新城建。"}],
    }
    english = {
        "五化@洛江区": (digest(five), "the Five Improvements"),
        "两新@中国": (digest("另一个定义。"), "stale"),  # its definition changed since
        "三保@中国": (digest("x"), "gone"),
    }
    assert apply_english(imported, english) == 2
    five_sense, new_sense = imported.terms["五化"][0], imported.terms["两新"][0]
    assert five_sense["en"] == "the Five Improvements" + BY_PROJECT
    assert list(five_sense) == ["id", "scope", "definition", "en", "since"]
    assert "en" not in new_sense


def test_english_follows_its_meaning_to_another_rank_of_its_place() -> None:
    from glossary.importer.english import BY_PROJECT, apply_english, digest
    from glossary.importer.senses import Imported

    # 南昌 2002 read a meaning of its own (名校、名科、名师): the 2003 one moved to rank 2
    schools, hospitals = "名校、名科、名师", "名医、名科、名院"
    imported = Imported()
    imported.terms = {
        "三名": [
            {"id": "三名@南昌市", "definition": schools},
            {"id": "三名@南昌市#2", "definition": hospitals},
        ]
    }
    english = {"三名@南昌市": (digest(hospitals), "famous doctors, departments and hospitals")}
    assert apply_english(imported, english) == 0
    first, second = imported.terms["三名"]
    assert "en" not in first
    assert second["en"] == "famous doctors, departments and hospitals" + BY_PROJECT


def test_english_follows_its_meaning_to_a_wider_scope() -> None:
    from glossary.importer.english import BY_PROJECT, apply_english, digest
    from glossary.importer.senses import Imported

    # 兰州's note now shared by another province's reports: the meaning holds nationally
    five = "即构建共治、自治、法治、德治、善治“五治一体”的基层治理新模式。"
    imported = Imported()
    imported.terms = {"五治一体": [{"id": "五治一体@中国", "definition": five}]}
    english = {"五治一体@兰州市": (digest(five), "the Five Governances in One")}
    assert apply_english(imported, english) == 0
    assert imported.terms["五治一体"][0]["en"] == "the Five Governances in One" + BY_PROJECT
