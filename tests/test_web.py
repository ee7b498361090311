"""The web API and annotator page (Starlette's test client), and one real server process."""

from __future__ import annotations

import html
import json
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

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
    # the region filter keeps senses of that place or places under it
    assert all(sid.endswith("洛江区") for t in data["terms"] for sid in t["senses"])
    found = client.get("/api/terms", params={"q": "lianggeweihu"}).json()["terms"]
    assert found[0]["term"] == "两个维护"


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"page": "x"}, "whole numbers"),
        ({"status": "maybe"}, "documented"),
        ({"numeral": "N"}, "names no number"),
        ({"region": "火星"}, "unknown region"),
    ],
)
def test_terms_refuses_bad_filters(client: TestClient, params: dict[str, str], words: str) -> None:
    got = client.get("/api/terms", params=params)
    assert got.status_code == 400 and words in got.json()["error"]


def test_openapi_lists_the_api(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    assert set(schema["paths"]) == {"/api/annotate", "/api/lookup", "/api/terms", "/api/version"}
    assert "requestBody" in schema["paths"]["/api/annotate"]["post"]
    page = client.get("/api")
    assert page.status_code == 200 and "/api/lookup" in page.text


# ---------------------------------------------------------------------------- the pages


def _results(page: str) -> list[str]:
    """The terms a browser page lists, in order."""
    listed = page.split('id="results"', 1)[1].split("</ul>", 1)[0]
    return [html.unescape(t) for t in re.findall(r'<li><a href="/term/[^"]+">([^<]+)</a>', listed)]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("兩個維護", "两个维护"),  # traditional
        ("“两个维护”", "两个维护"),  # in quotes
        ("３＋２＋１", "3+2+1"),  # full-width
        ("lianggeweihu", "两个维护"),  # pinyin without tones
        ("liang ge wei hu", "两个维护"),
        ("lgwh", "两个维护"),  # initials
        ("四下基层", "四下基层"),
    ],
)
def test_browser_search(client: TestClient, query: str, first: str) -> None:
    page = client.get("/terms", params={"q": query})
    assert page.status_code == 200
    assert _results(page.text)[0] == first


def test_browser_filters(client: TestClient) -> None:
    page = client.get(
        "/terms", params={"province": "福建省", "numeral": "5", "status": "undocumented"}
    )
    terms = _results(page.text)
    assert terms and all(t.startswith(("五", "5")) for t in terms)
    every = client.get("/terms", params={"numeral": "5"}).text
    assert "第 1 /" in every and "下一页" in every  # more than a page: a pager
    assert client.get("/terms", params={"province": "火星"}).status_code == 400


def test_term_page(client: TestClient) -> None:
    page = client.get("/term/" + quote("五化"))
    assert page.status_code == 200
    assert page.text.count('class="sense') >= 2  # one per place that gives it a meaning
    assert "绿化、美化、照明化、净化、智化" in page.text and "洛江区" in page.text
    missing = client.get("/term/" + quote("五花"))
    assert missing.status_code == 404 and "/term/" + quote("五化", safe="") in missing.text


def test_annotator_page_shows_region_notes_and_sources(client: TestClient) -> None:
    text = LUOJIANG.read_text(encoding="utf-8")
    page = client.post("/annotate", data={"text": text, "region": ""})
    assert page.status_code == 200
    assert "地区：洛江区（自动推断）" in page.text
    found = page.text.split('id="found"', 1)[1]
    assert "五化" in found and "出处：" in found and 'href="/term/' in found
    chosen = client.post("/annotate", data={"text": text, "region": "泉州"})
    assert "地区：泉州市（指定）" in chosen.text


@pytest.mark.parametrize(
    ("data", "status", "words"),
    [
        ("推进“五化”".encode("gb18030"), 200, "绿化"),
        ("推进“五化”".encode("utf-16"), 200, "绿化"),
        (b"\xef\xbb\xbf" + "推进“五化”".encode(), 200, "绿化"),
        (b"PK\x03\x04\x00\x00binary", 400, "binary file, not text"),
        ("推进“五化”".encode()[:-1], 400, "ends inside a character"),
    ],
)
def test_upload_decodes_as_the_cli(
    client: TestClient, data: bytes, status: int, words: str
) -> None:
    page = client.post(
        "/annotate", data={"text": "", "region": "洛江区"}, files={"file": ("r.txt", data)}
    )
    assert page.status_code == status and words in page.text
    assert client.get("/").status_code == 200  # and it keeps serving


def test_upload_too_large(client: TestClient) -> None:
    big = ("推进“五化”" * 200_000).encode()
    page = client.post("/annotate", data={"region": ""}, files={"file": ("r.txt", big)})
    assert page.status_code == 413 and "larger than" in page.text


@pytest.mark.parametrize(
    ("fmt", "suffix", "words"),
    [
        ("html", ".html", "<!DOCTYPE html>"),
        ("markdown", ".md", "绿化"),
        ("notes", "-notes.txt", "附注"),
        ("json", ".json", '"term": "五化"'),
    ],
)
def test_downloads(client: TestClient, fmt: str, suffix: str, words: str) -> None:
    text = LUOJIANG.read_text(encoding="utf-8")
    got = client.post("/download", data={"text": text, "region": "洛江区", "format": fmt})
    assert got.status_code == 200
    assert got.headers["content-disposition"] == f'attachment; filename="glossary{suffix}"'
    assert words in got.text
    assert got.text == glossary.load().annotate(text, "洛江区").render(fmt)


def test_page_escapes_what_it_is_given(client: TestClient) -> None:
    hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">推进“五化”'
    page = client.post("/annotate", data={"text": hostile, "region": "洛江区"})
    assert page.status_code == 200
    assert "<script>alert" not in page.text and "<img src=x" not in page.text
    assert "&lt;script&gt;" in page.text and "绿化" in page.text
    searched = client.get("/terms", params={"q": hostile})
    assert "<script>alert" not in searched.text and "<img src=x" not in searched.text
    missing = client.get("/term/" + quote(hostile, safe=""))
    assert missing.status_code == 404 and "<script>alert" not in missing.text


def test_dictionary_strings_are_escaped(tmp_path: Path) -> None:
    evil = tmp_path / "evil.yaml"
    evil.write_text(
        """schema: 1
sources:
  x: {title: "<script>alert(1)</script>", issuer: "<b onmouseover=alert(2)>", url: "javascript:alert(3)"}
terms:
  - term: 五险
    senses:
      - id: 五险@中国
        scope: 中国
        definition: "<img src=x onerror=alert(4)>"
        source: {ref: x, quote: "<script>alert(5)</script>"}
""",
        encoding="utf-8",
    )
    client = TestClient(create_app(glossary.load(evil, bundled=False)))
    for page in (
        client.get("/term/" + quote("五险")),
        client.post("/annotate", data={"text": "参加“五险”", "region": ""}),
        client.get("/terms", params={"q": "五险"}),
    ):
        assert page.status_code == 200 and "五险" in page.text
        for bad in ("<script>alert", "<img src=x", "<b onmouseover", 'href="javascript:'):
            assert bad not in page.text


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_runs_a_real_server_and_stops_on_ctrl_c(workers: int) -> None:
    port = _free_port()
    exe = Path(sys.executable).with_name("glossary")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "glossary"]
    proc = subprocess.Popen(
        [*cmd, "serve", "--port", str(port), "--workers", str(workers)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        assert f"http://127.0.0.1:{port}/" in proc.stdout.readline()
        for _ in range(200):  # until it listens
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/version") as r:
                    assert json.load(r)["dictionary"]["terms"] > 5000
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("the server did not answer")
        proc.send_signal(signal.SIGINT)  # Ctrl-C
        _, err = proc.communicate(timeout=20)
        assert proc.returncode == 0 and "Traceback" not in err
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
