"""The curation step's tools: a fragment of hand entries checked (tools/check_entries.py) and
merged into the hand file in its own style (tools/merge_entries.py)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from glossary.dictionary import load_dictionaries

TOOLS = Path(__file__).resolve().parent.parent / "tools"
sys.path.insert(0, str(TOOLS))

import check_entries  # noqa: E402
import merge_entries  # noqa: E402
import uncued_national  # noqa: E402
import unmet_uses  # noqa: E402

QUOTE = "完善三孩生育政策配套措施，将3岁以下婴幼儿照护费用纳入个人所得税专项附加扣除"
GOOD = f"""terms:
- term: 三孩
  senses:
  - id: 三孩@中国
    scope: 中国
    definition: 一对夫妻可以生育三个子女。
    en: the three-child policy (translation by this project)
    source: {{ref: state-council-2022, at: 正文, quote: {QUOTE}}}
- term: 五育并举
  senses:
  - id: 五育并举@测试
    scope: 泉州市
    definition: 德育、智育、体育、美育、劳动教育。
    en: five-fold education (translation by this project)
    source: {{ref: state-council-2022, at: 正文, quote: {QUOTE}}}
- term: 三孩配套
  senses:
  - id: 三孩配套@中国
    scope: 中国
    status: undocumented
    source: {{ref: state-council-2022, at: 正文, quote: {QUOTE}}}
"""


def _fragment(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "fragment.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_fragment_passes(tmp_path: Path) -> None:
    assert check_entries.check(_fragment(tmp_path, GOOD), tmp_path) == []


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (QUOTE, "这句话不在报告里", "quote not found"),
        ("五育并举@测试", "五化@洛江区", "taken by the dictionary"),
        ("scope: 泉州市", "scope: 泉州", "unknown scope"),
        ("five-fold education (translation by this project)", "five-fold education", "English"),
        (
            "ref: state-council-2022, at: 正文, quote: 完善",
            "ref: nowhere, at: 正文, quote: 完善",
            "unknown source",
        ),
        ("- term: 三孩\n", "- term: 13710\n", "quote a numeric form"),
        (
            "definition: 德育、智育、体育、美育、劳动教育。",
            "members: [德育, 智育]",
            "2 members, but",
        ),
    ],
)
def test_a_bad_fragment_is_refused(tmp_path: Path, old: str, new: str, problem: str) -> None:
    text = GOOD.replace(old, new, 1)
    assert text != GOOD
    found = check_entries.check(_fragment(tmp_path, text), tmp_path)
    assert any(problem in p for p in found), found


def test_merge_keeps_the_file_whole(tmp_path: Path) -> None:
    terms = tmp_path / "terms.yaml"
    shutil.copyfile(merge_entries.TERMS, terms)
    before = terms.read_text(encoding="utf-8")
    fragment = _fragment(tmp_path, GOOD)
    sources, added, appended = merge_entries.merge(fragment, tmp_path, terms)
    assert (sources, added, appended) == (0, 2, 1)
    after = terms.read_text(encoding="utf-8")
    # the undocumented 三孩@中国 is replaced, not repeated; 五育并举 joins its hand entry; a
    # new form is appended
    assert after.count("id: 三孩@中国") == 1 and "一对夫妻可以生育三个子女" in after
    assert len(after.splitlines()) > len(before.splitlines())
    merged = load_dictionaries([terms], bundled=False)
    sense = next(s for t in merged.terms if t.term == "三孩" for s in t.senses)
    assert sense.documented and sense.definition == "一对夫妻可以生育三个子女。"
    assert any(s.id == "五育并举@测试" for t in merged.terms for s in t.senses)
    assert merged.terms[-1].term == "三孩配套"


def test_a_form_twice_in_a_fragment_is_one_entry(tmp_path: Path) -> None:
    # two places' meanings of a new form, each written as an entry of its own (大班额 of 海南
    # and of 江西): the second's senses join the first's entry
    second = GOOD.split("- term: 三孩配套\n")[1].replace("三孩配套@中国", "三孩配套@福建省")
    terms = tmp_path / "terms.yaml"
    shutil.copyfile(merge_entries.TERMS, terms)
    fragment = _fragment(tmp_path, GOOD + "- term: 三孩配套\n" + second)
    assert merge_entries.merge(fragment, tmp_path, terms) == (0, 3, 1)
    merged = load_dictionaries([terms], bundled=False)
    (entry,) = [t for t in merged.terms if t.term == "三孩配套"]
    assert [s.id for s in entry.senses] == ["三孩配套@中国", "三孩配套@福建省"]


def test_a_source_written_as_a_block_is_one_line(tmp_path: Path) -> None:
    # a curator may write a new source as a block mapping: the file keeps one line a source
    block = (
        "sources:\n"
        "  state-council-2022:\n"
        "    title: 2022年国务院政府工作报告\n"
        "    issuer: 国务院\n"
        "    date: '2022-03-05'\n"
        "    file: seeds/national/state-council-2022-government-work-report.md\n"
    )
    terms = tmp_path / "terms.yaml"
    text = merge_entries.TERMS.read_text(encoding="utf-8")
    start = text.index("  state-council-2022:")
    end = text.index("\n", start) + 1
    terms.write_text(text[:start] + text[end:], encoding="utf-8")
    fragment = _fragment(tmp_path, block + GOOD)
    assert merge_entries.merge(fragment, tmp_path, terms)[0] == 1
    after = terms.read_text(encoding="utf-8")
    line = next(x for x in after.splitlines() if x.startswith("  state-council-2022:"))
    assert line == (
        "  state-council-2022: {title: 2022年国务院政府工作报告, issuer: 国务院, "
        "date: '2022-03-05', file: seeds/national/state-council-2022-government-work-report.md}"
    )
    merged = load_dictionaries([terms], bundled=False)
    assert merged.sources["state-council-2022"].date == "2022-03-05"


def test_a_new_form_takes_the_corpus_match_rule(tmp_path: Path) -> None:
    # 三孩配套 written bare in the reports (an ordinary phrase there) counts only in quotes, as
    # the import would have it; a form the reports quote every time matches bare too
    corpus = tmp_path / "corpus"
    texts = {
        "2021.md": "完善三孩配套措施。落实三孩配套政策。推进“两新五化”。",
        "2022.md": "三孩配套持续完善，“两新五化”扎实推进，“两新五化”见效。",
    }
    for name, text in texts.items():
        report = corpus / "政府工作报告-其他地市" / "泉州市" / name
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(text, encoding="utf-8")
    kept = [r for r in merge_entries.corpus_reports(corpus) if not r.held_out]
    assert len(kept) == 2  # neither report is in the held-out slice the rule leaves out
    rules = merge_entries.corpus_rules(["三孩配套", "两新五化"], corpus)
    assert rules == {"三孩配套": "quoted", "两新五化": "any"}
    terms = tmp_path / "terms.yaml"
    shutil.copyfile(merge_entries.TERMS, terms)
    merge_entries.merge(_fragment(tmp_path, GOOD), corpus, terms)
    merged = load_dictionaries([terms], bundled=False)
    assert next(t for t in merged.terms if t.term == "三孩配套").match == "quoted"


def test_uncued_national_senses_are_generic_counts_or_rivalled() -> None:
    import glossary

    g = glossary.load()
    found = uncued_national.candidates(g)
    assert "五大安全@中国" in found  # a generic count, not cued
    assert "四大板块@中国" not in found  # cued this round
    assert all(s.scope == "中国" and not s.cued and s.members for s in found.values())
    provincial = uncued_national.candidates(g, provinces=True)
    assert set(found) < set(provincial)
    assert "四化@贵州省" in provincial  # a generic count of one province


def test_uses_near_a_sense_words() -> None:
    from glossary.model import Citation, Sense

    s = Sense(
        "三大工程@中国", "中国", "三大工程", Citation("r"), members=("保障性住房建设", "城中村改造")
    )
    assert uncued_national.near("加快保障性住房、城中村改造等“三大工程”", 15, 19, s)
    assert not uncued_national.near("实施招商、招研、招才三大工程", 10, 14, s)


def test_a_hand_sense_may_take_the_id_of_the_imported_one_it_replaces(tmp_path: Path) -> None:
    # 五到位@昆明市 is imported (昆明 2020's note): a hand entry of that form and scope replaces it
    replacing = (
        GOOD.replace("- term: 五育并举", "- term: 五到位")
        .replace("五育并举@测试", "五到位@昆明市")
        .replace("scope: 泉州市", "scope: 昆明市")
    )
    assert check_entries.check(_fragment(tmp_path, replacing), tmp_path) == []
    elsewhere = replacing.replace("scope: 昆明市", "scope: 泉州市")
    found = check_entries.check(_fragment(tmp_path, elsewhere), tmp_path)
    assert any("taken by the dictionary" in p for p in found), found


def test_unmet_uses_are_placeholders_or_other_places_meanings_only() -> None:
    """河南 2025: 国之大者 has only 茂名's meaning (undecided, no national one), 双拥共建 a
    national placeholder, 菜篮子 a documented national meaning (met: in neither list)."""
    import glossary

    text = "心怀“国之大者”，推进“双拥共建”，保障“菜篮子”供应，心怀“国之大者”。"
    matches = glossary.load().annotate(text, "河南省").matches
    assert unmet_uses.unmet(matches, undocumented=False) == ["国之大者"]
    assert unmet_uses.unmet(matches, undocumented=True) == ["双拥共建@中国"]
