"""The case summary box a referring clinician reads, from a post's `case:` block."""

from typing import NamedTuple

from .content.newfiles import scalar


class CaseField(NamedTuple):
    """One field of the summary box: its key, its label, and what to write in it."""

    key: str
    label: str
    asks: str  # what the author writes, shown in `make newcase` files and in messages
    required: bool  # a published case must fill it


class OutcomeStatus(NamedTuple):
    """One value of the outcome vocabulary: as written, as shown, and what it means."""

    value: str  # what the author writes in `outcome_status:`
    label: str  # what a reader sees
    means: str  # when to choose it


# The outcome at the end of the course, from best to worst; the figures on condition pages
# count these, so the list stays short and fixed. Free text goes in `outcome` beside it.
OUTCOME_STATUSES = (
    OutcomeStatus("resolved", "Resolved", "the complaint is gone"),
    OutcomeStatus("much improved", "Much improved", "the complaint is mostly gone, or rare"),
    OutcomeStatus("improved", "Improved", "the complaint is less, but still there"),
    OutcomeStatus(
        "managed with maintenance visits",
        "Managed with maintenance visits",
        "regular visits keep the complaint in check",
    ),
    OutcomeStatus("no change", "No change", "no lasting difference"),
    OutcomeStatus("referred on", "Referred on", "sent on to another practitioner"),
)
STATUS_VALUES = tuple(s.value for s in OUTCOME_STATUSES)
STATUS_LABELS = {s.value: s.label for s in OUTCOME_STATUSES}


# The order follows the CARE case-report checklist; the labels are what a clinician reads.
FIELDS = (
    CaseField("client", "Client", "a pseudonym: first name and initial, e.g. Ana R.", True),
    CaseField("presenting_complaint", "Presenting complaint", "what brought the client in", True),
    CaseField("findings", "Findings", "what the assessment found", True),
    CaseField("interventions", "Treatment", "what was done, and the home care given", True),
    CaseField("sessions", "Sessions", "how many sessions, a whole number", True),
    CaseField("outcome", "Outcome", "how it turned out", True),
    CaseField("outcome_status", "Outcome status", f"one of: {', '.join(STATUS_VALUES)}", True),
    CaseField("follow_up", "Follow-up", "what happens next: maintenance, referral, nothing", True),
    CaseField(
        "patient_perspective",
        "In the client's words",
        "optional: the client's own words, with their consent",
        False,
    ),
)
CASE_FIELDS = tuple((f.key, f.label) for f in FIELDS)
# Every key a `case:` block may hold: the fields, and the consent gate.
CASE_KEYS = ("client", "consent", *(f.key for f in FIELDS if f.key != "client"))


def filled(value: object) -> bool:
    """Whether a case field holds something to show."""
    if isinstance(value, str):
        return bool(value.strip())
    return value not in (None, [], {})


def outcome_status(value: object) -> str | None:
    """The vocabulary's value that `value` names (any case, hyphens or spaces), or None."""
    if not isinstance(value, str) or len(value) > 100:  # no value of the vocabulary is longer
        return None
    if value in STATUS_LABELS:  # as the vocabulary writes it: most cases, and the quickest
        return value
    words = " ".join(value.replace("-", " ").replace("_", " ").split()).casefold()
    return words if words in STATUS_LABELS else None


def sessions_count(value: object) -> int | None:
    """A `sessions` value as a whole number, or None if it is not one."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return value


def _shown(key, value):
    if key == "outcome_status":
        status = outcome_status(value)
        return STATUS_LABELS[status] if status else value
    return value


def case_fields(case):
    """The case summary's fields present in `case`, in the fixed reading order."""
    if not isinstance(case, dict):
        return []
    return [
        (key, label, _shown(key, case[key])) for key, label in CASE_FIELDS if filled(case.get(key))
    ]


def consent_lines(slug: str) -> list[str]:
    """The `consent:` block a new case starts with: every key empty, each explained."""
    return [
        f"  consent:   # the client's approval of this very text: `make consent OF={slug}` "
        "prints the copy they sign",
        "    given:   # the date the client signed the approval copy, e.g. 2026-11-30",
        "    how:   # how they consented, e.g. signed approval copy",
        "    text:   # written by `make consent`: the fingerprint of the text they approved",
        "    # withdrawn: 2026-12-01   # if the client withdraws: the case leaves the site",
    ]


def case_block(values: dict[str, str] | None = None, consent: list[str] | None = None) -> str:
    """The `case:` block with every field explained, as `make newcase` writes it.

    `values` fills fields known already (`make import` takes them from a post's title);
    each is written by PyYAML's emitter. `consent`: the consent lines (`consent_lines`);
    without them, `consent: false`.
    """
    values = values or {}
    lines = ["case:   # the summary box a referring clinician reads"]
    for f in FIELDS:
        value = f" {scalar(values[f.key])}" if values.get(f.key) else ""
        lines.append(f"  {f.key}:{value}   # {f.asks}")
        if f.key == "client":
            lines += consent or [
                "  consent: false   # true once written consent is on file; until then it "
                "never publishes"
            ]
    return "\n".join(lines) + "\n"
