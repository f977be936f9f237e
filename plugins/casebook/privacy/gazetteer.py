"""Place names smaller than a state, from the `zipcodes` package (every US postal place).

Loaded on first use (about a second): the towns, villages and alternative postal
names of every standard and PO-box ZIP code, and every county, parish and
borough, less the names of states and countries (a state or a country is not
an identifier under Safe Harbor).
"""

from functools import cache

from .. import placeindex
from .wordlists import (
    ANATOMY,
    COMMON,
    FIRST_NAMES,
    HEAD_NOUNS,
    MONTHS_AND_DAYS,
    REGIONS,
    WORLD_CITIES,
    words,
)

# Postal names of organisations (UNIQUE) and bases (MILITARY) are not places people live.
PLACE_ZIP_TYPES = frozenset({"STANDARD", "PO BOX"})
COUNTY_WORDS = ("county", "parish", "borough", "census area", "municipality", "city and borough")
STATE_NAMES = words("states")
COUNTRY_NAMES = words("countries")
NEVER = words("places_never")
# Place names that are also ordinary English words ("Reading", "Hope", "Mobile")
# or given names ("Helen", "Dana"): found only where the text says it is a place.
ORDINARY = words("places_ordinary")
GIVEN = words("places_given_names")
OWN_WORDS = COMMON | ANATOMY | FIRST_NAMES | HEAD_NOUNS | MONTHS_AND_DAYS


def normal(name: str) -> str:
    """A place name as looked up: lower case, hyphens as spaces, single spaces."""
    return " ".join(name.lower().replace("-", " ").split())


def _county_base(county: str) -> str | None:
    """'middlesex' for 'Middlesex County', or None if it has no county word."""
    lower = normal(county)
    for word in COUNTY_WORDS:
        if lower.endswith(" " + word):
            return lower.removesuffix(" " + word)
    return None


@cache
def places() -> frozenset[str]:
    """Every place name, normalised."""
    # Issue 24, the one call into the precomputed index (casebook/placeindex): the same
    # names in milliseconds, unless the tables or the code below changed since it was made.
    indexed = placeindex.load()
    return indexed if indexed is not None else places_from_tables()


def places_from_tables() -> frozenset[str]:
    """Every place name, normalised, read from the ZIP-code tables (what the index holds)."""
    import zipcodes  # noqa: PLC0415 - a second's load, only when a text needs it

    found: set[str] = set()
    for record in zipcodes.list_all():
        if record["zip_code_type"] not in PLACE_ZIP_TYPES:
            continue
        found.add(normal(record["city"]))
        found.update(normal(name) for name in record["acceptable_cities"])
        county = record.get("county") or ""
        if county:
            found.add(normal(county))
            base = _county_base(county)
            if base:
                found.add(base)
    return frozenset(n for n in found if n and n not in STATE_NAMES and n not in COUNTRY_NAMES)


@cache
def first_words() -> frozenset[str]:
    """The first word of every place name: a word that is none starts no place."""
    return frozenset(name.split(" ", 1)[0] for name in places())


def above_state(name: str) -> bool:
    """Whether a name is a state, a country or a region at or above a state ('New England')."""
    return name in STATE_NAMES or name in COUNTRY_NAMES or name in REGIONS


def tier(name: str) -> str | None:
    """None if `name` is no place; 'never' for words of our own trade and calendar;
    'given' for a given name; 'ordinary' for an everyday word; 'world' for a city abroad
    that shares its name with a US place ('London'); else 'distinct'."""
    if name not in places() or name in REGIONS:
        return None
    if name in NEVER or name in MONTHS_AND_DAYS:
        return "never"
    if name in WORLD_CITIES:
        return "world"
    if name in GIVEN or name in FIRST_NAMES:
        return "given"
    if name in ORDINARY or all(w in OWN_WORDS for w in name.split()):
        return "ordinary"
    return "distinct"
