"""What makes a capitalised pair a thing, a route, a region or a place abroad: no person."""

from __future__ import annotations

import re

from . import context, gazetteer, people, placenames
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


# The last word of an event, not of a person: "the Olympic Games", "the Boston Marathon".
EVENTS = frozenset(
    "games olympics paralympics marathon marathons majors festival fair parade derby regatta "
    "rodeo expo cup series championship championships tournament triathlon invitational relay "
    "gala".split()
)
# How a practice site names an exercise in Title Case: a posture first ("Seated Figure-Four",
# "Supine Twist"), a movement last ("Chin Tuck", "Doorway Stretch"), an imperative first
# ("Try Pigeon pose"). A known given name first is still a person: "Alan Tuck".
POSTURES = frozenset(
    "seated standing supine prone kneeling lying reclined reclining side-lying sidelying "
    "quadruped tall half-kneeling downward upward warrior".split()
)
MOVES = frozenset(
    "tuck stretch pose raise curl squat lunge bridge press plank twist rotation roll slide glide "
    "crunch circle shrug retraction reach kick lift row fly dip march sit-up push-up pull-up "
    "hinge deadlift angel opener dog salutation".split()
)
IMPERATIVES = frozenset(
    "try hold add do repeat keep use avoid start stop skip take switch swap finish begin "
    "breathe relax rest lie sit stand bend reach squeeze".split()
)


POSSESSIVE_FIRST = re.compile(r"['’]s$")
# "Benedikt Oszlanyi's Kindle": a capitalised word before the possessive, a name's start.
CAPITAL_BEFORE = re.compile(rf"[{people.UPPER}][\w'’-]*[^\S\n]+$")
# A title spelled out after a possessive is a role: "Your Doctor Does", "My Coach Says".
ROLE_WORDS = frozenset("doctor nurse professor coach pastor physio therapist".split())
ROLE_OWNER = re.compile(r"(?i:\b(?:your|my|our|his|her|their)[^\S\n]+)$")
BY_AUTHOR = re.compile(
    rf"[^\S\n]+by[^\S\n]+(?:[A-Z]\.[^\S\n]*)*[{people.UPPER}][\w'’-]+[^\S\n]+[{people.UPPER}]"
)
# "the Olympic Games", "every Boston Marathon": an event is spoken of with a determiner.
DETERMINER_BEFORE = re.compile(r"(?i:\b(?:the|an?|every|each|this|next|last|its)[^\S\n]+)$")


def _singular(word: str) -> str:
    return word[:-2] if word.endswith(("ches", "shes")) else word.removesuffix("s")


def not_a_name(phrase: str, event: bool = True) -> bool:
    """Whether a capitalised run is an event (when `event`: a determiner stands before it)
    or an exercise, by its first or last word."""
    words = phrase.lower().replace("’", "'").removesuffix("'s").split()
    if words[0] in people.GIVEN:
        return False  # "Max Press", "Alan Tuck": a given name first is a person's
    last = words[-1]
    return (
        (last in EVENTS and event)
        or _singular(last) in MOVES
        or words[0] in POSTURES
        or words[0] in IMPERATIVES
    )


# A title in italics or quotes, its name among its words: "*Patch Adams*", "*Anatomy Trains*",
# "*Exercise and Physical Activity: Your Everyday Guide*". The opening mark follows a space or
# a bracket; the text inside may wrap once; a dash before it makes it an attribution.
OPENERS = '*_"“'
CLOSERS = '*_"”'
TITLE_SPAN = 120  # the longest stretch of a title read on either side of a name
# "a booklet called *Moving Well*": what a title is called, not who.
CALLED = re.compile(r"\b(?:called|named)[^\S\n]+$")
ATTRIBUTION = re.compile(r"(?:[—–-]|\bby)[^\S\n]*$")
TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
SMALL_WORDS = frozenset(
    "a an the and or nor but of to in on for at by with from as vs your my our his her their "
    "its into upon".split()
)


def _opening(view: str, start: int) -> int:
    """Where the italic or quote mark that opens the text at `start` stands, or -1."""
    at = max(view.rfind(mark, max(0, start - TITLE_SPAN), start) for mark in OPENERS)
    if at < 0 or (at > 0 and not (view[at - 1].isspace() or view[at - 1] in "([")):
        return -1
    if view[at] in "*_" and (view.startswith(view[at], at + 1) or view[at - 1 : at] == view[at]):
        return -1  # bold ("**FABER**") is emphasis, not a title
    return at


def _closing(view: str, end: int) -> int:
    """Where the mark that closes the text before `end` stands, or -1."""
    found = [at for m in CLOSERS if (at := view.find(m, end, end + TITLE_SPAN)) >= 0]
    if not found:
        return -1
    at = min(found)
    after = view[at + 1 : at + 2]
    return -1 if after.isalnum() or after == view[at] else at


def in_title(view: str, start: int, end: int) -> bool:
    """Whether a name lies in an italic or quoted title written in Title Case."""
    opened, closed = _opening(view, start), _closing(view, end)
    if opened < 0 or closed < 0 or view.count("\n", opened, closed) > 1:
        return False
    private = context.private_before(view, opened) and not CALLED.search(view, opened - 8, opened)
    if ATTRIBUTION.search(view, max(0, opened - 4), opened) or private:
        return False  # "— *Dana Whitfield*", "her husband *Oskar V...*": who, not a title
    words = TITLE_WORD.findall(view, opened + 1, closed)
    if words and words[0].lower() in BYLINE:
        return False  # "*By Dana Whitfield, PT, Ponce.*": a byline, who wrote it and where
    if not all(w[0].isupper() or w.lower() in SMALL_WORDS for w in words):
        return False  # "*thanks to Dana Whitfield for the cake*": a sentence
    if view[opened] in '"“' and (
        view.startswith(")", closed + 1)
        or all(people.label(w) == "W" for w in words if w.lower() not in SMALL_WORDS)
    ):
        return False  # '"Big Tav Leiataua"', a link's '"Barrio Cubuy, Canóvanas"': who, where
    if view[start:end].split()[0].lower() in people.GIVEN:
        # "*Dana Whitfield*" is a person; "*The Life and Times of Dana Whitfield*" a title.
        return len([w for w in words if w.lower() not in SMALL_WORDS]) >= 4
    return True


# The first word of an italic byline, in the languages guest posts come in.
BYLINE = frozenset("by por par von".split())
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
    "school schools campus location site practice police fire "
    # Where someone works, prays or is seen: "the Worcester Trial Court", "the Bemidji plant".
    "court courthouse church parish temple mosque synagogue factory plant warehouse mine "
    "airport harbor harbour port rink arena".split()
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


# A work after its maker's name, after "a": "a Dizzy Gillespie tune", "a Frida Kahlo
# painting": the artist, public. Only works an artist is known by (no "record", "show" or
# "book", which a client's own may be), and never where the sentence says who made it.
WORK_AFTER = re.compile(
    r"[^\S\n]+(?:tune|tunes|song|songs|album|albums|concerto|symphony|ballad|ballads|"
    r"painting|paintings|novel|novels|movie|movies|film|films)\b"
)
AN_BEFORE = re.compile(r"(?:^|[^\w'’])[Aa]n?[^\S\n]+$")
MADE_BY = re.compile(
    r"(?i:\b(?:wrote|written|writes|made|makes|painted|composed|recorded|sang|sings|own|"
    r"by[^\S\n]+(?:her|him|them|my|his)|for[^\S\n]+(?:her|him|them|me))\b)"
)


WORK_REACH = 160  # characters after the name that tell who made the work


def a_work_by(view: str, start: int, end: int) -> bool:
    """Whether a full name stands between "a" and a kind of work no one near made: its maker's."""
    if WORK_AFTER.match(view, end) is None:
        return False
    if AN_BEFORE.search(view, max(0, start - 4), start) is None:
        return False
    # Within a bounded reach: a text with no full stop is read once, not to its end per name.
    reach = view[end : end + WORK_REACH]
    stop = reach.find(".")
    return MADE_BY.search(reach if stop < 0 else reach[:stop]) is None


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
    words = view[start:end].split()
    if len(words) == 2 and POSSESSIVE_FIRST.search(words[0]) and not CAPITAL_BEFORE.search(before):
        return True  # "Philosopher's Path", "Farmer's Market": a thing of someone, no full name
    role = len(words) == 2 and words[0].lower() in ROLE_WORDS and ROLE_OWNER.search(before)
    if role and words[1].lower() not in people.GIVEN:
        return True  # "Your Doctor Does": a role, not a title before a name
    if BY_AUTHOR.match(view, end) and len(words) >= 2:
        return True  # "Atomic Habits by James Clear": a work's title before its author
    event = DETERMINER_BEFORE.search(view, max(0, start - 8), start) is not None
    if not_a_name(view[start:end], event) or in_title(view, start, end):
        return True  # "Olympic Games", "Chin Tuck", "*Anatomy Trains*"
    if SAINT_BEFORE.search(before) and gazetteer.tier(last) is not None:
        return True  # "St. Charles Bend": a saint's hospital and its town, found as a place
    region = IN_REGION.match(view, end)
    if region and gazetteer.above_state(region.group(1).lower()) and first not in people.GIVEN:
        return True
    if words[0].lower() in VEHICLE_MAKES and len(words) == 2:
        return True  # "a grey 2017 Toyota Sienna": a make and its model
    if len(words) == 2 and first in gazetteer.STATE_NAMES and first not in people.GIVEN:
        return True  # "Washington State", "Oklahoma SoonerCare": a state or its programme
    if PRICE_AFTER.match(view, end):
        return True  # "**Thera Cane Massager** (about $35)": a product and its price
    if CAPITAL_RIGHT_BEFORE.search(before) and SUBTITLE_AFTER.match(view, end):
        return True  # "Tai Ji Quan: Moving for Better Balance": a programme's or book's title
    return bool(TITLE_OPEN.search(before) and TITLE_AFTER.match(view, end))


# Makes of car a client drives: before a model, a vehicle ("Toyota Sienna", "Subaru
# Outback"). Makes that are given names too (Lincoln, Mercedes) are left out.
VEHICLE_MAKES = frozenset(
    "toyota honda ford chevy chevrolet subaru nissan hyundai kia jeep dodge gmc buick tesla "
    "volkswagen vw mazda bmw audi lexus acura volvo chrysler cadillac mitsubishi pontiac "
    "infiniti porsche fiat saab suzuki isuzu yamaha kawasaki harley-davidson".split()
)
# A price right after the words: what is sold, not who.
PRICE_AFTER = re.compile(
    r"[*_]*[^\S\n]*\((?:about|around|approx\.?|roughly|under|from|~)?[^\S\n]*[$£€]\d"
)
# Goods a practice's posts recommend and clients use, by the kind of thing they are: the
# words before such a noun are its make and model, not a person.
PRODUCTS = (
    r"shoes|sneakers|clogs|boots|sandals|insoles|orthotics|irons|putter|wedge|racket|racquet|"
    r"bike|desk|chair|mattress|pillow|roller|massager|watch|tracker|headphones|earbuds|"
    r"backpack|leggings|socks|oats|balm|cream|gel|lotion|liniment"
)
# Goods that are also people's roles ("her driver, Tom Keller", "her trainers, Dana and
# Tom"): goods only right before the noun ("a Ping G425 driver"), or with an article after
# the comma ("a lighter driver, a Callaway Paradym"), never as a list's label. Any goods
# take the article: "the desk, Tom Keller said, was too high" names a person.
ROLE_GOODS = r"driver|trainers"
PRODUCT_AFTER = re.compile(rf"[*_]*[^\S\n]+(?i:{PRODUCTS}|{ROLE_GOODS})\b")
# A make and model before its noun stands after a word that picks goods out: "a pair of Hoka
# Bondi shoes", "her Brooks Ghost sneakers"; "I gave Dana Okafor socks" gave them to her.
GOODS_DETERMINER = re.compile(
    r"(?i:\b(?:a|an|the|her|his|their|my|our|your|its|of|new|old|some|two|these|those)"
    r"[^\S\n]+)$"
)
# A make and model in a list goes on with the list or ends it: "Hoka Clifton and ...".
GOODS_LISTED_AFTER = re.compile(r"[*_]*(?:,|[^\S\n]*(?:\(|[.;:]|$)|[^\S\n]+(?:and|or|are|is)\b)")
# "a lighter driver, a Callaway Paradym": the make and model in apposition to the thing.
PRODUCT_BEFORE = re.compile(
    rf"(?i:\b(?:{PRODUCTS}|{ROLE_GOODS})(?:es|s)?,[^\S\n]+(?:an?|the)[^\S\n]+)$"
)
# A list item or line led by a kind of goods: "- Shoes: Dansko clogs, Hoka Clifton and ...".
PRODUCT_LABEL = re.compile(
    rf"[^\S\n]*(?:[-*+]|\d+[.)])?[^\S\n]*[*_]*(?i:(?:{PRODUCTS})(?:es|s)?|gear|equipment|products?|brands?)"
    r"[*_]*[^\S\n]*:[^.;:\n]*$"
)
GOODS_LIST = re.compile(
    rf"(?:[^\S\n]|[*_,&]|\b(?:and|or)\b|[{people.UPPER}][\w'’-]*|(?i:(?:{PRODUCTS})(?:es|s)?)\b)*"
)
SOLD_AFTER = re.compile(r"[*_]*[^\S\n]*\((?:now[^\S\n]+)?sold[^\S\n]+by\b")
NAME_PAIR = re.compile(rf"[{people.UPPER}][\w'’-]*(?:[^\S\n]+[{people.UPPER}][\w'’-]*)*")


def goods(view: str, start: int, end: int) -> bool:
    """Whether a capitalised pair is the make and model of goods: "a pair of Hoka Bondi
    shoes", "a lighter driver, a Callaway Paradym", "- Shoes: ..., Brooks Ghost"."""
    return (
        (
            PRODUCT_AFTER.match(view, end) is not None
            and GOODS_DETERMINER.search(view, max(0, start - 24), start) is not None
        )
        or SOLD_AFTER.match(view, end) is not None
        or PRODUCT_BEFORE.search(view, max(0, start - 40), start) is not None
        or _under_product_label(view, start)
    )


def _under_product_label(view: str, start: int) -> bool:
    """Whether the pair stands in a list of names led by a kind of goods and a colon."""
    line = view.rfind("\n", 0, start) + 1
    label = PRODUCT_LABEL.match(view, line, start) if start - line <= 160 else None
    if label is None:
        return False
    # Only makes and models between the colon and the pair: "Shoes: Dansko clogs, Hoka
    # Clifton and Brooks Ghost", never "Shoes: she wore the pair Dana Whitfield gave her".
    listed = view[view.index(":", line, start) + 1 : start]
    return GOODS_LIST.fullmatch(listed) is not None and _goes_on_listing(view, start)


def _goes_on_listing(view: str, start: int) -> bool:
    """Whether the capitalised words at `start` are followed as a list's item is."""
    pair = NAME_PAIR.match(view, start)
    return pair is not None and GOODS_LISTED_AFTER.match(view, pair.end()) is not None


# A capitalised word right before the pair, and a subtitle in Title Case after a colon.
CAPITAL_RIGHT_BEFORE = re.compile(rf"[{people.UPPER}][\w'’-]*[^\S\n]$")
SUBTITLE_AFTER = re.compile(
    rf"[*_]*:[^\S\n]+[{people.UPPER}][\w'’-]*(?:[^\S\n]+(?:[{people.UPPER}][\w'’-]*|for|of|"
    r"the|and|to|a|an|in|with|on|at|your)){1,8}"
)


# The capitalised words right before a name, across one line break: "New York City", "St
# Petersburg" read whole, where a name's reading takes only their tail ("York City").
WORDS_BEFORE = re.compile(rf"((?:[{people.UPPER}][\w'’.-]*[^\S\n]*\n?[^\S\n]*){{1,2}})$")
CITY = ("city",)
SAINTS = frozenset(("saint", "st"))
DEDICATED = re.compile(r"\bof[^\S\n]+$")
LEAD_WORD = re.compile(r"[^\s]+")


def whole_place(view: str, start: int, end: int) -> tuple[int, str] | None:
    """(start, tier) of a place of two or more words that a name found at view[start:end]
    is the tail of, or is: "New York City", "St Petersburg", "Big Sur"; not "Carol Stream"."""
    name = [placenames.normal(people.base(w)) for w in view[start:end].split()]
    if name[0] in SAINTS and DEDICATED.search(view, max(0, start - 4), start):
        return None  # "the Confraternity of Saint James": a saint a body is dedicated to
    before = WORDS_BEFORE.search(view, max(0, start - 40), start)
    lead = list(LEAD_WORD.finditer(view, before.start(1), start)) if before else []
    for n in range(len(lead), -1, -1):
        words = [placenames.normal(m.group().rstrip(".")) for m in lead[len(lead) - n :]] + name
        if len(words) < 2:
            continue
        if n == 0 and words[0] in people.GIVEN:
            return None  # a given name first, and nothing before it: a person
        phrase = " ".join(words)
        found = gazetteer.tier(phrase)
        if found is None and words[-1] in CITY and gazetteer.above_state(" ".join(words[:-1])):
            found = "distinct"  # "New York City", "Kansas City", "Oklahoma City"
        if found in ("distinct", "world", "ordinary"):
            return (lead[len(lead) - n].start() if n else start), found
    return None
