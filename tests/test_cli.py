"""The command line through click's CliRunner, and one real run of the installed entry point."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import FORMATS, main
from glossary.render import RENDERERS

from .conftest import SEEDS

LUOJIANG = str(SEEDS / "luojiang-2024-government-work-report.txt")
WUHUA = "“五化”〔绿化、美化、照明化、净化、智化〕"


@pytest.fixture()
def run() -> CliRunner:
    return CliRunner()


def test_formats_are_the_registry() -> None:
    assert set(FORMATS) == set(RENDERERS)


def test_annotate_inline(run: CliRunner) -> None:
    result = run.invoke(main, ["annotate", LUOJIANG])
    assert result.exit_code == 0, result.output
    assert WUHUA in result.output


def test_annotate_json(run: CliRunner) -> None:
    result = run.invoke(main, ["annotate", "-f", "json", LUOJIANG])
    data = json.loads(result.output)
    assert data["source"] == LUOJIANG and data["region"] == "洛江区"
    text = Path(LUOJIANG).read_text(encoding="utf-8")
    assert all(text[m["start"] : m["end"]] == m["surface"] for m in data["matches"])


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_show_all_and_dictionary_only(run: CliRunner, tmp_path: Path, jobs: str) -> None:
    """The reader's view leaves out what is not explained here unless asked; the document's
    own notes come first unless --dictionary-only. Several documents go through workers."""
    doc = tmp_path / "a.txt"
    doc.write_text(
        "福州市人民政府工作报告\n构建“1+6”体系，实施“七彩工程”。\n附注\n"
        "1.“七彩工程”：七个色彩主题的街区改造。\n2.“两违”：违法用地、违法建设。\n",
        encoding="utf-8",
    )
    docs = [str(doc), str(doc)]
    plain = run.invoke(main, ["annotate", "-j", jobs, *docs]).output
    assert "他处提法" not in plain and "〔七个色彩主题的街区改造。〕" in plain
    shown = run.invoke(main, ["annotate", "--show-all", "-j", jobs, *docs]).output
    assert "他处提法（" in shown
    one = run.invoke(main, ["annotate", str(doc)]).output  # a single document is streamed
    assert "他处提法" not in one and "〔七个色彩主题的街区改造。〕" in one
    assert "他处提法（" in run.invoke(main, ["annotate", "--show-all", str(doc)]).output
    alone = run.invoke(main, ["annotate", "--dictionary-only", "-f", "json", str(doc)]).output
    assert not [m for m in json.loads(alone)["matches"] if m["origin"] == "document"]


def test_annotate_gb18030_like_utf8(run: CliRunner, tmp_path: Path) -> None:
    gb = tmp_path / "gb.txt"
    gb.write_bytes(Path(LUOJIANG).read_text(encoding="utf-8").encode("gb18030", errors="replace"))
    utf = tmp_path / "utf.txt"
    utf.write_text(gb.read_bytes().decode("gb18030"), encoding="utf-8")
    a = json.loads(run.invoke(main, ["annotate", "-f", "json", str(gb)]).output)
    b = json.loads(run.invoke(main, ["annotate", "-f", "json", str(utf)]).output)
    assert a["matches"] == b["matches"] and a["matches"]


def test_annotate_stdin(run: CliRunner) -> None:
    result = run.invoke(
        main, ["annotate", "--region", "洛江区", "-"], input="推进“五化”工程".encode()
    )
    assert result.exit_code == 0 and WUHUA in result.output


def test_several_documents_json_lines_in_order(run: CliRunner, tmp_path: Path) -> None:
    docs = sorted(str(p) for p in SEEDS.glob("*.txt"))
    result = run.invoke(main, ["annotate", "-f", "json", "-j", "2", *docs])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["source"] for line in result.output.splitlines()] == docs


@pytest.mark.parametrize("fmt", ["json", "inline"])
def test_jobs_write_to_a_file_as_one_process_does(run: CliRunner, tmp_path: Path, fmt: str) -> None:
    docs = sorted(str(p) for p in SEEDS.glob("*.txt"))
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"{fmt}-{jobs}.txt"
        result = run.invoke(main, ["annotate", "-f", fmt, "-j", jobs, "-o", str(out), *docs])
        assert result.exit_code == 0, result.output
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and outs[0].count(b"==> ") == (len(docs) if fmt != "json" else 0)


def test_bad_file_reported_and_skipped(run: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    result = run.invoke(main, ["annotate", "-f", "json", str(bad), LUOJIANG])
    assert result.exit_code == 1
    assert "binary file" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stdout.splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["annotate", "/nonexistent.txt"], 1, "No such file"),
        (["annotate", "--region", "火星", LUOJIANG], 1, "unknown region"),
        (["annotate", "-f", "pdf", LUOJIANG], 2, "Invalid value"),
        (["lookup", "不存在"], 1, "not in the dictionary"),
        (["validate", "/nonexistent.yaml"], 1, "cannot read"),
    ],
)
def test_errors_are_one_line(run: CliRunner, args: list[str], code: int, words: str) -> None:
    result = run.invoke(main, args)
    assert result.exit_code == code
    assert words in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_lookup(run: CliRunner) -> None:
    result = run.invoke(main, ["lookup", "五化"])
    assert result.exit_code == 0 and "绿化、美化、照明化、净化、智化" in result.output
    data = json.loads(run.invoke(main, ["lookup", "五化", "--json"]).output)
    assert data["term"] == "五化" and data["senses"][0]["source"]["at"] == "附注8"


def test_lookup_suggests(run: CliRunner) -> None:
    result = run.invoke(main, ["lookup", "五花"])
    assert result.exit_code == 1 and "五化" in result.stderr


def test_validate_bundled_and_broken(run: CliRunner, tmp_path: Path) -> None:
    assert run.invoke(main, ["validate"]).exit_code == 0
    broken = tmp_path / "broken.yaml"
    broken.write_text("terms:\n  - term: x\n    senses: [\n", encoding="utf-8")
    result = run.invoke(main, ["validate", str(broken)])
    assert result.exit_code == 1 and f"{broken}:4: YAML syntax error" in result.stderr


def test_installed_entry_point() -> None:
    exe = shutil.which("glossary") or str(Path(sys.executable).with_name("glossary"))
    if not Path(exe).exists():
        pytest.skip("the glossary entry point is not installed")
    out = subprocess.run(
        [exe, "annotate", LUOJIANG], capture_output=True, text=True, check=True, cwd="/"
    )
    assert WUHUA in out.stdout


def test_jobs_through_a_pipe_as_one_process() -> None:
    # the workers' files are copied to the pipe by the kernel (sendfile), the bad file between
    # them reported where it stands
    exe = shutil.which("glossary") or str(Path(sys.executable).with_name("glossary"))
    if not Path(exe).exists():
        pytest.skip("the glossary entry point is not installed")
    docs = sorted(str(p) for p in SEEDS.glob("*.txt"))
    docs.insert(2, "/nonexistent.txt")
    outs = [
        subprocess.run(
            [exe, "annotate", "-f", fmt, "-j", jobs, "--no-progress", *docs],
            capture_output=True,
            cwd="/",
        )
        for fmt in ("json", "inline")
        for jobs in ("1", "2")
    ]
    assert [o.returncode for o in outs] == [1, 1, 1, 1]
    assert outs[0].stdout == outs[1].stdout and outs[2].stdout == outs[3].stdout
    assert outs[0].stdout.count(b"\n") == len(docs) - 1
    assert all(o.stderr.count(b"/nonexistent.txt") == 1 for o in outs)


def test_directory_input_chooses_and_lists(run: CliRunner, tmp_path: Path) -> None:
    for name in ("keep/a.txt", "keep/b.md", "drafts/c.txt", ".venv/lib/d.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("推进“五化”\n", encoding="utf-8")
    result = run.invoke(
        main, ["annotate", "-f", "json", "-v", "--exclude", "drafts/*", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    read = [line.split("reading ")[1] for line in result.stderr.splitlines()]
    assert read == [str(tmp_path / "keep" / "a.txt"), str(tmp_path / "keep" / "b.md")]
    assert [json.loads(x)["source"] for x in result.stdout.splitlines()] == read
    result = run.invoke(main, ["annotate", "--glob", "*.pdf", str(tmp_path)])
    assert result.exit_code == 1 and "no documents (*.pdf)" in result.stderr


def test_hostile_dictionary_is_one_line(run: CliRunner, tmp_path: Path) -> None:
    from .test_dictionary import LAUGHS

    path = tmp_path / "laughs.yaml"
    path.write_text(LAUGHS, encoding="utf-8")
    result = run.invoke(main, ["annotate", "--dict", str(path), LUOJIANG])
    assert result.exit_code == 1
    assert (
        result.stderr.strip()
        == f"glossary: {path}:2: YAML anchors and aliases (&name, *name) are not allowed"
    )
