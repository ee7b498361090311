"""The dictionary as a dataset (CSV, JSON Lines, a jieba user dictionary) and in spaCy."""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

import glossary
from glossary.cli import main
from glossary.export import CSV_COLUMNS, EXPORTS, export, jieba_words


def _sense_ids(g: glossary.Glossary) -> list[str]:
    return [s.id for t in g.terms for s in t.senses]


def test_csv_holds_every_sense_with_its_source(bundled: glossary.Glossary) -> None:
    rows = list(csv.DictReader(io.StringIO(export(bundled, "csv"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r["sense"] for r in rows] == _sense_ids(bundled)
    wuhua = next(r for r in rows if r["sense"] == "五化@洛江区")
    assert wuhua["members"] == "绿化、美化、照明化、净化、智化"
    assert "洛江区" in wuhua["source"] and "五化" in wuhua["quote"]
    # a compound's parts, a dated and a cued sense keep what they carry
    assert any(r["parts"].startswith("3=吃、住、行") for r in rows if r["term"] == "3+2+1")
    assert any(r["since"] and r["until"] for r in rows)
    assert all(r["cues"] == "" or r["cues"].count("|") >= 0 for r in rows)


def test_jsonl_is_lookup_json_for_every_term(bundled: glossary.Glossary) -> None:
    lines = export(bundled, "jsonl").splitlines()
    assert len(lines) == len(bundled)
    entries = [json.loads(line) for line in lines]
    assert [s["id"] for e in entries for s in e["senses"]] == _sense_ids(bundled)
    term = bundled.lookup("两个维护")
    assert term is not None
    from glossary.render.entry import entry_dict

    assert entry_dict(term, bundled.sources) in entries


def test_jieba_keeps_slogans_whole(bundled: glossary.Glossary, tmp_path: Path) -> None:
    jieba = pytest.importorskip("jieba")
    path = tmp_path / "user.txt"
    path.write_text(export(bundled, "jieba"), encoding="utf-8")
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(path))
    words = jieba_words(bundled.terms)
    assert len(path.read_text(encoding="utf-8").splitlines()) == len(words)
    sample = random.Random(7).sample(words, 100)
    split = [w for w in sample if w not in tokenizer.lcut(f"。{w}。", HMM=False)]
    assert split == []
    # in running text too
    cut = tokenizer.lcut("推进城市“五化”工程，坚决做到“两个维护”。", HMM=False)
    assert "五化" in cut and "两个维护" in cut


def test_cli_export(tmp_path: Path) -> None:
    for fmt in EXPORTS:
        out = tmp_path / f"g.{fmt}"
        result = CliRunner().invoke(main, ["export", "-f", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert "五化" in out.read_text(encoding="utf-8")
    with pytest.raises(ValueError, match="choose from csv, jsonl, jieba"):
        export(glossary.load(), "xlsx")


def test_spacy_component_puts_uses_in_a_span_group() -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("zh")
    nlp.add_pipe("glossary", config={"region": "洛江区"})  # by its entry point, no import
    doc = nlp("推进城市“五化”工程，坚决做到“两个维护”。")
    spans = list(doc.spans["glossary"])
    assert [(s.text, s.label_) for s in spans] == [("五化", "五化"), ("两个维护", "两个维护")]
    first = spans[0]._.glossary
    assert first["sense"] == "五化@洛江区" and first["members"][0] == "绿化"
    assert "洛江区" in first["citation"]
    assert first["start"] == spans[0].start_char
    with pytest.raises(Exception, match="unknown region"):
        nlp.add_pipe("glossary", name="g2", config={"region": "不存在"})


def test_readme_pandas_example() -> None:
    pandas = pytest.importorskip("pandas")
    import subprocess

    csv_text = subprocess.run(
        ["glossary", "export"], capture_output=True, text=True, check=True
    ).stdout
    senses = pandas.read_csv(io.StringIO(csv_text), keep_default_na=False)
    counts = senses[senses.scope == "中国"].groupby("status").size()
    assert counts["documented"] > 400 and len(senses) == len(_sense_ids(glossary.load()))
