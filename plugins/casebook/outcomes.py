"""What a condition's cases show: how many, how many sessions, how they turned out; pure.

Every figure carries the cases it was computed from, so a page can link each number to
its cases; nothing here is typed by hand. With fewer than MIN_CASES cases there are no
figures at all, only the cases: a median of two is no summary.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, NamedTuple, TypeVar

from .cases import OUTCOME_STATUSES, STATUS_LABELS, outcome_status, sessions_count

MIN_CASES = 3
UNRECORDED = "not recorded"  # a case whose status is missing or not in the vocabulary
UNRECORDED_LABEL = "Not recorded"

Case = TypeVar("Case")


class CaseFacts(NamedTuple, Generic[Case]):
    """One case as the figures see it: what to link to, its sessions and its status."""

    # A tuple: thousands are made in a large build, and a tuple is the cheapest to make.
    case: Case
    sessions: int | None  # None: not given as a whole number
    status: str | None  # a value of cases.OUTCOME_STATUSES; None: missing or unknown

    @property
    def label(self) -> str:
        """The status as a reader sees it."""
        return STATUS_LABELS[self.status] if self.status else UNRECORDED_LABEL


def facts(case: Case, block: object) -> CaseFacts[Case]:
    """The facts of one case from its `case:` block (a dict as the front matter gives it)."""
    values = block if isinstance(block, dict) else {}
    return CaseFacts(
        case, sessions_count(values.get("sessions")), outcome_status(values.get("outcome_status"))
    )


@dataclass(frozen=True)
class StatusCount(Generic[Case]):
    """How many cases ended with one outcome status, and which."""

    status: str
    label: str
    cases: tuple[Case, ...]
    total: int  # every case counted, for the share

    @property
    def count(self) -> int:
        return len(self.cases)

    @property
    def share(self) -> float:
        """This status's part of all the cases, from 0 to 1."""
        return self.count / self.total if self.total else 0.0


@dataclass(frozen=True)
class Sessions(Generic[Case]):
    """Median and range of sessions over the cases that give a number, with their cases."""

    median: float
    middle: tuple[int, ...]  # the middle number, or the two the median lies halfway between
    low: int
    high: int
    at_median: tuple[Case, ...]  # the middle case(s), and any tied with them
    at_low: tuple[Case, ...]
    at_high: tuple[Case, ...]
    known: tuple[Case, ...]

    @property
    def median_text(self) -> str:
        """The median as a reader sees it: 6, or 6.5."""
        return f"{self.median:g}"


@dataclass(frozen=True)
class Summary(Generic[Case]):
    """A condition's figures; without `enough` cases, only the cases themselves."""

    cases: tuple[Case, ...]
    enough: bool
    statuses: tuple[StatusCount[Case], ...] = ()  # the vocabulary's order; only those that occur
    sessions: Sessions[Case] | None = None  # None: too few cases give their sessions
    sessions_unknown: tuple[Case, ...] = ()

    @property
    def count(self) -> int:
        return len(self.cases)


def sessions_figures(found: Sequence[CaseFacts[Case]]) -> Sessions[Case] | None:
    """Median and range of sessions, or None when fewer than MIN_CASES cases give a number."""
    known = [f for f in found if f.sessions is not None]
    numbers = sorted(f.sessions for f in known if f.sessions is not None)
    if len(numbers) < MIN_CASES:
        return None
    middle = len(numbers) // 2
    # An even count has two middle values; the median lies halfway between them.
    pair = (numbers[middle],) if len(numbers) % 2 else (numbers[middle - 1], numbers[middle])
    middles = set(pair)
    low, high = numbers[0], numbers[-1]
    at_median, at_low, at_high = [], [], []
    for f in known:
        if f.sessions in middles:
            at_median.append(f.case)
        if f.sessions == low:
            at_low.append(f.case)
        if f.sessions == high:
            at_high.append(f.case)
    return Sessions(
        median=sum(pair) / len(pair),
        middle=tuple(sorted(middles)),
        low=low,
        high=high,
        at_median=tuple(at_median),
        at_low=tuple(at_low),
        at_high=tuple(at_high),
        known=tuple(f.case for f in known),
    )


def status_counts(found: Sequence[CaseFacts[Case]]) -> tuple[StatusCount[Case], ...]:
    """Cases per outcome status, in the vocabulary's order; cases without one come last."""
    by_status: dict[str, list[Case]] = {}
    for f in found:
        by_status.setdefault(f.status or UNRECORDED, []).append(f.case)
    labels = [(s.value, s.label) for s in OUTCOME_STATUSES] + [(UNRECORDED, UNRECORDED_LABEL)]
    return tuple(
        StatusCount(value, label, tuple(by_status[value]), len(found))
        for value, label in labels
        if value in by_status
    )


def summarise(found: Sequence[CaseFacts[Case]]) -> Summary[Case]:
    """The figures for one condition's published cases, in the order given."""
    cases = tuple(f.case for f in found)
    if len(found) < MIN_CASES:
        return Summary(cases, enough=False)
    return Summary(
        cases,
        enough=True,
        statuses=status_counts(found),
        sessions=sessions_figures(found),
        sessions_unknown=tuple(f.case for f in found if f.sessions is None),
    )


def by_sessions(found: Sequence[CaseFacts[Case]]) -> list[CaseFacts[Case]]:
    """Fewest sessions first, cases without a number last; ties keep the order given."""
    return sorted(found, key=lambda f: (f.sessions is None, f.sessions or 0))
