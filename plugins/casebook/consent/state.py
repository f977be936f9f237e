"""What a case's `consent:` says: none, given (bound to a text or not), awaiting, withdrawn."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

# The keys of the mapping, in the order `make newcase` writes them.
KEYS = ("given", "how", "text", "withdrawn")
# A fingerprint as `make consent` writes it: the version of the normalisation, then the hash.
FINGERPRINT = re.compile(r"v1-[0-9a-f]{32}")


class Standing(StrEnum):
    """Where a case's consent stands, as far as publishing is concerned."""

    NONE = "none"  # missing or false: the case never publishes
    UNBOUND = "unbound"  # `true`, or given without a text: publishes, with a warning
    AWAITING = "awaiting"  # an approval copy is printed (text), the client has not signed yet
    GIVEN = "given"  # given, bound to the text of an approval copy
    WITHDRAWN = "withdrawn"  # taken out of every page of the site
    INVALID = "invalid"  # something the site cannot read as consent: never publishes


@dataclass(frozen=True)
class Consent:
    """A case's consent as read from its `consent:` value."""

    standing: Standing
    given: datetime.date | None = None
    how: str | None = None
    text: str | None = None  # the fingerprint of the approved text
    withdrawn: datetime.date | None = None

    @property
    def publishable(self) -> bool:
        """Whether the case may be on the site (a changed text is the rule book's to refuse)."""
        return self.standing in (Standing.UNBOUND, Standing.GIVEN)

    @property
    def bound(self) -> bool:
        """Whether consent names the text it was given for."""
        return self.standing == Standing.GIVEN


def as_date(value: object) -> datetime.date | None:
    """A front-matter date (YAML's, or YYYY-MM-DD text), or None if it is not one."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and len(value) <= 40:
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _present(value: object) -> bool:
    """Whether a value says something (`false`, empty and missing say nothing)."""
    return (
        value is not None
        and value is not False
        and not (isinstance(value, str) and not value.strip())
    )


def read(value: object) -> Consent:
    """The consent a `consent:` value records (the rule book says what is wrong with it)."""
    if value is True:
        return Consent(Standing.UNBOUND)
    if value is None or value is False:
        return Consent(Standing.NONE)
    if not isinstance(value, Mapping):
        return Consent(Standing.INVALID)
    # Withdrawal wins over everything else, however it is written: a case the client took
    # back is never shown because a date was mistyped.
    if _present(value.get("withdrawn")):
        return Consent(Standing.WITHDRAWN, withdrawn=as_date(value.get("withdrawn")))
    if any(not isinstance(key, str) or key not in KEYS for key in value):
        return Consent(Standing.INVALID)
    given_value, how, text = value.get("given"), value.get("how"), value.get("text")
    given = as_date(given_value)
    if _present(given_value) and given is None:
        return Consent(Standing.INVALID)
    if _present(how) and not isinstance(how, str):
        return Consent(Standing.INVALID)
    if _present(text) and not (isinstance(text, str) and FINGERPRINT.fullmatch(text.strip())):
        return Consent(Standing.INVALID)
    how_text = how.strip() if isinstance(how, str) and how.strip() else None
    fingerprint = text.strip() if isinstance(text, str) and text.strip() else None
    if given is None:
        standing = Standing.AWAITING if fingerprint else Standing.NONE
    else:
        standing = Standing.GIVEN if fingerprint else Standing.UNBOUND
    return Consent(standing, given, how_text, fingerprint)


def of_case(case: object) -> Consent:
    """The consent of a post's `case:` block (none when there is no block)."""
    return read(case.get("consent")) if isinstance(case, Mapping) else Consent(Standing.NONE)


def publishable(case: object) -> bool:
    """Whether a post may be on the site: not a case, or a case with consent it may show."""
    return not isinstance(case, Mapping) or of_case(case).publishable


def withdrawn(case: object) -> bool:
    """Whether a post is a case whose client withdrew consent."""
    return of_case(case).standing == Standing.WITHDRAWN
