"""Each case's approval copy for its client: the case as it will be published, and the terms.

Written in a preview build for every case (linked from the case's preview page), and by
`make consent OF=<slug>` for that one case, with the fingerprint of its text; never in a
strict (publish) build. The page is made from the same post and partials as the case's page.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import logging
import os
import posixpath
from dataclasses import dataclass

from pelican.generators import Generator

from .. import outline
from ..cases import case_fields
from ..content.settings import casebook_settings
from .reader import UNBUILT_KEY
from .timings import timed
from .withdrawal import WITHDRAWN_KEY

TEMPLATE = "approval"


@dataclass(frozen=True)
class Approval:
    """What the approval copy says beside the case: where it appears, and what is signed."""

    url: str  # the case's own address on the published site
    referral_url: str | None  # its referral summary's, if the site writes them
    fingerprint: str | None  # the text's, when `make consent` prints it
    printed: datetime.date | None


def _cases(context):
    """Every case the site could publish: not withdrawn, not a stand-in."""
    for kind in ("articles", "hidden_articles", "drafts"):
        for article in context.get(kind, ()):
            meta = article.metadata
            if isinstance(getattr(article, "case", None), dict) and not (
                meta.get(WITHDRAWN_KEY) or meta.get(UNBUILT_KEY)
            ):
                yield article


def published_url(article, settings) -> str:
    """The address the case has, or will have, once published (a draft's too)."""
    # A post in another language than the site's lives under its language (pelicanconf).
    key = "ARTICLE_URL" if article.in_default_lang else "ARTICLE_LANG_URL"
    path = settings[key].format(**article.url_format)
    return f"{settings.get('SITEURL', '')}/{path}"


def _address(article, url, save_as, printing):
    """(url, save_as) of a case's approval copy: a draft's sits beside its draft page."""
    # A draft's own address is the one it will have once published: nothing is built there
    # while it waits, not even in a preview.
    if article.status == "draft" and article.save_as and not printing:
        folder = posixpath.dirname(article.save_as)
        return f"{folder}/approval/", f"{folder}/approval/index.html"
    return url.format(slug=article.slug), save_as.format(slug=article.slug)


class ApprovalsGenerator(Generator):
    """Writes CASEBOOK_APPROVAL_SAVE_AS for each case, and sets `article.approval_url`."""

    def generate_context(self):
        settings = casebook_settings(self.settings)
        url, save_as = settings["CASEBOOK_APPROVAL_URL"], settings["CASEBOOK_APPROVAL_SAVE_AS"]
        of = settings["CASEBOOK_APPROVAL_OF"]
        preview = self.settings.get("CASEBOOK_PREVIEW") and not settings["CASEBOOK_STRICT"]
        cases = list(_cases(self.context)) if save_as and (of or preview) else []
        if of:
            cases = [a for a in cases if a.slug == of.get("slug")]
        self.cases = []
        referral = settings["REFERRAL_URL"] if settings["REFERRAL_SAVE_AS"] else None
        siteurl = self.settings.get("SITEURL", "")
        for article in cases:
            page_url, page_save_as = _address(article, url, save_as, bool(of))
            article.approval_url = page_url
            approval = Approval(
                url=published_url(article, self.settings),
                referral_url=f"{siteurl}/{referral.format(slug=article.slug)}"
                if referral
                else None,
                fingerprint=of.get("text") if of else None,
                printed=of.get("printed") if of else None,
            )
            self.cases.append((article, page_save_as, approval))

    def generate_output(self, writer):
        if not self.cases:
            return
        # This generator has its own template environment: the filters the partials use.
        self.env.filters["case_fields"] = case_fields
        self.env.filters["reading_minutes"] = outline.reading_minutes
        template = self.get_template(TEMPLATE)
        with timed(self.context, "write approval copies (templates)"):
            for article, save_as, approval in self.cases:
                # `case_article`, not `article`: the sitemap would list it under the case's URL.
                writer.write_file(
                    save_as,
                    template,
                    self.context,
                    case_article=article,
                    approval=approval,
                    template_name=TEMPLATE,
                    url=article.approval_url,
                    relative_urls=self.settings["RELATIVE_URLS"],
                )


def add_generator(pelican):
    """Approval copies are written once the cases are read, judged and linked."""
    return ApprovalsGenerator


def build_copy(settings_file, content, output, of: dict, records: list) -> str | None:
    """Build the site as `settings_file` publishes it into `output`, with the approval copy of
    `of["slug"]`; the copy's path in `output` (None if it was not written). Log records of
    errors go to `records`, nothing is printed."""
    # Imported here: the commands that never build start faster without Pelican.
    from pelican import Pelican  # noqa: PLC0415
    from pelican.settings import read_settings  # noqa: PLC0415

    overrides = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CASEBOOK_STRICT": False,  # its problems are the command's to report, once
        "CASEBOOK_PREVIEW": False,  # no preview banner, links or scripts on the copy
        "CASEBOOK_PROBLEMS_SAVE_AS": "",
        "CASEBOOK_LIVE_RELOAD": False,
        "CASEBOOK_APPROVAL_OF": of,
        "LOAD_CONTENT_CACHE": False,
        "CACHE_CONTENT": False,
    }
    settings = read_settings(str(settings_file) if settings_file else None, override=overrides)
    save_as = casebook_settings(settings)["CASEBOOK_APPROVAL_SAVE_AS"]
    if not save_as:
        return None
    collect = _Collect(records)
    root = logging.getLogger()
    root.addHandler(collect)
    try:
        # Pelican prints what it built; the command says what it made instead.
        with contextlib.redirect_stdout(io.StringIO()):
            Pelican(settings).run()
    finally:
        root.removeHandler(collect)
    page = save_as.format(slug=of["slug"])
    return page if os.path.isfile(os.path.join(output, page)) else None


class _Collect(logging.Handler):
    """Keeps the build's errors for the command to show; every other message is dropped."""

    def __init__(self, records: list):
        super().__init__(logging.ERROR)
        self.records = records

    def emit(self, record):
        self.records.append(record)
