"""End to end in a real headless browser: ``glossary serve`` driven as a person would use it.

Debian's chromium and chromium-driver through selenium; nothing is downloaded. Screenshots are
kept in ``$GLOSSARY_ARTIFACTS`` or ``tests/artifacts/browser/``. Skipped, with the reason, only
where no browser or driver is installed.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from .conftest import ROOT, SEEDS

pytest.importorskip("selenium")
pytest.importorskip("starlette")

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.wait import WebDriverWait

LUOJIANG = SEEDS / "luojiang-2024-government-work-report.txt"
WAIT = 20  # seconds: an explicit condition's longest wait
PHONE = (390, 844)

# the slogan whose own text (its first text node, not the note inside it) is arguments[0]
_SLOGAN = """
return Array.from(document.querySelectorAll('#annotated span.slogan')).find(
  s => s.firstChild && s.firstChild.nodeType === Node.TEXT_NODE
       && s.firstChild.nodeValue === arguments[0]) || null;
"""
_OVERFLOW = "return [document.documentElement.scrollWidth, window.innerWidth];"


def _chromium() -> str | None:
    return (
        shutil.which("chromium")
        or shutil.which("chromium-browser")
        or shutil.which("google-chrome")
    )


def _chromedriver() -> str | None:
    found = shutil.which("chromedriver")
    if found:
        return found
    return next(
        (
            p
            for p in ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
            if os.access(p, os.X_OK)
        ),
        None,
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def driver() -> Iterator[webdriver.Chrome]:
    """Headless chromium at a desktop size, driven by the installed chromedriver."""
    browser, chromedriver = _chromium(), _chromedriver()
    if browser is None:
        pytest.skip("no chromium installed (apt-get install chromium chromium-driver)")
    if chromedriver is None:
        pytest.skip("no chromedriver installed (apt-get install chromium-driver)")
    options = webdriver.ChromeOptions()
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
    ):
        options.add_argument(arg)
    options.binary_location = browser
    # an explicit driver and binary: selenium-manager has nothing to look up or download
    chrome = webdriver.Chrome(options=options, service=Service(executable_path=chromedriver))
    yield chrome
    chrome.quit()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A real ``glossary serve`` on a free port; its base address once it answers."""
    port = _free_port()
    exe = Path(sys.executable).with_name("glossary")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "glossary"]
    proc = subprocess.Popen([*cmd, "serve", "--port", str(port)], stdout=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        assert proc.stdout is not None
        assert f"{base}/" in proc.stdout.readline()
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/version") as r:
                    assert json.load(r)["dictionary"]["terms"] > 5000
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"the server did not answer (exit code {proc.poll()})")
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def artifacts() -> Path:
    """Where the screenshots are kept after the run."""
    where = Path(os.environ.get("GLOSSARY_ARTIFACTS") or ROOT / "tests" / "artifacts" / "browser")
    where.mkdir(parents=True, exist_ok=True)
    return where


def _wait(driver: webdriver.Chrome) -> WebDriverWait[webdriver.Chrome]:
    return WebDriverWait(driver, WAIT)


def _annotate(driver: webdriver.Chrome, base: str) -> None:
    """Open the annotator, paste the Luojiang report, submit, wait for the annotated text."""
    driver.get(f"{base}/")
    field = _wait(driver).until(EC.element_to_be_clickable((By.ID, "text")))
    # a paste sets the whole value at once (typing 46 kB key by key would take minutes)
    driver.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        field,
        LUOJIANG.read_text(encoding="utf-8"),
    )
    field.send_keys(Keys.END)
    assert driver.find_element(By.ID, "region").get_attribute("value") == ""  # inferred
    _submit(driver, driver.find_element(By.ID, "submit"))
    _wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#annotated span.slogan")))


def _submit(driver: webdriver.Chrome, button: WebElement) -> None:
    """Click a form's button and wait until the page it loads is complete. The old page is
    marked first: while the browser navigates, asking about its elements may fail in more
    ways than “stale”, so the wait asks the window and ignores those failures."""
    driver.execute_script("window.__before = true")
    button.click()
    WebDriverWait(driver, WAIT, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script("return !window.__before && document.readyState === 'complete'")
    )


def _slogan(driver: webdriver.Chrome, surface: str) -> WebElement:
    found = driver.execute_script(_SLOGAN, surface)
    assert isinstance(found, WebElement), f"no slogan {surface!r} in #annotated"
    return found


def _fits(driver: webdriver.Chrome) -> None:
    scroll, inner = driver.execute_script(_OVERFLOW)
    assert scroll <= inner + 1, f"horizontal scroll: {scroll} px of content in {inner} px"


def test_a_reader_annotates_a_report_and_looks_up_a_slogan(
    driver: webdriver.Chrome, server: str, artifacts: Path
) -> None:
    """Paste a report, read the note of “五化”, search 兩個維護, open its entry; on a phone too."""
    driver.set_window_size(1280, 900)
    _annotate(driver, server)
    where = driver.find_element(By.ID, "where").text
    assert "洛江区" in where and "自动推断" in where
    assert "五化" in [a.text for a in driver.find_elements(By.CSS_SELECTOR, "#found a")]
    assert {
        b.get_attribute("id") for b in driver.find_elements(By.CSS_SELECTOR, "#downloads button")
    } == {
        "download-html",
        "download-markdown",
        "download-notes",
        "download-json",
    }

    # the note of 五化: hidden, shown on hover, hidden again, shown on keyboard focus
    slogan = _slogan(driver, "五化")
    note = slogan.find_element(By.CSS_SELECTOR, "span.note")
    assert slogan.get_attribute("tabindex") == "0"
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", slogan)
    assert not note.is_displayed() and slogan.text == "五化"
    ActionChains(driver).move_to_element(slogan).perform()
    _wait(driver).until(EC.visibility_of(note))
    assert "绿化" in note.text and "照明化" in note.text
    ActionChains(driver).move_to_element(driver.find_element(By.CSS_SELECTOR, "header")).perform()
    _wait(driver).until(EC.invisibility_of_element(note))
    driver.execute_script("arguments[0].focus()", slogan)
    _wait(driver).until(EC.visibility_of(note))
    assert driver.switch_to.active_element == slogan
    assert "绿化、美化、照明化、净化、智化" in note.text
    driver.save_screenshot(str(artifacts / "01-annotated-note.png"))

    # the dictionary: a traditional-character search finds the simplified entry
    driver.get(f"{server}/terms")
    _wait(driver).until(EC.presence_of_element_located((By.ID, "results")))
    driver.find_element(By.ID, "q").send_keys("兩個維護")
    _submit(driver, driver.find_element(By.ID, "search"))
    first = _wait(driver).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "#results a")))
    assert first.text == "两个维护"
    assert driver.find_element(By.ID, "q").get_attribute("value") == "兩個維護"
    assert driver.find_element(By.ID, "total").text.endswith("条")
    driver.save_screenshot(str(artifacts / "02-search.png"))
    first.click()
    heading = _wait(driver).until(EC.visibility_of_element_located((By.ID, "term")))
    assert heading.text == "两个维护"
    assert urlsplit(driver.current_url).path == "/term/" + quote("两个维护", safe="")
    assert driver.find_elements(By.CSS_SELECTOR, "section.sense")
    driver.save_screenshot(str(artifacts / "03-entry.png"))

    # a phone's width: the entry and the annotated report scroll only up and down
    driver.set_window_size(*PHONE)
    _wait(driver).until(lambda d: d.execute_script("return window.innerWidth") <= PHONE[0])
    _fits(driver)
    driver.save_screenshot(str(artifacts / "04-phone-entry.png"))
    _annotate(driver, server)
    _fits(driver)
    driver.execute_script("document.getElementById('where').scrollIntoView()")
    driver.save_screenshot(str(artifacts / "05-phone-annotated.png"))
    # a tapped slogan's note opens inside the screen, and still nothing scrolls sideways
    slogan = _slogan(driver, "五化")
    note = slogan.find_element(By.CSS_SELECTOR, "span.note")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", slogan)
    slogan.click()
    _wait(driver).until(EC.visibility_of(note))
    assert "绿化" in note.text
    left, right, width = driver.execute_script(_BOX, note)
    assert left >= 0 and right <= width, f"the note spans {left}..{right} px of {width} px"
    _fits(driver)
    driver.save_screenshot(str(artifacts / "06-phone-note.png"))


_BOX = """
const r = arguments[0].getBoundingClientRect();
return [r.left, r.right, document.documentElement.clientWidth];
"""
_LAYOUT = """
const h = document.querySelector('header').getBoundingClientRect(), b = getComputedStyle(document.body);
return [h.left, h.top, h.width === document.documentElement.clientWidth, b.margin, b.fontFamily];
"""


def test_the_result_page_keeps_the_site_layout(driver: webdriver.Chrome, server: str) -> None:
    """The page after “注释” has the same full-width header and font as the page before it."""
    driver.set_window_size(1280, 900)
    driver.get(f"{server}/")
    before = driver.execute_script(_LAYOUT)
    _annotate(driver, server)
    assert driver.execute_script(_LAYOUT) == before


def test_the_annotator_fits_a_small_phone(driver: webdriver.Chrome, server: str) -> None:
    """At 320 px (the narrowest phones) the annotator and its result scroll only up and down."""
    driver.set_window_size(320, 568)
    _annotate(driver, server)
    _fits(driver)


_MD_REPORT = """---
source: https://www.example.gov.cn/report.html
title: 2024年洛江区政府工作报告
---

**2024年1月在洛江区人民代表大会上**

## 一、2023年工作回顾

过去一年，我们推进城市“五化”工程，坚决做到“两个维护”。

- 新建公园 3 个
- 完成“五化”改造 12 条街道

| 指标 | 完成 |
|---|---|
| “五化”街道 | 12 条 |
"""


def test_an_uploaded_markdown_report_reads_as_markdown(
    driver: webdriver.Chrome, server: str, artifacts: Path, tmp_path: Path
) -> None:
    """A .md report uploaded: its front matter a head, its heading, bold, list and table
    rendered, no Markdown mark left as text, every slogan still annotated."""
    report = tmp_path / "luojiang-2024.md"
    report.write_text(_MD_REPORT, encoding="utf-8")
    driver.set_window_size(1280, 900)
    driver.get(f"{server}/")
    _wait(driver).until(EC.presence_of_element_located((By.ID, "file"))).send_keys(str(report))
    _submit(driver, driver.find_element(By.ID, "submit"))
    annotated = _wait(driver).until(EC.presence_of_element_located((By.ID, "annotated")))
    head = annotated.find_element(By.CSS_SELECTOR, "div.front")
    assert "2024年洛江区政府工作报告" in head.text and "---" not in annotated.text
    assert annotated.find_element(By.TAG_NAME, "h2").text == "一、2023年工作回顾"
    assert "洛江区人民代表大会" in annotated.find_element(By.TAG_NAME, "strong").text
    assert len(annotated.find_elements(By.CSS_SELECTOR, "ul li")) == 2
    cells = [c.text for c in annotated.find_elements(By.CSS_SELECTOR, "table.md td")]
    assert cells[-1] == "12 条" and "五化" in cells[0]
    assert "**" not in annotated.text and "|" not in annotated.text
    slogans = annotated.find_elements(By.CSS_SELECTOR, "span.slogan")
    assert sum(1 for s in slogans if s.text.startswith("五化")) == 3
    driver.save_screenshot(str(artifacts / "07-markdown-report.png"))
