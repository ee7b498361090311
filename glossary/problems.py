"""What reading a dictionary file found wrong: a ``Problem`` (``file:line: message``) and the
``DictionaryError`` that carries every one.

>>> str(Problem("terms.yaml", 12, "unknown key 'glos'"))
"terms.yaml:12: unknown key 'glos'"
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["DictionaryError", "Problem"]


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
