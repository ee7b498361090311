"""The whole command line under random input: bytes in any of the encodings it reads (or
none), random options. It answers with a result or one clear line, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.cli import main

# pieces that exercise the rules: slogans, quotes, formulas, notes, marks, odd characters
PIECES = [
    "五化", "“五化”", "两个维护", "“3+2+1”", "13+2+1", "十四五", "“一体化”", "一体化",
    "“个转企、小升规”", "等“三问”", "四高两新", "附注\n1.“七彩工程”：七个色彩主题。\n",
    "“", "”", "「", "」", "‘", "’", "（", "）", "：即", "是指", "\n", " ", "\u3000",
    "第二十条", "2366户", "兩個維護", "３＋２＋１", "\ufeff", "\U00031350", "\x00", "a",
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=40).map("".join)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030", "raw"])
OPTIONS = st.lists(
    st.sampled_from(
        [
            ["-f", "json"],
            ["-f", "inline"],
            ["-f", "html"],
            ["-f", "markdown"],
            ["-f", "notes"],
            ["--first-only"],
            ["--show-all"],
            ["--dictionary-only"],
            ["--region", "洛江区"],
            ["--region", "火星"],
            ["-f", "pdf"],
            ["-j", "0"],
        ]
    ),
    max_size=3,
).map(lambda xs: [a for x in xs for a in x])


def _encode(text: str, encoding: str, raw: bytes) -> bytes:
    if encoding == "raw":
        return raw
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        return text.encode("utf-8")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, encoding=ENCODINGS, raw=st.binary(max_size=64), options=OPTIONS)
def test_cli_never_breaks(
    tmp_path_factory: object, text: str, encoding: str, raw: bytes, options: list[str]
) -> None:
    folder: Path = tmp_path_factory.mktemp("h")  # type: ignore[attr-defined]
    path = folder / "doc.txt"
    data = _encode(text, encoding, raw)
    path.write_bytes(data)
    result = CliRunner().invoke(main, ["annotate", *options, str(path)])
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.stderr
    if result.exit_code:
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        return
    formats = [options[i + 1] for i, a in enumerate(options) if a == "-f"]
    if formats and formats[-1] == "json":
        doc = path.read_text(encoding="utf-8-sig") if encoding in ("utf-8", "utf-8-sig") else None
        out = json.loads(result.stdout)
        if doc is not None and doc == text.lstrip("\ufeff"):
            for m in out["matches"]:
                assert doc[m["start"] : m["end"]] == m["surface"]
