"""One dictionary entry as text (``glossary lookup``) or as a JSON-ready dict."""

from __future__ import annotations

from typing import Any

from ..model import Citation, Sense, Source, Term, sense_json

# a sense in a dictionary entry's JSON: these fields, in this order, then its sources
ENTRY_SENSE_FIELDS = (
    "id",
    "scope",
    "status",
    "gloss",
    "expansion",
    "members",
    "parts",
    "definition",
    "en",
    "cues",
    "cued",
    "since",
    "until",
)


def sense_dict(s: Sense, sources: dict[str, Source]) -> dict[str, Any]:
    """A sense as the JSON of ``glossary lookup --json`` and the web API give it."""
    src = sources.get(s.source.ref)
    return {
        **sense_json(s, ENTRY_SENSE_FIELDS),
        "source": {
            "ref": s.source.ref,
            "title": src.title if src else None,
            "issuer": src.issuer if src else None,
            "date": src.date if src else None,
            "url": src.url if src else None,
            "at": s.source.at or None,
            "quote": s.source.quote,
        },
        **sense_json(s, ("also",)),
    }


def entry_dict(term: Term, sources: dict[str, Source]) -> dict[str, Any]:
    return {
        "term": term.term,
        "aliases": list(term.aliases),
        "see_also": list(term.see_also),
        "senses": [sense_dict(s, sources) for s in term.senses],
    }


def citation(s: Sense, sources: dict[str, Source]) -> str:
    """“title (issuer, date), at” for a sense's source."""
    return cite(s.source, sources)


def cite(c: Citation, sources: dict[str, Source]) -> str:
    """“title (issuer, date), at” for one citation; its key when the source is unknown."""
    src = sources.get(c.ref)
    at = f"，{c.at}" if c.at else ""
    if src is None:
        return c.ref + at
    who = "，".join(x for x in (src.issuer, src.date) if x)
    return f"《{src.title}》（{who}）{at}" if who else f"《{src.title}》{at}"


def sense_fields(s: Sense, *, zh: bool = True, en: bool = True) -> list[tuple[str, str]]:
    """(label, text) rows that say what a sense means: name, full form, members, parts,
    definition, English — each only when the sense has it."""
    rows: list[tuple[str, str]] = []
    if zh and s.gloss:
        rows.append(("释名", s.gloss))
    if zh and s.expansion:
        rows.append(("全称", s.expansion))
    if zh and s.members:
        rows.append(("内容", "、".join(s.members)))
    if zh:
        rows.extend((f"“{p.label}”", "、".join(p.members)) for p in s.parts)
    if zh and s.definition:
        rows.append(("释义", s.definition))
    if en and s.en:
        rows.append(("English", s.en))
    return rows


def entry_text(term: Term, sources: dict[str, Source]) -> str:
    """A readable entry: every sense with scope, definition, members and source."""
    lines = [term.term + (f"（又作：{'、'.join(term.aliases)}）" if term.aliases else "")]
    for n, s in enumerate(term.senses, 1):
        head = f"  {n}. [{s.scope}] {s.gloss or s.expansion or ''}".rstrip()
        if s.status == "undocumented":
            head += "  —— 来源未释义 (undocumented)"
        lines.append(head)
        # the rows the printable glossary and the web page show, but the name: it heads the sense
        for label, text in sense_fields(s):
            if label != "释名":
                lines.append(f"     {label}{': ' if label == 'English' else '：'}{text}")
        if s.since or s.until:
            lines.append(f"     时段：{s.since or ''}–{s.until or ''}")
        lines.append(f"     出处：{citation(s, sources)}")
        if s.status == "undocumented":
            lines.append(f"     用例：{s.source.quote}")
    if term.see_also:
        lines.append(f"  参见：{'、'.join(term.see_also)}")
    return "\n".join(lines)
