"""The corpus of public reports (../shared/corpus/gov): its files, issuers, years and slices.

A report's path names its issuer and year (`政府工作报告-<level>/<place>/<year>.md`); the
held-out slice — reports the import never reads, kept to measure the project on unseen
text — is chosen by a hash of the path, so it is the same on every machine.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = "中国"
DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "gov"
HELD_OUT_PERCENT = 12  # share of reports kept out of the import


@dataclass(frozen=True, slots=True)
class Report:
    path: Path
    rel: str  # the path inside the corpus, the report's name
    issuer: str  # the region the path names (中国 for the State Council and the plans)
    province: str  # the province-level region the path names (中国 for national documents)
    year: int | None

    @property
    def held_out(self) -> bool:
        return is_held_out(self.rel)


def is_held_out(rel: str) -> bool:
    digest = hashlib.sha256(rel.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % 100 < HELD_OUT_PERCENT


def reports(root: Path = DEFAULT) -> Iterator[Report]:
    """Every report of the corpus, in path order, with the issuer and year its path names."""
    for path in sorted(root.rglob("*.md")):
        rel = path.relative_to(root).as_posix()
        parts = rel.split("/")
        m = re.match(r"(\d{4})", parts[-1])
        year = int(m.group(1)) if m else None
        if parts[0].startswith("政府工作报告-") and len(parts) == 3:
            issuer = parts[1]
            province = issuer if parts[0] == "政府工作报告-省自治区" else ""
        else:  # 政府工作报告-国务院/, 五年规划/, 国务院机构改革/
            issuer = province = ROOT
        yield Report(path, rel, issuer, province, year)
