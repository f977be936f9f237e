"""The rule book: every content rule and its message, for the build and `make check` alike.

`judge()` takes every file under content/ (from corpus) with the Sources of its
posts, pages and condition files (from source), and returns every Problem. The
build and `make check` both call it; they differ only in how they show a Problem.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from lxml import etree
from pelican.readers import ensure_metadata_list
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import get_date, slugify

from . import followups, markup, practice, privacy
from . import vocabulary as vocab
from .addresses import target as redirect_target
from .cases import CASE_KEYS, FIELDS, STATUS_VALUES, filled, outcome_status
from .content.corpus import IMAGES, File
from .content.problems import Problem, sort_key
from .content.settings import SETTINGS_FILE, Settings, today
from .content.source import Source, decode
from .icd10 import CodeBook, unknown_code
from .lintcache import LintCache

STATUSES = ("published", "draft", "hidden")
PUBLIC = ("published", "hidden")  # written at their URL for anyone to read
MAX_TITLE = 200
MAX_SLUG = 100
STAND_IN_PREFIX = "not-built-"  # the address of a page standing in for a post that is not
# Keys Casebook and Pelican read on a post or page; any other is a typo or unused.
POST_KEYS = frozenset(
    "title date modified slug tags summary status case follows followup_announced "
    "redirect_from privacy_ok page_order menu_label lang translation author authors "
    "category".split()
)
# Keys that would write a page somewhere else than its slug says, or with another
# template: a permanent URL comes from `slug:` alone.
PLACEMENT_KEYS = ("url", "save_as", "template", "path")
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
# The explanation `make condition` writes into a new condition file: `make check` refuses
# the file until the practitioner has replaced it with their own.
CONDITION_PLACEHOLDER = "Write here what this condition is"
# Headings `make newcase` writes; left without text under them, they are template leftovers.
EMPTY_SECTION = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
# Words that tell a reader to see a doctor: in a condition's text they belong in `red_flags:`,
# which the page shows in a box of its own ("When to see a doctor straight away"). Not
# "immediately" or "right away": relief can come right away too.
SEE_A_DOCTOR = re.compile(
    r"\b(?:straight away|urgent(?:ly)?|emergency|call 911|"
    r"(?:see|seen by|assessed by|checked by|needs?|ask) (?:a |your )?(?:physician|doctor|GP)\b|"
    r"(?:physician|doctor)'s (?:attention|assessment)|medical (?:attention|assessment|advice))",
    re.IGNORECASE,
)


@dataclass
class Judged:
    """What the rule book found: every problem, and the decisions the build acts on."""

    problems: list[Problem]
    vocabulary: vocab.Vocabulary
    # path -> the slug the post is built at; missing: not built at its own URL.
    slugs: dict[str, str] = field(default_factory=dict)
    # (path, old address) of every `redirect_from` the build may answer.
    redirects: set[tuple[str, str]] = field(default_factory=set)


@dataclass(frozen=True)
class Post:
    """What the checks across files need to know of one article or page."""

    source: Source
    kind: str  # "article" or "page"
    slug: str | None
    status: str
    date: datetime.datetime | None


# --- small readers of front-matter values ------------------------------------------------


def as_datetime(value: object) -> datetime.datetime | None:
    """A front-matter date as a datetime, or None if it is not one (as Pelican reads it)."""
    if isinstance(value, datetime.datetime):
        return value
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day)
    try:
        found: datetime.datetime = get_date(str(value).replace("_", " "))
        return found
    except (ValueError, TypeError, OverflowError):
        return None


def text_list(source: Source, key: str) -> tuple[list[str], list[Problem]]:
    """A list-of-text key: a YAML list, or in a `Key: value` header a comma-separated line."""
    value = source.meta.get(key)
    if value is None:
        return [], []
    if not source.is_yaml:
        return ensure_metadata_list(value), []
    if not isinstance(value, list):
        return [], [
            source.problem(
                f"{key}: write a YAML list, e.g. `{key}: [Neck pain, Tension headache]`; "
                "plain text is read as one item, commas and all",
                key,
            )
        ]
    items, problems = [], []
    for position, item in enumerate(value, start=1):
        if isinstance(item, str) and item.strip():
            items.append(item.strip())
        elif item is not None:
            problems.append(
                source.problem(
                    f"{key}: item {position} ({_short(item)}) is not text; put it in quotes "
                    "or remove it",
                    key,
                )
            )
    return items, problems


def _short(value: object, limit: int = 60) -> str:
    """A value as a message quotes it: repr, cut short, so a huge value stays one short line."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def status_of(source: Source) -> str:
    """The post's status as written ('published' when none is given)."""
    return str(source.meta.get("status", "published")).strip() or "published"


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


def slug_hint(source: Source, settings: Settings) -> str:
    """The slug a post would get from its title, to suggest when `slug:` is missing."""
    title = source.meta.get("title")
    slug = make_slug(str(title), settings)[:MAX_SLUG].strip("-") if title else ""
    return slug or "a-short-name"


def page_order_key(settings: Settings) -> str | None:
    """The key pages must carry when the site orders them by one (PAGE_ORDER_BY)."""
    order_by = settings.get("PAGE_ORDER_BY")
    if not isinstance(order_by, str):
        return None
    key = order_by.removeprefix("reversed-")
    # Pelican sorts by file name for 'basename'; every page has a slug and a title.
    return None if key in ("basename", "slug", "title", "") else key


# --- slugs and the site's own addresses --------------------------------------------------


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


def reserved_names(settings: Settings) -> dict[str, str]:
    """First path segments the site itself writes, and what lives there."""
    # Asked once per post: worked out once per set of values.
    values = tuple(str(settings.get(k) or "") for k in RESERVED_OWNERS)
    return _reserved(values, tuple(settings.get("STATIC_PATHS") or ()))


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


def slug_problem(slug: str, settings: Settings, reserved: dict[str, str]) -> str | None:
    """What is wrong with a slug as a permanent URL, or None."""
    owner = reserved.get(slug.lower())
    if owner:
        return (
            f"slug: '{slug}' is the address of {owner} (/{slug}/); choose another slug, "
            "e.g. one that names the condition and the client's pseudonym"
        )
    safe = make_slug(slug, settings)
    if slug != safe:
        hint = f"write `slug: {safe}`" if safe else "use lower-case letters, digits and hyphens"
        return (
            f"slug: '{_cut(slug)}' is not a plain URL (only lower-case letters, digits and "
            f"hyphens can be); {hint}"
        )
    if len(slug) > MAX_SLUG:
        return f"slug: {len(slug)} characters; keep it under {MAX_SLUG}, it is the post's address"
    return None


def _cut(text: str, limit: int = 60) -> str:
    """Text as a message quotes it: one line, cut short."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def stand_in_slug(slug: str | None, relpath: str, settings: Settings) -> str:
    """Where the page saying a post is not built goes: its own address if that is sound."""
    if slug and slug_problem(slug, settings, reserved_names(settings)) is None:
        return slug
    stem = make_slug(PurePosixPath(relpath).stem, settings)[:MAX_SLUG] or "post"
    return f"{STAND_IN_PREFIX}{stem}"


# --- one post or page --------------------------------------------------------------------


def blocking(source: Source, kind: str) -> list[Problem]:
    """The errors that leave a post nothing safe to build (a stand-in page says why).

    Without a title, a status Pelican knows, or dates it can read, Pelican cannot place a
    post at all. Raw HTML the rule refuses in the body is one: even a preview must not run it, and
    rendering such a body is where Python-Markdown is slowest. (A summary is shown as
    text everywhere, so its problems are reported but do not stop the build.)
    """
    if not source.readable:
        return list(source.problems)
    # A title too long is shown all the same; a missing one leaves nothing to show.
    found = [p for p in _title(source) if " characters; " not in p.message]
    status, problems = _status(source)
    found += problems + _dates(source, kind, status)[1]
    return found + _body_markup(source)


def _body_markup(source: Source) -> list[Problem]:
    return [
        Problem(source.path, message, line)
        for line, message in markup.raw_html_problems(source.body, source.body_start)
    ]


def check_markup(source: Source) -> list[Problem]:
    """Raw HTML and URLs in the body and summary that would run, call another host, or break."""
    found = _body_markup(source)
    summary = source.meta.get("summary")
    if isinstance(summary, str) and source.is_yaml:
        line = source.line("summary")
        found += [
            Problem(source.path, message, line)
            for _line, message in markup.raw_html_problems(summary, line)
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
            f"status: '{_cut(status)}' is not one of {', '.join(STATUSES)}; Pelican skips the post",
            "status",
        )
    ]


def check_post(source: Source, kind: str, settings: Settings) -> tuple[Post, list[Problem]]:
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
    if kind == "page" and order_key and order_key not in meta:
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
                f"follows: {_short(meta['follows'])} is not text; set it to the slug of the "
                "earlier post",
                "follows",
            )
        )
    problems += _redirect_format(source)
    problems += _keys(source)
    if "case" in meta:
        problems += check_case(source, status)
    if status == "published" and date and not settings.get("WITH_FUTURE_DATES", True):
        today = datetime.datetime.now(ZoneInfo(settings.get("TIMEZONE") or "UTC")).date()
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
            source.problem(f"slug: {_short(slug)} is not text; write it in quotes", "slug")
        ]
    slug = str(slug).strip()
    wrong = slug_problem(slug, settings, reserved_names(settings))
    return (None, [source.problem(wrong, "slug")]) if wrong else (slug, [])


def _dates(
    source: Source, kind: str, status: str
) -> tuple[datetime.datetime | None, list[Problem]]:
    meta, problems, date = source.meta, [], None
    if "date" in meta:
        date = as_datetime(meta["date"])
        if date is None:
            problems.append(
                source.problem(
                    f"date: {_short(meta['date'])} is not a date; write it as YYYY-MM-DD, "
                    "e.g. 2009-06-18",
                    "date",
                )
            )
    elif kind == "article" and status != "draft":
        problems.append(
            source.problem(
                "date: missing; add `date: YYYY-MM-DD`, the day the post was written", "date"
            )
        )
    if "modified" in meta and as_datetime(meta["modified"]) is None:
        problems.append(
            source.problem(
                f"modified: {_short(meta['modified'])} is not a date; write it as YYYY-MM-DD",
                "modified",
            )
        )
    return date, problems


def _redirect_format(source: Source) -> list[Problem]:
    old, problems = text_list(source, "redirect_from")
    return problems + [
        source.problem(
            f"redirect_from: '{_cut(path)}' cannot be answered by a static site; write it as a "
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
                    f"{_cut(key, 40)}: not a key the site reads, so it is never shown; {hint}"
                    "fix or remove it",
                    key,
                    level="warning",
                )
            )
    return problems


def check_case(source: Source, status: str = "published") -> list[Problem]:
    """The `case:` block: a mapping of known fields, a whole number of sessions, consent."""
    case = source.meta["case"]
    if not isinstance(case, dict):
        return [
            source.problem(
                "case: must be a block of `key: value` lines indented under `case:`; "
                "start from `make newcase`",
                "case",
            )
        ]
    problems = []
    for key in case:
        if key not in CASE_KEYS:
            close = difflib.get_close_matches(str(key), CASE_KEYS, n=1)
            hint = f"did you mean `{close[0]}`? " if close else ""
            problems.append(
                source.problem(
                    f"case.{_cut(key, 40)}: not a case field, so it is never shown; {hint}"
                    f"the fields are {', '.join(CASE_KEYS)}",
                    "case",
                    str(key),
                )
            )
    sessions = case.get("sessions")
    if sessions is not None and (
        isinstance(sessions, bool) or not isinstance(sessions, int) or sessions < 0
    ):
        problems.append(
            source.problem(
                f"case.sessions: {_short(sessions)} is not a whole number; write it in digits, "
                "e.g. `sessions: 10`",
                "case",
                "sessions",
            )
        )
    problems += _outcome_status(source, case, status)
    problems += _consent(source, case, status)
    client = case.get("client")
    if client is None or (isinstance(client, str) and not client.strip()):
        problems.append(
            source.problem(
                "case.client: missing; add a pseudonym, a first name and an initial, "
                "e.g. `client: Ana R.`",
                "case",
                "client",
            )
        )
    elif not isinstance(client, str):
        problems.append(
            source.problem(
                f"case.client: {_short(client)} is not text; write a pseudonym like "
                "`client: Ana R.`",
                "case",
                "client",
            )
        )
    if status in PUBLIC:
        problems += _unfinished_case(source, case)
    return problems


def _outcome_status(source: Source, case: dict[str, Any], status: str) -> list[Problem]:
    """`outcome_status`: a value of the fixed vocabulary; a published case must give one."""
    value = case.get("outcome_status")
    choices = ", ".join(STATUS_VALUES)
    if not filled(value):
        if status not in PUBLIC:
            return []
        return [
            source.problem(
                f"case.outcome_status: missing; add the one that says how the case ended: "
                f"{choices} (the condition pages count it), or keep the case as "
                "`status: draft`",
                "case",
                "outcome_status",
            )
        ]
    if outcome_status(value) is not None:
        return []
    hint = ""
    if isinstance(value, str) and len(value) <= 100:
        words = " ".join(value.split()).casefold()
        # A near spelling, or one word of a value ("maintenance" for the visits).
        close = difflib.get_close_matches(words, STATUS_VALUES, n=1) or [
            v for v in STATUS_VALUES if len(words) > 3 and words in v.split()
        ]
        hint = f"did you mean `{close[0]}`? " if close else ""
    return [
        source.problem(
            f"case.outcome_status: {_short(value)} is not an outcome status; {hint}"
            f"write one of: {choices}",
            "case",
            "outcome_status",
        )
    ]


def _consent(source: Source, case: dict[str, Any], status: str) -> list[Problem]:
    consent = case.get("consent")
    if consent is not None and not isinstance(consent, bool):
        return [
            source.problem(
                f"case.consent: {_short(consent)} is not true or false; write `consent: true` "
                "(no quotes) once written consent is on file",
                "case",
                "consent",
            )
        ]
    if consent is not True and status in PUBLIC:
        return [
            source.problem(
                "case.consent: no consent: a case without `consent: true` never publishes; "
                "set it once the client's written consent is on file, or keep the case as "
                "`status: draft` until then",
                "case",
                "consent",
            )
        ]
    return []


SPECIAL_FIELDS = ("client", "outcome_status")


def _unfinished_case(source: Source, case: dict[str, Any]) -> list[Problem]:
    """A published case must fill its summary box, its conditions and its summary."""
    problems = []
    for f in FIELDS:
        # The pseudonym and the outcome status have rules of their own.
        if f.required and f.key not in SPECIAL_FIELDS and not filled(case.get(f.key)):
            problems.append(
                source.problem(
                    f"case.{f.key}: empty; write {f.asks} (the summary box shows it to "
                    "referring clinicians), or keep the case as `status: draft`",
                    "case",
                    f.key,
                )
            )
    if not text_list(source, "tags")[0] and not _tags_problem(source):
        problems.append(
            source.problem(
                "tags: a published case needs its conditions, e.g. `tags: [Neck pain]`; "
                "they file it on each condition's page",
                "tags",
            )
        )
    if not str(source.meta.get("summary") or "").strip():
        problems.append(
            source.problem(
                "summary: missing; write one or two sentences for lists, feeds and link previews",
                "summary",
            )
        )
    return problems


def _tags_problem(source: Source) -> bool:
    return bool(text_list(source, "tags")[1])


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
    return Problem(
        source.path,
        f"section '{_cut(heading)}' has no text; write it or remove the heading",
        line,
    )


# --- conditions --------------------------------------------------------------------------


def _problem_key(message: str) -> str:
    """The front-matter key a vocabulary message is about ('alias ...' is about `aliases`)."""
    found = re.match(r"[a-z_]+", message)
    word = found.group() if found else ""
    return {"alias": "aliases"}.get(word, word)


def read_vocabulary(
    conditions: Sequence[Source], codes: CodeBook | None, settings: Settings
) -> tuple[vocab.Vocabulary, list[Problem]]:
    """The condition vocabulary, and every problem in its files (codes too, given a CodeBook)."""
    by_path = {s.path: s for s in conditions}
    entries, found = [], []
    for source in conditions:
        if not source.readable:
            continue
        slug = PurePosixPath(source.path).stem  # the file name is the slug and the URL
        safe = make_slug(slug, settings)
        if slug != safe:
            found.append(
                Problem(
                    source.path,
                    f"the file name makes the condition's address (/conditions/{_cut(slug)}/), "
                    f"and it is not a plain URL; rename the file to {safe or 'a-plain-name'}.md",
                )
            )
            continue
        entry, problems = vocab.entry_from_metadata(slug, source.meta, source.path)
        found += problems
        if entry is not None:
            entries.append(entry)
            if codes is not None:
                found += [
                    Problem(source.path, unknown_code(code))
                    for code in entry.codes
                    if codes.title(code) is None
                ]
    vocabulary = vocab.Vocabulary(entries)
    problems = []
    for p in [*found, *vocabulary.problems]:
        key = _problem_key(p.message)
        problems.append(by_path[p.path].problem(p.message, key, level=p.level) if key else p)
    return vocabulary, problems


def review_months(settings: Settings) -> int:
    """CONDITION_REVIEW_MONTHS, or 12 when it is not a whole number."""
    months = settings.get("CONDITION_REVIEW_MONTHS", 12)
    return 12 if isinstance(months, bool) or not isinstance(months, int) else months


def check_today(settings: Settings) -> list[Problem]:
    """A "today" set for the review dates that is no date."""
    wrong = today(settings)[1]
    if wrong is None:
        return []
    return [
        Problem(
            SETTINGS_FILE,
            f"CASEBOOK_TODAY: '{_cut(wrong)}' is not a date (YYYY-MM-DD); review dates are "
            "judged against the real date",
            key="CASEBOOK_TODAY",
            level="warning",
        )
    ]


def check_condition(
    source: Source, entry: vocab.ConditionEntry, settings: Settings, day: datetime.date
) -> list[Problem]:
    """Red flags in their own list, never buried in the text; a review that is not overdue."""
    problems = []
    if not entry.red_flags:
        problems += _buried_red_flags(source)
    months = review_months(settings)
    due = vocab.review_due(entry.reviewed, months)
    if entry.reviewed is not None and due is not None and due < day:
        problems.append(
            source.problem(
                f"reviewed: {entry.reviewed.isoformat()}; the next review was due "
                f"{due.isoformat()} (every {months} months, CONDITION_REVIEW_MONTHS): read the "
                "explanation again and set `reviewed:` to the day you did",
                "reviewed",
                level="warning",
            )
        )
    return problems


def _buried_red_flags(source: Source) -> list[Problem]:
    """The first line of the body that says when to see a doctor, when `red_flags:` is empty."""
    in_code = False
    for number, row in enumerate(source.body.split("\n"), start=source.body_start):
        if row.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        found = None if in_code else SEE_A_DOCTOR.search(row)
        if found:
            return [
                Problem(
                    source.path,
                    f"'{_cut(found.group(), 40)}': the text says when to see a doctor, but "
                    "`red_flags:` is empty; list those signs under `red_flags:` so the page "
                    "shows them in its 'When to see a doctor straight away' box",
                    number,
                    "red_flags",
                )
            ]
    return []


def check_placeholder(source: Source) -> list[Problem]:
    """A condition file whose explanation is still the placeholder `make condition` wrote."""
    rows = source.text.split("\n")[source.body_start - 1 :]
    for number, row in enumerate(rows, start=source.body_start):
        if CONDITION_PLACEHOLDER in row:
            return [
                Problem(
                    source.path,
                    "the explanation is still the placeholder `make condition` wrote; replace "
                    "it with your own: what the condition is, how it feels, how you treat it",
                    number,
                )
            ]
    return []


def known_terms(vocabulary: vocab.Vocabulary) -> list[str]:
    """Every condition name and alias: capitalised words the privacy lint must not flag."""
    return [term for entry in vocabulary for term in (entry.name, *entry.aliases)]


def check_tags(source: Source, vocabulary: vocab.Vocabulary) -> list[Problem]:
    """Every tag of a post must be a condition's name or alias."""
    tags, _problems = text_list(source, "tags")
    return [
        source.problem(vocabulary.unknown_tag(tag), "tags")
        for tag in tags
        if vocabulary.lookup(tag) is None
    ]


# --- privacy -----------------------------------------------------------------------------


def read_allow_list(found: Iterable[File]) -> tuple[list[str], list[Problem]]:
    """The site-wide privacy allow list: one phrase a line, `#` starts a comment."""
    for file in found:
        if file.kind != "allow-list":
            continue
        try:
            raw = file.path.read_bytes()
        except OSError as err:
            return [], [Problem(file.shown, f"cannot be read ({err.strerror or err}); fix it")]
        text, problem = decode(file.shown, raw)
        if problem or text is None:
            return [], [problem] if problem else []
        lines = (line.strip() for line in text.split("\n"))
        return [line for line in lines if line and not line.startswith("#")], []
    return [], []


def check_privacy(
    source: Source, site_allowed: list[str], terms: list[str], cache: LintCache | None
) -> list[Problem]:
    """The privacy lint on a file; what its `privacy_ok` silences comes back as notes."""
    own = text_list(source, "privacy_ok")[0] if source.readable else []
    everything = _lint(source, site_allowed, terms, cache)
    kept = _lint(source, [*site_allowed, *own], terms, cache) if own else everything
    reported = {(f.line, f.message) for f in kept}
    problems = [Problem(source.path, f.message, f.line) for f in kept]
    case = source.meta.get("case")
    client = case.get("client") if isinstance(case, dict) else None
    if isinstance(client, str) and client.strip():
        found = privacy.pseudonym(client, source.line("case", "client"))
        if found and (found.line, found.message) not in reported:
            problems.append(Problem(source.path, found.message, found.line))
    silenced = [f for f in everything if (f.line, f.message) not in reported]
    problems += [
        Problem(source.path, f"privacy_ok silences '{f.text}'", f.line, level="note")
        for f in silenced
    ]
    used = {f.text.lower() for f in silenced}
    problems += [
        Problem(
            source.path,
            f"privacy_ok: '{_cut(phrase)}' silences nothing in this post; remove it",
            source.line("privacy_ok"),
            "privacy_ok",
            "note",
        )
        for phrase in own
        if not any(phrase.lower() in text or text in phrase.lower() for text in used)
    ]
    return problems


def _lint(source, allowed, terms, cache):
    def lint():
        found = privacy.lint_source(source.text, allowed=allowed, known_terms=terms)
        # An empty `client:` is reported once, as missing, by check_case.
        return [f for f in found if f.kind != "pseudonym" or f.text.strip()]

    if cache is None:
        return lint()
    return cache.findings(source.text, allowed, lint)


def check_path(file: File, cache: LintCache | None) -> list[Problem]:
    """A file name a reader sees in an address (an image, a condition) that names a client."""

    def lint() -> list[privacy.Finding]:
        return list(privacy.lint_path(file.relpath))

    found = cache.findings(f"path:{file.relpath}", (), lint) if cache else lint()
    return [Problem(file.shown, f.message) for f in found]


def check_image(file: File) -> list[Problem]:
    """Camera, place and time metadata left in an image."""
    try:
        findings = privacy.image_findings(file.path)
    except OSError as err:
        return [Problem(file.shown, f"cannot read the image ({err}); re-save it or remove it")]
    except Exception as err:  # noqa: BLE001 - a damaged image must be reported, never crash
        return [Problem(file.shown, f"cannot read the image ({err}); re-save it or remove it")]
    return [Problem(file.shown, f.message, f.line or None) for f in findings]


# --- files the site does not build -------------------------------------------------------

FILE_MESSAGES = {
    "elsewhere": (
        "error",
        "not in a folder the site builds, so it is never published; move it into {folders}",
    ),
    "format": (
        "error",
        "the site reads posts written in Markdown only, so this file is never published; "
        "convert it (e.g. `pandoc -t gfm -o post.md {name}`) and add YAML front matter",
    ),
    "unused": (
        "warning",
        "not used by the site (not a post, a page, a condition or in {static}); "
        "move it out of the content folder",
    ),
    "escapes": (
        "error",
        "a link to a file outside the content folder, which a build would publish; "
        "copy the file in instead of linking to it",
    ),
    "hidden": (
        "note",
        "hidden file (its name starts with a dot): neither built nor checked; rename it "
        "without the dot to use it, or delete it",
    ),
    "static": (
        "warning",
        "published exactly as it is, without any check; make sure it holds nothing about a client",
    ),
}
# Files a static host serves as pages or runs as scripts: published as they are,
# they would carry markup no rule has read.
ACTIVE_SUFFIXES = (".html", ".htm", ".xhtml", ".js", ".mjs", ".php", ".xml")
# What makes an SVG more than a picture: script, embedded HTML, or a link that runs or calls out.
SVG_ACTIVE = frozenset({"script", "foreignobject", "iframe", "embed", "object", "handler"})


def check_svg(file: File) -> list[Problem]:
    """An SVG image is published as it is: it must hold no script and call no other host."""
    # Parsed as XML with entities and network off: the file may be hostile too.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.parse(str(file.path), parser).getroot()
    except (etree.XMLSyntaxError, OSError) as err:
        return [Problem(file.shown, f"not a readable SVG image ({err}); re-save it or remove it")]
    for element in root.iter():
        name = etree.QName(element).localname.lower() if isinstance(element.tag, str) else ""
        if name in SVG_ACTIVE:
            return [_svg_problem(file, f"a <{name}> element")]
        for attribute, value in element.attrib.items():
            attribute = etree.QName(attribute).localname.lower()
            if attribute.startswith("on"):
                return [_svg_problem(file, f"an {attribute} attribute")]
            scheme = value.strip().lower()
            if attribute == "href" and (
                scheme.startswith(("javascript:", "data:", "vbscript:", "//")) or "://" in scheme
            ):
                return [_svg_problem(file, f"a link to {_cut(value)}")]
    return []


def _svg_problem(file: File, what: str) -> Problem:
    return Problem(
        file.shown,
        f"this SVG holds {what}, which runs script or calls another site when the image is "
        "opened; export it again as a plain drawing, or use a PNG",
    )


def check_file(file: File, settings: Settings) -> list[Problem]:
    """What becomes of a file that is not a post, a page or a condition."""
    if file.kind in ("static", "image") and file.suffix == ".svg":
        return check_svg(file)
    if file.kind == "static" and file.suffix in ACTIVE_SUFFIXES:
        return [
            Problem(
                file.shown,
                f"a {file.suffix} file in a static folder is published as it is, markup and "
                "scripts included; put the content in a Markdown post, or remove the file",
            )
        ]
    if file.kind not in FILE_MESSAGES:
        return []
    level, message = FILE_MESSAGES[file.kind]
    folders = [
        *settings["ARTICLE_PATHS"],
        *settings["PAGE_PATHS"],
        settings.get("CONDITIONS_PATH", "conditions"),
    ]
    return [
        Problem(
            file.shown,
            message.format(
                folders=", ".join(f"{f.strip('/')}/" for f in folders if f.strip("/")),
                name=PurePosixPath(file.relpath).name,
                static=", ".join(f"{f}/" for f in settings.get("STATIC_PATHS") or ()),
            ),
            level=level,
        )
    ]


# --- across files ------------------------------------------------------------------------


def check_slugs(posts: Sequence[Post]) -> tuple[dict[str, str], list[Problem]]:
    """Each post's slug unless an earlier file (by path) has it; a problem for each repeat."""
    first: dict[str, Post] = {}
    problems = []
    for post in sorted(posts, key=lambda p: p.source.path):
        if post.slug is None:
            continue
        if post.slug in first:
            other = first[post.slug].source.path
            problems.append(
                post.source.problem(
                    f"slug: '{post.slug}' is also the slug of {other}; give one of them another "
                    f"slug (a slug is the permanent URL, /{post.slug}/)",
                    "slug",
                )
            )
            continue
        first[post.slug] = post
    return {slug: post.source.path for slug, post in first.items()}, problems


def check_redirects(
    posts: Sequence[Post], conditions: vocab.Vocabulary, settings: Settings, built: set[str]
) -> tuple[set[tuple[str, str]], list[Problem]]:
    """Old addresses a static site can answer, and a problem for one it must not.

    Only posts in `built` (paths of posts built at their own address) get redirects.
    """
    taken = {f"{p.slug}/index.html": p.source.path for p in posts if p.slug}
    condition_save_as = settings.get("CONDITION_SAVE_AS") or ""
    for entry in conditions:
        if condition_save_as:
            taken[condition_save_as.format(slug=entry.slug)] = entry.source_path
    reserved = reserved_names(settings)
    claimed: dict[str, Post] = {}
    accepted, problems = set(), []
    for post in sorted(posts, key=lambda p: p.source.path):
        if post.status not in PUBLIC:
            continue
        for old in text_list(post.source, "redirect_from")[0]:
            found = redirect_target(old)
            if found is None:
                continue  # reported by check_post
            owner = taken.get(found.save_as) or _reserved_owner(found.save_as, reserved)
            other = claimed.setdefault(found.save_as, post)
            if owner is not None:
                problems.append(
                    post.source.problem(
                        f"redirect_from: '{_cut(old)}' is the address of {owner}; "
                        "remove it from redirect_from",
                        "redirect_from",
                    )
                )
            elif other is not post:
                problems.append(
                    post.source.problem(
                        f"redirect_from: '{_cut(old)}' is also claimed by "
                        f"{other.source.path}; keep it on one post",
                        "redirect_from",
                    )
                )
            elif post.source.path in built:
                accepted.add((post.source.path, old))
    return accepted, problems


def _reserved_owner(save_as: str, reserved: dict[str, str]) -> str | None:
    first = save_as.split("/")[0].lower()
    if first in reserved and not save_as.startswith("p/"):
        return f"{reserved[first]} (/{first}/)"
    return None


def check_followups(articles: Sequence[Post]) -> list[Problem]:
    """`follows:` must name an earlier published post, and never come round in a circle."""
    published, unpublished, by_path = [], {}, {}
    for post in articles:
        by_path[post.source.path] = post.source
        if post.slug is None:
            continue
        follows = post.source.meta.get("follows")
        if post.status != "published":
            unpublished[post.slug] = (post.status, post.source.path)
            continue
        published.append(
            followups.PostRef(
                slug=post.slug,
                source_path=post.source.path,
                date=post.date or datetime.datetime.min,
                follows=follows.strip() if isinstance(follows, str) and follows.strip() else None,
            )
        )
    graph = followups.build_followups(published, unpublished)
    return [
        by_path[p.path].problem(p.message, _problem_key(p.message))
        for p in graph.problems
        if not p.message.startswith("slug:")  # a repeated slug is check_slugs' to report
    ]


# --- everything --------------------------------------------------------------------------


class Memo(Protocol):
    """Where a preview session keeps what the rules found in each file, by its text."""

    def get(self, key: Hashable) -> Any: ...

    def __setitem__(self, key: Hashable, value: Any) -> None: ...


def _judge_file(
    source: Source, kind: str, settings: Settings, memo: Memo | None
) -> tuple[Post, list[Problem]]:
    """The rules that read one post or page alone (none that compare files)."""
    if memo is None:
        return _file_rules(source, kind, settings)
    # The text and the day decide (a post dated tomorrow is published tomorrow).
    today = datetime.datetime.now(ZoneInfo(settings.get("TIMEZONE") or "UTC")).date()
    key = (source.path, kind, source.text, today)
    found: tuple[Post, list[Problem]] | None = memo.get(key)
    if found is None:
        found = memo[key] = _file_rules(source, kind, settings)
    return found


def _file_rules(source: Source, kind: str, settings: Settings) -> tuple[Post, list[Problem]]:
    post, problems = check_post(source, kind, settings)
    return post, [*problems, *check_body(source, post.status), *check_markup(source)]


def judge(
    found: Sequence[File],
    sources: dict[str, Source],
    settings: Settings,
    codes: CodeBook | None = None,
    cache: LintCache | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    memo: Memo | None = None,
) -> Judged:
    """Every problem in the content folder, sorted by path and line, and the build's decisions.

    `found` is every file under the content folder (corpus.files); `sources` maps the
    shown path of every post, page and condition file to its Source; `progress`, if
    given, is told (done, total, "checked") as the privacy lint goes through the files;
    `memo`, if given, remembers the rules of one file by its text, for the next call.
    """
    problems: list[Problem] = []
    for source in sources.values():
        problems += source.problems
    for file in found:
        problems += check_file(file, settings)
    conditions = [sources[f.shown] for f in found if f.kind == "condition" and f.shown in sources]
    vocabulary, found_problems = read_vocabulary(conditions, codes, settings)
    problems += found_problems
    day = today(settings)[0]
    for source in conditions:
        if source.readable:
            problems += check_markup(source)  # a condition's explanation is shown as HTML
            entry = vocabulary.by_slug(PurePosixPath(source.path).stem)
            if entry is not None and entry.source_path == source.path:
                problems += check_condition(source, entry, settings, day)
            problems += check_placeholder(source)
    problems += practice.problems(settings) + check_today(settings)

    posts: list[Post] = []
    for file in found:
        if file.kind not in ("article", "page") or file.shown not in sources:
            continue
        source = sources[file.shown]
        if not source.readable:
            continue
        post, own = _judge_file(source, file.kind, settings, memo)
        problems += own
        if file.kind == "article":
            problems += check_tags(source, vocabulary)
        posts.append(post)
    slugs, found_problems = check_slugs(posts)
    problems += found_problems
    redirects, found_problems = check_redirects(posts, vocabulary, settings, set(slugs.values()))
    problems += found_problems
    problems += check_followups([p for p in posts if p.kind == "article"])

    site_allowed, found_problems = read_allow_list(found)
    problems += found_problems
    # The practice's own name, address and numbers (PRACTICE in the settings) name no client.
    site_allowed += practice.allowed_phrases(settings)
    terms = known_terms(vocabulary)
    for done, file in enumerate(found, start=1):
        if progress:
            progress(done, len(found), "checked")
        read = sources.get(file.shown)
        if read is not None and read.readable:
            problems += check_privacy(read, site_allowed, terms, cache)
        elif file.kind == "image" or (file.kind == "unused" and file.suffix in IMAGES):
            problems += check_image(file)  # an image linked from a post is published too
        if file.kind in ("image", "static", "condition"):
            problems += check_path(file, cache)  # its name is part of an address
    unique = sorted(set(problems), key=sort_key)
    built = {path: slug for slug, path in slugs.items()}
    return Judged(unique, vocabulary, built, redirects)
