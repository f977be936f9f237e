"""A one-page referral summary for every published case, at its own address."""

from pelican.generators import Generator

from .. import outline
from ..cases import case_fields
from ..content.settings import casebook_settings
from .timings import timed


def referral_cases(context):
    """Published and hidden cases with consent: the ones a clinician can be sent."""
    return [
        a
        for a in (*context.get("articles", ()), *context.get("hidden_articles", ()))
        if getattr(a, "case", None) and getattr(a, "publishable", False)
    ]


class ReferralsGenerator(Generator):
    """Writes REFERRAL_SAVE_AS for each case, and sets `article.referral_url` for the theme."""

    def generate_context(self):
        settings = casebook_settings(self.settings)
        url, save_as = settings["REFERRAL_URL"], settings["REFERRAL_SAVE_AS"]
        self.cases = referral_cases(self.context) if save_as else []
        context = self.context
        for article in (*context.get("articles", ()), *context.get("hidden_articles", ())):
            article.referral_url = None
        for article in self.cases:
            article.referral_url = url.format(slug=article.slug)
            article.referral_save_as = save_as.format(slug=article.slug)

    def generate_output(self, writer):
        if not self.cases:
            return
        # This generator has its own template environment: the filters the partials use.
        self.env.filters["case_fields"] = case_fields
        self.env.filters["reading_minutes"] = outline.reading_minutes
        template = self.get_template("referral")
        with timed(self.context, "write referral summaries (templates)"):
            for article in self.cases:
                # `case_article`, not `article`: the sitemap would list it under the case's URL.
                writer.write_file(
                    article.referral_save_as,
                    template,
                    self.context,
                    case_article=article,
                    template_name="referral",
                    url=article.referral_url,
                    relative_urls=self.settings["RELATIVE_URLS"],
                )


def add_generator(pelican):
    """Referral summaries are written after the posts they summarise are read and judged."""
    return ReferralsGenerator
