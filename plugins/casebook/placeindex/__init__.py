"""The gazetteer's place names, precomputed from the `zipcodes` tables into one small file.

Building the place list from the tables (about 42 000 ZIP records) takes a second or two and
some 40 MiB at every build; the list it gives is read here from `places.txt` in milliseconds.
The file's first line is the key of what it was made from: the `zipcodes` version, the
gazetteer's own code and the word lists it leaves out. When any of them changes, the index is
stale: `load()` says so by returning None and the gazetteer builds the list from the tables.

    python -m casebook.placeindex          # write places.txt again from the installed tables
    python -m casebook.placeindex --check  # exit 1 if places.txt is stale
"""

from __future__ import annotations

import argparse
import hashlib
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path

INDEX_FILE = "places.txt"
HEADER = "# casebook place index "
# What the gazetteer's list is made from, besides the tables: its code and two word lists.
SOURCES = ("gazetteer.py", "data/states.txt", "data/countries.txt")


def _privacy_file(name: str) -> bytes:
    return resources.files("casebook.privacy").joinpath(name).read_bytes()


def tables_version() -> str:
    """The installed `zipcodes` package's version (its tables ship inside it)."""
    import zipcodes  # noqa: PLC0415 - light: its tables load only when listed

    return str(getattr(zipcodes, "__version__", "unknown"))


def key(read: Callable[[str], bytes] = _privacy_file, version: str | None = None) -> str:
    """The key of the index the installed tables and the gazetteer's code would make."""
    digest = hashlib.sha256((version or tables_version()).encode())
    for name in SOURCES:
        digest.update(b"\0" + name.encode() + b"\0" + read(name))
    return digest.hexdigest()[:24]


def parse(text: str, expected: str) -> frozenset[str] | None:
    """The place names of an index file's text, or None if it is not an index of `expected`."""
    first, newline, rest = text.partition("\n")
    if first != HEADER + expected or not newline or (rest and not rest.endswith("\n")):
        return None  # stale, or cut short
    return frozenset(rest[:-1].split("\n")) if rest else frozenset()


def render(names: Iterable[str], made_from: str) -> str:
    """The text of an index file: the key line, then one name a line, sorted."""
    return HEADER + made_from + "\n" + "".join(f"{name}\n" for name in sorted(names))


def index_path() -> Path:
    """Where the index ships: beside this module."""
    return Path(__file__).with_name(INDEX_FILE)


@cache
def load() -> frozenset[str] | None:
    """The precomputed place names, or None when the index is missing or stale."""
    try:
        text = index_path().read_text(encoding="utf-8")
    except OSError:
        return None
    return parse(text, key())


def write(names: Iterable[str], path: Path) -> None:
    """Write the index atomically: a half-written file is never read as one."""
    # Imported here: only the maker writes, and a lookup never needs the YAML emitter.
    from ..content.newfiles import replace_whole  # noqa: PLC0415

    replace_whole(path, render(names, key()))


def main(argv: Sequence[str] | None = None) -> int:
    """Write the index from the installed tables, or check that the shipped one is fresh."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="exit 1 if the index is stale")
    args = parser.parse_args(argv)
    if args.check:
        fresh = load() is not None
        print(f"{index_path()}: {'fresh' if fresh else 'stale: run python -m casebook.placeindex'}")
        return 0 if fresh else 1
    from ..privacy import gazetteer  # noqa: PLC0415 - the builder needs the slow path alone

    names = gazetteer.places_from_tables()
    write(names, index_path())
    print(f"{index_path()}: {len(names)} place names from zipcodes {tables_version()}")
    return 0
