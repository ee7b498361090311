"""Variant spellings and the shipped table of traditional forms."""

from __future__ import annotations

import pytest

from glossary.variants import _shipped, bundled_forms, convert_with_opencc, is_formula, spellings


@pytest.mark.parametrize(
    ("form", "variant"),
    [
        ("3+2+1", "３＋２＋１"),
        ("3+2+1", "3 + 2 + 1"),
        ("1+3+N", "1+3+n"),
        ("1+3+N", "１＋３＋Ｎ"),
        ("两个维护", "兩個維護"),
        ("四个意识", "四個意識"),
        ("规上", "規上"),
        ("2366", "２３６６"),
    ],
)
def test_spellings(form: str, variant: str) -> None:
    assert variant in spellings(form)


@pytest.mark.parametrize(
    ("form", "formula"), [("3+2+1", True), ("1+3+N", True), ("五化", False), ("2366", False)]
)
def test_is_formula(form: str, formula: bool) -> None:
    assert is_formula(form) is formula


def test_shipped_table_is_fresh() -> None:
    """Fails after data/terms.yaml changes: run `python tools/build_data.py` to regenerate."""
    table = _shipped()
    forms = bundled_forms()
    missing = [f for f in forms if f not in table]
    assert not missing, f"not in glossary/data/traditional.json: {missing[:5]}"
    stale = [f for f in forms if set(table[f]) != convert_with_opencc(f)]
    assert not stale, f"stale in glossary/data/traditional.json: {stale[:5]}"
