"""A quote checked against the text it cites: both folded (width, spaces, punctuation), the text
found beside the dictionary file that names it.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

__all__ = ["ELIDED", "find_held", "fold_for_quote", "folded_file", "quoted_in"]

ELIDED = "……"  # where a quote leaves text out: its pieces stand in the text in this order

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


def quoted_in(quote: str, folded: str) -> bool:
    """Whether ``quote`` stands in ``folded`` (a text already folded), its pieces around
    ``ELIDED`` in order.

    >>> quoted_in("“四新”……新材料……新业态", fold_for_quote("“四新”产业。“新材料”加快，“新业态”培育"))
    True
    >>> quoted_in("新业态……新材料", fold_for_quote("“新材料”加快，“新业态”培育"))
    False
    """
    at = 0
    for piece in quote.split(ELIDED):
        piece = fold_for_quote(piece)
        found = folded.find(piece, at)
        if found < 0:
            return False
        at = found + len(piece)
    return True


@functools.lru_cache(maxsize=4096)
def folded_file(path: Path) -> str | None:
    try:
        return fold_for_quote(path.read_text(encoding="utf-8-sig", errors="replace"))
    except OSError:
        return None


def find_held(root: Path | None, rel: str) -> Path | None:
    """A source file named relative to the project: look in the YAML file's folder and above."""
    if root is None:
        return None
    for folder in (root, *root.parents):
        candidate = folder / rel
        if candidate.is_file():
            return candidate
    return None
