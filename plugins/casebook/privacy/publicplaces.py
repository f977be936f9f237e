"""Places named as the public's, not a client's: a list of the world's cities, the city of an
event, the seat of an institution, where a figure of the field worked, where a study was done.

Each reading holds only where no client or relation is in the sentence, and (outside a
history) no one at all; in a case, where the client is the subject, only the list of the
world's cities holds. A place after a verb of living ("lives in", "moved to") is never here.
"""

from __future__ import annotations

import re

from . import context, gazetteer, placenames
from .wordlists import WORLD_CITIES

# One item of a list of places, and what joins two items (a line may wrap between them).
ITEM = r"[A-Z][\w'’.-]*(?:[^\S\n]+[A-Z][\w'’.-]*){0,2}"
GAP = r"[^\S\n]*\n?[^\S\n]*"
SEP = rf"(?:[^\S\n]*,{GAP}(?:(?:and|or|&){GAP})?|{GAP}(?:and|or|&){GAP})"
NEXT_ITEM = re.compile(rf"{SEP}({ITEM})")
PREVIOUS_ITEM = re.compile(rf"({ITEM}){SEP}$")
MOST_ITEMS = 8  # items read on each side: a list of 2000 names stays linear
ITEM_REACH = 60
# The sentence speaks of an event: its places are the event's cities ("the Boston Marathon",
# "every Olympic Games since Atlanta", "the Majors are Tokyo, Boston, ...").
EVENT = re.compile(
    r"(?i:\b(?:marathons?|majors|olympics?|olympic[^\S\n]+games|paralympics|races?|"
    r"championships?|grand[^\S\n]+slams?|tour[^\S\n]+de|world[^\S\n]+cup|triathlons?|"
    # A body's meeting: "the Association meets in Phoenix every September".
    r"conferences?|conventions?|congress|summit|symposium|annual[^\S\n]+meeting|meets)\b)"
)
ROLES = (
    r"surgeons?|physicians?|neurologists?|orthop(?:a)?edists?|professors?|anatomists?|"
    r"researchers?|physiotherapists?|osteopaths?|chiropractors?|doctors?|scientists?|"
    r"physiologists?|anatomy[^\S\n]+teachers?|nurses?"
)
# "David Roos, a surgeon in Denver"; "Frank Ober was a Boston orthopaedic surgeon".
ROLE_BEFORE = re.compile(
    rf"(?i:\b(?:an?|the)[^\S\n]+(?:[a-z-]+[^\S\n]+){{0,2}}(?:{ROLES})[^\S\n]+(?:in|at|from|of)"
    r"[^\S\n]+)$"
)
ROLE_AFTER = re.compile(rf"(?:[^\S\n]+[a-z-]+){{0,2}}[^\S\n]+(?:{ROLES})\b")
AN_BEFORE = re.compile(r"(?i:\b(?:an?|the)[^\S\n]+)$")
# An institution's seat: "The Rolf Institute in Boulder", "the Esalen Institute at Big Sur".
INSTITUTION_HEADS = (
    r"Institute|University|College|Hospital|Clinic|Library|Foundation|Society|Academy|"
    r"Center|Centre|School|Museum|Seminary|Association|Institut|Laboratory|Lab"
)
# The rest of its name may stand between: "the University of Queensland in Brisbane".
SEAT_BEFORE = re.compile(
    rf"\b(?:{INSTITUTION_HEADS})(?:[^\S\n]+(?:of|for)"
    r"(?:[^\S\n]+(?:the|and|of|for|&|[A-Z][\w'’-]*)){1,5})?[^\S\n]+(?:in|at|of)[^\S\n]+$"
)
# An institution found whole by its kind: "the Cochrane Library", "Nationwide Children's
# Hospital".
INSTITUTION_LAST = re.compile(rf"\b(?:{INSTITUTION_HEADS})$")
# Where a piece of research comes from: "a study from Madrid", "a result from Nationwide ...".
RESEARCH_FROM = re.compile(
    r"(?i:\b(?:stud(?:y|ies)|trials?|reviews?|papers?|data|results?|reports?|researchers|team|"
    r"group|evidence|surveys?|findings|work|analysis|experiments?)[^\S\n]+"
    r"(?:(?:[a-z]+[^\S\n]+){0,2})(?:from|at|in|out[^\S\n]+of)[^\S\n]+(?:the[^\S\n]+)?)$"
)


def _abroad(item: str) -> bool:
    """Whether a list item is a city abroad or a country."""
    key = placenames.normal(item.rstrip(".").removesuffix("'s").removesuffix("’s"))
    return (
        key in WORLD_CITIES
        or gazetteer.tier(key) == "world"
        or key in gazetteer.COUNTRY_NAMES
        or key in placenames.abroad()
    )


def world_list(view: str, start: int, end: int) -> bool:
    """Whether a place is an item of a list that holds a city abroad: "Tokyo, Boston, London"."""
    items, at = [], end
    for _ in range(MOST_ITEMS):
        m = NEXT_ITEM.match(view, at, min(len(view), at + ITEM_REACH))
        if m is None:
            break
        items.append(m.group(1))
        at = m.end()
    at = start
    for _ in range(MOST_ITEMS):
        m = PREVIOUS_ITEM.search(view, max(0, at - ITEM_REACH), at)
        if m is None:
            break
        items.append(m.group(1))
        at = m.start()
    return any(_abroad(item) for item in items)


def public_place(
    view: str, start: int, end: int, *, personal: bool, case: bool, history: bool
) -> bool:
    """Whether the words around a place make it the public's: see the module's docstring."""
    before = view[max(0, start - 80) : start]
    research = RESEARCH_FROM.search(before) is not None
    if personal and not research:
        return False  # "from" after a study is where it was done, not where anyone lives
    first, stop = context.sentence_bounds(view, start)
    sentence = view[first:stop]
    if CLIENT_WORDS.search(sentence):
        return False
    someone = SOMEONE.search(sentence) is not None and not history
    if world_list(view, start, end):
        return not someone
    if case or someone:
        return False
    return bool(
        research
        or EVENT.search(sentence)
        or ROLE_BEFORE.search(before)
        or (AN_BEFORE.search(before) and ROLE_AFTER.match(view, end))
        or SEAT_BEFORE.search(before)
        or INSTITUTION_LAST.search(view, start, end)
    )


# A client or someone the client knows: not the role of a figure ("a surgeon in Denver").
CLIENT_WORDS = re.compile(
    r"(?i:\b(?:my|client|patient|husband|wife|son|daughter|mother|father|"
    r"mum|mom|dad|brother|sister|aunt|uncle|niece|nephew|cousin|grand\w+|partner|spouse|"
    r"boyfriend|girlfriend|fianc\w*|friend|neighbou?r|roommate|flatmate|colleague|co-?worker|"
    r"boss|landlord|landlady|carer|caregiver)s?\b)"
)
# One person in the sentence: a group ("them", "patients") is a study's, not a client.
SOMEONE = re.compile(
    r"(?i:\b(?:she|he|her|his|him|hers|client|patient|someone|husband|wife|son|daughter|"
    r"friend)\b)"
)
