"""`make publish`, `rsync_upload`, `github`: one writer of the publish folder, never half a site.

    python -m casebook.cli.publish build --folder output-publish --settings publishconf.py content
    python -m casebook.cli.publish ship --folder output-publish -- rsync … output-publish/ host:/p
    python -m casebook.cli.publish clean --folder output-publish

The publish folder (`PUBLISHDIR` in the Makefile) is a link to the last complete, checked
build, kept in `<folder>.builds/`. A build goes into a fresh folder there; only when Pelican
and the search index finished without a warning and the result passed the checks below is
the link swapped to it, in one rename, so an interrupt (even `kill -9`) leaves the last good
site in place; the next build removes what an interrupted one left. A lock file beside the
folder (`<folder>.lock`, held with flock for as long as the command runs, released by the
system when it dies) lets one command at a time build, ship or clean it; a second is refused
with a clear message. The preview (`make html`, `make devserver`) writes `output/`, never this.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from .. import searchindex
from . import guarded

COMPLETE = "casebook-complete"  # beside each finished build's site/, never uploaded
SITE = "site"


class BusyError(Exception):
    """Another command holds the publish folder's lock."""


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold `<folder>.lock` for the block; BusyError at once if another process holds it."""
    lock = folder.with_name(folder.name + ".lock")
    with open(lock, "a+", encoding="utf-8") as file:
        try:
            fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            file.seek(0)
            holder = file.read().strip() or "another command"
            raise BusyError(holder) from None
        file.seek(0)
        file.truncate()
        file.write(f"process {os.getpid()} ({' '.join(sys.argv[1:2]) or 'publish'})")
        file.flush()
        try:
            yield
        finally:
            file.truncate(0)


def builds_of(folder: Path) -> Path:
    return folder.with_name(folder.name + ".builds")


def current(folder: Path) -> Path | None:
    """The site the publish folder shows now, if it is a complete build; else None."""
    if not folder.is_symlink():
        return None
    target = folder.resolve()
    if target.parent.parent != builds_of(folder).resolve() or target.name != SITE:
        return None
    return target if (target.parent / COMPLETE).is_file() else None


def problems_of(site: Path) -> list[str]:
    """Why a finished build is not a site to publish: pages missing, preview pages in it."""
    found = []
    for needed in ("index.html", "404.html", "sitemap.xml", "pagefind/pagefind.js"):
        if not (site / needed).is_file() or (site / needed).stat().st_size == 0:
            found.append(f"{needed} is missing")
    for preview in ("problems.html", "drafts"):
        if (site / preview).exists():
            found.append(f"{preview} is there, which only a preview writes")
    # The clients' approval copies (make consent) are private records: never on the site.
    private = [p for p in sorted(site.rglob("*")) if p.name in ("consents", "approved.json")]
    found += [f"{p.relative_to(site)} is there, a client's private consent record" for p in private]
    return found


def build(folder: Path, settings: str, content: str) -> int:
    """Build into a fresh folder, check it, then swap the publish folder to it."""
    builds = builds_of(folder)
    builds.mkdir(exist_ok=True)
    keep = current(folder)
    for old in builds.iterdir():  # what an interrupted or replaced build left
        if keep is None or old.resolve() != keep.parent:
            shutil.rmtree(old, ignore_errors=True)
    fresh = builds / f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
    site = fresh / SITE
    site.mkdir(parents=True)
    python = sys.executable
    pelican = [python, "-m", "pelican", "--settings", settings, "--output", str(site)]
    built = subprocess.run([*pelican, "--fatal", "warnings", "--", content], check=False)  # noqa: S603 - our own argv
    if built.returncode != 0 or searchindex.index(site).returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        print(f"make publish: the build stopped; {folder}/ still holds the last good site")
        return 1
    found = problems_of(site)
    if found:
        shutil.rmtree(fresh, ignore_errors=True)
        print(f"make publish: the new build is not complete ({'; '.join(found)}); {folder}/ "
              "still holds the last good site")  # fmt: skip
        return 1
    (fresh / COMPLETE).write_text(f"built {time.strftime('%Y-%m-%d %H:%M:%S')}\n")
    swap(folder, site)
    if keep is not None:
        shutil.rmtree(keep.parent, ignore_errors=True)
    print(f"make publish: {folder}/ now holds the new site")
    return 0


def swap(folder: Path, site: Path) -> None:
    """Point the publish folder at `site` in one rename (a link is replaced whole)."""
    if folder.exists() and not folder.is_symlink():
        # A folder an older version built in place: kept aside, never deleted unasked.
        folder.rename(folder.with_name(f"{folder.name}.before-{time.strftime('%Y%m%d-%H%M%S')}"))
    link = folder.with_name(f".{folder.name}.new-{os.getpid()}")
    link.unlink(missing_ok=True)
    link.symlink_to(os.path.relpath(site, folder.parent))
    os.replace(link, folder)


def ship(folder: Path, command: Sequence[str]) -> int:
    """Run the upload command while no build can swap or clean the folder it reads."""
    if current(folder) is None:
        print(f"{folder}/ holds no complete, checked publish build; run `make publish` first")
        return 2
    return subprocess.run(list(command), check=False).returncode  # noqa: S603 - the Makefile's


def clean(folder: Path) -> int:
    """Remove the publish folder and every build of it."""
    if folder.is_symlink():
        folder.unlink()
    shutil.rmtree(builds_of(folder), ignore_errors=True)
    return 0


@guarded("publish")
def main(argv: Sequence[str] | None = None) -> int:
    """Build, ship or clean the publish folder, one command at a time."""
    parser = argparse.ArgumentParser(prog="casebook.publish", description=__doc__)
    parser.add_argument("action", choices=("build", "ship", "clean"))
    parser.add_argument("--folder", required=True, help="the publish folder, e.g. output-publish")
    parser.add_argument("--settings", default="publishconf.py")
    given = list(sys.argv[1:] if argv is None else argv)
    # After `--`: build's content folder, or ship's command with its own options, untouched.
    rest = given[given.index("--") + 1 :] if "--" in given else []
    args = parser.parse_args(given[: given.index("--")] if "--" in given else given)
    args.rest = rest
    folder = Path(args.folder)
    try:
        with locked(folder):
            if args.action == "build":
                return build(folder, args.settings, (args.rest or ["content"])[0])
            if args.action == "ship":
                return ship(folder, args.rest)
            return clean(folder)
    except BusyError as held:
        print(
            f"make {'publish' if args.action == 'build' else args.action}: {folder}/ is being "
            f"written or uploaded by {held}; wait for it to finish, then run this again"
        )
        return 3


if __name__ == "__main__":
    sys.exit(main())
