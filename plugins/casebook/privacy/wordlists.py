"""The word lists in data/, read once as package data."""

from array import array
from collections.abc import Iterator
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


class SortedWords:
    """A long list held as one sorted string and its offsets, searched by bisection: as a
    set, its 55 000 town names would take ten times the memory in every worker."""

    def __init__(self, name: str) -> None:
        text = files(__package__).joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
        lines = sorted({s.lower() for s in (line.strip() for line in text.splitlines()) if s})
        lines = [line for line in lines if not line.startswith("#")]
        self._text = "\n".join(lines)
        self._starts = array("I")
        at = 0
        for line in lines:
            self._starts.append(at)
            at += len(line) + 1

    def __len__(self) -> int:
        return len(self._starts)

    def __iter__(self) -> Iterator[str]:
        return (self._entry(i) for i in range(len(self._starts)))

    def _entry(self, i: int) -> str:
        end = self._starts[i + 1] - 1 if i + 1 < len(self._starts) else len(self._text)
        return self._text[self._starts[i] : end]

    def _at_or_after(self, word: str) -> int:
        low, high = 0, len(self._starts)
        while low < high:
            middle = (low + high) // 2
            if self._entry(middle) < word:
                low = middle + 1
            else:
                high = middle
        return low

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        i = self._at_or_after(word)
        return i < len(self._starts) and self._entry(i) == word

    def starts(self, word: str) -> bool:
        """Whether an entry is `word` or starts with it and a space ("san" of "san pedro")."""
        i = self._at_or_after(word)
        # After the word itself, "san pedro" sorts before "sana": one of the two next says.
        nearest = (self._entry(j) for j in (i, i + 1) if j < len(self._starts))
        return any(entry == word or entry.startswith(word + " ") for entry in nearest)


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
