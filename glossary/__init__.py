"""Resolve the numeric slogans and abbreviations of Chinese official writing.

>>> import glossary
>>> g = glossary.load()
>>> g.lookup("五化").senses[0].members
('绿化', '美化', '照明化', '净化', '智化')
"""

from . import render  # noqa: F401  (fills the registry of output formats)
from .annotate import Annotation, Glossary, Match, load
from .harvest import Candidate, harvest
from .model import Part, Region, Sense, Source, Term
from .problems import DictionaryError

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


def build_kind() -> str:
    """How this install runs the hot path: ``"compiled"`` where its wheel was built with a C
    compiler (hatch_build.py), else ``"pure Python"`` (a checkout, or the fallback wheel)."""
    from . import matcher

    return "pure Python" if matcher.__file__.endswith(".py") else "compiled"


# ``harvest`` here is the function: importing the submodule first, above, keeps a later
# ``import glossary.harvest`` from rebinding the name to the module
