"""``glossary serve``: the annotator in a browser and a JSON API (the ``glossary[web]`` extra).

Starlette with uvicorn: a small ASGI framework and a maintained server, no template engine —
the pages are the html renderer's output inside a plain frame, every text escaped.

>>> from starlette.testclient import TestClient
>>> import glossary
>>> client = TestClient(create_app(glossary.load()))
>>> client.post("/api/annotate", json={"text": "推进“五化”", "region": "洛江区"}).json()["matches"][0]["sense"]
'五化@洛江区'
"""

from __future__ import annotations

import json
from html import escape
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from . import __version__
from .render.entry import entry_dict

if TYPE_CHECKING:
    from .annotate import Glossary

__all__ = ["create_app", "serve"]

MAX_BYTES = 2_000_000  # a request body: a long report is 200 kB
PAGE_SIZE = 50


def _error(status: int, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)


async def _body(request: Request) -> bytes | Response:
    """The request body, or the response that refuses it (413 past ``MAX_BYTES``)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BYTES:
        return _error(413, f"request larger than {MAX_BYTES:,} bytes")
    data = b""
    async for chunk in request.stream():
        data += chunk
        if len(data) > MAX_BYTES:
            return _error(413, f"request larger than {MAX_BYTES:,} bytes")
    return data


def create_app(g: Glossary) -> Starlette:
    """The application serving ``g``: ``/`` and the API under ``/api``."""

    async def api_version(request: Request) -> Response:
        senses = sum(len(t.senses) for t in g.terms)
        return JSONResponse(
            {"package": __version__, "dictionary": {"terms": len(g), "senses": senses}}
        )

    async def api_annotate(request: Request) -> Response:
        body = await _body(request)
        if isinstance(body, Response):
            return body
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            return _error(400, f"the body is not JSON in UTF-8: {exc}")
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            return _error(400, 'expected {"text": "...", "region": null or a region}')
        region = data.get("region")
        if region is not None and not isinstance(region, str):
            return _error(400, "region must be a string or null")
        try:
            ann = g.annotate(data["text"], region)
        except ValueError as exc:  # an unknown region
            return _error(400, str(exc).splitlines()[0][:300])
        return JSONResponse(ann.to_dict(source=data.get("source")))

    async def api_lookup(request: Request) -> Response:
        q = request.query_params.get("q", "").strip()
        if not q:
            return _error(400, "give the term to look up: /api/lookup?q=五化")
        term = g.lookup(q)
        if term is None:
            return _error(404, f"{q}: not in the dictionary", near=g.near(q))
        return JSONResponse(entry_dict(term, g.sources))

    async def api_terms(request: Request) -> Response:
        params = request.query_params
        try:
            page = max(1, int(params.get("page", "1")))
            size = min(500, max(1, int(params.get("per_page", str(PAGE_SIZE)))))
        except ValueError:
            return _error(400, "page and per_page are whole numbers")
        region = params.get("region")
        numeral = params.get("numeral")
        status = params.get("status")
        if region:
            try:
                region = g.region_named(region)
            except ValueError:
                return _error(400, f"unknown region {region!r}")
        held = g.regions.lineage(region) if region else None
        rows = []
        for t in g.terms:
            if numeral and not t.term.startswith(numeral):
                continue
            senses = [
                s
                for s in t.senses
                if (held is None or s.scope in held) and (not status or s.status == status)
            ]
            if senses:
                rows.append({"term": t.term, "senses": [s.id for s in senses]})
        start = (page - 1) * size
        return JSONResponse(
            {
                "total": len(rows),
                "page": page,
                "per_page": size,
                "terms": rows[start : start + size],
            }
        )

    async def home(request: Request) -> Response:
        return HTMLResponse(_page("", None, ""))

    async def annotate_page(request: Request) -> Response:
        body = await _body(request)
        if isinstance(body, Response):
            return body
        from urllib.parse import parse_qs

        try:
            form = parse_qs(body.decode("utf-8"))
        except UnicodeDecodeError:
            return _error(400, "the form is not UTF-8")
        text = form.get("text", [""])[0]
        region = form.get("region", [""])[0].strip() or None
        try:
            ann = g.annotate(text, region)
        except ValueError as exc:
            return HTMLResponse(_page(text, region, "", error=str(exc)), status_code=400)
        return HTMLResponse(_page(text, ann.region, ann.render("html", fragment=True)))

    routes = [
        Route("/", home),
        Route("/annotate", annotate_page, methods=["POST"]),
        Route("/api/version", api_version),
        Route("/api/annotate", api_annotate, methods=["POST"]),
        Route("/api/lookup", api_lookup),
        Route("/api/terms", api_terms),
    ]
    return Starlette(routes=routes)


def _page(text: str, region: str | None, annotated: str, error: str = "") -> str:
    """The annotator page: the form, then the annotated text (the html renderer's fragment)."""
    return f"""<!doctype html>
<html lang="zh"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>glossary</title></head><body>
<form method="post" action="/annotate">
<p><textarea name="text" rows="12" cols="80" placeholder="粘贴报告全文">{escape(text)}</textarea></p>
<p><label>地区 <input name="region" value="{escape(region or "")}" placeholder="自动推断"></label>
<button type="submit">注释</button></p>
</form>
{f'<p class="error">{escape(error)}</p>' if error else ""}
<div id="result">{annotated}</div>
</body></html>
"""


def serve(g: Glossary, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the server until Ctrl-C."""
    import uvicorn

    print(f"glossary: serving on http://{host}:{port}/ (Ctrl-C stops)", flush=True)
    uvicorn.run(create_app(g), host=host, port=port, log_level="warning")
