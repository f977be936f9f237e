"""Small readers of front-matter values: dates, lists of text, statuses, quoted text."""

from __future__ import annotations

import datetime
import re
from enum import StrEnum

from dateutil import parser as dateutil_parser
from pelican.readers import ensure_metadata_list
from pelican.utils import SafeDatetime, get_date

from .problems import Problem
from .source import Source


class Status(StrEnum):
    """Where a post stands: published, waiting as a draft, or written but never listed."""

    PUBLISHED = "published"
    DRAFT = "draft"
    HIDDEN = "hidden"


STATUSES = tuple(Status)
PUBLIC = (Status.PUBLISHED, Status.HIDDEN)  # written at their URL for anyone to read
MAX_TITLE = 200


# The dates nearly every post has: read by the standard library, as dateutil reads them.
USUAL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?")


def iso_datetime(text: str) -> datetime.datetime | None:
    """`2010-03-04`, `2010-03-04 09:30[:00]` as Pelican's get_date reads them, in microseconds
    instead of dateutil's tenths of a millisecond; None for any other text (ask get_date)."""
    if USUAL_DATE.fullmatch(text) is None:
        return None
    try:
        found: datetime.datetime = SafeDatetime.fromisoformat(text)
    except ValueError:
        return None  # no such day: get_date says so in its own words
    return found


def as_datetime(value: object) -> datetime.datetime | None:
    """A front-matter date as a datetime, or None if it is not one (as Pelican reads it)."""
    if isinstance(value, datetime.datetime):
        return value
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day)
    text = str(value).replace("_", " ")
    quick = iso_datetime(text)
    if quick is not None:
        return quick
    try:
        found: datetime.datetime = get_date(text)
        return found
    except (ValueError, TypeError, OverflowError):
        return None


# What a list of each key looks like, for the message that asks for one.
LIST_EXAMPLES = {
    "redirect_from": "[/2009/06/18/old-slug/, /?p=123]",
    "privacy_ok": "[Jane Hart]",
    "photo_consent": "[shoulder-stretch.jpg]",
}


def text_list(source: Source, key: str) -> tuple[list[str], list[Problem]]:
    """A list-of-text key: a YAML list, or in a `Key: value` header a comma-separated line."""
    value = source.meta.get(key)
    if value is None:
        return [], []
    if not source.is_yaml:
        return ensure_metadata_list(value), []
    if not isinstance(value, list):
        example = LIST_EXAMPLES.get(key, "[Neck pain, Tension headache]")
        return [], [
            source.problem(
                f"{key}: write a YAML list, e.g. `{key}: {example}`; "
                + (
                    "plain text is read as one item, commas and all"
                    if isinstance(value, str)
                    else f"{short(value)} is not a list"
                ),
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
                    f"{key}: item {position} ({short(item)}) is not text; put it in quotes "
                    "or remove it",
                    key,
                )
            )
    return items, problems


def short(value: object, limit: int = 60) -> str:
    """A value as a message quotes it: repr, cut short, so a huge value stays one short line."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def cut(text: str, limit: int = 60) -> str:
    """Text as a message quotes it: one line, cut short."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def status_of(source: Source) -> str:
    """The post's status as written ('published' when none is given)."""
    return str(source.meta.get("status", "published")).strip() or "published"


# What Pelican reads as a date without guessing: the year first, then month and day.
ISO_DATE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[ T_]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?"
)


def date_problem(value: object) -> str | None:
    """Why a front-matter date is refused (after its key), or None for a date read one way only.

    A YAML date, or text in ISO form (2009-06-18, 2009-06-18 10:20), is read one way. Any
    other text Pelican would guess at (`10-06-03` is 6 October 2003 to it): refused, with the
    ISO form of each way it could be read.
    """
    if isinstance(value, datetime.date):
        return None
    text = str(value).strip()
    if isinstance(value, str) and ISO_DATE.fullmatch(text):
        return None if as_datetime(text) is not None else _not_a_date(value)
    readings = _readings(text) if isinstance(value, str) else []
    if not readings:
        return _not_a_date(value)
    if len(readings) == 1:
        return (
            f"{short(value)} is not written year first; write `{readings[0]}` (YYYY-MM-DD), "
            "so no one has to guess"
        )
    return (
        f"{short(value)} can be read as {' or '.join(readings)}; write the one you mean as "
        "YYYY-MM-DD"
    )


def _not_a_date(value: object) -> str:
    return f"{short(value)} is not a date; write it as YYYY-MM-DD, e.g. 2009-06-18"


def _readings(text: str) -> list[str]:
    """Each day a date parser could read in `text`, as ISO dates, Pelican's reading first."""
    found = []
    # A text without a year, month and day of its own is filled in from a default: read with
    # two defaults, it gives two days, and is no date to suggest.
    defaults = (datetime.datetime(1901, 1, 1), datetime.datetime(1902, 2, 2))
    for dayfirst, yearfirst in ((False, False), (True, False), (False, True), (True, True)):
        try:
            days = {
                dateutil_parser.parse(
                    text, dayfirst=dayfirst, yearfirst=yearfirst, default=default
                ).date()
                for default in defaults
            }
        except (ValueError, OverflowError, TypeError):
            continue
        if len(days) == 1:
            found.append(days.pop().isoformat())
    return list(dict.fromkeys(found))
