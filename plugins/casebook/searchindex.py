"""The search index: Pagefind over the pages that hold searchable text, and no others.

The theme marks what search reads with `data-pagefind-body` (a post, a condition), and once
one page has it Pagefind ignores every page without it, after reading and parsing it all the
same: a referral summary, a list, a tag page. Pagefind is given the marked pages alone (its
`glob`), so the index is the same, byte for byte, and made in about half the time at 1000
posts. The list goes in a config file of its own (Pagefind reads `pagefind.json` in the folder
it runs in), written by the JSON emitter: a path is never a command-line argument, and 5000 of
them do not fit in one environment variable. A path the glob cannot hold as itself, a list too
long, or a glob Pagefind refuses, and Pagefind reads every page, as it does on its own.
"""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

# HTML reads attribute names without case, and so does Pagefind.
MARK = re.compile(rb"data-pagefind-body", re.IGNORECASE)
NO_WAIT = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
CHUNK = 1 << 20  # a page is searched a piece at a time: a huge one is never held whole
# A character Pagefind's glob reads as syntax (`$` is wax's lazy wildcard), or a control
# character (its own glob reads no path with a newline): with one in a path, every page is given.
GLOB_SYNTAX = frozenset("*?[]{}(),<>!\\:$").union(map(chr, [*range(32), 127]))
# Longer than this, a glob is more than Pagefind compiles (5000 slugs of 40 letters are 260 000).
MAX_GLOB = 100_000


def marked_pages(site: Path) -> list[str] | None:
    """The HTML files under `site` that carry the mark (as posix paths); None if none does or a
    path cannot be written in a glob, and Pagefind is to read every page itself."""
    found = []
    for folder, folders, files in os.walk(site):
        if Path(folder) == site:
            folders[:] = [f for f in folders if f != "pagefind"]  # the last index, not a page
        for name in files:
            if not name.endswith(".html"):
                continue
            path = Path(folder, name)
            marked = _is_marked(path)  # a mention in a post's text only adds it
            if marked is None:
                return None
            if marked:
                found.append(path.relative_to(site).as_posix())
    if not found or not all(_globbable(page) for page in found):
        return None
    if sum(len(page) + 1 for page in found) > MAX_GLOB:
        return None
    return sorted(found)


def _is_marked(path: Path) -> bool | None:
    """Whether the page holds the mark; None if it is no file that can be read to its end."""
    try:
        # Without waiting: opening a pipe for reading waits for a writer (none ever comes).
        with os.fdopen(os.open(path, os.O_RDONLY | NO_WAIT), "rb") as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                return None  # a pipe, or a device behind a link: Pagefind is left to it
            overlap = b""
            while chunk := file.read(CHUNK):
                if MARK.search(overlap + chunk):
                    return True
                overlap = chunk[-len(MARK.pattern) :]
    except OSError:
        return None
    return False


def _globbable(page: str) -> bool:
    """Whether a path can be written in Pagefind's glob (and its config, as UTF-8) as itself."""
    try:
        page.encode("utf-8")
    except UnicodeEncodeError:  # a name whose bytes are no UTF-8 (os.walk's surrogates)
        return False
    return not GLOB_SYNTAX.intersection(page)


def index(
    site: Path, quiet: bool = True, capture: bool = False
) -> subprocess.CompletedProcess[str]:
    """Index `site` (into its own `pagefind/`); Pagefind's exit status and what it printed."""
    site = Path(site).resolve()
    argv = [sys.executable, "-m", "pagefind", "--site", str(site), *(["--quiet"] if quiet else [])]
    unsafe = _unsafe_bundle(site / "pagefind")
    if unsafe is not None:
        if not capture:
            print(unsafe, file=sys.stderr)
        return subprocess.CompletedProcess(argv, 1, "", unsafe)
    pages = marked_pages(site)
    if pages is not None:
        done = _run(argv, {"glob": "{" + ",".join(pages) + "}"}, capture=True)
        if done.returncode == 0:
            if not capture:  # what Pagefind printed, as it would have
                sys.stdout.write(done.stdout)
                sys.stderr.write(done.stderr)
            return done
        # A glob Pagefind would not take: every page, which it always takes.
    return _run(argv, None, capture)


def _unsafe_bundle(bundle: Path) -> str | None:
    """Why Pagefind may not write its index into `bundle` (it writes through a link it finds
    there, out of the site, and panics on a file); None if it may."""
    found = [bundle] if bundle.is_symlink() else []
    if not found and bundle.exists() and not bundle.is_dir():
        return f"the search index: {bundle} is a file, not the index's folder; remove it"
    for folder, folders, files in os.walk(bundle) if not found else ():
        found += [Path(folder, n) for n in (*folders, *files) if Path(folder, n).is_symlink()]
    if not found:
        return None
    return (
        f"the search index: {found[0]} is a link, and Pagefind would write through it out of "
        f"the site; remove {bundle} (make clean removes the output)"
    )


def _run(
    argv: list[str], config: dict[str, str] | None, capture: bool
) -> subprocess.CompletedProcess[str]:
    """Pagefind in a folder of its own, with `config` as its pagefind.json if given."""
    with tempfile.TemporaryDirectory(prefix="casebook-search-") as folder:
        if config is not None:
            Path(folder, "pagefind.json").write_text(json.dumps(config), encoding="utf-8")
        # Fixed arguments; the folder is a path, never parsed by a shell.
        return subprocess.run(  # noqa: S603
            argv, cwd=folder, capture_output=capture, text=True, errors="replace", check=False
        )
