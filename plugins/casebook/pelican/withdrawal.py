"""Withdrawn cases: out of every list before anything groups them, a short page at their address.

A case whose client withdrew consent is taken out of the posts as soon as they are read
(before tags are grouped, related posts scored, feeds, archives, condition pages, the case
table, JSON-LD lists or referral summaries read them) and emptied: what is left is a hidden
post with a neutral title and no text, written with `withdrawn.html` at its own address and
its referral summary's. The images only it showed are not copied to the site.
"""

from __future__ import annotations

import logging
import os
import posixpath
from html.parser import HTMLParser

from pelican.generators import ArticlesGenerator, Generator

from ..consent import state
from ..content.settings import casebook_settings
from .reader import SOURCE_KEY

logger = logging.getLogger(__name__)

WITHDRAWN_KEY = "casebook_withdrawn"
FILES_KEY = "casebook_withdrawn_files"  # the files under content/ its text showed
TEMPLATE = "withdrawn"
TITLE = "No longer published"
# What a withdrawn case keeps: where it is written and what the build needs to place it.
KEPT = ("slug", "date", "status", "template", "lang", "redirect_from", SOURCE_KEY)
PLACEHOLDERS = ("{static}", "{attach}", "|static|", "|attach|")


def is_withdrawn(article) -> bool:
    """Whether a post is a case taken back by its client (or already emptied for it)."""
    return bool(article.metadata.get(WITHDRAWN_KEY)) or state.withdrawn(
        article.metadata.get("case")
    )


class _Addresses(HTMLParser):
    """Every src and href of an HTML fragment, tag by tag (no tree: no depth to exhaust)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.found += [value for name, value in attrs if name in ("src", "href") and value]


def references(html: str, relpath: str) -> set[str]:
    """Files under the content folder that a post's HTML shows or links (relative paths)."""
    reading = _Addresses()
    reading.feed(html)
    reading.close()
    found = set()
    folder = posixpath.dirname(relpath)
    for address in reading.found:
        value = address.split("#")[0].split("?")[0]
        if not value or "://" in value or value.startswith(("mailto:", "tel:", "data:")):
            continue
        for mark in PLACEHOLDERS:
            value = value.removeprefix(mark)
        path = value.lstrip("/") if value.startswith("/") else posixpath.join(folder, value)
        found.add(posixpath.normpath(path))
    return found


def _empty(article, shows) -> None:
    """Leave nothing of the case on the post: a neutral title, no text, no fields."""
    article.metadata = {k: v for k, v in article.metadata.items() if k in KEPT}
    article.metadata[WITHDRAWN_KEY] = True
    article.metadata[FILES_KEY] = sorted(shows)
    article.metadata["summary"] = ""
    for name in list(vars(article)):
        if name not in KEPT and not name.startswith("_") and name in _FIELDS:
            delattr(article, name)
    article.title = TITLE
    article._content = ""
    article._summary = ""
    article.tags, article.conditions, article.case = [], [], None
    article.publishable = False
    article.status = "hidden"
    article.template = TEMPLATE


# Attributes Pelican sets from a post's metadata that could carry the case's words.
_FIELDS = frozenset(
    "summary tags case follows followup_announced privacy_ok modified locale_modified "
    "keywords description".split()
)


def take_out(generator) -> None:
    """Take every withdrawn case out of the posts and empty it (pretaxonomy)."""
    found, taken = {}, []
    for kind in ("articles", "hidden_articles"):
        posts = getattr(generator, kind)
        for article in [a for a in posts if is_withdrawn(a)]:
            relpath = article.relative_source_path.replace(os.sep, "/")
            # One from Pelican's content cache was emptied by an earlier build: its files kept.
            shows = article.metadata.get(FILES_KEY)
            if shows is None:
                shows = sorted(references(article._content or "", relpath))
            found[article.slug] = set(shows)
            posts.remove(article)
            _empty(article, shows)
            taken.append(article)
            logger.debug("%s: consent withdrawn; on no page of the site", relpath)
    generator.hidden_articles.extend(taken)
    build = generator.context.get("casebook")
    if build is not None:
        build.withdrawn = found


def _shown_elsewhere(context, name: str) -> bool:
    """Whether any other post, page or condition mentions a file name (then it stays)."""
    for kind in ("articles", "hidden_articles", "drafts", "pages", "hidden_pages", "draft_pages"):
        for content in context.get(kind, ()):
            if content.metadata.get(WITHDRAWN_KEY):
                continue
            text = getattr(content, "_content", "") or ""
            if name in text or name in str(content.metadata.get("summary") or ""):
                return True
    return any(name in (getattr(c, "description", "") or "") for c in context.get("conditions", ()))


def keep_their_images_off(generator) -> None:
    """Leave out the static files only withdrawn cases showed (static_generator_finalized)."""
    build = generator.context.get("casebook")
    withdrawn = getattr(build, "withdrawn", None) or {}
    shown = set().union(*withdrawn.values()) if withdrawn else set()
    if not shown:
        return
    for static in list(generator.staticfiles):
        relpath = os.path.relpath(static.source_path, generator.path).replace(os.sep, "/")
        if relpath in shown and not _shown_elsewhere(generator.context, os.path.basename(relpath)):
            generator.staticfiles.remove(static)
            logger.debug("%s: shown only by withdrawn cases; not copied", relpath)


def mark_followers(generators) -> None:
    """A post following a withdrawn case says so instead of linking (all_generators_finalized)."""
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            continue
        withdrawn = getattr(generator.context.get("casebook"), "withdrawn", None) or {}
        for article in generator.articles:
            follows = article.metadata.get("follows")
            article.follows_withdrawn = isinstance(follows, str) and follows.strip() in withdrawn


class WithdrawnGenerator(Generator):
    """Writes the short page at the referral summary's address of each withdrawn case."""

    def generate_output(self, writer):
        build = self.context.get("casebook")
        save_as = casebook_settings(self.settings)["REFERRAL_SAVE_AS"]
        url = casebook_settings(self.settings)["REFERRAL_URL"]
        if build is None or not save_as or not getattr(build, "withdrawn", None):
            return
        template = self.get_template(TEMPLATE)
        for slug in sorted(build.withdrawn):
            writer.write_file(
                save_as.format(slug=slug),
                template,
                self.context,
                template_name=TEMPLATE,
                url=url.format(slug=slug),
                relative_urls=self.settings["RELATIVE_URLS"],
            )


def add_generator(pelican):
    """The referral addresses of withdrawn cases, once the posts are read."""
    return WithdrawnGenerator
