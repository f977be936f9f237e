"""Old addresses of moved posts: an HTML redirect page at each, and a `_redirects` file."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from jinja2 import Environment
from markupsafe import Markup
from pelican.generators import Generator
from pelican.readers import ensure_metadata_list

from .problems import shown

logger = logging.getLogger(__name__)

REDIRECTS_FILE = "_redirects"  # read by Netlify and Cloudflare Pages from the site's root
MARK = "<!-- casebook.redirects: this address has moved -->"
# A query value that can become a folder name: WordPress ids and slugs.
QUERY_VALUE = re.compile(r"[A-Za-z0-9_-]+")

# Rendered with autoescape, as the theme is: a title or a slug can add no markup.
PAGE = Environment(autoescape=True, keep_trailing_newline=True).from_string(
    """\
<!DOCTYPE html>
{{ mark }}
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Moved: {{ title }}</title>
<link rel="canonical" href="{{ url }}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={{ url }}">
</head>
<body>
<p>This page has moved to <a href="{{ url }}">{{ title }}</a>.</p>
</body>
</html>
"""
)


@dataclass(frozen=True)
class Redirect:
    """One old address of a post, and where the post lives now."""

    old: str  # as in `redirect_from`: /2009/06/18/old-slug/ or /?p=123
    new: str  # absolute with SITEURL when it is set
    new_path: str  # site-relative, for `_redirects`
    title: str
    lang: str
    source_path: str


@dataclass(frozen=True)
class Target:
    """Where a static host answers an old address: a file, and a `_redirects` line."""

    save_as: str  # relative to the output folder
    path: str  # the address of that file, for `_redirects`
    query_rule: str | None  # the `_redirects` line sending `?key=value` to `path`


def target(old: str) -> Target | None:
    """The file that answers an old address; None if a static site cannot answer it."""
    parts = urlsplit(old)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    folders = [p for p in unquote(parts.path).split("/") if p]
    if any(p in (".", "..") or "\\" in p for p in folders):
        return None  # never write outside the output folder
    prefix = "/" + "".join(f"{p}/" for p in folders)
    query = parse_qsl(parts.query, keep_blank_values=True)
    if query:
        # A file cannot answer ?p=123, so it gets a folder of its own (/p/123/), and one
        # `_redirects` rule per parameter sends every ?p=N there. Netlify's rules match
        # parameters by placeholder, not by value; `!` lets the rule win over index.html.
        if len(query) != 1 or not QUERY_VALUE.fullmatch(query[0][1]):
            return None
        key, value = query[0]
        if not QUERY_VALUE.fullmatch(key):
            return None
        here = quote(f"{prefix}{key}/")
        rule = f"{quote(unquote(parts.path))} {key}=:value {here}:value/ 301!"
        return Target("/".join([*folders, key, value, "index.html"]), f"{here}{value}/", rule)
    if not folders:
        return None  # the home page is never an old address of one post
    if old.endswith("/") or "." not in folders[-1]:
        return Target("/".join([*folders, "index.html"]), quote(prefix), None)
    return Target("/".join(folders), quote(parts.path), None)


def collect(contents: Iterable, settings: dict) -> list[Redirect]:
    """Every `redirect_from` address of the given articles and pages."""
    siteurl = settings.get("SITEURL") or ""
    base = urlsplit(siteurl).path.rstrip("/")
    found = []
    for content in contents:
        old = content.metadata.get("redirect_from") or []
        if isinstance(old, str):
            old = ensure_metadata_list(old)  # a `Key: value` header gives one line of text
        title = content.title  # text: the page template escapes it
        for path in old:
            found.append(
                Redirect(
                    old=str(path).strip(),
                    new=f"{siteurl}/{content.url}",
                    new_path=quote(f"{base}/{content.url}", safe="/%"),
                    title=title,
                    lang=getattr(content, "lang", None) or settings.get("DEFAULT_LANG", "en"),
                    source_path=content.source_path,
                )
            )
    return found


def page(redirect: Redirect) -> str:
    """A redirect page: refresh at once, canonical link, and a link to follow by hand."""
    # A space or a quote in a slug is percent-encoded, so the address is a valid URL.
    return PAGE.render(
        mark=Markup(MARK),  # noqa: S704 - our own constant comment
        lang=redirect.lang,
        title=redirect.title,
        url=quote(redirect.new, safe=":/%"),
    )


def redirects_file(lines: Iterable[str]) -> str:
    """The `_redirects` file: path rules first, then the query rules that lead to them."""
    return "# Old addresses of moved posts, written by casebook.redirects\n" + "".join(
        f"{line}\n" for line in lines
    )


def _ours(path: str) -> bool:
    """Whether a file in the output is a redirect page an earlier build wrote."""
    try:
        with open(path, encoding="utf-8") as file:
            return MARK in file.read(200)
    except (OSError, UnicodeDecodeError):
        return False


class RedirectsGenerator(Generator):
    """Writes a redirect page at every old address, and `_redirects`; fresh for every build."""

    def generate_output(self, writer):
        del writer  # the pages are not theme templates: written directly
        published = [
            *self.context.get("articles", []),
            *self.context.get("hidden_articles", []),
            *self.context.get("pages", []),
            *self.context.get("hidden_pages", []),
        ]
        redirects = collect(published, self.settings)
        if not redirects:
            return
        # Static files are copied after this generator runs: know their places now.
        everything = [
            *published,
            *self.context.get("drafts", []),
            *self.context.get("draft_pages", []),
            *self.context.get("staticfiles", []),
        ]
        owners = {c.save_as: c.source_path for c in everything if c.save_as}
        claimed, path_rules, query_rules = {}, [], []
        for redirect in sorted(redirects, key=lambda r: (r.source_path, r.old)):
            where = shown(redirect.source_path)
            found = target(redirect.old)
            if found is None:
                logger.warning(
                    "%s: redirect_from '%s' cannot be answered by a static site; write it "
                    "as a path like /2009/06/18/old-slug/ or /?p=123, or remove it",
                    where,
                    redirect.old,
                )
                continue
            output = os.path.join(self.output_path, found.save_as)
            owner = claimed.get(found.save_as)
            if owner is not None:
                if owner.new != redirect.new:
                    logger.warning(
                        "%s: redirect_from '%s' is also claimed by %s; keep it on one post",
                        where,
                        redirect.old,
                        shown(owner.source_path),
                    )
                continue
            real = owners.get(found.save_as)
            if real is None and os.path.exists(output) and not _ours(output):
                real = output  # a page of the theme or another plugin
            if real is not None:
                logger.warning(
                    "%s: redirect_from '%s' is the address of %s; remove it from redirect_from",
                    where,
                    redirect.old,
                    shown(real),
                )
                continue
            claimed[found.save_as] = redirect
            os.makedirs(os.path.dirname(output), exist_ok=True)
            with open(output, "w", encoding="utf-8") as file:
                file.write(page(redirect))
            path_rules.append(f"{found.path} {redirect.new_path} 301")
            if found.query_rule:
                query_rules.append(found.query_rule)
        lines = [*path_rules, *dict.fromkeys(query_rules)]
        with open(os.path.join(self.output_path, REDIRECTS_FILE), "w", encoding="utf-8") as file:
            file.write(redirects_file(lines))


def add_generator(pelican):
    """Redirect pages are written after every page but static files, so clashes are visible."""
    return RedirectsGenerator
