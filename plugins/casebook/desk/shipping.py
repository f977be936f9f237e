"""The desk's one way to build and ship the site: the Makefile's own targets, as subprocesses.

The desk never repeats what `make publish`, `make rsync_upload`, `make github` or `make consent`
do: it runs them, so it follows whatever the Makefile does. Every value (the content folder,
the target, a slug) goes through the environment (`make -e`), never onto a command line, and
the recipes read it as "$$NAME", so no shell ever parses it.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path

TARGETS = frozenset({"publish", "rsync_upload", "github", "consent"})
# Where `make publish` builds when the desk runs it: never the preview's folder.
PUBLISH_FOLDER = "output-publish"


def has_target(root: Path, target: str) -> bool:
    """Whether the Makefile has this target (`make consent` comes with the consent work)."""
    try:
        text = (root / "Makefile").read_text(encoding="utf-8")
    except OSError:
        return False
    return re.search(rf"^{re.escape(target)}:", text, re.MULTILINE) is not None


def run(
    root: Path,
    target: str,
    values: Mapping[str, str],
    line: Callable[[str], None],
    keep: tuple[str, ...] = (),
) -> int:
    """Run `make <target>` at the project root, each line it prints to `line`; its exit code.

    `keep`: targets make takes as already made (`make -o publish rsync_upload` ships the
    build just made instead of building again).
    """
    if target not in TARGETS:
        raise ValueError(f"not a target the desk runs: {target}")
    environment = {**os.environ, "OUTPUTDIR": PUBLISH_FOLDER, **values}
    command = ["make", "-e", "--no-print-directory"]
    for made in keep:
        command += ["-o", made]
    command.append(target)
    # Fixed words only: every value is in `environment`.
    with subprocess.Popen(  # noqa: S603
        command,
        cwd=root,
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
    ) as process:
        for row in process.stdout or ():
            line(row.rstrip("\n"))
        return process.wait()
