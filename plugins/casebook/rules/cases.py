"""Rules of a case's `case:` block: known fields, sessions, outcome status, consent, a full box."""

from __future__ import annotations

import difflib
from typing import Any

from ..cases import CASE_KEYS, FIELDS, STATUS_VALUES, filled, outcome_status
from ..consent import state
from ..content.problems import Problem
from ..content.source import Source
from ..content.values import PUBLIC, Status, cut, short, text_list
from .consent import check_consent


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
    problems = check_consent(source, case, status)
    if state.withdrawn(case):
        status = Status.DRAFT  # on no page: nothing of it need be finished
    for key in case:
        if key not in CASE_KEYS:
            close = difflib.get_close_matches(str(key), CASE_KEYS, n=1)
            hint = f"did you mean `{close[0]}`? " if close else ""
            problems.append(
                source.problem(
                    f"case.{cut(key, 40)}: not a case field, so it is never shown; {hint}"
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
                f"case.sessions: {short(sessions)} is not a whole number; write it in digits, "
                "e.g. `sessions: 10`",
                "case",
                "sessions",
            )
        )
    problems += _outcome_status(source, case, status)
    client = case.get("client")
    if client is None or (isinstance(client, str) and not client.strip()):
        if status in PUBLIC:  # a draft, as `make newcase` writes it, waits for its client
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
                f"case.client: {short(client)} is not text; write a pseudonym like "
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
            f"case.outcome_status: {short(value)} is not an outcome status; {hint}"
            f"write one of: {choices}",
            "case",
            "outcome_status",
        )
    ]


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
