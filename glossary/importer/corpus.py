"""The corpus: its reports, the issuer and year each path names, the slice kept aside, and what
a report's front matter says of it."""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..gazetteer import ROOT
from ..resolve import Regions

__all__ = [
    "DEFAULT_CORPUS",
    "HELD_OUT_PERCENT",
    "OUT_DIR",
    "SEEDS_DIR",
    "CorpusReport",
    "corpus_reports",
    "front_matter",
    "is_held_out",
    "province",
    "report_date",
]

HELD_OUT_PERCENT = 12  # reports kept out of the import, to measure on unseen text
# where a checkout of the repository finds the corpus (beside it, in ../shared): read only
DEFAULT_CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "gov"
OUT_DIR = "data/imported"
SEEDS_DIR = "seeds/gov"


@dataclass(frozen=True, slots=True)
class CorpusReport:
    """One report of the corpus, with the issuer and year its path names."""

    path: Path
    rel: str  # the path inside the corpus: the report's name
    issuer: str  # a place name as the path gives it (中国 for national documents)
    year: int | None

    @property
    def held_out(self) -> bool:
        return is_held_out(self.rel)


def is_held_out(rel: str) -> bool:
    """True for the fixed slice of reports the import never reads (a hash of the path)."""
    digest = hashlib.sha256(rel.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % 100 < HELD_OUT_PERCENT


def corpus_reports(root: Path = DEFAULT_CORPUS) -> Iterator[CorpusReport]:
    """Every report of the corpus in path order."""
    for path in sorted(root.rglob("*.md")):
        rel = path.relative_to(root).as_posix()
        parts = rel.split("/")
        m = re.match(r"(\d{4})", parts[-1])
        year = int(m.group(1)) if m else None
        national = not (parts[0].startswith("政府工作报告-") and len(parts) == 3)
        yield CorpusReport(path, rel, ROOT if national else parts[1], year)


_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def front_matter(text: str) -> dict[str, str]:
    """The ``key: value`` lines of a report's front matter (source address, title)."""
    m = _FRONT.match(text)
    out: dict[str, str] = {}
    if m:
        for line in m.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep:
                out[key.strip()] = value.strip()
    return out


def report_date(text: str, year: int | None) -> str:
    """The date the report was delivered, from its head, else its year."""
    for m in _DATE.finditer(text[:800]):
        y, mo, d = (int(g) for g in m.groups())
        if year is None or abs(y - year) <= 1:
            try:
                return _dt.date(y, mo, d).isoformat()
            except ValueError:
                break
    return str(year) if year else ""


def province(scope: str, regions: Regions) -> str:
    """The province a scope lies in (中国 for the nation)."""
    chain = regions.ancestors(scope)
    return chain[-2] if len(chain) >= 2 else ROOT
