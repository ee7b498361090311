"""The bundled dictionary compiled: what the YAML files say, in a form that loads in
milliseconds, each term's senses built only when a text or a look-up needs them.

``tools/build_data.py`` writes ``glossary/data/compiled.bin`` from the bundled YAML
files (data/imported/*.yaml, then data/terms.yaml) and the gazetteer; ``load_compiled``
reads it, and returns None when the file is missing, of another format, or stale (a source
file's size differs), so the loader falls back to the YAML. ``tests/test_compiled.py``
compares the digest of every source byte and fails when the shipped file is stale.

>>> c = load_compiled()
>>> c is not None and c.dictionary.terms[0].senses[0].scope != ""
True
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import itertools
import marshal
import mmap
import struct
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple, overload

from .model import Citation, Dictionary, MatchRule, Part, Region, Sense, Source, Term

__all__ = ["TermKeys", "TermTable", "compile_dictionary", "load_compiled", "term_keys"]

FORMAT = 5
_SHIPPED = "data/compiled.bin"
# the file: the head's length, the head (marshalled), then every term's senses marshalled one
# after another, which a process maps rather than reads: most terms are never asked for
_LENGTH = struct.Struct("<Q")


class TermKeys(NamedTuple):
    """What the matcher needs of a term, without building its senses."""

    forms: tuple[str, ...]
    not_in: tuple[str, ...]
    match: MatchRule
    cues: tuple[str, ...]


def term_keys(terms: Sequence[Term]) -> list[TermKeys]:
    """The matcher's view of every term (from the compiled index when there is one)."""
    if isinstance(terms, TermTable):
        return terms.keys
    return [
        TermKeys(t.forms, t.not_in, t.match, tuple(c for s in t.senses for c in s.cues))
        for t in terms
    ]


def _cite(c: Citation) -> tuple[str, str, str]:
    return (c.ref, c.quote, c.at)


# the fields stored as they are, from the dataclass itself (a field added to Sense is stored);
# id and scope lead each row, source, parts and also are stored as tuples, and a compiled
# sense's term and origin are known
_STRUCTURED = {"id", "scope", "term", "source", "parts", "also", "origin"}
_PLAIN = tuple(f.name for f in dataclasses.fields(Sense) if f.name not in _STRUCTURED)


def _sense_row(s: Sense) -> tuple[Any, ...]:
    parts = tuple((p.label, p.members) for p in s.parts)
    also = tuple(_cite(c) for c in s.also)
    return (s.id, s.scope, _cite(s.source), parts, also, *(getattr(s, f) for f in _PLAIN))


def _sense(term: str, row: tuple[Any, ...]) -> Sense:
    sid, scope, src, parts, also, *plain = row
    return Sense(
        sid,
        scope,
        term,
        Citation(*src),
        parts=tuple(Part(*p) for p in parts),
        also=tuple(Citation(*c) for c in also),
        **dict(zip(_PLAIN, plain, strict=True)),
    )


class Blobs:
    """Each term's senses, marshalled: slices of the compiled file, mapped into memory."""

    def __init__(self, store: mmap.mmap | bytes, offsets: Sequence[int], base: int = 0) -> None:
        self._store = store
        self._offsets = offsets  # blob i is store[base + offsets[i]:base + offsets[i + 1]]
        self._base = base

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, i: int) -> bytes:
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._store[self._base + self._offsets[i] : self._base + self._offsets[i + 1]]

    def __reduce__(self) -> tuple[Any, ...]:
        return (list, ([self[i] for i in range(len(self))],))  # a map does not travel: its bytes do


class TermTable(Sequence[Term]):
    """The terms of a compiled dictionary: a term (and its senses) is built on first use."""

    def __init__(self, index: list[tuple[Any, ...]], blobs: Blobs | Sequence[bytes]) -> None:
        self._index = index  # (term, aliases, not_in, match, see_also, cues)
        self._blobs = blobs  # each term's senses, marshalled
        self._built: list[Term | None] = [None] * len(index)
        self.keys = [TermKeys((t, *al), ni, m, cues) for t, al, ni, m, _, cues in index]

    def __len__(self) -> int:
        return len(self._index)

    @overload
    def __getitem__(self, i: int) -> Term: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Term]: ...
    def __getitem__(self, i: int | slice) -> Term | Sequence[Term]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        term = self._built[i]
        if term is None:
            name, aliases, not_in, match, see_also, _ = self._index[i]
            senses = tuple(_sense(name, row) for row in marshal.loads(self._blobs[i]))
            term = self._built[i] = Term(name, senses, aliases, not_in, match, see_also)
        return term

    def __iter__(self) -> Iterator[Term]:
        return (self[i] for i in range(len(self)))

    def __reduce__(self) -> tuple[Any, ...]:
        return (TermTable, (self._index, self._blobs))


def digest(paths: Sequence[Path]) -> str:
    """What the compiled form was built from: the format and every source file's bytes."""
    h = hashlib.blake2b(str(FORMAT).encode(), digest_size=16)
    for p in paths:
        h.update(p.name.encode("utf-8") + b"\0" + p.read_bytes())
    return h.hexdigest()


def sizes(paths: Sequence[Path]) -> tuple[tuple[str, int], ...]:
    """The source files' names and sizes: what loading checks (the digest costs a read of
    every file; ``tests/test_compiled.py`` compares it)."""
    return tuple((p.name, p.stat().st_size) for p in paths)


def compile_dictionary(d: Dictionary, counts: dict[str, int | None] | None = None) -> bytes:
    """The compiled bytes of the merged bundled dictionary (``counts``: the explicit member
    counts the validator needs when other files are merged over it)."""
    index = []
    blobs = []
    for t in d.terms:
        cues = tuple(c for s in t.senses for c in s.cues)
        index.append((t.term, t.aliases, t.not_in, t.match, t.see_also, cues))
        blobs.append(marshal.dumps(tuple(_sense_row(s) for s in t.senses)))
    sources = [(s.key, s.title, s.issuer, s.date, s.file, s.url) for s in d.sources.values()]
    regions = [(r.name, r.parent, r.aliases, r.hints) for r in d.regions.values()]
    paths = source_paths()
    built_from = (digest(paths), sizes(paths))
    offsets = list(itertools.accumulate(map(len, blobs), initial=0))
    head = marshal.dumps(
        (FORMAT, built_from, sources, regions, d.not_slogans, index, offsets, counts or {})
    )
    return _LENGTH.pack(len(head)) + head + b"".join(blobs)


def _dictionary_data(name: str) -> Path:
    """A bundled dictionary file or folder: inside the installed package (the wheel places the
    repository's data/ there), or, running from a checkout, in its data/ beside the package."""
    inside = Path(str(resources.files("glossary").joinpath("data", name)))
    if inside.exists():
        return inside
    return Path(__file__).resolve().parent.parent / "data" / name


def bundled_path() -> Path:
    """The hand-curated dictionary (data/terms.yaml)."""
    return _dictionary_data("terms.yaml")


def bundled_paths() -> list[Path]:
    """Every bundled dictionary file in merge order: the imported ones (generated from the
    public record by ``tools/build_data.py``), then the hand-curated one, which wins."""
    return [*sorted(_dictionary_data("imported").glob("*.yaml")), bundled_path()]


def shipped_path() -> Path:
    return Path(str(resources.files("glossary").joinpath(_SHIPPED)))


def source_paths() -> list[Path]:
    data = Path(str(resources.files("glossary").joinpath("data")))
    return [*bundled_paths(), data / "regions.json"]


class Compiled(NamedTuple):
    dictionary: Dictionary
    counts: dict[str, int | None]
    digest: str  # of the sources it was compiled from


@functools.cache
def load_compiled() -> Compiled | None:
    """The bundled dictionary from its compiled form, or None when that is missing or stale."""
    path = shipped_path()
    try:
        with path.open("rb") as f:
            (length,) = _LENGTH.unpack(f.read(_LENGTH.size))
            payload = marshal.loads(f.read(length))
            if not isinstance(payload, tuple) or len(payload) != 8 or payload[0] != FORMAT:
                return None
            (
                _,
                (built_digest, built_sizes),
                sources,
                regions,
                not_slogans,
                index,
                offsets,
                counts,
            ) = payload
            if built_sizes != sizes(source_paths()):
                return None
            start = _LENGTH.size + length
            if start + offsets[-1] != f.seek(0, 2):
                return None  # cut short
            try:
                store: mmap.mmap | bytes = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
            except (OSError, ValueError):  # a file system that maps nothing
                f.seek(0)
                store = f.read()
    except (OSError, ValueError, EOFError, TypeError, struct.error):
        return None
    blobs = Blobs(store, offsets, start)
    d = Dictionary(
        terms=TermTable(index, blobs),
        sources={row[0]: Source(*row) for row in sources},
        regions={row[0]: Region(*row) for row in regions},
        not_slogans=not_slogans,
    )
    return Compiled(d, counts, built_digest)
