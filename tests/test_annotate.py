"""The Python API on real seeds: Luojiang's notes, JSON contract, pickling, properties."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import glossary
from glossary.render.inline import CLOSE, OPEN

from .conftest import SEED_REPORTS, SEEDS

LUOJIANG = SEEDS / "luojiang-2024-government-work-report.txt"


def test_luojiang_wuhua_expanded(bundled: glossary.Glossary) -> None:
    text = LUOJIANG.read_text(encoding="utf-8")
    ann = bundled.annotate(text)
    assert ann.region == "洛江区" and ann.year == 2023
    wuhua = [m for m in ann.matches if m.term.term == "五化"]
    # the report's own 附注 explains it, before the dictionary (which has it from that note)
    assert wuhua and all(m.sense and m.sense.id == "五化@document" for m in wuhua)
    assert all("五化@洛江区" in {c.id for c in m.candidates} for m in wuhua)
    assert "“五化”〔绿化、美化、照明化、净化、智化〕" in ann.render("inline")
    alone = bundled.annotate(text, document=False)
    assert {m.sense.id for m in alone.matches if m.term.term == "五化" and m.sense} == {
        "五化@洛江区"
    }


@pytest.mark.parametrize("path", SEED_REPORTS, ids=lambda p: p.stem)
def test_matches_sorted_disjoint_and_exact(bundled: glossary.Glossary, path: object) -> None:
    text = SEEDS.joinpath(str(path)).read_text(encoding="utf-8")
    ann = bundled.annotate(text)
    last = 0
    for m in ann.matches:
        assert last <= m.start < m.end
        assert text[m.start : m.end] == m.surface
        last = m.end


def test_json_contract(bundled: glossary.Glossary) -> None:
    ann = bundled.annotate(LUOJIANG.read_text(encoding="utf-8"))
    data = json.loads(ann.render("json", source="x.txt"))
    assert set(data) >= {"source", "region", "matches"}
    m = data["matches"][0]
    assert set(m) >= {
        "start",
        "end",
        "surface",
        "term",
        "sense",
        "ambiguous",
        "candidates",
        "gloss",
        "definition",
        "members",
        "scope",
    }
    assert ann.text[m["start"] : m["end"]] == m["surface"]


def test_lookup(bundled: glossary.Glossary) -> None:
    assert bundled.lookup("“五化”") is bundled.lookup("五化")
    assert bundled.lookup("不存在的口号") is None
    assert len(bundled) == len(bundled.terms) == len(list(bundled))
    assert bundled.lookup("兩個維護") is bundled.lookup("两个维护")  # a variant spelling


def test_spelling_index_from_the_shipped_table(bundled: glossary.Glossary) -> None:
    """The bundled annotator reads its spelling index off matcher.bin: the same index as
    every spelling of every form computed afresh."""
    from glossary.annotate import spelling_index

    assert bundled._by_spelling == spelling_index(bundled._keys)


def test_pickle_round_trip(bundled: glossary.Glossary) -> None:
    text = LUOJIANG.read_text(encoding="utf-8")
    clone = pickle.loads(pickle.dumps(bundled))
    assert [m.to_dict() for m in clone.annotate(text).matches] == [
        m.to_dict() for m in bundled.annotate(text).matches
    ]


_alphabet = st.sampled_from(
    [*"五化两个维护3+21N 　“”第三公里十四五规上１２３＋，。\n兩個維護", "五化大厦", "3+2+1"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_alphabet, max_size=40).map("".join))
def test_properties(mini: glossary.Glossary, text: str) -> None:
    ann = mini.annotate(text, "洛江区")
    again = mini.annotate(text, "洛江区")
    assert [m.to_dict() for m in ann.matches] == [m.to_dict() for m in again.matches]
    last = 0
    for m in ann.matches:
        assert 0 <= last <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.surface
        last = m.end
    # inline annotations can be taken out again: 〔…〕 never occur in this alphabet
    inline = ann.render("inline")
    stripped, depth = [], 0
    for ch in inline:
        if ch == OPEN:
            depth += 1
        elif ch == CLOSE:
            depth -= 1
        elif depth == 0:
            stripped.append(ch)
    assert "".join(stripped) == text


def test_annotate_records_with_dask(bundled: glossary.Glossary) -> None:
    db = pytest.importorskip("dask.bag")
    records = [{"id": p.name, "text": p.read_text(encoding="utf-8")} for p in SEED_REPORTS]
    bag = db.from_sequence(records, npartitions=2).map_partitions(
        lambda part, g=bundled: list(g.annotate_records(part))
    )
    results = bag.compute(scheduler="processes", num_workers=2)
    assert [r["id"] for r in results] == [r["id"] for r in records]
    direct = list(bundled.annotate_records(records))
    assert results == direct


def test_lookup_loads_no_reader() -> None:
    """`glossary lookup` and a -j run's parent read no document: the readers (most of the
    package's import time, their patterns compiled) load on the first annotation only."""
    probe = (
        "import sys, glossary\n"
        "g = glossary.load(); g.lookup('五化'); g.lookup('兩個維護')\n"
        "heavy = [m for m in ('lists', 'notes', 'inline', 'paragraph', 'structure')\n"
        "         if 'glossary.readers.' + m in sys.modules]\n"
        "g.annotate('推进“两新”（新基建、新城建）。')\n"
        "print(heavy, 'glossary.readers.lists' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stdout.split()
    assert out == ["[]", "True"]
