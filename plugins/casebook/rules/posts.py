"""Rules of one post or page: its keys, title, slug, status, dates, body sections and markup."""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass

from ..addresses import target as redirect_target
from ..content.corpus import Kind
from ..content.problems import Level, Problem
from ..content.settings import Settings, page_order_key, site_today
from ..content.slugs import MAX_SLUG, make_slug, reserved_names, slug_flaw
from ..content.source import Source
from ..content.values import (
    MAX_TITLE,
    PUBLIC,
    STATUSES,
    Status,
    as_datetime,
    cut,
    date_problem,
    short,
    status_of,
    text_list,
)
from . import markup
from .cases import check_case
from .characters import check_characters
from .fields import blocking_fields, check_fields
from .markup.render import Rendered, shown_summary

# Keys Casebook and Pelican read on a post or page; any other is a typo or unused.
POST_KEYS = frozenset(
    "title date modified slug tags summary status case follows followup_announced "
    "redirect_from privacy_ok photo_consent page_order menu_label lang translation author "
    "authors category".split()
)

# Keys that would write a page somewhere else than its slug says, or with another
# template: a permanent URL comes from `slug:` alone.
PLACEMENT_KEYS = ("url", "save_as", "template", "path")


# Headings `make newcase` writes; left without text under them, they are template leftovers.
EMPTY_SECTION = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")


@dataclass(frozen=True)
class Post:
    """What the checks across files need to know of one article or page."""

    source: Source
    kind: Kind  # ARTICLE or PAGE
    slug: str | None
    status: str
    date: datetime.datetime | None


def slug_hint(source: Source, settings: Settings) -> str:
    """The slug a post would get from its title, to suggest when `slug:` is missing."""
    title = source.meta.get("title")
    slug = make_slug(str(title), settings)[:MAX_SLUG].strip("-") if title else ""
    return slug or "a-short-name"


def slug_problem(slug: str, settings: Settings, reserved: dict[str, str]) -> str | None:
    """What is wrong with a slug as a permanent URL, or None."""
    flaw = slug_flaw(slug, settings, reserved)
    if flaw is None:
        return None
    if flaw.owner:
        return (
            f"slug: '{slug}' is the address of {flaw.owner} (/{slug}/); choose another slug, "
            "e.g. one that names the condition and the client's pseudonym"
        )
    if flaw.plain is not None:
        safe = flaw.plain
        hint = f"write `slug: {safe}`" if safe else "use lower-case letters, digits and hyphens"
        return (
            f"slug: '{cut(slug)}' is not a plain URL (only lower-case letters, digits and "
            f"hyphens can be); {hint}"
        )
    return f"slug: {flaw.length} characters; keep it under {MAX_SLUG}, it is the post's address"


def blocking(
    source: Source, kind: Kind, rendered: Rendered | None = None, settings: Settings | None = None
) -> list[Problem]:
    """The errors that leave a post nothing safe to build (a stand-in page says why).

    Without a title, a status Pelican knows, or dates it can read, Pelican cannot place a
    post at all. Markup the rules refuse is one: even a preview must not hold it. Called
    twice by the build's reader: before the body is rendered (`rendered` None: the raw HTML
    rule, so a body it refuses is never rendered, where Python-Markdown is slowest), then
    with the HTML it became. A summary counts where it is HTML: in the feeds of a build that
    writes feeds; every page shows it as text.
    """
    if not source.readable:
        return list(source.problems)
    if rendered is not None:
        settings = settings or {}
        found = _rendered_markup(source, rendered, settings)
        return found if writes_feeds(settings) else [p for p in found if p.key != "summary"]
    # A title too long is shown all the same; a missing one leaves nothing to show.
    found = [p for p in _title(source) if " characters; " not in p.message]
    status, problems = _status(source)
    found += problems + _dates(source, kind, status)[1] + check_characters(source)
    order_key = page_order_key(settings) if kind == Kind.PAGE and settings else None
    found += [p for p in blocking_fields(source, order_key) if p.key not in ("date", "modified")]
    return found + _body_markup(source)


def writes_feeds(settings: Settings) -> bool:
    """Whether a build with these settings writes a feed (where summaries are HTML)."""
    return any(
        value for key, value in settings.items() if "FEED_" in key and key.endswith(("ATOM", "RSS"))
    )


def _body_markup(source: Source) -> list[Problem]:
    return [
        source.at(message, line)
        for line, message in markup.raw_html_problems(source.body, source.body_start)
    ]


def check_markup(source: Source, rendered: Rendered, settings: Settings) -> list[Problem]:
    """Markup in the body and summary that would run, call another host, or break the page.

    The raw HTML as written first; only a body without such problems is judged as rendered
    (as the build renders only such a body).
    """
    return _body_markup(source) or _rendered_markup(source, rendered, settings)


def _rendered_markup(source: Source, rendered: Rendered, settings: Settings) -> list[Problem]:
    """The body's HTML, and the summary as lists and feeds show it: the front matter's, else
    Pelican's cut of the body."""
    text, first = (source.body, source.body_start) if source.is_yaml else (source.text, 1)
    found = [
        source.at(message, line)
        for line, message in markup.rendered_problems(rendered.body, text, first)
    ]
    summary = source.meta.get("summary")
    if summary is not None:
        line = source.line("summary")
        given = "\n".join(map(str, summary)) if isinstance(summary, list) else str(summary)
        found += [
            source.at(f"summary: {message}", line, "summary")
            for _line, message in markup.rendered_problems(
                shown_summary(rendered, settings), given, line
            )
        ]
    elif not found:
        found += [
            source.at(f"summary (made from the start of the text): {message}", line, "summary")
            for line, message in markup.rendered_problems(
                shown_summary(rendered, settings), text, first, made=True
            )
        ]
    return found


def _title(source: Source) -> list[Problem]:
    title = str(source.meta.get("title", "")).strip()
    if not title:
        return [source.problem("title: missing; add `title: <the post's title>`", "title")]
    if len(title) > MAX_TITLE:
        return [
            source.problem(
                f"title: {len(title)} characters; keep a title under {MAX_TITLE}, it is shown "
                "in lists, browser tabs and link previews",
                "title",
            )
        ]
    return []


def _status(source: Source) -> tuple[str, list[Problem]]:
    status = status_of(source)
    if status in STATUSES:
        return status, []
    return status, [
        source.problem(
            f"status: '{cut(status)}' is not one of {', '.join(STATUSES)}; Pelican skips the post",
            "status",
        )
    ]


def check_post(source: Source, kind: Kind, settings: Settings) -> tuple[Post, list[Problem]]:
    """The front matter of one article or page: required keys and their types."""
    meta = source.meta
    problems = _title(source)
    slug, found = _slug(source, settings)
    problems += found
    status, found = _status(source)
    problems += found
    date, found = _dates(source, kind, status)
    problems += found
    order_key = page_order_key(settings)
    if kind == Kind.PAGE and order_key and order_key not in meta:
        problems.append(
            source.problem(
                f"{order_key}: missing; add `{order_key}: N`, the page's place in the menu "
                f"(the site orders pages by it)"
            )
        )
    for key in ("tags", "privacy_ok"):
        problems += text_list(source, key)[1]
    if "follows" in meta and not isinstance(meta["follows"], str):
        problems.append(
            source.problem(
                f"follows: {short(meta['follows'])} is not text; set it to the slug of the "
                "earlier post",
                "follows",
            )
        )
    problems += _redirect_format(source)
    problems += [
        p
        for p in check_fields(source, order_key if kind == Kind.PAGE else None)
        if p.key not in ("date", "modified")  # _dates' to say
    ]
    problems += _keys(source)
    if "case" in meta:
        problems += check_case(source, status)
    if status == "published" and date and not settings.get("WITH_FUTURE_DATES", True):
        today = site_today(settings)
        if date.date() > today:
            status = "draft"  # Pelican holds it back until its day
    return Post(source, kind, slug, status, date), problems


def _slug(source: Source, settings: Settings) -> tuple[str | None, list[Problem]]:
    """The slug the post is built at (None if refused), and what is wrong with it."""
    slug = source.meta.get("slug")
    if slug is None or not str(slug).strip():
        missing = source.problem(
            f"slug: missing; add `slug: {slug_hint(source, settings)}`; it becomes the "
            "permanent URL",
            "slug",
        )
        # Pelican makes one from the title meanwhile; it is built there if that is sound.
        title = str(source.meta.get("title") or "").strip()
        derived = make_slug(title, settings) if title else ""
        if derived and slug_problem(derived, settings, reserved_names(settings)) is None:
            return derived, [missing]
        return None, [missing]
    if not isinstance(slug, str | int) or isinstance(slug, bool):
        return None, [
            source.problem(f"slug: {short(slug)} is not text; write it in quotes", "slug")
        ]
    slug = str(slug).strip()
    wrong = slug_problem(slug, settings, reserved_names(settings))
    return (None, [source.problem(wrong, "slug")]) if wrong else (slug, [])


def _dates(
    source: Source, kind: Kind, status: str
) -> tuple[datetime.datetime | None, list[Problem]]:
    meta, problems, date = source.meta, [], None
    for key in ("date", "modified"):
        if key not in meta:
            continue
        found = date_problem(meta[key])
        if found:
            problems.append(source.problem(f"{key}: {found}", key))
        elif key == "date":
            date = as_datetime(meta["date"])
    if "date" not in meta and kind == Kind.ARTICLE and status != Status.DRAFT:
        problems.append(
            source.problem(
                "date: missing; add `date: YYYY-MM-DD`, the day the post was written", "date"
            )
        )
    return date, problems


def _redirect_format(source: Source) -> list[Problem]:
    old, problems = text_list(source, "redirect_from")
    return problems + [
        source.problem(
            f"redirect_from: '{cut(path)}' cannot be answered by a static site; write it as a "
            "path on this site, like /2009/06/18/old-slug/ or /?p=123",
            "redirect_from",
        )
        for path in old
        if redirect_target(path) is None
    ]


def _keys(source: Source) -> list[Problem]:
    """Keys that move a page away from its slug (errors), and keys nothing reads (warnings)."""
    problems = []
    for key in source.meta:
        if key in PLACEMENT_KEYS:
            problems.append(
                source.problem(
                    f"{key}: not allowed; a post's address and layout come from `slug:` "
                    "and the theme, so a link shared with a doctor never changes: remove it",
                    key,
                )
            )
        elif key not in POST_KEYS:
            close = difflib.get_close_matches(key, POST_KEYS, n=1)
            hint = f"did you mean `{close[0]}`? " if close else ""
            problems.append(
                source.problem(
                    f"{cut(key, 40)}: not a key the site reads, so it is never shown; {hint}"
                    "fix or remove it",
                    key,
                    level=Level.WARNING,
                )
            )
    return problems


def check_body(source: Source, status: str) -> list[Problem]:
    """Sections left empty from the template, and a post with no text at all."""
    if status not in PUBLIC:
        return []
    rows = source.text.split("\n")[source.body_start - 1 :]
    problems: list[Problem] = []
    heading: str | None = None
    heading_line = source.body_start
    has_text = written = in_code = False
    for number, row in enumerate(rows, start=source.body_start):
        if row.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        match = None if in_code else EMPTY_SECTION.match(row)
        if match:
            if heading is not None and not has_text:
                problems.append(_empty_section(source, heading, heading_line))
            heading, heading_line, has_text = match.group(2), number, False
        elif row.strip():
            has_text = written = True
    if heading is not None and not has_text:
        problems.append(_empty_section(source, heading, heading_line))
    if not written and heading is None:
        problems.append(
            source.problem(
                "the post has no text below its front matter; write it, or keep it as "
                "`status: draft`",
            )
        )
    return problems


def _empty_section(source: Source, heading: str, line: int) -> Problem:
    return source.at(
        f"section '{cut(heading)}' has no text; write it or remove the heading",
        line,
    )
