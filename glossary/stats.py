"""How often each slogan appears in each document, for researchers comparing reports.

>>> import glossary
>>> t = count_texts(glossary.load(), {"a": "推进“五化”，深化“五化”", "b": "无"})
>>> t.rows[0]
('五化', '', (2, 0))
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from .annotate import Glossary
from .textio import InputError, read_text

__all__ = ["Table", "count_documents", "count_texts", "to_csv", "to_table"]


@dataclass(frozen=True, slots=True)
class Table:
    """Rows of (term, sense id or "" when the use is undecided, counts per document)."""

    documents: tuple[str, ...]
    rows: tuple[tuple[str, str, tuple[int, ...]], ...]
    failures: int = 0


def count_texts(
    g: Glossary, texts: Mapping[str, str], *, region: str | None = None, failures: int = 0
) -> Table:
    """Count the slogans of already-read documents (name → text)."""
    per_doc: list[Counter[tuple[str, str]]] = []
    for text in texts.values():
        ann = g.annotate(text, region)
        per_doc.append(Counter((m.term.term, m.sense.id if m.sense else "") for m in ann.matches))
    keys = sorted({k for c in per_doc for k in c}, key=lambda k: (-sum(c[k] for c in per_doc), k))
    rows = tuple((term, sense, tuple(c[(term, sense)] for c in per_doc)) for term, sense in keys)
    return Table(tuple(texts), rows, failures)


def count_documents(
    g: Glossary,
    docs: Sequence[str],
    *,
    region: str | None = None,
    report: Callable[[str], None] = print,
) -> Table:
    """Count the slogans of each readable document; unreadable ones are reported and skipped."""
    texts: dict[str, str] = {}
    failures = 0
    for doc in docs:
        try:
            texts[doc] = read_text(doc)
        except InputError as exc:
            report(f"{exc} (skipped)")
            failures += 1
    return count_texts(g, texts, region=region, failures=failures)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, width: int, right: bool = False) -> str:
    fill = " " * (width - _width(s))
    return fill + s if right else s + fill


def to_table(table: Table) -> str:
    """An aligned text table; wide CJK characters count double."""
    names = [f"[{i}]" for i in range(1, len(table.documents) + 1)]
    head = ["term", "sense", *names, "total"]
    body = [
        [t, s or "(undecided)", *map(str, counts), str(sum(counts))] for t, s, counts in table.rows
    ]
    widths = [max(_width(r[i]) for r in [head, *body]) for i in range(len(head))]
    lines = [
        "  ".join(_pad(c, widths[i], right=i >= 2) for i, c in enumerate(r)).rstrip()
        for r in [head, *body]
    ]
    legend = [f"{n} {doc}" for n, doc in zip(names, table.documents, strict=True)]
    return "\n".join([*lines, "", *legend]) + "\n"


def to_csv(table: Table) -> str:
    """document, term, sense, count — one row per non-zero count."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["document", "term", "sense", "count"])
    for term, sense, counts in table.rows:
        for doc, n in zip(table.documents, counts, strict=True):
            if n:
                writer.writerow([doc, term, sense, n])
    return out.getvalue()
