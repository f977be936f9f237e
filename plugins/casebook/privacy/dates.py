"""Dates that carry a day or a month: Safe Harbor keeps the year only.

"June 18", "18 June", "the 2nd of August 1930", "6/18/2009" and "June 2009" as before;
and what the old patterns missed: an ordinal in words ("the third of May"), a day alone
("on the 14th", "the 9th"), a month alone where it dates an event ("in September",
"after a December of concerts"), and holidays ("Christmas Eve 2019", "last
Thanksgiving", "Labor Day"). A month or a holiday that recurs ("every March", "closed
on Thanksgiving Day, as every year") dates nothing.
"""

from __future__ import annotations

import re

from .spans import Span, match_spans, texts

MONTH_NAMES = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
)
# In lower case too, but for the months that are also words ("may", "march", "mar").
LOWER_MONTHS = (
    r"january|february|april|june|july|august|september|october|november|december|"
    r"jan|feb|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
MONTH = rf"(?:{MONTH_NAMES}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|{LOWER_MONTHS})\b\.?"
ORDINAL_WORDS = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|"
    r"thirty[- ]first"
)
DAY = rf"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?|(?i:{ORDINAL_WORDS})"
YEAR = r"(?:19|20)\d\d"
DATE_WORDS = re.compile(
    rf"\b{MONTH}[^\S\n]+(?:the[^\S\n]+)?(?:{DAY})\b(?:,?[^\S\n]+{YEAR}\b)?"  # June 18, 2009
    rf"|\b(?:the[^\S\n]+)?(?:{DAY})[^\S\n]+(?:of[^\S\n]+)?{MONTH}(?:,?[^\S\n]+{YEAR}\b)?"
    rf"|\b{MONTH},?[^\S\n]+(?:of[^\S\n]+)?{YEAR}\b"  # June 2009: Safe Harbor keeps the year only
)
DATE_NUMBERS = re.compile(
    r"(?<![\w/.-])(?:(?:19|20)\d\d([-/.])\d{1,2}\1\d{1,2}"  # 2009-06-18
    r"|\d{1,2}([-/])\d{1,2}\2(?:\d{4}|\d\d)|\d{1,2}\.\d{1,2}\.\d{4}"  # 6/18/2009, 18.06.2009
    r"|\d{1,2}/\d{1,2})(?![\w/-]|\.\d)"  # 06/18
)
# EXIF writes a date with colons: 2023:09:16 10:05:44.
EXIF_DATE = re.compile(r"(?<![\w:])(?:19|20)\d\d:[01]\d:[0-3]\d(?:[^\S\n]+\d\d:\d\d(?::\d\d)?)?")
# Without a year, n/d is usually a pain score (7/10), a strength grade (4/5)
# or a fraction of an inch (1/4, 3/8), not a date.
FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 8, 10, 16, 32, 100})
DATE_SEPARATOR = re.compile(r"[-/.]")

# "the 14th", "on the 9th": a day of the month without its month, unless a noun follows
# ("the 5th session", "the 4th toe", "the 19th century").
DAY_ALONE = re.compile(r"\b(?i:the)[^\S\n]+(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b")
DAY_THEN = re.compile(r"[^\S\n]+(?P<word>[A-Za-z]+)")
DAY_AFTER_OK = frozenset("of and or but when she he they we i it so to as at, her his".split())
# A month alone, where it dates an event: after "in", "since", "a", "last" ...
MONTH_ALONE = re.compile(
    rf"\b(?i:in|since|until|till|during|by|last|this|next|early|late|mid|that|a|of)"
    rf"(?:[^\S\n]+(?i:early|late|mid))?(?:[^\S\n]|-)+(?P<month>{MONTH_NAMES})\b"
    rf"(?![^\S\n]+(?:\d|{YEAR}))"
)
HOLIDAYS = (
    r"New Year's (?:Day|Eve)|New Year|Martin Luther King(?: Jr\.?)? Day|Presidents'? Day|"
    r"Valentine's Day|(?:St\.?|Saint) [A-Z][a-z]+'s Day|Easter(?: Sunday| Monday)?|"
    r"Good Friday|Passover|Patriots'? Day|Mother's Day|Memorial Day|Father's Day|Juneteenth|"
    r"Independence Day|Fourth of July|Labor Day|Labour Day|Columbus Day|"
    r"Indigenous Peoples'? Day|Halloween|Veterans'? Day|Thanksgiving(?: Day)?|"
    r"Christmas(?: Eve| Day)?|Hanukkah|Chanukah|Kwanzaa|Boxing Day|Diwali|Eid(?: al-\w+)?|"
    r"Rosh Hashanah|Yom Kippur|Lunar New Year|Black Friday"
)
HOLIDAY = re.compile(
    rf"(?:\b(?:last|this|next)[^\S\n]+)?\b(?:{HOLIDAYS})(?:'s)?(?:[^\S\n]+(?:weekend|week|morning|"
    rf"night|eve))?(?:,?[^\S\n]+{YEAR}\b)?"
)
# What makes a month or a holiday recur rather than date an event: "every March",
# "closed on Thanksgiving Day ..., as every year".
RECURRING = re.compile(
    r"(?i:\b(?:every|each)[^\S\n]+(?:year|spring|summer|autumn|fall|winter|month|season|"
    r"week)\b|\bas every\b|\bannual(?:ly)?\b|\byearly\b|\bwe are (?:open|closed)\b|"
    r"\bclosed (?:on|for|from|over)\b|\bopen (?:on|from)\b|\bholiday hours\b|\bopening hours\b)"
)
RECURRING_BEFORE = re.compile(r"(?i:\b(?:every|each|most|all)[^\S\n]+)$")
SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?](?=\s|$)|\n|$)")


def _is_numeric_date(text: str) -> bool:
    """Whether digits split by / - . read as a real day and month."""
    parts = [int(p) for p in DATE_SEPARATOR.split(text)]
    if len(parts) == 3 and parts[0] > 31:
        parts = parts[1:]  # year first
    elif len(parts) == 2 and parts[1] in FRACTION_DENOMINATORS:
        return False
    first, second = parts[:2]
    month_first = 1 <= first <= 12 and 1 <= second <= 31
    # Day first (18.06.2009) only with a year: "24/7" is a figure of speech.
    day_first = len(parts) == 3 and 1 <= first <= 31 and 1 <= second <= 12
    return month_first or day_first


MONTH_STARTS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                "Dec", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                "nov", "dec")  # fmt: skip
NUMBER_PAIR = re.compile(r"\d[-/.]\d")
HOLIDAY_STARTS = ("Day", "Eve", "Year", "Easter", "Friday", "Passover", "Juneteenth", "July",
                  "Halloween", "Thanksgiving", "Christmas", "Hanukkah", "Chanukah", "Kwanzaa",
                  "Diwali", "Eid", "Rosh", "Yom")  # fmt: skip


def _sentence(text: str, start: int) -> str:
    """The sentence around an offset."""
    begin = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), -1) + 1
    stop = min(i for i in (text.find(". ", start), text.find("\n", start), len(text)) if i >= 0)
    return text[begin:stop]


def recurring(text: str, start: int) -> bool:
    """Whether the sentence around `start` speaks of something that recurs, not an event."""
    if RECURRING_BEFORE.search(text[max(0, start - 12) : start]):
        return True
    return RECURRING.search(_sentence(text, start)) is not None


DAY_OF_MONTH = re.compile(rf"[^\S\n]+of[^\S\n]+{MONTH}")


def _days_alone(text: str) -> list[Span]:
    spans = []
    for m in DAY_ALONE.finditer(text):
        if DAY_OF_MONTH.match(text, m.end()):
            continue  # "the 18th of June" is a whole date, found as one
        after = DAY_THEN.match(text, m.end())
        word = after.group("word").lower() if after else ""
        if not word or word in DAY_AFTER_OK:
            spans.append(m.span())
    return spans


# A weekday dates the day beside it: "Tuesday the 9th" whatever follows, and "Wednesday, 8
# July" is quoted with its weekday, the fuller date a reader sees.
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
WEEKDAY_DAY = re.compile(
    rf"\b{WEEKDAY},?[^\S\n]+(?:the[^\S\n]+)?(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b"
)
WEEKDAY_BEFORE = re.compile(rf"\b{WEEKDAY},?[^\S\n]+(?:the[^\S\n]+)?$")
# "came in on 3/4," is a day and a month, though 3/4 alone reads as a fraction: after "on",
# closing its phrase; "on 3/4 of the days", "on 1/2 a tablet" run on into what they measure.
ON_FRACTION = re.compile(
    r"\b(?i:on)[^\S\n]+(?P<date>(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9]))(?![\w/.-]|\.\d)"
    r"(?=[^\S\n]*(?:[,;:!?)]|\.(?!\d)|$)|[^\S\n]+(?:at|and|when|after|before|but|so)\b)",
    re.MULTILINE,
)
MONTH_HINT = re.compile("|".join(MONTH_STARTS))
HOLIDAY_HINT = re.compile("|".join(HOLIDAY_STARTS))
ORDINAL_HINT = re.compile(r"\d(?:st|nd|rd|th)\b|(?i:first|second|third|th\b)")


def date_spans(text: str, alone: bool = True) -> list[Span]:
    """Spans of dates that carry a day or a month, not just a year.

    `alone`: also a day, a month or a holiday on its own (in prose; a slug has no context).
    """
    has_month = MONTH_HINT.search(text) is not None
    found = [_without_the(text, s) for s in match_spans(DATE_WORDS, text)] if has_month else []
    # A holiday written as a date ("the Fourth of July") is a holiday: judged as one below.
    found = [(s, e) for s, e in found if not HOLIDAY.fullmatch(text, s, e)]
    numeric = match_spans(DATE_NUMBERS, text) if NUMBER_PAIR.search(text) else []
    found += [(s, e) for s, e in numeric if _is_numeric_date(text[s:e])]
    if "/" in text:
        # Quoted with its "on": "3/4" alone would read as the fraction it looks like.
        found += [m.span() for m in ON_FRACTION.finditer(text)]
    if ":" in text:
        found += [m.span() for m in EXIF_DATE.finditer(text)]
    if not alone:
        return _merged(found)
    if ORDINAL_HINT.search(text):
        found += _days_alone(text)
        found += [m.span() for m in WEEKDAY_DAY.finditer(text)]
    if has_month:
        for m in MONTH_ALONE.finditer(text):
            if not recurring(text, m.start("month")):
                found.append(m.span("month"))
    if HOLIDAY_HINT.search(text):
        for m in HOLIDAY.finditer(text):
            # "last Easter" picks out one Easter, whatever else in its sentence recurs.
            if m.group().lower().startswith("last ") or not recurring(text, m.start()):
                found.append(m.span())
    return _merged([_with_weekday(text, span) for span in found])


def _with_weekday(text: str, span: Span) -> Span:
    """A date's span with the weekday written right before it."""
    before = WEEKDAY_BEFORE.search(text, max(0, span[0] - 16), span[0])
    return (before.start(), span[1]) if before else span


def _without_the(text: str, span: Span) -> Span:
    """A date's span without a leading 'the' ('18th of June', as it was always quoted)."""
    start, end = span
    if text[start : start + 4].lower() == "the ":
        start += 4
    return start, end


def _merged(spans: list[Span]) -> list[Span]:
    """Spans sorted, those inside another left out."""
    kept: list[Span] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if kept and start < kept[-1][1]:
            if end > kept[-1][1]:
                kept[-1] = (kept[-1][0], end)
            continue
        kept.append((start, end))
    return kept


def dates(text: str) -> list[str]:
    """Dates that carry a day or a month, not just a year."""
    return texts(text, date_spans(text))
