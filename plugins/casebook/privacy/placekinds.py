"""Places written by their kind: "Sweetwater Creek", "Brightwater Elementary School", "Hwy 41"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .context import sentence_bounds
from .gazetteer import above_state, tier
from .people import UPPER
from .placenames import EPONYM_HEADS, KNOWN_WORDS, NEXT_WORD, normal
from .spans import Span
from .wordlists import ANATOMY, COMMON, FIRST_NAMES, HEAD_NOUNS, WORLD_CITIES

# A land or water feature, or a settlement's kind: what follows a name says it is a place.
NATURAL = (
    "Creek|Hollow|Bayou|Ridge|Gap|Mesa|Butte|Key|Harbou?r|Point|Landing|Crossing|Corners|"
    "Junction|Mills|Falls|Springs|Bluffs?|Flats|Cove|Canyon|Notch|Knob|Mountain|Pond|Lake|Island"
)
# A building or ground of a community, where a client lives, works, studies or worships.
BUILT = (
    r"Trailhead|Campground|Marina|Diner|Caf[eé]|Feed[ \t]+(?i:store)|Library|Church|Chapel|"
    r"Clinic|Hospital|Fire[ \t]+Station|(?:Elementary|Middle|High|Junior[ \t]+High)[ \t]+School|"
    r"Reservation|Rez|Pueblo|Chapter[ \t]+House|Borough|Census[ \t]+Area|Trail|Park|Bridge|Square"
)
# The name: one to three capitalised words, a saint's "St." among them ("St. Brendan's").
NAME_WORD = rf"(?:St\.|[{UPPER}][^\W\d_]*(?:['’ʻ-][^\W\d_]+)*)"
KIND = re.compile(
    rf"(?<![\w'’ʻ.-])(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,2}})[ \t]+"
    rf"(?P<kind>(?:{NATURAL}|{BUILT})(?:[ \t]+(?:{NATURAL}|{BUILT}))?)\b(?![ \t]+[{UPPER}])"
)
BAYOU = re.compile(rf"\bBayou[ \t]+(?P<name>[{UPPER}][^\W\d_]{{3,}})\b")
KIND_WORDS = frozenset(
    "creek hollow bayou ridge gap mesa butte key harbor harbour point landing crossing corners "
    "junction mills falls springs bluff bluffs flats cove canyon notch knob trailhead campground "
    "marina diner cafe caf feed library church chapel clinic hospital fire school reservation "
    "rez pueblo chapter borough census trail park mountain pond lake island bridge square".split()
)
# Kinds that are also everyday nouns ("Trigger Point", "Answer Key", "Moon Landing", "Wage
# Gap"): a name of everyday words before them says no place; a name of its own still does.
WEAK = frozenset(
    "point key gap landing crossing junction trail park library clinic hospital bridge square "
    "island lake".split()
)
# Kinds that are also surnames: "Robert Park", "Charlotte Church" is a person, found as one.
SURNAMES = frozenset("park church mills key chapel ridge falls springs hollow point".split())
# Words that open a sentence or a phrase and name nothing: "The Willow Chapel", "Our Clinic".
OPENERS = frozenset(
    "the a an in on at of to from by near past our my your her his their its this that "
    "and or but".split()
)
TRADE = (
    ANATOMY
    | HEAD_NOUNS
    | frozenset("trigger tender pressure acupressure myofascial glute hip single-leg".split())
)


def _name_words(name: str) -> list[str]:
    words = name.split()
    while words and words[0].lower() in OPENERS:
        words = words[1:]
    return words


def kind_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Spans of places named by their kind, the kind word included."""
    end = len(text) if end is None else end
    for m in KIND.finditer(text, start, end):
        words = _name_words(m.group("name"))
        kind = m.group("kind").split()[-1].lower().replace("é", "e")
        first = m.group("kind").split()[0].lower()
        keys = [normal(w.removesuffix("'s").removesuffix("’s")) for w in words]
        if not keys or any(not k.strip("x") for k in keys):
            continue  # the kind alone ("High School"), or a known organisation, masked
        if all(k in TRADE for k in keys):
            continue  # "Trigger Point": our trade
        if any(above_state(" ".join(keys[:i])) for i in range(1, len(keys) + 1)):
            continue  # "Massachusetts General Hospital": a state's, or a region's
        if above_state(" ".join([*keys, kind])):
            continue  # "Rhode Island", "Long Island Sound": a state or a region itself
        if first in WEAK and all(
            k in COMMON or k in KNOWN_WORDS or k.endswith("ing") for k in keys
        ):
            continue  # "the Answer Key", "a Turning Point": everyday words, no name
        if len(keys) == 1 and keys[0] in FIRST_NAMES and first in SURNAMES:
            continue  # "Robert Park": a full name, found as one
        following = NEXT_WORD.match(text, m.end())
        if following and following.group(1).lower() in EPONYM_HEADS:
            continue  # "the Royal London Hospital test": a test named for where it was made
        if any(k in WORLD_CITIES for k in keys):
            continue  # "a Paris hospital": a city abroad is found by its own rule, if personal
        if "national" in keys or "national" in first or (kind == "park" and "state" in keys):
            continue  # "Rocky Mountain National Park": public land far larger than a town
        if kind == "park" and tier(" ".join(keys)) is None and len(keys) == 1:
            continue  # "Central Park", "Memorial Park": a one-word park is found as a landmark
        yield m.end("name") - len(" ".join(words)), m.end()
    if "Bayou" in text:
        for m in BAYOU.finditer(text, start, end):
            if normal(m.group("name")) not in KNOWN_WORDS:
                yield m.span()


# A numbered road where someone is: "a farm off Hwy 41", "lives out on Route 9".
ROAD = re.compile(
    r"\b(?i:on|off|along|near|by|past|at)[^\S\n]+(?:(?:old|the)[^\S\n]+)?"
    r"(?P<road>(?:Hwy|Highway|Route|Rte|State[^\S\n]+Route|County[^\S\n]+Road|CR|SR|FM)"
    r"\.?[^\S\n]?-?\d{1,4}[A-Z]?)\b"
)
ROAD_WORDS = frozenset("hwy highway route rte road cr sr fm".split())
SOMEONE = re.compile(
    r"(?i:\b(?:she|he|her|his|him|they|their|client|patient|husband|wife|son|daughter|mother|"
    r"father|family|farm|ranch|house|home|lives|lived|works|worked)\b)"
)


def _with_someone(text: str, matches: Iterator[re.Match[str]]) -> Iterator[re.Match[str]]:
    """The matches whose sentence has someone, or someone's home, in it."""
    # One look at each sentence, however many matches it holds: a long run stays linear.
    stop, someone = -1, False
    for m in matches:
        if m.start() >= stop:
            first, stop = sentence_bounds(text, m.start())
            someone = SOMEONE.search(text, first, stop) is not None
        if someone:
            yield m


def road_spans(text: str) -> Iterator[Span]:
    """Spans of numbered roads in a sentence that says someone is there."""
    # Not "take Route 9 to the second light": directions to us.
    for m in _with_someone(text, ROAD.finditer(text)):
        yield m.span("road")


# A place after a phrase of where, in a sentence with someone in it: "lives out past Tarbell",
# "her cousin's farm, just outside Ostrander". The phrase alone is too common ("up in arms").
LOCATIVE = re.compile(
    r"\b(?i:out|down|up|over|way|just|right|somewhere)[^\S\n]+"
    r"(?i:past|in|near|by|outside|around|beyond)[^\S\n]+"
    rf"(?P<place>[{UPPER}][^\W\d_]{{3,}}(?:[^\S\n]+[{UPPER}][^\W\d_]{{3,}})?)\b(?![^\S\n]+[{UPPER}])"
)
LOCATIVE_WORDS = ("past", "outside", "beyond", "down in", "up in", "over in", "up near", "out by")


def locative_spans(text: str) -> Iterator[Span]:
    """Spans of places no list holds after "out past", "down in", "just outside"."""
    for m in _with_someone(text, LOCATIVE.finditer(text)):
        place = normal(m.group("place"))
        if tier(place) is not None or above_state(place) or not place.strip("x "):
            continue  # a listed place is found as one; a state or a country is no identifier
        if any(w in KNOWN_WORDS for w in place.split()):
            continue  # "down in Physio", "out past Midnight"
        yield m.span("place")


def place_spans(text: str, words: set[str]) -> list[Span]:
    """Every span of this module's rules in `text`, whose lower-case words are `words`."""
    found = list(kind_spans(text)) if words & KIND_WORDS else []
    if any(w in text for w in ("past", "outside", "beyond", " in ", " near", " by ")):
        found += locative_spans(text)
    if words & ROAD_WORDS:
        found += road_spans(text)
    return sorted(found)
