"""Reading documents: UTF-8 (with or without BOM), UTF-16 with BOM, and GB18030/GBK.

Chinese official documents still come in GB18030 often; a wrong guess would silently garble
every slogan, so decoding is strict and a file that is neither fails with one clear line.

>>> decode("五化".encode("gb18030"), "x.txt")
'五化'
"""

from __future__ import annotations

import codecs
import fnmatch
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

__all__ = ["InputError", "decode", "detect_encoding", "documents_in", "iter_blocks", "read_text"]

DOCUMENT_GLOBS = ("*.txt", "*.md", "*.text", "*.html", "*.htm")
# folders that hold software or caches, never a user's documents (an environment is known by
# what it holds, not its name: a folder of reports may well be called env)
_SKIPPED_DIRS = frozenset(("node_modules", "__pycache__", "site-packages"))
_ENVIRONMENT_MARKS = ("pyvenv.cfg", "conda-meta")

_PROBE = 1 << 16
_BLOCK = 1 << 18
_SENTENCE_ENDS = "。！？；"


class InputError(Exception):
    """A document that cannot be read as text; the message names the file."""


def _binary(head: bytes) -> bool:
    # text in any of our encodings has no NUL byte (UTF-16 is recognised by its BOM first)
    return b"\x00" in head


def detect_encoding(head: bytes, name: str) -> str:
    """The codec for a document whose first bytes are ``head``."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if _binary(head):
        raise InputError(f"{name}: binary file, not text")
    for encoding in ("utf-8", "gb18030"):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            decoder.decode(head, final=False)
        except UnicodeDecodeError:
            continue
        return encoding
    raise InputError(f"{name}: not UTF-8 or GB18030 text")


def _fail(
    name: str, data: bytes, exc: UnicodeDecodeError, encoding: str, offset: int = 0
) -> InputError:
    line = data[: exc.start].count(b"\n") + 1 + offset
    # the bytes an incremental decoder holds back at the end, or a whole decode's last bytes
    if exc.start >= len(data) or exc.reason == "unexpected end of data":
        return InputError(f"{name}:{line}: ends inside a character (cut short?)")
    return InputError(f"{name}:{line}: cannot decode as {encoding} (byte {data[exc.start]:#04x})")


def decode(data: bytes, name: str) -> str:
    """Decode a whole document; InputError with file and line when it is not text."""
    encoding = detect_encoding(data[:_PROBE], name)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise _fail(name, data, exc, encoding) from None
    return text[1:] if text.startswith("\ufeff") else text


def read_text(path: str | Path) -> str:
    """A document's text; ``-`` reads standard input."""
    name = str(path)
    if name == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>")
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{name}: {exc.strerror or exc}") from None
    return decode(data, name)


def iter_blocks(
    path: str | Path, size: int = _BLOCK, on_bytes: Callable[[int], None] | None = None
) -> Iterator[str]:
    """The document in blocks of about ``size`` bytes that end at a line break (or, in a
    line longer than a block, after a full stop or anywhere), decoded incrementally, so a
    file of any size is read in bounded memory. ``on_bytes`` is told how many bytes each
    read consumed (for a progress bar)."""
    name = str(path)
    try:
        stream = sys.stdin.buffer if name == "-" else open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"{name}: {exc.strerror or exc}") from None
    with stream:
        head = stream.read(size)
        encoding = detect_encoding(head[:_PROBE], name)
        decoder = codecs.getincrementaldecoder(encoding)()
        pending, lines_done, chunk, first = "", 0, head, True
        while True:
            final = not chunk
            try:
                text = decoder.decode(chunk, final=final)
            except UnicodeDecodeError as exc:
                raise _fail(name, chunk, exc, encoding, lines_done) from None
            if first:
                text = text[1:] if text.startswith("\ufeff") else text
                first = False
            lines_done += chunk.count(b"\n")
            if on_bytes is not None:
                on_bytes(len(chunk))
            text = pending + text
            if final:
                if text:
                    yield text
                return
            cut = text.rfind("\n") + 1
            if not cut and len(text) > size // 3:  # characters: three UTF-8 bytes each
                # a line longer than a block (a file with no line breaks): cut after the
                # last full stop, else anywhere; the annotator reads across block borders
                cut = max(text.rfind(p) for p in _SENTENCE_ENDS) + 1 or len(text)
            if cut:
                yield text[:cut]
                pending = text[cut:]
            else:
                pending = text
            chunk = stream.read(size)


def documents_in(
    root: str | Path,
    globs: Sequence[str] = DOCUMENT_GLOBS,
    exclude: Sequence[str] = (),
) -> list[str]:
    """The documents under a folder, sorted: files whose name matches one of ``globs`` and
    whose path below ``root`` matches none of ``exclude``. Hidden folders, virtual
    environments (a folder holding ``pyvenv.cfg`` or ``conda-meta``), ``node_modules`` and caches are not
    entered, and a folder reached again through a symbolic link is not read twice.

    >>> documents_in("/nonexistent")
    []
    """
    root = Path(root)
    found: list[str] = []
    seen: set[tuple[int, int]] = set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        try:
            st = os.stat(folder)
        except OSError:
            dirs[:] = []
            continue
        if (st.st_dev, st.st_ino) in seen:  # a symlink loop, or a folder linked twice
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and d not in _SKIPPED_DIRS
            and not any(os.path.exists(os.path.join(folder, d, m)) for m in _ENVIRONMENT_MARKS)
        )
        for name in files:
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root)
            if name.startswith(".") or not any(fnmatch.fnmatch(name.lower(), g) for g in globs):
                continue
            if any(fnmatch.fnmatch(rel, x) or fnmatch.fnmatch(name, x) for x in exclude):
                continue
            if os.path.isfile(path):
                found.append(path)
    return sorted(found)
