"""The dictionary browser's search and filters: any spelling (simplified, traditional,
full-width), pinyin without tones (whole or initials), place, leading numeral and status.

>>> import glossary
>>> index = Index(glossary.load())
>>> [t.term for t in index.select("兩個維護")][:1]
['两个维护']
>>> [t.term for t in index.select("lianggeweihu")][:1]
['两个维护']
>>> all(t.term.startswith("五") for t in index.select("", numeral=5, region="洛江区"))
True
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..gazetteer import ROOT
from ..model import Sense, Term
from ..numerals import leading_count

if TYPE_CHECKING:
    from ..annotate import Glossary

__all__ = ["Index", "numeral_of"]

_QUOTES = "“”\"'‘’「」"
_PINYIN = re.compile(r"[a-zü' ]+")


def _fold(query: str) -> str:
    """A query as the index spells it: full-width folded (NFKC), no quotes or outer space."""
    return unicodedata.normalize("NFKC", query).strip().strip(_QUOTES).strip()


def numeral_of(value: str) -> int | None:
    """A filter's numeral, written 5, 五 or 五化: ``None`` when it names none."""
    value = _fold(value)
    return leading_count(value) if value else None


class Index:
    """Every term's spellings and pinyin, searched in order: the form itself, forms that start
    with the query, forms that hold it, then pinyin (whole, then initials)."""

    def __init__(self, g: Glossary) -> None:
        self._g = g
        self._terms: Sequence[Term] = g.terms

    def warm(self) -> None:
        """Build what the first search would (pinyin takes about half a second)."""
        self._spellings, self._pinyin, self._positions, self.places  # noqa: B018

    @functools.cached_property
    def _spellings(self) -> list[tuple[str, int]]:
        folded: dict[tuple[str, int], None] = {}
        for spelling, i in self._g._by_spelling.items():
            folded[(_fold(spelling), i)] = None
        # a spelling two terms share names only the first there: each term keeps its own forms
        for i, t in enumerate(self._terms):
            for form in t.forms:
                folded[(_fold(form), i)] = None
        return list(folded)

    @functools.cached_property
    def _pinyin(self) -> list[tuple[str, str, int]]:
        # one row per form: its syllables joined, and their initials (两个维护: lianggeweihu, lgwh)
        from pypinyin import Style, lazy_pinyin

        rows = []
        for i, t in enumerate(self._terms):
            for form in t.forms:
                syllables = [s.lower() for s in lazy_pinyin(form, style=Style.NORMAL, v_to_u=False)]
                rows.append(("".join(syllables), "".join(s[:1] for s in syllables), i))
        return rows

    def search(self, query: str) -> list[int]:
        """Indexes of the terms that ``query`` names, best first."""
        q = _fold(query)
        if not q:
            return list(range(len(self._terms)))
        ranked: dict[int, None] = {}
        term = self._g.lookup(q)
        if term is not None:
            ranked[self._position(term)] = None
        spellings = self._spellings
        for s, i in spellings:
            if s.startswith(q):
                ranked.setdefault(i)
        for s, i in spellings:
            if q in s:
                ranked.setdefault(i)
        letters = q.lower().replace("ü", "v")
        if _PINYIN.fullmatch(letters):
            letters = letters.replace(" ", "").replace("'", "")
            for whole, _, i in self._pinyin:
                if whole.startswith(letters):
                    ranked.setdefault(i)
            for whole, _, i in self._pinyin:
                if letters in whole:
                    ranked.setdefault(i)
            for _, initials, i in self._pinyin:
                if initials.startswith(letters):
                    ranked.setdefault(i)
        return list(ranked)

    @functools.cached_property
    def _positions(self) -> dict[str, int]:
        return {t.term: i for i, t in enumerate(self._terms)}

    def _position(self, term: Term) -> int:
        return self._positions[term.term]

    def select(
        self,
        query: str = "",
        *,
        region: str | None = None,
        numeral: int | None = None,
        status: str | None = None,
    ) -> list[Term]:
        """The terms ``query`` names with a sense that passes the filters: ``region`` (from
        that place or a place under it), ``numeral`` (the number the term starts with),
        ``status``."""
        out = []
        for i in self.search(query):
            t = self._terms[i]
            if numeral is not None and leading_count(t.term) != numeral:
                continue
            if self.senses(t, region, status):
                out.append(t)
        return out

    def senses(self, t: Term, region: str | None = None, status: str | None = None) -> list[Sense]:
        """The senses of ``t`` that pass the filters of :meth:`select`."""
        lineage = self._g.regions.lineage
        return [
            s
            for s in t.senses
            if (status is None or s.status == status)
            and (region is None or region in lineage(s.scope))
        ]

    @functools.cached_property
    def places(self) -> dict[str, list[str]]:
        """The provinces whose places have senses, each with its cities that have senses
        (the filters' choices), in the gazetteer's order."""
        regions = self._g.regions
        scopes = {s.scope for t in self._terms for s in t.senses}
        provinces: dict[str, dict[str, None]] = {}
        for name in self._g.dictionary.regions:
            if name not in scopes:
                continue
            line = regions.ancestors(name)[::-1]  # 中国, province, city, …
            if len(line) >= 2 and line[0] == ROOT:
                cities = provinces.setdefault(line[1], {})
                if len(line) >= 3:
                    cities.setdefault(line[2])
        return {p: list(c) for p, c in provinces.items()}
