"""The dictionary's schema: one YAML file's raw nodes into model objects, every problem with its
``file:line`` (DESIGN.md names the keys).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from .model import Citation, MatchRule, Part, Region, Sense, Source, Status, Term
from .problems import DictionaryError, Problem
from .yamlfile import MAX_FILE_BYTES, LineList, LineMap, parse_yaml

__all__ = ["FileData", "read_file"]

_TOP_KEYS = {"schema", "sources", "regions", "terms", "not_slogans"}
_SOURCE_KEYS = {"title", "issuer", "date", "file", "url"}
_REGION_KEYS = {"parent", "aliases", "hints"}
_TERM_KEYS = {"term", "aliases", "not_in", "match", "see_also", "senses"}
_SENSE_KEYS = {
    "id",
    "scope",
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
    "status",
    "count",
    "source",
}
_CITE_KEYS = {"ref", "at", "quote"}
_PART_KEYS = {"label", "members", "count"}
_NOT_SLOGAN_KEYS = {"form", "why"}
_MATCH_RULES = ("any", "quoted", "cue")
_STATUSES = ("documented", "undocumented")


@dataclass
class _Reader:
    """Collects problems while turning one file's raw YAML into model objects."""

    file: str
    problems: list[Problem] = field(default_factory=list)

    def err(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, message))

    def keys(self, m: LineMap, allowed: set[str], what: str) -> None:
        for key in m:
            if key not in allowed:
                self.err(m.key_lines[key], f"{what}: unknown key {key!r}")

    def map(self, value: Any, line: int, what: str) -> LineMap | None:
        if isinstance(value, LineMap):
            return value
        self.err(line, f"{what}: expected a mapping, got {_kind(value)}")
        return None

    def text(self, m: LineMap, key: str, what: str, *, required: bool = False) -> str:
        value = m.get(key)
        if value is None:
            if required:
                self.err(m.line, f"{what}: missing {key!r}")
            return ""
        if isinstance(value, bool | LineMap | LineList):
            self.err(m.key_lines[key], f"{what}: {key!r} must be text, got {_kind(value)}")
            return ""
        if isinstance(value, _dt.date):
            return value.isoformat()
        return str(value)

    def texts(self, m: LineMap, key: str, what: str) -> tuple[str, ...]:
        value = m.get(key)
        if value is None:
            return ()
        if not isinstance(value, LineList):
            self.err(m.key_lines[key], f"{what}: {key!r} must be a list, got {_kind(value)}")
            return ()
        out = []
        for item, line in zip(value, value.item_lines, strict=True):
            if isinstance(item, LineMap | LineList) or item is None or isinstance(item, bool):
                self.err(line, f"{what}: {key!r} items must be text, got {_kind(item)}")
            else:
                out.append(str(item))
        return tuple(out)

    def year(self, m: LineMap, key: str, what: str) -> int | None:
        value = m.get(key)
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100:
            return value
        self.err(m.key_lines[key], f"{what}: {key!r} must be a year such as 2023")
        return None


def _kind(value: Any) -> str:
    if isinstance(value, LineMap):
        return "a mapping"
    if isinstance(value, LineList):
        return "a list"
    if value is None:
        return "nothing"
    return type(value).__name__


@dataclass
class FileData:
    """One parsed file, with the line of every sense and term for later cross-checks."""

    file: str
    root: Path | None
    sources: dict[str, Source] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    terms: Sequence[Term] = field(default_factory=list)
    not_slogans: list[str] = field(default_factory=list)
    sense_lines: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int | None] = field(default_factory=dict)  # sense id -> explicit `count`


def read_file(path: Path, label: str) -> tuple[FileData, list[Problem]]:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise DictionaryError(
                [Problem(label, 0, f"larger than {MAX_FILE_BYTES >> 20} MB: not a dictionary")]
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise DictionaryError([Problem(label, 0, f"cannot read: {exc.strerror or exc}")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DictionaryError([Problem(label, line, "not UTF-8 text")]) from None
    data = parse_yaml(text, label)
    r = _Reader(label)
    fd = FileData(label, path.resolve().parent)
    if data is None:
        return fd, [Problem(label, 0, "empty dictionary file")]
    top = r.map(data, 1, "top level")
    if top is None:
        return fd, r.problems
    r.keys(top, _TOP_KEYS, "top level")
    schema = top.get("schema", 1)
    if schema != 1:
        r.err(
            top.key_lines.get("schema", 1), f"unsupported schema {schema!r} (this version reads 1)"
        )

    sources = top.get("sources") or LineMap()
    if r.map(sources, top.key_lines.get("sources", 1), "sources") is not None:
        for key, value in sources.items():
            m = r.map(value, sources.key_lines[key], f"source {key}")
            if m is None:
                continue
            r.keys(m, _SOURCE_KEYS, f"source {key}")
            fd.sources[key] = Source(
                key=key,
                title=r.text(m, "title", f"source {key}", required=True),
                issuer=r.text(m, "issuer", f"source {key}"),
                date=r.text(m, "date", f"source {key}"),
                file=r.text(m, "file", f"source {key}") or None,
                url=r.text(m, "url", f"source {key}") or None,
            )

    regions = top.get("regions") or LineMap()
    if r.map(regions, top.key_lines.get("regions", 1), "regions") is not None:
        for name, value in regions.items():
            line = regions.key_lines[name]
            m = r.map(LineMap(line) if value is None else value, line, f"region {name}")
            if m is None:
                continue
            r.keys(m, _REGION_KEYS, f"region {name}")
            fd.regions[name] = Region(
                name=name,
                parent=r.text(m, "parent", f"region {name}") or None,
                aliases=r.texts(m, "aliases", f"region {name}"),
                hints=r.texts(m, "hints", f"region {name}"),
            )

    not_slogans = top.get("not_slogans") or LineList()
    if isinstance(not_slogans, LineList):
        for item, line in zip(not_slogans, not_slogans.item_lines, strict=True):
            m = r.map(item, line, "not_slogans item")
            if m is not None:
                r.keys(m, _NOT_SLOGAN_KEYS, "not_slogans item")
                form = r.text(m, "form", "not_slogans item", required=True)
                r.text(m, "why", f"not_slogans {form}", required=True)
                if form:
                    fd.not_slogans.append(form)
    else:
        r.err(top.key_lines["not_slogans"], "not_slogans must be a list")

    terms = top.get("terms")
    if terms is None:
        r.err(top.line, "top level: missing 'terms'")
    elif not isinstance(terms, LineList):
        r.err(top.key_lines["terms"], f"terms must be a list, got {_kind(terms)}")
    else:
        read = []
        for item, line in zip(terms, terms.item_lines, strict=True):
            term = _read_term(r, fd, item, line)
            if term is not None:
                read.append(term)
        fd.terms = read
    return fd, r.problems


def _read_term(r: _Reader, fd: FileData, item: Any, line: int) -> Term | None:
    m = r.map(item, line, "term entry")
    if m is None:
        return None
    name = r.text(m, "term", "term entry", required=True)
    what = f"term {name}" if name else "term entry"
    r.keys(m, _TERM_KEYS, what)
    match = r.text(m, "match", what) or "any"
    if match not in _MATCH_RULES:
        r.err(m.key_lines["match"], f"{what}: match must be one of {', '.join(_MATCH_RULES)}")
        match = "any"
    senses_raw = m.get("senses")
    senses: list[Sense] = []
    if not isinstance(senses_raw, LineList) or not senses_raw:
        r.err(m.key_lines.get("senses", m.line), f"{what}: needs a non-empty list of senses")
    else:
        for s_item, s_line in zip(senses_raw, senses_raw.item_lines, strict=True):
            sense = _read_sense(r, fd, s_item, s_line, name, what)
            if sense is not None:
                senses.append(sense)
    if not name:
        return None
    not_in = r.texts(m, "not_in", what)
    aliases = r.texts(m, "aliases", what)
    for longer in not_in:
        if not any(form in longer and form != longer for form in (name, *aliases)):
            r.err(m.key_lines["not_in"], f"{what}: not_in {longer!r} does not contain the term")
    return Term(
        term=name,
        senses=tuple(senses),
        aliases=aliases,
        not_in=not_in,
        match=cast(MatchRule, match),
        see_also=r.texts(m, "see_also", what),
    )


def _read_sense(
    r: _Reader, fd: FileData, item: Any, line: int, term: str, what: str
) -> Sense | None:
    m = r.map(item, line, f"{what}: sense")
    if m is None:
        return None
    sid = r.text(m, "id", f"{what}: sense", required=True)
    swhat = f"{what}: sense {sid}" if sid else f"{what}: sense"
    r.keys(m, _SENSE_KEYS, swhat)
    scope = r.text(m, "scope", swhat, required=True)
    status = r.text(m, "status", swhat) or "documented"
    if status not in _STATUSES:
        r.err(m.key_lines["status"], f"{swhat}: status must be documented or undocumented")
        status = "documented"
    # one citation, or a list: the first is shown, the others give the same meaning
    cite_raw = m.get("source")
    citations: list[Citation] = []
    if cite_raw is None:
        r.err(m.line, f"{swhat}: missing 'source'")
    else:
        many = isinstance(cite_raw, LineList)
        items = (
            list(zip(cite_raw, cite_raw.item_lines, strict=True))
            if many
            else [(cite_raw, m.key_lines["source"])]
        )
        if not items:
            r.err(m.key_lines["source"], f"{swhat}: source list is empty")
        for c_raw, c_line in items:
            c = r.map(c_raw, c_line, f"{swhat}: source")
            if c is None:
                continue
            r.keys(c, _CITE_KEYS, f"{swhat}: source")
            citation = Citation(
                ref=r.text(c, "ref", f"{swhat}: source", required=True),
                quote=r.text(c, "quote", f"{swhat}: source"),
                at=r.text(c, "at", f"{swhat}: source"),
            )
            if not citation.quote:
                r.err(c.line, f"{swhat}: source needs a quote")
            citations.append(citation)
    parts: list[Part] = []
    parts_raw = m.get("parts")
    if parts_raw is not None:
        if not isinstance(parts_raw, LineList):
            r.err(m.key_lines["parts"], f"{swhat}: parts must be a list")
        else:
            for p_item, p_line in zip(parts_raw, parts_raw.item_lines, strict=True):
                p = r.map(p_item, p_line, f"{swhat}: part")
                if p is None:
                    continue
                r.keys(p, _PART_KEYS, f"{swhat}: part")
                if "count" in p:  # the source names fewer items than its numeral (…等“6大指数”)
                    fd.counts[f"{sid}/{len(parts)}"] = p["count"]
                parts.append(
                    Part(
                        label=r.text(p, "label", f"{swhat}: part", required=True),
                        members=r.texts(p, "members", f"{swhat}: part"),
                    )
                )
    if "count" in m:
        count = m["count"]
        if count is not None and (not isinstance(count, int) or isinstance(count, bool)):
            r.err(m.key_lines["count"], f"{swhat}: count must be a whole number or null")
        else:
            fd.counts[sid] = count
    cued = m.get("cued", False)
    if not isinstance(cued, bool):
        r.err(m.key_lines["cued"], f"{swhat}: cued must be true or false")
        cued = False
    if not sid:
        return None
    fd.sense_lines[sid] = m.line
    return Sense(
        id=sid,
        scope=scope,
        term=term,
        source=citations[0] if citations else Citation(ref=""),
        gloss=r.text(m, "gloss", swhat),
        expansion=r.text(m, "expansion", swhat),
        members=r.texts(m, "members", swhat),
        parts=tuple(parts),
        definition=r.text(m, "definition", swhat),
        en=r.text(m, "en", swhat),
        cues=r.texts(m, "cues", swhat),
        since=r.year(m, "since", swhat),
        until=r.year(m, "until", swhat),
        status=cast(Status, status),
        also=tuple(citations[1:]),
        cued=cued,
    )
