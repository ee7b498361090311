"""YAML → model: load, validate with ``file:line`` errors, merge several files.

>>> d = load_dictionaries([])          # the bundled dictionary
>>> any(t.term == "五化" for t in d.terms)
True
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any, cast

from .gazetteer import load_gazetteer
from .model import Citation, Dictionary, MatchRule, Part, Region, Sense, Source, Status, Term

__all__ = [
    "NUMERAL_CHARS",
    "DictionaryError",
    "Problem",
    "bundled_path",
    "check_dictionary",
    "fold_for_quote",
    "leading_count",
    "load_dictionaries",
    "member_count",
]


@dataclass(frozen=True, slots=True)
class Problem:
    """One validation finding, printable as ``file:line: message``."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return (
            f"{self.file}:{self.line}: {self.message}"
            if self.line
            else f"{self.file}: {self.message}"
        )


class DictionaryError(Exception):
    """Raised by the loader when a dictionary file is broken; ``problems`` lists every finding."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        first = str(self.problems[0]) if self.problems else "invalid dictionary"
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(first + more)


def bundled_path() -> Path:
    """The hand-curated dictionary shipped inside the package."""
    return Path(str(resources.files("glossary").joinpath("data/terms.yaml")))


def bundled_paths() -> list[Path]:
    """Every bundled dictionary file in merge order: the imported ones (generated from the
    public record by ``python -m glossary.importer``), then the hand-curated one, which wins."""
    imported = Path(str(resources.files("glossary").joinpath("data/imported")))
    return [*sorted(imported.glob("*.yaml")), bundled_path()]


# ---------------------------------------------------------------------------- YAML with lines
# A node walker instead of yaml.safe_load: every mapping and list keeps the line it started on,
# so a schema error can name its line, not just its file.


class _Map(dict[str, Any]):
    def __init__(self, line: int = 0) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[str, int] = {}


class _List(list[Any]):
    def __init__(self, line: int = 0) -> None:
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []


# A dictionary from a user is untrusted data: these bound what reading one may cost.
MAX_FILE_BYTES = 64 << 20
MAX_NODES = 4_000_000  # mappings, lists and scalars
MAX_STRING = 20_000  # characters in one scalar


def _construct(node: Any, loader: Any, file: str, seen: set[int] | None = None) -> Any:
    line = node.start_mark.line + 1
    if seen is None:
        seen = set()
    # an alias is the node of its anchor met again: refused, since aliases nested a few deep
    # (“billion laughs”) expand to more than any memory holds
    if id(node) in seen:
        raise DictionaryError(
            [Problem(file, line, "YAML anchors and aliases (&name, *name) are not allowed")]
        )
    seen.add(id(node))
    if len(seen) > MAX_NODES:
        raise DictionaryError([Problem(file, line, f"more than {MAX_NODES:,} YAML nodes")])
    if node.id == "mapping":  # PyYAML's node kinds, without importing it per node
        out = _Map(line)
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            if key in out:
                raise DictionaryError(
                    [Problem(file, key_node.start_mark.line + 1, f"duplicate key {key!r}")]
                )
            out[key] = _construct(value_node, loader, file, seen)
            out.key_lines[key] = key_node.start_mark.line + 1
        return out
    if node.id == "sequence":
        seq = _List(line)
        for item in node.value:
            seq.append(_construct(item, loader, file, seen))
            seq.item_lines.append(item.start_mark.line + 1)
        return seq
    if isinstance(node.value, str) and len(node.value) > MAX_STRING:
        raise DictionaryError(
            [
                Problem(
                    file,
                    line,
                    f"a string of {len(node.value):,} characters (at most {MAX_STRING:,})",
                )
            ]
        )
    return loader.construct_object(node, deep=True)


def _parse_yaml(text: str, file: str) -> Any:
    # PyYAML is imported here, not at start-up: the bundled dictionary loads compiled
    import yaml

    # libyaml's parser when PyYAML was built with it: several times faster
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _construct(node, loader, file)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        what = exc.problem or exc.context or "invalid YAML"
        raise DictionaryError([Problem(file, line, f"YAML syntax error: {what}")]) from None
    except yaml.YAMLError as exc:
        raise DictionaryError([Problem(file, 0, f"YAML error: {exc}")]) from None
    finally:
        loader.dispose()


# ---------------------------------------------------------------------------- schema

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

    def keys(self, m: _Map, allowed: set[str], what: str) -> None:
        for key in m:
            if key not in allowed:
                self.err(m.key_lines[key], f"{what}: unknown key {key!r}")

    def map(self, value: Any, line: int, what: str) -> _Map | None:
        if isinstance(value, _Map):
            return value
        self.err(line, f"{what}: expected a mapping, got {_kind(value)}")
        return None

    def text(self, m: _Map, key: str, what: str, *, required: bool = False) -> str:
        value = m.get(key)
        if value is None:
            if required:
                self.err(m.line, f"{what}: missing {key!r}")
            return ""
        if isinstance(value, bool | _Map | _List):
            self.err(m.key_lines[key], f"{what}: {key!r} must be text, got {_kind(value)}")
            return ""
        if isinstance(value, _dt.date):
            return value.isoformat()
        return str(value)

    def texts(self, m: _Map, key: str, what: str) -> tuple[str, ...]:
        value = m.get(key)
        if value is None:
            return ()
        if not isinstance(value, _List):
            self.err(m.key_lines[key], f"{what}: {key!r} must be a list, got {_kind(value)}")
            return ()
        out = []
        for item, line in zip(value, value.item_lines, strict=True):
            if isinstance(item, _Map | _List) or item is None or isinstance(item, bool):
                self.err(line, f"{what}: {key!r} items must be text, got {_kind(item)}")
            else:
                out.append(str(item))
        return tuple(out)

    def year(self, m: _Map, key: str, what: str) -> int | None:
        value = m.get(key)
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100:
            return value
        self.err(m.key_lines[key], f"{what}: {key!r} must be a year such as 2023")
        return None


def _kind(value: Any) -> str:
    if isinstance(value, _Map):
        return "a mapping"
    if isinstance(value, _List):
        return "a list"
    if value is None:
        return "nothing"
    return type(value).__name__


@dataclass
class _FileData:
    """One parsed file, with the line of every sense and term for later cross-checks."""

    file: str
    root: Path | None
    sources: dict[str, Source] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    terms: Sequence[Term] = field(default_factory=list)
    not_slogans: list[str] = field(default_factory=list)
    sense_lines: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int | None] = field(default_factory=dict)  # sense id -> explicit `count`


def _read_file(path: Path, label: str) -> tuple[_FileData, list[Problem]]:
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
    data = _parse_yaml(text, label)
    r = _Reader(label)
    fd = _FileData(label, path.resolve().parent)
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

    sources = top.get("sources") or _Map()
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

    regions = top.get("regions") or _Map()
    if r.map(regions, top.key_lines.get("regions", 1), "regions") is not None:
        for name, value in regions.items():
            line = regions.key_lines[name]
            m = r.map(_Map(line) if value is None else value, line, f"region {name}")
            if m is None:
                continue
            r.keys(m, _REGION_KEYS, f"region {name}")
            fd.regions[name] = Region(
                name=name,
                parent=r.text(m, "parent", f"region {name}") or None,
                aliases=r.texts(m, "aliases", f"region {name}"),
                hints=r.texts(m, "hints", f"region {name}"),
            )

    not_slogans = top.get("not_slogans") or _List()
    if isinstance(not_slogans, _List):
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
    elif not isinstance(terms, _List):
        r.err(top.key_lines["terms"], f"terms must be a list, got {_kind(terms)}")
    else:
        read = []
        for item, line in zip(terms, terms.item_lines, strict=True):
            term = _read_term(r, fd, item, line)
            if term is not None:
                read.append(term)
        fd.terms = read
    return fd, r.problems


def _read_term(r: _Reader, fd: _FileData, item: Any, line: int) -> Term | None:
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
    if not isinstance(senses_raw, _List) or not senses_raw:
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
    r: _Reader, fd: _FileData, item: Any, line: int, term: str, what: str
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
        many = isinstance(cite_raw, _List)
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
        if not isinstance(parts_raw, _List):
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


# ---------------------------------------------------------------------------- numerals and counts

_CN_DIGIT = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "双": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
NUMERAL_CHARS = frozenset(_CN_DIGIT) | {"十", "百", "千", "万"}
_ARABIC = re.compile(r"[0-9０-９]+")


@functools.lru_cache(maxsize=8192)  # labels recur across a corpus: 十四五, 两个维护 …
def leading_count(label: str) -> int | None:
    """The number a label starts with, if any: ``"三轴"`` → 3, ``"3"`` → 3, ``"N"`` → None.

    >>> leading_count("两不愁"), leading_count("十大"), leading_count("12"), leading_count("N")
    (2, 10, 12, None)
    """
    label = label.strip("“”\"'‘’ ")
    m = _ARABIC.match(label)
    if m:
        return int(unicodedata.normalize("NFKC", m.group()))
    if not label:
        return None
    head = label[0]
    if head == "十":
        nxt = _CN_DIGIT.get(label[1:2])
        return 10 + nxt if nxt and label[1:2] not in "两双" else 10
    if head in _CN_DIGIT and _CN_DIGIT[head] > 0:
        value = _CN_DIGIT[head]
        if label[1:2] == "十":
            unit = _CN_DIGIT.get(label[2:3], 0)
            return value * 10 + unit
        return value
    return None


@functools.lru_cache(maxsize=8192)
def member_count(term: str) -> int | None:
    """The member count a term states, when its only numeral leads it (五化 → 5, 四个意识 → 4)."""
    n = leading_count(term)
    if n is None or n < 2 or term[0].isdigit():
        return None
    rest = term[1:].lstrip("十")
    if any(ch in NUMERAL_CHARS for ch in rest) or _ARABIC.search(rest):
        return None
    return n


# ---------------------------------------------------------------------------- quotes

_DROP_CATEGORIES = ("P", "Z", "C")


def fold_for_quote(text: str) -> str:
    """Fold away what quoting may change: width, whitespace, punctuation, replacement marks.

    >>> fold_for_quote("“五化”: 绿化、美化。") == fold_for_quote('"五化"：绿化美化')
    True
    """
    text = unicodedata.normalize("NFKC", text)
    return "".join(
        ch
        for ch in text
        if ch != "\ufffd" and not unicodedata.category(ch).startswith(_DROP_CATEGORIES)
    )


@functools.lru_cache(maxsize=4096)
def _folded_file(path: Path) -> str | None:
    try:
        return fold_for_quote(path.read_text(encoding="utf-8-sig", errors="replace"))
    except OSError:
        return None


def _find_held(root: Path | None, rel: str) -> Path | None:
    """A source file named relative to the project: look in the YAML file's folder and above."""
    if root is None:
        return None
    for folder in (root, *root.parents):
        candidate = folder / rel
        if candidate.is_file():
            return candidate
    return None


# ---------------------------------------------------------------------------- merge and check


def _merge(files: Sequence[_FileData]) -> tuple[Dictionary, dict[str, tuple[_FileData, int]]]:
    """Later files win: sources and regions by key, senses by id; terms gather their senses."""
    sources: dict[str, Source] = {}
    # every division of China underlies the files' own regions (towns, zones, aliases)
    regions: dict[str, Region] = dict(load_gazetteer())
    not_slogans: list[str] = []
    terms: dict[str, Term] = {}
    origin: dict[str, tuple[_FileData, int]] = {}
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
    same scope, the placeholder goes (“no source explains it” no longer holds)."""
    documented = {s.scope for s in term.senses if s.documented}
    if not any(not s.documented and s.scope in documented for s in term.senses):
        return term
    kept = tuple(s for s in term.senses if s.documented or s.scope not in documented)
    return replace(term, senses=kept)


def _union(a: Iterable[str], b: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*a, *b]))


def _check(
    d: Dictionary,
    files: Sequence[_FileData],
    origin: dict[str, tuple[_FileData, int]],
    check_quotes: bool,
) -> tuple[list[Problem], int]:
    problems: list[Problem] = []
    quotes_checked = 0

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
                held = _find_held(origin[f"source:{source.key}"][0].root, source.file)
                folded = _folded_file(held) if held else None
                if folded is None:
                    err(s.id, f"{what}: source file {source.file} not found")
                elif fold_for_quote(c.quote) not in folded:
                    err(s.id, f"{what}: quote not found in {source.file}: {c.quote[:40]!r}")
                else:
                    quotes_checked += 1
    return problems, quotes_checked


def _bundled_label(path: Path) -> str:
    return f"{path.parent.name}/{path.name} (bundled)"


def _read_all(
    paths: Sequence[Path | str], bundled: bool, *, compiled: bool = True
) -> tuple[list[_FileData], list[Problem]]:
    """Parse every file; a YAML syntax error raises, schema problems are collected. The
    bundled files come from their compiled form when it is fresh."""
    files: list[_FileData] = []
    problems: list[Problem] = []
    todo: list[tuple[Path, str]] = []
    if bundled:
        from .compiled import load_compiled

        done = load_compiled() if compiled else None
        if done is not None:
            d = done.dictionary
            fd = _FileData("bundled dictionary", None, d.sources, d.regions, d.terms)
            fd.not_slogans = list(d.not_slogans)
            fd.counts = dict(done.counts)
            files.append(fd)
        else:
            todo += [(p, _bundled_label(p)) for p in bundled_paths()]
    todo += [(Path(p), str(p)) for p in paths]
    for path, label in todo:
        fd, found = _read_file(path, label)
        problems += found
        files.append(fd)
    return files, problems


def read_bundled() -> tuple[Dictionary, dict[str, int | None]]:
    """The bundled YAML files parsed and merged (for compiling), with explicit counts."""
    files, problems = _read_all([], True, compiled=False)
    if problems:
        raise DictionaryError(problems)
    d, _ = _merge(files)
    counts: dict[str, int | None] = {}
    for fd in files:
        counts.update(fd.counts)
    return d, counts


def load_dictionaries(paths: Sequence[Path | str], *, bundled: bool = True) -> Dictionary:
    """Read, merge and check dictionary files; raise DictionaryError listing every problem.

    The bundled dictionary alone loads from its compiled form, checked when it was compiled;
    quotes are checked against held source files by ``glossary validate``, not on load.
    """
    if bundled and not paths:
        from .compiled import load_compiled

        done = load_compiled()
        if done is not None:
            return done.dictionary
    files, problems = _read_all(paths, bundled)
    d, origin = _merge(files)
    problems += _check(d, files, origin, check_quotes=False)[0]
    if problems:
        raise DictionaryError(problems)
    return d


@dataclass(frozen=True, slots=True)
class Report:
    """What ``glossary validate`` found."""

    dictionary: Dictionary | None
    problems: tuple[Problem, ...]
    quotes_checked: int


def check_dictionary(paths: Sequence[Path | str], *, bundled: bool = False) -> Report:
    """Validate files fully, held-source quotes included; never raises for a bad file."""
    try:
        files, problems = _read_all(paths, bundled)
    except DictionaryError as exc:
        return Report(None, exc.problems, 0)
    d, origin = _merge(files)
    found, checked = _check(d, files, origin, check_quotes=True)
    return Report(d, tuple(problems + found), checked)
