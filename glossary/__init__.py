"""Resolve the numeric slogans and abbreviations of Chinese official writing.

>>> import glossary
>>> g = glossary.load()
>>> g.lookup("五化").senses[0].members
('绿化', '美化', '照明化', '净化', '智化')
"""

from .annotate import Annotation, Glossary, Match, load
from .dictionary import DictionaryError
from .model import Part, Region, Sense, Source, Term

__all__ = [
    "Annotation",
    "Candidate",
    "DictionaryError",
    "Glossary",
    "Match",
    "Part",
    "Region",
    "Sense",
    "Source",
    "Term",
    "harvest",
    "load",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    # harvest is a separate job from annotation: import it on first use, keeping start-up short
    if name in ("harvest", "Candidate"):
        from . import harvest as _harvest

        return getattr(_harvest, name)
    raise AttributeError(f"module 'glossary' has no attribute {name!r}")
