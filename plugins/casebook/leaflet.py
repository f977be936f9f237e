"""What a condition page tells a reader beyond its name: symptoms, when to see a doctor, who
reviewed it, its sources, and its other names without near-repeats; pure, no Pelican."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from .content.problems import Problem

# Keys of a condition file read here (vocabulary.py reads the name, aliases and codes).
SYMPTOMS = "symptoms"  # what it feels like, one sign an item: shown as a list
SEE_A_DOCTOR = "see_a_doctor"  # when to book an appointment with a doctor (not urgent)
SOURCES = "sources"  # where the explanation's facts come from: title, publisher, url
REVIEWED_BY = "reviewed_by"  # who reviewed the explanation (else the practitioner)
SOURCE_FIELDS = ("title", "publisher", "url")
SOURCE_EXAMPLE = (
    "- title: Restless legs syndrome\n    publisher: NHS\n"
    "    url: https://www.nhs.uk/conditions/restless-legs-syndrome/"
)


class Reference(NamedTuple):
    """One source of a condition's explanation, as its page cites it."""

    title: str
    publisher: str
    url: str


def _text(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _web_address(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("https", "http") and bool(parts.netloc) and " " not in url


def read_sources(value: object, source_path: str) -> tuple[tuple[Reference, ...], list[Problem]]:
    """`sources:`, a list of `title`, `publisher` and `url`; a Problem per item that is not."""
    if value is None:
        return (), []
    if not isinstance(value, list):
        return (), [
            Problem(
                source_path,
                f"sources: write a list, one source an item, e.g.\n  {SOURCE_EXAMPLE}",
                key=SOURCES,
            )
        ]
    found, problems = [], []
    for position, item in enumerate(value, start=1):
        item = item if isinstance(item, Mapping) else {}
        title, publisher = _text(item.get("title")), _text(item.get("publisher"))
        url = _text(item.get("url"))
        given = zip(SOURCE_FIELDS, (title, publisher, url), strict=True)
        missing = [key for key, text in given if not text]
        if missing:
            problems.append(
                Problem(
                    source_path,
                    f"sources: item {position} has no {' or '.join(missing)}; give each source "
                    "its title, publisher and web address (url)",
                    key=SOURCES,
                )
            )
        elif not _web_address(url):
            problems.append(
                Problem(
                    source_path,
                    f"sources: item {position}'s url is not a web address; write it whole, "
                    "starting https://",
                    key=SOURCES,
                )
            )
        else:
            found.append(Reference(title, publisher, url))
    return tuple(found), problems


def read_reviewer(value: object, source_path: str) -> tuple[str | None, list[Problem]]:
    """`reviewed_by:`, a name as text, or None."""
    if value is None:
        return None, []
    name = _text(value)
    if not name:
        return None, [
            Problem(
                source_path,
                "reviewed_by: write the name of who reviewed the explanation, e.g. "
                "`reviewed_by: Jordan Avery`",
                key=REVIEWED_BY,
            )
        ]
    return name, []


def read(
    metadata: Mapping[str, Any], source_path: str
) -> tuple[tuple[tuple[Reference, ...], str | None], list[Problem]]:
    """A condition file's `sources:` and `reviewed_by:`, and their problems."""
    sources, problems = read_sources(metadata.get(SOURCES), source_path)
    reviewer, found = read_reviewer(metadata.get(REVIEWED_BY), source_path)
    return (sources, reviewer), problems + found


_BRACKETS = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*")
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def _spelling(term: str) -> str:
    """A name as near-repeats compare: no accents, brackets, hyphens or plural -s."""
    text = unicodedata.normalize("NFKD", _BRACKETS.sub(" ", term))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    words = [w[:-1] if len(w) > 3 and w.endswith("s") else w for w in _NOT_WORD.split(text)]
    return " ".join(w for w in words if w)


def shown_aliases(name: str, aliases: Sequence[str]) -> tuple[str, ...]:
    """The other names a reader is shown: each spelling once, near-repeats of one left out.

    "Restless leg syndrome" and "Restless leg syndrome (RLS)" beside "Restless legs
    syndrome" and "RLS" add nothing; every alias still finds the condition and its posts.
    """
    seen = {_spelling(name)}
    kept = []
    for alias in aliases:
        key = _spelling(alias)
        if key and key not in seen:
            seen.add(key)
            kept.append(alias)
    return tuple(kept)


def split_overview(html: str) -> tuple[str, str]:
    """An explanation's first section (the overview) and the rest, split at its second `h2`.

    The page shows the symptoms and when to see a doctor right after the overview, as a
    health service's page does; the HTML is Python-Markdown's, whose headings open `<h2`.
    """
    first = html.find("<h2")
    second = html.find("<h2", first + 3) if first != -1 else -1
    if second == -1:
        return html, ""
    return html[:second].rstrip(), html[second:]


def first_paragraph(html: str) -> str:
    """The HTML inside an explanation's first paragraph: the page's summary in search."""
    start = html.find("<p>")
    end = html.find("</p>", start)
    return html[start + 3 : end] if start != -1 and end != -1 else ""


def symptom_terms(entries: Iterable[Any]) -> list[tuple[str, Any]]:
    """Every symptom with the condition it describes: with the names, aliases and lay terms
    (vocabulary.search_terms) what the search page's "This sounds like" matches a reader's
    sentence against, built into the page, so nothing is asked of another site."""
    return [(sign, entry) for entry in entries for sign in getattr(entry, SYMPTOMS, ())]
