"""Renderers, one module per output format, in a registry keyed by name.

>>> sorted(RENDERERS)
['html', 'inline', 'json', 'markdown', 'notes']
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..result import Annotation

__all__ = ["RENDERERS", "render"]

Renderer = Callable[..., str]


def _registry() -> dict[str, Renderer]:
    from . import html, inline, json, markdown, notes

    return {
        "inline": inline.render,
        "html": html.render,
        "json": json.render,
        "markdown": markdown.render,
        "notes": notes.render,
    }


RENDERERS: dict[str, Renderer] = _registry()


def render(annotation: Annotation, fmt: str, **options: Any) -> str:
    """Render ``annotation`` as ``fmt``; ValueError naming the formats for an unknown one."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(RENDERERS)})") from None
    return renderer(annotation, **options)
