"""The wheel's build hook: the hot path (matcher, sense choice, annotation, the document's
readers) compiled to C with mypyc, with the pure-Python package as the fallback.

A standard wheel (``pip install .``) tries to compile; where that fails (no C compiler, no
Python headers, mypyc refusing the code) the wheel is built pure, with a warning, and works the
same: the modules stay in the wheel as Python source, and Python imports a compiled module in
preference to its source. An editable install never compiles (a checkout runs its own
sources), nor does a wheel built with ``GLOSSARY_PURE=1``. ``glossary --version`` says which.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

# the per-hit and per-document work: what the benchmark's profile spends its time in
COMPILED = (
    "glossary/matcher.py",
    "glossary/annotate.py",
    "glossary/resolve.py",
    "glossary/compiled.py",
    "glossary/numerals.py",
    "glossary/readers/__init__.py",
    "glossary/readers/base.py",
    "glossary/readers/inline.py",
    "glossary/readers/lists.py",
    "glossary/readers/marks.py",
    "glossary/readers/notes.py",
    "glossary/readers/paragraph.py",
    "glossary/readers/structure.py",
)

_SETUP = """
from setuptools import setup
from mypyc.build import mypycify
setup(
    name="glossary-compiled",
    ext_modules=mypycify({paths!r}, opt_level="3", group_name="glossary", target_dir="c"),
    script_args=["build_ext", "--build-lib", "lib", "--build-temp", "tmp"],
)
"""


class CompileHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def dependencies(self) -> list[str]:
        # what compiling needs in the build environment, fetched only when it will compile
        return [] if os.environ.get("GLOSSARY_PURE") else ["mypy>=1.10", "setuptools>=70"]

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        self._work: str | None = None
        if self.target_name != "wheel" or version != "standard" or os.environ.get("GLOSSARY_PURE"):
            return
        work = tempfile.mkdtemp(prefix="glossary-compile-")
        try:
            built = _compile(Path(self.root), Path(work))
        except Exception as error:  # any failure leaves the pure wheel, which works the same
            shutil.rmtree(work, ignore_errors=True)
            print(
                f"glossary: not compiled ({error}); building the pure-Python wheel", file=sys.stderr
            )
            return
        self._work = work
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        build_data["force_include"].update(built)

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if getattr(self, "_work", None):
            shutil.rmtree(str(self._work), ignore_errors=True)


def extension_files() -> set[str]:
    """The paths in the wheel of ``COMPILED``'s extension modules, on this interpreter."""
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    return {Path(m).with_suffix(suffix).as_posix() for m in COMPILED}


def _compile(root: Path, work: Path) -> dict[str, str]:
    """Compile ``COMPILED`` in ``work`` (a copy of the package, so that nothing is written into
    the checkout); returns the extension files to put in the wheel, by their path there."""
    shutil.copytree(
        root / "glossary", work / "glossary", ignore=shutil.ignore_patterns("__pycache__")
    )
    # the build environment holds no runtime dependency: their types are unknown (Any) there
    (work / "mypy.ini").write_text("[mypy]\nignore_missing_imports = True\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", _SETUP.format(paths=list(COMPILED))],
        cwd=work,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        last = (done.stderr.strip() or done.stdout.strip() or "mypyc failed").splitlines()[-1]
        raise RuntimeError(last)
    lib = work / "lib"
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    built = {str(p): p.relative_to(lib).as_posix() for p in lib.rglob(f"*{suffix}")}
    if not extension_files() <= set(built.values()):
        raise RuntimeError(f"mypyc built {sorted(built.values())}")
    return built
