"""Boundary rules: each a general rule with a table of real-looking text."""

from __future__ import annotations

from pathlib import Path

import pytest

import glossary
from glossary.matcher import RULES

from .conftest import SEED_REPORTS

RULES_TEXT = {str(rule): reason for rule, reason in RULES.items()}


def found(g: glossary.Glossary, text: str, region: str = "洛江区") -> list[str]:
    return [m.surface for m in g.annotate(text, region).matches]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a digit adjacent to a numeric formula or code
        ("完善园区“3+2+1”生活配套", ["3+2+1"]),
        ("编号13+2+1的项目", []),
        ("建成123660平方米", []),
        ("全年2013137元", []),
        ("“2366”生态警务新模式", ["2366"]),
        # a numeral code that is a count
        ("帮扶2366户困难群众", []),
        # a formula that goes on
        ("实施“2+1+6”工程", []),
        ("构建“1+6+X”体系", []),
        ("推进“1+6”乡村振兴", ["1+6"]),
        # a longer slogan that contains a shorter one
        ("落实“三公一大”制度", ["三公一大"]),
        ("压减三公经费", ["三公"]),
        ("打造“1+3+2”格局", ["1+3+2"]),
        ("构建“1+3+N”模式", ["1+3+N"]),
        # ordinals and article numbers
        ("根据第二十条规定", []),
        ("出台“二十条”措施", ["二十条"]),
        # measure words and units after a short numeral form
        ("新建道路三公里", []),
        ("商品八五折销售", []),
        ("开展“八五”普法", ["八五"]),
        # a closing 一 that starts the next word
        ("推进医共体“六个一体化”运行", []),
        ("总结“六个一”经验做法", ["六个一"]),
        # inside a longer proper name (not_in)
        ("位于五化大厦三楼", []),
        ("推进“五化”工程", ["五化"]),
        ("评选五好家庭", []),
        # run together with more numerals, or a quote that holds another numeric slogan
        ("创建“五好两宜”乡村", []),
        ("建设“五好”乡镇", ["五好"]),
        # quoted lists of slogans keep each one
        ("增强“四个意识”、做到“两个维护”", ["四个意识", "两个维护"]),
    ],
)
def test_boundaries(mini: glossary.Glossary, text: str, expected: list[str]) -> None:
    assert found(mini, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("３＋２＋１", ["３＋２＋１"]),
        ("3 + 2 + 1", ["3 + 2 + 1"]),
        ("１+３+Ｎ", ["１+３+Ｎ"]),
        ("1+3+n模式", ["1+3+n"]),
        ("兩個維護", ["兩個維護"]),
        ("四個意識", ["四個意識"]),
        ("規上企業", ["規上"]),
        ("规模以上工业", ["规模以上"]),
    ],
)
def test_variant_spellings(mini: glossary.Glossary, text: str, expected: list[str]) -> None:
    assert found(mini, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("实现“双碳”目标", ["双碳"]),  # match: quoted
        ("围绕双碳目标", []),
        ("遏制“两高”项目盲目发展", ["两高"]),  # match: cue
        ("推进两高建设", []),
    ],
)
def test_per_term_match_rules(mini: glossary.Glossary, text: str, expected: list[str]) -> None:
    assert found(mini, text) == expected


def test_offsets_point_into_original_text(mini: glossary.Glossary) -> None:
    text = "𠀀全角“３＋２＋１”与繁体“兩個維護”"
    for m in mini.annotate(text, "洛江区").matches:
        assert text[m.start : m.end] == m.surface


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        # wrong matches found by reading the annotator's output on the corpus reports
        # (三保 is not inside 三保障; 三保障 is a term of its own)
        ("巩固“两不愁三保障”成果，补齐“三保障”和饮水安全短板", "中国", ["两不愁三保障", "三保障"]),
        ("“两高”替代工程全线贯通，白濑水利枢纽", "泉州市", []),
        ("坚决遏制“两高”项目盲目发展", "泉州市", ["两高"]),
        ("持续打造资源、设施、服务三位一体的旅游环境", "泉州市", []),
        ("坚持水系、农田、村庄“三位一体”", "泉州市", ["三位一体"]),
        # 六个一 is not in it; 六个一体化 is a slogan of its own (Foshan's note explains it)
        ("推进紧密型县域医共体“六个一体化”运行", "泉州市", ["六个一体化"]),
        # a form that counts only in quotes hides no shorter form: 限上企业 written bare
        ("育一批食品规上限上企业，", "石狮市", ["规上", "限上"]),
        # a quotation that is a longer slogan or name of its own (judged new matches)
        ("以“四抓四提升”推动项目建设", "济南市", []),
        ("立足“三个最大”省情定位", "四川省", []),
        ("获评“全国双拥模范城”", "成都市", []),
        ("实施“三基工程”建设", "成都市", ["三基"]),
        # look-alikes: a rank; a name that begins with a numeral word and goes on as a name
        ("乌当综合排位名列全省前四名。", "贵阳市", []),
        ("国防动员和支前双拥等各项工作", "成都市", ["双拥"]),
        ("加快推进双拥公园、凤翔公园建设", "湘潭市", []),
        ("启动建设梅子路、四新大道、墨水湖大桥", "武汉市", []),
        ("推进双高路、武当路复线等项目", "十堰市", []),
        ("引入北京双创街等双创资源", "昆明市", ["双创"]),
        # judged wrong in the third sample: an ordinary word, a shape (泸州's “十字型” is quoted)
        ("加快全市政务服务“一体化”建设", "无锡市", []),
        ("尽快形成十字型的地下轨道交通骨架", "长春市", []),
        ("构建“十字型”高铁骨架", "泸州市", ["十字型"]),
        # imported two-character forms count only in quotes
        ("确保工作、改革两不误", "成都市", []),
        ("开工建设江南大道、双十路、南站路", "南宁市", []),
    ],
)
def test_corpus_rows(
    bundled: glossary.Glossary, text: str, region: str, expected: list[str]
) -> None:
    assert found(bundled, text, region) == expected


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        # a form that counts only in quotes is looked for right after an opening quote mark
        ("培育“雏鹰”企业", "湖北省", ["雏鹰"]),
        ("培育「雏鹰」企业", "湖北省", ["雏鹰"]),
        ("培育‘雏鹰’企业", "湖北省", ["雏鹰"]),
        ("培育雏鹰企业", "湖北省", []),
        # ... and in a list of known forms inside quotes, after the first
        ("推动“个转企、小升规”工作", "浙江省", ["个转企", "小升规"]),
        ("落实安全生产“一岗双责、党政同责”制度", "湖南省", ["一岗双责", "党政同责"]),
        ("大力培育“雏鹰、瞪羚、独角兽”企业", "湖北省", ["雏鹰", "瞪羚", "独角兽"]),
        # ... and right after 等“, a mark the annotator looks for in the same pass
        ("开展等“三问”活动", "湖南省", ["三问"]),
        # written bare it hides nothing inside it: 中央八项规定 holds 八项规定
        ("严格落实中央八项规定精神", "陕西省", ["八项规定"]),
        # but a numeral compound keeps its later parts (两新 is a piece of 四高两新) ...
        ("推进四高两新建设", "重庆市", []),
        # ... not a form with no numeral before it
        ("推进村级公益事业建设一事一议财政奖补", "湖北省", ["一事一议"]),
        # a slogan may run on into a form that counts only in quotes
        ("制定并有序实施三大攻坚战三年行动方案", "广西壮族自治区", ["三大攻坚战"]),
    ],
)
def test_forms_only_in_quotes(
    bundled: glossary.Glossary, text: str, region: str, expected: list[str]
) -> None:
    assert found(bundled, text, region) == expected


def test_shipped_table_is_fresh(bundled: glossary.Glossary) -> None:
    """Fails after the dictionary or the rules change: run `python tools/build_data.py`."""
    from glossary.matcher import build_table, bundled_table
    from glossary.readers import WORDS as MARKS

    shipped = bundled_table(MARKS)
    assert shipped is not None, "glossary/data/matcher.bin is stale or missing"
    d = bundled.dictionary
    assert shipped == build_table(d.terms, d.not_slogans, MARKS), "matcher.bin is stale"
    assert bundled._matcher._patterns is shipped.patterns  # the bundled annotator uses it


def test_bare_spellings_read_as_an_automaton(bundled: glossary.Glossary) -> None:
    """The bare spellings are searched without an automaton of their own: the same hits, on
    the seeds whole and in the 40-character windows the matcher reads."""
    import ahocorasick_rs

    matcher = bundled._matcher
    table = matcher._table
    assert table.pairs is not None and matcher._bare._pairs is table.pairs  # shipped, not built
    automaton = ahocorasick_rs.AhoCorasick(
        table.patterns[: table.bare], matchkind=ahocorasick_rs.MATCHKIND_LEFTMOST_LONGEST
    )
    for path in SEED_REPORTS:
        text = path.read_text(encoding="utf-8")
        pieces = [text, *(text[i : i + 40] for i in range(0, len(text), 37))]
        for piece in pieces:
            expected = automaton.find_matches_as_indexes(piece)
            assert matcher._bare.find_matches_as_indexes(piece) == expected


@pytest.mark.parametrize(
    "text",
    [
        "坚持“兩個維護”，培育規上企業，增強“四個意識”",  # traditional
        "做到“两个维护”与“兩個維護”，等“四个意识”",  # both, and a mark before a quote
        "西安市鄠邑区推进“三改一拆”和“两个维护”",  # a rare place name's character
        "推进“三改一拆”，深化“放管服”改革",  # none: one automaton
    ],
)
def test_rare_characters_read_as_by_every_pattern(bundled: glossary.Glossary, text: str) -> None:
    """The text automaton leaves out the patterns that hold a character outside GB 2312 and
    reads a text that has one again with them all: hits, marks and rejections as one
    automaton of every pattern gives them."""
    from glossary.matcher import Matcher
    from glossary.readers import WORDS as MARKS

    split = bundled._matcher
    table = split._table
    assert 0 < table.common < len(table.view) and table.rare
    d = bundled.dictionary
    whole = Matcher(d.terms, d.not_slogans, MARKS, table=table._replace(common=-1, rare=""))
    results = []
    for matcher in (split, whole):
        marks: list[tuple[int, int]] = []
        rejected: list[tuple[str, int, int, object]] = []
        results.append((matcher.find(text, marks, rejected), marks, rejected))
    assert results[0] == results[1]
    assert results[0][0]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        # a longer name listed in not_in (三保's 三保障) that is a term of its own is matched
        ("确保“三保障”全面落实", "三保障"),
        ("兜牢“三保”底线", "三保"),
    ],
)
def test_a_not_in_name_that_is_a_term_is_matched(
    bundled: glossary.Glossary, text: str, term: str
) -> None:
    assert [m.term.term for m in bundled.annotate(text, document=False).matches] == [term]


# each rule by name, on the corpus text where it turned a spelling down (held-out reports)
@pytest.mark.parametrize(
    ("text", "surface", "rule"),
    [
        ("聚焦“三区一堡”建设，自贸试验", "三区", "numeral-goes-on"),
        ("积极推进“5+3+1”郊区三级医", "5+3", "formula-goes-on"),
        ("清洁城市、整治脏乱”和“百镇千村清洁保洁”行动", "百镇千村", "quote-holds-more"),
        ("完善预防、保险、康复三位一体的工伤保障", "三位一体", "no-cue"),
        ("严格落实“八个一律”措施", "八个一", "count-of-things"),
        ("“100强赛事”第四名", "四名", "after-ordinal"),
        ("重点项目进展顺利，“１３４６”行动计划项目", "１３４", "code-goes-on"),
        ("明理工大学等5所高校共建双创学院", "双创", "name-goes-on"),
        ("全长三公里", "三公里", "blocked"),
    ],
)
def test_each_rule_says_its_name(
    bundled: glossary.Glossary, text: str, surface: str, rule: str
) -> None:
    why = {(r.surface, r.rule) for r in bundled.rejected(text)}
    assert (surface, rule) in why
    assert surface not in found(bundled, text)


@pytest.mark.parametrize(
    ("form", "text", "rule"),
    [("三名", "进入全省前三名", "rank"), ("三公", "全长三公里", "unit-word")],
)
def test_rules_on_a_form_of_their_own(form: str, text: str, rule: str) -> None:
    from glossary.matcher import RULES, Matcher, Rule
    from glossary.model import Citation, Sense, Term

    term = Term(form, (Sense(f"{form}@中国", "中国", form, Citation("r", "q")),))
    turned: list[tuple[str, int, int, Rule]] = []
    assert Matcher([term]).find(text, None, turned) == []
    assert [(s, str(r)) for s, _, _, r in turned] == [(form, rule)]
    assert set(RULES) == set(Rule)  # every rule is explained


def test_annotate_why_names_the_rule(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from glossary.cli import main

    doc = tmp_path / "r.txt"
    doc.write_text("推进13+2+1，第五化工作", encoding="utf-8")
    out = CliRunner().invoke(main, ["annotate", "--why", str(doc)]).output.splitlines()
    assert out == [
        f"{doc}:1:4: 3+2+1 — formula-goes-on: {RULES_TEXT['formula-goes-on']}",
        f"{doc}:1:11: 五化 — after-ordinal: {RULES_TEXT['after-ordinal']}",
    ]
