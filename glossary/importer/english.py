"""English for imported senses: ``data/en.yaml``, the project's translations of their held
definitions, each tied to the definition it translates (a digest), so that a sense whose
definition changed in a later import loses its English instead of keeping another meaning's.

    senses:
      - {id: 五化@洛江区, of: 3f1c9a2e, en: "the Five Improvements: greening, …"}

Shown everywhere with ``(translation by this project)``, the project's mark for its own
renderings (data/terms.yaml marks its hand ones alike).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import yaml

from .senses import Imported

__all__ = ["BY_PROJECT", "apply_english", "digest", "read_english"]

BY_PROJECT = " (translation by this project)"


def digest(definition: str) -> str:
    """What an English rendering is tied to: the first 8 hex digits of its definition's SHA-1."""
    return hashlib.sha1(definition.encode("utf-8")).hexdigest()[:8]


def read_english(path: Path) -> dict[str, tuple[str, str]]:
    """Sense id -> (digest of the definition translated, English), from ``path`` if it exists."""
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {row["id"]: (str(row["of"]), str(row["en"])) for row in data.get("senses") or ()}


def _base(sense_id: str) -> str:
    """A sense id without its rank among its place's senses: 三名@南昌市#2 → 三名@南昌市."""
    return sense_id.split("#", 1)[0]


def _form(sense_id: str) -> str:
    """The form a sense id names: 五治一体@兰州市 → 五治一体."""
    return sense_id.split("@", 1)[0]


def apply_english(imported: Imported, english: dict[str, tuple[str, str]]) -> int:
    """Give each imported sense its English where its definition is the one translated (under
    its id, or another rank of its form and place: a meaning read in an earlier report moves
    the others down, 三名@南昌市 → 三名@南昌市#2; or another scope of its form: a city's
    meaning that other places' reports now give too holds wider, 五治一体@兰州市 →
    五治一体@中国); the number of renderings that no longer fit (their sense changed or went)."""
    ranked = {(_base(i), of): i for i, (of, _) in english.items()}
    meant = {(_form(i), of): i for i, (of, _) in english.items()}
    used: set[str] = set()
    for senses in imported.terms.values():
        for k, sense in enumerate(senses):
            of = digest(sense.get("definition", ""))
            found = english.get(sense["id"])
            key = (
                sense["id"]
                if found and found[0] == of
                else ranked.get((_base(sense["id"]), of)) or meant.get((_form(sense["id"]), of))
            )
            if key is None or key in used:
                continue
            used.add(key)
            # the English right after the definition it renders
            out: dict[str, Any] = {}
            for name, value in sense.items():
                out[name] = value
                if name == "definition":
                    out["en"] = english[key][1] + BY_PROJECT
            senses[k] = out
    return len(english) - len(used)
