"""Every Markdown file read, judged and linted once, ahead of Pelican, in all the build's processes.

When the articles generator is made (before Pelican reads anything), every post, page and
condition file is read by the build's own reader (Markdown and front matter), judged by the
rule book's per-file rules and run through the privacy lint, shared out over the build's
processes (parallel.run). Pelican then reads each file as usual, and the reader takes what
was read from here when the file's bytes are still the same; the rule book takes the per-file
rules' and the lint's findings (judging.py). What one process would have logged while reading
is logged when Pelican reads that file. Nothing is kept after the build: the results live in
the build's context and each is handed over once.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import pickle
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .. import rules
from ..content import corpus
from ..content.corpus import Kind
from ..preview import session
from ..privacy import Finding
from ..privacy.cache import LintCache
from ..rules.conditions import known_terms, read_vocabulary
from ..rules.privacy import Privacy, check_privacy, privacy_context, read_allow_list
from . import incremental, parallel
from .reader import RENDERED_KEY, SOURCE_KEY, UNBUILT_KEY, CasebookReader
from .timings import timed

logger = logging.getLogger(__name__)

CONTEXT_KEY = "casebook_read_ahead"
READ_KINDS = (Kind.ARTICLE, Kind.PAGE, Kind.CONDITION)


def digest(raw: bytes) -> bytes:
    """What identifies a file's bytes."""
    return hashlib.blake2b(raw, digest_size=16).digest()


def lint_key(text: str, allowed, terms, settings: str) -> str:
    """What a privacy finding depends on here (the lint cache adds its own code's version)."""
    made = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16)
    for group in (sorted(allowed), sorted(terms or ()), [settings]):
        made.update(b"\1" + "\0".join(group).encode("utf-8", "surrogatepass"))
    return made.hexdigest()


class _Recorder(LintCache):
    """In a worker: the lint's findings of one file, for the parent's cache (PrefilledCache)."""

    def __init__(self, remembered: LintCache) -> None:
        super().__init__(None)
        self.remembered = remembered
        self.made: dict[str, list[Finding]] = {}

    def findings(self, text, allowed, lint, terms=None, settings=""):
        found = self.remembered.findings(text, allowed, lint, terms, settings)
        self.made[lint_key(text, list(allowed), terms, settings)] = found
        return found


class PrefilledCache(LintCache):
    """The build's lint cache, answering first with what the workers found."""

    def __init__(self, cache_dir, made: dict[str, list[Finding]]) -> None:
        super().__init__(cache_dir)
        self.made = made

    def findings(self, text, allowed, lint, terms=None, settings=""):
        found = self.made.get(lint_key(text, list(allowed), terms, settings))
        return super().findings(
            text, allowed, lint if found is None else lambda: found, terms, settings
        )


@dataclass
class ReadAhead:
    """What the workers read and found, until Pelican and the rule book take it."""

    # path -> digest of its bytes, and what was read: as made, or pickled (by a worker, or
    # kept by the build cache)
    read: dict[str, tuple[bytes, tuple | bytes]] = field(default_factory=dict)
    records: dict[str, parallel.Done] = field(default_factory=dict)
    rules: dict = field(default_factory=dict)  # the rule book's memo of per-file rules
    findings: dict[str, list[Finding]] = field(default_factory=dict)
    settings: dict | None = None  # what a pickled read's tags and dates refer to

    def get(self, path, raw):
        """(content, metadata) of the file at `path` if it still holds these bytes, or None."""
        found = self.read.pop(os.path.normpath(path), None)
        done = self.records.pop(os.path.normpath(path), None)
        if done is not None:
            done.replay()  # what reading it logged, now that Pelican reads it
        if found is None or found[0] != digest(raw):
            return None
        read = found[1]
        try:
            if isinstance(read, bytes):
                read = SettingsWire(self.settings).load(io.BytesIO(read))
            content, metadata, memo = read
        except Exception:  # noqa: BLE001 - a damaged cache file: read the file itself
            return None
        self.rules.update(memo)  # the rules' findings, holding this very Source
        return content, metadata

    def put(self, path, raw, content, metadata):
        """Read by Pelican's reader after all (a file changed since): nothing to keep."""

    def lint_cache(self, cache_dir) -> LintCache:
        """The build's lint cache, with what the workers found (keyed by all a finding
        depends on, so a finding made with other names or phrases is never taken); handed
        over once: the rule book lets go of it when it is done."""
        findings, self.findings = self.findings, {}
        return PrefilledCache(cache_dir, findings)

    def take_rules(self) -> dict:
        """The per-file rules' findings, for the rule book's memo; handed over once (they hold
        every file's text, let go once judged)."""
        rules, self.rules = self.rules, {}
        return rules


class _Pickler(pickle.Pickler):
    """Pickles what a worker read; the settings its tags and dates hold are the parent's own."""

    def __init__(self, file, settings):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.settings = settings

    def persistent_id(self, obj):
        return "settings" if obj is self.settings else None


class _Unpickler(pickle.Unpickler):
    def __init__(self, file, settings):
        super().__init__(file)
        self.settings = settings

    def persistent_load(self, pid):
        if pid != "settings":
            raise pickle.UnpicklingError(f"unknown reference {pid!r}")
        return self.settings


class SettingsWire(parallel.Wire):
    """Read files cross from a worker with a reference to the settings, not a copy of them."""

    def __init__(self, settings) -> None:
        self.settings = settings

    def dump(self, value, file):
        _Pickler(file, self.settings).dump(value)

    def load(self, file):
        return _Unpickler(file, self.settings).load()  # noqa: S301 - our own workers'


@dataclass(frozen=True)
class _Job:
    """What every worker shares: the reader, the settings and what the lint needs."""

    reader: CasebookReader
    settings: dict
    lint: Privacy  # what the rule book gives the lint, made as judge() makes it
    recorder: _Recorder
    cache: incremental.BuildCache | None  # keeps what was read, for the next build
    parent: int  # the build's own process: what it reads need not be pickled to cross


def _one(job: _Job, file: corpus.File):
    """Read, judge and lint one file: (path, digest, what was read and judged, findings)."""
    path = _path(file)
    try:
        raw = file.path.read_bytes()
    except OSError:
        return path, None, None, {}, None  # Pelican's reader reads it and says why it cannot
    content, metadata = job.reader._read_bytes(path, raw, file.relpath, file.kind)
    memo: dict = {}
    job.recorder.made = {}
    source = metadata.get(SOURCE_KEY)
    if source is not None and source.readable:
        if file.kind in (Kind.ARTICLE, Kind.PAGE):
            rendered = metadata.get(RENDERED_KEY)
            html = rules.Html(job.settings, {source.path: rendered} if rendered else None)
            rules.judge_file(source, file.kind, job.settings, memo, html)
        check_privacy(source, job.lint, job.recorder)
    read: tuple | bytes = (content, metadata, memo)
    made, where = digest(raw), None
    if job.cache is not None and not metadata.get(UNBUILT_KEY):  # a stand-in is dated today
        out = io.BytesIO()
        SettingsWire(job.settings).dump(read, out)
        where = job.cache.keep_read(out.getvalue())
        if os.getpid() != job.parent:
            read = out.getvalue()  # crosses to the parent as it is kept: pickled once
    return path, made, read, job.recorder.made, where


def _path(file: corpus.File) -> str:
    """A file's path as Pelican gives it to the reader."""
    return os.path.normpath(os.path.abspath(file.path))


def _terms(found, settings) -> list[str]:
    """The condition names and aliases the lint accepts, read as the rule book reads them."""
    conditions = [corpus.read(f) for f in found if f.kind == Kind.CONDITION]
    return known_terms(read_vocabulary(conditions, None, settings)[0])


def read_ahead(generator):
    """Read, judge and lint every Markdown file in the build's processes (*_generator_init)."""
    context, settings = generator.context, generator.settings
    ahead = context.get(CONTEXT_KEY)
    if ahead is None:
        processes = parallel.workers(settings.get("CASEBOOK_WORKERS"))
        cache = incremental.of(context)
        if session.active() is not None or (processes <= 1 and cache is None):
            return  # a preview session reads through its own memo; one process reads as it goes
        with timed(context, "read, judge and lint every file (workers)"):
            ahead = context[CONTEXT_KEY] = _read_all(generator, processes, cache)
    reader = generator.readers.readers.get(CasebookReader.file_extensions[0])
    if isinstance(reader, CasebookReader):
        reader.memo = ahead


def _read_all(generator, processes, cache) -> ReadAhead:
    settings = generator.settings
    found = corpus.files(Path(settings["PATH"]), settings)
    # Pelican's own content cache (make html) reads unchanged files without the reader.
    cached = generator.readers.get_cached_data
    files = [f for f in found if f.kind in READ_KINDS and cached(_path(f), None) is None]
    reader = generator.readers.readers.get(CasebookReader.file_extensions[0])
    ahead = ReadAhead(settings=settings)
    if not isinstance(reader, CasebookReader) or not files:
        return ahead
    if cache is not None:
        files = _from_cache(files, cache, ahead)
    if not files:
        return ahead  # nothing changed: no vocabulary, no lint, no fork
    lint = privacy_context(settings, read_allow_list(found)[0], _terms(found, settings))
    recorder = _Recorder(LintCache(settings.get("CACHE_PATH")))
    job = _Job(reader, settings, lint, recorder, cache, os.getpid())
    relpaths = {_path(f): f.relpath for f in files}
    for done in parallel.run(files, partial(_one, job), processes, wire=SettingsWire(settings)):
        if done.error is not None or done.result is None:
            continue  # Pelican's reader reads it again, and fails or logs as it would
        path, made, read, findings, where = done.result
        ahead.records[path] = done
        if made is not None:
            ahead.read[path] = (made, read)
            if cache is not None:
                cache.kept_read(relpaths[path], made, where)  # kept by whichever process read it
        ahead.findings.update(findings)
        done.result = None  # its records stay, to be logged when Pelican reads the file
    return ahead


def _from_cache(files, cache, ahead) -> list[corpus.File]:
    """Take every file whose bytes are unchanged from the build cache; the files left to read."""
    left = []
    for file in files:
        try:
            made = digest(file.path.read_bytes())
        except OSError:
            left.append(file)
            continue
        read = cache.cached_read(file.relpath, made)
        if read is None:
            left.append(file)
        else:
            ahead.read[_path(file)] = (made, read)
    return left


def found(context) -> ReadAhead | None:
    """The files read ahead in this build, if they were."""
    return context.get(CONTEXT_KEY)
