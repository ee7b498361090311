"""The installed package: what the wheel holds, and the package run outside any checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import main
from hatch_build import COMPILED, extension_files

ROOT = Path(__file__).resolve().parent.parent
_LINK = 0o120000
_PURE = "-py3-none-any.whl"


def _build(out: Path, **env: str) -> tuple[Path, str]:
    """The wheel pip builds from this checkout into ``out``, and what the build said."""
    pip = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-v"]
    done = subprocess.run(
        [*pip, "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        text=True,
        env={k: v for k, v in {**os.environ, **env}.items() if k != "GLOSSARY_PURE"},
    )
    (found,) = out.glob("glossary-*.whl")
    return found, done.stdout + done.stderr


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("wheel"))[0]


def test_the_wheel_holds_the_runtime_and_its_data_only(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as z:
        infos = z.infolist()
    names = {i.filename for i in infos}
    assert "glossary/data/terms.yaml" in names and "glossary/data/imported/中国.yaml" in names
    assert {"glossary/data/compiled.bin", "glossary/data/matcher.bin"} <= names
    assert {"glossary/render/printable.typ", "glossary/py.typed"} <= names
    assert not [i.filename for i in infos if (i.external_attr >> 16) & 0o170000 == _LINK]
    assert not [n for n in names if n.startswith(("tools/", "tests/", "seeds/", "benchmarks/"))]
    assert not [n for n in names if n.endswith("__main__.py") and n != "glossary/__main__.py"]
    # compiled where this machine has a C compiler: every hot module, its source kept beside it
    assert set(COMPILED) <= names
    if wheel.name.endswith(_PURE):
        assert not [n for n in names if n.endswith(sysconfig.get_config_var("EXT_SUFFIX"))]
    else:
        assert extension_files() <= names


def test_without_a_c_compiler_the_wheel_is_pure_python(tmp_path: Path) -> None:
    found, said = _build(tmp_path, CC="false")
    assert found.name.endswith(_PURE)
    assert "glossary: not compiled (" in said and "building the pure-Python wheel" in said


def test_installed_outside_a_checkout(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    env = {**os.environ, "PYTHONPATH": str(target)}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "glossary", *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    where = run("--version")
    assert where.returncode == 0 and "0.1.0" in where.stdout
    assert where.stdout.endswith(
        "(pure Python)\n" if wheel.name.endswith(_PURE) else "(compiled)\n"
    )
    # compiled or not, the installed package annotates exactly as this checkout does
    seeds = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
    installed = run("annotate", "-f", "json", "--no-progress", *seeds)
    here = CliRunner().invoke(main, ["annotate", "-f", "json", "--no-progress", *seeds])
    assert installed.returncode == 0 and installed.stdout == here.stdout != ""
    lookup = run("lookup", "五化")
    assert lookup.returncode == 0 and "绿化" in lookup.stdout
    # the installed one, not this checkout's
    probe = subprocess.run(
        [sys.executable, "-c", "import glossary; print(glossary.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.startswith(str(target))
    checked = run("validate")
    assert checked.returncode == 0, checked.stderr[-500:]
    lines = checked.stdout.splitlines()
    assert len(lines) == 2 and "0 problem(s)" in lines[0]
    assert "not installed" in lines[1] and "in a checkout" in lines[1]
    assert checked.stderr == ""


def _report(root: Path, place: str, year: int, notes: list[str]) -> None:
    path = root / "政府工作报告-主要城市" / place / f"{year}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    items = "".join(f"{k}.{line}\n" for k, line in enumerate(notes, 1))
    path.write_text(f"{place}人民政府工作报告\n\n正文。\n\n名词解释\n\n{items}", encoding="utf-8")


def test_import_a_corpus_of_ones_own(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _report(corpus, "成都市", 2024, ["“三个一批”：谋划一批、储备一批、实施一批。"])
    _report(corpus, "长沙市", 2023, ["“三个一批”：谋划一批、储备一批、实施一批项目。"])
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["import", str(corpus), "-o", str(out)])
    assert result.exit_code == 0, result.output
    made = out / "data" / "imported" / "中国.yaml"
    assert "三个一批@中国" in made.read_text(encoding="utf-8")
    assert len(list((out / "seeds" / "gov").rglob("*.md"))) == 2
    checked = CliRunner().invoke(main, ["validate", str(made)])
    assert checked.exit_code == 0 and "2 of 2 quotes" in checked.output
    # a folder that holds something is not overwritten without --force
    again = CliRunner().invoke(main, ["import", str(corpus), "-o", str(out)])
    assert again.exit_code == 1 and "--force" in again.output
