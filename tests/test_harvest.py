"""Harvest: the Luojiang notes, the 15 harvest-dev reports against their listed notes, inline forms."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.cli import main
from glossary.dictionary import fold_for_quote
from glossary.harvest import harvest, harvest_report

from .conftest import DATA, SEEDS

LUOJIANG = (SEEDS / "luojiang-2024-government-work-report.txt").read_text(encoding="utf-8")
DEV = sorted((DATA / "harvest-dev").glob("*.md"))


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
    gold = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))["footnotes"]
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
