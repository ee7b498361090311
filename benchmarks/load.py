"""Load on a local ``glossary serve``: concurrent clients annotating a seed report; load.md from it.

    python benchmarks/load.py                          # 50 clients, 30 s, 1 and 2 workers
    python benchmarks/load.py --quick                  # 10 clients, 5 s, 1 worker: a smoke run
    python benchmarks/load.py --workers 1,2,4 --seconds 60
    python benchmarks/load.py --write benchmarks/load.md

For every worker count a fresh server is started on a free port (``glossary serve --workers N``),
polled until ``GET /api/version`` answers, warmed up for a moment, then ``--clients`` clients
each POST the report to ``/api/annotate`` in a loop for ``--seconds``. A request counts as an
error unless it answers 200 with a JSON object holding a ``matches`` list; refused connections
and timeouts are errors too, and any error makes the exit status 1 (the bar is none).

Latency is measured by the client, from sending the request to having parsed the answer, so
it includes the time a request waits for the load generator's event loop. The load generator
runs on the same machine as the server and competes with it for the cores: on a small machine
the figures are a floor for the server, not its ceiling. Peak memory is the largest sum of the
resident memory (VmRSS) of the server process and all its descendants (the workers), sampled
every 0.2 s from start to stop.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import AsyncExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import IO, Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "luojiang-2024-government-work-report.txt"
MB = 1_000_000
SAMPLE_EVERY = 0.2  # seconds between memory samples
READY_WITHIN = 60.0  # seconds the server may take to answer its first request
STOP_WITHIN = 10.0  # seconds after SIGINT before the server is terminated, then killed
TIMEOUT = 60.0  # per request: generous, so that a slow answer is a latency, not an error


# ----------------------------------------------------------------------------- memory


def _children(pid: int) -> list[int]:
    """Child process ids of ``pid``: from /proc/<pid>/task/*/children where the kernel offers
    it (CONFIG_PROC_CHILDREN), else by scanning every process's parent in /proc/*/stat."""
    task = Path(f"/proc/{pid}/task")
    try:
        files = list(task.glob("*/children"))
    except OSError:
        return []
    if files:
        out: list[int] = []
        for f in files:
            with suppress(OSError):  # the thread ended meanwhile
                out.extend(int(c) for c in f.read_text().split())
        return out
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # the process ended meanwhile
        # the command name (field 2) may hold spaces and parentheses: the fields after it
        # start after the last ')'; the parent is the second of them
        if int(stat.rpartition(")")[2].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def descendants(pid: int) -> list[int]:
    """``pid`` and every process below it."""
    seen, todo = [pid], [pid]
    while todo:
        for child in _children(todo.pop()):
            if child not in seen:
                seen.append(child)
                todo.append(child)
    return seen


def rss_bytes(pid: int) -> int:
    """Resident memory of one process now (0 once it has ended)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def cpu_seconds(pids: Sequence[int]) -> float:
    """User and system CPU time the processes have used so far (utime + stime)."""
    total = 0
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = stat.rpartition(")")[2].split()
        total += int(fields[11]) + int(fields[12])  # fields 14 and 15 of proc(5)
    return total / os.sysconf("SC_CLK_TCK")


def machine_busy() -> float:
    """CPU seconds all the machine's cores have been busy since boot (/proc/stat)."""
    with open("/proc/stat") as f:
        ticks = [int(v) for v in f.readline().split()[1:]]
    # user nice system idle iowait irq softirq steal (guest time is already in user)
    return (sum(ticks[:8]) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")


class MemorySampler:
    """The largest summed RSS of a process tree, sampled in a thread (a thread, not a task on
    the event loop: the loop is saturated by the clients and would sample late)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0
        self.last = 0
        self.processes = 1
        self.seen: set[int] = set()  # every process id of the tree: a restarted worker adds one
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(SAMPLE_EVERY)

    def sample(self) -> int:
        pids = descendants(self.pid)
        self.last = sum(rss_bytes(p) for p in pids)
        self.peak = max(self.peak, self.last)
        self.processes = max(self.processes, len(pids))
        self.seen.update(pids)
        return self.last

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


# ----------------------------------------------------------------------------- server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def server_command(port: int, workers: int) -> list[str]:
    """The installed ``glossary`` script beside this Python, else ``python -m glossary``."""
    exe = Path(sys.executable).with_name("glossary")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "glossary"]
    return [*cmd, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]


@dataclass
class Server:
    proc: subprocess.Popen[bytes]
    url: str
    log: IO[bytes]
    started: float
    ready_after: float = 0.0
    ready_rss: int = 0
    version: dict[str, Any] = field(default_factory=dict)
    orphans: int = 0  # workers still alive after the server stopped (killed)
    stop_took: float = 0.0
    stop_signal: str = ""  # the signal that ended it

    def output(self) -> str:
        """What the server printed so far (stdout and stderr)."""
        self.log.flush()
        self.log.seek(0)
        return self.log.read().decode("utf-8", errors="replace")


def wait_ready(server: Server) -> None:
    """Poll ``/api/version`` until it answers 200; fail at once if the server exits."""
    deadline = server.started + READY_WITHIN
    with httpx.Client(timeout=5.0) as client:
        while time.perf_counter() < deadline:
            if server.proc.poll() is not None:
                raise RuntimeError(
                    f"the server exited ({server.proc.returncode}) before answering:\n"
                    + server.output()
                )
            try:
                r = client.get(server.url + "api/version")
                if r.status_code == 200:
                    server.ready_after = time.perf_counter() - server.started
                    server.version = r.json()
                    return
            except httpx.TransportError:
                pass  # not listening yet
            time.sleep(0.1)
    raise RuntimeError(
        f"the server did not answer within {READY_WITHIN:.0f} s:\n" + server.output()
    )


def stop(server: Server) -> None:
    """SIGINT (uvicorn's Ctrl-C: a graceful stop, workers included), then SIGTERM, then
    SIGKILL if it still does not exit; workers it leaves behind are killed too."""
    proc = server.proc
    workers = descendants(proc.pid)[1:]
    t0 = time.perf_counter()
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        server.stop_signal = "SIGINT"
        try:
            proc.wait(timeout=STOP_WITHIN)
        except subprocess.TimeoutExpired:
            server.stop_signal = "SIGTERM"
            print(
                f"  the server ignored SIGINT for {STOP_WITHIN:.0f} s: terminating", file=sys.stderr
            )
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                server.stop_signal = "SIGKILL"
                proc.kill()
                proc.wait()
    server.stop_took = time.perf_counter() - t0
    # the multiprocessing resource tracker outlives the parent by a moment: give what is
    # left a little time to exit on its own before calling it left behind
    deadline = time.perf_counter() + 2.0
    while time.perf_counter() < deadline and any(_in_group(p, proc.pid) for p in workers):
        time.sleep(0.05)
    for pid in workers:
        # only a process still in the server's own group (start_new_session) is one of ours,
        # not an unrelated process that was given a finished worker's id since
        if _in_group(pid, proc.pid):
            server.orphans += 1
            with suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)


def _in_group(pid: int, group: int) -> bool:
    """Whether ``pid`` is alive (not a zombie) and in process group ``group``."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    fields = stat.rpartition(")")[2].split()
    return fields[0] != "Z" and int(fields[2]) == group


@contextmanager
def running_server(workers: int) -> Iterator[tuple[Server, MemorySampler]]:
    """A fresh server with ``workers`` processes, ready to answer, sampled for memory; stopped
    on the way out whatever happens."""
    port = free_port()
    log = tempfile.TemporaryFile()  # noqa: SIM115 - the server writes to it until stop()
    # a session of its own: a Ctrl-C at the terminal reaches the benchmark only, which then
    # stops the server itself, once, with SIGINT (a second SIGINT makes uvicorn quit at once)
    proc = subprocess.Popen(
        server_command(port, workers),
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    server = Server(proc, f"http://127.0.0.1:{port}/", log, time.perf_counter())
    sampler = MemorySampler(proc.pid)
    sampler.start()
    try:
        wait_ready(server)
        server.ready_rss = sampler.sample()
        yield server, sampler
    finally:
        sampler.stop()
        stop(server)
        log.close()


# ----------------------------------------------------------------------------- load


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    elapsed: float = 0.0

    @property
    def requests(self) -> int:
        return len(self.latencies) + sum(self.errors.values())


async def one_client(
    client: httpx.AsyncClient, url: str, body: bytes, until: float, tally: Tally
) -> None:
    """POST the report again and again until ``until``; a request started before it is
    finished and counted."""
    headers = {"content-type": "application/json"}
    while time.perf_counter() < until:
        t0 = time.perf_counter()
        try:
            r = await client.post(url, content=body, headers=headers)
            ok = r.status_code == 200
            if ok:
                data = r.json()
                ok = isinstance(data, dict) and isinstance(data.get("matches"), list)
                why = "answer without a matches list"
            else:
                why = f"HTTP {r.status_code}"
        except (httpx.HTTPError, json.JSONDecodeError, UnicodeDecodeError) as exc:
            ok, why = False, type(exc).__name__
        if ok:
            tally.latencies.append(time.perf_counter() - t0)
        else:
            tally.errors[why] += 1


async def load(url: str, body: bytes, clients: int, seconds: float) -> Tally:
    """``clients`` concurrent clients for ``seconds``, each with its own connection.

    One ``httpx.AsyncClient`` per simulated user, not one shared pool: measured here, a pool of
    50 connections cost the load generator about three times the CPU per request and served
    its waiters unfairly (p95 five times p50), so that it measured httpx rather than the server.
    """
    tally = Tally()
    one = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    async with AsyncExitStack() as stack:
        users = [
            await stack.enter_async_context(httpx.AsyncClient(timeout=TIMEOUT, limits=one))
            for _ in range(clients)
        ]
        t0 = time.perf_counter()
        until = t0 + seconds
        await asyncio.gather(*(one_client(c, url, body, until, tally) for c in users))
        tally.elapsed = time.perf_counter() - t0
    return tally


def percentile(values: Sequence[float], q: float) -> float:
    """The nearest-rank ``q``-th percentile (0 for no values)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))  # ceil(n * q / 100), at least 1
    return ordered[int(rank) - 1]


# ----------------------------------------------------------------------------- report


@dataclass
class Row:
    workers: int
    clients: int
    tally: Tally
    server: Server
    peak_mb: float
    processes: int  # most at once: the parent, the workers, multiprocessing's resource tracker
    pids_seen: int  # more than ``processes``: a worker was replaced (uvicorn restarts a hung one)
    server_cpu: float  # CPU seconds of the server's processes during the measured run
    client_cpu: float  # CPU seconds of this process (the load generator) during it
    machine_cpu: float  # CPU seconds the whole machine was busy during it: others' work shows


HEAD = (
    "| workers | clients | seconds | requests | req/s | p50 ms | p95 ms | max ms | errors "
    "| peak server MB |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
)


def table(rows: Sequence[Row]) -> str:
    lines = [HEAD]
    for r in rows:
        t = r.tally
        lat = t.latencies
        lines.append(
            f"| {r.workers} | {r.clients} | {t.elapsed:.1f} | {t.requests:,} "
            f"| {t.requests / t.elapsed if t.elapsed else 0:.1f} "
            f"| {percentile(lat, 50) * 1000:.0f} | {percentile(lat, 95) * 1000:.0f} "
            f"| {max(lat, default=0) * 1000:.0f} | {sum(t.errors.values())} | {r.peak_mb:.0f} |"
        )
    return "\n".join(lines)


def notes(rows: Sequence[Row]) -> str:
    out = []
    for r in rows:
        s, secs = r.server, r.tally.elapsed or 1.0
        line = (
            f"- {r.workers} worker{'s' if r.workers > 1 else ''}: answered "
            f"{s.ready_after:.1f} s after start, {s.ready_rss / MB:.0f} MB then; "
            f"{r.processes} server process{'es' if r.processes > 1 else ''}; CPU during the run: "
            f"server {r.server_cpu / secs:.0%} of a core, load generator "
            f"{r.client_cpu / secs:.0%}, other processes "
            f"{max(0.0, r.machine_cpu - r.server_cpu - r.client_cpu) / secs:.0%}"
        )
        if r.pids_seen > r.processes:
            line += f"; {r.pids_seen - r.processes} worker(s) replaced during the run"
        line += f"; stopped by {s.stop_signal} in {s.stop_took:.1f} s (exit {s.proc.returncode})"
        if s.orphans:
            line += f", {s.orphans} worker(s) left behind and killed"
        if r.tally.errors:
            line += "; errors: " + ", ".join(f"{k} ×{v}" for k, v in r.tally.errors.items())
        out.append(line + ".")
    return "\n".join(out)


# ----------------------------------------------------------------------------- main


def _as_interrupt(signum: int, frame: FrameType | None) -> None:
    # SIGTERM to the benchmark: unwind as for Ctrl-C, so that the server is stopped too; sent
    # as SIGINT, so that asyncio.run's own handler cancels the clients in order
    signal.raise_signal(signal.SIGINT)


def worker_counts(value: str) -> list[int]:
    try:
        counts = [int(v) for v in value.split(",") if v.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma list of numbers: {value!r}") from None
    if not counts or min(counts) < 1:
        raise argparse.ArgumentTypeError(f"worker counts must be 1 or more: {value!r}")
    return counts


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--clients", type=int, help="concurrent clients (default 50; --quick: 10)")
    ap.add_argument("--seconds", type=float, help="measured seconds (default 30; --quick: 5)")
    ap.add_argument(
        "--workers",
        type=worker_counts,
        help="server processes, a comma list: one row each (default 1,2; --quick: 1)",
    )
    ap.add_argument("--warmup", type=float, default=2.0, help="unmeasured seconds first")
    ap.add_argument(
        "--report", type=Path, default=SEED, help="the text to annotate (default: %(default)s)"
    )
    ap.add_argument("--write", type=Path, help="write the report (Markdown) to this file")
    ap.add_argument("--quick", action="store_true", help="10 clients, 5 s, 1 worker")
    args = ap.parse_args()
    # explicit values win over --quick's (the test runs --quick --seconds 2 --clients 4)
    clients = args.clients if args.clients is not None else (10 if args.quick else 50)
    seconds = args.seconds if args.seconds is not None else (5.0 if args.quick else 30.0)
    workers = args.workers if args.workers is not None else ([1] if args.quick else [1, 2])
    if clients < 1 or seconds <= 0:
        ap.error("--clients and --seconds must be positive")
    # the default is absolute (beside this file); a relative path given is tried in the current
    # directory, then in the repository, so that `--report seeds/x.txt` works from anywhere
    report = args.report
    if not report.is_absolute() and not report.exists():
        report = ROOT / report
    text = report.read_text(encoding="utf-8")
    body = json.dumps({"text": text, "region": None}, ensure_ascii=False).encode("utf-8")
    signal.signal(signal.SIGTERM, _as_interrupt)

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    rows: list[Row] = []
    version: dict[str, Any] = {}
    try:
        for n in workers:
            log(f"{n} worker(s): starting the server")
            with running_server(n) as (server, sampler):
                version = server.version
                log(f"  answered after {server.ready_after:.1f} s; warming up {args.warmup:g} s")
                if args.warmup > 0:
                    asyncio.run(load(server.url + "api/annotate", body, clients, args.warmup))
                log(f"  {clients} clients for {seconds:g} s")
                busy0 = machine_busy()
                cpu0, own0 = cpu_seconds(descendants(server.proc.pid)), time.process_time()
                tally = asyncio.run(load(server.url + "api/annotate", body, clients, seconds))
                cpu1, own1 = cpu_seconds(descendants(server.proc.pid)), time.process_time()
                busy1 = machine_busy()
                if server.proc.poll() is not None:
                    tally.errors["server exited during the run"] += 1
                rows.append(
                    Row(
                        n,
                        clients,
                        tally,
                        server,
                        peak_mb=sampler.peak / MB,
                        processes=sampler.processes,
                        pids_seen=len(sampler.seen),
                        server_cpu=cpu1 - cpu0,
                        client_cpu=own1 - own0,
                        machine_cpu=busy1 - busy0,
                    )
                )
            log(f"  {tally.requests:,} requests, {sum(tally.errors.values())} errors")
    except KeyboardInterrupt:
        log("interrupted: the server is stopped")
        return 130

    words = ["python benchmarks/load.py", *sys.argv[1:]]
    terms = version.get("dictionary", {}).get("terms")
    nterms = f"{terms:,}" if isinstance(terms, int) else "?"
    text_out = "\n\n".join(
        [
            f"One run of `{' '.join(words)}` on {time.strftime('%Y-%m-%d')}: "
            f"Python {platform.python_version()}, {os.cpu_count()} cores, "
            f"glossary {version.get('package', '?')} "
            f"({nterms} terms).",
            f"{clients} concurrent clients (one httpx.AsyncClient and connection each, on one "
            f"asyncio loop) each POST "
            f"`{report.relative_to(ROOT) if report.is_relative_to(ROOT) else report}` "
            f"({len(text):,} characters, {len(body):,} bytes of JSON) to `/api/annotate` "
            f"in a loop for {seconds:g} s, after {args.warmup:g} s of warm-up; a fresh "
            f"`glossary serve --workers N` for every row. Latency is the client's (queueing "
            f"in the load generator included); peak server MB is the largest summed RSS of "
            f"the server and its workers, sampled every {SAMPLE_EVERY:g} s from start to stop.",
            f"The load generator runs on the same {os.cpu_count()} cores as the server and "
            f"competes with it: these figures are a floor for the server, not its ceiling.",
            table(rows),
            notes(rows),
        ]
    )
    print(text_out, flush=True)
    if args.write:
        head = "# Load benchmark\n\nGenerated by `benchmarks/load.py` (do not edit by hand).\n\n"
        args.write.write_text(head + text_out + "\n", encoding="utf-8")
    return 1 if any(r.tally.errors for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
