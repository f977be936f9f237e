"""Social security numbers: 123-45-6789 anywhere; after a label, any grouping, and the last four.

A bare nine digits in 3-2-4 groups is a social security number by its shape (a phone
number is 3-3-4); so is one with its first five digits masked (xxx-xx-6789), which
still gives the last four away. After "SSN", "SS#", "social security number" or "social",
the number may be grouped by spaces or not at all, or be only its last four digits
("ending in 0392", "last four 4471").
"""

from __future__ import annotations

import re

from .spans import Span, texts

# A hyphen or a dash between groups, with up to four spaces around it: "530 - 71 - 4482",
# "548   -   22   -   7190" (bounded, so a long run of spaces is never tried twice).
DASH = r"[^\S\n]{0,4}[-–—][^\S\n]{0,4}"
DOT_OR_DASH = r"[^\S\n]{0,4}[-.–—·/][^\S\n]{0,4}"
BARE = re.compile(rf"(?<![\d–—-])\d{{3}}{DASH}\d{{2}}{DASH}\d{{4}}(?![\d–—-])")
# The same digits spaced out one by one to dodge a filter: "0 3 1 - 4 4 - 7 7 2 9".
SPACED = re.compile(
    rf"(?<![\d–—-])\d(?:[^\S\n]\d){{2}}{DASH}\d[^\S\n]\d{DASH}\d(?:[^\S\n]\d){{3}}(?![\d–—-])"
)
# Letters that stand in for digits, in the shape alone: "6O8-l2-4471" (O for 0, l for 1).
LOOKALIKE = re.compile(
    rf"(?<![\w–—-])[\dOolI]{{3}}{DASH}[\dOolI]{{2}}{DASH}[\dOolI]{{4}}(?![\w–—-])"
)
AS_DIGITS = str.maketrans("OolI", "0011")
MASKED = re.compile(
    r"(?<![\w-])(?:[xX]{3}|\*{3}|#{3})[-\s]?(?:[xX]{2}|\*{2}|#{2})[-\s]?\d{4}(?![\d-])"
)
LABEL = re.compile(
    r"(?i:\b(?:ssn|ss\#|ss[^\S\n]?no\.?|s\.s\.n\.?|social[^\S\n]+security(?:[^\S\n]+(?:number|no\.?|num|\#))?"
    r"|social(?=[^\S\n]*[(:,#]|[^\S\n]+(?:number|no\.?|\#|is|was|were|are|ends|ending|ended|digits)\b"
    r"|[^\S\n]+\d(?:[-.\s]?\d){8}(?!\d))"
    r"|(?<=last[^\S\n]four[^\S\n]of[^\S\n]his[^\S\n])social|(?<=last[^\S\n]four[^\S\n]of[^\S\n]her[^\S\n])social))"
)
# After a label, in the same sentence: nine digits grouped any way, or four alone.
# Or nine digits set apart one by one, after a label: "social 0-4-4-1-8-6-6-2-8", "SSN
# 0 - 4 - 4 ...", "0–4–4–...": each digit after a hyphen, dot or dash (spaces around it at
# most two) or a single space, so a long run of spaces or dashes is never tried twice.
NINE = re.compile(
    rf"(?<!\d)(?:\d{{3}}(?:{DOT_OR_DASH}|\s)?\d{{2}}(?:{DOT_OR_DASH}|\s)?\d{{4}}"
    r"|\d(?:[^\S\n]{0,2}[-.–—][^\S\n]{0,2}\d|[^\S\n]\d){8})(?![\d–—-])"
)
FOUR = re.compile(r"(?<![\d-])\d{4}(?![\d-])")
LAST_FOUR = re.compile(
    r"(?i:\b(?:last[^\S\n]+(?:four|4)|ending|ends[^\S\n]+in|final[^\S\n]+(?:four|4))\b)"
)
SENTENCE_END = re.compile(r"[.!?;](?=\s+[A-Z(])|\n")
WINDOW = 60


ADJACENT = re.compile(r"[^\S\n]*[:#]?[^\S\n]*")
LABEL_HINTS = ("ssn", "ss#", "ss no", "ssno", "s.s.n", "social")


def ssn_spans(text: str) -> list[Span]:
    """Spans of social security numbers (with their label when it stands right before)."""
    dashed = "-" in text or "–" in text or "—" in text
    found = [m.span() for m in BARE.finditer(text)] if dashed else []
    found += [m.span() for m in SPACED.finditer(text)] if dashed else []
    if dashed:
        found += [
            m.span()
            for m in LOOKALIKE.finditer(text)
            if sum(c.isdigit() for c in m.group()) >= 5
            and BARE.fullmatch(m.group().translate(AS_DIGITS))
        ]
    lower = text.lower()
    if "xx" in lower or "**" in text or "##" in text:
        found += [m.span() for m in MASKED.finditer(text)]
    # Nine digit words hold at least two different ones: no SSN is all one digit.
    if sum(word in lower for word in SPOKEN_HINTS) >= 2:
        found += spoken_spans(text)
    # Every label holds one of these: the label pattern is not tried on a line without.
    if not any(hint in lower for hint in LABEL_HINTS):
        return sorted(found)
    for label in LABEL.finditer(text):
        number = _after(text, label)
        if number is None:
            continue
        adjacent = ADJACENT.fullmatch(text, label.end(), number[0]) is not None
        span = (label.start() if adjacent else number[0], number[1])
        found = [(a, b) for a, b in found if not (a < span[1] and span[0] < b)] + [span]
    return sorted(set(found))


# Nine digits read out in words, grouped three, two and four by commas or hyphens: "four six
# six, one two, zero zero nine four" has an SSN's shape as "466-12-0094" has.
DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
# Any mark a writer groups with: "four six six, one two, ...", "... – ...", "... / ...".
GROUP_GAP = r"[^\S\n]*[,;.:/–—-][^\S\n]*"
SPOKEN = re.compile(
    rf"(?i:(?<![\w-]){DIGIT_WORD}(?:[^\S\n]+{DIGIT_WORD}){{2}}{GROUP_GAP}{DIGIT_WORD}[^\S\n]+"
    rf"{DIGIT_WORD}{GROUP_GAP}{DIGIT_WORD}(?:[^\S\n]+{DIGIT_WORD}){{3}}(?![\w-]))"
)


def spoken_spans(text: str) -> list[Span]:
    """Spans of nine digits read out in words in an SSN's three groups (not a count)."""
    spans = []
    for m in SPOKEN.finditer(text):
        words = re.findall(r"[a-z]+", m.group().lower())
        digits = "".join(str(WORD_DIGITS.index(w) % 10) for w in words)
        counted = COUNT.search(text, max(0, m.start() - 80), m.end())
        if digits not in "0123456789" and digits not in "9876543210" and not counted:
            spans.append(m.span())
    return spans


# A count, a beat: "count it like a dancer: five six seven, eight one, two three four five".
COUNT = re.compile(r"(?i:\b(?:count|counts|counting|counted|beat|beats|tempo|reps?)\b)")
SPOKEN_HINTS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "oh",
)
# Each word's digit is its place here, less ten for "oh".
WORD_DIGITS = "zero one two three four five six seven eight nine oh".split()


def _after(text: str, label: re.Match[str]) -> Span | None:
    """The number a label stands before, in its sentence and within WINDOW characters."""
    stop = min(len(text), label.end() + WINDOW)
    end = SENTENCE_END.search(text, label.end(), stop)
    stop = end.start() if end else stop
    nine = NINE.search(text, label.end(), stop)
    four = FOUR.search(text, label.end(), stop)
    last_four = LAST_FOUR.search(text, max(0, label.start() - 20), stop)
    close = four is not None and ADJACENT.fullmatch(text, label.end(), four.start()) is not None
    number = nine or (four if last_four or close else None)
    return number.span() if number else None


def ssns(text: str) -> list[str]:
    """Social security numbers."""
    return texts(text, ssn_spans(text))
