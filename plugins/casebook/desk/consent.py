"""A case's consent as the desk shows it: given (when and how), not given, or withdrawn.

The desk only reads consent. The mapping `consent: {given: YYYY-MM-DD, how: …, text: …}` is
written by `make consent OF=<slug>`, which binds it to the approved text; the rule book says
when the text changed since (shown beside the consent, in its words). A plain `consent: true`
from before still reads, as given but bound to no text.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Standing(StrEnum):
    GIVEN = "given"
    UNBOUND = "unbound"  # `consent: true`: given, bound to no text
    NOT_GIVEN = "not-given"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class Consent:
    """Where a case's consent stands, in plain words."""

    standing: Standing
    words: str

    @property
    def given(self) -> bool:
        return self.standing in (Standing.GIVEN, Standing.UNBOUND)


def _day(value: Any) -> str:
    if isinstance(value, datetime.date):
        return value.strftime("%-d %B %Y")
    return str(value)


def consent_of(case: Any) -> Consent:
    """The consent of a `case:` block."""
    value = case.get("consent") if isinstance(case, dict) else None
    if value is True:
        return Consent(
            Standing.UNBOUND,
            "Given (written as `consent: true`): not bound to what the client saw; print an "
            "approval copy to bind it to the text.",
        )
    if isinstance(value, dict):
        if value.get("withdrawn"):
            return Consent(
                Standing.WITHDRAWN,
                f"Withdrawn on {_day(value['withdrawn'])}: the case is taken off the site.",
            )
        if value.get("given"):
            how = value.get("how")
            words = f"Given on {_day(value['given'])}" + (f", {how}" if how else "") + "."
            return Consent(Standing.GIVEN, words)
    return Consent(
        Standing.NOT_GIVEN,
        "Not given yet: the case stays a draft until the client's written consent is on file.",
    )
