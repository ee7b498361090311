"""benchmarks/load.py, briefly: a real server, a few clients, no errors."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import ROOT

pytest.importorskip("starlette")
pytest.importorskip("httpx")


def test_load_benchmark_runs_without_errors() -> None:
    # about 1 s for the server to answer, 1 s of warm-up, 2 s of load, and the stop
    args = ["--quick", "--seconds", "2", "--clients", "4", "--warmup", "1"]
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "load.py"), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    rows = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in done.stdout.splitlines()
        if line.startswith("| 1 |")
    ]
    assert len(rows) == 1, done.stdout
    workers, clients, _, requests, *_, errors, _peak = rows[0]
    assert (workers, clients, errors) == ("1", "4", "0")
    assert int(requests.replace(",", "")) > 0
