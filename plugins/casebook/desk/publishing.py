"""Publishing from the desk: refuse while there are problems, build, show what changes, ship.

One publish at a time, in a thread, each step's lines kept for the page to show:
1. the deploy target is checked, and the rule book must find no error;
2. `make publish` builds the site into its own folder (shipping.py);
3. the pages it made are compared with the record of the last publish: new, changed, removed;
4. once the practitioner agrees, `make rsync_upload` or `make github` ships that build, and
   its pages become the record.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from . import deploy, shipping

RECORD = "desk-last-publish.json"  # in the site's CACHE_PATH: what the last publish shipped
MAX_LINES = 2000


class Step(StrEnum):
    IDLE = "idle"
    REFUSED = "refused"
    BUILDING = "building"
    BUILT = "built"  # waiting for the practitioner to agree
    SHIPPING = "shipping"
    DONE = "done"
    FAILED = "failed"


@dataclass(frozen=True)
class Changes:
    """What a build changes online, page by page (addresses), against the last publish."""

    new: list[str]
    changed: list[str]
    removed: list[str]
    other_files: int  # stylesheets, images, feeds, the search index
    first: bool  # no record of an earlier publish from the desk

    @property
    def nothing(self) -> bool:
        return not (self.new or self.changed or self.removed or self.other_files)


def manifest(folder: Path) -> dict[str, str]:
    """Every file of a built site with the digest of its bytes."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            found[path.relative_to(folder).as_posix()] = hashlib.sha256(
                path.read_bytes()
            ).hexdigest()
    return found


def address(relpath: str) -> str:
    """The address a page file answers at."""
    if relpath == "index.html":
        return "/"
    if relpath.endswith("/index.html"):
        return "/" + relpath.removesuffix("index.html")
    return "/" + relpath


def compare(before: dict[str, str] | None, after: dict[str, str]) -> Changes:
    """What changes online when `after` replaces `before` (None: nothing known of before)."""
    old = before or {}
    pages = sorted(p for p in after if p.endswith(".html"))
    new = [address(p) for p in pages if p not in old]
    changed = [address(p) for p in pages if p in old and old[p] != after[p]]
    removed = [address(p) for p in sorted(old) if p.endswith(".html") and p not in after]
    others = {p for p in {*old, *after} if not p.endswith(".html") and old.get(p) != after.get(p)}
    return Changes(new, changed, removed, len(others), before is None)


def read_record(cache: Path) -> dict[str, str] | None:
    try:
        data = json.loads((cache / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    return {str(k): str(v) for k, v in data.items()}


def write_record(cache: Path, found: dict[str, str]) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=cache, prefix=f".{RECORD}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        json.dump(found, file)
    os.replace(temporary, cache / RECORD)


def published_addresses(cache: Path) -> set[str]:
    """The page addresses the last publish from the desk shipped."""
    return {address(p) for p in (read_record(cache) or {}) if p.endswith(".html")}


@dataclass
class Job:
    """One publish: its step, what it printed, and what it would change."""

    step: Step = Step.IDLE
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    changes: Changes | None = None
    result: str = ""
    target: deploy.Target | None = None
    built: dict[str, str] = field(default_factory=dict)

    def say(self, line: str) -> None:
        if len(self.lines) < MAX_LINES:
            self.lines.append(line)

    @property
    def running(self) -> bool:
        return self.step in (Step.BUILDING, Step.SHIPPING)


class Publisher:
    """The desk's publishing: one job at a time."""

    def __init__(self, root: Path, content: str, cache: Path) -> None:
        self.root, self.content, self.cache = root, content, cache
        self.job = Job()
        self._lock = threading.Lock()

    @property
    def folder(self) -> Path:
        return self.root / shipping.PUBLISH_FOLDER

    def start(self, problems: list[str], target: deploy.Target | None) -> Job:
        """Check, then build in the background; a job refused at once says why."""
        with self._lock:
            if self.job.running:
                return self.job
            job = self.job = Job(target=target)
            if target is None:
                job.step, job.result = Step.REFUSED, "Choose where the site goes first."
                return job
            why = deploy.unreachable(target, self.root)
            if why:
                job.step, job.result = Step.REFUSED, f"The target cannot be used: {why}."
                return job
            if problems:
                job.step, job.problems = Step.REFUSED, problems
                job.result = "Nothing was published: fix these problems first."
                return job
            job.step = Step.BUILDING
            self._thread(self._build, job)
            return job

    def ship(self) -> Job:
        """Ship the build the practitioner has seen the changes of."""
        with self._lock:
            job = self.job
            if job.step != Step.BUILT or job.target is None:
                return job
            job.step = Step.SHIPPING
            self._thread(self._ship, job)
            return job

    def _thread(self, work: Callable[[Job], None], job: Job) -> None:
        threading.Thread(target=work, args=(job,), name="publish", daemon=True).start()

    def _build(self, job: Job) -> None:
        job.say("Building the site for publishing…")
        code = shipping.run(self.root, "publish", {"INPUTDIR": self.content}, job.say)
        if code != 0 or not (self.folder / "index.html").is_file():
            job.step = Step.FAILED
            job.result = "The site could not be built, so nothing was published; see why above."
            return
        job.built = manifest(self.folder)
        job.changes = compare(read_record(self.cache), job.built)
        job.step = Step.BUILT
        job.result = "Built. Look at what will change online, then publish it."

    def _ship(self, job: Job) -> None:
        target = job.target
        if target is None:
            return
        job.say(f"Copying the site to {target.words}…")
        values = {"INPUTDIR": self.content, **target.environment()}
        code = shipping.run(self.root, target.make_target, values, job.say, keep=("publish",))
        if code != 0:
            job.step = Step.FAILED
            job.result = "The site was built but could not be copied; nothing online changed."
            return
        write_record(self.cache, job.built)
        job.step = Step.DONE
        job.result = f"Published: the site is now on {target.words}."
