"""Both cores for writing: each generator's pages rendered in all the build's processes.

Pelican's writer renders and writes each page when a generator asks. This one lets Pelican
do all of its bookkeeping as it asks (pagination, the page's own context, the checks against
writing a file twice, the `content_written` signal the sitemap listens to, the log line) and
only keeps the template and its context; when the generator is done, its pages are rendered
and written in the build's processes (parallel.run), each into its own file. What a page
shows depends on nothing but its template and context, so the files are byte for byte what
one process writes. Feeds and everything not written through `write_file` are written at once
(a feed made of the same entries as in the last build from the build cache, incremental.py).
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
from dataclasses import dataclass
from typing import Any

from jinja2 import BytecodeCache, FileSystemBytecodeCache
from pelican.writers import FileOverwriteFailedError

from ..preview import session
from ..preview import writer as preview_writer
from . import incremental, parallel
from .feeds import FeedWriter
from .timings import timed

logger = logging.getLogger(__name__)

PHASE = "render and write pages (workers)"


@dataclass
class Page:
    """One page to render: its template, its own context, and the file it goes to."""

    template: Any  # a Jinja template
    own: dict  # its own context as Pelican made it, or an earlier page's (see `shares`)
    context: dict  # the site's context, whose `localsiteurl` Pelican sets page by page
    localsiteurl: object
    filename: str | None = None  # None: rendered, but not written (Pelican skips it)
    changes: dict | None = None  # with `own` an earlier page's: where this page's differs

    @property
    def localcontext(self) -> dict:
        """The page's own context, the same keys in the same order holding the same values."""
        if not self.changes:
            return self.own
        made = self.own.copy()
        made.update(self.changes)
        return made

    def shares(self, earlier: Page) -> bool:
        """Hold only what differs from an earlier page's whole context, if it has the same
        keys in the same order; whether it does."""
        mine, base = self.own, earlier.own
        if self.changes is not None or earlier.changes is not None or list(mine) != list(base):
            return False
        self.own, self.changes = base, {k: v for k, v in mine.items() if base[k] is not v}
        return True


class _Later:
    """Stands in for a template: keeps the page for later and gives Pelican nothing to write."""

    __slots__ = ("context", "template", "writer")

    def __init__(self, template, writer, context):
        self.template, self.writer, self.context = template, writer, context

    def render(self, localcontext):
        # Pelican set the context's `localsiteurl` for this page just before.
        page = Page(self.template, localcontext, self.context, self.context.get("localsiteurl"))
        self.writer.keep(page)
        self.writer.last = page
        return ""


class PoolWriter(FeedWriter):
    """Pelican's writer (feed titles as text), except that pages are rendered later, in the
    build's processes."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.processes = parallel.workers((settings or {}).get("CASEBOOK_WORKERS"))
        self.pending: list[Page] = []
        self.last: Page | None = None
        self.base: Page | None = None  # the last page kept with its whole context

    def keep(self, page: Page) -> None:
        """Keep a page for later; the one before it shares its context with an earlier one."""
        # Pelican copies the site's context (nearly 200 names) for every page: 6.5 KiB a
        # page, a generator's thousand pages waiting at once, where a handful of names
        # differ. Shared once Pelican is done with the page (its `content_written`
        # receivers have seen it), so each holds the very dict and values it was given.
        if self.pending:
            last = self.pending[-1]
            if self.base is None or not last.shares(self.base):
                self.base = last
        self.pending.append(page)

    def _create_new_feed(self, feed_type, feed_title, context):
        feed = super()._create_new_feed(feed_type, feed_title, context)
        cache = incremental.of(context)
        if cache is not None:
            cache.keep_feed(feed)  # a feed made of the same entries is not serialised again
        return feed

    def write_file(self, name, template, context, *args, **kwargs):
        return super().write_file(name, _Later(template, self, context), context, *args, **kwargs)

    def _open_w(self, filename, encoding, override=False):
        page, self.last = self.last, None
        if page is None:
            return super()._open_w(filename, encoding, override)  # a feed: written now
        # Pelican's own bookkeeping (Writer._open_w), without opening the file yet.
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously overwritten)'
                )
            logger.info('Skipping "%s", not overwriting', filename)
            filename = None
        elif filename in self._written_files:
            if override:
                logger.info('Overwriting "%s"', filename)
                for earlier in self.pending[:-1]:
                    if earlier.filename == filename:
                        earlier.filename = None  # the later page is the one that stays
            else:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" as Pelican has already '
                    "written to it previously (set `override=True` if intended)"
                )
        if filename is not None:
            if override:
                self._overridden_files.add(filename)
            self._written_files.add(filename)
        page.filename = filename
        return io.StringIO()  # what Pelican writes now is nothing: the page comes later

    def flush(self, context):
        """Render and write every page kept so far, in all the build's processes."""
        pages, self.pending, self.base = self.pending, [], None
        if not pages:
            return
        cache = incremental.of(context)
        render = _render if cache is None else cache.render
        with timed(context, PHASE):
            if cache is not None:
                pages = cache.keep_unchanged(pages, context)
            # One page of each template first, here: the partials it includes are compiled
            # once, in this process, before the others are forked from it.
            first = {id(page.template): index for index, page in reversed(list(enumerate(pages)))}
            made = [render(pages[index]) for index in sorted(first.values())]
            rest = [page for index, page in enumerate(pages) if first[id(page.template)] != index]
            for done in parallel.run(rest, render, self.processes):
                made.append(done.value())  # what the page logged, then its error if it failed
            if cache is not None:
                for one in made:
                    cache.rendered(one)
                cache.build.canon.forget()  # the next generator's pages read other values


def _render(page: Page) -> None:
    """Render one page and write its file, as Pelican's writer would have then."""
    page.context["localsiteurl"] = page.localsiteurl
    output = page.template.render(page.localcontext)
    if page.filename is not None:
        with open(page.filename, "w", encoding="utf-8") as file:
            file.write(output)


def writer_for(pelican):
    """The build's one writer: this one when the build has more than one process or a build
    cache and no preview session runs; else the preview's (or the feed writer)."""
    settings = pelican.settings
    if session.active() is None:
        several = parallel.workers(settings.get("CASEBOOK_WORKERS")) > 1
        if several or incremental.enabled(settings):
            return PoolWriter
    return preview_writer.writer_for(pelican)  # Pelican warns of, and drops, a second answer


def _flushing(method, generator, last):
    def generate_output(writer):
        method(writer)
        if isinstance(writer, PoolWriter):
            writer.flush(generator.context)
            if last:
                incremental.finish(generator.context, generator.output_path)

    return generate_output


def flush_after_each_generator(generators):
    """Each generator's pages are written before the next generator runs (it may look)."""
    writing = [g for g in generators if hasattr(g, "generate_output")]
    for generator in writing:
        generator.generate_output = _flushing(
            generator.generate_output, generator, generator is writing[-1]
        )


TEMPLATES = "casebook-templates"  # in CACHE_PATH


class BuildTemplates(BytecodeCache):
    """Compiled templates shared by every generator of one build: each compiles once.

    With a build cache (incremental.py) they are kept on disk too, for the next build, in a
    folder of their own beside it: like Python's own compiled modules they depend on the
    theme's files alone (Jinja checks each template's checksum and its own version), so they
    outlive a change of settings or plugins, which starts the build cache anew.
    """

    def __init__(self, folder: str | None = None) -> None:
        self._code: dict[str, bytes] = {}
        self._disk = FileSystemBytecodeCache(folder) if folder else None
        if folder:
            os.makedirs(folder, exist_ok=True)

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self._code:  # Jinja compares the source's checksum itself
            bucket.bytecode_from_string(self._code[bucket.key])
        elif self._disk is not None:
            self._disk.load_bytecode(bucket)

    def dump_bytecode(self, bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
        if self._disk is not None:
            with contextlib.suppress(OSError):  # only a speed-up
                self._disk.dump_bytecode(bucket)


def share_templates(generator):
    """Every generator's Jinja environment takes its compiled templates from one cache."""
    if session.active() is not None:
        return  # a preview session keeps its own, across its builds
    cache = generator.context.get("casebook_templates")
    if cache is None:
        folder = None
        if incremental.enabled(generator.settings):
            folder = os.path.join(generator.settings["CACHE_PATH"], TEMPLATES)
            with contextlib.suppress(OSError):
                if incremental.foreign(os.stat(folder)):
                    folder = None  # compiled code another user could have written: never run
        try:
            cache = BuildTemplates(folder)
        except OSError:
            cache = BuildTemplates()
        generator.context["casebook_templates"] = cache
    generator.env.bytecode_cache = cache
