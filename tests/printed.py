"""A test server's own process: each line it prints, and waiting for the one that matters."""

import os
import queue
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

PLUGINS = Path(__file__).resolve().parent.parent / "plugins"


class PrintedLines:
    """Reads a process's output as it comes; `lines` holds every line seen by wait_for."""

    def __init__(self, process: subprocess.Popen):
        self.process = process
        self.lines: list[str] = []
        self._new: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self._new.put(line.rstrip("\n"))
        self._new.put(None)

    def wait_for(self, pattern: str, timeout: float = 120) -> str:
        """The next line printed that matches `pattern`; fails after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            try:
                line = self._new.get(timeout=max(left, 0.01))
            except queue.Empty:
                line = ""
            if line is None or left <= 0:
                raise AssertionError(
                    f"no line like {pattern!r}; printed:\n" + "\n".join(self.lines)
                )
            self.lines.append(line)
            if re.search(pattern, line):
                return line


class CasebookProcess:
    """A `python -m casebook…` server for the tests: started, its printed lines read as it goes."""

    def start(self, args: list[str], cwd: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", *args],
            cwd=cwd,
            env={**os.environ, "PYTHONPATH": str(PLUGINS)},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.printed = PrintedLines(self.process)
        self.lines = self.printed.lines

    def wait_for(self, pattern: str, timeout: float = 120) -> str:
        """The next line printed that matches `pattern`; fails after `timeout` seconds."""
        return self.printed.wait_for(pattern, timeout)
