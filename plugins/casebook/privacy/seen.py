"""Text as a reader sees it: entities decoded, Unicode normalised, nothing hidden, no look-alikes.

A browser shows `&#64;` as "@", a full-width "５" like "5", a zero-width space or a soft
hyphen as nothing, and a Cyrillic "а" like a Latin "a". Every detector reads the text
after the same changes (`normalise`), so splitting or disguising a name, a number or an
email changes nothing; an `OffsetMap` leads every character back to where it was written,
for the line a finding is reported at.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from bisect import bisect_right
from functools import cache
from importlib import resources

# An entity as HTML writes it; anything else with an & is left as it is.
ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# What is not plain ASCII, or may be an entity: the only places the text can change.
# A run takes the ASCII letter before it, so NFKC joins "e" and a combining accent into "é",
# written as the character or as an entity ("e&#x301;").
SPECIAL = re.compile(
    r"[A-Za-z]?(?:[^\x00-\x7f]+|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
)
# Marks that show nothing: variation selectors and the combining grapheme joiner (Mn, not Cf).
INVISIBLE_MARKS = frozenset("\u034f" + "".join(chr(c) for c in range(0xFE00, 0xFE10)))
KEPT_CONTROLS = "\n\t"


@cache
def confusables() -> dict[str, str]:
    """Each letter or digit that looks like an ASCII one (Unicode's confusables data, from
    the confusable_homoglyphs package), mapped to that ASCII letter or digit."""
    package = resources.files("confusable_homoglyphs")
    data = json.loads(package.joinpath("confusables.json").read_text(encoding="utf-8"))
    mapped: dict[str, str] = {}
    for char, glyphs in data.items():
        if len(char) != 1 or char.isascii() or unicodedata.category(char)[0] not in "LN":
            continue
        targets = [g["c"] for g in glyphs if len(g["c"]) == 1 and g["c"].isascii()]
        letters = [t for t in targets if t.isalpha()]
        capital = "CAPITAL" in unicodedata.name(char, "")
        same_case = [t for t in letters if t.isupper() == capital]
        # A letter never becomes a digit: Cyrillic "б" looks like "6" but spells a word, and
        # read as a digit it would make a name a number ("Зуб" is no code).
        digits = [] if unicodedata.category(char)[0] == "L" else [t for t in targets if t.isdigit()]
        choice = (same_case or letters or digits or [None])[0]
        if choice:
            mapped[char] = choice
    return mapped


def _seen_char(char: str) -> str:
    """What one character (already NFKC) looks like: '', its ASCII twin, or itself."""
    category = unicodedata.category(char)
    if category == "Cf" or char in INVISIBLE_MARKS:
        return ""
    if category == "Cc" and char not in KEPT_CONTROLS:
        return ""
    if char in HYPHENS:
        return "-"
    return confusables().get(char, char)


# Hyphens and the minus sign, which read as "-" inside a number ("0092‑3317", "028−55−1937").
# En and em dashes stay: they part words and ranges, and the patterns read them as they are.
HYPHENS = frozenset("\u2010\u2011\u2012\u2043\u2212\ufe63\uff0d")


def _seen_run(run: str) -> str:
    """A run of non-ASCII characters as a reader sees it."""
    letter = run[0] if run[1:2] == "&" else ""
    if run[len(letter) :].startswith("&"):
        decoded = html.unescape(run[len(letter) :])
        if letter and decoded and all(unicodedata.combining(c) for c in decoded):
            return _seen_chars(letter + decoded)  # "e&#x301;" is "é"
        # An entity never starts a new line or block: the lint keeps its blocks apart by "\n".
        # A decoded entity is read as typed text is (NFKC): "&#160;" is a space, as U+00A0 is.
        return letter + _seen_chars(decoded.replace("\n", " ").replace("\r", " "))
    return _seen_chars(run)


def _seen_chars(run: str) -> str:
    """Characters as a reader sees them, after NFKC, accents read with their letters."""
    kept: list[str] = []
    for char in unicodedata.normalize("NFKC", run):
        # A mark that NFKC could not join to its Latin letter ("ọ̀" of Yoruba "Adébáyọ̀") is
        # an accent a reader reads past; kept, it would cut the name in two for every pattern.
        if kept and unicodedata.category(char) == "Mn" and _latin(kept[-1]):
            continue
        kept.append(_seen_char(char))
    return "".join(kept)


def _latin(char: str) -> bool:
    """Whether `char` is a Latin letter (accented or not)."""
    return char.isalpha() and (char.isascii() or unicodedata.name(char, "").startswith("LATIN"))


class OffsetMap:
    """Leads an offset in a changed text back to the offset it came from.

    Between two anchors the texts run side by side; at an anchor they jump (a character
    left out, an entity decoded into one character, a run that changed length).
    """

    def __init__(self, anchors: list[tuple[int, int]] | None = None):
        anchors = anchors or [(0, 0)]
        self.new = [a for a, _ in anchors]
        self.old = [b for _, b in anchors]

    def __call__(self, offset: int) -> int:
        """The offset in the original text of `offset` in the changed one."""
        i = bisect_right(self.new, offset) - 1
        if i < 0:
            return self.old[0]
        step = offset - self.new[i]
        if i + 1 < len(self.new):
            # Inside a run that changed length, every character points to where it starts.
            step = min(step, max(0, self.old[i + 1] - self.old[i] - 1))
        return self.old[i] + step

    def back(self, offset: int) -> int:
        """The offset in the changed text of `offset` in the original one (first at or after)."""
        i = bisect_right(self.old, offset) - 1
        if i < 0:
            return self.new[0]
        step = offset - self.old[i]
        if i + 1 < len(self.new):
            step = min(step, self.new[i + 1] - self.new[i])
        return self.new[i] + step


def normalise(text: str) -> tuple[str, OffsetMap]:
    """`text` as a reader sees it, and the map from its offsets back to `text`'s."""
    if text.isascii() and "&" not in text:
        return text, OffsetMap()
    pieces: list[str] = []
    anchors: list[tuple[int, int]] = [(0, 0)]
    length = last = 0
    for m in SPECIAL.finditer(text):
        if m.start() > last:
            pieces.append(text[last : m.start()])
            length += m.start() - last
        run = m.group()
        seen = _seen_run(run)
        if seen != run:
            anchors.append((length, m.start()))
            pieces.append(seen)
            length += len(seen)
            anchors.append((length, m.end()))
        else:
            pieces.append(run)
            length += len(run)
        last = m.end()
    pieces.append(text[last:])
    return "".join(pieces), OffsetMap(anchors)


def seen(text: str) -> str:
    """`text` as a reader sees it (normalise without the map)."""
    return normalise(text)[0]
