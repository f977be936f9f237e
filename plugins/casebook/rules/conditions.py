"""Rules of condition files and of tags: the vocabulary, red flags, reviews, placeholders."""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from pathlib import PurePosixPath

from .. import vocabulary as vocab
from ..content.problems import Level, Problem
from ..content.settings import SETTINGS_FILE, Settings, review_months, today
from ..content.slugs import make_slug
from ..content.source import Source
from ..content.values import cut, text_list
from ..icd10 import CodeBook, unknown_code

# The explanation `make condition` writes into a new condition file: `make check` refuses
# the file until the practitioner has replaced it with their own.
CONDITION_PLACEHOLDER = "Write here what this condition is"


# Words that tell a reader to see a doctor: in a condition's text they belong in `red_flags:`,
# which the page shows in a box of its own ("When to see a doctor straight away"). Not
# "immediately" or "right away": relief can come right away too.
SEE_A_DOCTOR = re.compile(
    r"\b(?:straight away|urgent(?:ly)?|emergency|call 911|"
    r"(?:see|seen by|assessed by|checked by|needs?|ask) (?:a |your )?(?:physician|doctor|GP)\b|"
    r"(?:physician|doctor)'s (?:attention|assessment)|medical (?:attention|assessment|advice))",
    re.IGNORECASE,
)


def read_vocabulary(
    conditions: Sequence[Source], codes: CodeBook | None, settings: Settings
) -> tuple[vocab.Vocabulary, list[Problem]]:
    """The condition vocabulary, and every problem in its files (codes too, given a CodeBook)."""
    # The vocabulary names each file as other files' messages do; its problems come back
    # at the key they name, in the file they are about.
    by_label = {s.label: s for s in conditions}
    entries: list[vocab.ConditionEntry] = []
    found: list[Problem] = []
    for source in conditions:
        if not source.readable:
            continue
        slug = PurePosixPath(source.path).stem  # the file name is the slug and the URL
        safe = make_slug(slug, settings)
        if slug != safe:
            found.append(
                source.problem(
                    f"the file name makes the condition's address (/conditions/{cut(slug)}/), "
                    f"and it is not a plain URL; rename the file to {safe or 'a-plain-name'}.md"
                )
            )
            continue
        entry, problems = vocab.entry_from_metadata(slug, source.meta, source.label)
        found += [_at_key(by_label, p) for p in problems]
        if entry is not None:
            entries.append(entry)
            if codes is not None:
                found += [
                    source.problem(unknown_code(code), "codes")
                    for code in entry.codes
                    if codes.title(code) is None
                ]
    vocabulary = vocab.Vocabulary(entries)
    return vocabulary, found + [_at_key(by_label, p) for p in vocabulary.problems]


def _at_key(by_label: dict[str, Source], problem: Problem) -> Problem:
    """A problem of a pure module (which names files by label) at its key in its file."""
    keys = problem.key.split(".") if problem.key else ()
    return by_label[problem.path].problem(problem.message, *keys, level=problem.level)


def check_today(settings: Settings) -> list[Problem]:
    """A "today" set for the review dates that is no date."""
    wrong = today(settings)[1]
    if wrong is None:
        return []
    return [
        Problem(
            SETTINGS_FILE,
            f"CASEBOOK_TODAY: '{cut(wrong)}' is not a date (YYYY-MM-DD); review dates are "
            "judged against the real date",
            key="CASEBOOK_TODAY",
            level=Level.WARNING,
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
    if entry.reviewed is not None and entry.reviewed > day:
        problems.append(
            source.problem(
                f"reviewed: {entry.reviewed.isoformat()} is after today ({day.isoformat()}); a "
                "review is dated the day it was done: set `reviewed:` to that day",
                "reviewed",
            )
        )
    elif entry.reviewed is not None and due is not None and due < day:
        problems.append(
            source.problem(
                f"reviewed: {entry.reviewed.isoformat()}; the next review was due "
                f"{due.isoformat()} (every {months} months, CONDITION_REVIEW_MONTHS): read the "
                "explanation again and set `reviewed:` to the day you did",
                "reviewed",
                level=Level.WARNING,
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
                source.at(
                    f"'{cut(found.group(), 40)}': the text says when to see a doctor, but "
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
                source.at(
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
