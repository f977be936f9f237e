"""A name or a number spelled out one character at a time: "m a r i c e l  d e l a  c r u z",
"W.A.N.D.A. C.A.U.D.I.L.L.", "P V 1 1 8 8 3 1", "0 4 / 1 7 / 1 9 5 8".

No one writes ordinary prose so; it is how a name or a code is hidden from a filter. Six or
more single letters or digits (a letter among them, or a date's slashes: digits alone are an
SSN's or a phone's, found by theirs), apart by spaces, dots or a spaced slash, are one; a
run that only counts up ("0 1 2 3 4 5 6", "A B C D E F") is a scale, not a code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .findings import DATES, NAMES, OTHER_CODE, Hit

SPELLED = re.compile(
    r"(?<![\w.])(?:[A-Za-z0-9](?:\.?[^\S\n]{1,2}|\.|[^\S\n]/[^\S\n])){5,}[A-Za-z0-9](?![\w])\.?"
)
# Where a run may start: two single characters apart by spaces, or by dots. It starts with a
# literal, so a text is searched fast; the run itself is matched only near each.
QUICK = re.compile(r" [A-Za-z0-9] [A-Za-z0-9] |\.[A-Za-z0-9]\.[A-Za-z0-9]\.")
REACH = 400


def _counting(chars: str) -> bool:
    """Whether digits or letters only count up by one: a scale ("0 1 2 3 4 5 6 7 8 9"),
    grades ("A B C D E F")."""
    step = [ord(b.lower()) - ord(a.lower()) for a, b in zip(chars, chars[1:], strict=False)]
    return all(s == 1 for s in step)


def _runs(text: str) -> Iterator[re.Match[str]]:
    """The runs spelled out, each searched for near where QUICK finds one may be."""
    at = 0
    while (hint := QUICK.search(text, at)) is not None:
        m = SPELLED.search(text, max(at, hint.start() - 2), min(len(text), hint.end() + REACH))
        if m is None:
            at = hint.end()
            continue
        yield m
        at = m.end()


def spelled_hits(text: str) -> list[Hit]:
    """Each run spelled out a character at a time, as a name, a date or a code."""
    hits: list[Hit] = []
    for m in _runs(text):
        written = m.group()
        chars = "".join(c for c in written if c.isalnum())
        if _counting(chars):
            continue
        if chars.isdigit() and "/" not in written:
            continue  # digits alone are the chain's: an SSN or a phone read a digit at a time
        dotted = "." in written[:-1]  # "W.A.N.D.A." keeps its last dot; "c r u z." does not
        start, end = m.start(), m.end() - (1 if written.endswith(".") and not dotted else 0)
        if chars.isalpha():
            hits.append(Hit(start, end, "name", NAMES))
        elif "/" in written:
            hits.append(Hit(start, end, "date", DATES))
        else:
            hits.append(Hit(start, end, "record-number", OTHER_CODE))
    return hits
