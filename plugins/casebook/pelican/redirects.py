"""Old addresses of moved posts: an HTML redirect page at each, and a `_redirects` file."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from jinja2 import Environment
from markupsafe import Markup
from pelican.generators import Generator
from pelican.readers import ensure_metadata_list

from ..addresses import target
from ..content.problems import shown
from ..preview import session
from . import incremental

logger = logging.getLogger(__name__)

REDIRECTS_FILE = "_redirects"  # read by Netlify and Cloudflare Pages from the site's root
MARK = "<!-- casebook.redirects: this address has moved -->"

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
    source_path: str  # relative to the content folder, as the rule book names the file


def collect(contents: Iterable, settings: dict) -> list[Redirect]:
    """Every `redirect_from` address of the given articles and pages."""
    siteurl = settings.get("SITEURL") or ""
    base = urlsplit(siteurl).path.rstrip("/")
    found = []
    for content in contents:
        old = content.metadata.get("redirect_from") or []
        if isinstance(old, str):
            old = ensure_metadata_list(old)  # a `Key: value` header gives one line of text
        if not isinstance(old, list):
            continue  # the rule book has refused it, in words, for this file
        title = content.title  # text: the page template escapes it
        for path in old:
            found.append(
                Redirect(
                    old=str(path).strip(),
                    new=f"{siteurl}/{content.url}",
                    new_path=quote(f"{base}/{content.url}", safe="/%"),
                    title=title,
                    lang=getattr(content, "lang", None) or settings.get("DEFAULT_LANG", "en"),
                    source_path=content.relative_source_path.replace(os.sep, "/"),
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
        state = self.context.get("casebook")
        judged = getattr(state, "judged", None)
        accepted = judged.redirects if judged is not None else set()
        published = [
            *self.context.get("articles", []),
            *self.context.get("hidden_articles", []),
            *self.context.get("pages", []),
            *self.context.get("hidden_pages", []),
        ]
        # The rule book decided which old addresses may be answered, and reported the rest.
        redirects = [
            r for r in collect(published, self.settings) if (r.source_path, r.old) in accepted
        ]
        if not redirects:
            return
        path_rules, query_rules = [], []
        for redirect in sorted(redirects, key=lambda r: (r.source_path, r.old)):
            found = target(redirect.old)
            if found is None:
                continue  # the rule book accepted only addresses a static site can answer
            output = os.path.join(self.output_path, found.save_as)
            if os.path.exists(output) and not _ours(output):
                # Written by something the rule book does not know of: never overwrite it.
                logger.debug("%s: left as it is, not a redirect page", shown(output))
                continue
            os.makedirs(os.path.dirname(output), exist_ok=True)
            with open(output, "w", encoding="utf-8") as file:
                file.write(page(redirect))
            _written(self.context, found.save_as)
            path_rules.append(f"{found.path} {redirect.new_path} 301")
            if found.query_rule:
                query_rules.append(found.query_rule)
        lines = [*path_rules, *dict.fromkeys(query_rules)]
        with open(os.path.join(self.output_path, REDIRECTS_FILE), "w", encoding="utf-8") as file:
            file.write(redirects_file(lines))
        _written(self.context, REDIRECTS_FILE)


def _written(context, save_as: str) -> None:
    """Tell a preview session (or the build cache) of a redirect page, so it goes when its
    `redirect_from` does."""
    current = session.active()
    if current is not None and current.current is not None:
        current.current.redirects.append(save_as)
    incremental.wrote(context, save_as)


def add_generator(pelican):
    """Redirect pages are written after every page but static files, so clashes are visible."""
    return RedirectsGenerator
