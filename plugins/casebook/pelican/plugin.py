"""Signal handlers: they collect from Pelican, call the pure modules, and attach results."""

import logging
from dataclasses import dataclass, field
from typing import Any

from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.urlwrappers import Category

from .. import followups, outcomes, outline, practice, printing, structured
from ..cases import case_fields
from ..consent import state as consent
from ..content.problems import Problem
from ..content.source import Source
from ..icd10 import CodeBook
from ..preview import problemspage, session
from ..preview import writer as preview_writer
from ..rules import Judged
from ..vocabulary import Vocabulary
from . import (
    approvals,
    casetable,
    gcfreeze,
    incremental,
    judging,
    minify,
    poolwriter,
    quiet,
    readahead,
    reader,
    redirects,
    referrals,
    sitemapfree,
    withdrawal,
)
from . import conditions as cond
from .conditions import Condition
from .timings import timed

logger = logging.getLogger(__name__)


@dataclass
class BuildState:
    """What the plugin knows during one build; made afresh by every build."""

    vocabulary: Vocabulary
    vocabulary_read: tuple[Vocabulary, list[Problem]]  # with its files' problems
    conditions: dict[str, Condition]  # by slug
    condition_sources: list[Source]
    codes: CodeBook
    judged: Judged | None = None  # the rule book's verdict, once RulesGenerator has run
    # Cases whose clients withdrew consent: slug -> the files under content/ each showed.
    withdrawn: dict[str, set[str]] = field(default_factory=dict)


def normalise_conditions(generator):
    """Read the vocabulary and rewrite every post's tags to canonical condition names."""
    codes = CodeBook()
    with timed(generator.context, "read vocabulary"):
        read, conditions, sources = cond.read_conditions(generator, codes)
    vocabulary = read[0]
    generator.context["casebook"] = BuildState(vocabulary, read, conditions, sources, codes)
    with timed(generator.context, "normalise tags and cases"):
        _normalise_posts(generator, vocabulary, conditions)


def _normalise_posts(generator, vocabulary, conditions):
    canonical_tags: dict[str, Any] = {}
    found_by_name: dict[str, Any] = {}
    settings = generator.settings
    for article in (*generator.articles, *generator.drafts, *generator.hidden_articles):
        cond.normalise_tags(
            article, vocabulary, conditions, canonical_tags, settings, found_by_name
        )
        case = article.metadata.get("case")
        article.case = case if isinstance(case, dict) else None
        article.publishable = consent.publishable(article.case)


@dataclass(frozen=True)
class SeriesView:
    """A post's place in its series, with Articles where the pure graph has slugs."""

    index: int
    total: int
    parts: list
    previous: object
    next: object


def _post_ref(article):
    meta = article.metadata
    follows, announced = meta.get("follows"), meta.get("followup_announced")
    return followups.PostRef(
        slug=article.slug,
        source_path=article.source_path,
        date=article.date,
        follows=str(follows).strip() if follows else None,
        announced=str(announced).strip() if announced else None,
    )


def link_followups(generator):
    """Attach follows / follow_ups / series / followup_pending, and trim related posts."""
    unpublished = {
        a.slug: (a.status, a.source_path) for a in (*generator.drafts, *generator.hidden_articles)
    }
    # Its problems are the rule book's to report (rules.check_followups).
    graph = followups.build_followups([_post_ref(a) for a in generator.articles], unpublished)

    published = set(generator.articles)
    # With a duplicate slug, keep the file the graph kept: the first by path.
    by_slug: dict[str, Any] = {}
    for article in generator.articles:
        kept = by_slug.setdefault(article.slug, article)
        if article.source_path < kept.source_path:
            by_slug[article.slug] = article
    follows, followed_by, series_of, pending = (
        graph.follows,
        graph.followed_by,
        graph.series,
        graph.pending,
    )
    # One pass over thousands of posts; most follow nothing and start no series.
    for article in generator.articles:
        slug = article.slug
        followers = followed_by.get(slug, ())
        series = series_of.get(slug)
        target = follows.get(slug)
        article.follows = by_slug.get(target) if target else None
        article.follow_ups = [by_slug[s] for s in followers]
        article.series = series and SeriesView(
            series.index,
            series.total,
            [by_slug[s] for s in series.parts],
            by_slug.get(series.previous or ""),
            by_slug.get(series.next or ""),
        )
        article.followup_pending = pending.get(slug)
        related = getattr(article, "related_posts", None)
        if related:
            linked = {slug, *(series.parts if series else ()), *followers}
            # A post the rule book stood in for is no longer among the articles.
            article.related_posts = [p for p in related if p.slug not in linked and p in published]
        elif related is None:
            article.related_posts = []
    # Drafts and hidden posts are never linked to or from: nothing is attached to them.
    for article in (*generator.drafts, *generator.hidden_articles):
        article.follows, article.follow_ups = None, []
        article.series, article.followup_pending = None, None


def attach_structured_data(generator):
    """Each post's breadcrumb trail and JSON-LD, all made in one pass before any is written."""
    # In one tight loop this is about a third of what the same work costs made page by
    # page between renders; the JSON-LD of every post held until its page is written
    # (about 2 KB a post) stays below the peak the reading and the rule book reach.
    state = generator.context.get("casebook")
    shared = structured.post_shared(generator.settings, state.conditions if state else {})
    for article in (*generator.articles, *generator.drafts, *generator.hidden_articles):
        article.breadcrumbs = structured.article_trail(article)
        article.structured_data = structured.JsonLd(structured.for_article(article, shared))


def give_drafts_a_category(generator):
    """Give drafts the default category the site does not otherwise use."""
    # Core only assigns a category when CATEGORY_SAVE_AS is set, yet writes
    # drafts with `category=draft.category`; without this a draft crashes the build.
    for article in (*generator.drafts, *generator.drafts_translations):
        if not hasattr(article, "category"):
            article.category = Category(generator.settings["DEFAULT_CATEGORY"], generator.settings)


def pin_urls(generator):
    """Fix every post's and page's URL for the rest of the build."""
    # Content.url re-formats the URL (a relpath and all) on every read, and the
    # lists, menus, feeds and sitemap read it tens of thousands of times at
    # 5000 posts. Pelican's own override_url (what a `url:` key sets) turns
    # each later read into an attribute lookup; slugs are final by now.
    if isinstance(generator, ArticlesGenerator):
        kinds = ("articles", "drafts", "hidden_articles", "drafts_translations")
    else:
        kinds = ("pages", "draft_pages", "hidden_pages", "draft_translations")
    for kind in (*kinds, "translations", "hidden_translations"):
        for content in getattr(generator, kind):
            content.override_url = content.url


def link_posts(generators):
    """Link follow-ups both ways once related_posts has run, before anything is written."""
    for generator in generators:
        if isinstance(generator, (ArticlesGenerator, PagesGenerator)):
            with timed(generator.context, "pin post and page URLs"):
                pin_urls(generator)
        if isinstance(generator, ArticlesGenerator):
            with timed(generator.context, "follow-ups and related posts"):
                link_followups(generator)
            with timed(generator.context, "structured data"):
                attach_structured_data(generator)
            if not generator.settings.get("TAG_SAVE_AS"):
                # Condition pages replace tag pages; core would still rebuild every
                # tag's list with a scan of all posts before not writing it.
                generator.tags = {}


def add_template_filters(generator):
    """`case|case_fields`, `case|outcome_label`, `url|breakable_url`, `content|outline`,
    `content|reading_minutes`; `practice` for all."""
    generator.env.filters["case_fields"] = case_fields
    generator.env.filters["outcome_label"] = outcomes.outcome_label  # lists: beside sessions
    generator.env.filters["breakable_url"] = printing.breakable_url  # wraps after a slash only
    generator.env.filters["outline"] = outline.outline
    generator.env.filters["reading_minutes"] = outline.reading_minutes
    # One dict shared by every generator's templates: the practice and the links made from it.
    generator.context["practice"] = practice.view(generator.settings)


def add_conditions_generator(pelican):
    """Condition pages are written by their own generator, after the articles are read."""
    return cond.ConditionsGenerator


def register():
    # initialized: Pelican's logging is set up by then, before anything is read; a build
    # that stops for a damaged cache, a locked folder or a fatal warning then ends
    # with one line of advice, not a traceback.
    signals.initialized.connect(quiet.quiet_tracebacks)
    # initialized: before the build copies the settings into its context, the preview's
    # own settings are fixed (all off in a strict, publishing build).
    signals.initialized.connect(problemspage.preview_settings)
    # get_generators: the one signal sent at the start of every build, including each
    # rebuild of a long-lived process, before any page is written for the sitemap.
    signals.get_generators.connect(sitemapfree.start_afresh)
    # *_generator_init: the generators' readers exist by then, after every
    # readers_init handler (yaml_metadata's included) has run.
    signals.article_generator_init.connect(reader.use_casebook_reader)
    signals.page_generator_init.connect(reader.use_casebook_reader)
    # article_generator_init, first of all this build's work: the build cache of the last
    # build with the same settings, theme, plugins and packages (cache/casebook-build/).
    signals.article_generator_init.connect(incremental.open_cache)
    # *_generator_init, after the reader is set: every file read, judged and linted ahead,
    # shared out over the build's processes, before Pelican reads the first one (unless the
    # build cache has it as it is).
    signals.article_generator_init.connect(readahead.read_ahead)
    signals.page_generator_init.connect(readahead.read_ahead)
    # generator_init: every generator (the plugin's own too) has its own Jinja environment by
    # then, and each renders lists of cases.
    signals.generator_init.connect(add_template_filters)
    # pretaxonomy, first: every post is read, and nearly all that is alive now lives to the
    # end of the build. Thawed when the build ends, and when the next one starts (a preview
    # build that failed never reaches `finalized`).
    signals.article_generator_pretaxonomy.connect(gcfreeze.freeze_read_content)
    signals.article_generator_init.connect(gcfreeze.thaw)
    signals.finalized.connect(gcfreeze.thaw)
    # pretaxonomy: after all posts are read, before core groups tags and
    # related_posts scores them, so both see one name per condition.
    signals.article_generator_pretaxonomy.connect(normalise_conditions)
    # pretaxonomy, after the tags: a withdrawn case leaves the posts before core groups tags,
    # related_posts scores them or any list, feed or figure reads them.
    signals.article_generator_pretaxonomy.connect(withdrawal.take_out)
    # static_generator_finalized: the files to copy are listed and none is copied yet.
    signals.static_generator_finalized.connect(withdrawal.keep_their_images_off)
    # pretaxonomy too: drafts are complete by then and written only later.
    signals.article_generator_pretaxonomy.connect(give_drafts_a_category)
    # all_generators_finalized: related_posts has run (article_generator_finalized),
    # every slug is final, and nothing has been written yet.
    signals.all_generators_finalized.connect(link_posts)
    # all_generators_finalized, after link_posts: a post following a withdrawn case says so.
    signals.all_generators_finalized.connect(withdrawal.mark_followers)
    # all_generators_finalized, after link_posts: URLs are final, so listing each
    # condition's cases in its JSON-LD reads them instead of formatting them again.
    signals.all_generators_finalized.connect(casetable.list_cases)
    # get_generators: plugin generators run after articles and pages are read, in the
    # order connected: the rule book judges before conditions group their posts.
    signals.get_generators.connect(judging.add_generator)
    signals.get_generators.connect(add_conditions_generator)
    # get_generators: each published case's one-page referral summary, at its own address.
    signals.get_generators.connect(referrals.add_generator)
    # get_generators: the referral address of a withdrawn case says it is no longer published.
    signals.get_generators.connect(withdrawal.add_generator)
    # get_generators: preview and `make consent` only, each case's approval copy.
    signals.get_generators.connect(approvals.add_generator)
    # finalized: the theme's files have been copied to the output by then.
    signals.finalized.connect(minify.minify_theme_css)
    # get_generators, after conditions: the figures count each condition's grouped cases.
    signals.get_generators.connect(casetable.add_generator)
    # get_generators: made fresh per build, it writes redirects once every page is written.
    signals.get_generators.connect(redirects.add_generator)
    # get_generators: preview only, problems.html once the rule book has judged.
    signals.get_generators.connect(problemspage.add_generator)
    # A preview session (make devserver) renders only the pages whose inputs changed:
    # every generator's templates record what they read, and its writer decides.
    signals.generator_init.connect(preview_writer.prepare_environment)
    # generator_init: before any generator lists its files, none lists a pipe or a loop.
    signals.generator_init.connect(reader.walk_safely)
    # generator_init: every generator's Jinja environment exists by then; outside a preview
    # each template is compiled once per build, not once per generator.
    signals.generator_init.connect(poolwriter.share_templates)
    # generator_init: with a build cache, every template records what each page reads.
    signals.generator_init.connect(incremental.track_reads)
    # get_writer: with more than one process (CASEBOOK_WORKERS), pages are rendered in all of
    # them; all_generators_finalized: each generator's pages are written before the next runs.
    # One receiver for the writer, which hands over to the preview's (Pelican takes one answer).
    signals.get_writer.connect(poolwriter.writer_for)
    signals.all_generators_finalized.connect(poolwriter.flush_after_each_generator)
    signals.readers_init.connect(session.reuse_readers)
