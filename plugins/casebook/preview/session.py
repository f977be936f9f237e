"""A preview session: what one `make devserver` keeps between builds to rebuild only what changed.

The session remembers, for every file the writer wrote, what its render read
(dependencies.Reads), the files Pelican read (reader.ReadMemo) and the compiled templates.
A build inside the session renders a page only if something it read has changed, and
removes the files the last build wrote that this one no longer makes.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from jinja2 import BytecodeCache
from pelican.contents import Content

from ..content import corpus
from ..pelican import reader
from . import dependencies
from .dependencies import compact

logger = logging.getLogger(__name__)

# The session whose build is running, if any (one build at a time, in one thread).
_active: Session | None = None


def active() -> Session | None:
    """The preview session building now, or None (a plain `make html` or `make publish`)."""
    return _active


class TemplateCache(BytecodeCache):
    """Compiled templates kept in memory between builds; a changed template compiles again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        # Jinja checks the source's checksum itself, so an edited template is recompiled.
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


class Generations:
    """A memo that keeps what the last build and this one used, and forgets the rest."""

    def __init__(self) -> None:
        self._old: dict = {}
        self._new: dict = {}

    def get(self, key):
        found = self._new.get(key)
        if found is None:
            found = self._old.get(key)
            if found is not None:
                self._new[key] = found
        return found

    def __setitem__(self, key, value) -> None:
        self._new[key] = value

    def turn(self) -> None:
        """After a build: what it did not use is forgotten (an edited file's old text)."""
        self._old, self._new = self._new, {}


class ReaderClasses(dict):
    """Pelican's map of file extensions to reader classes, handing out one reader per class.

    Every generator of every build makes its readers afresh, and each Markdown reader
    builds a Markdown parser with all its extensions: in a session they are made once.
    A class set later (by another plugin's `readers_init`) is shared the same way.
    """

    def __init__(self, classes: dict, made: dict) -> None:
        super().__init__()
        self._made = made
        for extension, cls in classes.items():
            self[extension] = cls

    def reader(self, cls: type, settings: dict):
        """The session's reader of this class for these settings, made on first use."""
        key = (cls, id(settings))
        if key not in self._made:
            self._made[key] = cls(settings)
        return self._made[key]

    def __setitem__(self, extension, cls) -> None:
        if isinstance(cls, type):
            super().__setitem__(extension, functools.partial(self.reader, cls))
        else:
            super().__setitem__(extension, cls)


def reuse_readers(readers) -> None:
    """In a session, every build's readers are the first build's (see ReaderClasses)."""
    current = active()
    if current is not None:
        readers.reader_classes = ReaderClasses(readers.reader_classes, current.readers)


@dataclass
class Outcome:
    """What one build of a session did."""

    number: int
    rendered: list[str]  # output files rendered and written, relative to the output folder
    kept: int  # output files left as the last build wrote them
    removed: list[str]  # output files of the last build that this one no longer makes


class Build:
    """One build of a session: decides, file by file, whether a page must be rendered."""

    def __init__(self, session: Session, full: bool) -> None:
        self.session = session
        self.full = full
        self.canon = dependencies.Canon()
        self.objects: dict[tuple, object] = {}
        self.values: dict[tuple, dict[object, object]] = {}  # post -> field -> value, canonical
        self.shared: dict[str, object] = {}  # name in the site's context -> value, canonical
        self.dirty: set[str] | None = None  # outputs whose inputs changed, once known
        self.reads: dict[str, dependencies.Reads] = {}
        self.rendered: list[str] = []
        self.kept = 0
        self.redirects: list[str] = []
        # One (post, field) pair for all the pages that read it (see shared_fields).
        self._fields: dict[tuple, tuple] = {}
        # One set of shared names (one tuple of absent ones) for all the pages that read it:
        # pages of one template read the same ones, 2 KiB a page otherwise.
        self._alike: dict[object, object] = {}

    def alike(self, value):
        """`value`, or the equal one another page of this build already holds."""
        return self._alike.setdefault(value, value)

    def shared_fields(self, fields) -> tuple:
        """`fields` as one object per (post, field) pair and per post, whichever page read it.

        Every page records its own tuples: 150,000 of them for 1000 posts, where 25,000 are
        different. Kept once, they are held (and pickled into the build cache, and loaded from
        it) once: tens of MiB less at the build's peak. A page's are a tuple, not a set (a
        third of the size: 9 MiB at 1000 posts), as they are only ever gone through.
        """
        known = self._fields
        made = []
        for field in fields:
            found = known.get(field)
            if found is None:
                key = field[0]
                key = known.setdefault(key, key)
                # Its own pair is the dict's key too: the recorder's copy (and the post's
                # identity in it, made afresh at every read) is let go.
                found = (key, field[1])
                known[found] = found
            made.append(found)
        return tuple(made)

    def _value(self, key: tuple, attribute: object) -> object:
        fields = self.values.setdefault(key, {})
        if attribute not in fields:
            fields[attribute] = self._evaluate(self.objects.get(key), attribute)
        return fields[attribute]

    def _evaluate(self, obj: object, attribute: object) -> object:
        if obj is None:
            return dependencies.MISSING
        value = dependencies.field_value(obj, attribute)
        return compact(value if type(value) in dependencies.SIMPLE else self.canon(value))

    def _shared(self, name: str, context: dict) -> object:
        if name not in self.shared:
            self.shared[name] = compact(self.canon(context.get(name, dependencies.MISSING)))
        return self.shared[name]

    def _find_dirty(self, context: dict) -> set[str]:
        """Every output that read a field or a shared name whose value is no longer the same."""
        found = [*context.get("generated_content", {}).values()]
        found += context.get("static_content", {}).values()
        found += context.get("conditions", ())
        self.objects = dependencies.index(found)
        session, evaluate = self.session, self._evaluate
        changed: set[tuple] = set()
        for key, fields in session.values.items():
            obj = self.objects.get(key)
            now = self.values.setdefault(key, {})
            for attribute, old in fields.items():
                # Every field any page read, once per rebuild: the loop is kept tight.
                value = now[attribute] = evaluate(obj, attribute)
                if value != old:
                    changed.add((key, attribute))
        names = {n for n, old in session.shared.items() if self._shared(n, context) != old}
        if not changed and not names:
            return set()
        # No map from each field to its readers is kept (25,000 sets at 1000 posts, 15 MiB
        # held and pickled): each output's own reads are asked, a set test per output.
        return {
            output
            for output, last in session.reads.items()
            if not changed.isdisjoint(last.fields) or not last.shared.isdisjoint(names)
        }

    def needs_render(self, output: str, template: str, localcontext: dict, context: dict) -> bool:
        """Whether `output` must be rendered: new, or something its last render read changed."""
        if self.dirty is None:
            self.dirty = self._find_dirty(context)
        last = self.session.reads.get(output)
        if self.full or last is None or last.template != template or output in self.reads:
            return True
        if output in self.dirty:
            return True
        if any(name in localcontext for name in last.absent):
            return True
        canon, simple, missing = self.canon, dependencies.SIMPLE, dependencies.MISSING
        for name, value in last.local.items():
            now = localcontext.get(name, missing)
            if compact(now if type(now) in simple else canon(now)) != value:
                return True
        return False

    def keep(self, output: str) -> None:
        """`output` is left as the last build wrote it."""
        self.reads[output] = self.session.reads[output]
        self.kept += 1

    @contextlib.contextmanager
    def render(self, output: str, template: str, localcontext: dict, context: dict):
        """Record what rendering `output` reads."""
        recorder = dependencies.Recorder()
        with dependencies.recording(recorder):
            yield
        local, shared, absent = {}, set(), []
        for name in recorder.names:
            if name not in localcontext:
                absent.append(name)
                continue
            value = localcontext[name]
            if name in context and context[name] is value:
                shared.add(name)  # the site's own, the same for every page of this build
                self._shared(name, context)
            else:
                local[name] = compact(self.canon(value))
        for key, attribute in recorder.fields:
            self._value(key, attribute)
        if output in self.reads:
            # Written twice in one build (an override): render it again next time.
            self.reads[output] = dependencies.Reads("", {}, (), frozenset(), ())
        else:
            self.reads[output] = dependencies.Reads(
                template,
                local,
                self.alike(tuple(absent)),
                self.alike(frozenset(shared)),
                self.shared_fields(recorder.fields),
            )
        self.rendered.append(output)


def listing(content: str) -> tuple:
    """What makes the content folder's list of files: names, folders and links, no contents."""
    found: list[tuple[str, object]] = []
    for folder, dirs, names in os.walk(content, followlinks=True):
        dirs.sort()
        found.append((folder, os.path.realpath(folder)))
        found += ((name, os.path.islink(os.path.join(folder, name))) for name in sorted(names))
    return tuple(found)


class Session:
    """The state one preview server keeps from build to build."""

    def __init__(self) -> None:
        self.reads: dict[str, dependencies.Reads] = {}
        # The values the pages read, as the last build left them, and who read each.
        self.values: dict[tuple, dict[object, object]] = {}
        self.shared: dict[str, object] = {}
        self.redirects: list[str] = []
        self.memo = reader.ReadMemo()
        self.readers: dict = {}  # (reader class, settings) -> the reader, for every build
        self.rules = Generations()  # the rule book's findings per file, by its text
        self.templates = TemplateCache()
        self._files: tuple[tuple, list] | None = None
        self.number = 0
        self.full = True  # the first build renders everything
        self.current: Build | None = None
        self.last: Outcome | None = None

    def files(self, content: Path, settings: dict) -> list[corpus.File]:
        """corpus.files(), made again only when a file is added, removed, renamed or linked."""
        now = listing(str(content))
        if self._files is None or self._files[0] != now:
            self._files = (now, corpus.files(content, settings))
        return self._files[1]

    def everything(self) -> None:
        """Render every page in the next build (a template or the settings changed)."""
        self.full = True

    @contextlib.contextmanager
    def build(self, output_path: str) -> Iterator[Build]:
        """Run one build in this session; a build that fails leaves the next one to do all."""
        global _active
        build = Build(self, self.full)
        self.current, _active = build, self
        reader.use_memo(self.memo)
        try:
            yield build
        except BaseException:
            self.full = True  # what was written and what was recorded may disagree now
            raise
        else:
            self._commit(build, output_path)
        finally:
            self.current, _active = None, None
            reader.use_memo(None)
            self.memo.turn()
            self.rules.turn()
            _forget_memoized()

    def _commit(self, build: Build, output_path: str) -> None:
        made = {*build.reads, *build.redirects}
        gone = sorted({*self.reads, *self.redirects} - made)
        for output in gone:
            _remove(output_path, output)
        # The values the next build compares: every field and shared name a page still reads.
        values: dict[tuple, dict[object, object]] = {}
        names: set[str] = set()
        for reads in build.reads.values():
            names |= reads.shared
            for key, attribute in reads.fields:
                fields = values.get(key)
                if fields is None:
                    fields = values[key] = {}
                if attribute not in fields:
                    fields[attribute] = build.values[key][attribute]
        self.values = values
        self.shared = {name: build.shared[name] for name in names}
        self.reads = build.reads
        self.redirects = build.redirects
        self.full = False
        self.number += 1
        self.last = Outcome(self.number, build.rendered, build.kept, gone)


def _remove(output_path: str, output: str) -> None:
    """Remove a file an earlier build wrote, and the folders it leaves empty."""
    path = os.path.join(output_path, output)
    with contextlib.suppress(FileNotFoundError):
        os.remove(path)
    folder = os.path.dirname(path)
    root = os.path.abspath(output_path)
    while os.path.abspath(folder).startswith(root + os.sep):
        try:
            os.rmdir(folder)
        except OSError:
            break  # not empty, or gone already
        folder = os.path.dirname(folder)


def _forget_memoized() -> None:
    """Drop Pelican's memoized content and summaries: they hold on to every build's posts."""
    for method in (Content.get_content, Content.get_summary):
        method.cache.clear()
