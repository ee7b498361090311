"""``glossary serve``: the annotator and the dictionary in a browser, and a JSON API (the
``glossary[web]`` extra).

Starlette on uvicorn: a small, maintained ASGI framework with a test client and an OpenAPI
generator, and a production server with worker processes; no template engine — the pages are
plain strings with every text escaped (``pages.py``), the annotated text the html renderer's.

>>> from starlette.testclient import TestClient
>>> import glossary
>>> client = TestClient(create_app(glossary.load()))
>>> client.post("/api/annotate", json={"text": "推进“五化”", "region": "洛江区"}).json()["matches"][0]["sense"]
'五化@洛江区'
"""

from .app import MAX_BYTES, create_app, serve

__all__ = ["MAX_BYTES", "create_app", "serve"]
