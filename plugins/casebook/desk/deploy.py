"""Where the site goes when it is published: set once from the desk, kept in deploy.json.

deploy.json sits at the project's root (git-ignored: it names one practice's server). It
holds how (`rsync` or `github`) and where: an rsync target (`user@host:/path/` or a folder on
this computer) or a git remote and branch for GitHub Pages. A target is checked before
anything is built.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

FILE = "deploy.json"
CHECK_SECONDS = 20
# user@host:path, host:path; a user or host never starts with "-" (ssh would read an option).
REMOTE = re.compile(
    r"(?:(?P<user>[A-Za-z0-9_][A-Za-z0-9._-]*)@)?(?P<host>[A-Za-z0-9][A-Za-z0-9.-]*):(?P<path>.*)"
)
GIT_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._/-]*")


@dataclass(frozen=True)
class Target:
    """How and where the site is shipped."""

    how: str = "rsync"  # "rsync" or "github"
    rsync: str = ""
    remote: str = "origin"
    branch: str = "gh-pages"

    @property
    def words(self) -> str:
        """The target in plain words."""
        if self.how == "github":
            return f"GitHub Pages: the branch {self.branch} of the git remote {self.remote}"
        where = "a folder on this computer" if not REMOTE.fullmatch(self.rsync) else "a server"
        return f"{self.rsync} ({where}, copied with rsync)"

    def environment(self) -> dict[str, str]:
        """The values `make rsync_upload` or `make github` read from the environment."""
        if self.how == "github":
            return {"GITHUB_REMOTE": self.remote, "GITHUB_PAGES_BRANCH": self.branch}
        return {"SSH_TARGET": self.rsync}

    @property
    def make_target(self) -> str:
        return "github" if self.how == "github" else "rsync_upload"


def load(root: Path) -> Target | None:
    """The target set from the desk, or None (not set, or the file is not the desk's)."""
    try:
        data = json.loads((root / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    fields = {
        k: v for k, v in data.items() if k in Target.__dataclass_fields__ and isinstance(v, str)
    }
    return Target(**fields)


def save(root: Path, target: Target) -> None:
    """Write deploy.json whole, or not at all."""
    fd, temporary = tempfile.mkstemp(dir=root, prefix=f".{FILE}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            json.dump(asdict(target), file, indent=2)
            file.write("\n")
        os.replace(temporary, root / FILE)
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(temporary)
        raise


def wrong(target: Target) -> str | None:
    """What is wrong with the target as written, or None."""
    if target.how == "github":
        for what, value in (("remote", target.remote), ("branch", target.branch)):
            if not GIT_NAME.fullmatch(value) or ".." in value:
                return (
                    f"the git {what} '{value[:60]}' is not a name git takes; e.g. origin, gh-pages"
                )
        return None
    if target.how != "rsync":
        return "choose rsync or GitHub Pages"
    where = target.rsync.strip()
    if not where:
        return "give the server and folder, e.g. me@example.org:/var/www/site/, or a folder"
    if "\n" in where or "\0" in where:
        return "the target must be one line"
    if REMOTE.fullmatch(where):
        return None
    if where.startswith("-") or ":" in where.split("/")[0]:
        return (
            f"'{where[:60]}' is neither user@host:/folder/ nor a folder; write it as "
            "me@example.org:/var/www/site/"
        )
    if not os.path.isabs(where):
        return f"'{where[:60]}': give the whole path of the folder, starting with /"
    return None


def unreachable(target: Target, root: Path) -> str | None:
    """Why the target cannot be reached now (checked before anything is built), or None."""
    problem = wrong(target)
    if problem:
        return problem
    if target.how == "github":
        command = ["git", "ls-remote", "--heads", "--", target.remote]
        what = f"the git remote {target.remote}"
    elif REMOTE.fullmatch(target.rsync):
        command = ["rsync", "--list-only", "--", target.rsync]
        what = target.rsync
    else:
        folder = Path(target.rsync)
        if not folder.is_dir():
            return f"{target.rsync}: no such folder; create it first, or give another"
        if not os.access(folder, os.W_OK):
            return f"{target.rsync}: this computer may not write there; choose another folder"
        return None
    try:
        # A list of arguments, no shell; the value was checked above and comes after `--`.
        done = subprocess.run(  # noqa: S603
            command, cwd=root, capture_output=True, text=True, timeout=CHECK_SECONDS, check=False
        )
    except FileNotFoundError:
        return f"{command[0]} is not installed on this computer; see docs/first-day.md"
    except subprocess.TimeoutExpired:
        return f"{what} did not answer within {CHECK_SECONDS} seconds; check the address"
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no answer"])[-1]
        return f"{what} cannot be reached: {last[:200]}"
    return None
