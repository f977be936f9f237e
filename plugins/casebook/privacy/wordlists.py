"""The word lists in data/, read once as package data."""

from functools import cache
from importlib.resources import files


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of data/<name>.txt in file order: one a line, `#` starts a comment."""
    text = files(__package__).joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(line for line in lines if line)


def words(name: str) -> frozenset[str]:
    """The entries of data/<name>.txt, lower case, as a set."""
    return frozenset(entry.lower() for entry in entries(name))


TERMS = entries("terms")
PUBLIC_FIGURES = entries("public_figures")
ORGANISATIONS = entries("organisations")
EPONYMS = words("eponyms")
REGIONS = words("regions")
WITHIN_STATES = entries("regions_within_states")
WORLD_CITIES = words("world_cities")
ANATOMY = words("anatomy") | frozenset(" ".join(TERMS).lower().split())
HEAD_NOUNS = words("head_nouns")
MONTHS_AND_DAYS = words("months_days")
COMMON = words("common")
FIRST_NAMES = words("first_names")
# Frequent given names that are no everyday word, for slugs (made by make_lists.py).
GIVEN_NAMES = words("given_names")
TITLES = words("titles")
ID_PARAMS = words("id_params")
