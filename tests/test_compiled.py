"""The compiled form of the bundled dictionary: fresh, faithful, lazy."""

from __future__ import annotations

import pickle
import time
from pathlib import Path

import pytest

import glossary
from glossary import compiled
from glossary.dictionary import read_bundled

from .conftest import DATA


def test_shipped_compiled_form_is_fresh() -> None:
    """Fails after a bundled YAML file changes: run `python tools/build_data.py`."""
    done = compiled.load_compiled()
    assert done is not None, "glossary/data/compiled.bin is stale or missing"
    # loading compares sizes only; here every byte
    assert done.digest == compiled.digest(compiled.source_paths()), "compiled.bin is stale"


def test_compiled_form_says_what_the_yaml_says() -> None:
    done = compiled.load_compiled()
    assert done is not None
    fast = done.dictionary
    slow, counts = read_bundled()
    assert [t.term for t in fast.terms] == [t.term for t in slow.terms]
    assert list(fast.terms) == list(slow.terms)
    assert fast.sources == slow.sources and fast.regions == slow.regions
    assert fast.not_slogans == slow.not_slogans and done.counts == counts


def test_terms_are_built_on_first_use() -> None:
    d = glossary.load().dictionary
    table = d.terms
    assert isinstance(table, compiled.TermTable)
    fresh = compiled.TermTable(table._index, table._blobs)
    assert fresh._built.count(None) == len(fresh)
    assert fresh[3] == table[3] and fresh._built.count(None) == len(fresh) - 1


def test_glossary_pickles_small_and_works(bundled: glossary.Glossary) -> None:
    data = pickle.dumps(bundled)
    assert len(data) < 1000  # the bundled dictionary travels by name
    again = pickle.loads(data)
    assert again.lookup("五化") == bundled.lookup("五化")
    assert [m.surface for m in again.annotate("落实“六稳”“六保”").matches] == ["六稳", "六保"]


def test_extra_dictionary_merges_over_the_compiled_one() -> None:
    g = glossary.load(DATA / "mini.yaml")
    assert g.lookup("规上") is not None  # bundled
    assert len(g) >= len(glossary.load())


def test_load_is_fast() -> None:
    # the bound is 100 ms (benchmarks/ reports it); this only catches a fall back to YAML
    # (read afresh past the cache, which holds the one dictionary every bundled Glossary shares)
    start = time.perf_counter()
    done = compiled.load_compiled.__wrapped__()
    assert done is not None and glossary.Glossary(done.dictionary).lookup("五化") is not None
    assert time.perf_counter() - start < 1.0


def test_a_cut_or_foreign_compiled_file_is_not_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The YAML is read instead (``load_compiled`` says None)."""
    data = compiled.shipped_path().read_bytes()
    path = tmp_path / "compiled.bin"
    monkeypatch.setattr(compiled, "shipped_path", lambda: path)
    for damaged in (b"", data[:5], data[:1000], data[:-10], b"\x00" * 100):
        path.write_bytes(damaged)
        assert compiled.load_compiled.__wrapped__() is None
    path.write_bytes(data)
    assert compiled.load_compiled.__wrapped__() is not None


def test_the_term_table_pickles_with_its_senses(bundled: glossary.Glossary) -> None:
    """The senses are read from the mapped file; a pickled table carries their bytes."""
    table = bundled.dictionary.terms
    again = pickle.loads(pickle.dumps(table))
    assert len(again) == len(table) and again[5] == table[5] and again[-1] == table[-1]
