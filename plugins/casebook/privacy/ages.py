"""Ages over 89, which Safe Harbor folds into '90 or older', in every common form.

Digits or words ("91", "ninety-one", "a hundred and two"), with "aged", "age", "years old",
"-year-old", "years young", "years of age", a verb of becoming ("turned 97", "is ninety-one",
"I'm 97", "lived to 103"), a comma after a person ("her grandmother, ninety-three"),
a preposition ("at 94"), an ordinal ("her 95th birthday", "in her 95th year") or a word of
its own ("nonagenarian"). A statement about a group ("several clients are in their
nineties", "the same at 30 as at 90") and Safe Harbor's own "90 or older" are no age.
"""

from __future__ import annotations

import re

from .spans import Span, texts

OVER_89 = r"(?:9\d|1[0-4]\d)"
UNITS_WORDS = (
    r"percent|degrees?|pounds?|lbs?|kg|kilos?|minutes?|mins?|seconds?|secs?|hours?|days?|"
    r"weeks?|months?|miles?|km|mm|cm|mg|times|reps?|repetitions|sessions?|bpm|beats|mmhg|ml|"
    r"dollars|cents|people|clients|patients|visits|steps|feet|ft|inches|m\b|%|°|"
    # "in" is inches only where no word or year follows: "turned 100 in March" is an age.
    # A run of spaces after it is a date the chain blanked before: "turned 100 in March".
    r"in\b(?![^\S\n]*[^\W\d_]|[^\S\n]+\d{4}|[^\S\n]{2})"
)
UNITS = rf"(?:{UNITS_WORDS})"
# A measure, or a range of them: "at 90 to 100 degrees" is an angle, not an age.
UNIT_AFTER = re.compile(
    rf"[^\S\n]*(?:%|°|/|[-–]\d|{UNITS}|(?:to|or|and)[^\S\n]+\d+[^\S\n]*(?:%|°|{UNITS}))",
    re.IGNORECASE,
)
NINETY = (
    r"(?:ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|(?:a|one)[- ]hundred(?:[- ](?:and[- ])?(?:one|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve))?"
    # "who is hundred and one": no article, but its "and" says it is a number of years.
    r"|hundred[- ]and[- ](?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
)
NINETY_ORDINAL = (
    r"(?:ninet(?:ieth|y[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))"
    r"|(?:one[- ])?hundredth)"
)
NUMBER = rf"(?:{OVER_89}|(?i:{NINETY}))"
BECOMING = (
    r"is|was|turned|turns|turning|reached|reaches|reaching|hit|hits|becomes|became|be|"
    r"being|now|aged?|age[^\S\n]+of|ages|nearly|almost|i[^\S\n]+am|i['’]m|she['’]s|he['’]s|"
    # "her sister lived to 103": a life's length is the age it ended at ("live to 100" is a hope).
    r"lived[^\S\n]+to"
)
COUNTING = (
    r"(?i:an?[^\S\n]+hundred|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundred)"
)
NUMBER_BEFORE = re.compile(rf"(?:\d|\b{COUNTING})[^\S\n]*$")
# Who an age set after a comma belongs to: "her grandmother, ninety-three", "my father, 94."
PERSON = (
    r"grand(?:mother|father|ma|pa|mom|mum|dad)|mother|father|mom|mum|dad|aunt|uncle|wife|"
    r"husband|widow|widower|neighbou?r|client|patient|friend|sister|brother|man|woman|lady|"
    r"gentleman|resident|veteran"
)
AGE = re.compile(
    rf"\b{NUMBER}[- ]?(?:years?|yrs?)[- ]?old\b"
    rf"|\b{NUMBER}[- ]?(?:years?|yrs?)[- ](?:young|of[- ]age)\b"
    rf"|\b{OVER_89}[- ]?y/?o\b"
    rf"|\b(?i:(?:{BECOMING})[^\S\n]*+:?[^\S\n]*+(?:(?:nearly|almost|just|now)[^\S\n]+)?){NUMBER}\b"
    # "Frank, 95, could ...", "a lobsterman, ninety-three, with ..."; not a list of numbers.
    rf"|(?<=[A-Za-z.]), (?P<apart>{NUMBER})(?=,)(?![^\S\n]*,[^\S\n]*(?:\d|{COUNTING}))"
    # Digits written apart, before "years old": "9 5 years old".
    r"|\b(?:9[^\S\n]\d|1[^\S\n][0-4][^\S\n]\d)[- ]?(?:years?|yrs?)[- ]?old\b"
    # "and his grandmother, ninety-three": an age closing the phrase after a person.
    rf"|(?<![\w-])(?i:{PERSON}),[^\S\n]+(?P<after>{NUMBER})(?=[^\S\n]*(?:[,.;:!?)\]\"”\n]|$))"
    rf"|\b(?i:at)[^\S\n]+{NUMBER}\b"
    rf"|\b{OVER_89}(?:st|nd|rd|th)[^\S\n]+(?i:birthday|year)\b"
    rf"|\b(?i:{NINETY_ORDINAL})[^\S\n]+(?i:birthday|year)\b"
    r"|\b(?:his|her|their|early|mid|late)[- ](?:9|10)0'?s\b"
    r"|\b(?i:(?:his|her|their|early|mid|late)[- ]nineties)\b"
    r"|\b(?i:(?:super)?centenarian|nonagenarian)\b"
)
# "a choir director of ninety-four who ...": a person "of" an age written in words, where it
# closes the phrase. A count runs on into what it counts ("of ninety-four clients"), and a
# measure or a share names itself before "of" ("a total of ninety-five").
OF_AGE = re.compile(
    rf"(?<=[a-z])[^\S\n]+(?P<age>(?i:of)[^\S\n]+(?i:{NINETY}))\b"
    r"(?=[^\S\n]*(?:[,.;:!?)\"”]|$)|[^\S\n]+(?:who|and|but|with|she|he)\b)",
    re.MULTILINE,
)
NOT_AN_AGE_OF = re.compile(
    r"(?i:\b(?:total|sum|score|count|number|average|mean|median|maximum|minimum|group|set|"
    r"series|list|class|cohort|sample|team|rate|pulse|reading|tally|batch|out|age)$)"
)
# Safe Harbor's own category for the very old: saying it is fine.
AGGREGATED = re.compile(r"[^\S\n]*(?:\+|or (?:older|over|more|above)|and (?:older|over|up))")
BEFORE_AGGREGATE = re.compile(r"(?i:(?:over|above|past|beyond|than)[^\S\n]+)$")
# "at 30 as at 90", "from 60 to 90": ages compared, a statement about anyone.
COMPARED = re.compile(
    r"(?i:\bat[^\S\n]+\d+[^\S\n]+as[^\S\n]+at[^\S\n]+\d+|\b(?:between|from)[^\S\n]+\d+"
    r"[^\S\n]+(?:and|to)[^\S\n]+\d+)"
)
# Plural subjects: "clients in their nineties", "several are in their nineties".
GROUP = re.compile(
    r"(?i:\b(?:clients|patients|people|residents|adults|men|women|those|many|several|some|"
    r"most|others|few|parents|grandparents|everyone|anyone|seniors|members|folks|regulars)\b"
    # A share of a group: "one in twelve of our regulars", "a third of them", "8% of".
    r"|\b(?i:one[^\S\n]+in[^\S\n]+\w+|half|a[^\S\n]+(?:third|quarter|fifth|tenth)|\d+[^\S\n]*%)"
    r"[^\S\n]+of\b)"
)
# A sentence whose subject is plural: "Runners in their nineties", "Masters athletes keep
# running into their 90s". A word or two, a plural noun, then a verb of a plural or "in".
PLURAL_SUBJECT = re.compile(
    r"(?i:[^\S\n]*(?:[a-z'’-]+[^\S\n]+)?[a-z]+[^\Ws']s[^\S\n]+(?:in|into|keep|are|were|remain|"
    r"stay|still|who|continue|often|can|may|do|tend|live|have)\b)"
)
THEIR = re.compile(r"(?i:their)")
# "at 97 years young": the rest of the phrase belongs to the age found before it.
YEARS_AFTER = re.compile(r"[- ]?(?:years?|yrs?)[- ]?(?:old|young|of[- ]age)\b", re.IGNORECASE)
QUICK_NUMBER = re.compile(r"9[^\S\n]?\d|1[^\S\n]?[0-4][^\S\n]?\d")
QUICK_WORDS = ("ninet", "agenarian", "hundred", "centenarian")


def _group_statement(text: str, start: int, value: str) -> bool:
    """Whether an age belongs to a group, not to one person."""
    begin = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), -1) + 1
    before = text[max(begin, start - 60) : start]
    if THEIR.match(value) or value.lower().startswith(("at ", "their", "lived", "age ")):
        after = text[start + len(value) : start + len(value) + 30]
        return (
            GROUP.search(before) is not None
            or (value[0] in "Aa" and GROUP.match(after.lstrip(" ,")) is not None)
            or COMPARED.search(text, begin) is not None
            or (THEIR.match(value) is not None and PLURAL_SUBJECT.match(text, begin) is not None)
        )
    return False


def age_spans(text: str) -> list[Span]:
    """Spans of ages of 90 and over, which Safe Harbor folds into '90 or older'."""
    lower = text.lower()
    if not QUICK_NUMBER.search(text) and not any(w in lower for w in QUICK_WORDS):
        return []
    spans = []
    for m in AGE.finditer(text):
        if AGGREGATED.match(text, m.end()) or BEFORE_AGGREGATE.search(
            text[max(0, m.start() - 10) : m.start()]
        ):
            continue
        if m.group("apart") and NUMBER_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            continue  # "sixty, ninety, a hundred": numbers in a row, no one's age
        if m.group("after"):
            if not UNIT_AFTER.match(text, m.end()):
                spans.append(m.span("after"))  # the age alone, not the person before it
            continue
        value = m.group()
        bare = value.split()[-1] if value.split() else value
        if not value[-1].isalpha() and UNIT_AFTER.match(text, m.end()):
            continue  # "was 90 degrees", "at 95%": a measure, not an age
        if (
            bare.isdigit()
            and value.lower().startswith("at ")
            and COMPARED.search(_line(text, m.start()))
        ):
            continue
        if _group_statement(text, m.start(), value):
            continue
        start = m.start() + len(value) - len(value.lstrip(" ,"))
        end = m.start() + len(value.rstrip(" ,"))
        longer = YEARS_AFTER.match(text, end)
        spans.append((start, longer.end() if longer else end))
    if "of" in lower:
        spans += _of_ages(text, spans)
    return spans


# A year of birth is an age once the post's year is known: "born in 1931", in a post of 2026.
BORN = re.compile(
    r"\b(?i:born)[^\S\n]+(?:(?i:in)[^\S\n]+)?(?:(?i:the[^\S\n]+)?(?i:spring|summer|autumn|fall|"
    r"winter|early|late)[^\S\n]+(?:(?i:of)[^\S\n]+)?)?(?P<year>1[89]\d\d)\b"
    r"(?![^\S\n]*(?:-|–|(?:or|and)[^\S\n]+(?:\d|earlier|later|before|after)))"
)
OLDEST = 110  # more years than any living client has: "Travell, born in 1901" is history


def born_spans(text: str, year: int | None) -> list[Span]:
    """Spans of a year of birth 90 to 110 years before `year`, the post's year, said of
    one person: not "those born in 1930"; one born longer ago is a figure of history."""
    if year is None or "born" not in text.lower():
        return []
    spans = []
    for m in BORN.finditer(text):
        if not 90 <= year - int(m.group("year")) <= OLDEST:
            continue
        if GROUP.search(text, max(0, m.start() - 40), m.start()):
            continue  # "clients born in 1930": a group
        spans.append(m.span())
    return spans


def _of_ages(text: str, found: list[Span]) -> list[Span]:
    """Spans of "of ninety-four" after a person, where no other age was found."""
    spans = []
    for m in OF_AGE.finditer(text):
        start, end = m.span("age")
        if any(a < end and start < b for a, b in found):
            continue
        if NOT_AN_AGE_OF.search(text, max(0, m.start() - 12), m.start()):
            continue
        if AGGREGATED.match(text, end) or GROUP.search(text, max(0, m.start() - 30), m.start()):
            continue  # "a man of ninety and over", "people of ninety, ...": anyone that old
        spans.append((start, end))
    return spans


def _line(text: str, at: int) -> str:
    begin = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return text[begin : end if end >= 0 else len(text)]


def ages(text: str) -> list[str]:
    """Ages of 90 and over, which Safe Harbor folds into '90 or older'."""
    return texts(text, age_spans(text))
