"""Codes read out in words after their label: "MRN four four seven one ...", "social security
number aloud, zero two nine, four four, six one eight three"."""

from __future__ import annotations

import re

from . import identifiers, labels, ssn
from .findings import OTHER_CODE, SSN
from .spans import Span

DIGIT = r"(?:zero|nought|oh|one|two|three|four|five|six|seven|eight|nine)"
# Digits read out as people do: "twelve", "forty-four" (two words), "double zero".
DIGIT_WORD = (
    rf"(?:(?:double|triple)(?:[^\S\n]+|-){DIGIT}|{DIGIT}|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
)
# Seven digit words or more, apart by spaces, commas or hyphens: fewer are a count or a time.
# Possessive spaces: the runs either side of a comma never share a space, so the pattern
# stays linear (as patterns.py asks of every shaped pattern).
RUN = re.compile(rf"(?i:\b{DIGIT_WORD}(?:[^\S\n]*+[,-]?[^\S\n]*+{DIGIT_WORD}\b){{6,19}})")
# What may stand between a label and its number read out: "is", "aloud", a colon, a comma.
BETWEEN = re.compile(
    r"(?i:[^\S\n]*+[:#,(]?[^\S\n]*+(?:(?:is|was|reads|read|aloud|out|as|of)[^\S\n]*+[:,]?"
    r"[^\S\n]*+){0,2})"
)
LOOK_BACK = 60
QUICK = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def spoken_code_spans(text: str) -> list[tuple[Span, str]]:
    """Spans of numbers read out in words right after a code's label, with its category."""
    # Without a label a run of number words is a count or a phone number (`phones`); with
    # one ("hospital number", "SSN") it is the code itself, however it is written.
    lower = text.lower()
    if sum(lower.count(w) for w in QUICK) < 7:
        return []
    found = []
    for run in RUN.finditer(text):
        begin = max(0, run.start() - LOOK_BACK)
        category = _label_before(text, begin, run.start())
        if category:
            found.append((run.span(), category))
    return found


def _label_before(text: str, begin: int, at: int) -> str | None:
    """The category of a label ending right before `at` (only filler words between), or None."""
    for pattern, fixed in ((ssn.LABEL, SSN), (labels.LABEL, None)):
        last = None
        for m in pattern.finditer(text, begin, at):
            last = m
        if last is None or not BETWEEN.fullmatch(text, last.end(), at):
            continue
        if fixed:
            return fixed
        return identifiers.label_category(last) or identifiers.context_category(
            text, begin, last.end(), OTHER_CODE
        )
    return None
