"""Privacy findings remembered between runs in CACHE_PATH, keyed by all they depend on.

A finding depends on the file's text (or an image's bytes), the allow-list phrases and
the condition terms given to the lint, the settings it reads (PRACTICE, SITEURL) and the
lint itself: its code and word lists, the reader it reads Sources with, and the versions
of the libraries that decide (phonenumbers, zipcodes, the confusables data, pypdf,
OpenCV). Every one of them is in the key, so a remembered "no problems" can never
outlive a change to any of them; a damaged or foreign cache file is ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from importlib import metadata, resources
from typing import Any

from .findings import Finding

CACHE_FILE = "casebook-privacy.json"
LIBRARIES = ("phonenumbers", "zipcodes", "confusable-homoglyphs", "pypdf", "Pillow", "lxml",
             "opencv-python-headless", "PyYAML")  # fmt: skip
# Code outside the lint's package that decides what it reads: the Source reader.
READER_MODULES = ("content/source.py", "content/yamlscan.py")


def _digest_tree(digest: Any, root: Any) -> None:
    stack = [root]
    while stack:
        current = stack.pop()
        if current.is_dir():
            stack.extend(sorted(current.iterdir(), key=lambda p: p.name, reverse=True))
        elif current.is_file() and not current.name.endswith(".pyc"):
            digest.update(current.name.encode())
            digest.update(current.read_bytes())


@cache
def rules_version() -> str:
    """A digest of the lint's own code and word lists, its reader, and its libraries' versions."""
    digest = hashlib.sha256()
    _digest_tree(digest, resources.files(__package__))
    plugin = resources.files(__package__.rsplit(".", 1)[0])
    for module in READER_MODULES:
        digest.update(plugin.joinpath(module).read_bytes())
    for library in LIBRARIES:
        try:
            digest.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library}=none".encode())
    return digest.hexdigest()[:16]


def settings_key(settings: Any) -> str:
    """The settings the lint reads, as one string: the practice's identity and its site."""
    wanted = {"PRACTICE": settings.get("PRACTICE"), "SITEURL": settings.get("SITEURL")}
    return json.dumps(wanted, sort_keys=True, default=str, ensure_ascii=False)


def _digest(*parts: Iterable[str] | str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        items = [part] if isinstance(part, str) else list(part)
        digest.update(b"\1" + "\0".join(items).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class LintCache:
    """Findings by everything they depend on; one per build or check, so nothing outlives it."""

    def __init__(
        self,
        cache_dir: str | os.PathLike[str] | None,
        terms: Iterable[str] = (),
        settings: str = "",
    ):
        self._path = os.path.join(cache_dir, CACHE_FILE) if cache_dir else None
        # What every finding depends on besides its file, its phrases and its terms.
        self._context = _digest(rules_version(), settings)[:16]
        self._terms = sorted(terms)
        self._old = self._read()
        self._new: dict[str, list[list[object]]] = {}

    def _read(self) -> dict[str, object]:
        if not self._path:
            return {}
        try:
            with open(self._path, encoding="utf-8") as file:
                data = json.load(file)
        except (OSError, ValueError):
            return {}  # missing, truncated or not ours: only a speed-up, start afresh
        if not isinstance(data, dict) or data.get("context") != self._context:
            return {}
        found = data.get("findings")
        return found if isinstance(found, dict) else {}

    def findings(
        self,
        text: str,
        allowed: Iterable[str],
        lint: Callable[[], list[Finding]],
        terms: Iterable[str] | None = None,
        settings: str = "",
    ) -> list[Finding]:
        """The findings of `lint()` for this text, allow list, terms and settings, remembered
        or made now.

        `terms` are the condition terms the lint was given (the cache's own, if None);
        `settings` what it read of the site's settings (`settings_key`).
        """
        used = self._terms if terms is None else sorted(terms)
        key = _digest(text, sorted(allowed), used, settings)
        # A file with no findings has an empty list: found all the same, not linted again.
        found = _findings(self._new[key] if key in self._new else self._old.get(key))
        if found is None:
            found = lint()
        self._new[key] = [[f.line, f.kind, f.text, f.message, f.category, f.warning] for f in found]
        return found

    def save(self) -> None:
        """Keep this run's findings (only the files seen this run) for the next one."""
        if not self._path or self._new == self._old:
            return
        folder = os.path.dirname(self._path) or "."
        try:
            os.makedirs(folder, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        except OSError:
            return  # only a speed-up: a read-only cache folder must not fail anything
        try:
            # Write aside, then rename: an interrupted run leaves the old cache whole.
            with os.fdopen(fd, "w", encoding="utf-8") as file:
                json.dump({"context": self._context, "findings": self._new}, file)
            os.replace(temporary, self._path)
        except OSError:
            with contextlib.suppress(OSError):
                os.remove(temporary)


def _findings(rows: object) -> list[Finding] | None:
    """Findings from the cache's rows; None if they are not in the form this code writes."""
    if not isinstance(rows, list):
        return None
    try:
        return [
            Finding(int(line), str(kind), str(text), str(msg), str(category), bool(warning))
            for line, kind, text, msg, category, warning in rows
        ]
    except (TypeError, ValueError):
        return None
