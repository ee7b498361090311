"""The document's readers, one table of real report text per way a report explains itself.

Each row is a passage of a report of ``../shared/corpus/gov`` (named in its comment), cut to the
sentence that matters; the negatives are passages the readers once misread.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from glossary.readers import WEAK, definitions
from glossary.readers.base import Candidate
from glossary.readers.inline import full_forms
from glossary.readers.lists import (
    _before_quotes,
    after,
    before,
    compound,
    count_of,
    enumeration,
    quoted_lists,
)
from glossary.readers.notes import PART, label_forms, notes, sections, sub_forms
from glossary.readers.paragraph import items_named
from glossary.readers.structure import headings


def _members(found: list[Candidate]) -> dict[str, tuple[str, ...]]:
    return {c.term: tuple(c.members) for c in found}


# ---------------------------------------------------------------------------- lists before


@pytest.mark.parametrize(
    ("text", "form", "members"),
    [
        # 中山 2014: 创新 is a verb, but 链 alone is no item
        (
            "加强科技创新。完善创新创业公共服务体系，推进创新链、产业链、资金链“三链融合”。",
            "三链融合",
            ("创新链", "产业链", "资金链"),
        ),
        ("持续实施垃圾、污水、厕所“三大革命”。", "三大革命", ("垃圾", "污水", "厕所")),
        ("推进文化、科技、卫生、法律“四下乡”。", "四下乡", ("文化", "科技", "卫生", "法律")),
        # the last joiner inside the last item (A、B和C)
        (
            "编制产业补链强链、产值增量减量和企业诉求办理“三张清单”。",
            "三张清单",
            ("产业补链强链", "产值增量减量", "企业诉求办理"),
        ),
        # two items, each sharing a word of the form
        ("深入开展招商引资、招才引智“双招”活动。", "双招", ("招商引资", "招才引智")),
        # 阳泉 2023: a pair joined by 和/与 before a 双-form
        (
            "全市银行业不良贷款余额与不良贷款率实现“双下降”，是全省唯一无高风险金融机构地市。",
            "双下降",
            ("全市银行业不良贷款余额", "不良贷款率"),
        ),
        (
            "带动链上企业做大做强，促进产业链产值和市场占有率“双提升”。",
            "双提升",
            ("产业链产值", "市场占有率"),
        ),
        ("完善能源消费强度和总量“双控”，推行用能预算管理。", "双控", ("能源消费强度", "总量")),
        # a first item cut to the others' length where all end alike (贵阳 2020, 宁夏 2007)
        (
            "积极探索创建让人民群众有更多获得感、幸福感、安全感的“三感社区”，不断满足需要。",
            "三感社区",
            ("获得感", "幸福感", "安全感"),
        ),
        (
            "在全国率先推出规范行政权力运行的权力清单、程序清单和责任清单“三联单”。",
            "三联单",
            ("权力清单", "程序清单", "责任清单"),
        ),
        # 江苏 2024: cities may be the members
        (
            "加强环太湖、南京、徐州“三大科创圈”建设。",
            "三大科创圈",
            ("环太湖", "南京", "徐州"),
        ),
        # the frame around the list is not its last item
        ("推进以创新、协调、绿色为重点的“三大任务”。", "三大任务", ("创新", "协调", "绿色")),
        # 云南 2023: Markdown's bold opens the clause; 岳阳 2016: two verbs lead it, a frame
        # (为代表) closes it
        (
            "**实施产业急需人才引进、产业人才培养、园区人才汇聚、卓越企业家培养“四大工程”。",
            "四大工程",
            ("产业急需人才引进", "产业人才培养", "园区人才汇聚", "卓越企业家培养"),
        ),
        (
            "统筹抓好农村土地征收、集体经营性建设用地入市、宅基地制度改革为代表的“三块地”改革。",
            "三块地",
            ("农村土地征收", "集体经营性建设用地入市", "宅基地制度改革"),
        ),
        # 哈尔滨 2023: the clause's subject and verb before the first item (…改造推行);
        # 统一 counts nothing
        (
            "老旧小区改造推行规划设计、标准制定、招投标、验收交接、资金渠道“五统一”机制。",
            "五统一",
            ("规划设计", "标准制定", "招投标", "验收交接", "资金渠道"),
        ),
        # 佛山 2016: a verb that is also a word of the item stays (实施创新驱动: not 驱动)
        (
            "我们将实施创新驱动、绿色发展、产业升级“三大战略”。",
            "三大战略",
            ("创新驱动", "绿色发展", "产业升级"),
        ),
        # 黑龙江 2010: the particle after the verb goes too
        # 湘潭 2025: a count of targets each reaching 100%
        (
            "实现政务信息化系统上云、集中运维、数据共享“三个100%”，数字湘潭建设提速提质。",
            "三个100%",
            ("政务信息化系统上云", "集中运维", "数据共享"),
        ),
        (
            "林业实现了森林面积、森林蓄积和森林覆盖率“三增长”。",
            "三增长",
            ("森林面积", "森林蓄积", "森林覆盖率"),
        ),
        (
            "无锡率先实行工商营业执照、组织机构代码证、税务登记证“三证合一”。",
            "三证合一",
            ("工商营业执照", "组织机构代码证", "税务登记证"),
        ),
        # 零 after the count is a word: two zeros
        (
            "实现确诊病例零病亡、医护人员零感染“双零”目标。",
            "双零",
            ("确诊病例零病亡", "医护人员零感染"),
        ),
        # the parts of a quoted formula of words
        ("实行“线上洽谈+线下对接”的“双线”推进模式。", "双线", ("线上洽谈", "线下对接")),
        # or a quoted 、-list (洛阳 2022, 广州 1994)
        ("对“有前景、有困难”的“两有”企业精准帮扶。", "两有", ("有前景", "有困难")),
        ("要做好“定机构、定职能、定编制”的“三定”工作。", "三定", ("定机构", "定职能", "定编制")),
        # a pair joined by 及 (not the 及 of 涉及, 普及)
        (
            "银行业不良贷款余额及不良贷款率实现“双下降”。",
            "双下降",
            ("银行业不良贷款余额", "不良贷款率"),
        ),
        # what the items reach is the clause's verb, not their last one's
        (
            "安全生产形势持续向好，生产安全事故起数、死亡人数、受伤人数实现“三下降”。",
            "三下降",
            ("生产安全事故起数", "死亡人数", "受伤人数"),
        ),
        (
            "安全事故起数、死亡人数和直接经济损失连续七年实现“三下降”。",
            "三下降",
            ("安全事故起数", "死亡人数", "直接经济损失"),
        ),
        # items of two characters with no mark between them, each opening alike
        ("完善农技农经农机“三支队伍”。", "三支队伍", ("农技", "农经", "农机")),
        ("推进医疗医保医药“三医”联动改革。", "三医", ("医疗", "医保", "医药")),
        # a pair's subject and verb are no part of its first item
        (
            "全省率先实现确诊病例和疑似病例“双清零”。",
            "双清零",
            ("确诊病例", "疑似病例"),
        ),
        (
            "奋力夺取了疫情防控和经济社会发展的“双胜利”。",
            "双胜利",
            ("疫情防控", "经济社会发展"),
        ),
        # items all ending in the form's word, whatever verb one of them opens with
        (
            "强化民生先动、市场推动、项目带动、金融撬动、创新驱动、环境促动的“六动措施”。",
            "六动措施",
            ("民生先动", "市场推动", "项目带动", "金融撬动", "创新驱动", "环境促动"),
        ),
        # the last items of a clause of more, joined by 和 to another list (大连 2017)
        (
            "推进金普新区智能制造、通用航空、海洋装备3个特色产业园和高新区仿真、车联、健康、电商“四朵云”建设。",
            "四朵云",
            ("高新区仿真", "车联", "健康", "电商"),
        ),
        # a pair before a 两-form: two of the thing it counts
        (
            "扎实推进易地扶贫搬迁，推动集中安置区与脱贫产业区“两区同建”。",
            "两区同建",
            ("集中安置区", "脱贫产业区"),
        ),
        # parks among three or more things counted (张家口 2014); a work its last item names
        # by its object (临沂 2021: 政策落实)
        (
            "以发展奥运、园区、生态、县域“四型经济”为抓手，更加注重推进经济结构调整。",
            "四型经济",
            ("发展奥运", "园区", "生态", "县域"),
        ),
        (
            "试行企业求职需求、用工需求、培训需求、问题诉求和政策落实“五张清单”，开辟求职“线上通道”。",
            "五张清单",
            ("企业求职需求", "用工需求", "培训需求", "问题诉求", "政策落实"),
        ),
        # a word before the count (台州 2014); the kind of all the items after 等 (四川 2024)
        (
            "我国发展仍处于重要战略机遇期，改革、城镇化、人才“新三大红利”将支撑未来经济发展。",
            "新三大红利",
            ("改革", "城镇化", "人才"),
        ),
        (
            "实施扩大进口专项行动，电动载人汽车、锂电材料、太阳能电池等外贸“新三样”出口增长。",
            "新三样",
            ("电动载人汽车", "锂电材料", "太阳能电池"),
        ),
        # a word that holds 等 keeps it (湘潭 2021)
        (
            "加快构建现代化综合物流体系。推进扩大居民就业渠道、扩大中等收入群体“双扩”。",
            "双扩",
            ("扩大居民就业渠道", "扩大中等收入群体"),
        ),
        # or the two hands, wings or wheels of a metaphor, verbs and all (宁波 2013, 承德 2025,
        # 东莞 2024, 巴彦淖尔 2025)
        ("坚持促进就业与鼓励创业“两手抓”。", "两手抓", ("促进就业", "鼓励创业")),
        (
            "把扩大有效投资作为主攻方向，坚持政府投资和社会投资“两手抓”。",
            "两手抓",
            ("政府投资", "社会投资"),
        ),
        ("推动传统产业和新兴产业“两翼齐飞”。", "两翼齐飞", ("传统产业", "新兴产业")),
        ("我们要坚持治理保护和巩固提升“两手抓”。", "两手抓", ("治理保护", "巩固提升")),
        # a work named by its object ends a list of nouns (市政设施维护), not a list of verbs
        (
            "推行日常保洁、绿化养护、市容监管、市政设施维护“四位一体”环境长效管护机制。",
            "四位一体",
            ("日常保洁", "绿化养护", "市容监管", "市政设施维护"),
        ),
        # the verb that keeps them is no part of the first item
        (
            "坚守和谐稳定、生态保护、安全生产的“三条底线”。",
            "三条底线",
            ("和谐稳定", "生态保护", "安全生产"),
        ),
        # nor is the verb that makes them grow (大庆 2023's note, 云浮 2022)
        (
            "壮大油头化尾、汽车装备、食品加工“三个优势板块”；",
            "三个优势板块",
            ("油头化尾", "汽车装备", "食品加工"),
        ),
        ("激发人文、生态、区位、资源“四大优势”，", "四大优势", ("人文", "生态", "区位", "资源")),
        # nor the words a note's explanation opens with (乐山 2023, 南昌 2024)
        (
            "“3”，即政策、组织、体系“三位一体”保障。",
            "三位一体",
            ("政策", "组织", "体系"),
        ),
        (
            "②三大抓手：指园区经济、镇域经济、资源经济“三大抓手”。",
            "三大抓手",
            ("园区经济", "镇域经济", "资源经济"),
        ),
        (
            "“四个方面重点”：一是打好防范化解重大风险、精准脱贫、污染防治“三大攻坚战”；",
            "三大攻坚战",
            ("防范化解重大风险", "精准脱贫", "污染防治"),
        ),
    ],
)
def test_list_before_the_form(text: str, form: str, members: tuple[str, ...]) -> None:
    found = before(text, None)
    assert _members(found) == {form: members}
    # the citation is the text from the first item to the form, as written
    (c,) = found
    assert c.quote.lstrip("“").startswith(members[0]) and c.quote.endswith(f"“{form}”")
    assert text[c.start : c.start + len(c.quote)] == c.quote


@pytest.mark.parametrize(
    ("text", "form", "name"),
    [
        ("实施数字经济“一号工程”2.0版，加快推进数字产业化。", "一号工程", "数字经济"),  # 湖州 2021
        ("把产业强市作为“一号战略”强力推进。", "一号战略", "产业强市"),  # 镇江 2021
        ("更大力度实施招商引资“一号工程”。", "一号工程", "招商引资"),  # 黄冈 2020
        ("扎实推进全面创新改革“一号工程”。", "一号工程", "全面创新改革"),  # 四川 2016
        ("实施“地瓜经济”提能升级“一号开放工程”。", "一号开放工程", "“地瓜经济”提能升级"),
        ("始终把解决民生问题作为政府工作的“一号工程”。", "一号工程", "解决民生问题"),
    ],
)
def test_what_a_first_ranked_form_ranks_first(text: str, form: str, name: str) -> None:
    assert _members(before(text, None)) == {form: (name,)}


@pytest.mark.parametrize(
    "text",
    [
        "坚定不移强化“一号工程”。",  # a verb, no name
        "强势推进“一号工程”。",
        "谋划全市“一号项目”。",  # the place that ranks it
        "把壮大“5512”产业作为“一号工程”。",  # a count the text does not spell out
        "实施数字经济“一号工程”，推进招商引资“一号工程”。",  # one form, two names
        "统筹禁毒人民战争和信访维稳“一号工程”。",  # two things
    ],
)
def test_first_ranked_negatives(text: str) -> None:
    assert before(text, None) == []


@pytest.mark.parametrize(
    "text",
    [
        # places and levels the form applies to, not its members
        "修文、息烽通过“两基”复查验收。",
        "确保全面完成村、社区“两委”换届。",
        "南山区、招商局集团入选首批国家级“双创”示范基地。",
        "端州睦岗、高要金利、肇庆高新区“三旧”改造试点有序推进。",
        "项目建设、公共资源配置和部门“三公”经费信息全面公开。",
        # a later item opening a clause of its own
        "加强产业合作、农业开发、推动直接“三通”。",
        # two items that share no word of the form: what it is about, not what it counts
        "逐步消除城乡差别、城镇内部“二元结构”。",
        # a 和 inside a name joins no lists (源和1916)
        "实施泉州当代艺术馆、领SHOW天地、源和1916、市工艺美术馆、晋江“三创园”等项目。",
        # a pair before a 两-form not ending in what it counts is not read: as often what the
        # form is about as its members, and no word tells which
        "29家企业成为全省制造业信息化示范企业和省级“两化融合”示范企业。",
        # nor before a bare metaphor: what goes with it, not its two wings (张家口 2020)
        "主动谋划、积极争取国家、省有关功能布局和政策支持，加快与雄安新区一起“两翼”腾飞。",
        # a park in a pair: where the form applies (宁波 2018)
        "南北高教园区和国家级“双创”示范基地建设加快。",
        # the nation, a province: the levels a programme is at (山西 2023, 2024; 东莞 2004)
        "推进国家和省级“双高计划”建设。",
        "支持职业本科学校和国家“双高”学校率先发展。",
        "连续五次获得全省和全国“双拥模范城”称号。",
        # a name that opens with a word and a count: the companies listed there (九江 2016 …)
        "争取创业软件、经纬集团、宝利祥蜂业等更多企业挂牌“新三板”。",
        # a list joined by 和 to the form: what goes beside it, not its members (江西 2020)
        "落实产业扶贫、就业扶贫、易地搬迁扶贫后续扶持、综合保障扶贫等措施和“四个不摘”要求。",
        # verbs whose object the form is
        "自觉践行、坚决做到“两个维护”。",
        "严肃财经纪律、严格预算管理、严控“三公”经费支出。",
        "市人民医院、市中医院、罗定中医院成功创建“三甲”。",
        # other counted slogans
        "扎实推进“两重”、“两新”“三大工程”。",
        # a count that differs from the numeral
        "推进文化、科技、卫生“四下乡”。",
        # 和 before a quote with nothing between: no second item
        "推进乡村振兴和“双创”工作。",
        "非法集资案件涉及投资人数实现“双降”。",
        # a formula whose parts the form does not count; another slogan beside it
        "推动“创业苗圃+孵化器+加速器+产业园”的“双创”链条。",
        "深化“互联网+监管”“双随机、一公开”。",
        # a verb doubled with its complements; two joined words (a verb's pair as often)
        "压紧压实“四方责任”。",
        "配齐配强“两委”班子。",
        # a 、 inside a quotation splits no list
        "推开科技企业“双倍增、双提升”、规上工业企业科技创新“三清零全覆盖”。",
        # a pair whose first item runs back past the reach: not cut at a verb inside a word
        "做强创新主体。实施企业研发机构建设攻坚行动计划和高新技术企业量质“双提升”工程。",
        # a 和 inside a place's name, its verb too near to cut (呼和浩特 2024)
        "推动呼和浩特职业学院“双高校”职业本科建设申报。",
    ],
)
def test_list_before_negatives(text: str) -> None:
    assert before(text, None) == []


@pytest.mark.parametrize(
    ("text", "form", "parts"),
    [
        # 海南 2024
        (
            "充分发挥气候温度、海洋深度、地理纬度和绿色生态“三度一色”优势，聚焦种业。",
            "三度一色",
            (("三度", ("气候温度", "海洋深度", "地理纬度")), ("一色", ("绿色生态",))),
        ),
        # 长沙 2011
        (
            "建设天马山、凤凰山、桃子湖“两山一湖”。",
            "两山一湖",
            (("两山", ("天马山", "凤凰山")), ("一湖", ("桃子湖",))),
        ),
        # 洛阳 2022: pieces that say which way the items move, in order
        (
            "空气质量综合指数、PM10浓度、PM2.5浓度、优良天数实现“三降一升”。",
            "三降一升",
            (("三降", ("空气质量综合指数", "PM10浓度", "PM2.5浓度")), ("一升", ("优良天数",))),
        ),
    ],
)
def test_compound_list_before_the_form(
    text: str, form: str, parts: tuple[tuple[str, tuple[str, ...]], ...]
) -> None:
    (c,) = before(text, None)
    assert (c.term, c.parts) == (form, parts)


@pytest.mark.parametrize(
    "text",
    [
        # 泉州 2013: places that name no piece of the form
        "推动城市向晋江、石狮、南安“两江一湾”发展。",
        # one of each is a rule, not two lists
        "推行产业、人才“一县一策”。",
        # 三个一批 counts 一批 three times
        "开工、在建、竣工、储备“三个一批”。",
    ],
)
def test_compound_list_negatives(text: str) -> None:
    assert before(text, None) == []


@pytest.mark.parametrize(
    ("form", "pieces"),
    [
        ("三度一色", (("三度", 3), ("一色", 1))),
        ("一主两副六片区", (("一主", 1), ("两副", 2), ("六片区", 6))),
        ("三个一批", ()),
        ("一县一策", ()),
        ("五大行动", ()),
    ],
)
def test_compound(form: str, pieces: tuple[tuple[str, int], ...]) -> None:
    assert compound(form) == pieces


_SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").rglob("*.md"))[:60]


_TAIL = re.compile(r"、[^、，。；：！？“”\n]{1,24}\Z")
_JOINER = re.compile("和|与|(?<![涉普以企危触顾])及(?!时)")


def _forward_quotes(text: str) -> list[int]:
    """What the reversed pass of ``before`` must find, said the plain way round."""
    out = []
    for m in re.finditer("“(?=[新无老]?[一二两三四五六七八九十双])", text):
        q = m.start()
        listed = _TAIL.search(text, max(0, q - 26), q)
        paired = text[q + 1] in "双两" and _JOINER.search(text, max(0, q - 20), q)
        joined = q >= 4 and text[q - 2] == text[q - 4]
        if listed or paired or joined or text[:q].endswith(("”", "”的")):
            out.append(q)
    return out


@pytest.mark.parametrize("path", _SEEDS, ids=lambda p: p.parent.name + "/" + p.name)
def test_the_reversed_pass_finds_every_quote_with_something_before_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert _before_quotes(text) == _forward_quotes(text)


@pytest.mark.parametrize(
    "text",
    [
        "垃圾、污水、厕所“三大革命”",  # a list's tail
        "“双提升”。产业链产值和市场占有率“双提升”，涉及“双随机”，及时“两清零”",  # pairs
        "农技农经农机“三支队伍”",  # a character repeated two apart
        "“线上洽谈+线下对接”的“双线”，“新”“三样”",  # a closing quote
        "“三",
        "、“五",
        "双“两",
        "\n、“一",
        "和\n“双",  # at the text's ends, across a line
    ],
)
def test_the_reversed_pass_at_its_edges(text: str) -> None:
    assert _before_quotes(text) == _forward_quotes(text)


# ---------------------------------------------------------------------------- a quoted list


@pytest.mark.parametrize(
    "text,form,members",
    [
        (  # 六安 2022: the form's words run on; the text quotes the form later
            "依托“六安茶谷、淠淮生态经济带、江淮果岭、西山药库”四大平台，大力实施产业模式。"
            "推深做实“138+N”工程，精雕细琢“四大平台”，在食品领域积极引进头部企业。",
            "四大平台",
            ("六安茶谷", "淠淮生态经济带", "江淮果岭", "西山药库"),
        ),
        (  # 乌鲁木齐 2020: the quoted form says where the words after the count end
            "加快“蔬菜、牛羊肉、奶产品”三大基地建设。推进“三大基地”规模化发展。",
            "三大基地",
            ("蔬菜", "牛羊肉", "奶产品"),
        ),
        (  # 咸阳 2023
            "开展主城区“环境大整治、管理大提升、形象大改善”三大活动，户外广告清理成效明显。"
            "推动“三大活动”向县城延伸。",
            "三大活动",
            ("环境大整治", "管理大提升", "形象大改善"),
        ),
    ],
)
def test_a_quoted_list_right_before_the_count(
    text: str, form: str, members: tuple[str, ...]
) -> None:
    assert _members(quoted_lists(text, None)) == {form: members}
    assert _members(definitions(text))[form] == members


@pytest.mark.parametrize(
    "text",
    [
        # 朝阳 2016: the form quoted before the list is another of its meanings
        "加速形成“三位一体”的创新创业模式。推进“产业园区、中心街区、美丽乡村”三位一体建设。",
        # the form never quoted: which of the words after the count it is, nothing says
        "加快“蔬菜、牛羊肉、奶产品”三大基地建设。",
        # a count the list does not have
        "实施“法治、信用、质量”六大工程。推进“六大工程”。",
    ],
)
def test_a_quoted_list_negatives(text: str) -> None:
    assert quoted_lists(text, None) == []


# ---------------------------------------------------------------------------- lists after


@pytest.mark.parametrize(
    ("text", "form", "members"),
    [
        (
            "深化农村土地“三权分置”：农村土地所有权、承包权、经营权分置。",
            "三权分置",
            ("农村土地所有权", "承包权", "经营权分置"),
        ),
        ("治理“三湖”：武山湖、太白湖、龙感湖。", "三湖", ("武山湖", "太白湖", "龙感湖")),
        ("建设“三网”：轨道交通网、公交网和慢行网。", "三网", ("轨道交通网", "公交网", "慢行网")),
        # a comma opens the list only when its items are alike
        (
            "具有“四大优势”，区位优势明显、产业基础雄厚、生态环境优良、人文底蕴深厚。",
            "四大优势",
            ("区位优势明显", "产业基础雄厚", "生态环境优良", "人文底蕴深厚"),
        ),
        # or when the text says they are its items (即), whatever their lengths or verbs
        (
            "乡级实现“三个有”，即有一个标准卫生院、有一支适应农村医疗工作的好队伍、有一套基本检测设备；",
            "三个有",
            ("有一个标准卫生院", "有一支适应农村医疗工作的好队伍", "有一套基本检测设备"),
        ),
        # a parenthesis a few words after the form (南昌 2006, 庆阳 2022), its own label dropped
        (
            "注重“四脉”传承（山脉、水脉、人脉、文脉），彰显城市特色。",
            "四脉",
            ("山脉", "水脉", "人脉", "文脉"),
        ),
        (
            "强化“四建”支撑（基础设施建设、生态文明建设、营商环境建设、民生福祉建设）。",
            "四建",
            ("基础设施建设", "生态文明建设", "营商环境建设", "民生福祉建设"),
        ),
        (
            "开展“三乱”整治计划（三乱：乱闯红灯、乱穿马路、乱丢烟头）。",
            "三乱",
            ("乱闯红灯", "乱穿马路", "乱丢烟头"),
        ),
    ],
)
def test_list_after_the_form(text: str, form: str, members: tuple[str, ...]) -> None:
    assert _members(after(text, None)) == {form: members}


@pytest.mark.parametrize(
    "text",
    [
        "打好“三大攻坚战”，完善基础设施、公共服务。",  # a new verb and its objects
        "建设“三网”：轨道交通网、公交网。",  # two items for three
        "推进“四好农村路”，建好、管好。",  # a comma, items not alike
        "实现“两基”目标的县（市、区）达到90个。",  # the places it holds in (山西 2003)
        "创建“两个健康”示范县（市、区）。",  # the places, not its two (河南 2022)
    ],
)
def test_list_after_negatives(text: str) -> None:
    assert after(text, None) == []


@pytest.mark.parametrize(
    ("text", "form", "members"),
    [
        (
            "经济指标实现“双突破”，人均GDP突破2万美元，出口总额突破3000亿美元。",
            "双突破",
            ("人均GDP突破2万美元", "出口总额突破3000亿美元"),
        ),
        (
            "“四个不摘”：摘帽不摘责任，摘帽不摘政策，摘帽不摘帮扶，摘帽不摘监管。",
            "四个不摘",
            ("摘帽不摘责任", "摘帽不摘政策", "摘帽不摘帮扶", "摘帽不摘监管"),
        ),
        (
            "“三个务必”：务必不忘初心、牢记使命，务必谦虚谨慎、艰苦奋斗，务必敢于斗争、善于斗争。",
            "三个务必",
            ("务必不忘初心、牢记使命", "务必谦虚谨慎、艰苦奋斗", "务必敢于斗争、善于斗争"),
        ),
    ],
)
def test_clauses_after_the_form(text: str, form: str, members: tuple[str, ...]) -> None:
    (c,) = after(text, None)
    assert (c.term, c.members) == (form, members)
    assert text[c.start : c.start + len(c.quote)] == c.quote


@pytest.mark.parametrize(
    "text",
    [
        # a clause that does not name the form's word
        "需求结构实现“双优化”，服务业投资占投资比重超过8成，工业产品内销比重首次超过5成。",
        # one clause more than the numeral says
        "实现“双突破”，产值突破百亿，税收突破十亿，出口突破五亿。",
        # a one-character word names nothing: 两“馆”
        "建设“两馆”，建设一个文化馆，一个图书馆。",
    ],
)
def test_clauses_after_negatives(text: str) -> None:
    assert after(text, None) == []


# ---------------------------------------------------------------------------- enumeration


def _enumerated(text: str) -> dict[str, tuple[str, ...]]:
    return _members(list(enumeration(text, [m.start() for m in re.finditer("一是", text)], None)))


def test_enumeration_takes_the_first_clause_of_each_item() -> None:
    # 永州 2021
    text = (
        "（一）全力打造“三个高地”。一是打造先进制造业高地。大力实施先进制造业倍增。"
        "二是打造科技创新高地。大力实施关键核心技术攻关。三是打造内陆地区改革开放高地。"
        "深入推进。\n\n（二）"
    )
    assert _enumerated(text) == {
        "三个高地": ("打造先进制造业高地", "打造科技创新高地", "打造内陆地区改革开放高地")
    }


def test_enumeration_takes_the_clause_that_names_the_form() -> None:
    # 宁夏 2026: each item names a strategy first, then the breakthrough the form counts
    text = (
        "实现“三个新突破”。\n\n一是坚定实施扩大内需战略，在加快推动消费投资增长上实现新突破。"
        "二是坚定实施产业兴区战略，在培育壮大特色优势产业上实现新突破。"
        "三是坚定实施创新驱动战略，在培育新质生产力上实现新突破。\n\n"
    )
    assert _enumerated(text) == {
        "三个新突破": (
            "在加快推动消费投资增长上实现新突破",
            "在培育壮大特色优势产业上实现新突破",
            "在培育新质生产力上实现新突破",
        )
    }


@pytest.mark.parametrize(
    "text",
    [
        # one item more than the numeral says
        "抓好“两项工作”。一是稳增长。二是促改革。三是惠民生。\n\n",
        # one item fewer
        "抓好“三项工作”。一是稳增长。二是促改革。\n\n",
    ],
)
def test_enumeration_negatives(text: str) -> None:
    assert _enumerated(text) == {}


@pytest.mark.parametrize(
    ("form", "count"),
    [
        ("三大革命", 3),
        ("双冷", 2),
        ("十大行动", 10),
        ("三度一色", None),
        ("五统一", 5),
        ("三位一体", 3),
        ("五证合一", 5),
        ("三个100%", 3),
        ("八个一批", 8),
        ("双零", 2),
        ("三清零", 3),
        ("双同步、零时差", None),
        ("一件事", None),
        ("十四五", None),
        ("1+3+N", None),
    ],
)
def test_count_of(form: str, count: int | None) -> None:
    assert count_of(form) == count


# ---------------------------------------------------------------------------- headings


def test_headings_right_after_the_announcing_sentence() -> None:
    # 中卫 2025
    text = (
        "奋力打好“六个攻坚战”，全力以赴稳增长、促发展，重点抓好“三个聚焦”。\n\n"
        "（一）聚焦强信心稳增长，坚定不移巩固经济回升向好态势。\n\n"
        "（二）聚焦延链条建集群，加快构建现代化产业体系。\n\n"
        "（三）聚焦增动能激活力，持续深化改革扩大开放。\n\n一、下一部分\n"
    )
    assert _members(headings(text, None)) == {
        "三个聚焦": ("聚焦强信心稳增长", "聚焦延链条建集群", "聚焦增动能激活力")
    }


def test_headings_holding_the_form_s_word() -> None:
    # 周口 2014: no announcing verb, but every heading holds the form's word (ten of them)
    heads = [
        "项目建设扩总量",
        "农业发展稳基础",
        "工业发展壮支撑",
        "服务业发展优结构",
        "新型城镇化强引领",
        "开放招商增后劲",
        "可持续发展保生态",
        "改革创新添活力",
        "文化建设促繁荣",
        "民生改善筑和谐",
    ]
    text = (
        "具体讲，就是“十个着力推进”。\n"
        + "".join(
            f"（{k}）着力推进{h}\n正文。\n"
            for k, h in zip("一二三四五六七八九十", heads, strict=True)
        )
        + "四、下一部分\n"
    )
    assert _members(headings(text, None))["十个着力推进"] == tuple(f"着力推进{h}" for h in heads)
    # 黄山 2022: the clause of each heading that holds the form's word, not its first
    text = (
        "重点实施好“三大行动”：\n（一）坚持项目为王、招商为要，组织实施有效投资攻坚行动\n正文。\n"
        "（二）坚持农业农村优先发展，组织实施六业千亿乡村产业振兴行动\n正文。\n"
        "（三）坚持工业强市不动摇，组织实施九大新兴产业培育壮大行动\n正文。\n二、下一部分\n"
    )
    assert _members(headings(text, None))["三大行动"] == (
        "有效投资攻坚行动",
        "六业千亿乡村产业振兴行动",
        "九大新兴产业培育壮大行动",
    )


@pytest.mark.parametrize(
    "text",
    [
        # 银川 2018: the form is one of several in a sentence a paragraph away from the headings
        "着力打好“三大战役”、实施“五大工程”、推进“两项行动”，奋力开创新局面。\n\n"
        "全市经济社会发展主要预期目标是：地区生产总值增长8.0%左右。\n\n"
        "（一）聚焦绿色发展，打好“三大战役”。\n\n（二）聚焦高端发展，实施“五大工程”。\n\n",
        # 宁波 2014: the work review's headings, after a sentence that uses the strategy
        "深入实施“两个加快”战略，各项工作取得了扎实成效。\n\n一年来，我们主要做了两个方面的工作：\n\n"
        "（一）保持经济稳定增长。\n\n（二）加快转型升级步伐。\n\n",
        # more headings than the form counts
        "重点实施“两大行动”。\n（一）实施产业升级行动\n（二）实施城市更新行动\n（三）实施乡村行动\n",
        # no announcing verb, and headings that do not hold the form's word
        "就是“两个坚持”。\n（一）保持经济稳定增长\n（二）加快转型升级步伐\n二、下一部分\n",
    ],
)
def test_headings_negatives(text: str) -> None:
    assert headings(text, None) == []


# ---------------------------------------------------------------------------- notes


def _notes(text: str) -> list[Candidate]:
    return notes(text, None, sections(text))[0]


def test_bracketed_labels_in_a_words_section() -> None:
    # 兰州 2025: 【X】即… under 有关词语解释
    text = (
        "为推动“十四五”规划顺利收官而不懈奋斗！\n\n---\n\n**有关词语解释**\n\n"
        "【三大动力】即改革、开放、创新三大动力。\n【强省会行动】即加快建设新时代美丽兰州的行动。\n"
    )
    found = {c.term: c for c in _notes(text) if c.kind == "note"}
    assert set(found) == {"三大动力", "强省会行动"}
    assert "改革、开放、创新" in found["三大动力"].definition


def test_sub_forms_of_a_compound_note() -> None:
    # 成都 2017: 六纵 and 六横 each hold under 六纵六横
    note = Candidate(
        "六纵六横骨干路网",
        "“六纵六横”骨干路网",
        "是指天府新区成都直管区的12条主要骨干道路。“六纵”分别是天府大道、剑南大道、益州大道、"
        "梓州大道、成自泸高速、货运大道。“六横”分别是武汉路、广州路、南宁路、深圳路、科学城路、"
        "第二绕城高速。",
    )
    parts = {c.term: c for c in sub_forms(note)}
    assert set(parts) == {"六纵", "六横"}
    assert all(c.kind == PART for c in parts.values())
    assert parts["六横"].members[0] == "武汉路"


def test_sub_forms_after_a_bare_comma() -> None:
    # 银川 2018: each piece of the label, then a comma and what it is
    note = Candidate(
        "一核三业五谷",
        "“一核三业五谷”",
        "“一核”，大数据产业核；“三业”，智慧服务业、智慧制造业和智慧文旅业；“五谷”，智慧制造谷、"
        "智慧生命谷、智慧服务业谷、智慧文旅谷、智慧能源谷。",
    )
    parts = {c.term: c.definition for c in sub_forms(note)}
    assert parts["五谷"].startswith("智慧制造谷") and parts["一核"] == "大数据产业核。"
    # a quoted piece a clause of the note merely names, after a comma, is none of them
    note = Candidate(
        "九个一",
        "“九个一”工作机制",
        "指12345热线的优化提升方向，始终坚持“一个中心”，以群众诉求为中心；做到“一号对外”，统一"
        "热线接听。",
    )
    assert sub_forms(note) == []


def test_sub_forms_defined_with_shi() -> None:
    # 南昌 2012: a counted piece of the label, then 是 and what it is
    note = Candidate(
        "一纵一横",
        "“一纵一横”公交专用道",
        "指我市为缓解交通拥堵而采取的措施，其中，“一纵”是阳明路（八一桥）—八一广场—井冈山大道"
        "（包家花园）;“一横”是洪城路（抚生路口）至解放西路。",
    )
    parts = {c.term: c.definition for c in sub_forms(note)}
    assert parts == {
        "一纵": "阳明路（八一桥）—八一广场—井冈山大道（包家花园）。",
        "一横": "洪城路（抚生路口）至解放西路。",
    }
    # 孝感 2023: a piece said again with 是 ends the one before and defines nothing
    note = Candidate(
        "六稳六保",
        "六稳六保",
        "“六稳”指的是稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期，“六保”指的是保居民就业、"
        "保基本民生、保市场主体、保粮食能源安全、保产业链供应链稳定、保基层运转。“六稳”是工作，"
        "“六保”是底线。",
    )
    parts = {c.term: c.definition for c in sub_forms(note)}
    assert parts["六稳"] == "稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。"
    assert parts["六保"].endswith("保基层运转。")
    # a name's part is no counted piece: “瞪羚”是一种羚羊
    note = Candidate(
        "瞪羚企业",
        "“瞪羚企业”",
        "“瞪羚”是一种善于跳跃和奔跑的羚羊，“瞪羚企业”是指高成长性中小企业。",
    )
    assert "瞪羚" not in {c.term for c in sub_forms(note)}


def test_sub_forms_defined_with_jiushi() -> None:
    # 武威 2023: each piece of the label, then 就是 and what it is
    note = Candidate(
        "一核三带",
        "“一核三带”",
        "“一核”就是以兰州和兰州新区为中心、以兰白一体化为重点、辐射带动定西临夏的一小时核心经济圈；"
        "“三带”就是以清洁能源及新材料和特色高效农业为重点的河西走廊经济带、以综合能源和先进装备制造"
        "为重点的陇东南经济带、以水源涵养和水土保持为重点的黄河上游生态功能带。",
    )
    parts = {c.term: c.definition for c in sub_forms(note)}
    assert parts["一核"].startswith("以兰州和兰州新区为中心")
    assert parts["三带"].endswith("黄河上游生态功能带。")


def test_no_sub_forms_where_the_pieces_are_used_not_defined() -> None:
    # 四川 2023: 以A为总牵引，以B为总抓手 — the text before each name is not its definition
    note = Candidate(
        "总牵引",
        "“总牵引”“总抓手”“总思路”",
        "省委十二届二次全会提出以成渝地区双城经济圈建设为总牵引，以“四化同步、城乡融合、五区共兴”"
        "为总抓手，坚持“讲政治、抓发展、惠民生、保安全”工作总思路。",
    )
    assert sub_forms(note) == []


@pytest.mark.parametrize(
    ("label", "definition", "expected"),
    [
        # 海口 2021: each piece's items, group by group, in the label's order
        (
            "四早、四集中",
            "早发现、早报告、早隔离、早治疗；集中患者、集中专家、集中资源、集中救治。",
            {
                "四早": ("早发现", "早报告", "早隔离", "早治疗"),
                "四集中": ("集中患者", "集中专家", "集中资源", "集中救治"),
            },
        ),
        # 赣州 2024: each group led by its verb
        (
            "三大高地、五大战略",
            "打造革命老区高质量发展高地、内陆地区改革开放高地、国家生态文明建设高地，实施产业升级战略、"
            "项目带动战略、科教强省战略、省会引领战略、治理强基战略。",
            {
                "三大高地": (
                    "革命老区高质量发展高地",
                    "内陆地区改革开放高地",
                    "国家生态文明建设高地",
                ),
                "五大战略": (
                    "产业升级战略",
                    "项目带动战略",
                    "科教强省战略",
                    "省会引领战略",
                    "治理强基战略",
                ),
            },
        ),
        # 荆门 2020: the pieces up to one that counts nothing (两禁两限)
        (
            "七不准、四公开、两禁两限",
            "不准以贷转存、不准存贷挂钩、不准以贷收费、不准浮利分费、不准借贷搭售、不准一浮到顶、不准转嫁"
            "成本；收费项目公开、服务质价公开、优惠政策公开、效用功能公开；除银团贷款外，商业银行不得对小型"
            "微型企业贷款收取承诺费、资金管理费。",
            {
                "七不准": 7,
                "四公开": ("收费项目公开", "服务质价公开", "优惠政策公开", "效用功能公开"),
            },
        ),
        # 株洲 2016: an item's own verb stays (审批事项进驻…落实到位, not 到位)
        (
            "两集中、两到位",
            "即推动行政审批职能向一个科室集中、审批科室向政务服务中心集中，审批事项进驻政务服务中心落实"
            "到位、审批窗口授权到位。",
            {"两集中": 2, "两到位": ("审批事项进驻政务服务中心落实到位", "审批窗口授权到位")},
        ),
        # 广州 2024: groups in another order than the label (轴, 核, 脉 for 脉, 轴, 核) are none
        (
            "“三脉”传承发展、“三轴”融合互动、“三核”联动发展",
            "广州市委十二届六次全会报告提出，优化城市发展战略空间格局，推动城市老中轴、新中轴、活力创新轴"
            "融合互动，实现老城区“历史文化核”、东部中心“现代活力核”、南沙“未来发展核”联动发展，"
            "推动广州千年城脉、文脉、商脉传承发展。",
            {},
        ),
        # a group of another length than its piece's count: the groups do not follow the pieces
        ("两不愁、三保障", "不愁吃、不愁穿，义务教育和基本医疗有保障。", {}),
        # 永州 2020: one group per piece, each ended by ；, a piece of one thing its whole group
        (
            "一谷、两中心、四基地",
            "指亲水河科技谷；潇湘科技创新中心、中国古巴生物技术联合创新中心；智能装备产业示范基地、"
            "天然植物提取及化妆品产业示范基地、华为大数据及信息化产业示范基地、军民融合发展产业示范基地。",
            {
                "一谷": 0,
                "两中心": ("潇湘科技创新中心", "中国古巴生物技术联合创新中心"),
                "四基地": 4,
            },
        ),
        # 三亚 2021: a group that names its piece first; 长沙 2024: 在建 is the item's word
        (
            "一中心、一城、一区、三重点",
            "一中心，指国际旅游消费中心；一城，指崖州湾科技城；一区，指三亚中央商务区；三重点指民生、"
            "生态、社会治理。",
            {"一中心": 0, "一城": 0, "一区": 0, "三重点": ("民生", "生态", "社会治理")},
        ),
        # 七台河 2020: a compound written as one, split by its numerals
        (
            "三减三健",
            "2017 年5 月26 日，国家卫计委例行新闻发布会上指出，重点开展“三减三健”专项行动，即：减盐、"
            "减油、减糖，健康口腔、健康体重、健康骨骼。",
            {"三减": ("减盐", "减油", "减糖"), "三健": ("健康口腔", "健康体重", "健康骨骼")},
        ),
        (
            "两清单、两增量",
            "即在建投产项目清单和对接扩能项目清单；产值税收增量和规专企业增量。",
            {"两清单": ("在建投产项目清单", "对接扩能项目清单"), "两增量": 2},
        ),
    ],
)
def test_sub_forms_by_counts(label: str, definition: str, expected: dict[str, object]) -> None:
    found = {c.term: c for c in sub_forms(Candidate(label, label, definition))}
    parts = {term: c.members for term, c in found.items()}
    assert set(parts) == set(expected)
    # a piece of one thing has no members: its definition is the group
    assert found.get("一谷") is None or found["一谷"].definition == "亲水河科技谷。"
    for term, want in expected.items():
        assert parts[term] == want if isinstance(want, tuple) else len(parts[term]) == want


@pytest.mark.parametrize(
    ("term", "label", "forms"),
    [
        ("雪亮工程", "“雪亮”工程", {"雪亮工程", "雪亮"}),
        # a date in the label names the event, not the form
        ("1+2规划方案", "“6·1”芦山地震“1+2”规划方案", {"1+2", "6·1芦山地震1+2规划方案"}),
    ],
)
def test_label_forms(term: str, label: str, forms: set[str]) -> None:
    note = Candidate(term, label, "“1”即《灾后恢复重建实施规划》；“2”即两个专项规划。")
    assert {c.term for c in label_forms(note)} >= forms - {term}
    assert "6·1" not in {c.term for c in label_forms(note)}


def test_footnote_marker_glued_to_the_body_form() -> None:
    # the note of marker [10] is labelled with a longer name than the body's quoted form
    text = (
        "深入推进“六水共治”[10]，打好治水攻坚战。\n\n**注 释**\n\n"
        "**[9] 双碳：**碳达峰、碳中和。\n\n"
        "**[10] 六水共治工作：**治污水、保供水、排涝水、防洪水、抓节水、优海水。\n"
    )
    found = {c.term: c for c in _notes(text)}
    assert found["六水共治"].kind == PART
    assert found["六水共治"].definition.startswith("治污水")
    assert found["双碳"].kind == "note"


def test_a_bare_count_is_not_a_form_of_its_label() -> None:
    # 四平 2021: 五大 of “五大工程” would name 五大提升 and 五大理念 too
    note = Candidate("五大工程", "“五大工程”", "黑土地保护利用五大工程。")
    assert "五大" not in {c.term for c in label_forms(note)}


# ---------------------------------------------------------------------------- the paragraph


@pytest.mark.parametrize(
    ("text", "form", "members"),
    [
        # 呼和浩特 2024: quoted items, each opening with the form's word
        (
            "过去一年，我们全力建设“五宜城市”，首府人口虹吸能力进一步增强。围绕“宜居”城市建设，"
            "完成老旧小区改造309个；围绕“宜业”城市建设，实施国家公共就业服务示范项目；"
            "围绕“宜学”城市建设，出台支持教育发展10条硬措施；围绕“宜养”城市建设，实施国家"
            "公立医院改革；围绕“宜游”城市建设，伊利草原乳文化旅游景区获评国家5A级景区。\n",
            "五宜城市",
            ("宜居", "宜业", "宜学", "宜养", "宜游"),
        ),
        # 中卫 2025
        (
            "“四新”产业集聚成势。“新材料”加快发展，晨光项目建成投产。“新能源”加快壮大，"
            "明阳中宁光伏项目建成投运。“新基建”加快布局，广电一期建成。“新业态”加快培育。\n",
            "四新",
            ("新材料", "新能源", "新基建", "新业态"),
        ),
        # 呼和浩特 2024: the sentences' subjects, each ending with the form's word
        (
            "过去一年，我们全力培育“六大产业集群”，有力扭转了首府二产不强的被动局面。"
            "绿色农畜产品加工产业集群迈上全新台阶。电子信息技术产业集群集聚效应全面释放。"
            "新材料和现代装备制造产业集群龙头带动效应明显。生物医药产业集群加快实施。"
            "清洁能源产业集群走出示范引领新路子。现代化工产业集群实现多链融合发展。"
            "“六大产业集群”产值实现2430亿元。\n",
            "六大产业集群",
            (
                "绿色农畜产品加工产业集群",
                "电子信息技术产业集群",
                "新材料和现代装备制造产业集群",
                "生物医药产业集群",
                "清洁能源产业集群",
                "现代化工产业集群",
            ),
        ),
        # 深圳 2026: a list later in the sentence, the word inside each item at one place
        (
            "深化“五育并举”，完善家校社协同育人机制，一体推进德育铸魂、智育启慧、体育强身、"
            "美育润心、劳育砺志，推进人工智能全学段教育。\n",
            "五育并举",
            ("德育铸魂", "智育启慧", "体育强身", "美育润心", "劳育砺志"),
        ),
        # 巴中 2021: 分别是： and a clause for each item, each holding the form's word
        (
            "今年市政府“八个一批”工作分别是：争取一批重大政策，挂牌推进一批重大项目，疏解一批老城"
            "城市功能，化解一批信访积案，防范化解一批债务金融风险，继续解决一批营商环境突出问题，"
            "治理一批交通和环保乱象，集中整治一批政府采购违规违法行为。\n",
            "八个一批",
            (
                "争取一批重大政策",
                "挂牌推进一批重大项目",
                "疏解一批老城城市功能",
                "化解一批信访积案",
                "防范化解一批债务金融风险",
                "继续解决一批营商环境突出问题",
                "治理一批交通和环保乱象",
                "集中整治一批政府采购违规违法行为",
            ),
        ),
        # 六盘水 2021: the whole word inside each item, the same short tail after it
        (
            "坚定不移强化“三个监管”，督促行业主管部门落实直接监管责任、安全监管部门落实综合"
            "监管责任、地方政府落实属地监管责任，建立政府、主管部门、企业为一体的监管机制。\n",
            "三个监管",
            (
                "督促行业主管部门落实直接监管责任",
                "安全监管部门落实综合监管责任",
                "地方政府落实属地监管责任",
            ),
        ),
        # 宁夏 2026: the numbered paragraphs right after, their common verbs dropped
        (
            "（一）坚定实施“五大战略”。\n"
            "一是坚定实施扩大内需战略，在加快推动消费投资增长上实现新突破。\n"
            "二是坚定实施产业兴区战略，在加快发展特色优势产业上实现新突破。\n"
            "三是坚定实施创新驱动战略，在加快培育新质生产力上实现新突破。\n"
            "四是坚定实施数字宁夏战略，在加快推进数实深度融合上实现新突破。\n"
            "五是坚定实施能源强区战略，在加快建设新型能源体系上实现新突破。\n",
            "五大战略",
            ("扩大内需战略", "产业兴区战略", "创新驱动战略", "数字宁夏战略", "能源强区战略"),
        ),
        # 呼和浩特 2024: clauses that are a verb and an item ending with the form's word
        (
            "开展工业园区“三个行动”，实施承载能力大提升行动，强化园区资源要素保障；实施配套"
            "产业大引进行动，新建一批标准厂房；实施助力企业大帮扶行动，推进“政务服务进园区”。\n",
            "三个行动",
            ("承载能力大提升行动", "配套产业大引进行动", "助力企业大帮扶行动"),
        ),
        # 汕头 2021: forms in a heading, each named by the paragraphs of its section that open
        # with an item ending in its word, up to the next heading of that level
        (
            "（三）全力打造“一枢纽”“四高地”“两中心”，提升省域副中心城市发展能级\n\n"
            "加快建设区域教育高地。全力支持汕头大学加强学科建设。\n\n"
            "加快建设区域医疗高地。加快优质医疗资源扩容。\n\n"
            "加快建设区域文化高地。建设公共文化服务体系。\n\n"
            "加快建设区域商贸高地。建设区域消费中心城市。\n\n"
            "（四）坚持创新驱动\n",
            "四高地",
            ("区域教育高地", "区域医疗高地", "区域文化高地", "区域商贸高地"),
        ),
        # 银川 2018: the heading's first sentence, its section's items, the verbs they share
        # dropped (推进…行动)
        (
            "（四）聚焦宜居发展，推进“四项行动”，加快建设西北地区重要中心城市。倍加珍视资源环境。\n\n"
            "推进银川都市圈引领发展行动。制定银川都市圈规划。\n\n"
            "推进城市功能提升行动。坚持精致规划。\n\n"
            "推进农业农村优先发展行动。制定乡村振兴三年行动。\n\n"
            "推进社会治理提升行动。优化智慧城市运行管理。\n\n"
            "三、加强政府自身建设\n",
            "四项行动",
            (
                "银川都市圈引领发展行动",
                "城市功能提升行动",
                "农业农村优先发展行动",
                "社会治理提升行动",
            ),
        ),
        # 朝阳 2021: the verbs every item opens with (坚决打赢) dropped
        (
            "（二）坚决打赢“三大攻坚战”\n"
            "坚决打赢脱贫攻坚战。巩固成果。\n"
            "坚决打赢污染防治攻坚战。改善环境。\n"
            "坚决打赢防范化解重大风险攻坚战。化解债务。\n"
            "（三）深化改革\n",
            "三大攻坚战",
            ("脱贫攻坚战", "污染防治攻坚战", "防范化解重大风险攻坚战"),
        ),
    ],
)
def test_items_named_in_the_paragraph(text: str, form: str, members: tuple[str, ...]) -> None:
    assert _members(items_named(text, None))[form] == members


@pytest.mark.parametrize(
    "text",
    [
        # 玉林 2023: a list of the next sentence is another slogan's
        "兜牢基层“三保”底线。扎实做好保交楼、保民生、保稳定各项工作。\n",
        # 合肥 2026: two quoted words that open with 碳 are chance
        "深入实施“双碳”行动，全省首创“碳惠庐州”碳普惠试点，创建“碳中和”工厂1家。\n",
        # 湖南 2024: 高 opens the three goals, not the three 高地
        "聚焦打造“三个高地”，统筹高质量发展、高水平安全、高品质生活。\n",
        # 苏州 2012: two items with 化 at one place are not 两化融合
        "工业化与信息化“两化融合”，推进产业高端化、技术高新化。\n",
        # 江门 2018: a clause whose object holds the word names no item
        "建设“三个新城”。滨江新区立足于打造滨水园林新城区。科创新城加快集聚创新资源。"
        "枢纽新城以大项目建设为抓手。\n",
        # 福州 2006: a list further on in the sentence, opening with the word, is a goal
        "加大“三农”工作力度，实现农业增效、农民增收、农村稳定。\n",
        # 惠州 2021: a joiner inside an item: the list opens later
        "推进“两河”流域和沙河、公庄河治理。\n",
        # 重庆: two names joined, the first a place's
        "打造“三峡库心·长江盆景”，提升三峡制造、三峡农家、三峡文旅影响力。\n",
        # one clause more than the numeral says
        "开展“两个行动”，实施承载能力大提升行动；实施配套产业大引进行动；实施助力企业大帮扶行动。\n",
        # one quoted item more than the numeral says
        "“三新”产业集聚成势。“新材料”加快发展。“新能源”加快壮大。“新基建”加快布局。"
        "“新业态”加快培育。\n",
        # a heading's section naming one item more than its form counts
        "（一）强化“两大支撑”\n产业支撑。a\n项目支撑。b\n园区支撑。c\n（二）下一节\n",
        # a form after the heading's first sentence is not the heading's
        "（一）强化产业。推进“两大支撑”\n产业支撑。a\n项目支撑。b\n（二）下一节\n",
        # a section whose items stand past the next heading of its level are not its own
        "（一）强化“三大支撑”\n产业支撑。a\n项目支撑。b\n（二）下一节\n园区支撑。c\n",
    ],
)
def test_items_named_negatives(text: str) -> None:
    assert items_named(text, None) == []


# ---------------------------------------------------------------------------- all readers


def test_definitions_orders_strong_readings_before_weak_ones() -> None:
    text = (
        "推进“两新”（新基建、新城建），持续实施垃圾、污水、厕所“三大革命”。\n\n附注\n"
        "1.“五化”：绿化、美化、照明化、净化、智化。\n"
    )
    kinds = [c.kind for c in definitions(text)]
    first_weak = next(i for i, k in enumerate(kinds) if k in WEAK)
    assert first_weak and all(k not in WEAK for k in kinds[:first_weak])
    assert all(k in WEAK for k in kinds[first_weak:]) and "list" in kinds
    assert {c.term for c in definitions(text)} >= {"两新", "三大革命", "五化"}


def test_a_note_spells_out_other_forms_as_the_body_does() -> None:
    """南昌 2012: the note on “六个率先” spells out “双轮驱动”, which the body uses bare: the
    list before the form is read in the note too (a weak reading, after the notes' own)."""
    text = (
        "坚持“双轮驱动”，加快发展。\n\n名词解释\n"
        "4、“六个率先”:指南昌的举措:一是率先转变经济发展方式，坚持传统产业和新兴产业“双轮驱动”、"
        "二产和三产“两业并举”;二是率先成为龙头。\n"
    )
    read = {c.term: c for c in definitions(text)}
    assert read["双轮驱动"].members == ("传统产业", "新兴产业")
    assert read["双轮驱动"].kind in WEAK and read["双轮驱动"].start > text.find("名词解释")


def test_a_note_spells_out_a_form_in_parentheses_as_the_body_does() -> None:
    """珠海 2022: the note on “三整治” spells out “三线” in parentheses; the body's bare use
    takes it. A “X”即… inside another note's explanation is that note's, not read apart."""
    text = (
        "整治“三线”，美化市容。\n\n名词解释\n"
        "12.“三整治”：“三整治”指整治垃圾乱扔乱放，整治污水乱排乱倒，"
        "整治“三线”（电力、电视、通信线）乱搭乱接。\n"
        "13.“1+5”政策：“六稳”即稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。\n"
    )
    read = {c.term: c for c in definitions(text) if c.kind == "inline"}
    assert read["三线"].members == ("电力", "电视", "通信线")
    assert read["三线"].start > text.find("名词解释")
    assert "六稳" not in read


@pytest.mark.parametrize(
    "text",
    [
        "推进“两新”（新基建、新城建）。实现“三个高地”。一是甲高地。二是乙高地。三是丙高地。\n\n",
        "整治“三线”。\n\n名词解释\n12.“三整治”：指整治“三线”（电力、电视、通信线）乱搭乱接。\n",
    ],
)
def test_marks_read_the_same_as_the_whole_text(text: str) -> None:
    from glossary.readers import MARKS

    marks = [
        (k, m.start())
        for k, mark in enumerate(MARKS)
        for m in re.finditer(re.escape(mark.word), text)
    ]
    whole = [(c.term, c.definition) for c in definitions(text)]
    assert (
        whole
        and [(c.term, c.definition) for c in definitions(text, sorted(marks, key=lambda x: x[1]))]
        == whole
    )


@pytest.mark.parametrize(
    ("text", "form", "full"),
    [
        ("抓住“十四冬”机遇。成功举办第十四届全国冬季运动会。", "十四冬", "第十四届全国冬季运动会"),
        ("完成“七人普”。第七次全国人口普查顺利完成。", "七人普", "第七次全国人口普查"),
        ("办好“九运会”。第九届全运会在广州举行。", "九运会", "第九届全运会"),
    ],
)
def test_full_form_of_a_numbered_short_form(text: str, form: str, full: str) -> None:
    assert [(c.term, c.definition) for c in full_forms(text)] == [(form, full)]


@pytest.mark.parametrize(
    "text",
    [
        # a slogan, not an event or a census, whatever 第三次… the text holds
        "做好“三农”工作。完成第三次全国农业普查。",
        "严控“三公”经费。举办第三届跨国公司领导人青岛峰会。",
        # no full form in the text
        "抓住“十四冬”机遇。",
    ],
)
def test_full_form_negatives(text: str) -> None:
    assert full_forms(text) == []


@pytest.mark.parametrize(
    ("term", "definition", "members"),
    [
        # the quotation that holds the list, not what stands around it (四平 2014, 四川 2021)
        (
            "四名",
            "全市卫生系统开展的创建“名院、名科、名医、名护”活动。",
            ("名院", "名科", "名医", "名护"),
        ),
        (
            "六有",
            "全省脱贫攻坚信息采集平台，要求达到“户有卡、村有册、乡有簿、县有档、市有卷、省有库”。",
            ("户有卡", "村有册", "乡有簿", "县有档", "市有卷", "省有库"),
        ),
        # the form's own opening quote after the last item (德阳 2021)
        (
            "四大革命",
            "农村垃圾、污水、厕所、彩钢棚“四大革命”。",
            ("农村垃圾", "污水", "厕所", "彩钢棚"),
        ),
        # the last item run on into the form (昌都 2023), or into it quoted (石嘴山 2023)
        (
            "六废联治",
            "建筑垃圾、生活垃圾、危险废物、畜禽粪污、工业固废、电子废弃物“六废联治”。",
            ("建筑垃圾", "生活垃圾", "危险废物", "畜禽粪污", "工业固废", "电子废弃物"),
        ),
        ("四方责任", "属地、部门、单位、个人四方责任。", ("属地", "部门", "单位", "个人")),
        # the form's word after the last item alone (四川 2005, 贺州 2021), the last then
        # ending as the others do (银川 2024, 汕尾 2023); not a word every item holds
        # (揭阳 2022), nor the object of a verb (甘孜 2019)
        (
            "五良配套",
            "良壤、良种、良灌、良制、良法配套。",
            ("良壤", "良种", "良灌", "良制", "良法"),
        ),
        ("三企入桂", "央企、湾企、民企入桂。", ("央企", "湾企", "民企")),
        (
            "六权改革",
            "用水权、土地权、用能权、排污权、山林权、碳排放权改革。",
            ("用水权", "土地权", "用能权", "排污权", "山林权", "碳排放权"),
        ),
        (
            "四项收入",
            "工资性、经营性、转移性、财产性收入。",
            ("工资性", "经营性", "转移性", "财产性"),
        ),
        (
            "五个工作专班",
            "重点项目工作专班、工业稳增长工作专班、外贸高质量发展工作专班、财税工作专班、招商选资工作专班。",
            (
                "重点项目工作专班",
                "工业稳增长工作专班",
                "外贸高质量发展工作专班",
                "财税工作专班",
                "招商选资工作专班",
            ),
        ),
        (
            "六个常态",
            "畅通渠道、接访下访、积案攻坚、排矛化纠、依法规范、推进改革成为常态。",
            ("畅通渠道", "接访下访", "积案攻坚", "排矛化纠", "依法规范", "推进改革成为常态"),
        ),
        # the verb before the first item and the kind after the last (孝感 2023, 兰州 2025)
        (
            "三有推定",
            "坚持群众诉求有理、相关部门有责、信访事项有解。",
            ("群众诉求有理", "相关部门有责", "信访事项有解"),
        ),
        (
            "六乱",
            "即在城市管理中存在的乱堆放、乱泼倒、乱涂画、乱停放、乱摆占、乱悬挂等突出问题。",
            ("在城市管理中存在的乱堆放", "乱泼倒", "乱涂画", "乱停放", "乱摆占", "乱悬挂"),
        ),
        # what the clause after 指 lists (惠州 2023)
        (
            "五外联动",
            "五外，指外贸、外资、外包、外经、外智。",
            ("外贸", "外资", "外包", "外经", "外智"),
        ),
    ],
)
def test_members_are_the_items_alone(term: str, definition: str, members: tuple[str, ...]) -> None:
    from glossary.readers.base import list_members

    assert list_members(term, definition) == members


def test_a_note_whose_label_stands_alone_cites_its_explanation_too() -> None:
    # 滨州 2025: the label on its own line, the explanation in the paragraph below
    text = (
        "推进“一刻钟便民生活圈”建设。\n\n用语说明\n\n19.一刻钟便民生活圈\n\n"
        "以社区居民为服务对象，服务半径为步行一刻钟（15分钟）左右范围，以满足居民日常生活基本消费和"
        "品质消费为目标的多业态社区商圈。\n\n20.高效办成一件事\n\n聚焦企业和群众眼中的“一件事”。\n"
    )
    (c,) = [c for c in definitions(text) if c.term == "一刻钟便民生活圈"]
    assert c.quote.startswith("一刻钟便民生活圈……以社区居民为服务对象")
    assert text[c.start : c.start + len("一刻钟便民生活圈")] == "一刻钟便民生活圈"
