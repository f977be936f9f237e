"""Safe Harbor identifiers with a shape: phones, emails, addresses, dates, ages, record numbers.

Every pattern is linear: each starts at a boundary (a lookbehind or a keyword), and
no two adjacent quantified parts can match the same characters (where they could,
as with spaces around an optional colon, the first is possessive: *+). Whitespace is
[^\\S\\n]: the lint joins the lines of a paragraph, and a newline ends a block.
"""

import re

import phonenumbers

from .spans import Span, blank, match_spans, texts

# --- phones -------------------------------------------------------------------------

# Google's libphonenumber rules (phonenumbers), US numbering: "(508) 555-0100",
# "+1 508 555 0100", a dialled "5085550100" and a local "555-0199" are found;
# counts, years, ranges and codes like C5-C6 or M79.604 are not numbers.
PHONE_REGION = "US"
# phonenumbers is slow on long text and walks all of it: it only sees windows
# holding at least seven digits (the shortest US number) with a few characters
# around them, which its own rules use (a time after a date, a letter before).
PHONE_WINDOW = re.compile(r"(?<!\d)[+(]?\d(?:[ ().\-/]{0,3}\d){6,16}")
PHONE_CONTEXT = 8


def phone_spans(text: str) -> list[Span]:
    """Spans of US phone and fax numbers."""
    spans: list[Span] = []
    for window in PHONE_WINDOW.finditer(text):
        start = max(0, window.start() - PHONE_CONTEXT)
        piece = text[start : window.end() + PHONE_CONTEXT]
        matcher = phonenumbers.PhoneNumberMatcher(
            piece, PHONE_REGION, leniency=phonenumbers.Leniency.POSSIBLE
        )
        for m in matcher:
            span = (start + m.start, start + m.end)
            # Numbers starting in the context belong to the neighbouring windows.
            inside = window.start() - 1 <= span[0] < window.end()
            if inside and (not spans or span[0] >= spans[-1][1]):
                spans.append(span)
    return spans


def phones(text: str) -> list[str]:
    """US phone and fax numbers."""
    return texts(text, phone_spans(text))


# --- emails ---------------------------------------------------------------------------

# The start is anchored (no word character before it), so a long word without
# an @ is read once, not once from every one of its characters.
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def email_spans(text: str) -> list[Span]:
    """Spans of email addresses."""
    return match_spans(EMAIL, text) if "@" in text else []


def emails(text: str) -> list[str]:
    """Email addresses."""
    return texts(text, email_spans(text))


# --- addresses ---------------------------------------------------------------------------

STREET_TYPES = (
    r"Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Place|Pl|"
    r"Way|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Turnpike|Tpke"
)
STATES = (
    "AL AK AZ AR CA CO CT DC DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT "
    "NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
).replace(" ", "|")
ADDRESS = re.compile(
    rf"\b\d{{1,5}}[A-Za-z]?[^\S\n]+(?:[A-Z][a-z]+\.?[^\S\n]+){{1,3}}(?:{STREET_TYPES})\b\.?"
    r"|\b(?:Apt|Apartment|Unit|Suite|Ste|Flat)\.?[^\S\n]*+#?[^\S\n]*+\d+[A-Za-z]?\b"
    r"|\b(?:[Pp]\.?[^\S\n]?[Oo]\.?|[Pp]ost [Oo]ffice)[^\S\n]*[Bb]ox[^\S\n]+\d+\b"
    rf"|\b(?:{STATES})[^\S\n]+\d{{5}}(?:-\d{{4}})?\b"
    r"|\b(?:ZIP|[Zz]ip)(?:[^\S\n]+[Cc]ode)?[^\S\n]*+:?[^\S\n]*+\d{5}(?:-\d{4})?\b"
)


# Each check below first asks, cheaply, whether its pattern could match at all:
# a long pattern tried at every position of every line is what makes a lint slow.
NUMBER_THEN_WORD_OR_ZIP = re.compile(r"\d(?:[^\S\n]+[A-Z]|\d{4})")
UNIT_WORDS = ("apt", "apartment", "unit", "suite", "ste", "flat", "box")


def address_spans(text: str) -> list[Span]:
    """Spans of street addresses, flat numbers, postal boxes and ZIP codes."""
    lower = text.lower()
    if not any(w in lower for w in UNIT_WORDS) and not NUMBER_THEN_WORD_OR_ZIP.search(text):
        return []
    return match_spans(ADDRESS, text)


def addresses(text: str) -> list[str]:
    """Street addresses, flat numbers, postal boxes and ZIP codes."""
    return texts(text, address_spans(text))


# --- dates -------------------------------------------------------------------------------

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?"
)
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d\d"
DATE_WORDS = re.compile(
    rf"\b{MONTH}[^\S\n]+{DAY}\b(?:,?[^\S\n]+{YEAR}\b)?"  # June 18, June 18th, 2009
    rf"|\b{DAY}[^\S\n]+(?:of[^\S\n]+)?{MONTH}(?:,?[^\S\n]+{YEAR}\b)?"  # 18 June, 18th of June
    rf"|\b{MONTH},?[^\S\n]+(?:of[^\S\n]+)?{YEAR}\b"  # June 2009: Safe Harbor keeps the year only
)
DATE_NUMBERS = re.compile(
    r"(?<![\w/.-])(?:(?:19|20)\d\d([-/.])\d{1,2}\1\d{1,2}"  # 2009-06-18
    r"|\d{1,2}([-/])\d{1,2}\2(?:\d{4}|\d\d)|\d{1,2}\.\d{1,2}\.\d{4}"  # 6/18/2009, 18.06.2009
    r"|\d{1,2}/\d{1,2})(?![\w/-]|\.\d)"  # 06/18
)
# Without a year, n/d is usually a pain score (7/10), a strength grade (4/5)
# or a fraction of an inch (1/4, 3/8), not a date.
FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 8, 10, 16, 32, 100})
DATE_SEPARATOR = re.compile(r"[-/.]")


def _is_numeric_date(text: str) -> bool:
    """Whether digits split by / - . read as a real day and month."""
    parts = [int(p) for p in DATE_SEPARATOR.split(text)]
    if len(parts) == 3 and parts[0] > 31:
        parts = parts[1:]  # year first
    elif len(parts) == 2 and parts[1] in FRACTION_DENOMINATORS:
        return False
    first, second = parts[:2]
    month_first = 1 <= first <= 12 and 1 <= second <= 31
    # Day first (18.06.2009) only with a year: "24/7" is a figure of speech.
    day_first = len(parts) == 3 and 1 <= first <= 31 and 1 <= second <= 12
    return month_first or day_first


MONTH_STARTS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
NUMBER_PAIR = re.compile(r"\d[-/.]\d")


def date_spans(text: str) -> list[Span]:
    """Spans of dates that carry a day or a month, not just a year."""
    found = match_spans(DATE_WORDS, text) if any(m in text for m in MONTH_STARTS) else []
    numeric = match_spans(DATE_NUMBERS, text) if NUMBER_PAIR.search(text) else []
    return found + [(s, e) for s, e in numeric if _is_numeric_date(text[s:e])]


def dates(text: str) -> list[str]:
    """Dates that carry a day or a month, not just a year."""
    return texts(text, date_spans(text))


# --- ages --------------------------------------------------------------------------------

OVER_89 = r"(?:9\d|1[0-4]\d)"
# "was 90 degrees" is a range of motion, not an age.
UNITS = (
    r"percent|degrees?|pounds?|lbs?|kg|kilos?|minutes?|mins?|seconds?|secs?|hours?|days?|"
    r"weeks?|months?|miles?|km|mm|cm|mg|times|reps?|repetitions|sessions?|bpm|beats"
)
AGE = re.compile(
    rf"\b{OVER_89}[- ]?(?:years?|yrs?)[- ]?old\b"
    rf"|\b{OVER_89}[- ]?y/?o\b"
    rf"|\b(?:[Aa]ged?|[Aa]ges)[^\S\n]*+:?[^\S\n]*+{OVER_89}\b"
    rf"|\b(?:is|was|turned|turns|turning)[^\S\n]+{OVER_89}\b(?![^\S\n]*(?:%|°|/|{UNITS}))"
    rf"|(?<=[a-z.]), {OVER_89}(?=,)"  # "Frank, 95, could ..."
    r"|\b(?:his|her|their|early|mid|late)[- ](?:9|10)0'?s\b"
    r"|\b(?:his|her|their|early|mid|late)[- ]nineties\b"
    r"|\bninety(?:[- ]\w+)?[- ]years?[- ]old\b"
    r"|\b(?:non|cent)agenarian\b"
)
# Safe Harbor's own category for the very old: saying it is fine.
AGGREGATED = re.compile(r"[^\S\n]*(?:\+|or (?:older|over|more)|and (?:older|over))")


AGE_NUMBER = re.compile(r"9\d|1[0-4]\d")
AGE_WORDS = ("ninet", "agenarian")


def age_spans(text: str) -> list[Span]:
    """Spans of ages of 90 and over, which Safe Harbor folds into '90 or older'."""
    if not AGE_NUMBER.search(text) and not any(w in text.lower() for w in AGE_WORDS):
        return []
    spans = []
    for m in AGE.finditer(text):
        if AGGREGATED.match(text, m.end()):
            continue
        value = m.group()
        start = m.start() + len(value) - len(value.lstrip(" ,"))
        spans.append((start, m.start() + len(value.rstrip(" ,"))))
    return spans


def ages(text: str) -> list[str]:
    """Ages of 90 and over, which Safe Harbor folds into '90 or older'."""
    return texts(text, age_spans(text))


# --- record numbers --------------------------------------------------------------------------

RECORD = re.compile(
    # Identifiers that are numbers by definition: any number after them counts.
    r"(?i:\b(?:MRN|SSN|NPI|DEA|VIN|medical record|social security)"
    r"(?:[^\S\n]++(?:number|no\.?|num\.?|#))?[^\S\n]*+[:#]?[^\S\n]*+[A-Z]{0,3}-?\d[\d-]{2,}[A-Z\d]*)"
    # Words that also occur in prose: only with a marker or a number too long to be a year.
    r"|(?i:\b(?:record|chart|account|acct|licen[cs]e|member|policy|insurance|claim|patient"
    r"|beneficiary|certificate|serial|subscriber|plate|ID)"
    r"(?:[^\S\n]++(?:number|no\.?|num\.?|ID|#)[^\S\n]*+[:#]?[^\S\n]*+#?|[^\S\n]*+[:#][^\S\n]*+#?)"
    r"[A-Z]{0,3}-?\d[\d-]{2,}[A-Z\d]*"
    r"|\b(?:record|chart|account|acct|licen[cs]e|member|policy|claim|serial)[^\S\n]++\d{5,}\b)"
    r"|(?<![\d-])\d{3}-\d\d-\d{4}(?![\d-])"  # a bare SSN
)


RECORD_WORDS = (
    "mrn ssn npi dea vin record social chart account acct licen member policy insurance "
    "claim patient beneficiary certificate serial subscriber plate"
).split()
ID_WORD = re.compile(r"\b[Ii][Dd]\b")
BARE_SSN = re.compile(r"\d{3}-\d\d-\d{4}")


def record_spans(text: str) -> list[Span]:
    """Spans of record, chart, account, licence, member and social security numbers."""
    lower = text.lower()
    if not (
        any(w in lower for w in RECORD_WORDS)
        or ("id" in lower and ID_WORD.search(text))
        or ("-" in text and BARE_SSN.search(text))
    ):
        return []
    return match_spans(RECORD, text)


def record_numbers(text: str) -> list[str]:
    """Record, chart, account, licence, member and social security numbers."""
    return texts(text, record_spans(text))


# Run in this order, each blanking what it found, so an SSN is not also a
# phone number and a phone number is not also a date.
CHAIN = (
    ("record-number", record_spans, True),
    ("phone", phone_spans, True),
    ("address", address_spans, True),
    ("date", date_spans, False),
    ("age", age_spans, False),
)


def shaped(text: str) -> tuple[list[tuple[str, Span]], str]:
    """(kind, span) of every shaped identifier in `text`, and `text` with them blanked."""
    found: list[tuple[str, Span]] = []
    for kind, spans_of, blanks in CHAIN:
        spans = spans_of(text)
        found += [(kind, span) for span in spans]
        if blanks and spans:
            text = blank(text, spans)
    return found, text
