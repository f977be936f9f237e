"""Full names in lower case, and one given name, where the words around say a person: "his
daughter, nancy oliveira", "client is jo smith", a signed quote, "my sister Priya", "the
Okonkwo family"."""

import re
from collections.abc import Iterator

from .people import GIVEN, LOWER, NOT_SURNAME, POSSESSIVE, UPPER, base
from .spans import Span, word_starts
from .wordlists import COMMON, TITLES

# A name in lower case, where the words before it say a person comes next:
# "His daughter, nancy oliveira, booked ...", "a friend named jo smith".
LOWER_NAME = re.compile(
    r"(?i:\b(?:her|his|their|my|our|your)[ \t]+(?:[\w-]+[ \t]+)?(?P<who>husband|wife|son|"
    r"daughter|mother|father|mum|mom|dad|brother|sister|aunt|uncle|niece|nephew|cousin|grandson|"
    r"granddaughter|grandmother|grandfather|partner|friend|neighbou?r|roommate|colleague|boss|"
    r"manager|supervisor|carer|caregiver)|\b(?:named|called))[ \t]*,?"
    r"[ \t]+(?P<name>[a-z][a-z'’-]+[ \t]+[a-z][a-z'’-]+)\b(?P<closed>[ \t]*(?:[,.;:)]|$))?"
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
    # The signature may stand on the quotation's next line, as under a blockquote.
    r"(?:[\"”]|—|--)[ \t]*(?:\n[ \t]*)?" + LOWER_PAIR + r"(?:[ \t]*$|(?=[,;)]))",
    re.MULTILINE,
)


def lower_name_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Spans of names written in lower case after words that say a person comes next."""
    end = len(text) if end is None else end
    for m in LOWER_NAME.finditer(text, start, end):
        given, family = m.group("name").split()
        # An unknown given name too, where the pair closes the phrase: "his uncle normand
        # pelletier." (a verb or an adverb after "his uncle" runs on into the sentence).
        if _lower_pair(given, family) or (m.group("closed") and name_words(given, family)):
            yield m.span("name")


# "my client maria gonzales": matched where "client" stands, the possessive looked for
# before it, so a file that says "client" on every line is not scanned at every position.
CLIENT_NAME = re.compile(
    r"(?:client|patient|customer)[ \t]*,?[ \t]+(?P<name>[a-z][a-z'’-]+[ \t]+[a-z][a-z'’-]+)\b"
    r"(?P<closed>[ \t]*(?:[,.;:)]|$))?",
    re.MULTILINE,
)
OWNER_BEFORE = re.compile(r"(?i:\b(?:her|his|their|my|our|your)[ \t]+(?:[\w-]+[ \t]+)?)$")


def client_name_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Spans of a lower-case full name after "my client", "her patient"."""
    end = len(text) if end is None else end
    lower = text.lower()
    for word in ("client", "patient", "customer"):
        for at in word_starts(lower, word, start, end):
            m = CLIENT_NAME.match(text, at, end)
            if m is None or not OWNER_BEFORE.search(text, max(start, at - 30), at):
                continue
            given, family = m.group("name").split()
            if _lower_pair(given, family) or (m.group("closed") and name_words(given, family)):
                yield m.span("name")


def noted_name_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Spans of lower-case full names after "client is", "client=", or signing a quote."""
    end = len(text) if end is None else end
    signed = SIGNED_NAME.finditer(text, start, end) if _signed(text) else ()
    lower = text.lower()
    cued = any(cue in lower for cue in NOTE_CUES)
    noted = NOTED_NAME.finditer(text, start, end) if cued else ()
    for m in noted:
        given, family = m.group("name").split()
        if _lower_pair(given, family):
            yield m.span("name")
    # A quotation's signature is a name even when its given name is not a known one:
    # '"... straight." hjalmar nyqvist, retired engineer'.
    for m in signed:
        given, family = m.group("name").split()
        # After a dash in prose, only a known given name: "**Wrist stretch** — arm straight,
        # fingers back" is an instruction, "last week — bill kowalczyk, we mean you" a name.
        quoted = not m.group().startswith(("—", "--")) or _after_quotation(text, m.start())
        if _lower_pair(given, family) or (quoted and name_words(given, family)):
            yield m.span("name")
    yield from apposed_name_spans(text[start:end]) if start == 0 and end == len(text) else ()


# A name in lower case set beside a relation of the client's: "her physical therapist, pa nhia
# vang." (the name closes the clause) or "loretta begay (her neighbour) sat ...".
KIN = (
    r"husband|wife|son|daughter|mother|father|mum|mom|dad|brother|sister|aunt|uncle|niece|"
    r"nephew|cousin|grand\w+|partner|spouse|boyfriend|girlfriend|fianc\w*|friend|"
    r"neighbou?r|roommate|flatmate|colleague|co-?worker|boss|carer|caregiver|therapist|"
    r"physio(?:therapist)?|doctor|physician|surgeon|nurse|teacher|coach"
)
LOWER_WORDS = r"[a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+){1,2}"
APPOSED_NAME = re.compile(
    rf"(?:her|his|their|my|our)[ \t]+(?:[\w-]+[ \t]+)?(?:{KIN})(?:-in-law)?s?,[ \t]+"
    rf"(?P<name>{LOWER_WORDS})(?=[ \t]*(?:[.;!?),]|$))",
    re.IGNORECASE | re.MULTILINE,
)
NAME_BEFORE = re.compile(rf"(?<![\w'’-])(?P<name>{LOWER_WORDS})[ \t]+$")
RELATION_IN_BRACKETS = re.compile(
    rf"\((?:her|his|their|my|our)[ \t]+(?:[\w-]+[ \t]+)?(?:{KIN})\)", re.IGNORECASE
)
OWNERS = ("her", "his", "their", "my", "our")


def apposed_name_spans(text: str) -> Iterator[Span]:
    """Spans of lower-case names beside a relation word, each of whose words could be a name.

    Read from each possessive word (and each bracket that opens one), never from every
    word of the text."""
    lower = text.lower()
    spans: list[Span] = []
    for i in (i for owner in OWNERS for i in word_starts(lower, owner)):
        m = APPOSED_NAME.match(text, i)
        if m and name_words(*m.group("name").split()):
            spans.append(m.span("name"))
        bracket = i - 1
        if bracket > 0 and text[bracket] == "(" and RELATION_IN_BRACKETS.match(text, bracket):
            before = NAME_BEFORE.search(text, max(0, bracket - 60), bracket)
            if before and name_words(*before.group("name").split()):
                spans.append(before.span("name"))
    yield from sorted(spans)


QUOTATION_REACH = 200
QUOTATION_END = re.compile(r"(?:[.!?…][\"”’']?|[\"”’'])[ \t]*$")


def _after_quotation(text: str, at: int) -> bool:
    """Whether a dash at `at` starts its line or follows the end of a quotation or sentence."""
    # Within a bounded reach: searching back to a long line's start for every dash in it
    # would read the line once a dash.
    reach = max(0, at - QUOTATION_REACH)
    before = text[text.rfind("\n", reach, at) + 1 or reach : at]
    return not before.strip() or QUOTATION_END.search(before) is not None


def _signed(text: str) -> bool:
    """Whether a text has a closing quote or a dash a signature may follow."""
    return '"' in text or "”" in text or "—" in text or "--" in text


def name_words(*words: str) -> bool:
    """Whether lower-case words could all be names: no common word, verb or adverb shape."""
    for word in words:
        low = base(word)
        if low in NOT_GIVEN or len(low) < 2 or low.endswith(("ly", "ing", "ed")):
            return False
        if not low.strip("x"):
            return False  # a known term or public figure, masked by x's: "Dr. xxxxx xxxxxxx"
    return not base(words[-1]).endswith("s")  # "her husband usually drives."


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
        after = (m.group("after") or "").strip()
        if low in NOT_GIVEN:
            # "her niece Summer Nyquist": after a relation, a capitalised common word before
            # an unknown capitalised one is a given name; `name_spans` passes it as a word.
            if _common_given(name, low, after):
                yield (
                    m.start("name"),
                    m.end("after") - (len(after) - len(POSSESSIVE.sub("", after))),
                )
            continue
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


def _common_given(name: str, low: str, after: str) -> bool:
    """Whether a capitalised common word and the word after it are a full name."""
    if not (name[:1].isupper() and after[:1].isupper()) or low not in COMMON or low in TITLES:
        return False
    family = base(after)
    return family not in NOT_GIVEN and family not in GIVEN and name_words(family)


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


# What only a person follows: a title ("ms. harriet fenwick-adeyemi", "mr. smith"); a
# letter's closing ("warmly, dot kilbride" at a paragraph's end); "signed" and a name
# ("she signed her intake jules tremblay,"); a known given name before an Irish "o'"
# family name ("sean o'halloran"). "ms" and "dr" without their dot are a disease and a
# drive, so the dot is asked of them.
WORD = r"[a-z][a-z'’-]*[a-z]"
TITLED = re.compile(
    rf"(?P<title>(?i:mrs?|mx|ms|dr|prof)\.|(?i:mrs?|mx)(?=[ \t]))[ \t]+"
    rf"(?P<name>{WORD})(?P<family>[ \t]+{WORD})?"
)
TITLES_WRITTEN = ("mr", "mrs", "ms", "mx", "dr", "prof")
CLOSINGS = (
    r"warmly|love|lots of love|thanks|many thanks|thank you|cheers|best|best wishes|all the best|"
    r"regards|kind regards|warm regards|sincerely|yours|yours truly|with love|with thanks|"
    r"gratefully|fondly|hugs|xo|xoxo|take care"
)
# A closing is written with its comma ("Warmly, dot kilbride"): found from the comma, which
# a plain scan finds, and the closing then looked for right before it.
SIGNATURE = re.compile(rf",[ \t]+(?P<name>{WORD}[ \t]+{WORD})[ \t]*[.!]?[ \t]*$", re.MULTILINE)
CLOSING_BEFORE = re.compile(rf"(?:^[ \t]*|[.!?\"”][ \t]+)(?i:{CLOSINGS})[ \t]*$", re.MULTILINE)
CLOSING_WINDOW = 30
SIGNED = re.compile(
    rf"(?i:sign(?:s|ed))[ \t]+(?:(?:her|his|their|my|the)[ \t]+[a-z]+[ \t]+)?(?:as[ \t]+)?"
    rf"(?P<name>{WORD}[ \t]+{WORD})(?=[ \t]*(?:[,;.]|$))",
    re.MULTILINE,
)
IRISH = re.compile(r"(?P<given>[a-z]+)[ \t]+o['’][a-z]{3,}\b")
BEFORE_WHO = re.compile(rf"(?<![\w'’-])(?P<name>{WORD}[ \t]+{WORD}),[ \t]+$")
# A surname's letters: any script's, a capital inside ("McPherson"), an apostrophe ("O'Neill").
SURNAME = rf"[{UPPER}][{LOWER}'’]*(?:[{UPPER}][{LOWER}'’]+)?(?:-[{UPPER}][{LOWER}'’]+)?"
# A nickname in quotes or brackets between a given name and a surname: 'Dwayne "Big D"
# Pettaway', "Dwayne «Big D» Pettaway", "Dwayne (Big D) Pettaway".
NICKNAMED = re.compile(
    rf"\b(?P<given>[{UPPER}][{LOWER}]+)[ \t]+[\"“”„«(][^\"“”„«»()\n]{{1,20}}[\"“”»)][ \t]+"
    rf"{SURNAME}"
)
# A family name said to be one: "her family name is Takahashi", "maiden name: Okafor", "his
# surname was Lindqvist-Berg" (capitalised: "her last name is hard to spell" names no one;
# a plant's family, "Asteraceae", is no person's).
NAMED_AS = re.compile(
    # The name may stand in quotes: 'her family name is "O'Connor"'.
    r"(?i:\b(?:sur|(?:family|last|maiden|married)[ \t]+)name[ \t]*(?:is|was|:)[ \t]+)"
    r"(?:[\"“”‘’'`«„*_][ \t]?){0,2}"
    rf"(?P<name>{SURNAME}(?:[ \t]+{SURNAME})?)(?![\w'’-])"
)
TAXON_ENDINGS = ("aceae", "idae", "inae")


def cued_name_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Spans of lower-case names after a title, a letter's closing or "signed"."""
    end = len(text) if end is None else end
    lower = text.lower()
    # Each pattern is tried only where its first word stands.
    for at in sorted({i for t in TITLES_WRITTEN for i in word_starts(lower, t, start, end)}):
        m = TITLED.match(text, at, end)
        if m is None or not name_words(m.group("name")):
            continue
        family = m.group("family")
        last = "family" if family and name_words(family.strip()) else "name"
        yield m.start("title"), m.end(last)
    for at in word_starts(lower, "sign", start, end):
        m = SIGNED.match(text, at, end)
        if m and name_words(*m.group("name").split()):
            yield m.span("name")
    for m in SIGNATURE.finditer(text, start, end):
        before = CLOSING_BEFORE.search(text, max(start, m.start() - CLOSING_WINDOW), m.start())
        if before and name_words(*m.group("name").split()):
            yield m.span("name")
    if any(mark in lower for mark in '"“”„«('):
        for m in NICKNAMED.finditer(text, start, end):
            if m.group("given").lower() in GIVEN:
                yield m.span()
    if ", who " in lower:
        # "who" follows a person: "- dolores whitcombe, who is ninety-six, gave the talk".
        for at in word_starts(lower, "who", start, end):
            m = BEFORE_WHO.search(text, max(start, at - 60), at)
            if m and _lower_pair(*m.group("name").split()):
                yield m.span("name")
    if "name" in lower:
        for m in NAMED_AS.finditer(text, start, end):
            if not m.group("name").endswith(TAXON_ENDINGS):
                yield m.span("name")
    for quote in ("o'", "o’"):
        for at in word_starts(lower, quote, start, end):
            begin = at - 1  # the given name is the word right before, one space apart
            while begin > start and lower[begin - 1].isalpha():
                begin -= 1
            m = IRISH.match(text, begin, end)
            if m and m.group("given") in GIVEN:
                yield m.span()
