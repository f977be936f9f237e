"""`make devserver`: build the preview, serve it on 127.0.0.1, and after every save rebuild
what changed and reload the open pages.

    python -m casebook.preview.devserver [-s pelicanconf.py] [-o output] [--port 8000] content

One process keeps one preview session (session.py): the first build renders every page,
each later one only the pages whose inputs changed. The search index is brought up to
date in the background after each build, so it never delays the page.
"""

from __future__ import annotations

import argparse
import errno
import fnmatch
import gc
import logging
import os
import queue
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import watchfiles
from pelican import Pelican, signals
from pelican.log import init as init_logging
from pelican.settings import read_settings

from .. import searchindex
from ..content.problems import Problem, shown
from ..pelican import quiet
from .server import Builds, LiveServer
from .session import Outcome, Session

logger = logging.getLogger(__name__)

# What the preview changes in the site's settings. Files are read once and remembered in
# memory (session.py): Pelican's own content cache would be read from disk and written
# back at every build, which costs more than the whole rebuild.
OVERRIDES = {
    "CACHE_CONTENT": False,
    "LOAD_CONTENT_CACHE": False,
    "DELETE_OUTPUT_DIRECTORY": False,
    "CASEBOOK_LIVE_RELOAD": True,
}
STEP_MS = 30  # a save is built once no other change has come for this long
SETTLE = 1.0  # seconds after a build before the search index and memory are tidied


def load_settings(settings_file: str | None, content: str, output: str) -> dict:
    """The site's settings for the preview: its own, with the preview's overrides."""
    override = {"PATH": os.path.abspath(content), "OUTPUT_PATH": os.path.abspath(output)}
    return read_settings(settings_file, override={**override, **OVERRIDES})


class SearchIndex:
    """Pagefind over the output folder, run in the background after builds, one at a time."""

    def __init__(self, output: str) -> None:
        self.output = output
        self._wanted = threading.Event()
        self._stopped = False
        self.runs = 0
        self._thread = threading.Thread(target=self._loop, name="search-index", daemon=True)
        self._thread.start()

    def request(self) -> None:
        """Index again once the current run (if any) is done."""
        self._wanted.set()

    def stop(self) -> None:
        self._stopped = True
        self._wanted.set()

    def _loop(self) -> None:
        while True:
            self._wanted.wait()
            if self._stopped:
                return
            self._wanted.clear()
            done = searchindex.index(Path(self.output), capture=True)
            if done.returncode != 0:
                logger.warning("the search index was not updated: %s", done.stderr.strip())
                continue
            self.runs += 1
            print(f"Search index updated ({self.runs})", flush=True)


class Preview:
    """The site, its preview session, and how to rebuild it after a change."""

    def __init__(self, settings_file: str | None, content: str, output: str) -> None:
        self.settings_file = settings_file
        self.content, self.output = content, output
        self.problems: list[Problem] = []
        signals.all_generators_finalized.connect(self._note_problems)
        self.load()

    def load(self) -> None:
        """Read the settings (again); a new session renders every page."""
        self.settings = load_settings(self.settings_file, self.content, self.output)
        self.pelican = Pelican(self.settings)
        self.session = Session()

    def _note_problems(self, generators) -> None:
        state = generators[0].context.get("casebook") if generators else None
        judged = getattr(state, "judged", None)
        self.problems = list(judged.problems) if judged is not None else []

    def watched(self) -> list[str]:
        """The content folder, the theme and the settings file."""
        paths = [self.settings["PATH"], self.settings["THEME"]]
        if self.settings_file:
            paths.append(self.settings_file)
        return [os.path.abspath(p) for p in paths if os.path.exists(p)]

    def wanted(self, change: watchfiles.Change, path: str) -> bool:
        """Whether a changed file can change the site (not a hidden or an editor's file)."""
        del change
        if not watchfiles.DefaultFilter()(watchfiles.Change.modified, path):
            return False
        patterns = self.settings.get("IGNORE_FILES") or ()
        output = os.path.abspath(self.output) + os.sep
        parts = Path(path).parts
        return not path.startswith(output) and not any(
            fnmatch.fnmatch(part, pattern) for part in parts for pattern in patterns
        )

    def changed(self, paths: set[str]) -> bool:
        """Prepare the next build for these changed files; True if the settings changed."""
        settings = os.path.abspath(self.settings_file) if self.settings_file else None
        templates = os.path.join(os.path.abspath(self.settings["THEME"]), "templates")
        if settings in paths:
            self.load()
            return True
        if any(p.startswith(templates + os.sep) for p in paths):
            self.session.everything()  # what the pages read may be read differently now
        return False

    def build(self) -> Outcome | None:
        """Build once; None, and the reason logged, if the build failed."""
        gc.disable()  # a full collection walks every remembered file: done after, off the clock
        try:
            with self.session.build(self.settings["OUTPUT_PATH"]):
                self.pelican.run()
        except Exception as error:  # noqa: BLE001 - the server stays up for the next save
            logger.error("the preview was not rebuilt: %s", describe(error, self.settings))
            return None
        finally:
            gc.enable()
        return self.session.last


def describe(error: BaseException, settings: dict) -> str:
    """One line about a failed build: plain advice, or where a template is wrong."""
    advice = quiet.advice(error, settings)
    if advice:
        return advice
    where = getattr(error, "filename", None)
    line = getattr(error, "lineno", None)
    if where:
        return f"{shown(where)}{f':{line}' if line else ''}: {error}"
    return f"{type(error).__name__}: {error}"


def tidy_memory() -> None:
    """Collect the last build's garbage, and let later collections skip what is kept."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def summary(outcome: Outcome, seconds: float, problems: list[Problem], url: str) -> str:
    """One line per build for the terminal."""
    pages = len(outcome.rendered)
    line = f"Build {outcome.number}: {pages} page{'s' if pages != 1 else ''} written"
    if outcome.removed:
        line += f", {len(outcome.removed)} removed"
    line += f" in {seconds:.2f} s"
    if problems:
        errors = sum(p.is_error for p in problems)
        line += f"; {len(problems)} problem{'s' if len(problems) != 1 else ''}"
        line += f" ({errors} error{'s' if errors != 1 else ''}), listed at {url}problems.html"
    return line


class Watcher:
    """Changed files under the watched folders, gathered in a thread from the moment it starts.

    Started before the first build, so a save made while it runs is not missed.
    """

    def __init__(self, preview: Preview) -> None:
        self.changes: queue.Queue[set[str]] = queue.Queue()
        self._stop = threading.Event()
        self._paths, self._wanted = preview.watched(), preview.wanted
        self._thread = threading.Thread(target=self._watch, name="watcher", daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        for batch in watchfiles.watch(
            *self._paths, watch_filter=self._wanted, step=STEP_MS, stop_event=self._stop
        ):
            self.changes.put({os.path.abspath(path) for _change, path in batch})

    def next(self, timeout: float | None = None) -> set[str] | None:
        """The files changed since the last call, once there is one; None after `timeout`."""
        try:
            paths = set(self.changes.get(timeout=timeout))
        except queue.Empty:
            return None
        while not self.changes.empty():
            paths |= self.changes.get()
        return paths

    def stop(self) -> None:
        self._stop.set()


def serve(preview: Preview, server: LiveServer, index: SearchIndex, watcher: Watcher) -> None:
    """Rebuild after every change until interrupted.

    The search index and the garbage collector wait until the open pages have had time
    to reload: both would slow the server down just as the pages ask for themselves.
    """
    settled = True
    while True:
        paths = watcher.next(timeout=None if settled else SETTLE)
        if paths is None:
            index.request()
            tidy_memory()
            settled = True
            continue
        started = time.perf_counter()
        if preview.changed(paths):
            watcher.stop()  # the settings name other folders now
            watcher = Watcher(preview)
        outcome = preview.build()
        if outcome is None:
            continue
        server.builds.announce()
        print(summary(outcome, time.perf_counter() - started, preview.problems, server.url))
        sys.stdout.flush()
        settled = False


def start(settings_file: str | None, content: str, output: str, port: int):
    """The preview, its watcher, its first build and its server; an OSError if it cannot."""
    preview = Preview(settings_file, content, output)
    os.makedirs(preview.settings["OUTPUT_PATH"], exist_ok=True)
    # The port first: if it is taken, say so at once, not after a whole build.
    server = LiveServer(preview.settings["OUTPUT_PATH"], port, Builds())
    watcher = Watcher(preview)
    started = time.perf_counter()
    outcome = preview.build()
    if outcome is not None:
        print(summary(outcome, time.perf_counter() - started, preview.problems, server.url))
    return preview, watcher, server


def cannot_start(error: OSError, port: int) -> str:
    """Why the preview could not start, and what to do."""
    if error.errno == errno.EADDRINUSE:
        return (
            f"devserver: port {port} is in use (another preview?); stop it, or give another "
            f"port, e.g. make devserver PORT={port + 1 if 0 < port < 65535 else 8001}"
        )
    where = f"{shown(error.filename)}: " if error.filename else ""
    return f"devserver: {where}{error.strerror or error}; nothing is served"


def main(argv: Sequence[str] | None = None) -> int:
    """Build, serve, and rebuild on every save; Ctrl-C stops."""
    parser = argparse.ArgumentParser(prog="casebook.devserver", description=__doc__)
    parser.add_argument("content", help="the content folder")
    parser.add_argument("-s", "--settings", help="settings file (default: ./pelicanconf.py)")
    parser.add_argument("-o", "--output", default="output", help="the output folder")
    parser.add_argument("--port", type=int, default=8000, help="0 picks a free port")
    args = parser.parse_args(argv)
    if not 0 <= args.port <= 65535:
        parser.error(f"--port: {args.port} is not a port; give a number from 1 to 65535")
    default = "pelicanconf.py" if os.path.exists("pelicanconf.py") else None
    settings_file = args.settings or default
    # Plain lines, as `make check` prints them: `path:line: message`.
    init_logging(level=logging.WARNING, handler=logging.StreamHandler(sys.stderr))
    try:
        preview, watcher, server = start(settings_file, args.content, args.output, args.port)
    except OSError as error:
        print(cannot_start(error, args.port), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("devserver: stopped", file=sys.stderr)
        return 130
    index = SearchIndex(preview.settings["OUTPUT_PATH"])
    server.start()
    print(f"Serving the preview on {server.url} (Ctrl-C stops it)", flush=True)
    try:
        index.request()
        tidy_memory()
        serve(preview, server, index, watcher)
    except KeyboardInterrupt:
        print("devserver: stopped", file=sys.stderr)
    finally:
        watcher.stop()
        index.stop()
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
