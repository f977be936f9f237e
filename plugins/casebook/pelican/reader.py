"""The build's reader: every Markdown file read through source.py, as `make check` reads it."""

from __future__ import annotations

import fnmatch
import os
from typing import Protocol

from markdown import Markdown
from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader
from pelican.readers import MarkdownReader

from ..content import corpus, source
from ..content.corpus import Kind
from ..content.problems import shown
from ..content.settings import site_today
from ..content.slugs import stand_in_slug
from ..content.values import iso_datetime
from ..rules.markup.render import Rendered
from ..rules.posts import PLACEMENT_KEYS, blocking

# The Source and the HTML it became ride along in the metadata, so Pelican's content cache
# keeps them too; the rule book judges that HTML (rules.judge(rendered=…)).
SOURCE_KEY = "casebook_source"
RENDERED_KEY = "casebook_rendered"
UNBUILT_KEY = "casebook_unbuilt"
# Set on a stand-in for a file that was there when the build listed it and gone when it
# was read: the build reports it and fails (judging.py).
VANISHED_KEY = "casebook_vanished"
UNBUILT_TEMPLATE = "unbuilt"


class ReadMemo:
    """What each file was read to, by its exact bytes: a preview's rebuild reads only edits."""

    def __init__(self):
        self._old, self._new = {}, {}

    def get(self, path, raw):
        """(content, metadata) as read last time from these very bytes, or None."""
        hit = self._new.get(path) or self._old.get(path)
        if hit is None or hit[0] != raw:
            return None
        self._new[path] = hit
        return hit[1], dict(hit[2])  # Pelican's own dict per read, as a fresh read gives

    def put(self, path, raw, content, metadata):
        self._new[path] = (raw, content, dict(metadata))

    def turn(self):
        """After a build: forget the files it did not read (deleted, renamed)."""
        self._old, self._new = self._new, {}


class FileMemo(Protocol):
    """What a reader reads through: a preview's ReadMemo, or a build's files read ahead."""

    def get(self, path: str, raw: bytes) -> tuple[str, dict] | None: ...

    def put(self, path: str, raw: bytes, content: str, metadata: dict) -> None: ...


# Set by a preview session (preview/session.py) for the length of one of its builds.
_memo: ReadMemo | None = None


def use_memo(memo: ReadMemo | None) -> None:
    """Read through `memo` from now on (None: read every file afresh)."""
    global _memo
    _memo = memo


class CasebookReader(YAMLMetadataReader):
    """Markdown with YAML front matter (or Pelican's `Key: value`), read by source.py."""

    file_extensions = MarkdownReader.file_extensions
    _md: Markdown  # yaml_metadata's own, made in its __init__
    _header_md: Markdown | None = None  # for `Key: value` headers, made on first use
    _meta_step: tuple[object, float] | None = None
    # Files this build read ahead in its workers (readahead.py), or remembered (None: none).
    memo: FileMemo | None = None

    def read(self, source_path):
        """Content and metadata; a file that cannot be built gets a page saying so instead."""
        relpath = os.path.relpath(source_path, self.settings["PATH"]).replace(os.sep, "/")
        kind = corpus.kind_of(relpath, self.settings)
        try:
            raw = corpus.read_regular(source_path)
        except (OSError, corpus.NotAFileError) as err:
            # A FIFO or a device is never opened for reading; a file gone since the build
            # listed it fails the build (judging.py), with the same words `make check` uses.
            problem = corpus.unreadable_problem(relpath, shown(source_path), err)
            unread = source.Source(
                relpath, "", problems=(problem,), readable=False, shown=shown(source_path)
            )
            content, metadata = self._unbuilt(unread, relpath, kind)
            metadata[VANISHED_KEY] = isinstance(err, FileNotFoundError)
            return content, metadata
        memo = _memo if _memo is not None else self.memo
        if memo is None:
            return self._read_bytes(source_path, raw, relpath, kind)
        found = memo.get(source_path, raw)
        if found is None:
            found = self._read_bytes(source_path, raw, relpath, kind)
            memo.put(source_path, raw, *found)
        return found

    def _read_bytes(self, source_path, raw, relpath, kind):
        label = f"{os.path.basename(os.path.normpath(self.settings['PATH']))}/{relpath}"
        src = source.read(relpath, raw, shown(source_path), label)
        if kind == Kind.CONDITION:
            return self._read(src)  # a condition is not a page of its own: never a stand-in
        post_kind = Kind.PAGE if kind == Kind.PAGE else Kind.ARTICLE
        if not src.readable or blocking(src, post_kind, None, self.settings):
            return self._unbuilt(src, relpath, kind)
        try:
            content, metadata = self._read(src)
        except (ValueError, TypeError, OverflowError, AttributeError):
            # A value Pelican's own processing refuses; the rule book says which.
            return self._unbuilt(src, relpath, kind)
        if blocking(src, post_kind, metadata[RENDERED_KEY], self.settings):
            # What the browser would parse holds markup the rules refuse: never built.
            unbuilt = self._unbuilt(src, relpath, kind)
            unbuilt[1][RENDERED_KEY] = metadata[RENDERED_KEY]
            return unbuilt
        for key in PLACEMENT_KEYS:
            metadata.pop(key, None)  # refused by the rule book; the slug alone places a page
        return content, metadata

    def _read(self, src):
        if src.is_yaml:
            metadata = self._parse_yaml_metadata(dict(src.meta), src.shown or src.path)
            content = self._md.reset().convert(src.body)
        else:
            # Pelican's own reading of a `Key: value` header, with Python-Markdown's meta
            # extension, which the YAML reader's own Markdown leaves out.
            yaml_markdown, self._md = self._md, self._header_markdown()
            try:
                content = self._md.convert(src.text)
                metadata = self._parse_metadata(getattr(self._md, "Meta", {}))
            finally:
                self._md = yaml_markdown
                self._restore_meta()
        metadata[SOURCE_KEY] = src
        summary = metadata.get("summary")
        metadata[RENDERED_KEY] = Rendered(content, summary if isinstance(summary, str) else None)
        return content, metadata

    def _header_markdown(self):
        """This reader's one Markdown with the meta extension, reset for the next file."""
        # Pelican makes a new one for every file (its extensions and their regular
        # expressions set up anew, about a millisecond each); one per reader, reset, reads
        # the same. Its `_parse_metadata` takes the meta step out for the summary, so
        # the step is put back after every file (_restore_meta).
        if self._header_md is None:
            self._header_md = Markdown(**self.settings["MARKDOWN"])
            steps = self._header_md.preprocessors
            # Registry has no public getter for a step's priority.
            self._meta_step = next(
                ((steps[p.name], p.priority) for p in steps._priority if p.name == "meta"), None
            )
        return self._header_md.reset()

    def _restore_meta(self):
        steps = self._header_md.preprocessors if self._header_md is not None else None
        if steps is None or "meta" in steps:
            return
        if self._meta_step is None:
            self._header_md = None  # no meta step to put back: a new Markdown next time
            return
        steps.register(self._meta_step[0], "meta", self._meta_step[1])

    def process_metadata(self, name, value):
        """Pelican's own processing; a `Date:` in the usual form read without dateutil."""
        if name in ("date", "modified") and isinstance(value, str):
            quick = iso_datetime(value.replace("_", " "))
            if quick is not None:
                return quick
        return super().process_metadata(name, value)

    def _unbuilt(self, src, relpath, kind):
        """A stand-in page at the post's address that says why the post is not built."""
        slug = stand_in_slug(source.guess_slug(src.text), relpath, self.settings)
        metadata = {
            "title": f"Not built: {relpath}",
            "slug": slug,
            "status": "hidden",
            "template": UNBUILT_TEMPLATE,
            SOURCE_KEY: src,
            UNBUILT_KEY: True,
        }
        if kind != Kind.PAGE:
            # The practice's day, not the machine's: late in the practice's evening the machine's
            # (UTC) date is tomorrow there, and Pelican files a future date as a draft.
            today = site_today(self.settings).isoformat()
            metadata["date"] = self.process_metadata("date", today)
        if self.settings.get("CASEBOOK_STRICT"):
            metadata["save_as"] = ""  # a publish build never writes one (it fails anyway)
        return "", metadata


def use_casebook_reader(generator):
    """Read every Markdown file with CasebookReader, whatever order plugins loaded in."""
    classes = generator.readers.reader_classes
    if hasattr(classes, "reader"):  # a preview session's (session.ReaderClasses): one reader
        reader = classes.reader(CasebookReader, generator.settings)
    else:
        reader = CasebookReader(generator.settings)
    for extension in CasebookReader.file_extensions:
        generator.readers.readers[extension] = reader


def walk_safely(generator):
    """Pelican's file listing for this generator, without what is no file to read.

    The same as Generator.get_files (its paths, excludes, IGNORE_FILES and extensions), but
    walked with corpus.walk: a link to a folder that holds it is never followed, and a FIFO,
    socket or device is never listed, so neither a reader nor the static copier opens one.
    The rule book reports both at their path. Set on the generator: it lasts one build.
    """

    def get_files(paths, exclude=None, extensions=None):
        if isinstance(paths, str):
            paths = [paths]
        excluded: dict[str, set[str]] = {}
        for path in exclude or ():
            parent, name = os.path.split(os.path.join(generator.path, path))
            excluded.setdefault(parent, set()).add(name)
        ignores = generator.settings["IGNORE_FILES"]
        found = set()
        for path in paths:
            root = os.path.join(generator.path, path) if path else generator.path
            if not os.path.isdir(root):
                if os.path.isfile(root) and generator._include_path(path, extensions):
                    found.add(path)
                continue
            for folder, dirs, names, _odd in corpus.walk(root):
                dirs[:] = [
                    d
                    for d in dirs
                    if d not in excluded.get(folder, ())
                    and not any(fnmatch.fnmatch(d, ignore) for ignore in ignores)
                ]
                relative = os.path.relpath(folder, generator.path)
                for name in names:
                    candidate = os.path.join(relative, name)
                    if generator._include_path(candidate, extensions):
                        found.add(candidate)
        return found

    generator.get_files = get_files
