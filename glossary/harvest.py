"""Dictionary candidates out of a report: what each reader of ``glossary.readers`` finds in it.

Annotation sections (附注, 名词解释, 名词注释, 用语说明, 词语解释, 术语说明, 释义 …, each under a heading
line of its own with a note right after it, and 注:) give ``kind="note"`` candidates; definitions in
the body (“四张清单”（需求、资源…）, “X”即…, X是指…) give ``kind="inline"``; a list as long as the
numeral, before or after the form (垃圾、污水、厕所“三大革命”), gives ``kind="list"``; a slogan
whose items are the document's own numbered headings (“六大行动” then （一）…（六）) gives
``kind="headings"``; the items a paragraph names one by one after the form (“四新”…“新材料”…)
give ``kind="paragraph"``.

>>> [c.term for c in harvest("附注\\n8.“五化”:绿化、美化、照明化、净化、智化。\\n")]
['五化']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .readers.base import Candidate, unix

__all__ = ["Candidate", "HarvestResult", "candidates_to_yaml", "harvest", "harvest_report"]


_FIRST = re.compile("一是")


@dataclass(frozen=True, slots=True)
class HarvestResult:
    """Every candidate, in the order found, and how many note items could not be parsed."""

    candidates: tuple[Candidate, ...] = ()
    skipped: int = 0


def harvest_report(text: str, source: str | None = None) -> HarvestResult:
    """Every candidate in ``text`` (notes, inline, headings) and the count of unparsed note items."""
    # the readers load on first use, as ``glossary.readers.definitions`` loads them
    from .readers.inline import inline
    from .readers.lists import after, before, enumeration, quoted_lists
    from .readers.notes import PART, notes, sections
    from .readers.paragraph import items_named
    from .readers.structure import headings

    text = unix(text)
    # no text makes a reader fail: an exception here is a bug to see, not a document to skip
    spans = list(sections(text))
    found, skipped = notes(text, source, spans)
    # a note's own term, not the other forms the annotator reads out of it
    found = [c for c in found if c.kind != PART]
    skip = [(a, b) for a, b, _ in spans]
    body = inline(text, source, skip)
    body += before(text, source, skip) + after(text, source, skip)
    body += enumeration(text, [m.start() for m in _FIRST.finditer(text)], source, skip)
    read = {c.term for c in found} | {c.term for c in body}
    body += items_named(text, source, skip, read)
    read |= {c.term for c in body}
    body += [c for c in quoted_lists(text, source, skip) if c.term not in read]
    heads = headings(text, source)
    seen = {(c.kind, c.term, c.start) for c in found}
    cands = [*found, *(c for c in body + heads if (c.kind, c.term, c.start) not in seen)]
    cands.sort(key=lambda c: c.start)
    return HarvestResult(tuple(cands), skipped)


def harvest(text: str, *, source: str | None = None) -> list[Candidate]:
    """Dictionary candidates from a report's notes and inline definitions, in text order."""
    return list(harvest_report(text, source).candidates)


def candidates_to_yaml(cands: Sequence[Candidate], marks: Sequence[str] | None = None) -> str:
    """Candidates as YAML to review and paste into data/terms.yaml, in the order found; each row
    names the file it came from (``source``) when the candidate has one."""
    rows = []
    for i, c in enumerate(cands):
        row: dict[str, object] = {"term": c.term}
        if c.label != c.term and c.label.strip("“”") != c.term:
            row["label"] = c.label
        row["definition"] = c.definition
        if c.members:
            row["members"] = list(c.members)
        if c.parts:
            row["parts"] = [{"label": label, "members": list(m)} for label, m in c.parts]
        row["kind"] = c.kind
        if c.source:
            row["source"] = c.source
        row["where"] = c.where
        row["quote"] = c.quote
        if marks is not None:
            row["status"] = marks[i]
        rows.append(row)
    import yaml

    return yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=120)
