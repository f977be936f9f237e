"""The condition vocabulary: names, aliases, codes and body areas; pure, no Pelican."""

from __future__ import annotations

import calendar
import datetime
import difflib
import shlex
import string
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import permutations
from typing import Any

from . import leaflet
from .content.problems import Level, Problem

OTHER_AREA = "Other"
NON_LETTER = "#"
LIST_KEYS = ("aliases", "codes", "body_areas", "lay_terms", "red_flags", "symptoms", "see_a_doctor")


@dataclass(frozen=True)
class ConditionEntry:
    """One condition, as read from content/conditions/<slug>.md."""

    slug: str
    name: str
    aliases: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    body_areas: tuple[str, ...] = ()
    reviewed: datetime.date | None = None
    source_path: str = ""
    # Where it hurts, in a client's words ("jaw pain"): found in the A–Z and by search, but
    # never a tag, since two conditions may share one.
    lay_terms: tuple[str, ...] = ()
    # When to see a doctor straight away: shown in a box of its own on the condition page.
    red_flags: tuple[str, ...] = ()
    # What it feels like, when to book a doctor's appointment, sources, reviewer (leaflet.py).
    symptoms: tuple[str, ...] = ()
    see_a_doctor: tuple[str, ...] = ()
    sources: tuple[leaflet.Reference, ...] = ()
    reviewed_by: str | None = None


@dataclass(frozen=True)
class IndexEntry:
    """One line of the A–Z index: a condition under its name, an alias or a lay term."""

    label: str
    condition: Any  # what was indexed: a ConditionEntry, or the page's Condition
    is_alias: bool
    # A lay term ("hip pain") points to every condition that lists it, A–Z.
    is_lay: bool = False
    targets: tuple[Any, ...] = ()


def term_key(term: str) -> str:
    """The form terms are compared in: case-folded, whitespace collapsed."""
    return " ".join(term.split()).casefold()


def _tidy(text: str) -> str:
    return " ".join(text.split())


def _string_list(key, value, source_path):
    """The strings of a list-valued key, and a Problem per item that is not one."""
    if isinstance(value, str):
        value = [value]  # `aliases: RLS` means a list of one
    if not isinstance(value, (list, tuple)):
        kind = type(value).__name__
        return [], [
            Problem(
                source_path,
                f"{key}: expected a list of text, got {kind}; write it as `{key}: [first, second]`",
                key=key,
            )
        ]
    items, problems = [], []
    for position, item in enumerate(value, start=1):
        if not isinstance(item, str):
            problems.append(
                Problem(
                    source_path,
                    f"{key}: item {position} ({item!r}) is not text; put it in quotes or remove it",
                    key=key,
                )
            )
        elif not item.strip():
            problems.append(
                Problem(source_path, f"{key}: item {position} is empty; remove it", key=key)
            )
        else:
            items.append(_tidy(item))
    return items, problems


def _unique(items: Iterable[str], key: Callable[[str], str] = term_key) -> tuple[str, ...]:
    """Items without repeats (compared by `key`), first spelling kept, order kept."""
    seen, kept = set(), []
    for item in items:
        if key(item) not in seen:
            seen.add(key(item))
            kept.append(item)
    return tuple(kept)


def _reviewed(value, source_path):
    """The `reviewed` date, or None and a Problem."""
    # datetime first: it is a subclass of date, and the page shows a day.
    if isinstance(value, datetime.datetime):
        return value.date(), []
    if isinstance(value, datetime.date):
        return value, []
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip()), []
        except ValueError:
            pass
    return None, [
        Problem(
            source_path,
            f"reviewed: {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-01",
            key="reviewed",
        )
    ]


def entry_from_metadata(
    slug: str, metadata: dict[str, Any], source_path: str
) -> tuple[ConditionEntry | None, list[Problem]]:
    """Check one condition file's metadata; its entry (None without a name) and problems."""
    problems = []
    name = metadata.get("name")
    if name is None or (isinstance(name, str) and not name.strip()):
        problems.append(
            Problem(
                source_path,
                "name: missing; add `name: <display name>` to the front matter",
                key="name",
            )
        )
        name = None
    elif not isinstance(name, str):
        problems.append(
            Problem(
                source_path,
                f"name: {name!r} is not text; put the display name in quotes",
                key="name",
            )
        )
        name = None

    lists = {}
    for key in LIST_KEYS:
        value = metadata.get(key)
        items, found = ([], []) if value is None else _string_list(key, value, source_path)
        lists[key] = items
        problems.extend(found)
    # Codes are compared and looked up in the form the ICD-10-CM tables use.
    codes = _unique((code.upper() for code in lists["codes"]), key=str)

    reviewed = None
    if metadata.get("reviewed") is not None:
        reviewed, found = _reviewed(metadata["reviewed"], source_path)
        problems.extend(found)

    (sources, reviewed_by), found = leaflet.read(metadata, source_path)
    problems.extend(found)

    if name is None:
        return None, problems
    name = _tidy(name)
    aliases = tuple(a for a in _unique(lists["aliases"]) if term_key(a) != term_key(name))
    own = {term_key(name), *(term_key(a) for a in aliases)}
    lay_terms = tuple(t for t in _unique(lists["lay_terms"]) if term_key(t) not in own)
    entry = ConditionEntry(
        slug=slug,
        name=name,
        aliases=aliases,
        codes=codes,
        body_areas=_unique(lists["body_areas"]),
        reviewed=reviewed,
        source_path=source_path,
        lay_terms=lay_terms,
        red_flags=tuple(lists["red_flags"]),
        symptoms=tuple(lists["symptoms"]),
        see_a_doctor=tuple(lists["see_a_doctor"]),
        sources=sources,
        reviewed_by=reviewed_by,
    )
    return entry, problems


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later; the month's last day when it has no such day (31 Jan + 1)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last))


def review_due(reviewed: datetime.date | None, months: int) -> datetime.date | None:
    """When a condition's explanation is next due for review; None if it was never reviewed."""
    if reviewed is None or months <= 0:
        return None
    try:
        return add_months(reviewed, months)
    except (ValueError, OverflowError):  # past the year 9999
        return None


def _sort_key(entry: ConditionEntry) -> tuple[str, str]:
    return (entry.name.casefold(), entry.slug)


class Vocabulary:
    """Conditions by slug and by every name and alias; made afresh for every build."""

    def __init__(self, entries: Iterable[ConditionEntry]):
        self.problems: list[Problem] = []
        self._by_slug: dict[str, ConditionEntry] = {}
        self._by_key: dict[str, ConditionEntry] = {}
        for entry in entries:
            first = self._by_slug.get(entry.slug)
            if first is not None:
                self.problems.append(
                    Problem(
                        entry.source_path,
                        f"slug '{entry.slug}' is also used by {first.source_path}; "
                        "rename one of the two files",
                        key="slug",
                    )
                )
                continue
            self._by_slug[entry.slug] = entry
            self._add_terms(entry)
        self._sorted = tuple(sorted(self._by_slug.values(), key=_sort_key))
        self._keys = tuple(self._by_key)
        for entry in self._sorted:
            self._check_lay_terms(entry)
        self._lay = {term_key(term): owners for term, owners in lay_index(self._sorted)}

    def _check_lay_terms(self, entry: ConditionEntry) -> None:
        for term in entry.lay_terms:
            owner = self._by_key.get(term_key(term))
            if owner is not None:
                role = "the name" if term_key(term) == term_key(owner.name) else "an alias"
                self.problems.append(
                    Problem(
                        entry.source_path,
                        f"lay_terms: '{term}' is {role} of {owner.source_path} "
                        f"('{owner.name}'), which the A–Z lists already; remove it here",
                        key="lay_terms",
                        level=Level.WARNING,
                    )
                )

    def _add_terms(self, entry: ConditionEntry) -> None:
        for kind, term in (("name", entry.name), *(("alias", a) for a in entry.aliases)):
            key = term_key(term)
            owner = self._by_key.get(key)
            if owner is None:
                self._by_key[key] = entry
            elif owner is not entry:
                role = "the name" if key == term_key(owner.name) else "an alias"
                self.problems.append(
                    Problem(
                        entry.source_path,
                        f"{kind} '{term}' is also {role} of {owner.source_path} "
                        f"('{owner.name}'); keep it on one condition",
                        key="name" if kind == "name" else "aliases",
                    )
                )

    def lookup(self, term: str) -> ConditionEntry | None:
        """The condition with this name or alias, whatever its case and spacing."""
        return self._by_key.get(term_key(term))

    def suggest(self, term: str, n: int = 3) -> list[str]:
        """Up to n condition names closest to a term that matched nothing."""
        # Ask for every close key: several aliases of one condition count once.
        if not self._keys:
            return []
        keys = difflib.get_close_matches(term_key(term), self._keys, len(self._keys), 0.6)
        names = _unique(self._by_key[key].name for key in keys)
        return list(names[:n])

    def unknown_tag(self, tag: str) -> str:
        """The advice for a tag that is no condition's name or alias (build and check alike)."""
        owners = self._lay.get(term_key(tag))
        if owners:
            names = " or ".join(o.name for o in owners)
            return (
                f"tags: '{tag}' is a lay term, which finds a condition but files no post; "
                f"tag the condition itself: {names}"
            )
        hint = self.suggest(tag)
        advice = f"did you mean {' or '.join(hint)}? " if hint else ""
        return (
            f"tags: '{tag}' is not a known condition; {advice}fix the tag, add it as an "
            f"alias in content/conditions/, or start a new condition: {new_condition(tag)}"
        )

    def by_slug(self, slug: str) -> ConditionEntry | None:
        """The condition read from content/conditions/<slug>.md."""
        return self._by_slug.get(slug)

    def __iter__(self):
        return iter(self._sorted)

    def __len__(self) -> int:
        return len(self._sorted)


NAME_IN_COMMAND = 60  # a longer tag is left out of the suggested command


def new_condition(tag: str) -> str:
    """The `make condition` command for a tag, quoted so a shell takes it exactly as written."""
    name = " ".join(tag.split())  # one line, as `make condition` would write it anyway
    if not name or len(name) > NAME_IN_COMMAND:
        return "make condition NAME='<its name>'"
    # shlex.quote: pasted into a shell, no quote, `$(…)` or backtick in a tag can run anything.
    return f"make condition NAME={shlex.quote(name)}"


def _folded(text: str) -> str:
    """Text without accents, case-folded: 'Ödem' sorts and files with 'O'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _letter(label: str) -> str:
    first = _folded(label[:1]).upper()[:1]
    return first if first and first in string.ascii_uppercase else NON_LETTER


def lay_index(entries: Iterable[Any]) -> list[tuple[str, list[Any]]]:
    """Each lay term (first spelling kept) with every condition that lists it, names A–Z.

    A term that is also a condition's name or alias is left out: that entry stands already.
    """
    entries = sorted(entries, key=_sort_key)
    taken = {term_key(t) for e in entries for t in (e.name, *e.aliases)}
    labels: dict[str, str] = {}
    owners: defaultdict[str, list[Any]] = defaultdict(list)
    for entry in entries:
        for term in getattr(entry, "lay_terms", ()):
            key = term_key(term)
            if key in taken:
                continue
            labels.setdefault(key, term)
            if entry not in owners[key]:
                owners[key].append(entry)
    return [(labels[key], owners[key]) for key in labels]


def alphabet_index(entries: Iterable[Any]) -> list[tuple[str, list[IndexEntry]]]:
    """Names, aliases and lay terms under their first letter: all of A–Z, then '#' if needed.

    Anything with `.name`, `.aliases` and `.slug` (and optionally `.lay_terms`) can be indexed.
    """
    entries = list(entries)
    groups = defaultdict(list)
    for entry in entries:
        groups[_letter(entry.name)].append(IndexEntry(entry.name, entry, False))
        for alias in entry.aliases:
            groups[_letter(alias)].append(IndexEntry(alias, entry, True))
    for term, owners in lay_index(entries):
        groups[_letter(term)].append(
            IndexEntry(term, owners[0], True, is_lay=True, targets=tuple(owners))
        )
    letters = list(string.ascii_uppercase) + ([NON_LETTER] if NON_LETTER in groups else [])
    return [
        (
            letter,
            sorted(groups[letter], key=lambda i: (_folded(i.label), i.label, i.condition.slug)),
        )
        for letter in letters
    ]


def search_terms(entries: Iterable[Any]) -> list[tuple[str, Any]]:
    """Every name, alias and lay term with the condition it leads to, for "did you mean".

    A lay term shared by several conditions appears once for each.
    """
    entries = sorted(entries, key=_sort_key)
    found = []
    for entry in entries:
        found += [(term, entry) for term in (entry.name, *entry.aliases)]
    for term, owners in lay_index(entries):
        found += [(term, owner) for owner in owners]
    return found


def by_body_area(entries: Iterable[Any]) -> list[tuple[str, list[Any]]]:
    """Conditions under each body area, areas A–Z and "Other" last, names A–Z.

    Anything with `.name`, `.slug` and `.body_areas` can be grouped.
    """
    groups: defaultdict[str, list[Any]] = defaultdict(list)
    labels: dict[str, str] = {}
    for entry in sorted(entries, key=_sort_key):
        for area in entry.body_areas or (OTHER_AREA,):
            # "Back" and "back" are one area, shown as first spelled.
            key = term_key(area)
            labels.setdefault(key, area)
            groups[key].append(entry)
    other = term_key(OTHER_AREA)
    order = sorted(groups, key=lambda key: (key == other, _folded(labels[key]), key))
    return [(labels[key], groups[key]) for key in order]


def co_occurring(condition_lists: Iterable[Sequence[str]]) -> dict[str, list[tuple[str, int]]]:
    """For each condition slug, the others tagged on the same posts, most shared first."""
    # Thousands of posts: the pairs are counted by Counter and permutations, in C.
    pairs: Counter[tuple[str, str]] = Counter()
    seen: dict[str, None] = {}
    for slugs in condition_lists:
        unique = dict.fromkeys(slugs)
        seen.update(unique)
        pairs.update(permutations(unique, 2))
    rows: dict[str, list[tuple[str, int]]] = {slug: [] for slug in seen}
    for (slug, other), count in pairs.items():
        rows[slug].append((other, count))
    return {slug: sorted(row, key=lambda pair: (-pair[1], pair[0])) for slug, row in rows.items()}
