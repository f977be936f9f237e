"""The desk's forms: which fields each kind of file gets, what each asks, and what was changed.

A form holds the values as the file has them; what the practitioner sends back is compared
field by field, and only a value that differs is written (documents.compose), so a form never
rewrites what it did not change.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from ..cases import FIELDS, OUTCOME_STATUSES
from ..content.corpus import Kind
from ..content.source import Source
from .header import Path

CLINICIAN = "A referring clinician reads this in the case's summary box."


class Form(StrEnum):
    """What a file is to the practitioner, and so which form it gets."""

    CASE = "case"
    POST = "post"
    PAGE = "page"
    CONDITION = "condition"


class Widget(StrEnum):
    TEXT = "text"
    LONG = "long"  # a text area
    DATE = "date"
    NUMBER = "number"
    CHOICE = "choice"
    LINES = "lines"  # a list, one item a line
    CONDITIONS = "conditions"  # a list of condition names, one box each


@dataclass(frozen=True)
class Field:
    """One field of a form: the front-matter key it writes, its label and what it asks."""

    path: Path
    label: str
    asks: str
    widget: Widget = Widget.TEXT
    choices: tuple[tuple[str, str], ...] = ()  # (value, label)

    @property
    def name(self) -> str:
        """The field's name in the HTML form: the dotted key."""
        return ".".join(self.path)

    @property
    def dom_id(self) -> str:
        return "field-" + self.name.replace(".", "-").replace("_", "-")


STATUS_CHOICES = (("draft", "Draft: only you see it"), ("published", "Published: on the site"))
TITLE = Field(("title",), "Title", "shown in lists, browser tabs and link previews")
SLUG = Field(
    ("slug",), "Address (slug)", "the page's permanent address: fixed once it is published"
)
DATE = Field(("date",), "Date", "the day it was written", Widget.DATE)
STATUS = Field(("status",), "Status", "a draft is never published", Widget.CHOICE, STATUS_CHOICES)
SUMMARY = Field(
    ("summary",), "Summary", "one or two sentences for lists, feeds and link previews", Widget.LONG
)
TAGS = Field(
    ("tags",),
    "Conditions",
    "by name, other name or the client's words; the site files it on each condition's page",
    Widget.CONDITIONS,
)
FOLLOWUP_ANNOUNCED = Field(
    ("followup_announced",),
    "A follow-up will cover",
    "optional: shown as 'a follow-up will cover …' until the follow-up is published",
)
FOLLOWS = Field(
    ("follows",), "Follows", "the address (slug) of the earlier post this one continues"
)

_LONG_CASE = {"presenting_complaint", "findings", "interventions", "outcome", "follow_up"}


def _case_field(key: str, label: str, asks: str) -> Field:
    path = ("case", key)
    if key == "sessions":
        return Field(path, label, f"{asks}. {CLINICIAN}", Widget.NUMBER)
    if key == "outcome_status":
        choices = (
            ("", "Not chosen yet"),
            *((s.value, f"{s.label}: {s.means}") for s in OUTCOME_STATUSES),
        )
        return Field(path, label, f"how the case ended. {CLINICIAN}", Widget.CHOICE, choices)
    widget = Widget.LONG if key in _LONG_CASE or key == "patient_perspective" else Widget.TEXT
    return Field(path, label, f"{asks[:1].upper()}{asks[1:]}. {CLINICIAN}", widget)


CASE_FIELDS = tuple(_case_field(f.key, f.label, f.asks) for f in FIELDS)
FORMS: dict[Form, tuple[Field, ...]] = {
    Form.CASE: (TITLE, SLUG, STATUS, DATE, SUMMARY, TAGS, *CASE_FIELDS, FOLLOWUP_ANNOUNCED),
    Form.POST: (TITLE, SLUG, STATUS, DATE, SUMMARY, TAGS, FOLLOWS, FOLLOWUP_ANNOUNCED),
    Form.PAGE: (
        TITLE,
        SLUG,
        STATUS,
        SUMMARY,
        Field(("page_order",), "Place in the menu", "1 comes first", Widget.NUMBER),
        Field(("menu_label",), "Menu label", "optional: a shorter title for the menu"),
    ),
    Form.CONDITION: (
        Field(("name",), "Name", "the condition's name as readers see it"),
        Field(
            ("aliases",), "Other names", "one a line: other spellings a post may use", Widget.LINES
        ),
        Field(
            ("lay_terms",),
            "In the client's words",
            "one a line: where it hurts, as a client says it (jaw pain)",
            Widget.LINES,
        ),
        Field(
            ("red_flags",),
            "When to see a doctor straight away",
            "one sign a line; shown in a box of its own",
            Widget.LINES,
        ),
        Field(("codes",), "ICD-10-CM codes", "one a line, e.g. M54.2", Widget.LINES),
        Field(("body_areas",), "Body areas", "one a line, e.g. Head and neck", Widget.LINES),
        Field(
            ("reviewed",), "Reviewed", "the day you last read the explanation again", Widget.DATE
        ),
    ),
}
SINGLE_LINE_HEADER = frozenset({Form.POST, Form.PAGE})  # forms a `Key: value` file may take


def form_of(kind: Kind, source: Source, relpath: str) -> Form:
    """The form a file gets: a condition, a page, a case (a `case:` block) or a post."""
    if kind == Kind.CONDITION:
        return Form.CONDITION
    if kind == Kind.PAGE:
        return Form.PAGE
    if "case" in source.meta or relpath.startswith("cases/"):
        return Form.CASE if source.is_yaml or not source.meta else Form.POST
    return Form.POST


def current(source: Source, path: Path) -> Any:
    """The value at `path` in the file's front matter (None when not there)."""
    value: Any = source.meta
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def shown(value: Any, widget: Widget) -> Any:
    """A front-matter value as the form shows it: text, or a list of text."""
    if widget in (Widget.LINES, Widget.CONDITIONS):
        if value is None:
            return []
        if isinstance(value, str):
            return [v.strip() for v in value.split(",") if v.strip()]
        if isinstance(value, list):
            return [str(v) for v in value if v is not None]
        return [str(value)]
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if not value.time() else value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


WHOLE = re.compile(r"\d{1,9}")


def submitted(field: Field, form: Mapping[str, Any], lists: Mapping[str, Sequence[str]]) -> Any:
    """What the practitioner gave for a field, as the value to write (None: left empty)."""
    if field.widget == Widget.CONDITIONS:
        return [" ".join(v.split()) for v in lists.get(field.name, ()) if v.strip()]
    raw = str(form.get(field.name, "")).replace("\r\n", "\n")
    if field.widget == Widget.LINES:
        return [" ".join(line.split()) for line in raw.split("\n") if line.strip()]
    text = raw.strip() if field.widget == Widget.LONG else " ".join(raw.split())
    if not text:
        return None
    if field.widget == Widget.NUMBER and WHOLE.fullmatch(text):
        return int(text)
    if field.widget == Widget.DATE:
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            return text  # written as given: the rule book says what is wrong with it
    return text


def _comparable(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return [_comparable(v) for v in value]
    if isinstance(value, datetime.datetime | datetime.date):
        return shown(value, Widget.DATE)
    if isinstance(value, str):
        return " ".join(value.split()) or None
    return value


def changes(
    fields: Iterable[Field],
    source: Source,
    form: Mapping[str, Any],
    lists: Mapping[str, Sequence[str]],
) -> dict[Path, Any]:
    """Each field whose sent value differs from the file's: its key path and the new value."""
    found: dict[Path, Any] = {}
    for field in fields:
        if field.name not in form and field.name not in lists:
            continue  # not on the page that was sent (a frozen slug, a header file's case)
        new = submitted(field, form, lists)
        old = current(source, field.path)
        if field.path == ("status",) and old is None:
            old = "published"
        if field.widget in (Widget.LINES, Widget.CONDITIONS):
            old = shown(old, field.widget)
            if not new and not old:
                continue
        if _comparable(new) != _comparable(old):
            found[field.path] = new
    return found
