"""What the lint reports: a Finding, and the advice for each kind."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """One thing in a post that may identify a client, and what to do about it."""

    line: int
    kind: str
    text: str
    message: str


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
    "phone": "looks like a phone or fax number {text!r}; remove it",
    "email": "email address {text!r}; remove it",
    "address": "looks like a street address or postal box {text!r}; remove it (a state is fine)",
    "date": (
        "date {text!r} has a day or month; keep only the year, "
        "or say it relatively ('a few months later')"
    ),
    "age": "age over 89 {text!r}; write '90 or older' or leave the age out",
    "record-number": "looks like a record, account or licence number {text!r}; remove it",
    "url": "URL {text!r} carries an identifier; link to a page without it",
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
}


def quoted(text: str, limit: int = 80) -> str:
    """Text as a message quotes it: repr, cut short, so a huge value stays one short line."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def finding(line: int, kind: str, text: str) -> Finding:
    """A Finding with the standard advice for its kind."""
    return Finding(line, kind, text, MESSAGES[kind].replace("{text!r}", quoted(text)))


def address_finding(line: int, kind: str, text: str, where: str, address: str) -> Finding:
    """A Finding in a slug, redirect or file name, with advice to rename it."""
    what = ADDRESS_WHAT[kind]
    # Values go in last: a `{` in an address must not be read as a placeholder.
    message = ADDRESS_MESSAGE.replace("{where}", where).replace("{what}", what)
    message = message.replace("{address!r}", quoted(address)).replace("{text!r}", quoted(text))
    return Finding(line, kind, text, message)
