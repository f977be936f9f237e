"""Towns, cities, counties and villages: geographic units smaller than a state.

A distinct place name ('Framingham') counts wherever it is capitalised; one that
is an everyday word ('Reading') or a given name ('Helen') only where the text
says it is a place: after 'in' or 'near', or before a state (', MA').
"""

import re
import unicodedata
from collections.abc import Iterator
from functools import cache

from . import gazetteer
from .gazetteer import above_state, first_words, tier
from .people import UPPER
from .spans import Span
from .wordlists import (
    ANATOMY,
    COMMON,
    EPONYMS,
    FIRST_NAMES,
    HEAD_NOUNS,
    MONTHS_AND_DAYS,
    WORLD_CITIES,
    SortedWords,
    words,
)

# The ʻokina and the marks that stand for it: a letter of the name, listed without it.
OKINA = dict.fromkeys(map(ord, "ʻʼ‘"))


# Hawaiian spelling only (the kahakō and the ʻokina): an acute or a tilde marks a name
# abroad ("San Sebastián") whose US namesake the tables spell plain.
MACRON = "\u0304"


def normal(name: str) -> str:
    """A place name as looked up, its kahakō and ʻokina dropped: the ZIP tables spell
    "Lāʻie" and "Hōnaunau" as "Laie" and "Honaunau"."""
    if name.isascii():
        return gazetteer.normal(name)
    decomposed = unicodedata.normalize("NFD", name.translate(OKINA)).replace(MACRON, "")
    return gazetteer.normal(unicodedata.normalize("NFC", decomposed))


@cache
def abroad() -> SortedWords:
    """Towns abroad no US place shares a name with (data/places_abroad.txt, each also
    unaccented): found, as a city abroad with a US namesake is, only where someone lives."""
    return SortedWords("places_abroad")


# The tier of a town abroad no US place shares a name with.
ABROAD = "abroad"
# Letters NFD leaves whole, written plain: "Łódź" is looked up as "lodz", "Tromsø" as "tromso".
PLAIN_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe",
                               "ı": "i", "ħ": "h", "þ": "th", "ð": "d"})  # fmt: skip


def fold(name: str) -> str:
    """A name without its accents and with its whole letters plain, as the abroad list also
    holds each town: "Chișinău" as "chisinau"."""
    plain = unicodedata.normalize("NFD", name.translate(PLAIN_LETTERS))
    return "".join(c for c in plain if not unicodedata.combining(c))


def is_abroad(name: str) -> bool:
    """Whether a looked-up name is a town abroad, as written or folded."""
    towns = abroad()
    return name in towns or (not name.isascii() and fold(name) in towns)


def _starts_abroad(word: str) -> bool:
    towns = abroad()
    return towns.starts(word) or (not word.isascii() and towns.starts(fold(word)))


# What says a town abroad is someone's: a verb of living, working or coming from, "native
# of", "fled"; never a bare "from", which "switched from Bikram" and "from Tabata" also use.
ABROAD_BEFORE = re.compile(
    r"(?i:\b(?:lives?|lived|living|works?|worked|working|grew[^\S\n]+up|born|raised|based|"
    r"moved|moving|moves|relocated|home|stays?|stayed|family|parents|trained|studied)"
    r"[^\S\n]+(?:\w+[^\S\n]+)?(?:in|to|from|near|at|between|outside(?:[^\S\n]+of)?)[^\S\n]+"
    r"|\b(?:is|was|are|were|originally|hails?|hailed|emigrated|immigrated|fled|came)"
    r"[^\S\n]+(?:\w+[^\S\n]+)?from[^\S\n]+"
    # "She is Haitian, from Jacmel", "the feast, which in their house from Sulmona is ...".
    r"|(?:,|\b(?:family|families|folks|people|parents|grandparents|relatives|house|household|"
    r"village|town))[^\S\n]+from[^\S\n]+"
    r"|\bout[^\S\n]+of[^\S\n]+|\bnatives?[^\S\n]+of[^\S\n]+|\b(?:fled|left|leaving)[^\S\n]+"
    r"|\b(?:returned|went[^\S\n]+back|back)[^\S\n]+(?:home[^\S\n]+)?to[^\S\n]+)$"
)


# A town listed after one: "lives in Kharkiv and Lviv", "between Jacmel, Léogâne or Hinche".
LISTED_AFTER = re.compile(
    rf"(?P<town>[{UPPER}][\w'’-]*(?:[^\S\n][{UPPER}][\w'’-]*){{0,2}})"
    r"(?:,[^\S\n]*(?:(?:and|or|then)[^\S\n]+)?|[^\S\n]+(?:and|or|then|and[^\S\n]+then|to)[^\S\n]+)$"
)
LISTED_TOWNS = 6  # towns read back along one list


def abroad_cue(text: str, at: int) -> bool:
    """Whether the words before `at` say a town abroad there is someone's home: a verb of
    living or coming from, or a list whose first town has one."""
    return cued_abroad(text, at) or listed_head(text, at) is not None


def cued_abroad(text: str, at: int) -> bool:
    """Whether a verb of living or coming from stands right before `at`."""
    return ABROAD_BEFORE.search(text, max(0, at - BEFORE_WINDOW), at) is not None


def listed_head(text: str, at: int) -> Span | None:
    """The first town of a list of towns abroad that `at` stands in, where words of home
    come before that town; None if there is no such list."""
    head = None
    for _ in range(LISTED_TOWNS):
        if cued_abroad(text, at):
            return head
        listed = LISTED_AFTER.search(text, max(0, at - BEFORE_WINDOW), at)
        if listed is None or not is_abroad(normal(listed.group("town").lower())):
            return None
        head = listed.span("town")
        at = listed.start()
    return None


TOKEN = re.compile(rf"(?<![\w-])(?<!\w['’])[{UPPER}](?:[\w'’-]*\w)?")
GAP = re.compile(r"[ \t\u00a0]+")
LONGEST = 4  # words in the longest place name looked up ("Newton Upper Falls")
POSSESSIVE = ("'s", "’s")
STATE_NAMES = "|".join(
    re.escape(name).replace(r"\ ", r"\s+")
    for name in sorted(words("states"), key=len, reverse=True)
)
STATE_CODES = (
    "AL AK AZ AR CA CO CT DC DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT "
    "NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
).replace(" ", "|")
STATE_AFTER = re.compile(
    rf"(?:,[ \t\u00a0]*|[ \t\u00a0]+)(?:(?:{STATE_CODES})\b|Mass\.|(?i:{STATE_NAMES})\b)"
)
# What says "place" before an everyday word: "lives in Reading", "near Normal".
# A given name also follows "from" as a person ("a note from Helen"): not enough there.
WEAK_BEFORE = re.compile(r"(?i:\b(?:from|into|through|towards?)\s+)$")
STRONG_BEFORE = re.compile(
    r"(?i:\b(?:in|near|outside|around|(?:town|city|village|county|outskirts|north|south|east"
    r"|west|outside)\s+of|(?:moved|moving|moves|drove|drives|driving|commutes?|commuting"
    r"|relocated|travels?|travell?ed|went|goes|back)\s+(?:to|from)|lives\s+in|lived\s+in"
    r"|living\s+in|grew\s+up\s+in|born\s+in|based\s+in)\s+)$"
)
BEFORE_WINDOW = 40
# What says someone lives, works or comes from a place: enough for a city abroad.
PERSONAL_BEFORE = re.compile(
    r"(?i:\b(?:lives?|lived|living|works?|worked|working|grew[^\S\n]+up|born|raised|based|"
    r"moved|moving|moves|relocated|home|stays?|stayed)[^\S\n]+(?:\w+[^\S\n]+)?(?:in|to|from|near|at)"
    r"[^\S\n]+|\b(?:from|out[^\S\n]+of)[^\S\n]+)$"
)
INITIAL_AFTER = re.compile(rf"[ \t\u00a0]+[{UPPER}]\.")
# "Lyme disease", "Bell's palsy", "Copenhagen adductor exercises": an eponym before
# a medical or anatomical word is no place; an institution ("Framingham Hospital")
# still says where.
INSTITUTIONS = frozenset(
    "foundation association society institute hospital clinic center centre university "
    "college school academy building reservoir reservoirs lab laboratory radio".split()
)
EPONYM_HEADS = (
    (HEAD_NOUNS - INSTITUTIONS)
    | ANATOMY
    | frozenset(
        "cyst palsy neuroma contracture phenomenon fracture law exercise exercises brace "
        "criteria classification score".split()
    )
    # An injury of what the word before names: "Achilles ruptures", "Morton lesions".
    | frozenset(
        "rupture ruptures tendinopathy tendinosis tendons injury injuries strains sprain "
        "sprains lesion lesions reflex".split()
    )
)
NEXT_WORD = re.compile(r"(?:['’]s)?[ \t\u00a0]+([A-Za-z]+)")


def _groups(text: str, start: int, end: int) -> Iterator[list[re.Match[str]]]:
    """Capitalised words in text[start:end], grouped where only spaces separate them."""
    group: list[re.Match[str]] = []
    for m in TOKEN.finditer(text, start, end):
        if group and GAP.fullmatch(text, group[-1].end(), m.start()):
            group.append(m)
            continue
        if group:
            yield group
        group = [m]
    if group:
        yield group


def _key(token: str) -> str:
    """A capitalised word as looked up: no possessive, lower case."""
    for ending in POSSESSIVE:
        if token.endswith(ending):
            return token[: -len(ending)].lower()
    return token.lower()


def _candidates(group: list[re.Match[str]]) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, name, tier) of the longest place names in a group of words."""
    keys = [normal(_key(m.group())) for m in group]
    starts = first_words()
    i = 0
    while i < len(group):
        # A state, country or region is read whole: "New York" holds no "York".
        most = min(LONGEST, len(group) - i)
        whole = next((n for n in range(most, 0, -1) if above_state(" ".join(keys[i : i + n]))), 0)
        # ... unless a longer place starts with it: "Jamaica Plain" is in Boston.
        if whole and not any(tier(" ".join(keys[i : i + n])) for n in range(most, whole, -1)):
            i += whole
            continue
        first = keys[i].split(" ", 1)[0]
        # A town abroad is looked up only where the words before it say someone's home.
        text, at = group[i].string, group[i].start()
        far = (
            not group[i].group().isupper()  # "from SARS to COVID": an acronym
            and _starts_abroad(first)
            and abroad_cue(text, at)
        )
        if first not in starts and not far:
            i += 1
            continue
        for size in range(min(LONGEST, len(group) - i), 0, -1):
            name = " ".join(keys[i : i + size])
            found = tier(name) or (ABROAD if far and is_abroad(name) else None)
            if found:
                last = group[i + size - 1]
                end = last.end() - (len(last.group()) - len(_key(last.group())))
                yield group[i].start(), end, name, found
                i += size
                break
        else:
            i += 1


def _is_place(text: str, start: int, end: int, found: str, heading: bool) -> bool:
    """Whether the context makes a place of the name at text[start:end]."""
    if found == ABROAD:
        # No US state follows a town abroad: "the AMTA Washington Chapter" is no address.
        return abroad_cue(text, start)
    if STATE_AFTER.match(text, end):
        return True
    if INITIAL_AFTER.match(text, end):
        return False  # "Dana M." is a pseudonym
    following = NEXT_WORD.match(text, end)
    if following and following.group(1).lower() in EPONYM_HEADS:
        return False
    possessive = text.startswith(POSSESSIVE, end)
    before = text[max(0, start - BEFORE_WINDOW) : start]
    if found == "world":
        return PERSONAL_BEFORE.search(before) is not None
    if found == "distinct":
        return True
    if found == "never" or heading or possessive:
        return False
    if STRONG_BEFORE.search(before):
        return True
    return found == "ordinary" and WEAK_BEFORE.search(before) is not None


def place_spans(
    text: str, start: int = 0, end: int | None = None, heading: bool = False
) -> Iterator[Span]:
    """Spans of place names in text[start:end], a text whose known phrases are masked."""
    for s, e, _name, _tier in place_candidates(text, start, end, heading):
        yield s, e


def place_candidates(
    text: str, start: int = 0, end: int | None = None, heading: bool = False
) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, name, tier) of the places in text[start:end] the text alone makes places."""
    end = len(text) if end is None else end
    for group in _groups(text, start, end):
        for s, e, name, found in _candidates(group):
            if _is_place(text, s, e, found, heading):
                yield s, e, name, found


def state_after(text: str, end: int) -> bool:
    """Whether a state follows a place name (', MA', ' Massachusetts'), and not as an item of
    a list of places: "Boston, New York, Chicago", "Chicago, New York or Berlin"."""
    m = STATE_AFTER.match(text, end)
    return m is not None and LIST_GOES_ON.match(text, m.end()) is None


# What makes a state an item of a list: another place after a comma or "and"/"or" (never
# the country or a ZIP code, which close an address: "Dover, Delaware, USA").
LIST_GOES_ON = re.compile(
    r"(?:[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+)"
    r"(?!USA?\b|U\.S\.|United[ \t]+States|America\b)[A-Z][a-z]"
)


# A place in lower case where the words before it say so: "she lives in hopkinton".
# The verbs of where someone lives, comes from or travels from, an optional particle
# ("drove in from", "came over from"), then the preposition; or "originally from", "hometown of".
LOWER_PLACE_VERBS = (
    r"live[sd]?|living|grew[^\S\n]+up|born|raised|moved|moving|relocated|commut(?:es?|ed|ing)"
    r"|driv(?:es?|en|ing)|drove|came|comes|coming|visit(?:s|ed|ing)?|travel(?:s|l?ed|l?ing)?"
    r"|got[^\S\n]+back|headed|heading|stays?|stayed|works?|worked|originally|hails?"
)
# Found from the preposition on (a place's tier is a dictionary look-up), and only then
# the words before it read: a verb, with or without a particle, or "home", "hometown".
LOWER_PLACE = re.compile(
    r"\b(?:in|to|from|near|of|outside|past|by)"
    r"(?=[^\S\n]+(?P<place>[a-z]+)\b(?:[^\S\n]+(?P<next>[a-z]+))?)"
)
LOWER_PLACE_BEFORE = re.compile(
    rf"(?i:\b(?:(?:{LOWER_PLACE_VERBS})(?:[^\S\n]+(?:in|down|up|over|out|back|here|home))?"
    r"[^\S\n]+(?:in|to|from|near|outside)|home[^\S\n]+in|hometown[^\S\n]+of"
    # A phrase of where says a place follows as a verb does: "a farm just outside willcox".
    r"|(?:out|down|up|over|way|just|right)[^\S\n]+(?:past|in|near|by|outside))[^\S\n]+)$"
)
BEFORE_WINDOW = 40


def lower_place_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Spans of distinct place names written in lower case after 'lives in', 'moved to'."""
    end = len(text) if end is None else end
    for m in LOWER_PLACE.finditer(text, start, end):
        words = [m.group("place"), *([m.group("next")] if m.group("next") else [])]
        for size in (2, 1):
            if len(words) >= size and tier(" ".join(words[:size])) == "distinct":
                begin = m.start("place")
                if LOWER_PLACE_BEFORE.search(text[max(start, begin - BEFORE_WINDOW) : begin]):
                    yield begin, begin + len(" ".join(words[:size]))
                break


# A verb of living or growing up, then "in": what follows is where, not who ("grew up in
# Ashcombe Mills" is a village even when its words read as a full name).
LIVED_IN = re.compile(
    r"(?i:\b(?:lives?|lived|living|grew[^\S\n]+up|raised|born|resides|resided|residing|"
    r"settled)[^\S\n]+in[^\S\n]+)$"
)


def lived_in(text: str, start: int) -> bool:
    """Whether a verb of living or growing up and "in" stand right before `start`."""
    return LIVED_IN.search(text, max(0, start - 24), start) is not None


KNOWN_WORDS = COMMON | ANATOMY | HEAD_NOUNS | FIRST_NAMES | MONTHS_AND_DAYS | WORLD_CITIES | EPONYMS


# A branch, an office or a hospital called after its place ("the Cochituate branch",
# "Wexcombe Regional Hospital"): where the client works or was seen, by a place's name.
# A hospital needs its qualifier: a bare "X Hospital" is as often named for a person.
CALLED_AFTER = {
    # Each pattern with the word it needs: it is not tried on a text without that word.
    "branch": re.compile(
        rf"\bthe[^\S\n]+(?P<branch>[{UPPER}][a-z]{{3,}})[^\S\n]+(?:branch|office|campus)\b"
    ),
    "hospital": re.compile(
        rf"(?<![\w-])(?P<hospital>[{UPPER}][a-z]{{3,}})[^\S\n]+(?:Regional|Community|General|"
        r"Memorial|District|Area)[^\S\n]+(?:Hospital|Medical[^\S\n]+Center|Health[^\S\n]+Center)\b"
    ),
    # In lower case too, a reserve named before its two-word kind: "the nobscot scout
    # reservation", "the hollow state forest"; one word ("the dog park") says no name.
    "reserve": re.compile(
        r"\bthe[^\S\n]+(?P<reserve>[a-z]{4,})[^\S\n]+(?:scout[^\S\n]+(?:reservation|camp)|"
        r"state[^\S\n]+(?:park|forest|reservation|beach)|conservation[^\S\n]+(?:area|land)|"
        r"wildlife[^\S\n]+(?:sanctuary|refuge))\b"
    ),
}
CALLED_AFTER_NEEDS = {
    "branch": ("branch", "office", "campus"),
    "hospital": ("hospital", "medical center", "health center"),
    "reserve": ("scout", "state", "conservation", "wildlife"),
}
CALLED_AFTER_WORDS = frozenset(
    "branch office campus hospital scout state conservation wildlife".split()
)
# What else names a branch or an office: its rank or its side, not its place.
NOT_CALLED_AFTER = frozenset(
    "main head home central regional local front back new old north south east west downtown "
    "uptown corporate district area national state county city town village satellite nearby "
    "little big same other whole".split()
)


def called_after_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Spans of a branch or a hospital named for a place no list holds, its place word too."""
    end = len(text) if end is None else end
    lower = text.lower()
    found = [
        (m, group)
        for group, pattern in CALLED_AFTER.items()
        if any(word in lower for word in CALLED_AFTER_NEEDS[group])
        for m in pattern.finditer(text, start, end)
    ]
    for m, group in sorted(found, key=lambda f: f[0].start()):
        place = normal(m.group(group))
        if place in KNOWN_WORDS or place in NOT_CALLED_AFTER or above_state(place):
            continue  # "the Main office", "Massachusetts General Hospital"
        if not place.strip("x"):
            continue  # a known term or organisation, masked
        if tier(place) is not None:
            continue  # a listed town is found as one
        yield (m.start(group), m.end()) if group != "branch" else m.span(group)


def places(text: str, *, heading: bool = False) -> list[str]:
    """Place names smaller than a state."""
    return [text[s:e] for s, e in place_spans(text, heading=heading)]


THE_TOWN_AFTER = frozenset("office branch area line side clinic library school".split())


def word_places(tokens: list[str]) -> Iterator[tuple[int, int]]:
    """(first, last + 1) token indexes of places among lower-case words, as in a slug."""
    i = 0
    while i < len(tokens):
        for size in range(min(LONGEST, len(tokens) - i), 0, -1):
            found = tier(" ".join(tokens[i : i + size]))
            if not found:
                continue
            before = tokens[i - 1] if i else ""
            after = tokens[i + size] if i + size < len(tokens) else ""
            if before == "the" and after not in THE_TOWN_AFTER:
                i += size - 1
                break  # "walking-the-camino": a route, no town; "the-natick-office" is one
            # As in prose: a given name after "from" is a person ("a-note-from-helen").
            strong = before in ("in", "near") or (found == "ordinary" and before == "from")
            if found == "distinct" or (found in ("ordinary", "given") and strong):
                yield i, i + size
            i += size - 1
            break
        i += 1


# A local landmark by its name: "Walden Pond", "the Cochituate loop", "Lake Waban".
FEATURES = (
    r"lake|pond|river|brook|creek|reservoir|trail|park|woods|forest|beach|hill|common|green|"
    r"loop|path|greenway|marsh|meadow|falls|gorge|quarry|rail[- ]trail|towpath|boardwalk"
)
LANDMARK = re.compile(
    rf"(?<![\w'’-])(?:(?P<name>[{UPPER}][a-z]{{3,}})[ \t]+(?i:{FEATURES})\b"
    rf"|(?:Lake|Mount|Mt\.)[ \t]+(?P<after>[{UPPER}][a-z]{{3,}}))"
)
FEATURE_WORDS = frozenset(
    "lake pond river brook creek reservoir trail park woods forest beach hill common green loop "
    "path greenway marsh meadow falls gorge quarry rail towpath boardwalk mount mt".split()
)
NOT_LANDMARK = words("common") | ANATOMY | HEAD_NOUNS | words("months_days")


def landmark_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Spans of named local landmarks (a pond, a trail, a park) whose name is no everyday word."""
    end = len(text) if end is None else end
    for m in LANDMARK.finditer(text, start, end):
        name = (m.group("name") or m.group("after")).lower()
        if name not in NOT_LANDMARK and text[max(0, m.start() - 2) : m.start()].strip(" \t") != ".":
            yield m.span()


# A county and the courts named for one: a subdivision smaller than a state, as a town is.
COUNTY = re.compile(
    rf"(?<![\w'’-])(?!(?:The|A|An|In|At|Of)\b)"
    rf"(?P<name>[{UPPER}][a-z]+(?:[ \t]+[{UPPER}][a-z]+)?)[ \t]+(?:County|Parish|"
    r"(?:Superior|District|Probate(?:[ \t]+and[ \t]+Family)?|Juvenile|Municipal|Housing|Land|"
    r"Circuit|Family)[ \t]+Court)\b"
)


def county_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Spans of counties and county courts ("Middlesex County", "Worcester Superior Court")."""
    end = len(text) if end is None else end
    for m in COUNTY.finditer(text, start, end):
        if not above_state(m.group("name").lower()):
            yield m.span()
