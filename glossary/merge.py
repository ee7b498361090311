"""Several dictionary files into one: later files win (sources, regions, senses by id), and
the merged whole checked (scopes, sources, counts, and on request every quote in its held text).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from .gazetteer import load_gazetteer
from .model import Dictionary, Region, Source, Term
from .numerals import leading_count, member_count
from .problems import Problem
from .quotes import find_held, folded_file, quoted_in
from .schema import FileData

__all__ = ["check", "merge"]


def merge(files: Sequence[FileData]) -> tuple[Dictionary, dict[str, tuple[FileData, int]]]:
    """Later files win: sources and regions by key, senses by id; terms gather their senses."""
    sources: dict[str, Source] = {}
    # every division of China underlies the files' own regions (towns, zones, aliases)
    regions: dict[str, Region] = dict(load_gazetteer())
    not_slogans: list[str] = []
    terms: dict[str, Term] = {}
    origin: dict[str, tuple[FileData, int]] = {}
    for fd in files:
        sources.update(fd.sources)
        for key in fd.sources:
            origin[f"source:{key}"] = (fd, 0)
        regions.update(fd.regions)
        not_slogans.extend(fd.not_slogans)
        for t in fd.terms:
            for s in t.senses:
                origin[s.id] = (fd, fd.sense_lines.get(s.id, 0))
            old = terms.get(t.term)
            if old is None:
                terms[t.term] = t
                continue
            # later files win on the same sense id, and their senses come first (the hand
            # dictionary's before the imported ones); new ids add senses to the term
            mine = {s.id for s in t.senses}
            terms[t.term] = replace(
                t,
                senses=(*t.senses, *(s for s in old.senses if s.id not in mine)),
                aliases=_union(old.aliases, t.aliases),
                not_in=_union(old.not_in, t.not_in),
                see_also=_union(old.see_also, t.see_also),
            )
    d = Dictionary(
        tuple(_documented_first(t) for t in terms.values()),
        sources,
        regions,
        tuple(dict.fromkeys(not_slogans)),
    )
    return d, origin


def _documented_first(term: Term) -> Term:
    """An undocumented sense is a placeholder: where another file documents the form in the
    same scope, the placeholder goes (“no source explains it” no longer holds), unless every
    documented sense there holds only near its cues: then the placeholder is another meaning
    (湖北's 服务业 五个一百 beside its cued 2006 科技 one)."""
    documented = {s.scope for s in term.senses if s.documented and not s.cued}
    if not any(not s.documented and s.scope in documented for s in term.senses):
        return term
    kept = tuple(s for s in term.senses if s.documented or s.scope not in documented)
    return replace(term, senses=kept)


def _union(a: Iterable[str], b: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*a, *b]))


def check(
    d: Dictionary,
    files: Sequence[FileData],
    origin: dict[str, tuple[FileData, int]],
    check_quotes: bool,
) -> tuple[list[Problem], int, int]:
    """Every problem of the merged dictionary ``d``; with ``check_quotes``, how many quotes
    were found in their held texts, and how many cite a text whose collection (seeds/) is not
    here at all, as in an installed package."""
    problems: list[Problem] = []
    quotes_checked = 0
    unheld = 0

    def err(sid: str, message: str) -> None:
        fd, line = origin.get(sid, (files[-1], 0))
        problems.append(Problem(fd.file, line, message))

    for name, region in d.regions.items():
        if region.parent is not None and region.parent not in d.regions:
            problems.append(
                Problem(files[-1].file, 0, f"region {name}: unknown parent {region.parent!r}")
            )
    # ids must be unique within a file (across files, the later one overrides on purpose)
    for fd in files:
        seen: dict[str, str] = {}
        for t in fd.terms:
            for s in t.senses:
                if s.id in seen:
                    problems.append(
                        Problem(
                            fd.file,
                            fd.sense_lines.get(s.id, 0),
                            f"term {t.term}: duplicate sense id {s.id!r} "
                            f"(also under term {seen[s.id]})",
                        )
                    )
                seen[s.id] = t.term
    forms: dict[str, str] = {}
    for t in d.terms:
        for form in t.forms:
            if form in forms and forms[form] != t.term:
                err(
                    t.senses[0].id if t.senses else "",
                    f"term {t.term}: form {form!r} is also a form of {forms[form]}",
                )
            forms.setdefault(form, t.term)
    for t in d.terms:
        for s in t.senses:
            what = f"term {t.term}: sense {s.id}"
            if s.scope and s.scope not in d.regions:
                err(s.id, f"{what}: unknown scope {s.scope!r}")
            for c in s.citations:
                if c.ref and c.ref not in d.sources:
                    err(s.id, f"{what}: unknown source {c.ref!r}")
            if s.members and s.parts:
                err(s.id, f"{what}: give members or parts, not both")
            if s.status == "documented" and not (
                s.definition or s.members or s.parts or s.expansion
            ):
                err(s.id, f"{what}: no definition; mark it 'status: undocumented'")
            if s.cued and not s.cues:
                err(s.id, f"{what}: cued but has no cues")
            if s.status == "undocumented" and (s.definition or s.members or s.parts):
                err(s.id, f"{what}: undocumented but has a definition or members")
            if s.since and s.until and s.since > s.until:
                err(s.id, f"{what}: since {s.since} is after until {s.until}")
            fd, _ = origin.get(s.id, (files[-1], 0))
            explicit = fd.counts.get(s.id, ...)
            want = member_count(t.term) if explicit is ... else explicit
            if s.members and isinstance(want, int) and len(s.members) != want:
                err(s.id, f"{what}: {len(s.members)} members, but the slogan counts {want}")
            for k, p in enumerate(s.parts):
                n = fd.counts.get(f"{s.id}/{k}", leading_count(p.label))
                if p.members and n is not None and len(p.members) != n:
                    err(
                        s.id, f"{what}: part {p.label!r} has {len(p.members)} members, expected {n}"
                    )
            if not check_quotes:
                continue
            for c in s.citations:
                source = d.sources.get(c.ref)
                if source is None or not source.file or not c.quote:
                    continue
                root = origin[f"source:{source.key}"][0].root
                held = find_held(root, source.file)
                folded = folded_file(held) if held else None
                if folded is None and find_held(root, _collection(source.file)) is None:
                    unheld += 1  # its whole collection is not here (an installed package)
                elif folded is None:
                    err(s.id, f"{what}: source file {source.file} not found")
                elif not quoted_in(c.quote, folded):
                    err(s.id, f"{what}: quote not found in {source.file}: {c.quote[:40]!r}")
                else:
                    quotes_checked += 1
    return problems, quotes_checked, unheld


def _collection(file: str) -> str:
    """The folder a held text's collection lives in (seeds/ for seeds/gov/…)."""
    return file.split("/", 1)[0]
