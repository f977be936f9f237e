"""Outcome figures on condition pages, and the case table for clinicians, from the same cases."""

import logging
import os
from typing import Any

from markupsafe import Markup
from pelican.generators import Generator

from .. import followups, outcomes, structured
from ..vocabulary import term_key
from .timings import timed
from .timings import write as write_timings

logger = logging.getLogger(__name__)

# The case table's pre-sorted views: (key, what it is sorted by, address under the table's).
VIEWS = (
    ("condition", "condition", ""),
    ("sessions", "sessions", "by-sessions/"),
    ("date", "date", "by-date/"),
)
ROW_TEMPLATE = "partials/case_row.html"  # one row of the table, a macro


def counted(article):
    """A case whose client consented; drafts and hidden posts never reach the lists read here."""
    return isinstance(getattr(article, "case", None), dict) and getattr(
        article, "publishable", False
    )


def _follows(article):
    follows = article.metadata.get("follows")
    return follows.strip() if isinstance(follows, str) and follows.strip() else None


def once_per_client(articles):
    """The counted cases, each client's series once (its first case), in the order given."""
    cases = [a for a in articles if counted(a)]
    roots = followups.series_roots({a.slug: _follows(a) for a in articles})

    def client(article):
        who = article.case.get("client")
        who = term_key(who) if isinstance(who, str) and who.strip() else id(article)
        return (roots.get(article.slug, article.slug), who)

    keep = outcomes.counted_once(sorted(cases, key=lambda a: a.date), client)
    return [a for a in cases if id(a) in keep]


def filed_once(found, conditions):
    """The case table by condition: each case once, under its first condition, A–Z.

    `found` is the counted cases' facts, newest first; `conditions` every Condition, A–Z. A
    case with no condition goes last, under None.
    """
    rows: dict[Any, list] = {}
    for f in found:
        main = getattr(f.case, "conditions", None) or [None]
        rows.setdefault(id(main[0]) if main[0] is not None else None, []).append(f)
    filed = [(c, rows[id(c)]) for c in conditions if id(c) in rows]
    return filed + ([(None, rows[None])] if None in rows else [])


def view_addresses(settings):
    """{view: (url, save_as)} for every view of the case table; empty if the site has none."""
    url, save_as = settings.get("CASE_TABLE_URL"), settings.get("CASE_TABLE_SAVE_AS")
    if not url or not save_as:
        return {}
    folder = os.path.dirname(save_as)
    return {
        key: (url + suffix, os.path.join(folder, suffix, "index.html") if suffix else save_as)
        for key, _by, suffix in VIEWS
    }


class OutcomesGenerator(Generator):
    """Attaches each condition's figures (condition.outcomes) and writes the case table.

    It runs after ConditionsGenerator has grouped the posts, and before any page is written.
    """

    def generate_context(self):
        self.found, self.groups, self.filed = [], [], []
        if self.context.get("casebook") is None:
            return
        with timed(self.context, "outcome figures"):
            self._figures()

    def _figures(self):
        # One pass over the published posts, newest first (the rule book has taken out what
        # is not built): each condition's cases come out in the order of its page's list.
        facts, found = outcomes.facts, []
        by_condition: dict[Any, list] = {}
        for article in once_per_client(self.context.get("articles", ())):
            f = facts(article, article.case)
            found.append(f)
            for condition in getattr(article, "conditions", ()):
                by_condition.setdefault(id(condition), []).append(f)
        for condition in self.context.get("conditions", ()):
            own = by_condition.get(id(condition), [])
            condition.outcomes = outcomes.summarise(own)
            if own:
                self.groups.append((condition, own))
        self.found = found
        self.filed = filed_once(found, self.context.get("conditions", ()))
        # The clinicians' page lists the same cases, each once.
        self.context["clinician_cases"] = [(c, [f.case for f in own]) for c, own in self.groups]
        addresses = view_addresses(self.settings)
        self.context["case_table_url"] = addresses["condition"][0] if addresses else None

    def list_cases(self):
        """Each condition's JSON-LD again, now with the list of its cases (an ItemList)."""
        # Called once every URL is final (all_generators_finalized): a post's URL is then
        # read, not formatted again for each of the conditions it is listed under.
        with timed(self.context, "outcome figures"):
            siteurl = self.settings.get("SITEURL", "")
            items = {id(f.case): structured.list_item(f.case, siteurl) for f in self.found}
            for condition in self.context.get("conditions", ()):
                cases = [items[id(a)] for a in condition.outcomes.cases]
                condition.structured_data = structured.SharedJsonLd(
                    structured.for_condition(condition, self.settings, cases)
                )

    def generate_output(self, writer):
        addresses = view_addresses(self.settings)
        if self.context.get("casebook") is None or not addresses:
            return
        with timed(self.context, "write the case table (templates)"):
            self._write(writer, addresses)
        write_timings(self.context, self.output_path)  # again, with this phase

    def _rows(self):
        """Each case's row, rendered once: the views and the groups repeat the same HTML."""
        row = self.env.get_template(ROW_TEMPLATE).module.row
        siteurl = self.settings.get("SITEURL", "")
        return {id(f): Markup(row(f, siteurl)) for f in self.found}  # noqa: S704 - our template

    def _write(self, writer, addresses):
        template = self.get_template("case_table")
        html = self._rows()
        rows = {
            "date": [html[id(f)] for f in self.found],
            "sessions": [html[id(f)] for f in outcomes.by_sessions(self.found)],
        }
        groups = [(c, [html[id(f)] for f in own]) for c, own in self.filed]
        views = [(key, by, addresses[key][0]) for key, by, _suffix in VIEWS]
        for key, _by, _suffix in VIEWS:
            url, save_as = addresses[key]
            writer.write_file(
                save_as,
                template,
                self.context,
                template_name="case_table",
                url=url,
                page_name=os.path.splitext(save_as)[0],
                relative_urls=self.settings["RELATIVE_URLS"],
                case_table_view=key,
                case_table_views=views,
                case_table_count=len(self.found),
                case_table_rows=rows.get(key, ()),
                case_table_groups=groups if key == "condition" else (),
                case_table_index=self.groups if key == "condition" else (),
                case_table_canonical=addresses["condition"][0],
            )


def list_cases(generators):
    """Add the list of each condition's cases to its JSON-LD, once every URL is final."""
    for generator in generators:
        if isinstance(generator, OutcomesGenerator) and generator.context.get("casebook"):
            generator.list_cases()


def add_generator(pelican):
    """The figures need the condition pages' grouping: connected after ConditionsGenerator."""
    return OutcomesGenerator
