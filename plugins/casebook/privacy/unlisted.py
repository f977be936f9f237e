"""Places no list holds (a village, a neighbourhood, a town abroad in its own spelling),
found where the words say someone lives there or comes from there: "has lived in Nobscot",
"grew up in Chișinău", "retired to Ste-Agathe-des-Monts", "hails from Kirkcaldy",
"drove in from Llanfairpwll", "from Lisdoonvarna in Ireland".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from . import gazetteer
from .gazetteer import above_state, tier
from .people import LOWER, UPPER
from .placenames import KNOWN_WORDS, normal
from .spans import Span, word_starts
from .wordlists import REGIONS, WITHIN_STATES

# One word of a place's name in any Latin or other script, hyphens and the ʻokina inside it.
WORD = rf"[{UPPER}][{LOWER}ʻ’']{{2,}}(?:-(?:[{UPPER}]|[{LOWER}]{{1,3}}-[{UPPER}])[{LOWER}ʻ’']+)*"
# The verbs of where someone lives, grew up or comes from; a particle may follow a verb of
# travel ("drove in from", "commutes up from"); "home" and "hometown" say it as a verb does.
RESIDENCE = re.compile(
    r"(?i:(?:lives|lived|living|grew[^\S\n]+up|raised|moved|relocated|retired|settled|"
    r"resides|resided)[^\S\n]+(?:in|to)|born[^\S\n]+in|"
    r"(?:hails?|originally|commut(?:es?|ed|ing)|dr(?:ove|ives?|iving)|arriv(?:e|es|ed|ing)|"
    r"visiting|fl(?:ew|ies|ying|own))(?:[^\S\n]+(?:in|up|down|over|out))?[^\S\n]+from|"
    # "here" is where the writer is: "came here from Tegucigalpa", "moved here from Xalapa".
    r"(?:came|comes|coming|moved|moving)[^\S\n]+(?:in|up|down|over|out|here)[^\S\n]+from|"
    # "came to the States from Lviv", "emigrated from Batangas": where a client grew up.
    r"(?:came|moved|emigrated|immigrated)[^\S\n]+to[^\S\n]+(?:the[^\S\n]+)?(?:(?:United[^\S\n]+)?States|U\.?S\.?A?\.?|"
    r"America|Canada|this[^\S\n]+country|[A-Z][a-z]+)[^\S\n]+from|"
    r"(?:emigrated|immigrated|fled)[^\S\n]+from|"
    r"back[^\S\n]+home[^\S\n]+(?:in|to)|hometown[^\S\n]+(?:of|is)|"
    # "out past", "up near", "a photo taken at", "her address on the form was".
    r"(?:(?<=out )|(?<=way )|(?<=just )|(?<=right )|(?<=up )|(?<=down )|(?<=over ))"
    r"(?:past|near|beyond)|"
    r"taken[^\S\n]+(?:at|in|near)|"
    r"address[^\S\n]+(?:on[^\S\n]+(?:file|the[^\S\n]+form)[^\S\n]+)?(?:was|is))[^\S\n]+"
    rf"(?P<place>(?:The[^\S\n]+)?{WORD}(?:[^\S\n]+{WORD})?)(?![\w'’-])(?![^\S\n]+[{UPPER}])"
)
# The words the pattern starts at, searched for only where the text holds them.
VERBS = frozenset(
    "lives lived living grew raised moved relocated retired settled resides resided born hail "
    "hails hailed originally commute commutes commuted commuting drove drives driving arrive "
    "arrives arrived arriving visiting flew flies flying flown came comes coming back emigrated "
    "immigrated fled "
    "hometown past near beyond taken address".split()
)
# A name after "from" or "in", then its country or state: "from Lisdoonvarna in Ireland",
# "in Kirkcaldy, Scotland". A listed place is found as one, and a state is no identifier.
# It starts at the capital, the preposition looked behind: a pattern that starts with a class
# of letters is tried only where one stands, not at every position of the text.
BEFORE_REGION = re.compile(
    rf"(?P<place>[{UPPER}](?:(?<=\bfrom .)|(?<=\bin .)|(?<=\bnear .)|(?<=\boutside .)"
    r"|(?<=\bout of .))"
    rf"{WORD[len(UPPER) + 2 :]})(?:,[^\S\n]*|[^\S\n]+in[^\S\n]+)"
    rf"(?P<region>[{UPPER}][\w'’-]*(?:[^\S\n]+[{UPPER}][\w'’-]*){{0,2}})"
)


# A named region inside one state, capitalised as a name: "the Central Valley", "Berkshires".
WITHIN_STATE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(
        re.escape(r).replace(r"\ ", r"[^\S\n]+")
        for r in sorted(WITHIN_STATES, key=len, reverse=True)
    )
    + r")(?![\w-])"
)
WITHIN_STATE_WORDS = frozenset(re.findall(r"[a-z]+", r.lower())[0] for r in WITHIN_STATES)


def within_state_spans(view: str) -> list[Span]:
    """Spans of the named regions inside one state."""
    return [m.span() for m in WITHIN_STATE.finditer(view)]


# The first word of every state, country and region: a text without one names none.
REGION_WORDS = frozenset(
    name.split()[0] for name in gazetteer.STATE_NAMES | gazetteer.COUNTRY_NAMES | REGIONS if name
)


def _unknown(written: str) -> bool:
    """Whether a place's name is held by no list: no place, state, word, name or term.
    A hyphenated word is looked up whole: "Saint-Ours-des-Prés" holds "des" and is no word."""
    place = normal(written)
    if place.startswith("the ") and tier(place) is None:
        place, written = place[4:], written[4:]  # "The Narrows" is looked up as "narrows"
    if tier(place) is not None or above_state(place) or not place.strip("x "):
        return False  # a listed place is found as one; a state or a country is no identifier
    return not (place in KNOWN_WORDS or any(normal(w) in KNOWN_WORDS for w in written.split()))


def _listed(written: str) -> bool:
    """Whether a place's name is a listed place below a state: "The Villages", "Reading"."""
    place = normal(written)
    if place.startswith("the ") and tier(place) is None:
        place = place[4:]
    return tier(place) not in (None, "never", "given") and not above_state(place)


def unlisted_place_spans(text: str, words: Iterable[str] = VERBS) -> Iterator[Span]:
    """Spans of places no list holds, after "lives in", "grew up in", "hails from";
    `words` are the text's words, if known: only the verbs among them are looked for."""
    lower = text.lower()
    at = sorted({i for verb in VERBS.intersection(words) for i in word_starts(lower, verb)})
    for m in (RESIDENCE.match(text, i) for i in at):
        if m is not None and (_unknown(m.group("place")) or _listed(m.group("place"))):
            yield m.span("place")  # after so plain a cue, a listed place is one too


# Places named as examples of a kind of small place: "villages like Noorvik and Kiana",
# "towns such as Eveleth, Virginia and Gilbert" (a given name or a word there is a place).
# In lower case, as prose writes them ("Communities of Practice" is a title's).
KIND_LIST = re.compile(
    r"\b(?:villages|towns|hamlets|townships)[^\S\n]+(?:like|such[^\S\n]+as|including|of)[^\S\n]+"
)
KIND_WORDS = frozenset("villages towns hamlets townships".split())
# Where a list's last item ends: "towns including Spanish speakers" holds no list.
LIST_END = re.compile(r"[^\S\n]*(?:[.;:!?),]|[^\S\n]+(?:most|every|each|in|on|at|for)\b|$)", re.M)
ITEM = re.compile(
    rf"(?P<place>{WORD}(?:[^\S\n]+{WORD})?)(?![\w'’-])"
    r"(?P<more>,[^\S\n]*(?:(?:and|or)[^\S\n]+)?|[^\S\n]+(?:and|or)[^\S\n]+)?"
)


def kind_list_spans(text: str) -> Iterator[Span]:
    """Spans of the places listed after a kind of small place: "villages like Noorvik"."""
    for kind in KIND_LIST.finditer(text):
        at = kind.end()
        items = []
        while (m := ITEM.match(text, at)) is not None:
            items.append(m)
            at = m.end()
            if not m.group("more"):
                break
        if not items or LIST_END.match(text, items[-1].end("place")) is None:
            continue
        for m in items:
            place = normal(m.group("place"))
            if not above_state(place) and tier(place) != "never":
                yield m.span("place")


def before_region_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Spans of places no list holds, before their country or state: "from Dingwall, Scotland"."""
    end = len(text) if end is None else end
    for m in BEFORE_REGION.finditer(text, start, end):
        region = normal(m.group("region"))
        if not any(above_state(" ".join(region.split()[:n])) for n in (1, 2, 3)):
            continue
        if _unknown(m.group("place")):
            yield m.span("place")
