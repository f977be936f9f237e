"""The search index: Pagefind over the pages that hold searchable text, and no others.

The theme marks what search reads with `data-pagefind-body` (a post, a condition), and once
one page has it Pagefind ignores every page without it, after reading and parsing it all the
same: a referral summary, a list, a tag page. Pagefind is given the marked pages alone (its
`glob`, through the environment: a path is never a command-line argument), so the index is the
same, byte for byte, and made in about half the time at 1000 posts. The list goes in a
config file of its own (Pagefind reads `pagefind.json` in the folder it runs in), written by
the JSON emitter: a path is never a command-line argument, and 5000 of them do not fit in one
environment variable.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

MARK = b"data-pagefind-body"
# A character Pagefind's glob reads as syntax: with one in a path, every page is given.
GLOB_SYNTAX = frozenset("*?[]{}(),<>!\\:")


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
            try:
                marked = MARK in path.read_bytes()  # a mention in a post's text only adds it
            except OSError:
                return None
            if marked:
                found.append(path.relative_to(site).as_posix())
    if not found or any(GLOB_SYNTAX.intersection(page) for page in found):
        return None
    return sorted(found)


def index(
    site: Path, quiet: bool = True, capture: bool = False
) -> subprocess.CompletedProcess[str]:
    """Index `site` (into its own `pagefind/`); Pagefind's exit status and what it printed."""
    site = Path(site).resolve()
    argv = [sys.executable, "-m", "pagefind", "--site", str(site), *(["--quiet"] if quiet else [])]
    pages = marked_pages(site)
    with tempfile.TemporaryDirectory(prefix="casebook-search-") as folder:
        if pages is not None:
            config = {"glob": "{" + ",".join(pages) + "}"}
            Path(folder, "pagefind.json").write_text(json.dumps(config), encoding="utf-8")
        # Fixed arguments; the folder is a path, never parsed by a shell.
        return subprocess.run(  # noqa: S603
            argv, cwd=folder, capture_output=capture, text=True, check=False
        )
