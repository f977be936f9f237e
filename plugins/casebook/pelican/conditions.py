"""Conditions: the vocabulary read from content/conditions/, and their pages and feeds."""

import fnmatch
import functools
import logging
import os
from collections import defaultdict
from dataclasses import dataclass
from operator import attrgetter

from pelican.contents import Page
from pelican.generators import Generator
from pelican.urlwrappers import Tag, URLWrapper

from .. import leaflet, structured
from .. import vocabulary as vocab
from ..content.settings import casebook_settings, review_months
from ..rules.conditions import read_vocabulary
from .reader import SOURCE_KEY, CasebookReader
from .timings import timed
from .timings import write as write_timings

logger = logging.getLogger(__name__)
_UNSEEN = object()


@dataclass(frozen=True)
class Code:
    """An ICD-10-CM code with its official title, as shown to clinicians."""

    code: str
    title: str | None


class Condition(URLWrapper):
    """A condition a post is about; the class name selects CONDITION_URL / CONDITION_SAVE_AS."""

    def __init__(self, entry, settings, description="", codes=(), relpath=""):
        super().__init__(entry.name, settings)
        self.slug = entry.slug  # from the file name, so renaming a condition keeps its URL
        self.entry = entry
        self.aliases = list(entry.aliases)
        # "Also called" without near-repeats; every alias still files posts and finds the page.
        self.shown_aliases = list(leaflet.shown_aliases(entry.name, entry.aliases))
        self.lay_terms = list(entry.lay_terms)
        self.red_flags = list(entry.red_flags)
        self.symptoms = list(entry.symptoms)
        self.see_a_doctor = list(entry.see_a_doctor)
        self.sources = list(entry.sources)
        self.reviewed_by = entry.reviewed_by or _practitioner(settings)
        self.body_areas = list(entry.body_areas)
        self.reviewed = entry.reviewed
        self.review_due = vocab.review_due(entry.reviewed, review_months(settings))
        self.source_path = entry.source_path  # as messages name the file
        self.relpath = relpath  # the file, relative to the content folder: its problems' key
        self.description = description
        self.overview, self.more = leaflet.split_overview(description or "")
        self.summary = structured.plain(leaflet.first_paragraph(self.overview))
        self.codes = list(codes)
        self.articles = []
        self.co_occurring = []

    # A condition's slug is fixed for the build, and its URL is read for every
    # link in every list of posts: format it once.
    @functools.cached_property
    def url(self):
        return self._from_settings("URL")

    @functools.cached_property
    def save_as(self):
        return self._from_settings("SAVE_AS")

    @property
    def feed_url(self):
        pattern = self.settings.get("CONDITION_FEED_ATOM_URL") or self.settings.get(
            "CONDITION_FEED_ATOM"
        )
        return pattern.format(slug=self.slug) if pattern else None

    @property
    def feed_save_as(self):
        pattern = self.settings.get("CONDITION_FEED_ATOM")
        return pattern.format(slug=self.slug) if pattern else None


def _practitioner(settings):
    """Who reviews the explanations unless a file says: the practitioner, as the site names them."""
    practice = settings.get("PRACTICE") or {}
    name = practice.get("practitioner") if isinstance(practice, dict) else None
    if not isinstance(name, str) or not name.strip():
        return None
    credentials = practice.get("credentials")
    if isinstance(credentials, str) and credentials.strip():
        return f"{name.strip()}, {credentials.strip()}"
    return name.strip()


def _condition_files(generator, folder):
    """Relative paths of the condition files, in a stable order."""
    root = os.path.join(generator.path, folder)
    if not os.path.isdir(root):
        return []
    return sorted(
        os.path.relpath(os.path.join(root, name), generator.path)
        for name in os.listdir(root)
        if name.endswith(tuple(f".{e}" for e in CasebookReader.file_extensions))
        and not any(fnmatch.fnmatch(name, p) for p in generator.settings.get("IGNORE_FILES", ()))
    )


def read_conditions(generator, codes):
    """Condition files, read with Pelican's readers: (vocabulary, problems), Conditions, Sources."""
    settings = generator.settings
    folder = casebook_settings(settings)["CONDITIONS_PATH"]
    sources, descriptions = [], {}
    for relpath in _condition_files(generator, folder):
        page = generator.readers.read_file(
            base_path=generator.path,
            path=relpath,
            content_class=Page,
            context=generator.context,
        )
        source = page.metadata[SOURCE_KEY]
        sources.append(source)
        descriptions[source.label] = (source.path, page.content)
    # Read once per build: the rule book judges this same vocabulary and reports its problems.
    vocabulary, problems = read_vocabulary(sources, codes, settings)
    conditions = {}
    for entry in vocabulary:
        found = [Code(code, codes.title(code)) for code in entry.codes]
        relpath, description = descriptions.get(entry.source_path, ("", ""))
        conditions[entry.slug] = Condition(entry, settings, description, found, relpath)
    return (vocabulary, problems), conditions, sources


def normalise_tags(article, vocabulary, conditions, canonical_tags, settings, found_by_name=None):
    """Give the article one canonical tag per condition and its Condition objects.

    `canonical_tags` holds one Tag per condition slug for this build, shared by all posts;
    `found_by_name`, if given, the vocabulary's answer for each tag name met so far.
    An unknown tag stays as it is; the rule book reports it.
    """
    if found_by_name is None:
        found_by_name = {}
    tags, found, seen = [], [], set()
    for tag in getattr(article, "tags", ()):
        # A few hundred names spread over thousands of posts: each is looked up once.
        name = tag.name
        entry = found_by_name.get(name, _UNSEEN)
        if entry is _UNSEEN:
            entry = found_by_name[name] = vocabulary.lookup(name)
        if entry is None:
            tags.append(tag)
            continue
        if entry.slug not in seen:
            seen.add(entry.slug)
            found.append(conditions[entry.slug])
            tag = canonical_tags.get(entry.slug)
            if tag is None:
                tag = canonical_tags[entry.slug] = Tag(entry.name, settings)
            tags.append(tag)
    article.tags = tags
    article.conditions = found


def group_by_condition(articles, conditions):
    """Attach each condition's posts (newest first) and its co-occurring conditions."""
    posts = defaultdict(list)
    for article in articles:
        for condition in getattr(article, "conditions", ()):
            posts[condition.slug].append(article)
    together = vocab.co_occurring([c.slug for c in getattr(a, "conditions", ())] for a in articles)
    for slug, condition in conditions.items():
        condition.articles = sorted(posts[slug], key=attrgetter("date"), reverse=True)
        condition.co_occurring = [
            (conditions[other], count) for other, count in together.get(slug, [])[:5]
        ]


class ConditionsGenerator(Generator):
    """Writes /conditions/, one page per condition, and one Atom feed per condition."""

    def generate_context(self):
        with timed(self.context, "group posts by condition"):
            self._group()

    def _group(self):
        state = self.context.get("casebook")
        if state is not None:
            group_by_condition(self.context.get("articles", []), state.conditions)
        self.conditions = sorted(
            state.conditions.values() if state else [], key=lambda c: c.name.casefold()
        )
        for condition in self.conditions:
            condition.breadcrumbs = structured.condition_trail(condition, self.settings)
            condition.structured_data = structured.SharedJsonLd(
                structured.for_condition(condition, self.settings)
            )
        self.context["conditions"] = self.conditions
        self.context["conditions_by_letter"] = vocab.alphabet_index(self.conditions)
        self.context["conditions_by_body_area"] = vocab.by_body_area(self.conditions)
        # The search page's "did you mean": every name, alias and lay term, and its page.
        self.context["search_terms"] = [
            [term, c.name, c.url] for term, c in vocab.search_terms(self.conditions)
        ]
        # ... and every symptom, for "This sounds like" when a reader types a sentence.
        self.context["symptom_terms"] = [
            [sign, c.name, c.url] for sign, c in leaflet.symptom_terms(self.conditions)
        ]

    def generate_output(self, writer):
        with timed(self.context, "write condition pages and feeds (templates)"):
            self._write(writer)
        write_timings(self.context, self.output_path)

    def _write(self, writer):
        index_save_as = self.settings.get("CONDITIONS_SAVE_AS")
        if index_save_as:
            writer.write_file(
                index_save_as,
                self.get_template("conditions"),
                self.context,
                template_name="conditions",
                url=self.settings.get("CONDITIONS_URL"),
                page_name=os.path.splitext(index_save_as)[0],
                relative_urls=self.settings["RELATIVE_URLS"],
            )
        template = self.get_template("condition")
        for condition in self.conditions:
            writer.write_file(
                condition.save_as,
                template,
                self.context,
                condition=condition,
                articles=condition.articles,
                dates=condition.articles,
                template_name="condition",
                url=condition.url,
                page_name=condition.page_name,
                relative_urls=self.settings["RELATIVE_URLS"],
            )
            if condition.feed_save_as and condition.articles:
                writer.write_feed(
                    condition.articles,
                    self.context,
                    condition.feed_save_as,
                    condition.feed_url,
                    feed_title=condition.name,
                )
