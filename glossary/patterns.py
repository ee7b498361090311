"""The package's fixed regular expressions, compiled once per interpreter and kept beside its
bytecode.

Compiling a pattern is Python work in the ``re`` module, and every character class that holds
a Chinese character builds a map of the 65,536 first code points: the readers' patterns cost a
fresh process more than building the matcher. As Python keeps a module's bytecode in
``__pycache__``, this keeps there the code the regular-expression engine runs for each pattern,
for this interpreter alone, and hands it to the engine directly next time. The code is made by
``re``'s own compiler, as ``re.compile`` makes it; a pattern the cache lacks is compiled so,
and the process adds it to the cache after an annotation or when it ends. Nothing is written
where bytecode is not (``python -B``, ``PYTHONDONTWRITEBYTECODE``) or where the folder is
read-only; a missing, damaged or other interpreter's cache is compiled anew.

Only fixed patterns belong here: one built from a text's words would grow the cache for ever.

>>> regex(r"[一二三]+").findall("一二三四")
['一二三']
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import importlib.util
import marshal
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

# the compiler and engine of CPython's re, whose own compile() this follows; another
# interpreter compiles through re.compile alone
_sre: Any
try:
    _sre = importlib.import_module("_sre")
    _compiler: Any = importlib.import_module("re._compiler")
    _parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover
    _sre = None

__all__ = ["lazy", "regex", "save"]

_FORMAT = 1

# (pattern, flags) -> the engine's arguments: flags, code, groups, group index, index group
_Key = tuple[str, int]
_Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

_entries: dict[_Key, _Entry] | None = None  # read on first use
_new: dict[_Key, _Entry] = {}  # compiled by this process, not yet written
_writable = True


def _engine() -> tuple[Any, ...]:
    """What the compiled code is valid for: this interpreter and its engine, exactly."""
    return (_FORMAT, sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE)


def cache_path() -> Path | None:
    """Where the cache is: ``__pycache__/patterns.<tag>.regex`` beside this module (or under
    ``PYTHONPYCACHEPREFIX``), None where the interpreter keeps no bytecode cache."""
    try:
        pyc = importlib.util.cache_from_source(__file__)
    except (NotImplementedError, ValueError):
        return None
    return Path(pyc).with_suffix(".regex")


def _read() -> dict[_Key, _Entry]:
    path = cache_path()
    if _sre is None or path is None:
        return {}
    try:
        engine, entries = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return entries if engine == _engine() and isinstance(entries, dict) else {}


def _compile(pattern: str, flags: int) -> _Entry:
    """The engine's arguments for ``pattern``, as ``re._compiler.compile`` makes them."""
    parsed = _parser.parse(pattern, flags)
    code = [int(c) for c in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (
        flags | parsed.state.flags,
        code,
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the cache where it holds the pattern."""
    global _entries
    if _sre is None:
        return re.compile(pattern, flags)
    if _entries is None:
        _entries = _read()
    key = (pattern, int(flags))
    entry = _entries.get(key)
    if entry is None:
        try:
            entry = _compile(pattern, int(flags))
        except Exception:  # what re.compile says of a bad pattern, in its words
            return re.compile(pattern, flags)
        _entries[key] = _new[key] = entry
    compiled: re.Pattern[str] = _sre.compile(pattern, *entry)
    return compiled


def lazy(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A regular expression compiled when first asked for: the patterns of formats most texts
    lack (a notes section's, a ranking's) cost a worker's start nothing until a text has them.

    >>> digits = lazy(r"[0-9]+")
    >>> digits().findall("3+2+1")
    ['3', '2', '1']
    """
    return functools.cache(lambda: regex(pattern, flags))


def save() -> None:
    """Write the patterns this process compiled anew into the cache, with what another process
    wrote there meanwhile (a no-op when there are none)."""
    global _writable
    if not _new or not _writable or sys.dont_write_bytecode:
        return
    path = cache_path()
    if path is None:
        return
    entries = {**_read(), **_new}
    _new.clear()
    temporary = path.with_name(f"{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(marshal.dumps((_engine(), entries)))
        os.replace(temporary, path)  # whole or not at all, for a process reading it now
    except OSError:
        _writable = False  # a read-only install: compiled in each process, as re does
        with contextlib.suppress(OSError):
            temporary.unlink()


atexit.register(save)
