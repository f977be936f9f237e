"""The build's reader: every Markdown file read through source.py, as `make check` reads it."""

from __future__ import annotations

import datetime
import os
from typing import Protocol

from markdown import Markdown
from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader
from pelican.readers import MarkdownReader

from ..content import corpus, source
from ..content.corpus import Kind
from ..content.problems import shown
from ..content.slugs import stand_in_slug
from ..content.values import iso_datetime
from ..rules.posts import PLACEMENT_KEYS, blocking

# The Source rides along in the metadata, so Pelican's content cache keeps it too.
SOURCE_KEY = "casebook_source"
UNBUILT_KEY = "casebook_unbuilt"
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
            with open(source_path, "rb") as file:
                raw = file.read()
        except OSError:
            # The rule book reads the file again and reports why it cannot.
            return self._unbuilt(
                source.Source(relpath, "", readable=False, shown=shown(source_path)), relpath, kind
            )
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
        if not src.readable or blocking(src, post_kind):
            return self._unbuilt(src, relpath, kind)
        try:
            content, metadata = self._read(src)
        except (ValueError, TypeError, OverflowError):
            # A value Pelican's own processing refuses; the rule book says which.
            return self._unbuilt(src, relpath, kind)
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
            metadata["date"] = self.process_metadata("date", datetime.date.today().isoformat())
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
