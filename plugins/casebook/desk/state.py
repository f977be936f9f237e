"""What one running desk knows: its project, content folder, settings, rule book and token."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..content import corpus
from ..content.corpus import POSTS, File
from ..content.settings import Settings, casebook_settings
from ..content.slugs import MAX_SLUG
from ..rules import fields
from .checking import Checker
from .publishing import Publisher

HERE = Path(__file__).resolve().parent


def templates() -> Environment:
    """The desk's own templates (never the site's theme), escaping every value."""
    return Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


@dataclass
class Desk:
    """One desk, for as long as `make write` runs."""

    root: Path  # the project: Makefile, settings files, deploy.json
    content: Path
    content_given: str  # the content folder as `make write` named it (INPUTDIR)
    settings: Settings
    checker: Checker
    publisher: Publisher
    preview_url: str  # the preview server, e.g. http://127.0.0.1:8000/
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    pages: Environment = field(default_factory=templates)

    def file(self, relpath: str) -> File | None:
        """The post, page or condition file at `relpath` (as the corpus lists it), or None.

        A path from a request is never joined to a folder: it must be one the content
        folder's own listing has, so `../`, links out and other files are simply not found.
        """
        for fresh in (False, True):
            listing = corpus.files(self.content, self.settings) if fresh else self.checker.files
            for file in listing:
                if file.relpath == relpath and file.kind in POSTS:
                    return file
        return None

    def preview_address(
        self, relpath: str, slug: str | None, status: str, kind: str, lang: object = None
    ) -> str | None:
        """Where the preview shows a file, or None (not built at its own address yet)."""
        settings = self.settings
        if kind == "condition":
            stem = PurePosixPath(relpath).stem
            pattern = str(settings.get("CONDITION_URL") or "conditions/{slug}/")
            return self.preview_url + pattern.format(slug=stem)
        if not slug or len(slug) > MAX_SLUG:
            return None
        draft = status == "draft"
        if kind == "page":
            key = "DRAFT_PAGE_URL" if draft else "PAGE_URL"
        else:
            key = "DRAFT_URL" if draft else "ARTICLE_URL"
        # A post in another language lives under it (pelicanconf's *_LANG_URL), as Pelican
        # puts it; a value that is no language tag is the rule book's error, not an address.
        other = isinstance(lang, str) and lang != settings.get("DEFAULT_LANG", "en")
        if (
            other
            and fields.is_language(str(lang))
            and settings.get(key.replace("_URL", "_LANG_URL"))
        ):
            key = key.replace("_URL", "_LANG_URL")
        pattern = str(settings.get(key) or "{slug}.html")
        return self.preview_url + pattern.format(slug=slug, lang=lang)

    @property
    def conditions_folder(self) -> str:
        return str(casebook_settings(self.settings)["CONDITIONS_PATH"])
