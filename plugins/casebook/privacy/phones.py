"""Phone and fax numbers, with Google's libphonenumber rules (phonenumbers), US numbering.

"(508) 555-0100", "+1 508 555 0100", a dialled "5085550100", a local "555-0199" and a
number read out in words ("six one seven, five five five, ...") are found; counts,
years, ranges and codes like C5-C6 or M79.604 are not numbers. Whether it is a fax
is told by the words before it ("fax", "f.", "faxed from").
"""

from __future__ import annotations

import re

import phonenumbers

from .findings import FAX, PHONE
from .spans import Span, texts

PHONE_REGION = "US"
# phonenumbers is slow on long text and walks all of it: it only sees windows
# holding at least seven digits (the shortest US number) with a few characters
# around them, which its own rules use (a time after a date, a letter before).
PHONE_WINDOW = re.compile(r"(?<!\d)[+(]?\d(?:[ ().\-/·•∙‧⋅・–—]{0,3}\d){6,16}")
# A middle dot or a bullet between groups reads as a dot: "508·555·0194" (one for one, so
# every offset holds).
AS_DOTS = str.maketrans("·•∙‧⋅・–—", "......--")
PHONE_CONTEXT = 8
DIGITS = re.compile(r"\d")


def phone_spans(text: str) -> list[Span]:
    """Spans of US phone and fax numbers written in digits."""
    spans: list[Span] = []
    if len(DIGITS.findall(text)) < 7:
        return spans  # fewer digits than the shortest number: the window is not looked for
    for window in PHONE_WINDOW.finditer(text):
        start = max(0, window.start() - PHONE_CONTEXT)
        piece = text[start : window.end() + PHONE_CONTEXT].translate(AS_DOTS)
        matcher = phonenumbers.PhoneNumberMatcher(
            piece, PHONE_REGION, leniency=phonenumbers.Leniency.POSSIBLE
        )
        for m in matcher:
            local = str(m.number.national_number)
            if len(local) == 7 and local[0] in "01":
                continue  # no exchange starts with 0 or 1: "ANSI/HFES 100-2007" is a standard
            span = (start + m.start, start + m.end)
            # Numbers starting in the context belong to the neighbouring windows.
            inside = window.start() - 1 <= span[0] < window.end()
            if inside and (not spans or span[0] >= spans[-1][1]):
                spans.append(span)
    return spans


DIGIT_WORDS = {
    "zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
# Seven to eleven digit words apart by spaces, commas or hyphens: a number read out.
SPOKEN = re.compile(
    r"(?i:\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
    # Possessive spaces: the runs either side of a comma never share a space (linear).
    r"(?:[^\S\n]*+[,-]?[^\S\n]*+(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b){6,10})"
)
SPOKEN_WORD = re.compile(r"[A-Za-z]+")


def spoken_spans(text: str) -> list[Span]:
    """Spans of phone numbers read out in words: 'six one seven, five five five, ...'."""
    lower = text.lower()
    if "five" not in lower and "one" not in lower and "seven" not in lower:
        return []
    spans = []
    for m in SPOKEN.finditer(text):
        digits = "".join(DIGIT_WORDS[w.lower()] for w in SPOKEN_WORD.findall(m.group()))
        # Ten digits or more: seven number words in a row are as often a count ("one, two, ...").
        counting = digits in "01234567890123" or digits in "98765432109876"
        if (
            len(digits) in (10, 11)
            and not counting
            and phonenumbers.is_possible_number_string(digits, PHONE_REGION)
        ):
            spans.append(m.span())
    return spans


def phones(text: str) -> list[str]:
    """US phone and fax numbers."""
    return texts(text, sorted(phone_spans(text) + spoken_spans(text)))


# The nearest of these before a number, in its sentence, says which it is.
FAX_WORDS = re.compile(r"(?i:\b(?:fax(?:es|ed|ing)?|facsimile|f\.|f:))")
PHONE_WORDS = re.compile(
    r"(?i:\b(?:phone[sd]?|cell|mobile|call(?:s|ed|ing)?|tel\.?|telephone|texts?|ring|"
    r"landline|number is|voicemail))"
)
SENTENCE_END = re.compile(r"[.!?;](?=[^\S\n]+[A-Z])|\n")
LOOK_BACK = 80


def phone_category(text: str, start: int) -> str:
    """FAX if the words just before the number at `start` say so, else PHONE."""
    before = text[max(0, start - LOOK_BACK) : start]
    ends = list(SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end() :]
    faxes = [m.end() for m in FAX_WORDS.finditer(before)]
    calls = [m.end() for m in PHONE_WORDS.finditer(before)]
    if faxes and (not calls or faxes[-1] > calls[-1]):
        return FAX
    return PHONE
