"""The types of the values templates and Pelican read: what check refuses, the build never meets.

A value of the wrong YAML type (a list for a title, a word for a page's place in the menu) is
refused here, in words, before Pelican's own processing or a template could stop on it.
"""

from __future__ import annotations

from ..content.problems import Problem
from ..content.source import Source
from ..content.values import date_problem, short

# Shown as text by the templates, or made into Pelican's own objects (a language, an author).
TEXT_KEYS = ("title", "summary", "menu_label", "followup_announced", "lang", "author", "category")
# Those Pelican itself processes while reading: a post with one of the wrong type is not built.
READ_BY_PELICAN = ("title", "lang", "author", "category", "summary")


def _is_text(value: object) -> bool:
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def check_fields(source: Source, order_key: str | None = None) -> list[Problem]:
    """Every shown key is text (or a number), dates are ISO dates, the menu order a number."""
    if not source.is_yaml:
        # A `Key: value` header gives text for every key; only its dates and language need a look.
        return _dates(source) + _language(source)
    problems = []
    for key in TEXT_KEYS:
        value = source.meta.get(key)
        if value is not None and not _is_text(value):
            problems.append(
                source.problem(
                    f"{key}: {short(value)} is not text (YAML read a "
                    f"{_yaml_type(value)}); write it as one line of text, in quotes",
                    key,
                )
            )
    if order_key and order_key in source.meta:
        order = source.meta[order_key]
        if isinstance(order, bool) or not isinstance(order, int):
            problems.append(
                source.problem(
                    f"{order_key}: {short(order)} is not a whole number; write the page's place "
                    f"in the menu as one, e.g. `{order_key}: 2`",
                    order_key,
                )
            )
    return problems + _dates(source) + _language(source)


def is_language(value: str) -> bool:
    """Whether `value` is a language tag of the IANA registry (`es`, `pt-BR`)."""
    import langcodes  # only for a post that sets lang: its registry costs 5 MiB loaded

    return bool(langcodes.tag_is_valid(value))


def _language(source: Source) -> list[Problem]:
    """`lang` is a language tag: Pelican puts a post in another language at `<lang>/<slug>/`."""
    value = source.meta.get("lang")
    if value is None or not _is_text(value) or is_language(str(value)):
        return []
    return [
        source.problem(
            f"lang: {short(value)} is not a language tag; write the language the text is in "
            "as a code such as `es` or `pt-BR` (the site's own is the default), "
            "or remove the key",
            "lang",
        )
    ]


def blocking_fields(source: Source, order_key: str | None = None) -> list[Problem]:
    """The type problems that leave Pelican nothing to build (or a page list it cannot sort)."""
    return [
        p
        for p in check_fields(source, order_key)
        if p.key in (*READ_BY_PELICAN, "date", "modified", order_key)
    ]


def _dates(source: Source) -> list[Problem]:
    problems = []
    for key in ("date", "modified"):
        value = source.meta.get(key)
        if value is None:
            continue
        found = date_problem(value)
        if found:
            problems.append(source.problem(f"{key}: {found}", key))
    return problems


def _yaml_type(value: object) -> str:
    if isinstance(value, bool):
        return "yes/no value"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "set of keys"
    return type(value).__name__
