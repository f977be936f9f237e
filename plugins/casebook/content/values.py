"""Small readers of front-matter values: dates, lists of text, statuses, quoted text."""

from __future__ import annotations

import datetime
import re
from enum import StrEnum

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
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?")


def iso_datetime(text: str) -> datetime.datetime | None:
    """`2010-03-04`, `2010-03-04 09:30[:00]` as Pelican's get_date reads them, in microseconds
    instead of dateutil's tenths of a millisecond; None for any other text (ask get_date)."""
    if ISO_DATE.fullmatch(text) is None:
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
