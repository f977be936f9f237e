"""What the words around a name, a place or a date say about whose it is.

A capitalised pair of words in a reference list is an author; in a sentence dated
1903 it is a surgeon of the past; after "the French neurologist" or "Senator" it is a
public figure; in "Tinel's sign" a test. After "her husband," or "my client" it is
someone the client knows, whatever else the sentence says. These are the signals
(`Signals`) the name, place and date detectors weigh; none of them reads a list of
clients, only the text and what the field's own vocabulary knows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .document import Block
from .spans import word_starts
from .wordlists import EPONYMS, words

# A year of the past (1500 to 1989), a decade ("the 1940s") or a century ("nineteenth-century").
OLD_YEAR = re.compile(
    r"(?<![\d/.:-])(?:1[5-8]\d\d|19[0-8]\d)(?![\d/-]|[:.]\d)|\b(?:1[5-9]\d0)['’]?s\b"
)
CENTURY = re.compile(
    r"(?i:\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"1st|2nd|3rd|[4-9]th|1\d(?:th)|20th)[- ]century\b)"
)
# A reference entry: authors with initials, a journal's year;volume(issue):pages, a DOI.
AUTHOR_INITIALS = re.compile(r"\b[A-Z][\w'’-]+[^\S\n][A-Z]{1,3}[,.](?=[^\S\n]|$)")
APA_AUTHOR = re.compile(r"\b[A-Z][\w'’-]+,[^\S\n](?:[A-Z]\.[^\S\n]?){1,3}")
# ... or an italic journal title before its volume(issue):pages ("*J Pain* 16(11):1087").
JOURNAL = re.compile(
    r"(?:19|20)\d\d;\s?\d+(?:\(\d+(?:[–-]\d+)?\))?:\s?\d+|\bdoi[:.]|\bPMID\b|\bet al\b|"
    r"[*_][^\S\n]*(?:\d+[^\S\n]?(?:\(\d+(?:[–-]\d+)?\))?|\(\d+(?:[–-]\d+)?\)):[^\S\n]?[A-Za-z]{0,2}\d+"
)
PUBLISHER = re.compile(
    r"\b[A-Z][a-z]+(?:[^\S\n][A-Z][a-z]+)?:[^\S\n][A-Z][\w&. ]+;[^\S\n]?(?:19|20)\d\d"
)
REFERENCE_SECTIONS = (
    "references",
    "reference list",
    "bibliography",
    "citations",
    "works cited",
    "sources",
    "further reading",
    "reading list",
    "suggested reading",
    "recommended reading",
    "selected reading",
    "literature",
)
# In running prose: "Moraska et al. (2015)", "(Travell & Rinzler, 1952)", "Lucas et al., 2009".
CITED_AFTER = re.compile(
    r"[^\S\n]*(?:et[^\S\n]+al\.?|and[^\S\n]+colleagues|\((?:19|20)\d\d[a-z]?\)|,[^\S\n]*(?:19|20)\d\d\))"
)
# Words that make the next name a public figure.
PUBLIC_TITLES = re.compile(
    r"(?:\b(?:Senator|President|Governor|Congressman|Congresswoman|Sir|Dame|Lord|King|Queen|"
    r"Prince|Princess|Pope|Saint|General|Admiral|Commodore|Justice|Chancellor|Prime[^\S\n]+"
    r"Minister|Vice[^\S\n]+President|First[^\S\n]+Lady)[^\S\n]+)$"
)
ROLES = (
    r"surgeon|neurologist|physician|doctor|anatomist|physiologist|osteopath|naturopath|"
    r"chiropractor|chiropodist|therapist|physiotherapist|massage therapist|nurse|researcher|"
    r"scientist|author|writer|professor|teacher|pioneer|founder|developer|inventor"
)
WORKS = r"book|books|manual|workbook|text|textbook|article|paper|study|review|guide|autobiography"
PUBLIC_BEFORE = re.compile(
    rf"(?i:(?:\bthe[^\S\n]+(?:[\w-]+[^\S\n]+){{0,3}}(?:{ROLES})|\b(?:founded|developed|described|"
    rf"written|invented|named|devised|pioneered|coined|created|edited|introduced|published)"
    rf"[^\S\n]+(?:by|for|after)|\b(?:{WORKS})[^\S\n]+(?:[\w-]+[^\S\n]+){{0,2}}by|[*_\"”]"
    rf"[^\S\n]+by|\bthe[^\S\n]+(?:method|technique|programme|program)['’]s[^\S\n]+(?:{ROLES}),?"
    # A title in Title Case, then "by": "Why We Sleep by Matthew Walker" names its author.
    r"|(?-i:[A-Z][\w'’-]*[^\S\n]+(?:(?:[A-Z][\w'’-]*|the|a|of|to|and|in|for|we|it)[^\S\n]+)*"
    r"[A-Z][\w'’-]*)[^\S\n]+by"
    # A method after its founder: "myofascial release after John Barnes".
    r"|\b(?:release|technique|method|approach|therapy|massage|style|tradition|system|protocol)s?"
    r"[^\S\n]+(?:after|à[^\S\n]+la))"
    rf"[^\S\n]+)$"
)
PUBLIC_AFTER = re.compile(
    r"(?i:^['’]s(?:[^\S\n]+[\w-]+){0,2}[^\S\n]+(?:book|manual|method|technique|work|text|"
    r"textbook|workbook|model|maps?|charts?|theory|resort|articles?|essays?|papers?|blog|"
    r"website|podcast|lectures?|books)\b|^['’]s[^\S\n]+[*_][^\W\d_])"
)  # ..., or a work's title in italics right after the possessive: "Brian Eno's *Music for ...*"
# "*The Sessions* (2012), with John Hawkes": the cast of a dated film, play or show.
CAST_BEFORE = re.compile(
    r"[*_][^\S\n]*\((?:19|20)\d\d\),?[^\S\n]+(?:with|starring|featuring)[^\S\n]+$"
)
# "Raymond Nimmo, a chiropractor in Texas, developed ...": a role in apposition, which in
# a passage about the field's history describes one of its figures.
ROLE_AFTER = re.compile(
    rf"(?i:^,?[^\S\n]+(?:a|an|the)[^\S\n]+(?:[\w-]+[^\S\n]+){{0,3}}(?:{ROLES})\b)"
)
HISTORY_VERBS = re.compile(
    r"(?i:\b(?:described|developed|founded|coined|pioneered|invented|discovered|wrote|"
    r"published|taught|named|devised|introduced|mapped)\b)"
)
# Who a client knows: "her husband, Gérard Rousseau", "my client Dana Morrison".
RELATIONS = (
    r"husband|wife|son|daughter|mother|father|mum|mom|dad|brother|sister|aunt|uncle|niece|"
    r"nephew|cousin|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|"
    r"grandchild|stepson|stepdaughter|partner|fianc[ée]e?|spouse|boyfriend|girlfriend|"
    r"friend|neighbou?r|roommate|flatmate|housemate|colleague|co-?worker|boss|manager|"
    r"supervisor|employer|landlord|landlady|carer|caregiver|aide|coach|client|patient|"
    r"doctor|physician|gp|neurologist|surgeon|orthop(?:a)?edist|podiatrist|physio(?:therapist)?|"
    r"therapist|dentist|chiropractor|cardiologist|oncologist|p(?:a)?ediatrician|psychologist|"
    r"nurse|midwife|dispatcher|teacher"
)
PRIVATE_BEFORE = re.compile(
    rf"(?i:(?:\b(?:her|his|their|my|our|your|a|the[^\S\n]+client['’]s)[^\S\n]+(?:[\w-]+[^\S\n]+)?"
    rf"(?:{RELATIONS})|^(?:{RELATIONS})|(?<=[.!?][^\S\n])(?:{RELATIONS})|\b(?:named|called)),?"
    rf"[^\S\n]+(?:Dr\.?[^\S\n]+)?)$"
)
# A full stop after a lone capital is an initial ("F. Runge described it"), not an end.
SENTENCE_END = re.compile(r"(?<![^\w][A-Z])(?<!^[A-Z])[.!?](?=[\s)\"'’”]*(?:\s|$))|\n")


def sentence_bounds(text: str, offset: int) -> tuple[int, int]:
    """The sentence (or block line) around an offset, as (start, end)."""
    start = 0
    for m in SENTENCE_END.finditer(text, max(0, offset - 400), offset):
        start = m.end()
    if start == 0:
        start = max(text.rfind("\n", 0, offset) + 1, offset - 400, 0)
    end = SENTENCE_END.search(text, offset, offset + 401)  # bounded: a long run stays linear
    stop = end.end() if end else len(text)
    return start, min(stop, offset + 400)


def historical(sentence: str) -> bool:
    """Whether a sentence speaks of the past: a year before 1990, a decade, a century."""
    return OLD_YEAR.search(sentence) is not None or CENTURY.search(sentence) is not None


def reference_entry(text: str, section: str = "") -> bool:
    """Whether a block reads as an entry of a reference list."""
    if section.startswith(REFERENCE_SECTIONS):
        return True
    signals = (
        len(AUTHOR_INITIALS.findall(text)) >= 2,
        len(APA_AUTHOR.findall(text)) >= 2,
        JOURNAL.search(text) is not None,
        PUBLISHER.search(text) is not None,
    )
    # One author with initials and a journal's volume and pages: "Brinjikji W, et al. ...".
    one_author = AUTHOR_INITIALS.search(text) is not None or APA_AUTHOR.search(text) is not None
    return sum(signals) >= 2 or (signals[2] and one_author)


def private_before(text: str, start: int) -> bool:
    """Whether the words before `start` make the name someone the client knows."""
    return PRIVATE_BEFORE.search(text[max(0, start - 60) : start]) is not None


def public_before(text: str, start: int) -> bool:
    """Whether a title, a role or a film's credit before `start` makes the name public."""
    before = text[max(0, start - 80) : start]
    return (
        PUBLIC_TITLES.search(before) is not None
        or PUBLIC_BEFORE.search(before) is not None
        or CAST_BEFORE.search(before) is not None
    )


def public_after(text: str, end: int) -> bool:
    """Whether what follows a name describes a public figure ("Lief's health resort")."""
    return PUBLIC_AFTER.search(text[end : end + 80]) is not None


def role_after(text: str, end: int) -> bool:
    """Whether a role stands in apposition after a name ("Raymond Nimmo, a chiropractor")."""
    return ROLE_AFTER.search(text[end : end + 80]) is not None


def cited(text: str, end: int) -> bool:
    """Whether a name is cited: "et al.", "and colleagues", "(2015)" right after it."""
    return CITED_AFTER.match(text, end) is not None


EPONYM_HEADS = (
    r"sign|test|disease|syndrome|neuroma|canal|phenomenon|law|palsy|contracture|fracture|"
    r"cyst|manoeuvre|maneuver|point|points|triad|tunnel|node|nodes|reflex|space|bursitis|"
    r"arch|tendon|method|technique|concept|approach|lesion|deformity|classification|criteria|"
    r"score|scale|exercises?|position|release|stretch"
)
EPONYM_IN_TEXT = re.compile(rf"\b([A-Z][\w'’-]*?)(?:['’]s)?[^\S\n]+(?i:{EPONYM_HEADS})\b")
# In a file's text only the possessive is looked for ("Tinel's sign"): one quick pass.
# ... or before a condition's name by its ending: "De Quervain's tenosynovitis", "Paget's
# osteitis", "Raynaud's phenomenon", "Addison's crisis" is not a condition and not read so.
CONDITION_ENDING = r"[a-z]+(?:itis|osis|opathy|algia|oma|ectasia|plasia|trophy|plegia|ism)"
POSSESSIVE_EPONYM = re.compile(
    rf"\b([A-Z][\w-]*)['’]s[^\S\n]+(?:(?i:{EPONYM_HEADS})\b|{CONDITION_ENDING}\b)"
)


# Two surnames before a plural head name two things: "Lachman and McMurray tests".
PAIR_REACH = 80
PLURAL_HEADS = "tests signs manoeuvres maneuvers syndromes methods techniques".split()
PAIRED_EPONYMS = re.compile(
    r"\b([A-Z][\w-]*)(?:['’]s)?(?:,|[^\S\n]+(?:and|or|&))[^\S\n]+([A-Z][\w-]*)(?:['’]s)?"
    r"[^\S\n]+$"
)


@dataclass
class Signals:
    """What one file says about the people and places in it, read once per file."""

    eponyms: frozenset[str] = frozenset()  # surnames that name a test, sign or condition
    public: set[str] = field(default_factory=set)  # lower-case words of names found public
    # Words of every full name the file holds (a place that is also one is the person).
    name_words: set[str] = field(default_factory=set)
    history: bool = False  # the file speaks of the past (years before 1990) more than once
    case: bool = False  # a case write-up: its client is the subject of every sentence
    famous: tuple[tuple[int, int], ...] = ()  # list items a sentence about fame leads into
    leads: dict[int, str] = field(default_factory=dict)  # each list item's lead-in paragraph
    closed_items: dict[int, bool] = field(default_factory=dict)  # items of closing days, read once
    figures: list[int] = field(default_factory=list)  # where a listed public figure stands
    among_figures: dict[int, bool] = field(default_factory=dict)  # by block start, read once
    # Whether each block (by where it starts) reads as a reference entry: asked once per
    # block, not once per name in it (a block of 1000 names was read 1000 times).
    references: dict[tuple[int, int, str], bool] = field(default_factory=dict)
    # What each sentence holds for its dates (whose.Calendar), read once a sentence.
    calendars: dict[str, Any] = field(default_factory=dict)
    # The seen text, unmasked: a reference entry is read with its authors and publisher
    # ("Simons DG, Travell JG ... Williams & Wilkins"), which the names view masks.
    text: str = ""

    def in_famous_list(self, at: int) -> bool:
        """Whether `at` is in an item of a list introduced as one of famous people."""
        return any(start <= at < stop for start, stop in self.famous)


# What a list's lead-in says of the people in it: "When a famous athlete gets hurt ...:".
FAMOUS = re.compile(
    r"(?i:\b(?:famous|celebrit(?:y|ies)|public[^\S\n]+figures?|well[- ]known|legendary|"
    r"champions?|olympians?)\b)"
)


def lead_ins(blocks: Sequence[Block], text: str) -> dict[int, str]:
    """The lead-in paragraph right before each list, by where each of its items starts."""
    found: dict[int, str] = {}
    lead = None
    for before, block in zip([None, *blocks], blocks, strict=False):
        if block.kind != "item":
            continue
        if before is None or before.kind != "item":
            lead = (
                text[before.start : block.start]
                if before is not None and before.kind == "text"
                else None
            )
        if lead is not None:
            found[block.start] = lead
    return found


def famous_lists(blocks: Sequence[Block], leads: dict[int, str]) -> tuple[tuple[int, int], ...]:
    """The items of each list whose lead-in paragraph, right before it, speaks of fame."""
    famous: dict[int, bool] = {}  # by the lead-in's id: each list's lead-in is read once
    for lead in leads.values():
        if id(lead) not in famous:
            famous[id(lead)] = FAMOUS.search(lead) is not None
    return tuple(
        (b.start, b.stop) for b in blocks if b.start in leads and famous[id(leads[b.start])]
    )


def eponyms(text: str, terms: tuple[str, ...]) -> frozenset[str]:
    """Surnames that name something in this file or its conditions, lower case."""
    found = set(_term_eponyms(terms))
    if "'s " in text or "’s " in text:
        for m in POSSESSIVE_EPONYM.finditer(text):
            found.update(part.lower() for part in m.group(1).split("-") if part)
    for at in (i for head in PLURAL_HEADS for i in word_starts(text, head)):
        # Read back from each plural head only, not from every capital of the text.
        pair = PAIRED_EPONYMS.search(text, max(0, at - PAIR_REACH), at)
        if pair is not None:
            found.update(part.lower() for g in pair.groups() for part in g.split("-") if part)
    return frozenset(found - COMMON_WORDS)


@lru_cache(maxsize=16)
def _term_eponyms(terms: tuple[str, ...]) -> frozenset[str]:
    """The field's eponyms, and the surnames the condition terms are named for."""
    found = set(EPONYMS)
    for term in terms:
        for m in EPONYM_IN_TEXT.finditer(term):
            word = m.group(1)
            if not word.isupper():
                found.update(part.lower() for part in word.split("-") if part)
    return frozenset(found)


COMMON_WORDS = words("common")
