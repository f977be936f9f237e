"""What a condition's cases show: how many, how many sessions, how they turned out; pure.

Every figure carries the cases it was computed from, so a page can link each number to
its cases; nothing here is typed by hand. With fewer than MIN_CASES cases there are no
figures at all, only the cases, each with its own sessions and outcome: a median of two is
no summary.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, NamedTuple, TypeVar

from .cases import OUTCOME_STATUSES, STATUS_LABELS, outcome_status, sessions_count

MIN_CASES = 3
UNRECORDED = "not recorded"  # a case whose status is missing or not in the vocabulary
UNRECORDED_LABEL = "Not recorded"

Case = TypeVar("Case")
# (value in CaseFacts.status, the status it counts under, its label), in the order shown.
STATUS_ORDER: tuple[tuple[str | None, str, str], ...] = (
    *((s.value, s.value, s.label) for s in OUTCOME_STATUSES),
    (None, UNRECORDED, UNRECORDED_LABEL),
)


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
    if not isinstance(block, dict):
        return CaseFacts(case, None, None)
    sessions, status = block.get("sessions"), block.get("outcome_status")
    # The common case first, in place (thousands of cases in a large build): a whole number
    # (not a bool), and a status as the vocabulary writes it.
    if type(sessions) is not int or sessions < 0:
        sessions = sessions_count(sessions)
    if type(status) is not str or status not in STATUS_LABELS:
        status = outcome_status(status)
    return CaseFacts(case, sessions, status)


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
    few: tuple[CaseFacts[Case], ...] = ()  # without `enough`: each case's own facts

    @property
    def count(self) -> int:
        return len(self.cases)


def _sessions(known: list[tuple[int, Case]]) -> Sessions[Case] | None:
    """Median and range over (sessions, case) pairs; None when fewer than MIN_CASES."""
    if len(known) < MIN_CASES:
        return None
    numbers = sorted([sessions for sessions, _case in known])
    middle = len(numbers) // 2
    # An even count has two middle values; the median lies halfway between them.
    pair = (numbers[middle],) if len(numbers) % 2 else (numbers[middle - 1], numbers[middle])
    low, high = numbers[0], numbers[-1]
    at_median, at_low, at_high = [], [], []
    for sessions, case in known:
        if sessions in pair:
            at_median.append(case)
        if sessions == low:
            at_low.append(case)
        if sessions == high:
            at_high.append(case)
    return Sessions(
        median=sum(pair) / len(pair),
        middle=tuple(sorted(set(pair))),
        low=low,
        high=high,
        at_median=tuple(at_median),
        at_low=tuple(at_low),
        at_high=tuple(at_high),
    )


def summarise(found: Sequence[CaseFacts[Case]]) -> Summary[Case]:
    """The figures for one condition's published cases, in the order given."""
    if len(found) < MIN_CASES:
        return Summary(tuple([f.case for f in found]), enough=False, few=tuple(found))
    # One pass (a condition of a large site has hundreds of cases).
    cases, known, unknown = [], [], []
    by_status: dict[str | None, list[Case]] = {}
    for case, sessions, status in found:
        cases.append(case)
        if sessions is None:
            unknown.append(case)
        else:
            known.append((sessions, case))
        same = by_status.get(status)
        if same is None:
            same = by_status[status] = []
        same.append(case)
    total = len(found)
    statuses = tuple(
        StatusCount(status, label, tuple(by_status[value]), total)
        for value, status, label in STATUS_ORDER
        if value in by_status
    )
    return Summary(tuple(cases), True, statuses, _sessions(known), tuple(unknown))


def outcome_label(block: object) -> str | None:
    """The outcome status of a `case:` block as a reader sees it, or None when it has none."""
    found = facts(None, block)
    return found.label if found.status else None


def counted_once(oldest_first: Iterable[Case], client: Callable[[Case], Hashable]) -> set[int]:
    """The `id()` of each case to count: the first of each client's series, oldest first.

    `client` gives a case's series and client together (the same for a follow-up that
    carries a `case:` block of its own); the rule book refuses such a block, and until it is
    removed the client is still counted once, under the series' first case.
    """
    kept: dict[Hashable, int] = {}
    for case in oldest_first:
        kept.setdefault(client(case), id(case))
    return set(kept.values())


def by_sessions(found: Sequence[CaseFacts[Case]]) -> list[CaseFacts[Case]]:
    """Fewest sessions first, cases without a number last; ties keep the order given."""
    return sorted(found, key=lambda f: (f.sessions is None, f.sessions or 0))
