"""Privacy findings of files that have not changed, remembered between runs in CACHE_PATH."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from importlib import resources

from . import Finding

CACHE_FILE = "casebook-privacy.json"


def rules_version() -> str:
    """A digest of the privacy lint's own code and word lists: a change forgets every finding."""
    digest = hashlib.sha256()
    stack = [resources.files(__package__)]
    while stack:
        current = stack.pop()
        if current.is_dir():
            stack.extend(sorted(current.iterdir(), key=lambda p: p.name, reverse=True))
        elif current.is_file() and not current.name.endswith(".pyc"):
            digest.update(current.name.encode())
            digest.update(current.read_bytes())
    return digest.hexdigest()[:16]


class LintCache:
    """Findings by file text; one per build or check, so nothing outlives a build."""

    def __init__(self, cache_dir: str | os.PathLike[str] | None, terms: Iterable[str] = ()):
        self._path = os.path.join(cache_dir, CACHE_FILE) if cache_dir else None
        # What every finding depends on besides the file's own text.
        context = json.dumps([rules_version(), sorted(terms)], ensure_ascii=False)
        self._context = hashlib.sha256(context.encode()).hexdigest()[:16]
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
        self, text: str, allowed: Iterable[str], lint: Callable[[], list[Finding]]
    ) -> list[Finding]:
        """The findings of `lint()` for this text and allow list, remembered or made now."""
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass"))
        digest.update(b"\0" + "\n".join(sorted(allowed)).encode("utf-8", "surrogatepass"))
        key = digest.hexdigest()
        # A file with no findings has an empty list: found all the same, not linted again.
        found = _findings(self._new[key] if key in self._new else self._old.get(key))
        if found is None:
            found = lint()
        self._new[key] = [[f.line, f.kind, f.text, f.message] for f in found]
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
            Finding(int(line), str(kind), str(text), str(msg)) for line, kind, text, msg in rows
        ]
    except (TypeError, ValueError):
        return None
