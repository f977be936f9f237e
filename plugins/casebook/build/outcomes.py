"""Outcome figures on condition pages, and the case table for clinicians, from the same cases."""

import logging
import os

from pelican.generators import Generator

from .. import outcomes, structured
from .timings import timed

logger = logging.getLogger(__name__)

# The case table's pre-sorted views: (key, what it is sorted by, address under the table's).
VIEWS = (
    ("condition", "condition", ""),
    ("sessions", "sessions", "by-sessions/"),
    ("date", "date", "by-date/"),
)


def counted(article):
    """A case whose client consented; drafts and hidden posts never reach the lists read here."""
    return isinstance(getattr(article, "case", None), dict) and getattr(
        article, "publishable", False
    )


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
        self.table = None
        if self.context.get("casebook") is None:
            return
        with timed(self.context, "outcome figures"):
            self._figures()

    def _figures(self):
        # Published posts only, newest first: the rule book has taken out what is not built.
        found = {
            id(a): outcomes.facts(a, a.case) for a in self.context.get("articles", ()) if counted(a)
        }
        groups = []
        for condition in self.context.get("conditions", ()):
            own = [found[id(a)] for a in condition.articles if id(a) in found]
            condition.outcomes = outcomes.summarise(own)
            # Made again now that the cases are known: the page lists them (an ItemList).
            condition.structured_data = structured.for_condition(condition, self.settings)
            if own:
                groups.append((condition, own))
        newest = list(found.values())
        self.table = {
            "condition": groups,
            "sessions": outcomes.by_sessions(newest),
            "date": newest,
        }
        addresses = view_addresses(self.settings)
        self.context["case_table_url"] = addresses["condition"][0] if addresses else None

    def generate_output(self, writer):
        addresses = view_addresses(self.settings)
        if self.table is None or not addresses:
            return
        with timed(self.context, "write the case table (templates)"):
            self._write(writer, addresses)

    def _write(self, writer, addresses):
        template = self.get_template("case_table")
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
                case_table_rows=self.table["sessions" if key == "sessions" else "date"],
                case_table_groups=self.table["condition"],
                case_table_canonical=addresses["condition"][0],
            )


def add_generator(pelican):
    """The figures need the condition pages' grouping: connected after ConditionsGenerator."""
    return OutcomesGenerator
