"""The spellings a dictionary form takes in real text, generated into the automaton.

Generating variants costs nothing per character of text scanned, where folding the text
first (str.translate, NFKC) would cost most of the throughput budget; see benchmarks/.

>>> sorted(spellings("3+2+1"))[:4]
['3 + 2 + 1', '3 ＋ 2 ＋ 1', '3+2+1', '3＋2＋1']
>>> "兩個維護" in spellings("两个维护")
True
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from importlib import resources

from .patterns import regex

__all__ = ["is_formula", "spellings", "to_traditional"]

# ASCII → full-width: ！ (U+FF01) … ～ (U+FF5E) mirror ! … ~
_FULL = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)})
_FORMULA = regex(r"[0-9A-Za-z]+(?:[+＋][0-9A-Za-z]+)+")
_OPERATOR = regex(r"\s*([+＋])\s*")
# OpenCC profiles: mainland → traditional, Taiwan and Hong Kong standards
_OPENCC_CONFIGS = ("s2t.json", "s2tw.json", "s2hk.json")


def is_formula(form: str) -> bool:
    """A numeric formula such as “3+2+1” or “1+3+N”."""
    return _FORMULA.fullmatch(form) is not None


@functools.cache
def _converters() -> tuple[object, ...]:
    import opencc

    return tuple(opencc.OpenCC(cfg) for cfg in _OPENCC_CONFIGS)


# OpenCC takes ~300 ms to load its three profiles; the bundled dictionary's conversions ship
# precomputed (tests/test_variants.py fails when they go stale), and only forms from other
# dictionaries load OpenCC.
_SHIPPED = "data/traditional.json"


@functools.cache
def _shipped() -> dict[str, list[str]]:
    path = resources.files("glossary").joinpath(_SHIPPED)
    if not path.is_file():
        return {}
    data: dict[str, list[str]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def convert_with_opencc(form: str) -> set[str]:
    """The traditional spellings OpenCC gives now, bypassing the shipped table."""
    return {conv.convert(form) for conv in _converters()}  # type: ignore[attr-defined]


def to_traditional(form: str) -> set[str]:
    """The traditional spellings OpenCC gives for a simplified form (may be the form itself)."""
    hit = _shipped().get(form)
    return set(hit) if hit is not None else convert_with_opencc(form)


def shipped_table(forms: Iterable[str]) -> dict[str, list[str]]:
    """The table to ship for ``forms`` (``tools/build_data.py`` writes it)."""
    return {f: sorted(convert_with_opencc(f)) for f in sorted(set(forms))}


def _width_variants(form: str) -> set[str]:
    """Half-width as written, every ASCII character full-width, and for formulas the two mixes
    seen in hand-typed reports (full-width digits with “+”, half-width digits with “＋”)."""
    full = form.translate(_FULL)
    if not any("+" in f or "＋" in f for f in (form,)):
        return {form, full}
    half_ops = full.replace("＋", "+")
    full_ops = form.replace("+", "＋")
    return {form, full, half_ops, full_ops}


def _formula_variants(form: str) -> set[str]:
    """Spacing and letter case inside formulas: “3 + 2 + 1”, “1+3+n”."""
    out = {form}
    if is_formula(form):
        spaced = _OPERATOR.sub(r" \1 ", form)
        out |= {spaced}
        for f in list(out):
            out |= {f.lower(), f.upper()}
    return out


@functools.cache
def spellings(form: str) -> frozenset[str]:
    """Every spelling of ``form`` the matcher should find, ``form`` itself included."""
    forms = {form} | to_traditional(form)
    if all(min(f, default="\uffff") > "~" and "＋" not in f for f in forms):
        return frozenset(forms)  # no ASCII, no ＋: no width or formula variants (most forms)
    out: set[str] = set()
    for trad in forms:
        for formula in _formula_variants(trad):
            out |= _width_variants(formula)
    # case variants are generated before widening; widen the spaced forms too
    out |= {v for f in list(out) for v in _width_variants(f)}
    out.discard("")
    return frozenset(out)


def bundled_forms() -> list[str]:
    """Every form, longer name and blocked form of the bundled dictionary."""
    from .dictionary import load_dictionaries

    d = load_dictionaries([])
    return [f for t in d.terms for f in (*t.forms, *t.not_in)] + list(d.not_slogans)


def table_text(table: dict[str, list[str]]) -> str:
    """The shipped file's text for ``table`` (``tools/build_data.py`` writes it)."""
    return json.dumps(table, ensure_ascii=False, indent=0) + "\n"
