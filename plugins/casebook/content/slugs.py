"""Slugs and the site's own addresses: what Pelican makes of a text, and which names are taken."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from .settings import Settings

MAX_SLUG = 100
# Where a page standing in for a post that is not built goes, when its own slug is unsound.
STAND_IN_PREFIX = "not-built-"


# Output names every build writes at the site's root: no post may take one as its slug.
SITE_FILES = {
    "index.html": "the home page",
    "404.html": "the page-not-found page",
    "sitemap.xml": "the sitemap",
    "_redirects": "the redirect rules",
    "pagefind": "the search index",
    "page": "the later pages of the home page's list",
    "robots.txt": "the robots file",
}


# What Pelican's slugify leaves as it is, with its default substitutions.
PLAIN_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def make_slug(text: str, settings: Settings) -> str:
    """The slug Pelican would make of a text, with the site's own slug settings."""
    if (
        PLAIN_SLUG.fullmatch(text)
        and settings.get("SLUG_REGEX_SUBSTITUTIONS") == (DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])
    ):
        return text  # slugify, asked once per post, would give it back unchanged
    return str(
        slugify(
            text,
            regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"],
            preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
            use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
        )
    )


RESERVED_OWNERS = {
    "CONDITIONS_SAVE_AS": "the conditions index",
    "CONDITION_SAVE_AS": "the condition pages",
    "ARCHIVES_SAVE_AS": "the archives",
    "SEARCH_SAVE_AS": "the search page",
    "DRAFT_SAVE_AS": "the drafts",
    "DRAFT_PAGE_SAVE_AS": "the draft pages",
    "FEED_ALL_ATOM": "the feeds",
    "CONDITION_FEED_ATOM": "the condition feeds",
    "THEME_STATIC_DIR": "the theme's files",
    "CASE_TABLE_SAVE_AS": "the case table",
}


# Set by `make check` (cli/check.py --publish-settings): the addresses the publish settings
# reserve too (its feeds), so check refuses what `make publish` would.
ALSO_RESERVED = "CASEBOOK_ALSO_RESERVED"


def reserved_names(settings: Settings) -> dict[str, str]:
    """First path segments the site itself writes, and what lives there."""
    # Asked once per post: worked out once per set of values.
    values = tuple(str(settings.get(k) or "") for k in RESERVED_OWNERS)
    found = _reserved(values, tuple(settings.get("STATIC_PATHS") or ()))
    also = settings.get(ALSO_RESERVED)
    return {**also, **found} if also else found


@functools.lru_cache(maxsize=8)
def _reserved(values: tuple[str, ...], static_paths: tuple[str, ...]) -> dict[str, str]:
    names = dict(SITE_FILES)
    for value, what in zip(values, RESERVED_OWNERS.values(), strict=True):
        if value.strip("/"):
            first = value.strip("/").split("/")[0]
            if "{" not in first:
                names.setdefault(first.lower(), what)
    for folder in static_paths:
        first = folder.strip("/").split("/")[0]
        if first:
            names.setdefault(first.lower(), "the site's images and files")
    return names


def slug_of(text: str, settings: Settings, limit: int = MAX_SLUG) -> str:
    """The slug of a text, cut to `limit` characters without a hyphen at either end."""
    return make_slug(text, settings)[:limit].strip("-")


@dataclass(frozen=True)
class SlugFlaw:
    """Why a slug cannot be a permanent URL: taken by the site, not plain, or too long."""

    owner: str | None = None  # what of the site's own lives at that address
    plain: str | None = None  # the plain form of a slug that is not plain ("" if none)
    length: int | None = None  # the length of a slug that is too long


def slug_flaw(slug: str, settings: Settings, reserved: dict[str, str]) -> SlugFlaw | None:
    """What keeps `slug` from being a post's permanent URL, or None if it can be one."""
    owner = reserved.get(slug.lower())
    if owner:
        return SlugFlaw(owner=owner)
    plain = make_slug(slug, settings)
    if slug != plain:
        return SlugFlaw(plain=plain)
    if len(slug) > MAX_SLUG:
        return SlugFlaw(length=len(slug))
    return None


def is_sound(slug: str, settings: Settings) -> bool:
    """Whether `slug` can be a post's permanent URL."""
    return slug_flaw(slug, settings, reserved_names(settings)) is None


def stand_in_slug(slug: str | None, relpath: str, settings: Settings) -> str:
    """Where the page saying a post is not built goes: its own address if that is sound."""
    if slug and is_sound(slug, settings):
        return slug
    stem = make_slug(PurePosixPath(relpath).stem, settings)[:MAX_SLUG] or "post"
    return f"{STAND_IN_PREFIX}{stem}"


def reserved_owner(save_as: str, reserved: dict[str, str]) -> str | None:
    first = save_as.split("/")[0].lower()
    if first in reserved and not save_as.startswith("p/"):
        return f"{reserved[first]} (/{first}/)"
    return None
