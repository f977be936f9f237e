"""Street addresses, streets, flats, postal boxes and ZIP codes: geography smaller than a state.

"12 Elm Street", "Apt 4B", "PO Box 212", "MA 01760" and "ZIP 01760" as before; a street
named without its number ("lives on Cedar Street", "Concord Road") names a place too,
unless it is a saying ("a trip down Memory Lane").
"""

from __future__ import annotations

import re

from .gazetteer import above_state
from .spans import Span, match_spans, texts
from .wordlists import COMMON

STREET_TYPES = (
    r"Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Place|Pl|"
    r"Way|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Turnpike|Tpke"
)
STATES = (
    "AL AK AZ AR CA CO CT DC DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT "
    "NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
).replace(" ", "|")
ADDRESS = re.compile(
    # A street's words may carry an ʻokina, a diacritic or an apostrophe ("Kalanianaʻole").
    rf"\b\d{{1,5}}[A-Za-z]?[^\S\n]+(?:[A-Z][^\W\d_]*[a-zà-ÿʻ]\.?[^\S\n]+){{1,3}}(?:{STREET_TYPES})\b\.?"
    r"|\b(?:Apt|Apartment|Unit|Suite|Ste|Flat)\.?[^\S\n]*+#?[^\S\n]*+\d+[A-Za-z]?\b"
    r"|\b(?:[Pp]\.?[^\S\n]?[Oo]\.?|[Pp]ost [Oo]ffice)[^\S\n]*[Bb]ox[^\S\n]+\d+\b"
    # A rural route and its box: "Rt. 2 Box 118", "RR 1, Box 40", "HC 62 Box 9".
    r"|\b(?:RR|R\.R\.|Rt\.?|Rte\.?|Route|Rural[^\S\n]+Route|HC|Star[^\S\n]+Route)[^\S\n]*\d+,?"
    r"[^\S\n]+[Bb]ox[^\S\n]+\d+\b"
    rf"|\b(?:{STATES})[^\S\n]+\d{{5}}(?:-\d{{4}})?\b"
    r"|\b(?:ZIP|[Zz]ip)(?:[^\S\n]+[Cc]ode)?[^\S\n]*+:?[^\S\n]*+(?:(?:as|is|was|of)[^\S\n]+)?"
    r"\d{5}(?:-\d{4})?\b"
)
# The ZIP code named after its digits: "most of it in the 01749 zip code".
ZIP_BEFORE = re.compile(
    r"(?<![\w-])\d{5}(?:-\d{4})?(?=[^\S\n]+(?:ZIP|[Zz]ip|[Pp]ostal)(?:[^\S\n]+[Cc]ode)?\b)"
)
# A ZIP code alone where a town would stand: "drives in from 04681", "out past 55746", "the
# boats out of 99654", "photo taken at 41501". A measure, a range or a count ("up from 12000
# in the summer") is no place.
ZIP_AS_PLACE = re.compile(
    r"\b(?i:from|near|past|out[^\S\n]+of|outside|around|at|in)[^\S\n]+(?P<zip>\d{2}(?!000)\d{3})\b"
    r"(?=[^\S\n]*(?:[,.;:!?)\]]|$)|[^\S\n]+(?:where|on|and|for|every|with|when|near|"
    r"area|zip|postal)\b)"
)
# A street by its name alone: one to three capitalised words before a street word
# spelled out (a "St." alone is as often a saint: "Paul St. John").
# A numbered street is one by its ordinal, its type abbreviated or not: "14th Street",
# "West 72nd St", "3rd Ave." ("St." after an ordinal is no saint, unless a name follows:
# "her 3rd St. John's Wort trial").
STREET_NAME = re.compile(
    r"(?<![\w-])(?:(?:[A-Z][a-z]+[^\S\n]+){1,3}"
    r"(?:Street|Road|Avenue|Lane|Drive|Boulevard|Terrace|Parkway|Highway|Turnpike)\b"
    r"|(?:[A-Z][a-z]+[^\S\n]+)?\d{1,3}(?:st|nd|rd|th)[^\S\n]+(?:Street|St(?!\.?[^\S\n]+[A-Z])|Avenue|Ave|Road|Rd|"
    r"Lane|Ln|Drive|Dr|Boulevard|Blvd|Place|Pl|Terrace|Ter|Parkway|Pkwy|Way)\b\.?)"
)
NUMBERED_STREET = re.compile(r"\d(?:st|nd|rd|th)[^\S\n]+[A-Z]")
SAYINGS = frozenset(
    "memory lane|easy street|wall street|sesame street|fleet street|abbey road|"
    "sex drive|test drive|hard drive|flash drive|disk drive|power drive".split("|")
)
# Sentence openers that are no part of a street's name: "On Cedar Street".
NOT_NAME = frozenset("on in at off near to from by the a an and or of his her their our".split())

# A street in lower case, where a preposition says where: "lives on hollis st in sherborn",
# "a flat on elm st, saxonville". The town written after it belongs to the address.
LOWER_STREET = re.compile(
    r"\b(?i:on|at|off|near|from)[^\S\n]+(?P<street>(?P<name>(?:[a-z][a-z'’-]+[^\S\n]+){1,2})"
    r"(?:st|street|rd|road|ave|avenue|ln|lane|blvd|boulevard|terrace|parkway|drive))\b(?!\.\w)"
    r"(?P<town>(?:,|[^\S\n]+in)[^\S\n]+(?P<place>[a-z][a-z-]+))?"
)
LOWER_STREET_WORDS = frozenset(
    "st street rd road ave avenue ln lane blvd boulevard terrace parkway drive".split()
)


def _lower_streets(text: str) -> list[Span]:
    spans = []
    for m in LOWER_STREET.finditer(text):
        words = m.group("name").split()
        if words[0] in NOT_NAME or m.group("street") in SAYINGS:
            continue  # "on the road", "on her street", "a test drive"
        if any(w in COMMON or w in LOWER_STREET_WORDS for w in words):
            continue  # "on a long drive", "off the main road"
        place = m.group("place")
        end = (
            m.end() if place and place not in COMMON and place not in NOT_NAME else m.end("street")
        )
        spans.append((m.start("street"), end))
    return spans


# Each check below first asks, cheaply, whether its pattern could match at all:
# a long pattern tried at every position of every line is what makes a lint slow.
NUMBER_THEN_WORD_OR_ZIP = re.compile(r"\d(?:[^\S\n]+[A-Z]|\d{4})")
WORD = re.compile(r"[a-z]+")
UNIT_WORDS = ("apt", "apartment", "unit", "suite", "ste", "flat", "box", "zip")
STREET_WORDS = ("Street", "Road", "Avenue", "Lane", "Drive", "Boulevard", "Terrace", "Parkway",
                "Highway", "Turnpike")  # fmt: skip


# A highway named for its state crosses the state: no place smaller than one.
STATE_ROADS = frozenset(("Turnpike", "Highway", "Parkway", "Thruway", "Expressway"))


def _streets(text: str) -> list[Span]:
    spans = []
    for m in STREET_NAME.finditer(text):
        words = m.group().split()
        while len(words) > 1 and words[0].lower() in NOT_NAME:
            words = words[1:]
        name = " ".join(words)
        if len(words) < 2 or name.lower() in SAYINGS:
            continue
        if words[-1] in STATE_ROADS and above_state(" ".join(words[:-1]).lower()):
            continue  # "the Massachusetts Turnpike": a road across a state, no address
        start = m.end() - len(name)
        spans.append((start, m.end()))
    return spans


def address_spans(text: str) -> list[Span]:
    """Spans of street addresses, streets, flat numbers, postal boxes and ZIP codes."""
    lower = text.lower()
    found: list[Span] = []
    if any(w in lower for w in UNIT_WORDS) or NUMBER_THEN_WORD_OR_ZIP.search(text):
        # (five digits are a ZIP's shape: NUMBER_THEN_WORD_OR_ZIP finds them too)
        found = match_spans(ADDRESS, text)
        if "zip" in lower or "postal" in lower:
            found += [s for s in match_spans(ZIP_BEFORE, text) if s not in found]
        zips = [m.span("zip") for m in ZIP_AS_PLACE.finditer(text)]
        found += [s for s in zips if not any(a < s[1] and s[0] < b for a, b in found)]
    if any(w in text for w in STREET_WORDS) or NUMBERED_STREET.search(text):
        found += [s for s in _streets(text) if not any(a < s[1] and s[0] < b for a, b in found)]
    if not LOWER_STREET_WORDS.isdisjoint(WORD.findall(text)):
        found += [
            s for s in _lower_streets(text) if not any(a < s[1] and s[0] < b for a, b in found)
        ]
    return sorted(found)


def addresses(text: str) -> list[str]:
    """Street addresses, streets, flat numbers, postal boxes and ZIP codes."""
    return texts(text, address_spans(text))
