"""What makes a capitalised pair a thing, a route, a region or a place abroad: no person."""

from __future__ import annotations

import re

from . import gazetteer, people, placenames
from .wordlists import HEAD_NOUNS

# The last word of a landform or a range, not of a person: "the White Mountains".
LANDFORMS = frozenset(
    "mountains mountain range valley plateau highlands lowlands islands peninsula canyon desert "
    "lakes".split()
)
# The form of a musical work, last in its title: "Dvořák's Cello Concerto" is no person.
WORKS = frozenset(
    "concerto concertos symphony sonata sonatas suite suites requiem quartet quintet overture "
    "prelude preludes nocturne etude étude etudes rhapsody serenade fantasia oratorio cantata "
    "variations fugue".split()
)
# A county or a court is a place (found as one) or an institution, never a person.
COURTS = frozenset("county parish court courts courthouse".split())
# Abbreviated journal titles in a citation ("Occup Environ Med", "J Bodyw Mov Ther").
JOURNAL_WORDS = frozenset(
    "med ther rehabil res clin surg orthop neurol physiol rheumatol phys sci bodyw mov manip "
    "physiother environ occup sports musculoskelet disord pract assoc am br eur int rev".split()
)


def no_person(phrase: str) -> bool:
    """Whether a phrase found as a name is a state, a country, a region above a state,
    a landform, a musical work or an abbreviated journal title: no person."""
    words = phrase.lower().replace("’", "'").removesuffix("'s").split()
    if gazetteer.above_state(" ".join(words)):
        return True
    if words[-1] in WORKS and words[0] not in people.GIVEN:
        return True  # "Cello Concerto"; "Jonas Suite" is a given name and a surname
    return words[-1] in LANDFORMS | COURTS or all(w.rstrip(".") in JOURNAL_WORDS for w in words)


# An article right before a capitalised pair makes it a thing, a route or a building, not
# a person ("the Camino Francés", "a Steelcase Leap", "the Theragun Prime"), even after a
# maker's name ("a Logitech MX Keys"); "the late Ann Lee" has a word between.
ARTICLE_BEFORE = re.compile(r"(?:^|[^\w'’])(?:[Tt]he|[Aa]n?)[^\S\n]+(?:[A-Z][\w'’-]*[^\S\n]+)?$")
# The rest of an institution's name after its head and "of": "the National Institute of
# Dental and Craniofacial Research", "American Academy of Orthopaedic Surgeons".
INSTITUTION_OF = re.compile(
    r"\b([A-Z][\w'’-]*)[^\S\n]+(?:of|for|on)[^\S\n]+(?:(?:the|and|&|[A-Z][\w'’-]*)[^\S\n]+)*$"
)
# A saint's or a harbour's name begins many places abroad: "São Paulo", "San Sebastián".
PLACE_FIRST = frozenset("são sao san santa santo sankt sainte porto puerto".split())
SAINT_BEFORE = re.compile(r"(?<![\w.])(?:St\.|Saint)[^\S\n]+$")
# "up to O Cebreiro in Galicia": a capitalised pair in a region or country is a place there.
IN_REGION = re.compile(r"[^\S\n]+in[^\S\n]+((?:[A-Z][\w'’-]*)(?:[^\S\n]+[A-Z][\w'’-]*)?)")
# A work's title in italics or quotes, then its author or year: "*Painful Yarns* (2007)",
# "*Why Zebras Don't Get Ulcers* by ...".
TITLE_AFTER = re.compile(
    r"[^*_\"”\n]{0,60}[*_\"”]+,?[^\S\n]*(?:\((?:19|20)\d\d\)|by\b|,[^\S\n]*(?:19|20)\d\d)"
)
TITLE_OPEN = re.compile(r"[*_\"“][^*_\"”\n]{0,60}$")


# Where someone lives, works, eats or stops: "the Maple Grove residence", "the Old Mill Inn",
# "the Red Barn truck stop" name a local place, whatever article stands before them.
LOCAL_NOUNS = placenames.FEATURE_WORDS | frozenset(
    "residence residences home homes inn hotel motel lodge diner cafe café restaurant bar pub "
    "tavern grill bakery shop store market farm farms mill yard depot garage gym club stop hall "
    "station plaza mall apartments estates village manor arms".split()
)
NEXT_WORDS = re.compile(r"[^\S\n]+([^\W\d_]+)(?:[^\S\n]+([^\W\d_]+))?")
# What follows a town used as a modifier: "the Natick office", "the Ashland line".
TOWN_NOUNS = LOCAL_NOUNS | frozenset(
    "office offices branch area line side town city center centre clinic hospital library "
    "school schools campus location site practice police fire".split()
)


def _local_place(view: str, start: int, end: int) -> bool:
    """Whether a capitalised pair, or the word after it, is a local place's kind."""
    last = view[start:end].rsplit(None, 1)[-1].lower()
    return last in LOCAL_NOUNS or _followed_by(view, end, LOCAL_NOUNS)


def _followed_by(view: str, end: int, nouns: frozenset[str]) -> bool:
    """Whether one of the next two words, in lower case, is one of `nouns`."""
    after = NEXT_WORDS.match(view, end)
    return after is not None and any(w and w.lower() in nouns for w in after.groups())


THE_BEFORE = re.compile(r"(?:^|[^\w'’])[Tt]he[^\S\n]+$")


def the_route(view: str, start: int, end: int) -> bool:
    """Whether a town's name stands after 'the' as no town does: "walking the Camino",
    not "the Natick office" (a town as a modifier) or "Hope, AR"."""
    return (
        THE_BEFORE.search(view, max(0, start - 8), start) is not None
        and not _followed_by(view, end, TOWN_NOUNS)
        and not placenames.state_after(view, end)
    )


def a_thing(view: str, start: int, end: int, case: bool = False) -> bool:
    """Whether the words around a capitalised pair make it a thing or a place abroad:
    an article before it, the rest of an institution's name, a saint's place, a place in a
    region, a work's title."""
    before = view[max(0, start - 80) : start]
    # In a case the client's world is the subject: "the Pilates Reformer" at her gym may be
    # a local business, so only general commentary (posts, pages) reads an article so.
    if not case and ARTICLE_BEFORE.search(before) and not _local_place(view, start, end):
        return True
    institution = INSTITUTION_OF.search(before)
    if institution and people.listed(HEAD_NOUNS, institution.group(1)):
        return True
    first = view[start:end].split(None, 1)[0].lower()
    if first in PLACE_FIRST:
        return True
    last = view[start:end].split()[-1].lower()
    if SAINT_BEFORE.search(before) and gazetteer.tier(last) is not None:
        return True  # "St. Charles Bend": a saint's hospital and its town, found as a place
    region = IN_REGION.match(view, end)
    if region and gazetteer.above_state(region.group(1).lower()) and first not in people.GIVEN:
        return True
    return bool(TITLE_OPEN.search(before) and TITLE_AFTER.match(view, end))
