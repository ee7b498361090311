"""The application: the annotator and dictionary pages and the JSON API, on Starlette.

Every request body is read up to ``MAX_BYTES`` (413 beyond it), uploads are decoded by the
CLI's rules (BOM, UTF-8, GB18030; 400 with the reason otherwise), and an unexpected failure
answers one line, never a traceback.
"""

from __future__ import annotations

import json
import os
from collections.abc import AsyncGenerator
from html import escape
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.schemas import SchemaGenerator

from .. import __version__
from ..render.entry import entry_dict
from ..render.html import looks_markdown
from ..textio import InputError, decode
from . import pages
from .search import Index, numeral_of

if TYPE_CHECKING:
    from ..annotate import Glossary

MAX_BYTES = 2_000_000  # a request body: a long report is 200 kB
PAGE_SIZE = 50
_ENV = "GLOSSARY_SERVE_DICTS"  # the dictionaries of ``serve --workers``: each worker loads them

_schemas = SchemaGenerator(
    {
        "openapi": "3.0.0",
        "info": {
            "title": "glossary",
            "version": __version__,
            "description": "Numeric slogans and abbreviations of Chinese official writing.",
        },
    }
)


class _Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _error(status: int, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)


async def _body(request: Request) -> bytes:
    """The request body; ``_Refused`` (413) past ``MAX_BYTES``, declared or streamed."""
    declared = request.headers.get("content-length")
    too_big = _Refused(413, f"request larger than {MAX_BYTES:,} bytes")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BYTES:
        raise too_big
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > MAX_BYTES:
            raise too_big
    return bytes(data)


async def _replay(data: bytes) -> AsyncGenerator[bytes, None]:
    yield data


async def _form(request: Request) -> dict[str, str]:
    """A posted form's fields; an uploaded file, decoded as the CLI decodes, is ``file``."""
    data = await _body(request)
    kind = request.headers.get("content-type", "")
    if kind.startswith("multipart/form-data"):
        parser = MultiPartParser(
            request.headers, _replay(data), max_files=1, max_fields=8, max_part_size=MAX_BYTES
        )
        try:
            form = await parser.parse()
        except MultiPartException as exc:
            raise _Refused(400, f"the form cannot be read: {exc.message}") from None
        out: dict[str, str] = {}
        for key, value in form.multi_items():
            if isinstance(value, UploadFile):
                raw = await value.read()
                if raw:
                    try:
                        out["file"] = decode(raw, value.filename or "upload")
                    except InputError as exc:
                        raise _Refused(400, str(exc)) from None
            else:
                out[key] = value
        return out
    try:
        fields = parse_qs(data.decode("utf-8"), keep_blank_values=True)
    except UnicodeDecodeError:
        raise _Refused(400, "the form is not UTF-8") from None
    return {k: v[0] for k, v in fields.items()}


def create_app(g: Glossary, *, warm: bool = False) -> Starlette:
    """The application serving ``g``: the pages, and the API under ``/api`` (``warm``: the
    search index built now, not on the first search)."""
    index = Index(g)
    if warm:
        index.warm()
    scopes = sorted({s.scope for t in g.terms for s in t.senses})

    def region_of(value: str | None) -> str | None:
        if not value or not value.strip():
            return None
        try:
            return g.region_named(value.strip())
        except ValueError:
            raise _Refused(400, f"unknown region {value.strip()!r}") from None

    def lineage(scope: str) -> list[str]:
        return g.regions.ancestors(scope)[::-1]

    # -- pages
    async def home(request: Request) -> Response:
        return HTMLResponse(pages.annotator(scopes))

    async def annotate_page(request: Request) -> Response:
        try:
            form = await _form(request)
            text = form.get("file") or form.get("text", "")
            region = region_of(form.get("region"))
        except _Refused as exc:
            page = pages.annotator(scopes, error=str(exc))
            return HTMLResponse(page, status_code=exc.status)
        ann = g.annotate(text, region)
        page = pages.annotator(
            scopes,
            text=text,
            region=region or "",
            annotation=ann,
            inferred=region is None,
            sources=g.sources,
        )
        return HTMLResponse(page)

    async def download(request: Request) -> Response:
        try:
            form = await _form(request)
            region = region_of(form.get("region"))
        except _Refused as exc:
            return PlainTextResponse(str(exc), status_code=exc.status)
        fmt = form.get("format", "")
        if fmt not in pages.DOWNLOADS:
            return PlainTextResponse(f"format: one of {', '.join(pages.DOWNLOADS)}", 400)
        ann = g.annotate(form.get("text", ""), region)
        _, suffix, media = pages.DOWNLOADS[fmt]
        body = (
            ann.render(fmt, markdown=True)
            if fmt == "html" and looks_markdown(ann.text)
            else ann.render(fmt)
        )
        headers = {"content-disposition": f'attachment; filename="glossary{suffix}"'}
        return Response(body, media_type=media, headers=headers)

    async def terms_page(request: Request) -> Response:
        params = request.query_params
        filters = {k: params.get(k, "") for k in ("province", "city", "numeral", "status")}
        page = int(params["page"]) if params.get("page", "").isdigit() else 1
        try:
            region = region_of(filters["city"] or filters["province"])
        except _Refused as exc:
            error = f"<p class=error>{escape(str(exc))}</p>"
            return HTMLResponse(pages.frame("口号词典", error, "terms"), 400)
        status = filters["status"] if filters["status"] in ("documented", "undocumented") else None
        found = index.select(
            params.get("q", ""),
            region=region,
            numeral=numeral_of(filters["numeral"]),
            status=status,
        )
        html = pages.browser(
            found,
            query=params.get("q", ""),
            filters=filters,
            places=index.places,
            page=max(1, page),
            per_page=PAGE_SIZE,
        )
        return HTMLResponse(html)

    async def term_page(request: Request) -> Response:
        form = request.path_params["form"]
        term = g.lookup(form)
        if term is None:
            return HTMLResponse(pages.missing(form, g.near(form)), status_code=404)
        return HTMLResponse(pages.entry(term, g.sources, lineage))

    async def api_page(request: Request) -> Response:
        return HTMLResponse(pages.api_page(_schemas.get_schema(routes=app.routes)))

    async def openapi(request: Request) -> Response:
        return JSONResponse(_schemas.get_schema(routes=app.routes))

    # -- the API
    async def api_version(request: Request) -> Response:
        """
        ---
        summary: The package and dictionary versions.
        responses:
          200:
            description: '{"package": "0.1.0", "dictionary": {"terms": 5904, "senses": 7817}}'
        """
        senses = sum(len(t.senses) for t in g.terms)
        return JSONResponse(
            {"package": __version__, "dictionary": {"terms": len(g), "senses": senses}}
        )

    async def api_annotate(request: Request) -> Response:
        """
        ---
        summary: Annotate one document; the answer is the CLI's JSON object (annotate -f json).
        requestBody:
          required: true
          content:
            application/json:
              schema:
                type: object
                required: [text]
                properties:
                  text: {type: string}
                  region: {type: string, nullable: true, description: 'null: inferred'}
                  source: {type: string, nullable: true}
        responses:
          200: {description: '{"source", "region", "year", "matches": [...]}'}
          400: {description: '{"error": reason} (not JSON, no text, unknown region)'}
          413: {description: 'body over 2,000,000 bytes'}
        """
        try:
            body = await _body(request)
        except _Refused as exc:
            return _error(exc.status, str(exc))
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
            ann = g.annotate(data["text"], region_of(region))
        except _Refused as exc:
            return _error(exc.status, str(exc))
        source = data.get("source")
        return JSONResponse(ann.to_dict(source=source if isinstance(source, str) else None))

    async def api_lookup(request: Request) -> Response:
        """
        ---
        summary: One term with every sense and its sources, by any spelling.
        parameters:
          - {name: q, in: query, required: true, schema: {type: string}, example: 兩個維護}
        responses:
          200: {description: '{"term", "aliases", "see_also", "senses": [...]}'}
          404: {description: '{"error", "near": [forms close to q]}'}
        """
        q = request.query_params.get("q", "").strip()
        if not q:
            return _error(400, "give the term to look up: /api/lookup?q=五化")
        term = g.lookup(q)
        if term is None:
            return _error(404, f"{q}: not in the dictionary", near=g.near(q))
        return JSONResponse(entry_dict(term, g.sources))

    async def api_terms(request: Request) -> Response:
        """
        ---
        summary: Terms by search and filters, a page at a time.
        parameters:
          - {name: q, in: query, schema: {type: string}, description: any spelling or pinyin}
          - {name: region, in: query, schema: {type: string}, description: senses of this place or a place under it}
          - {name: numeral, in: query, schema: {type: string}, description: 'the leading number: 5 or 五'}
          - {name: status, in: query, schema: {type: string, enum: [documented, undocumented]}}
          - {name: page, in: query, schema: {type: integer, default: 1}}
          - {name: per_page, in: query, schema: {type: integer, default: 50, maximum: 500}}
        responses:
          200: {description: '{"total", "page", "per_page", "terms": [{"term", "senses": [ids]}]}'}
          400: {description: '{"error": reason}'}
        """
        params = request.query_params
        try:
            page = max(1, int(params.get("page", "1")))
            size = min(500, max(1, int(params.get("per_page", str(PAGE_SIZE)))))
        except ValueError:
            return _error(400, "page and per_page are whole numbers")
        status = params.get("status") or None
        if status not in (None, "documented", "undocumented"):
            return _error(400, "status: documented or undocumented")
        numeral = params.get("numeral")
        count = numeral_of(numeral) if numeral else None
        if numeral and count is None:
            return _error(400, f"numeral {numeral!r} names no number")
        try:
            region = region_of(params.get("region"))
        except _Refused as exc:
            return _error(exc.status, str(exc))
        found = index.select(params.get("q", ""), region=region, numeral=count, status=status)
        start = (page - 1) * size
        rows = [
            {"term": t.term, "senses": [s.id for s in index.senses(t, region, status)]}
            for t in found[start : start + size]
        ]
        return JSONResponse({"total": len(found), "page": page, "per_page": size, "terms": rows})

    async def not_found(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        if request.url.path.startswith("/api"):
            return _error(status, "no such address" if status == 404 else "not allowed")
        return HTMLResponse(pages.frame("glossary", "<h1>找不到此页</h1>"), status_code=status)

    async def failed(request: Request, exc: Exception) -> Response:
        return PlainTextResponse("glossary: internal error (the server log says more)", 500)

    routes = [
        Route("/", home, include_in_schema=False),
        Route("/annotate", annotate_page, methods=["POST"], include_in_schema=False),
        Route("/download", download, methods=["POST"], include_in_schema=False),
        Route("/terms", terms_page, include_in_schema=False),
        Route("/term/{form:path}", term_page, include_in_schema=False),
        Route("/api", api_page, include_in_schema=False),
        Route("/api/openapi.json", openapi, include_in_schema=False),
        Route("/api/version", api_version),
        Route("/api/annotate", api_annotate, methods=["POST"]),
        Route("/api/lookup", api_lookup),
        Route("/api/terms", api_terms),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={404: not_found, 405: not_found, Exception: failed},
    )
    return app


def from_environment() -> Starlette:
    """The application of one ``serve --workers`` process: its dictionaries come from the
    parent's environment."""
    from ..annotate import load

    spec = json.loads(os.environ.get(_ENV, '{"dicts": [], "bundled": true}'))
    return create_app(load(*spec["dicts"], bundled=spec["bundled"]), warm=True)


def serve(
    g: Glossary,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    workers: int = 1,
    dicts: tuple[str, ...] = (),
    bundled: bool = True,
) -> None:
    """Run the server until Ctrl-C (``workers`` > 1: that many processes, each loading
    ``dicts`` itself)."""
    import uvicorn

    print(f"glossary: serving on http://{host}:{port}/ (Ctrl-C stops)", flush=True)
    if workers <= 1:
        uvicorn.run(create_app(g, warm=True), host=host, port=port, log_level="warning")
        return
    os.environ[_ENV] = json.dumps(
        {"dicts": [os.path.abspath(d) for d in dicts], "bundled": bundled}
    )
    uvicorn.run(
        "glossary.web.app:from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )
