"""Renderers, one module per output format, in a registry keyed by name.

>>> sorted(RENDERERS)
['html', 'inline', 'json', 'markdown', 'notes']
"""

from __future__ import annotations

from typing import Any

from ..result import RENDERERS, Annotation, Renderer
from . import html, inline, json, markdown, notes

__all__ = ["RENDERERS", "Renderer", "render"]

RENDERERS.update(
    inline=inline.render,
    html=html.render,
    json=json.render,
    markdown=markdown.render,
    notes=notes.render,
)


def render(annotation: Annotation, fmt: str, **options: Any) -> str:
    """Render ``annotation`` as ``fmt``; ValueError naming the formats for an unknown one."""
    return annotation.render(fmt, **options)
