"""The loader: good and broken YAML, every schema error class, merging, the bundled data."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import glossary
from glossary.dictionary import check_dictionary, load_dictionaries
from glossary.numerals import leading_count
from glossary.quotes import fold_for_quote

HEAD = """\
schema: 1
sources:
  luojiang-2024:
    title: 洛江区政府工作报告
    file: seeds/luojiang-2024-government-work-report.txt
regions:
  中国: {}
  洛江区: {parent: 中国}
terms:
"""

GOOD_TERM = """\
  - term: 五化
    senses:
      - id: 五化@洛江区
        scope: 洛江区
        members: [绿化, 美化, 照明化, 净化, 智化]
        source: {ref: luojiang-2024, at: 附注8, quote: "“五化”:绿化、美化、照明化、净化、智化。"}
"""


def write(tmp_path: Path, body: str, name: str = "d.yaml") -> Path:
    path = tmp_path / name
    path.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    return path


def test_good_file_loads(tmp_path: Path) -> None:
    g = glossary.load(write(tmp_path, GOOD_TERM), bundled=False)
    assert [t.term for t in g] == ["五化"]
    assert g.lookup("五化").senses[0].members[2] == "照明化"


# each row: a body, the line the error must name, and words the message must hold
BROKEN = [
    ("  - term: 五化\n    senses: [\n", 12, "YAML syntax error"),
    (
        GOOD_TERM.replace("scope: 洛江区", "scope: 洛江区\n        colour: red"),
        14,
        "unknown key 'colour'",
    ),
    (GOOD_TERM.replace("      - id: 五化@洛江区\n", "      - \n"), 0, ""),
    (GOOD_TERM.replace("id: 五化@洛江区", "gloss: x"), 12, "missing 'id'"),
    (GOOD_TERM.replace("scope: 洛江区", "scope: 火星"), 12, "unknown scope '火星'"),
    (GOOD_TERM.replace("ref: luojiang-2024", "ref: nowhere"), 12, "unknown source 'nowhere'"),
    (GOOD_TERM.replace("绿化, 美化, ", ""), 12, "3 members, but the slogan counts 5"),
    (
        GOOD_TERM.replace(
            "        source:", "        source: {ref: luojiang-2024, quote: q}\n        x:"
        ).split("        x:")[0],
        0,
        "",
    ),
    (GOOD_TERM + GOOD_TERM.replace("term: 五化", "term: 五化工程"), 18, "duplicate sense id"),
    (
        GOOD_TERM.replace("members: [绿化, 美化, 照明化, 净化, 智化]", "gloss: g"),
        12,
        "no definition",
    ),
    (
        GOOD_TERM.replace("scope: 洛江区", "scope: 洛江区\n        status: undocumented"),
        12,
        "undocumented but has",
    ),
    (
        GOOD_TERM.replace("members: [绿化, 美化, 照明化, 净化, 智化]", "members: 绿化"),
        14,
        "must be a list",
    ),
    (
        "  - term: 3+2+1\n    senses:\n      - id: a\n        scope: 洛江区\n"
        "        parts: [{label: '3', members: [吃, 住]}]\n"
        "        source: {ref: luojiang-2024, quote: q}\n",
        12,
        "part '3' has 2 members, expected 3",
    ),
    ("  - term: x\n    senses: []\n", 11, "non-empty list of senses"),
    ("  - term: x\n    match: sometimes\n    senses: []\n", 11, "match must be one of"),
]
BROKEN = [b for b in BROKEN if b[2]]


@pytest.mark.parametrize(("body", "line", "words"), BROKEN)
def test_broken_files_name_the_line(tmp_path: Path, body: str, line: int, words: str) -> None:
    path = write(tmp_path, body)
    with pytest.raises(glossary.DictionaryError) as info:
        load_dictionaries([path], bundled=False)
    messages = [str(p) for p in info.value.problems]
    assert any(words in m for m in messages), messages
    assert any(m.startswith(f"{path}:{line}:") for m in messages if words in m), messages


def test_quote_checked_against_held_source(tmp_path: Path) -> None:
    (tmp_path / "seeds").symlink_to(Path(__file__).resolve().parent.parent / "seeds")
    good = check_dictionary([write(tmp_path, GOOD_TERM)])
    assert good.problems == () and good.quotes_checked == 1
    bad = check_dictionary([write(tmp_path, GOOD_TERM.replace("智化。", "智能化。"), "bad.yaml")])
    assert len(bad.problems) == 1 and "quote not found" in str(bad.problems[0])
    assert str(bad.problems[0]).startswith(f"{tmp_path / 'bad.yaml'}:12:")


@pytest.mark.parametrize(
    ("quote", "found"),
    [
        ("“五化”……绿化……智化", True),  # pieces in the text's order, what lies between left out
        ("“五化”……智化……绿化", False),  # out of order
        ("“五化”……绿化……智能化", False),  # a piece the text does not hold
    ],
)
def test_elided_quote_pieces_stand_in_order(tmp_path: Path, quote: str, found: bool) -> None:
    (tmp_path / "seeds").symlink_to(Path(__file__).resolve().parent.parent / "seeds")
    body = GOOD_TERM.replace("“五化”:绿化、美化、照明化、净化、智化。", quote)
    checked = check_dictionary([write(tmp_path, body)])
    assert (checked.problems == ()) is found and checked.quotes_checked == int(found)


def test_merge_later_file_wins_and_adds(tmp_path: Path) -> None:
    base = write(tmp_path, GOOD_TERM, "base.yaml")
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        textwrap.dedent("""\
        terms:
          - term: 五化
            senses:
              - id: 五化@洛江区
                scope: 洛江区
                definition: replaced
                source: {ref: luojiang-2024, quote: q}
              - id: 五化@中国
                scope: 中国
                status: undocumented
                source: {ref: luojiang-2024, quote: q}
    """),
        encoding="utf-8",
    )
    g = glossary.load(base, extra, bundled=False)
    senses = {s.id: s for s in g.lookup("五化").senses}
    assert senses["五化@洛江区"].definition == "replaced"
    assert set(senses) == {"五化@洛江区", "五化@中国"}


def test_bundled_plus_extra(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "terms:\n  - term: 测试口号\n    senses:\n      - {id: t@中国, scope: 中国, "
        "status: undocumented, source: {ref: luojiang-2024, quote: q}}\n",
        encoding="utf-8",
    )
    g = glossary.load(extra)
    assert g.lookup("测试口号") is not None and g.lookup("五化") is not None


@pytest.mark.parametrize(
    ("label", "n"),
    [
        ("五化", 5),
        ("两不愁", 2),
        ("双碳", 2),
        ("十大", 10),
        ("十四五", 14),
        ("3", 3),
        ("１２", 12),
        ("N", None),
        ("第一", None),
    ],
)
def test_leading_count(label: str, n: int | None) -> None:
    assert leading_count(label) == n


def test_fold_for_quote_tolerates_width_space_punctuation() -> None:
    assert fold_for_quote("“五化”: 绿化、美化") == fold_for_quote('"五化"：绿化美化')
    assert fold_for_quote("绿化") != fold_for_quote("美化")


def test_bundled_dictionary_validates() -> None:
    report = check_dictionary([Path(__file__).resolve().parent.parent / "data" / "terms.yaml"])
    assert report.problems == ()
    assert report.quotes_checked > 0


LAUGHS = (
    "schema: 1\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    + "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 10))
    + "terms: [*l9]\n"
)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        # nine levels of aliases (“billion laughs”) would expand to 9**10 strings
        (LAUGHS, 2, "anchors and aliases"),
        ("schema: 1\nterms:\n  - term: &t 五化\n    aliases: [*t]\n", 3, "anchors and aliases"),
        ("schema: 1\nterms:\n  - term: " + "五" * 30_000 + "\n", 3, "a string of 30,000"),
    ],
)
def test_hostile_files_are_refused_fast(tmp_path: Path, text: str, line: int, words: str) -> None:
    import time

    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(glossary.DictionaryError) as info:
        load_dictionaries([path], bundled=False)
    assert time.perf_counter() - start < 2
    (problem,) = info.value.problems
    assert words in str(problem) and str(problem).startswith(f"{path}:{line}:")


def test_oversized_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from glossary import schema

    monkeypatch.setattr(schema, "MAX_FILE_BYTES", 1000)
    path = write(tmp_path, GOOD_TERM * 20)
    with pytest.raises(glossary.DictionaryError) as info:
        load_dictionaries([path], bundled=False)
    assert "larger than" in str(info.value.problems[0])


def test_a_placeholder_gives_way_only_to_a_meaning_that_holds_everywhere() -> None:
    from glossary.merge import _documented_first
    from glossary.model import Citation, Sense, Term

    placeholder = Sense(
        "五个一百@湖北省", "湖北省", "五个一百", Citation("hb15", "加快实施服务业“五个一百”工程"),
        status="undocumented", gloss="湖北省服务业“五个一百”工程",
    )  # fmt: skip
    science = Sense(
        "五个一百@湖北省-科技", "湖北省", "五个一百", Citation("hb06"),
        definition="重点培育100家规模以上的高新技术企业……", cues=("自主创新",), cued=True,
    )  # fmt: skip
    # a documented meaning told apart by its cues leaves the placeholder its other uses
    kept = _documented_first(Term("五个一百", (science, placeholder)))
    assert kept.senses == (science, placeholder)
    # one that holds wherever the form stands says what the placeholder only used
    plain = Sense(science.id, science.scope, science.term, science.source, definition="…")
    assert _documented_first(Term("五个一百", (plain, placeholder))).senses == (plain,)
