"""Dictionary files → model: the bundled dictionary (compiled when fresh, else its YAML), and
any files merged over it, read with ``file:line`` errors (``schema``), merged and checked
(``merge``).

>>> d = load_dictionaries([])          # the bundled dictionary
>>> any(t.term == "五化" for t in d.terms)
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .compiled import bundled_paths, load_compiled
from .model import Dictionary
from .problems import DictionaryError, Problem

if TYPE_CHECKING:
    from .schema import FileData

# the YAML reader and the merge are imported where files are read: the bundled dictionary
# loads from its compiled form without them (a pool worker's start)

__all__ = [
    "DictionaryError",
    "Problem",
    "Report",
    "check_dictionary",
    "load_dictionaries",
    "read_bundled",
]


def _bundled_label(path: Path) -> str:
    return f"{path.parent.name}/{path.name} (bundled)"


def _read_all(
    paths: Sequence[Path | str], bundled: bool, *, compiled: bool = True
) -> tuple[list[FileData], list[Problem]]:
    """Parse every file; a YAML syntax error raises, schema problems are collected. The
    bundled files come from their compiled form when it is fresh."""
    from .schema import FileData, read_file

    files: list[FileData] = []
    problems: list[Problem] = []
    todo: list[tuple[Path, str]] = []
    if bundled:
        done = load_compiled() if compiled else None
        if done is not None:
            d = done.dictionary
            fd = FileData("bundled dictionary", None, d.sources, d.regions, d.terms)
            fd.not_slogans = list(d.not_slogans)
            fd.counts = dict(done.counts)
            files.append(fd)
        else:
            todo += [(p, _bundled_label(p)) for p in bundled_paths()]
    todo += [(Path(p), str(p)) for p in paths]
    for path, label in todo:
        fd, found = read_file(path, label)
        problems += found
        files.append(fd)
    return files, problems


def read_bundled() -> tuple[Dictionary, dict[str, int | None]]:
    """The bundled YAML files parsed and merged (for compiling), with explicit counts."""
    from .merge import merge

    files, problems = _read_all([], True, compiled=False)
    if problems:
        raise DictionaryError(problems)
    d, _ = merge(files)
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
        done = load_compiled()
        if done is not None:
            return done.dictionary
    from .merge import check, merge

    files, problems = _read_all(paths, bundled)
    d, origin = merge(files)
    problems += check(d, files, origin, check_quotes=False)[0]
    if problems:
        raise DictionaryError(problems)
    return d


@dataclass(frozen=True, slots=True)
class Report:
    """What ``glossary validate`` found."""

    dictionary: Dictionary | None
    problems: tuple[Problem, ...]
    quotes_checked: int
    quotes_unheld: int = 0  # quotes whose held texts are not installed (no seeds/ here)


def check_dictionary(paths: Sequence[Path | str], *, bundled: bool = False) -> Report:
    """Validate files fully, held-source quotes included; never raises for a bad file."""
    from .merge import check, merge

    try:
        files, problems = _read_all(paths, bundled)
    except DictionaryError as exc:
        return Report(None, exc.problems, 0)
    d, origin = merge(files)
    found, checked, unheld = check(d, files, origin, check_quotes=True)
    return Report(d, tuple(problems + found), checked, unheld)
