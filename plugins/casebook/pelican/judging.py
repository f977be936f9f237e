"""The rule book in the build: judge every file once posts and pages are read, then act on it."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican.generators import Generator

from .. import rules
from ..content import corpus
from ..content.problems import Level, Problem, shown
from ..content.settings import casebook_settings
from ..content.slugs import stand_in_slug
from ..placeindex import load as load_place_index
from ..preview import session
from ..privacy import gazetteer, placenames
from ..privacy.cache import LintCache
from ..rules.markup.render import Rendered
from . import readahead
from .reader import RENDERED_KEY, SOURCE_KEY, UNBUILT_KEY, UNBUILT_TEMPLATE, VANISHED_KEY
from .timings import timed

logger = logging.getLogger(__name__)


class Reporter:
    """Logs each Problem as `make check` prints it: errors fail a strict (publish) build."""

    def __init__(self, settings, unbuilt=frozenset()):
        self.strict = casebook_settings(settings)["CASEBOOK_STRICT"]
        self.unbuilt = unbuilt  # paths of posts not built: their errors are errors in preview too

    def __call__(self, problems: list[Problem]) -> None:
        for problem in problems:
            if problem.is_error:
                severe = self.strict or problem.path in self.unbuilt
                log = logger.error if severe else logger.warning
            elif problem.level == Level.WARNING and not self.strict:
                log = logger.warning
            else:
                log = logger.info  # a warning never fails a publish build, nor does a note
            log("%s", problem)


# The lists Pelican keeps its posts and pages in (shared by the generators and the
# context), and where a stand-in goes: hidden posts are written but never listed.
LISTS = {
    "articles": "hidden_articles",
    "drafts": "hidden_articles",
    "hidden_articles": "hidden_articles",
    "pages": "hidden_pages",
    "draft_pages": "hidden_pages",
    "hidden_pages": "hidden_pages",
}


def _contents(context):
    """Every article and page Pelican read, with the name of the list it sits in."""
    for kind in LISTS:
        for content in list(context.get(kind, ())):
            yield kind, content


class RulesGenerator(Generator):
    """Judges every file under content/ (what `make check` judges), reports, and stands in.

    It runs after the articles and pages are read and before the condition pages are
    grouped, so a post that cannot be built at its address is out of every list.
    """

    def generate_context(self):
        state = self.context.get("casebook")
        if state is None:
            return
        with timed(self.context, "rule book (the same as make check)"):
            self._judge(state)

    def _judge(self, state):
        preview = session.active()
        content = Path(self.settings["PATH"])
        found = (
            preview.files(content, self.settings)
            if preview
            else corpus.files(content, self.settings)
        )
        sources = {s.path: s for s in state.condition_sources}
        # The HTML the reader made of each file: judged as it is, never converted again.
        rendered = {
            c.relpath: Rendered(c.description)
            for c in getattr(state, "conditions", {}).values()
            if c.relpath
        }
        contents = {}
        vanished = []
        for kind, content in _contents(self.context):
            source = content.metadata.get(SOURCE_KEY)
            if source is not None:
                sources[source.path] = source
                contents[source.path] = (kind, content)
                if content.metadata.get(RENDERED_KEY) is not None:
                    rendered[source.path] = content.metadata[RENDERED_KEY]
                if content.metadata.get(VANISHED_KEY):
                    vanished.append(source.path)
        for file in found:
            if file.kind in corpus.POSTS and file.relpath not in sources:
                sources[file.relpath] = corpus.read(file)  # one Pelican did not read
        # What the build's workers found ahead (readahead.py), if they read the files.
        ahead = readahead.found(self.context)
        cache_dir = self.settings.get("CACHE_PATH")
        cache = ahead.lint_cache(cache_dir) if ahead else LintCache(cache_dir)
        memo = preview.rules if preview is not None else ahead.take_rules() if ahead else None
        judged = rules.judge(
            found, sources, self.settings, state.codes, cache, memo=memo,
            vocabulary_read=state.vocabulary_read, rendered=rendered,
        )  # fmt: skip
        cache.save()
        if preview is None:  # a preview session lints again at every save
            _let_go_of_places()
        state.judged = judged
        by_path: dict[str, list[Problem]] = {}
        for problem in judged.problems:
            by_path.setdefault(problem.path, []).append(problem)
        for condition in getattr(state, "conditions", {}).values():
            condition.casebook_problems = by_path.get(condition.relpath, [])
        taken = set(judged.slugs.values())
        for path, (kind, content) in contents.items():
            # Judged: the file's text and parsed header (about 5 KB a post) need not
            # live on until the last page is written. Pelican made an attribute of every
            # metadata key too: both go, or the attribute alone keeps them all alive.
            for key in (SOURCE_KEY, RENDERED_KEY):
                content.metadata.pop(key, None)
                vars(content).pop(key, None)
            content.casebook_problems = by_path.get(path, [])
            if judged.slugs.get(path) == content.slug:
                continue
            if not content.metadata.get(UNBUILT_KEY):
                _stand_in(self.context, kind, content, self.settings)
            elif content.slug in taken:
                # Its own address belongs to another post: stand in at one of its own.
                content.slug = stand_in_slug(None, content.relative_source_path, self.settings)
            content.slug = _unused(content.slug, taken)
            taken.add(content.slug)
        unbuilt = {path for path, (_k, c) in contents.items() if c.metadata.get(UNBUILT_KEY)}
        Reporter(self.settings, unbuilt)(judged.problems)
        if vanished:
            raise ContentChangedError(vanished)


def _let_go_of_places() -> None:
    """The lint's place names (28,000 US, 68,000 abroad; about 6 MiB) once every file is linted."""
    # No page needs them, and each worker forked to write pages would hold them too. A lint
    # after this one (none in a build) loads them again from the index, in milliseconds.
    gazetteer.places.cache_clear()
    gazetteer.first_words.cache_clear()
    load_place_index.cache_clear()
    placenames.abroad.cache_clear()  # the towns abroad, one sorted string of 750 KB


class ContentChangedError(RuntimeError):
    """Files were deleted while the build read them: what it made would be half a site."""

    def __init__(self, paths):
        self.paths = sorted(paths)
        names = ", ".join(self.paths[:3]) + (
            f" and {len(self.paths) - 3} more" if len(self.paths) > 3 else ""
        )
        super().__init__(
            f"{len(self.paths)} file(s) disappeared while the site was built ({names}); "
            "nothing was written from them: build again once the content folder is settled"
        )


def _unused(slug, taken):
    """`slug`, or `slug-2`, `slug-3`…: two stand-ins never share an address."""
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def _stand_in(context, kind, content, settings):
    """Take a post whose address is refused out of every list; a page at a safe one says why."""
    context[kind].remove(content)
    if content in context.get("dates", ()):
        context["dates"].remove(content)
    content.slug = stand_in_slug(None, content.relative_source_path, settings)
    content.status = "hidden"
    content.template = UNBUILT_TEMPLATE
    content.metadata[UNBUILT_KEY] = True
    if settings.get("CASEBOOK_STRICT"):
        content.override_save_as = ""  # never written by a publish build (it fails anyway)
    context[LISTS[kind]].append(content)
    logger.debug("%s: built as a stand-in at %s", shown(content.source_path), content.slug)


def add_generator(pelican):
    """Judging runs as a generator of its own, after articles and pages, before conditions."""
    return RulesGenerator
