"""The dictionary in a spaCy pipeline (the ``glossary[spacy]`` extra): a component that puts
every use of a slogan in ``doc.spans["glossary"]``, each span labelled with its term and
carrying, as ``span._.glossary``, the match's JSON (sense, definition, members, scope, …) and
its citation.

    import spacy
    nlp = spacy.blank("zh")
    nlp.add_pipe("glossary", config={"region": "洛江区"})   # found by its entry point
    doc = nlp("推进城市“五化”工程")
    [(s.text, s.label_, s._.glossary["sense"]) for s in doc.spans["glossary"]]

Offsets are the annotator's, in characters; a span covers the tokens they fall in (Chinese
is segmented by character unless the pipeline says otherwise).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .annotate import Glossary, load
from .render.entry import citation

__all__ = ["GlossaryComponent"]

if not Span.has_extension("glossary"):
    Span.set_extension("glossary", default=None)


class GlossaryComponent:
    """Annotates each doc's text and keeps the uses as a span group."""

    def __init__(self, glossary: Glossary, region: str | None, document: bool, key: str) -> None:
        self.glossary = glossary
        self.region = region
        self.document = document
        self.key = key

    def __call__(self, doc: Doc) -> Doc:
        g = self.glossary
        spans = []
        for m in g.annotate(doc.text, self.region, document=self.document).matches:
            span = doc.char_span(m.start, m.end, label=m.term.term, alignment_mode="expand")
            if span is None:
                continue
            data: dict[str, Any] = m.to_dict()
            data["citation"] = citation(m.sense, g.sources) if m.sense else None
            span._.glossary = data
            spans.append(span)
        doc.spans[self.key] = spans
        return doc


@Language.factory(
    "glossary",
    default_config={"region": None, "document": True, "key": "glossary", "dicts": []},
)
def make_component(
    nlp: Language, name: str, region: str | None, document: bool, key: str, dicts: list[str]
) -> GlossaryComponent:
    """``region``: the documents' region (None: inferred from each text); ``document``: a
    text's own definitions first; ``key``: the span group's name; ``dicts``: extra
    dictionary files merged over the bundled one."""
    g = load(*dicts)
    if region is not None:
        g.region_named(region)  # an unknown region fails here, not at the first doc
    return GlossaryComponent(g, region, document, key)
