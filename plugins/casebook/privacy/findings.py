"""What the lint reports: a Finding, its Safe Harbor category, and the advice for each kind."""

from __future__ import annotations

from dataclasses import dataclass

# The 18 Safe Harbor identifiers (45 CFR 164.514(b)(2)), ages over 89 apart from dates.
NAMES = "names"
GEOGRAPHY = "geography"
DATES = "dates"
AGES = "ages"
PHONE = "phone"
FAX = "fax"
EMAIL = "email"
SSN = "ssn"
MEDICAL_RECORD = "medical-record"
HEALTH_PLAN = "health-plan"
ACCOUNT = "account"
LICENCE = "licence"
VEHICLE = "vehicle"
DEVICE = "device"
URL = "url"
IP = "ip"
BIOMETRIC = "biometric"
PHOTOS = "photos"
OTHER_CODE = "other-code"
CATEGORIES = (
    NAMES, GEOGRAPHY, DATES, AGES, PHONE, FAX, EMAIL, SSN, MEDICAL_RECORD, HEALTH_PLAN,
    ACCOUNT, LICENCE, VEHICLE, DEVICE, URL, IP, BIOMETRIC, PHOTOS, OTHER_CODE,
)  # fmt: skip


@dataclass(frozen=True)
class Finding:
    """One thing in a post that may identify a client, and what to do about it.

    A warning is a finding whose context could not decide (a name in a passage about
    history, a holiday): shown everywhere, it never stops a publish build.
    """

    line: int
    kind: str
    text: str
    message: str
    category: str = ""
    warning: bool = False


@dataclass(frozen=True)
class Hit:
    """A detector's answer: a span of the text it read, what it is, and, for a warning, why."""

    start: int
    end: int
    kind: str
    category: str
    reason: str = ""  # not empty: a warning, and what the context left open


# The category of each kind that has only one.
KIND_CATEGORIES = {
    "pseudonym": NAMES,
    "name": NAMES,
    "place": GEOGRAPHY,
    "address": GEOGRAPHY,
    "email": EMAIL,
    "date": DATES,
    "age": AGES,
    "url": URL,
    "ip": IP,
    "face": PHOTOS,
}

MESSAGES = {
    "pseudonym": (
        "client {text!r} is not a pseudonym; write a first name and an initial, like 'Krystal S.'"
    ),
    "name": (
        "looks like a full name {text!r}; use a first name and initial, "
        "or list it in privacy_ok if it is not a person"
    ),
    "place": (
        "names a town or place smaller than a state {text!r}; leave it out or name only the "
        "state, or list it in privacy_ok if it is not where the client lives, works or was seen"
    ),
    "address": "looks like a street address or postal box {text!r}; remove it (a state is fine)",
    "email": "email address {text!r}; remove it",
    "date": (
        "date {text!r} has a day or month; keep only the year, "
        "or say it relatively ('a few months later')"
    ),
    "age": "age over 89 {text!r}; write '90 or older' or leave the age out",
    "url": "URL {text!r} carries an identifier; link to a page without it",
    "ip": "IP address {text!r} can lead to a client's home or device; remove it",
}
# Numbers say what they look like by category: a licence is not a phone number.
NUMBER_MESSAGES = {
    PHONE: "looks like a phone number {text!r}; remove it",
    FAX: "looks like a fax number {text!r}; remove it",
    SSN: "looks like a social security number {text!r}; remove it, even the last four digits",
    MEDICAL_RECORD: "looks like a medical record or chart number {text!r}; remove it",
    HEALTH_PLAN: "looks like a health plan or insurance member number {text!r}; remove it",
    ACCOUNT: "looks like an account or card number {text!r}; remove it, even the last digits",
    LICENCE: "looks like a licence or certificate number {text!r}; remove it",
    VEHICLE: "looks like a vehicle plate or VIN {text!r}; remove it",
    DEVICE: "looks like a device identifier or serial number {text!r}; remove it",
    BIOMETRIC: (
        "looks like a biometric identifier (a fingerprint, voiceprint, retina, gait or DNA "
        "record) {text!r}; remove it"
    ),
    OTHER_CODE: (
        "looks like a code that identifies someone (a badge, student, bib, booking or meeting "
        "number) {text!r}; remove it"
    ),
}

# In an address (a slug, a redirect, a file name) the advice is to rename it.
ADDRESS_MESSAGE = (
    "{where} {address!r} shows {text!r}, which looks like a {what}, in a URL every reader sees; "
    "rename it with a pseudonym and no {what} (like 'sciatica-and-low-back-pain-dana-m')"
)
ADDRESS_WHAT = {
    "name": "full name",
    "place": "town or place",
    "phone": "phone number",
    "date": "day-level date",
    "email": "email address",
    "age": "age over 89",
}


def quoted(text: str, limit: int = 80) -> str:
    """Text as a message quotes it: repr, cut short, so a huge value stays one short line."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def message(kind: str, category: str, text: str) -> str:
    """The standard advice for a kind (and, for numbers, its category)."""
    template = MESSAGES.get(kind) or NUMBER_MESSAGES.get(category) or NUMBER_MESSAGES[OTHER_CODE]
    return template.replace("{text!r}", quoted(text))


def finding(
    line: int, kind: str, text: str, category: str = "", reason: str = "", written: str = ""
) -> Finding:
    """A Finding with the standard advice for its kind; `reason` makes it a warning.

    `written` is the text as the file has it, when a reader sees it otherwise (an entity,
    a hidden or look-alike character): the message shows both.
    """
    category = category or KIND_CATEGORIES.get(kind, OTHER_CODE)
    advice = message(kind, category, text)
    if written and " ".join(written.split()) != text:
        advice = advice.replace(quoted(text), f"{quoted(text)} (written {quoted(written)})", 1)
    if reason:
        advice = f"{advice} (a warning, not an error: {reason})"
    return Finding(line, kind, text, advice, category, bool(reason))


def address_finding(line: int, kind: str, text: str, where: str, address: str) -> Finding:
    """A Finding in a slug, redirect or file name, with advice to rename it."""
    what = ADDRESS_WHAT[kind]
    # Values go in last: a `{` in an address must not be read as a placeholder.
    advice = ADDRESS_MESSAGE.replace("{where}", where).replace("{what}", what)
    advice = advice.replace("{address!r}", quoted(address)).replace("{text!r}", quoted(text))
    category = PHONE if kind == "phone" else KIND_CATEGORIES[kind]
    return Finding(line, kind, text, advice, category)
