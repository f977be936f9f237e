"""Running one build for `make bench`: its wall time, CPU time and the memory of its process tree.

A build may fork workers, so memory is sampled over the whole tree (the build and every
process below it) every few milliseconds from /proc: the largest sum of resident sizes (RSS,
each page shared after a fork counted in every process that maps it) and the largest sum of
proportional sizes (PSS, a shared page split between the processes sharing it: what the tree
takes from the machine). Where /proc has no smaps_rollup, the peak RSS of the largest single
process (from wait4) stands in for both.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

SAMPLE_S = 0.01  # memory is sampled in runs of its own: the sampling costs CPU


@dataclass
class Run:
    """One finished build."""

    seconds: float
    cpu: float  # user + system seconds of the build and every process it waited for
    rss_mib: float  # largest sum of RSS over the tree
    pss_mib: float  # largest sum of PSS over the tree
    single_mib: float  # largest RSS of one process (ru_maxrss)
    stderr: str


def _children(pid: int) -> list[int]:
    """The processes `pid` forked that are still running."""
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            found += [int(c) for c in Path(f"/proc/{pid}/task/{task}/children").read_text().split()]
        except OSError:
            continue
    return found


def _tree(root: int) -> list[int]:
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack += _children(pid)
    return found


def _sizes(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in KiB; zeros if it is gone."""
    rss = pss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1])
            elif line.startswith("Pss:"):
                pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


class Sampler(threading.Thread):
    """Samples the memory of a process tree until told to stop."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.rss = self.pss = 0
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            rss = pss = 0
            for pid in _tree(self.root):
                one_rss, one_pss = _sizes(pid)
                rss, pss = rss + one_rss, pss + one_pss
            self.rss, self.pss = max(self.rss, rss), max(self.pss, pss)
            self.stopped.wait(SAMPLE_S)


def run(command: list[str], env: dict[str, str] | None = None, memory: bool = False) -> Run:
    """Run one build to its end (sampling its tree's memory if asked); a failed build stops
    the benchmark with what it printed."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env or dict(os.environ)
    )
    sampler = Sampler(proc.pid)
    if memory:
        sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    sampler.stopped.set()
    if memory:
        sampler.join()
    errors = proc.stderr.read().decode() if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{errors}")
    single = usage.ru_maxrss / 1024
    rss = sampler.rss / 1024 or single
    pss = sampler.pss / 1024 or single
    return Run(seconds, usage.ru_utime + usage.ru_stime, rss, pss, single, errors)


def build(conf: Path, output: Path, memory: bool = False, extra: tuple[str, ...] = ()) -> Run:
    """One Pelican build with a settings file, as `make html` or `make publish` runs it."""
    from bench_conf import PELICAN  # noqa: PLC0415

    command = [PELICAN, "-s", str(conf), "-o", str(output), "--quiet", "--fatal", "errors"]
    return run([*command, *extra], memory=memory)


def hugo(binary: str, site: Path, output: Path, memory: bool = False) -> Run:
    """Hugo's full build of the same posts into an empty folder."""
    shutil.rmtree(output, ignore_errors=True)
    return run([binary, "--quiet", "-s", str(site), "-d", str(output)], memory=memory)


# On a machine that has built before: the theme's compiled templates (as Python keeps every
# builder's compiled modules; they depend on the theme's files alone).
KEPT = ("casebook-templates",)


def cold_cache(folder: Path) -> None:
    """Empty a cache folder but for what KEPT names: nothing read, judged or rendered is
    remembered."""
    if not folder.exists():
        return
    for found in folder.iterdir():
        if found.name in KEPT:
            continue
        if found.is_dir():
            shutil.rmtree(found)
        else:
            found.unlink()
