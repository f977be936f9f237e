"""Full names in lower case, and one given name, where the words around say a person: "his
daughter, nancy oliveira", "client is jo smith", a signed quote, "my sister Priya", "the
Okonkwo family"."""

import re
from collections.abc import Iterator

from .people import GIVEN, LOWER, NOT_SURNAME, POSSESSIVE, UPPER, base
from .spans import Span
from .wordlists import COMMON, TITLES

# A name in lower case, where the words before it say a person comes next:
# "His daughter, nancy oliveira, booked ...", "a friend named jo smith".
LOWER_NAME = re.compile(
    r"(?i:\b(?:her|his|their|my|our|your)[ \t]+(?:[\w-]+[ \t]+)?(?P<who>husband|wife|son|"
    r"daughter|mother|father|mum|mom|dad|brother|sister|aunt|uncle|niece|nephew|cousin|grandson|"
    r"granddaughter|grandmother|grandfather|partner|friend|neighbou?r|roommate|colleague|boss|"
    r"manager|supervisor|carer|caregiver)|\b(?:named|called))[ \t]*,?[ \t]+"
    r"(?P<name>[a-z][a-z'’-]+[ \t]+[a-z][a-z'’-]+)\b"
)


# More places a lower-case full name stands: after "client is" or "client=" (notes and
# logs), and after a closing quote or a dash at the end of a line (a testimonial signed).
# Each starts at a character few texts hold (a quote, a dash) or a cue word in either
# case written out, so it is scanned for cheaply, not tried at every position.
LOWER_PAIR = r"(?P<name>[a-z][a-z'’-]+[ \t]+[a-z][a-z-]+)"
NOTED_NAME = re.compile(
    r"\b(?:[Cc]lient|[Pp]atient|[Cc]ustomer|[Nn]ame|[Uu]ser)[ \t]*(?:is|was|=|:)[ \t]*"
    + LOWER_PAIR
    + r"\b"
)
NOTE_CUES = ("client", "patient", "customer", "name", "user")
SIGNED_NAME = re.compile(
    r"(?:[\"”]|—|--)[ \t]*" + LOWER_PAIR + r"(?:[ \t]*$|(?=[,;)]))", re.MULTILINE
)


def lower_name_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Spans of names written in lower case after words that say a person comes next."""
    end = len(text) if end is None else end
    for m in LOWER_NAME.finditer(text, start, end):
        given, family = m.group("name").split()
        if _lower_pair(given, family):
            yield m.span("name")


def noted_name_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Spans of lower-case full names after "client is", "client=", or signing a quote."""
    end = len(text) if end is None else end
    signed = SIGNED_NAME.finditer(text, start, end) if _signed(text) else ()
    lower = text.lower()
    cued = any(cue in lower for cue in NOTE_CUES)
    noted = NOTED_NAME.finditer(text, start, end) if cued else ()
    for m in [*noted, *signed]:
        given, family = m.group("name").split()
        if _lower_pair(given, family):
            yield m.span("name")


def _signed(text: str) -> bool:
    """Whether a text has a closing quote or a dash a signature may follow."""
    return '"' in text or "”" in text or "—" in text or "--" in text


def _lower_pair(given: str, family: str) -> bool:
    """Whether two lower-case words are a given name and a family name."""
    return given in GIVEN and family not in NOT_SURNAME and family not in GIVEN | COMMON


# One given name where a relation word says a person comes next: "my daughter Priya",
# "her husband, raj, drove her". The relation makes it someone the client knows; a second
# capitalised word after it is a full name, left to `name_spans`.
RELATION_NAME = re.compile(
    r"(?i:\b(?:her|his|their|my|our|your)[ \t]+(?:[\w-]+[ \t]+)?(?:husband|wife|son|daughter|"
    r"mother|father|mum|mom|dad|brother|sister|aunt|uncle|niece|nephew|cousin|grandson|"
    r"granddaughter|grandmother|grandfather|partner|fiancée?|boyfriend|girlfriend|friend|"
    r"neighbou?r|roommate|flatmate|colleague|coworker|co-worker|boss|manager|supervisor|carer|"
    r"caregiver|stepson|stepdaughter|stepmother|stepfather|grandchild|kid|child|baby|twin)s?)"
    r"[ \t]*,?[ \t]+(?P<name>[^\W\d_][\w'’-]*[^\W\d_])(?P<after>[ \t]+[^\W\d_][\w'’-]*)?"
)
AND_NAME = re.compile(r"[ \t]+and[ \t]+(?P<name>[A-Z][\w'’-]*[^\W\d_])(?![ \t]+[A-Z])")
NOT_GIVEN = (
    NOT_SURNAME
    | TITLES
    | frozenset(
        "and or but who whom whose which that was is has had said says told came comes went goes "
        "the a an to of in on at for with from by as too also again then later still now".split()
    )
)


def relation_name_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Spans of one given name right after a relation word ("my daughter Priya")."""
    end = len(text) if end is None else end
    for m in RELATION_NAME.finditer(text, start, end):
        name = m.group("name")
        low = base(name)
        if low in NOT_GIVEN:
            continue
        after = (m.group("after") or "").strip()
        if after[:1].isupper() and base(after) not in NOT_GIVEN:
            continue  # "my sister Ana Lopes": a full name, found as one
        # Lower case is a name when it is a known given name, or set off by commas
        # ("her husband, raj, drove"): a verb or a noun after a relation has no commas.
        appositive = text[m.end("name") : m.end("name") + 1] == "," and "," in m.group()[:-1]
        if name.islower() and low not in GIVEN and not appositive:
            continue
        begin, stop = m.span("name")
        yield begin, stop - (len(name) - len(POSSESSIVE.sub("", name)))
        also = AND_NAME.match(text, stop)
        if also and base(also.group("name")) not in NOT_GIVEN:
            yield also.span("name")  # "my daughters Emma and Zoe"


# A family by its name: "a card from the Okonkwo family", "the Nguyens' twins".
FAMILY = re.compile(
    rf"\b(?i:the)[ \t]+(?P<name>[{UPPER}][{LOWER}'’-]*[{LOWER}])[ \t]+"
    r"(?i:family|families|household|twins|kids|children|clan)\b"
)
NOT_FAMILY = NOT_GIVEN | frozenset(
    "royal first whole host nuclear extended same entire immediate blended average typical "
    "american english irish italian modern military".split()
)


def family_name_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Spans of a family's name before "family", "household" or "twins"."""
    end = len(text) if end is None else end
    for m in FAMILY.finditer(text, start, end):
        if base(m.group("name")) not in NOT_FAMILY:
            yield m.span("name")
