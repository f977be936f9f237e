"""A case's consent as the desk shows it: given (when and how), not given, or withdrawn.

The mapping `consent: {given: YYYY-MM-DD, how: …, text: …}` is begun by `make consent
OF=<slug>`, which binds it to the approved text; the desk then records the day the client signed
and how (the only consent keys it writes); the rule book says
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
    AWAITING = "awaiting"  # an approval copy printed, not signed yet
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

    @property
    def signing(self) -> bool:
        """Whether the form asks when and how the client signed (a copy is bound to the text)."""
        return self.standing in (Standing.AWAITING, Standing.GIVEN)


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
        if value.get("text"):
            return Consent(
                Standing.AWAITING,
                "Not given yet: an approval copy is printed. Once the client has signed it, "
                "enter the day they signed and save.",
            )
    return Consent(
        Standing.NOT_GIVEN,
        "Not given yet: the case stays a draft until the client's written consent is on file.",
    )


# What the form offers for `how:` when the file says nothing yet.
SIGNED_HOW = "signed approval copy"


def signed_fields(case: Any) -> dict[str, str]:
    """The signing day (YYYY-MM-DD, or empty) and how, as the form shows them."""
    value = case.get("consent") if isinstance(case, dict) else None
    value = value if isinstance(value, dict) else {}
    given = value.get("given")
    day = given.isoformat() if isinstance(given, datetime.date) else str(given or "")
    return {"given": day, "how": str(value.get("how") or SIGNED_HOW)}


def signed_changes(case: Any, given: str, how: str) -> tuple[dict[str, Any], list[str]]:
    """The `given:`/`how:` the form would write (keys under `consent:`), and notes on refusals."""
    value = case.get("consent") if isinstance(case, dict) else None
    if not isinstance(value, dict) or not value.get("text") or value.get("withdrawn"):
        return {}, []  # only a copy bound to a text is signed here
    given, how = given.strip(), " ".join(how.split())
    found: dict[str, Any] = {}
    if given:
        try:
            day = datetime.date.fromisoformat(given)
        except ValueError:
            return {}, [f"The signing day stays as it was: {given!r} is not a day like 2026-11-30."]
        if day != value.get("given"):
            found["given"] = day
    if (found or value.get("given")) and how and how != value.get("how"):
        found["how"] = how
    return found, []
