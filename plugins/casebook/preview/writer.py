"""The writer of a preview session: renders a page only when what it shows has changed."""

from __future__ import annotations

import os

from pelican.utils import sanitised_join
from pelican.writers import FileOverwriteFailedError

from ..pelican.feeds import FeedWriter
from . import dependencies, session


class _Gate:
    """Stands in for a template: renders it, or not when the page would come out the same."""

    __slots__ = ("context", "template", "writer")

    def __init__(self, template, writer, context):
        self.template, self.writer, self.context = template, writer, context

    def render(self, localcontext):
        build = self.writer.build
        output = localcontext["output_file"]
        name = self.template.name
        if not build.needs_render(output, name, localcontext, self.context):
            build.keep(output)
            self.writer.skipped.add(sanitised_join(self.writer.output_path, output))
            return ""
        with build.render(output, name, localcontext, self.context):
            return self.template.render(localcontext)


class SelectiveWriter(FeedWriter):
    """Pelican's writer, except that a page whose inputs are unchanged is not written again.

    Everything else is Pelican's: the same names, the same checks against writing a file
    twice, and the same `content_written` signal for every page, so the sitemap still
    lists every page.
    """

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        current = session.active()
        if current is None or current.current is None:
            raise RuntimeError("the selective writer runs only inside a preview session's build")
        self.build = current.current
        self.skipped = set()
        # A session lasts as long as its settings (the dev server starts a new one when
        # they change): pages that hold them, as a paginator does, need not compare them.
        self.build.canon.constant(self.settings, "settings")

    def write_file(self, name, template, context, *args, **kwargs):
        return super().write_file(name, _Gate(template, self, context), context, *args, **kwargs)

    def _open_w(self, filename, encoding, override=False):
        if filename not in self.skipped:
            return super()._open_w(filename, encoding, override)
        self.skipped.discard(filename)
        # Pelican's own bookkeeping, so a page written twice fails as in a full build.
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously overwritten)'
                )
        elif filename in self._written_files and not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{filename}" as Pelican has already '
                "written to it previously (set `override=True` if intended)"
            )
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return open(os.devnull, "w", encoding=encoding)  # noqa: SIM115 (Pelican closes it)


def writer_for(pelican):
    """The selective writer while a preview session builds; else Pelican's, titles kept whole."""
    del pelican
    return SelectiveWriter if session.active() is not None else FeedWriter


def prepare_environment(generator):
    """In a preview session: record what templates read, and reuse compiled templates."""
    current = session.active()
    if current is None:
        return
    dependencies.track(generator.env)
    generator.env.bytecode_cache = current.templates
