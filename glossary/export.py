"""The dictionary as a dataset: export formats in a registry keyed by name.

- ``csv``: one row per sense, the columns of ``CSV_COLUMNS`` (README names each);
- ``jsonl``: one object per term, the JSON of ``glossary lookup --json``;
- ``jieba``: a jieba user dictionary (``word freq tag``), so that segmenting keeps every
  slogan whole (``jieba.load_userdict``).

>>> import glossary
>>> rows = export(glossary.load(), "csv").splitlines()
>>> rows[0].split(",")[:4]
['term', 'sense', 'scope', 'status']
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from .render.entry import citation, entry_dict

if TYPE_CHECKING:
    from .annotate import Glossary
    from .model import Sense, Term

__all__ = ["CSV_COLUMNS", "EXPORTS", "export"]

CSV_COLUMNS = (
    "term",  # the slogan as the dictionary files it
    "sense",  # the sense's id (term@scope, #n for a second meaning there)
    "scope",  # the region where it holds (中国: everywhere)
    "status",  # documented, or undocumented (no cited source explains it)
    "gloss",  # its name, when it has one
    "expansion",  # the full form of a short one
    "members",  # the items it counts, joined by 、
    "parts",  # a compound's parts: label=items, joined by ；
    "definition",  # what the source says it means
    "en",  # the English rendering, where there is one
    "since",  # the first year it holds (empty: always)
    "until",  # the last year it holds (empty: still)
    "cues",  # the words near a use that make it this sense (| between), when cued
    "aliases",  # the term's other spellings (| between)
    "source",  # the cited document: title (issuer, date), where in it
    "url",  # the cited document's public address
    "quote",  # the cited text, verbatim
)


def _senses(g: Glossary) -> Iterator[tuple[Term, Sense]]:
    for term in g.terms:
        for sense in term.senses:
            yield term, sense


def _csv(g: Glossary) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for term, s in _senses(g):
        src = g.sources.get(s.source.ref)
        writer.writerow(
            (
                term.term,
                s.id,
                s.scope,
                s.status,
                s.gloss,
                s.expansion,
                "、".join(s.members),
                "；".join(f"{p.label}={'、'.join(p.members)}" for p in s.parts),
                s.definition,
                s.en,
                s.since or "",
                s.until or "",
                "|".join(s.cues) if s.cued else "",
                "|".join(term.aliases),
                citation(s, g.sources),
                (src.url if src else None) or "",
                s.source.quote,
            )
        )
    return out.getvalue()


def _jsonl(g: Glossary) -> str:
    return "".join(json.dumps(entry_dict(t, g.sources), ensure_ascii=False) + "\n" for t in g.terms)


JIEBA_FREQ = 100_000  # high enough that jieba keeps a slogan whole rather than split it
JIEBA_TAG = "nz"  # jieba's tag for other proper nouns


# what jieba reads as one run of text (its re_han_default): a form with other characters
# (·, （）, full-width letters) is cut there whatever its user dictionary says
_JIEBA_RUN = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]{2,}")


def jieba_words(terms: Iterable[Term]) -> list[str]:
    """Every form of every term, once, that jieba can keep whole: two characters or more, all
    of them in one of its runs (no space, no ·, no brackets)."""
    words: dict[str, None] = {}
    for t in terms:
        for form in (t.term, *t.aliases):
            if _JIEBA_RUN.fullmatch(form):
                words.setdefault(form)
    return list(words)


def _jieba(g: Glossary) -> str:
    return "".join(f"{w} {JIEBA_FREQ} {JIEBA_TAG}\n" for w in jieba_words(g.terms))


EXPORTS: dict[str, Callable[[Glossary], str]] = {"csv": _csv, "jsonl": _jsonl, "jieba": _jieba}


def export(g: Glossary, fmt: str) -> str:
    """The whole dictionary in export format ``fmt`` (``EXPORTS`` names them)."""
    try:
        return EXPORTS[fmt](g)
    except KeyError:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(EXPORTS)})") from None
