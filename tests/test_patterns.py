"""The fixed patterns compiled once per interpreter: the same patterns as ``re.compile``'s, a
cache that only ever speeds, never changes, a match."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import glossary
from glossary import patterns

from .conftest import SEED_REPORTS

TEXT = "\n".join(p.read_text(encoding="utf-8") for p in SEED_REPORTS)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache of its own for the test, read afresh."""
    path = tmp_path / "__pycache__" / "patterns.test.regex"
    monkeypatch.setattr(patterns, "cache_path", lambda: path)
    monkeypatch.setattr(patterns, "_entries", None)
    monkeypatch.setattr(patterns, "_new", {})
    monkeypatch.setattr(patterns, "_writable", True)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return path


# the package's own patterns, of every kind: Chinese classes, groups named and numbered,
# look-behind, flags
REAL = [
    (r"[一二两三四五六七八九十百千万双0-9０-９]", 0),
    (r"“([一二两三四五六七八九十双][^“”\n]{1,12})”(?:[：:，,]|([^，,。；;、“”（(\n]{1,6})（)", 0),
    (r"(?<=..)(?<![中平同高初对均相优特上下次一二三])等[\u4e00-\u9fff]{1,4}$", 0),
    (r"^[ \t　]*[（(](?P<n>[一二三四五六七八九十]+)[)）][ \t　*]*([^，,。；\n*]{2,30})", re.M),
    (r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S),
    (r"[a-z]+", re.I),
]


@pytest.mark.parametrize(("pattern", "flags"), REAL)
def test_the_same_pattern_as_re_compile(cache: Path, pattern: str, flags: int) -> None:
    expected = re.compile(pattern, flags)
    for _ in range(2):  # compiled anew, then from the cache written between
        got = patterns.regex(pattern, flags)
        assert (got.pattern, got.flags, got.groups, got.groupindex) == (
            expected.pattern,
            expected.flags,
            expected.groups,
            expected.groupindex,
        )
        assert [m.span() + m.groups() for m in got.finditer(TEXT)] == [
            m.span() + m.groups() for m in expected.finditer(TEXT)
        ]
        patterns.save()
        patterns._entries = None
    assert (pattern, int(flags)) in marshal.loads(cache.read_bytes())[1]


def test_a_cached_pattern_is_not_compiled_again(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    patterns.regex("[，,；;]")
    patterns.save()
    patterns._entries = None

    def fail(pattern: str, flags: int) -> None:
        raise AssertionError(f"compiled again: {pattern}")

    monkeypatch.setattr(patterns, "_compile", fail)
    assert patterns.regex("[，,；;]").split("甲，乙;丙") == ["甲", "乙", "丙"]


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"\x00not marshal",
        marshal.dumps(("another engine", {("x", 0): (0, [], 0, {}, ())})),
        marshal.dumps([1, 2, 3]),
    ],
)
def test_a_damaged_or_foreign_cache_is_compiled_anew(cache: Path, damage: bytes) -> None:
    cache.parent.mkdir(parents=True)
    cache.write_bytes(damage)
    assert patterns.regex("x+").findall("axxb") == ["xx"]
    patterns.save()  # and replaced by a good one
    engine, entries = marshal.loads(cache.read_bytes())
    assert engine == patterns._engine() and set(entries) == {("x+", 0)}


def test_a_bad_pattern_fails_as_re_compile_does(cache: Path) -> None:
    with pytest.raises(re.error, match="unterminated character set"):
        patterns.regex("[一二")


def test_nothing_written_without_bytecode_or_on_a_read_only_folder(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    patterns.regex("甲+")
    patterns.save()
    assert not cache.exists()
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    cache.parent.mkdir(parents=True)
    cache.parent.chmod(0o500)
    try:
        patterns.save()  # no error: compiled in each process, as re.compile is
        assert not cache.exists() or os.geteuid() == 0  # root writes anywhere
    finally:
        cache.parent.chmod(0o700)


def test_every_package_pattern_from_the_cache_finds_what_re_finds(
    bundled: glossary.Glossary,
) -> None:
    """Every pattern the package compiled in this process, the readers' lazy ones included
    (the seeds annotated, which have them all), made from its cached code: the same matches
    on the seeds as ``re.compile``'s."""
    for path in SEED_REPORTS:
        bundled.annotate(path.read_text(encoding="utf-8"))
    entries = patterns._entries
    assert entries is not None and len(entries) > 100
    for pattern, flags in list(entries):
        cached = patterns._sre.compile(pattern, *entries[pattern, flags])
        expected = re.compile(pattern, flags)
        assert cached.flags == expected.flags, pattern
        assert [m.span() + m.groups() for m in cached.finditer(TEXT)] == [
            m.span() + m.groups() for m in expected.finditer(TEXT)
        ], pattern


def test_the_cache_is_beside_the_bytecode() -> None:
    path = patterns.cache_path()
    assert path is not None and path.name.startswith("patterns.") and path.suffix == ".regex"
    if sys.pycache_prefix is None:
        assert path.parent == Path(patterns.__file__).parent / "__pycache__"


def test_a_process_keeps_its_patterns_for_the_next(tmp_path: Path) -> None:
    """Two fresh interpreters: the first writes the cache when it ends, beside the bytecode
    (here under a ``PYTHONPYCACHEPREFIX``); the second annotates from it, compiling nothing."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path)
    seed = str(SEED_REPORTS[0])
    script = (
        "import sys, glossary\n"
        "from glossary import patterns\n"
        "text = open(sys.argv[1], encoding='utf-8').read()\n"
        "if sys.argv[2] == 'second':\n"
        "    def fail(p, f): raise AssertionError('compiled again: ' + p)\n"
        "    patterns._compile = fail\n"
        "print(len(glossary.load().annotate(text).matches))\n"
    )
    first = subprocess.run(
        [sys.executable, "-c", script, seed, "first"], env=env, capture_output=True, text=True
    )
    assert first.returncode == 0, first.stderr
    written = list(tmp_path.rglob("patterns.*.regex"))
    assert len(written) == 1 and written[0].parent.name == "glossary"  # the prefix's mirror
    second = subprocess.run(
        [sys.executable, "-c", script, seed, "second"], env=env, capture_output=True, text=True
    )
    assert second.returncode == 0, second.stderr
    assert second.stdout == first.stdout and int(first.stdout) > 0
