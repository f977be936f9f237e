"""The practice's identity (the PRACTICE setting): what it must hold, how it is linked; pure."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import phonenumbers

from .content.problems import Level, Problem
from .content.settings import SETTINGS_FILE, Settings

# Shown on every case and condition page and in every printout: a missing one is a warning.
REQUIRED = {
    "name": "the practice's name",
    "practitioner": "the practitioner's name",
    "credentials": "the practitioner's credentials, e.g. LMT",
    "phone": "the phone number clients call",
    "email": "the practice's email address",
    "street": "the street address",
    "town": "the town",
}
# Text a reader sees that names the practice, not a client: the privacy lint accepts it.
IDENTITY_KEYS = (
    "name",
    "practitioner",
    "credentials",
    "credentials_long",
    "license",
    "street",
    "town",
    "state",
    "zip",
    "phone",
    "fax",
    "email",
    "booking_url",
)
DEFAULT_REGION = "US"


def identity(settings: Settings) -> dict[str, Any]:
    """The PRACTICE setting as a dict (empty when missing or not a dict)."""
    value = settings.get("PRACTICE")
    return dict(value) if isinstance(value, Mapping) else {}


def _text(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def problems(settings: Settings) -> list[Problem]:
    """Warnings for an identity setting that is missing, empty or not usable."""
    value = settings.get("PRACTICE")
    if not isinstance(value, Mapping):
        return [
            Problem(
                SETTINGS_FILE,
                "PRACTICE: missing; add the practice's name, practitioner, credentials, phone, "
                "email and address as `PRACTICE = {...}` (see plugins/casebook/README.md): "
                "case and condition pages and every printout show them",
                key="PRACTICE",
                level=Level.WARNING,
            )
        ]
    found = [
        Problem(
            SETTINGS_FILE,
            f"PRACTICE['{key}']: missing; add {what}: case and condition pages and every "
            "printout show it",
            key="PRACTICE",
            level=Level.WARNING,
        )
        for key, what in REQUIRED.items()
        if not _text(value.get(key))
    ]
    for key in ("phone", "fax"):
        number = _text(value.get(key))
        if number and tel_uri(number, value.get("country")) is None:
            found.append(
                Problem(
                    SETTINGS_FILE,
                    f"PRACTICE['{key}']: '{number[:40]}' is not a phone number a phone can "
                    "dial; write it with its area code, e.g. (508) 555-0100",
                    key="PRACTICE",
                    level=Level.WARNING,
                )
            )
    email = _text(value.get("email"))
    if email and not _email(email):
        found.append(_unusable("email", email, "an address like office@example.com"))
    booking = _text(value.get("booking_url"))
    if booking and not _web_address(booking):
        found.append(_unusable("booking_url", booking, "a web address starting with https://"))
    return found


def _unusable(key: str, value: str, wanted: str) -> Problem:
    return Problem(
        SETTINGS_FILE,
        f"PRACTICE['{key}']: '{value[:40]}' cannot be linked, so it is left out; write {wanted}",
        key="PRACTICE",
        level=Level.WARNING,
    )


def tel_uri(number: str, region: object = None) -> str | None:
    """A `tel:` URI (RFC 3966, E.164 digits) for a written phone number, or None."""
    text = _text(number)
    if not text or len(text) > 40:
        return None
    country = region if isinstance(region, str) and region else DEFAULT_REGION
    try:
        parsed = phonenumbers.parse(text, country)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed):
        return None
    e164: str = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return f"tel:{e164}"


def _phrases(practice: dict[str, Any]) -> Iterator[str]:
    for key in IDENTITY_KEYS:
        text = _text(practice.get(key))
        if text:
            yield text
    # Parts a post writes alone: "100 Example Street" of "100 Example Street, Suite 2", and
    # the licence's number ("MT-0000") of "... license no. MT-0000 (example)".
    street = _text(practice.get("street"))
    if "," in street:
        yield street.split(",", 1)[0].strip()
    for word in _text(practice.get("license")).split():
        number = word.strip("().,;:")
        if len(number) >= 3 and any(c.isdigit() for c in number):
            yield number
    town, state, zip_code = (_text(practice.get(k)) for k in ("town", "state", "zip"))
    if town and state:
        yield f"{town}, {state}"
        if zip_code:
            yield f"{town}, {state} {zip_code}"


def allowed_phrases(settings: Settings) -> list[str]:
    """The practice's own name, address and numbers: no client's, so never a privacy finding."""
    return list(dict.fromkeys(_phrases(identity(settings))))


def _web_address(value: object) -> str:
    """An http(s) address, or "" for anything a link should not lead to (javascript:, data:)."""
    text = _text(value)
    return text if text.lower().startswith(("https://", "http://")) and " " not in text else ""


def _email(value: object) -> str:
    text = _text(value)
    local, at, domain = text.partition("@")
    return text if at and local and "." in domain and not set(text) & set(" <>\"'?&") else ""


def view(settings: Settings) -> dict[str, Any]:
    """What templates show of the practice: its settings, plus the links made from them."""
    shown = identity(settings)
    region = shown.get("country")
    shown["phone_tel"] = tel_uri(_text(shown.get("phone")), region) or ""
    shown["fax_tel"] = tel_uri(_text(shown.get("fax")), region) or ""
    shown["booking_url"] = _web_address(shown.get("booking_url"))
    shown["email"] = _email(shown.get("email"))
    town, state, zip_code = (_text(shown.get(k)) for k in ("town", "state", "zip"))
    place = " ".join(
        p for p in (f"{town}, {state}" if town and state else town or state, zip_code) if p
    )
    shown["address_lines"] = [line for line in (_text(shown.get("street")), place) if line]
    for key in ("hours",):
        value = shown.get(key)
        shown[key] = [_text(v) for v in value if _text(v)] if isinstance(value, list) else []
    first = shown.get("first_visit")
    shown["first_visit"] = dict(first) if isinstance(first, Mapping) else {}
    return shown
