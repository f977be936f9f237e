"""Safe Harbor identifiers with a shape, run in one chain over each line of seen text.

Every pattern is linear: each starts at a boundary (a lookbehind or a keyword), and
no two adjacent quantified parts can match the same characters (where they could,
as with spaces around an optional colon, the first is possessive: *+). Whitespace is
[^\\S\\n]: the lint joins the lines of a paragraph, and a newline ends a block.

The chain runs from the most specific shape to the least, each blanking what it
found: a social security number is not also a phone number, a phone number not a
date, a date not a code.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import identifiers, labels, spoken
from .addresses import address_spans, addresses
from .ages import age_spans, ages
from .dates import date_spans, dates
from .emails import email_spans, emails
from .findings import AGES, DATES, GEOGRAPHY, OTHER_CODE, SSN, Hit
from .phones import phone_category, phone_spans, phones, spoken_spans
from .spans import Span, blank, texts
from .ssn import ssn_spans

__all__ = [
    "addresses", "ages", "dates", "emails", "phones", "record_numbers", "shaped", "has_shape",
    "email_spans", "phone_spans", "date_spans", "address_spans", "age_spans",
]  # fmt: skip


def record_numbers(text: str) -> list[str]:
    """Record, plan, account, licence, vehicle, device, biometric and social security numbers."""
    found = ssn_spans(text)
    rest = blank(text, found)
    found += [span for span, _ in identifiers.code_spans(rest)]
    return texts(text, sorted(found))


def _phones(text: str) -> list[Hit]:
    spans = sorted(phone_spans(text) + spoken_spans(text))
    return [Hit(s, e, "phone", phone_category(text, s)) for s, e in spans]


def _adjacent_codes(text: str, header: tuple[str, ...]) -> list[Hit]:
    """Codes right after their label, and codes in a table column its header labels."""
    hits = [
        Hit(c.quoted_from, c.end, "record-number", c.category)
        for c in identifiers.labelled_codes(text)
        if c.adjacent
    ]
    if header:
        hits += _table_codes(text, header)
    return hits


def _table_codes(text: str, header: tuple[str, ...]) -> list[Hit]:
    """Codes in the cells of a table row whose column header is a label ('account')."""
    hits = []
    offset = 0
    cells = text.split("|")
    column = -1 if text.lstrip().startswith("|") else 0
    for cell in cells:
        if column >= 0 and column < len(header):
            label = labels.LABEL.fullmatch(header[column].strip())
            if label:
                category = identifiers.label_category(label) or OTHER_CODE
                for token in identifiers.tokens(text, offset, offset + len(cell)):
                    if identifiers.is_code(token.text, text, token.end):
                        hits.append(Hit(token.start, token.end, "record-number", category))
        offset += len(cell) + 1
        column += 1
    return hits


def _far_codes(text: str) -> list[Hit]:
    return [
        Hit(start, end, "record-number", category)
        for (start, end), category in identifiers.code_spans(text)
    ]


def _spoken_codes(text: str) -> list[Hit]:
    return [Hit(s, e, "record-number", c) for (s, e), c in spoken.spoken_code_spans(text)]


def _spans(
    kind: str, category: str, find: Callable[[str], list[Span]]
) -> Callable[[str], list[Hit]]:
    return lambda text: [Hit(s, e, kind, category) for s, e in find(text)]


# (detector, whether what it finds is blanked for the detectors after it)
Detector = Callable[[str], list[Hit]]
CHAIN: tuple[tuple[str, bool], ...] = (
    ("ssn", True),
    ("adjacent-codes", True),
    # A number read out after its label, before `phones` takes ten digit words for a call.
    ("spoken-codes", True),
    ("phones", True),
    ("addresses", True),
    ("dates", True),
    ("ages", False),
    ("codes", True),
)


# Built once: a line of text is the only thing each detector but the table's needs.
DETECTORS: dict[str, Detector] = {
    "ssn": _spans("record-number", SSN, ssn_spans),
    "spoken-codes": _spoken_codes,
    "phones": _phones,
    "addresses": _spans("address", GEOGRAPHY, address_spans),
    "dates": _spans("date", DATES, date_spans),
    "ages": _spans("age", AGES, age_spans),
    "codes": _far_codes,
}


DIGIT = re.compile(r"\d")
# A line with none of these holds no shaped identifier: the chain is not run on it.
SHAPE_WORDS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june "
    "july august september october november december christmas thanksgiving easter passover "
    "hanukkah chanukah kwanzaa diwali halloween eid juneteenth rosh yom friday day eve year "
    "street road avenue lane drive boulevard terrace parkway highway turnpike plate plates "
    "nonagenarian centenarian st rd ave ln blvd".split()
)
DIGIT_WORDS = frozenset("zero oh one two three four five six seven eight nine".split())
SPOKEN_DIGITS = 7  # the fewest a spoken phone number has
SHAPE_PARTS = ("ninet", "hundred", "agenarian")
LINE_WORD = re.compile(r"[A-Za-z]+")


def has_shape(line: str) -> bool:
    """Whether a line may hold a shaped identifier: a digit, or a word that starts one."""
    if DIGIT.search(line) or "@" in line:
        return True  # a digit, or a handle (emails are blanked before)
    lower = line.lower()
    if any(part in lower for part in SHAPE_PARTS):
        return True
    words = LINE_WORD.findall(lower)
    if not SHAPE_WORDS.isdisjoint(words):
        return True
    # A number read out in words ("five oh eight, five five five, ...") has no digit.
    return sum(w in DIGIT_WORDS for w in words) >= SPOKEN_DIGITS


def shaped(text: str, header: tuple[str, ...] = ()) -> tuple[list[Hit], str]:
    """Every shaped identifier in one line of seen text, and the line with them blanked."""
    found: list[Hit] = []
    for name, blanks in CHAIN:
        table = name == "adjacent-codes"
        hits = _adjacent_codes(text, header) if table else DETECTORS[name](text)
        found += hits
        if blanks and hits:
            text = blank(text, [(h.start, h.end) for h in hits])
    return found, text
