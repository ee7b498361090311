"""Every numeral-bearing expression of the seed reports is in the dictionary or decided against."""

from __future__ import annotations

from pathlib import Path

import ahocorasick_rs
import pytest

import glossary
from glossary.variants import spellings

from .conftest import SEED_REPORTS
from .slogan_finder import _NUMERAL, candidates


def _covering(g: glossary.Glossary) -> ahocorasick_rs.AhoCorasick:
    known = {s for t in g.terms for f in t.forms for s in spellings(f)}
    known |= set(g.dictionary.not_slogans)
    return ahocorasick_rs.AhoCorasick(
        sorted(known), matchkind=ahocorasick_rs.MATCHKIND_LEFTMOST_LONGEST
    )


def uncovered(g: glossary.Glossary, ac: ahocorasick_rs.AhoCorasick, expression: str) -> bool:
    """True when a numeral of ``expression`` is in no dictionary form and no decided-against one."""
    rest = expression
    for _, start, end in reversed(ac.find_matches_as_indexes(expression)):
        rest = rest[:start] + " " + rest[end:]
    return bool(_NUMERAL.search(rest))


@pytest.mark.parametrize("path", SEED_REPORTS, ids=lambda p: p.stem)
def test_every_candidate_is_decided(bundled: glossary.Glossary, path: Path) -> None:
    ac = _covering(bundled)
    text = path.read_text(encoding="utf-8")
    missing = sorted({c for c, _ in candidates(text) if uncovered(bundled, ac, c)})
    assert missing == [], f"{path.name}: neither in the dictionary nor in not_slogans: {missing}"


@pytest.mark.parametrize("expression", ["五化", "3+2+1", "两不愁三保障", "“八五”普法"])
def test_known_slogans_are_covered(bundled: glossary.Glossary, expression: str) -> None:
    assert not uncovered(bundled, _covering(bundled), expression.strip("“”"))


def test_finder_finds_shapes() -> None:
    text = "增强“四个意识”，落实八项规定精神，完善“3+2+1”配套，“十四五”规划，三品一标认证。"
    found = {c for c, _ in candidates(text)}
    assert {"四个意识", "八项规定", "3+2+1", "十四五", "三品一标"} <= found
