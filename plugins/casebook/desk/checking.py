"""Judge the content folder with the rule book, with an unsaved text in place of its file.

The same call `make check` makes (rules.judge over the corpus), kept quick for checking as
the practitioner types: files are read again only when they change on disk, the rules of
one file are remembered by its text (the preview session's memo), and the privacy findings
by the text too (the lint cache), so only the edited file is judged afresh.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from .. import rules
from ..content import corpus
from ..content.corpus import File
from ..content.problems import shown
from ..content.settings import Settings
from ..content.source import Source
from ..icd10 import CodeBook
from ..preview.session import Generations
from ..privacy.cache import LintCache

# The lint cache keeps every text it was asked about; after this many checks it is saved
# and read again, so what it keeps is what the files say now.
CACHE_TURN = 200

Stamp = tuple[int, int, int]


def _stamp(path: Path) -> Stamp | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_mtime_ns, found.st_ctime_ns, found.st_size)


class Checker:
    """The rule book over one content folder, for as long as the desk runs."""

    def __init__(self, content: Path, settings: Settings, codes: CodeBook | None = None) -> None:
        self.content = content
        self.settings = settings
        self.codes = codes
        self._lock = threading.Lock()
        self._read: dict[str, tuple[Stamp | None, Source]] = {}
        self._memo = Generations()
        self._cache = LintCache(settings.get("CACHE_PATH"))
        self._calls = 0
        self.last: rules.Judged | None = None
        self.files: list[File] = []

    def _source(self, file: File) -> Source:
        stamp = _stamp(file.path)
        known = self._read.get(file.relpath)
        if known is not None and known[0] == stamp and stamp is not None:
            return known[1]
        found = corpus.read(file)
        self._read[file.relpath] = (stamp, found)
        return found

    def source_of(self, file: File) -> Source:
        """The Source of a file as it is on disk now (read again only if it changed)."""
        with self._lock:
            return self._source(file)

    def judge(self, edited: Source | None = None) -> rules.Judged:
        """Every problem in the folder, with `edited` standing for its file (saved or not)."""
        with self._lock:
            found = corpus.files(self.content, self.settings)
            sources = {f.relpath: self._source(f) for f in found if f.kind in corpus.POSTS}
            if edited is not None:
                sources[edited.path] = edited
                if not any(f.relpath == edited.path for f in found):
                    found = [*found, self.stand_in(edited.path)]
            judged = rules.judge(
                found, sources, self.settings, self.codes, self._cache, memo=self._memo
            )
            self._memo.turn()
            self._turn_cache()
            self.files = found
            if edited is None:
                self.last = judged
            return judged

    def stand_in(self, relpath: str) -> File:
        """A corpus File for a path not written yet (a check before the first save)."""
        path = self.content / relpath
        return File(
            path, relpath, shown(path), corpus.kind_of(relpath, self.settings),
            f"{Path(os.path.abspath(self.content)).name}/{relpath}",
        )  # fmt: skip

    def _turn_cache(self) -> None:
        self._calls += 1
        if self._calls % CACHE_TURN == 0:
            self._cache.save()
            self._cache = LintCache(self.settings.get("CACHE_PATH"))

    def close(self) -> None:
        """Keep the privacy findings for the next build or check."""
        with self._lock:
            self._cache.save()
