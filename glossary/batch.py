"""Annotating many documents, or one very large one: ordered output, processes, progress.

Several documents spread over ``jobs`` processes (each gets the pickled Glossary once) and
come back in input order; a single document is annotated block by block, so a file of any
size is read in bounded memory.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import IO, Any

import click

from .annotate import Glossary, annotate_blocks
from .render import json as json_render
from .render.common import shown
from .result import first_uses
from .textio import InputError, iter_blocks, read_text

Report = Callable[[str], None]

_worker: dict[str, Any] = {}


@dataclass(frozen=True, slots=True)
class Options:
    """How documents are annotated and rendered (the CLI's flags)."""

    first_only: bool = False  # only the first use of each slogan
    show_all: bool = False  # inline, markdown, notes: undocumented and undecided uses too
    document: bool = True  # the document's own definitions come first


def _init(
    g: Glossary, fmt: str, region: str | None, options: Options, several: bool, spool: str = ""
) -> None:
    _worker.update(g=g, fmt=fmt, region=region, options=options, several=several)
    if spool:  # a pool worker: its results go to a file of its own, the parent only copies
        _worker["file"] = open(os.path.join(spool, str(os.getpid())), "wb")  # noqa: SIM115


def _one(doc: str) -> tuple[str, str | None, str | None]:
    """(doc, output, error) for one document, in this process: the text to write for it."""
    g: Glossary = _worker["g"]
    options: Options = _worker["options"]
    try:
        text = read_text(doc)
    except InputError as exc:
        return doc, None, str(exc)
    ann = g.annotate(text, _worker["region"], document=options.document)
    fmt = _worker["fmt"]
    kwargs: dict[str, Any] = {"first_only": options.first_only}
    if fmt == "json":
        kwargs["source"] = doc
    elif fmt != "html":
        kwargs["show_all"] = options.show_all
    rendered = ann.render(fmt, **kwargs)
    if fmt == "json":
        return doc, rendered + "\n", None
    head = f"==> {doc} <==\n" if _worker["several"] else ""
    return doc, head + (rendered if rendered.endswith("\n") else rendered + "\n"), None


# (doc, spool file, offset, length, error): where a worker wrote a document's output
_Spooled = tuple[str, str, int, int, str | None]


def _spooled(doc: str) -> _Spooled:
    """One document in a pool worker: its output appended to the worker's own file."""
    doc, output, error = _one(doc)
    f: IO[bytes] = _worker["file"]
    at = f.tell()
    if output is not None:
        f.write(output.encode("utf-8"))
        f.flush()  # the parent copies it as soon as this result reaches it
    return doc, f.name, at, f.tell() - at, error


def _results(docs: list[str], out: IO[str], jobs: int) -> Iterator[tuple[str, str | None]]:
    """(doc, error) in input order, each document's output written to ``out`` first."""
    if jobs == 1 or len(docs) == 1:
        for doc, output, error in map(_one, docs):
            if output is not None:
                out.write(output)
            yield doc, error
        return
    args = tuple(_worker[k] for k in ("g", "fmt", "region", "options", "several"))
    # documents go out in small chunks: a few per worker's turn keep the load balanced
    chunk = max(1, min(16, len(docs) // (jobs * 8)))
    with (
        tempfile.TemporaryDirectory(prefix="glossary-") as spool,
        multiprocessing.Pool(jobs, initializer=_init, initargs=(*args, spool)) as pool,
        _Copier(out) as copy,
    ):
        # each worker writes what it annotates to a file of its own: the parent only copies
        # the bytes across in input order, leaving the two cores to the workers
        for doc, name, at, length, error in pool.imap(_spooled, docs, chunksize=chunk):
            copy(name, at, length)
            yield doc, error


class _Copier:
    """Copies byte ranges of the workers' files to ``out``: by the kernel where ``out`` is a
    UTF-8 file, else read and written as text."""

    def __init__(self, out: IO[str]) -> None:
        self._out = out
        self._files: dict[str, IO[bytes]] = {}
        try:
            self._fd: int | None = out.fileno()
        except (AttributeError, OSError, ValueError):
            self._fd = None
        if (getattr(out, "encoding", "") or "").lower().replace("-", "") != "utf8":
            self._fd = None
        if not hasattr(os, "sendfile"):  # not on Windows
            self._fd = None

    def __enter__(self) -> _Copier:
        return self

    def __exit__(self, *exc: object) -> None:
        for f in self._files.values():
            f.close()

    def __call__(self, name: str, at: int, length: int) -> None:
        if not length:
            return
        f = self._files.get(name)
        if f is None:
            f = self._files[name] = open(name, "rb")  # noqa: SIM115
        if self._fd is not None:
            self._out.flush()
            try:
                while length:
                    sent = os.sendfile(self._fd, f.fileno(), at, length)
                    if not sent:
                        break
                    at, length = at + sent, length - sent
                if not length:
                    return
            except OSError:
                self._fd = None  # a file sendfile cannot write: copy by hand from here on
        f.seek(at)
        self._out.write(f.read(length).decode("utf-8"))


def run_annotate(
    g: Glossary,
    docs: list[str],
    out: IO[str],
    *,
    fmt: str,
    region: str | None,
    options: Options,
    jobs: int,
    progress: bool,
    report: Report,
) -> int:
    """Annotate ``docs`` into ``out``; returns how many documents failed (each reported)."""
    if len(docs) == 1 and fmt in ("json", "inline"):
        doc = docs[0]
        size = os.path.getsize(doc) if doc != "-" and os.path.isfile(doc) else 0
        bar: Any = (
            _bar(size, "annotating", unit_bytes=True) if progress and size > _BIG else _Null()
        )
        try:
            with bar:
                _stream_one(
                    g, doc, out, fmt=fmt, region=region, options=options, on_bytes=bar.update
                )
        except InputError as exc:
            report(str(exc))
            return 1
        return 0
    _init(g, fmt, region, options, several=len(docs) > 1)
    failures = 0
    with _bar(len(docs), "annotating") if progress else _Null() as bar:
        for _, error in _results(docs, out, jobs):
            bar.update(1)
            if error is not None:
                report(f"{error} (skipped)")
                failures += 1
    return failures


_BIG = 8 << 20  # a single file shows progress from this size on


def _bar(length: int, label: str, unit_bytes: bool = False) -> Any:
    return click.progressbar(
        length=length,
        label=label,
        file=sys.stderr,
        show_pos=not unit_bytes,
        show_percent=True,
    )


class _Null:
    def __enter__(self) -> _Null:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int) -> None:
        return None


def _stream_one(
    g: Glossary,
    doc: str,
    out: IO[str],
    *,
    fmt: str,
    region: str | None,
    options: Options,
    on_bytes: Callable[[int], None],
) -> None:
    """One document of any size: JSON written match by match, inline block by block."""
    seen: set[str] = set()  # the slogans used so far, for first uses across blocks
    blocks = annotate_blocks(
        g, iter_blocks(doc, on_bytes=on_bytes), region, document=options.document
    )
    if fmt == "inline":
        for _, ann in blocks:
            kept = [m for m in ann.matches if shown(m, options.show_all)]
            if options.first_only:
                kept = list(first_uses(kept, seen))
            out.write(replace(ann, matches=tuple(kept)).render("inline", show_all=True))
            del ann, kept
        return
    first = next(blocks, None)  # the region and year the document's head gives
    head = {
        "source": doc,
        "region": first[1].region if first else None,
        "year": first[1].year if first else None,
    }

    encode = json_render.Encoder().encode

    # a block's matches are let go before the next block is annotated: with a dense text
    # (nothing but slogans) two blocks' matches held at once are most of the peak memory
    # (itertools.chain would keep its arguments, the first block among them, to the end)
    pending = [first] if first else []
    del first

    def matches() -> Iterator[str]:
        for offset, ann in itertools.chain(_drain(pending), blocks):
            kept = first_uses(ann.matches, seen) if options.first_only else ann.matches
            for m in kept:
                yield encode(m, offset)
            del ann, kept

    for piece in json_render.stream(head, matches()):
        out.write(piece)
    out.write("\n")


def _drain(items: list[Any]) -> Iterator[Any]:
    """The items, each dropped from the list as it is given."""
    while items:
        yield items.pop(0)
