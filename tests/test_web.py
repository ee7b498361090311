"""The web API and annotator page (Starlette's test client), and one real server process."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import glossary

from .conftest import SEEDS

pytest.importorskip("starlette")
pytest.importorskip("httpx")

from starlette.testclient import TestClient

from glossary.web import MAX_BYTES, create_app

LUOJIANG = SEEDS / "luojiang-2024-government-work-report.txt"


@pytest.fixture(scope="module")
def client(bundled: glossary.Glossary) -> TestClient:
    return TestClient(create_app(bundled), raise_server_exceptions=False)


def test_annotate_answers_the_cli_json(client: TestClient, bundled: glossary.Glossary) -> None:
    text = LUOJIANG.read_text(encoding="utf-8")
    got = client.post("/api/annotate", json={"text": text, "region": None})
    assert got.status_code == 200
    assert got.json() == bundled.annotate(text).to_dict()


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        (b"not json", 400, "not JSON"),
        (b'{"txt": "x"}', 400, "expected"),
        (json.dumps({"text": "x", "region": "火星"}).encode(), 400, "unknown region"),
        (b"x" * (MAX_BYTES + 1), 413, "larger than"),
        (b"\xff\xfe", 400, "not JSON"),
    ],
)
def test_bad_requests(client: TestClient, body: bytes, status: int, words: str) -> None:
    got = client.post("/api/annotate", content=body)
    assert got.status_code == status and words in got.json()["error"]
    assert client.get("/api/version").status_code == 200  # and it keeps serving


def test_lookup_and_terms(client: TestClient) -> None:
    entry = client.get("/api/lookup", params={"q": "兩個維護"}).json()
    assert entry["term"] == "两个维护"
    missing = client.get("/api/lookup", params={"q": "五花"})
    assert missing.status_code == 404 and "五化" in missing.json()["near"]
    page = client.get("/api/terms", params={"region": "洛江区", "numeral": "五", "per_page": 5})
    data = page.json()
    assert data["per_page"] == 5 and len(data["terms"]) <= 5 and data["total"] >= 1
    assert all(t["term"].startswith("五") for t in data["terms"])
    assert client.get("/api/terms", params={"page": "x"}).status_code == 400


def test_page_escapes_what_it_is_given(client: TestClient) -> None:
    hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">推进“五化”'
    page = client.post("/annotate", data={"text": hostile, "region": "洛江区"})
    assert page.status_code == 200
    assert "<script>alert" not in page.text and "<img src=x" not in page.text
    assert "&lt;script&gt;" in page.text and "绿化" in page.text


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_runs_a_real_server(tmp_path: Path) -> None:
    port = _free_port()
    exe = Path(sys.executable).with_name("glossary")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "glossary"]
    proc = subprocess.Popen([*cmd, "serve", "--port", str(port)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        assert f"http://127.0.0.1:{port}/" in proc.stdout.readline()
        for _ in range(100):  # until it listens
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/version") as r:
                    assert json.load(r)["dictionary"]["terms"] > 5000
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("the server did not answer")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
