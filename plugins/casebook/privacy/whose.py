"""Whose a name, a place or a date is: the client's world, or history, research and the public.

The detectors find what could identify someone; this module weighs the words around
each find (`context`) and says what becomes of it: an error, a warning with the reason
the context left open, or nothing (an author in a reference list, the surgeon a sign is
named for, a city in a passage about 1903). Someone the client knows ("her husband,
...") is always an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import context
from .context import Signals
from .dates import HOLIDAY as A_HOLIDAY
from .document import Block
from .people import cited_shape, surname
from .placenames import (
    ABROAD,
    PERSONAL_BEFORE,
    abroad_cue,
    cued_abroad,
    listed_head,
    state_after,
)
from .placenames import STATE_CODES as STATE_CODE_LIST
from .publicplaces import CLIENT_WORDS as PUBLIC_CLIENTS
from .publicplaces import public_place
from .wordlists import PUBLIC_FIGURES

ERROR = "error"
WARNING = "warning"
NONE = "none"


@dataclass(frozen=True)
class Verdict:
    """What becomes of a find: ERROR, WARNING (with its reason) or NONE."""

    level: str
    reason: str = ""


SKIP = Verdict(NONE)
FLAG = Verdict(ERROR)
WORD = re.compile(r"[^\W\d_][\w'’-]*")


def words_of(name: str) -> set[str]:
    """The words of a name, lower case, without a possessive."""
    return {w.lower().removesuffix("'s").removesuffix("’s") for w in WORD.findall(name)}


# "by Dana Whitfield, a client": the author is a client, whatever the title before says.
CLIENT_APPOSITION = re.compile(
    r"[^\S\n]*,[^\S\n]+(?:an?|our|my|the)[^\S\n]+(?:[\w-]+[^\S\n]+)?(?:client|patient)s?\b"
)
# A public feat or fame, in a sentence that names no client or relation: a public figure.
FAME = re.compile(
    r"(?i:\b(?:world|course|national|olympic)[- ]record|\bolympic|\bchampion|"
    r"\bgrand[^\S\n]+slam|\bmedal|"
    r"\bfamous|\blegend(?:s|ary)?\b|\bworld[- ]class|\bprofessional[^\S\n]+(?:career|league)|"
    r"\bfirst[^\S\n]+(?:person|woman|man)[^\S\n]+(?:ever[^\S\n]+)?to\b|\bfirst[^\S\n]+(?:marathon|ascent)\b|\bheld[^\S\n]+up[^\S\n]+as\b|"
    # Artists by their public work: "our playlist has Norah Jones, Miles Davis and ...".
    r"\bplaylists?\b|\balbums?\b|\bsoundtracks?\b|"
    # A public record: "LeBron James reportedly spends", an interview, a league's stars.
    r"\breportedly\b|\bin[^\S\n]+(?:an|one)[^\S\n]+interview\b|\btold[^\S\n]+reporters\b|"
    r"\bhall[^\S\n]+of[^\S\n]+fame\b|\bMVP\b|\ball-stars?\b|\b(?:NFL|NBA|MLB|NHL|PGA|LPGA|WNBA|"
    r"NCAA|UFC)\b|\bquarterback\b)"
)
# "a rider like Ana Ruiz or ...": someone held up as an example of a public calling.
EXEMPLAR_BEFORE = re.compile(
    r"(?i:\b(?:an?|the)[^\S\n]+(?:[\w-]+[^\S\n]+)?(?:rider|cyclist|runner|swimmer|golfer|player|"
    r"athlete|sprinter|skater|climber|champion|star|singer|musician|actor|actress|author|"
    r"writer|composer|dancer|boxer)s?,?[^\S\n]+(?:like|such[^\S\n]+as)[^\S\n]+)$"
)
CLIENT_WORDS = re.compile(rf"(?i:\b(?:{context.RELATIONS})s?\b|\bmy\b|\bour\b)")


def clause(sentence: str, at: int) -> str:
    """The part of a sentence between the semicolons around offset `at`."""
    start = sentence.rfind(";", 0, at) + 1
    stop = sentence.find(";", at)
    return sentence[start : len(sentence) if stop < 0 else stop]


def name_verdict(view: str, start: int, end: int, block: Block, signals: Signals) -> Verdict:
    """What becomes of a full name found at view[start:end]."""
    name = view[start:end]
    if context.private_before(view, start):
        return FLAG
    if block.kind == "value" and block.field in ("title", "summary") and cited_shape(name):
        return SKIP
    first, stop = context.sentence_bounds(view, start)
    sentence = view[first:stop]
    if in_reference(view, block, signals):
        return SKIP
    if cited_shape(name) or context.cited(view, end):
        return SKIP  # "Lucas N", "Moraska et al. (2015)": an author
    # Read before the terms were masked too: "myofascial release after John Barnes" is a
    # method after its founder, though "myofascial release" is a masked term of the trade.
    unmasked = signals.text[max(0, start - 80) : start]
    public = (
        context.public_before(view, start)
        or (
            unmasked != view[max(0, start - 80) : start]
            and context.public_before(signals.text, start)
        )
        or context.public_after(view, end)
    )
    if public and not CLIENT_APPOSITION.match(view, end):
        return SKIP  # "the French neurologist Jules Tinel", "Senator John F. Kennedy"
    if context.PUBLIC_TITLES.search(name.split(" ", 1)[0] + " "):
        return SKIP  # "President Johnson": the title is part of what was found
    if surname(name) in signals.eponyms:
        return SKIP  # the surgeon "Phalen's test" is named for
    if context.historical(sentence):
        return SKIP  # a name in a sentence about 1903
    # A clause is read on its own: "Bolt had his physio; Phelps famously ..." is two.
    part = clause(sentence, start - first)
    if FAME.search(part) and not CLIENT_WORDS.search(part):
        return SKIP  # "her world record stood for years": a public figure's public feat
    if EXEMPLAR_BEFORE.search(view, max(0, start - 60), start) and not CLIENT_WORDS.search(part):
        return SKIP  # "a rider like Ana Ruiz": an example of the calling, no client
    if signals.in_famous_list(start) and not CLIENT_WORDS.search(sentence):
        return SKIP  # an item of a list its lead-in says is of famous people
    if not signals.case and _among_figures(view, block, signals):
        return SKIP  # "Tiger Woods ... Fred Couples and Jack Nicklaus both played through pain"
    if signals.history and context.HISTORY_VERBS.search(sentence):
        if context.role_after(view, end):
            return SKIP  # "Raymond Nimmo, a chiropractor in Texas, developed ...", in a history
        return Verdict(
            WARNING, "the passage is about the history of the field; if this is a public "
            "figure, list the name in privacy_ok"
        )  # fmt: skip
    return FLAG


def _among_figures(view: str, block: Block, signals: Signals) -> bool:
    """Whether the name's paragraph, in a post that is no case, names a listed public figure
    and no client, relation or first person: the company a name keeps there is public."""
    if not signals.figures:
        return False
    found = signals.among_figures.get(block.start)
    if found is None:  # read once a block, however many names it holds
        stop = block_end(view, block.start, block)
        paragraph = view[block.start : stop]
        found = signals.among_figures[block.start] = (
            any(block.start <= at < stop for at in signals.figures)
            and not CLIENT_WORDS.search(paragraph)
            and not PRIVATE_WORDS.search(paragraph)
        )
    return found


# A client's own words or world in a paragraph: who it names may be anyone.
PRIVATE_WORDS = re.compile(r"(?i:(?:I|me|client|clients|patient|patients|session|sessions))")


# What may stand between two names of one list: a possessive and its italic title, an aside
# in brackets, a comma, "and", "or": "Max Richter's *Sleep* (all of it), and Ana Ruiz".
JOINT = (
    r"(?:['’]s)?(?:[^\S\n]*[*_][^*_\n]{1,60}[*_])?(?:[^\S\n]*\([^()\n]{0,60}\))?[^\S\n]*[,;]?"
    r"[^\S\n]*(?:(?:and|or|nor|to)[^\S\n]+)?"
)
PAIR = r"[A-Z][\w'’-]+(?:[^\S\n]+(?:[A-Z]\.[^\S\n]+)?[A-Z][\w'’-]+)+"
LISTED_AFTER = re.compile(rf"{JOINT}(?P<pair>{PAIR})")
LISTED_BEFORE = re.compile(rf"(?P<pair>{PAIR}){JOINT}$")


def public_elsewhere(view: str, name: str, start: int, end: int, signals: Signals) -> bool:
    """Whether a flagged name is public by the file's other names: its surname was found
    public, or it stands in a list beside a public name with no client in the clause."""
    if context.private_before(view, start):
        return False
    last = surname(name)
    if last and last in signals.public:
        return True
    first, stop = context.sentence_bounds(view, start)
    if CLIENT_WORDS.search(clause(view[first:stop], start - first)):
        return False
    after = LISTED_AFTER.match(view, end, min(len(view), end + 160))
    before = LISTED_BEFORE.search(view, max(0, start - 160), start)
    listed = [m.group("pair") for m in (after, before) if m]
    if any(words_of(pair) <= signals.public for pair in listed):
        signals.public |= words_of(name)  # the next of the list is in public company too
        return True
    return False


# A reference entry wraps: an item or a short paragraph is read whole, anything longer by
# its first line (a long paragraph that cites two papers is still prose about people).
ENTRY_LENGTH = 600


def block_end(view: str, start: int, block: Block | None = None) -> int:
    """Where the text read as one entry of `block` ends: the block, or its first line."""
    if (
        block is not None
        and block.kind in ("item", "text")
        and 0 < block.stop - start <= ENTRY_LENGTH
    ):
        return block.stop
    end = view.find("\n", start)
    return len(view) if end < 0 else end


def in_reference(view: str, block: Block, signals: Signals) -> bool:
    """Whether `block` reads as an entry of a reference list, judged once per block."""
    stop = block_end(view, block.start, block)
    key = (block.start, stop, block.section)
    found = signals.references.get(key)
    if found is None:
        text = signals.text if len(signals.text) == len(view) else view
        found = signals.references[key] = context.reference_entry(
            text[block.start : stop], block.section
        )
    return found


def place_verdict(
    view: str, start: int, end: int, tier: str, block: Block, signals: Signals
) -> Verdict:
    """What becomes of a place name found at view[start:end]."""
    if in_reference(view, block, signals):
        return SKIP  # "Baltimore: Williams & Wilkins", "White AR" (an author and initials)
    if cited_author(view, start, end):
        return SKIP  # "Lucas KR, Rich PA, Polus BI (2010)": an author and initials
    if state_after(view, end) and tier != ABROAD:
        return FLAG  # "Hope, Arkansas" is a place whatever else is said
    head = listed_head(view, start) if tier == ABROAD and not cued_abroad(view, start) else None
    if head is not None:
        # "The team came from San Sebastián and Porto Alegre": as the list's first town goes.
        return place_verdict(view, *head, tier, block, signals)
    before = view[max(0, start - 40) : start]
    personal = (
        abroad_cue(view, start) if tier == ABROAD else PERSONAL_BEFORE.search(before) is not None
    )
    if personal and FROM_BEFORE.search(before) and ROUTE_AFTER.match(view, end):
        personal = False  # "travellers from London to Edinburgh": a journey, no one's home
    if tier == ABROAD and (
        not personal or (ROUTE_AFTER.match(view, end) and not MOVED_BEFORE.search(before))
    ):
        return SKIP  # "walked from León to Santiago": a town abroad is only ever someone's home
    if words_of(view[start:end]) <= signals.eponyms and not personal:
        return SKIP  # "Lachman and McMurray tests": the surgeon a test is named for
    if PARTICLE_AFTER.match(view, end) and not personal:
        return SKIP  # "Rio de Janeiro", "Vitória da Conquista": a name abroad, read whole
    if view[start:end].isupper() and not personal:
        return SKIP  # "FABER", "ROM": an acronym, unless the words before make it a home
    history, case = signals.history, signals.case
    if public_place(view, start, end, personal=personal, case=case, history=history):
        return SKIP  # "Tokyo, Boston, London", "a surgeon in Denver", "a study from Madrid"
    first, stop = context.sentence_bounds(view, start)
    lived = LIFESPAN.search(view, first, stop) is not None
    sentence = view[first:stop]
    # In a case, an old year in a sentence about her or him is the client's life story: "she
    # was born in 1928 outside Hibbing", "has lived since 1971 in Sudbury".
    clients_past = signals.case and ONE_PERSON.search(sentence) and not lived
    if (
        context.historical(sentence)
        and (not personal or lived or figure_said(sentence, signals))
        and not (clients_past and not figure_said(sentence, signals))
    ):
        return SKIP  # "the Boston surgeon Ernest Amory Codman ... in 1934"; "X (1908 to 1997)"
    figure = view[start:end].lower() in FIGURE_SURNAMES
    if figure and not personal and FIGURE_POSSESSIVE.match(view, end):
        return SKIP  # "Kennedy's rocking chair": the figure, not the town
    if (
        TRANSIT.search(view, first, stop)
        and not SOMEONE_ELSE.search(view, first, stop)
        and not MODIFIER_AFTER.match(view, end)
    ):
        return SKIP  # "trains from Worcester take an hour": directions, no one's home
    if words_of(view[start:end]) & signals.name_words:
        return SKIP  # "Kennedy rockers": the person of a name in this file, not the town
    if STUDY_AFTER.match(view, end):
        return SKIP  # "a Cochrane review", "the Framingham Heart Study": research, not a home
    if (
        NAMED_AFTER.match(view, end)
        and not CLIENT_WORDS.search(sentence)
        and (signals.history or not SOMEONE_ELSE.search(sentence))
    ):
        return SKIP  # "the Boston Marathon", "a PhD from Columbia University": no one's home
    return FLAG


# A particle and a capital after a place: the head of a compound name abroad.
PARTICLE_AFTER = re.compile(r"\s+(?:de|do|da|dos|das|del|di|della|la|le|du|des)\s+[A-Z]")
# Authors with initials around a place: "Lucas KR, Rich PA, Polus BI (2010)". The initials of
# an author beside it are no state's code: "Erie PA, Reading PA" are two towns.
AUTHOR_BEFORE = re.compile(r"[A-Z][\w'’-]+[^\S\n](?P<initials>[A-Z]{1,3}),[^\S\n]*$")
INITIALS_AFTER = re.compile(
    r"[^\S\n][A-Z]{1,3}(?:,[^\S\n]*[A-Z][\w'’-]+[^\S\n](?P<initials>[A-Z]{1,3})\b|"
    r"[^\S\n]*\((?:19|20)\d\d|[^\S\n]+et[^\S\n]+al\b|[.,]?$)"
)
STATE_CODES = frozenset(STATE_CODE_LIST.split("|"))


def cited_author(view: str, start: int, end: int) -> bool:
    """Whether a place is an author's surname in a list of authors with initials."""
    after = INITIALS_AFTER.match(view, end, min(len(view), end + 40))
    if after is None:
        return False
    before = AUTHOR_BEFORE.search(view, max(0, start - 40), start)
    neighbours = [m.group("initials") for m in (before, after) if m and m.group("initials")]
    return bool(neighbours) and not all(n in STATE_CODES for n in neighbours)


FIGURE_SURNAMES = frozenset(f.split()[-1].lower() for f in PUBLIC_FIGURES if f.strip())
FIGURE_POSSESSIVE = re.compile(r"['’]s\b")


def figure_said(sentence: str, signals: Signals) -> bool:
    """Whether a sentence names a public figure of the file and no client or relation: its
    "worked in London in the 1930s" is the figure's ("Stanley Lief, who worked in ...")."""
    return bool(words_of(sentence) & signals.public) and PUBLIC_CLIENTS.search(sentence) is None


# Directions to the practice: how trains, buses and roads run, in a sentence with no one in it.
TRANSIT = re.compile(
    r"(?i:\b(?:trains?|buses|bus|commuter[^\S\n]+rail|subway|ferry|exit|interstate|turnpike|"
    r"highway|I-\d+|route[^\S\n]+\d+)\b)"
)
# "from" after no verb of coming or moving, and "to" another place after: a route, no home.
FROM_BEFORE = re.compile(
    r"(?i:\b(?!(?:moved|moving|moves|relocated|came|comes|coming|originally|hails?|is|was|are|"
    r"were|back|commut\w*|dr[io]ve\w*)\b)[a-z'’]+[^\S\n]+from[^\S\n]+)$"
)
ROUTE_AFTER = re.compile(r"[^\S\n]+to[^\S\n]+[A-Z]")
# A verb of moving house before "from": "moved from Kharkiv to Boston" is where she came from.
MOVED_BEFORE = re.compile(
    r"(?i:\b(?:moved|moving|moves|relocated|came|comes|coming|emigrated|immigrated|fled)\b)"
)
# A town before a means of transport is its depot or station: "the Natick bus depot".
MODIFIER_AFTER = re.compile(r"[^\S\n]+(?:bus|train|rail|subway|ferry)\b")
# A place that names a study, a review or a scale: "the Framingham Heart Study".
STUDY_AFTER = re.compile(
    r"(?:[^\S\n]+[A-Z][a-z]+){0,3}[^\S\n]+(?i:study|studies|review|reviews|reviewers|trial|"
    r"cohort|criteria|scale|classification|questionnaire|protocol|database|library|collaboration|"
    r"project|index|group|authors|researchers|scientists|investigators|team|lab|laboratory|"
    r"publishing|publications|press)\b"
    # "the Worcester Trial Court" is a court, where someone works or was seen, not a study.
    r"(?![^\S\n]+(?i:court|courthouse))"
)


# A life's span of the past: the one whose home it names is a figure of history.
LIFESPAN = re.compile(
    r"\((?:b\.[^\S\n]*)?1[5-9]\d\d[^\S\n]*(?:to|–|—|-)[^\S\n]*(?:1[5-9]|20)\d\d\)"
)
# A city before an event or a university is the event's or the university's name.
NAMED_AFTER = re.compile(
    r"[^\S\n]+(?:Marathon|Half[^\S\n]+Marathon|Open|Games|Olympics|Classic|Tour|Grand[^\S\n]+Prix|"
    r"Triathlon|Championships?|Invitational|University|Universit[äy]t)\b"
)


def figures_age(view: str, start: int, signals: Signals) -> bool:
    """Whether an age belongs to a public figure the file names (its sentence names one,
    and no client or relation): "Travell herself worked into her nineties"."""
    if not signals.public:
        return False
    first, stop = context.sentence_bounds(view, start)
    sentence = view[first:stop]
    return bool(words_of(sentence) & signals.public) and PUBLIC_CLIENTS.search(sentence) is None


MONTH_ALONE = Verdict(WARNING, "a month alone may still date an event of the client's")
HOLIDAY_ALONE = Verdict(WARNING, "a holiday may still date an event of the client's")
HOLIDAY = re.compile(r"(?i:day|eve|christmas|thanksgiving|easter|halloween|hanukkah|passover|"
                     r"juneteenth|kwanzaa|diwali|eid|year)|Fourth of July")  # fmt: skip
YEAR_OR_WHEN = re.compile(r"(?i:\b(?:19|20)\d\d\b|^(?:last|this|next)\b)")
MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)


# A sentence of the writer's or the practice's own ("In May I took a week off", "In March we
# open late"), with no one else in it: a month alone there dates no client's event.
WRITER = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|us)\b")
SOMEONE_ELSE = re.compile(
    r"(?i:\b(?:she|he|her|his|him|hers|they|them|their|client|clients|patient|patients|"
    r"someone|husband|wife|son|daughter|friend)\b)"
)


# The public things whose dates a post gives: a code set, a guideline, a law, an edition.
PUBLIC_EVENT = re.compile(
    r"(?i:\b(?:codes|code[^\S\n]+set|guidelines?|laws?|regulations?|edition|version|"
    r"standards?|recalls?|published|enacted|FDA|CMS|CDC|ICD(?:-1[01](?:-CM)?)?|HIPAA|"
    # A public event's day, an offer's last day: "the Boston Marathon runs on Patriots' Day",
    # "gift certificates are on sale until May 10".
    r"marathon|conference|convention|summit|symposium|festival|expo|on[^\S\n]+sale|"
    r"offer[^\S\n]+ends|registration|early[- ]bird|"
    # The practice's own events and prices: "the health fair", "Prices last changed in".
    r"fair|open[^\S\n]+house|blood[^\S\n]+drive|workshop|prices|rates|fees)\b)"
)
# The practice saying where it will be, or what it charges: "We will be at the health fair
# on Saturday, May 16", "Our prices last changed in March 2025".
PRACTICE_OWN = re.compile(
    r"(?i:\b(?:we[^\S\n]+will[^\S\n]+be|we['’]ll[^\S\n]+be|join[^\S\n]+us|come[^\S\n]+"
    r"(?:and[^\S\n]+)?(?:see|find|meet)[^\S\n]+us|(?P<prices>our[^\S\n]+(?:prices|rates|fees)))\b)"
)
DAY_NUMBER = re.compile(r"(?<!\d)\d{1,2}(?!\d)")
# A share of a group, and the words that would make the sentence one person's after all.
GROUP_OF = re.compile(
    r"(?i:\b(?:most|many|some|all|half|several|few|none|dozens|hundreds|lots|plenty|a[^\S\n]+"
    r"(?:third|quarter|lot|handful|number))[^\S\n]+of\b)"
)
ONE_PERSON = re.compile(
    r"(?i:\b(?:she|he|her|his|him|hers|husband|wife|son|daughter|mother|father)\b)"
)


# The practice saying when it closes or opens: "We are closed on December 25", "We're
# closed from 24 December", "Thanksgiving week: open Monday to Wednesday", "open again on".
CLOSURE = re.compile(
    r"(?i:\b(?:we|(?:the|our)[^\S\n]+(?:practice|office|clinic|studio))(?:[^\S\n]+(?:are[^\S\n]+|is[^\S\n]+|"
    r"will[^\S\n]+(?:be[^\S\n]+)?)?|['’]re[^\S\n]+|['’]ll[^\S\n]+be[^\S\n]+)(?:close[ds]?|closing|shut|open)\b"
    # After a day's or a week's name only: "Procedure: open reduction" is no opening hour.
    r"|\b(?:week|weekend|day|days|eve|hours|holidays?|[A-Z][a-z]+day)[^\S\n]*:[^\S\n]*"
    r"(?:open|closed)\b"
    r"|\b(?:we|the[^\S\n]+(?:practice|office|clinic|studio))[^\S\n]+(?:are[^\S\n]+|will[^\S\n]+)?"
    r"(?:open[^\S\n]+again|reopens?|reopening)\b)"
)
# A holiday's own date: "Hanukkah begins at sundown on 14 December", "Kwanzaa runs from".
HOLIDAY_DATED = re.compile(
    rf"(?:{A_HOLIDAY.pattern})[^\S\n]+(?:this[^\S\n]+year[^\S\n]+)?(?:begins|starts|ends|runs|"
    r"falls|is[^\S\n]+on|lasts)\b"
)
# What makes a sentence about the practice's year, not one event ("Made it to Labor Day"
# has a client for its unwritten subject): a superlative of the calendar, a habit.
PATTERN = re.compile(
    r"(?i:\b(?:busiest|quietest|slowest|popular|every[^\S\n]+year|each[^\S\n]+year|usually|"
    r"always|tends?[^\S\n]+to|season)\b)"
)
# "last", "this" or "next" make a month or a holiday one occasion: "the fall happened last
# Thanksgiving".
LAST_BEFORE = re.compile(r"(?i:\b(?:last|this|next)[^\S\n]+)$")
# A pseudonym in a sentence makes a month in it the client's: "Dana M. came in last August".
PSEUDONYM = re.compile(r"\b[A-Z][a-z]+[^\S\n][A-Z]\.")
# A visit, a session or anyone but the writer makes the day someone's, not the calendar's.
VISIT = re.compile(
    r"(?i:\b(?:session|sessions|visit|visits|visited|appointment|appointments|came|seen|saw|"
    r"treated|booked|you|your)\b)"
)


@dataclass(frozen=True)
class Calendar:
    """What a sentence holds for the dates in it: how many holidays, and whether anyone."""

    holidays: int
    nobody: bool
    plain: str  # the sentence read past its holidays: "Mother's Day" names no one's mother


# What someone did or went through: a date beside it is theirs ("fell", "was admitted").
EVENT = re.compile(
    r"(?i:\b(?:fell|falls?|fall|surgery|operation|admitted|discharged|injur\w*|broke|broken|"
    r"diagnos\w*|flare[sd]?|flaring|limps?|limped|hurt|accident|crash\w*|born|died|married|"
    r"came|comes|coming|worst|pain|sprain\w*|strain\w*|wrote|diary)\b)"
)
FIRST_PERSON = re.compile(r"\b(?:I|me|my|mine|myself)\b")
# A capital inside a sentence that is neither a month, a day nor a holiday: a name, perhaps
# one no list holds ("Ifeoma always limps worst the week after Thanksgiving").
INNER_CAPITAL = re.compile(r"(?<=[^\W\d_])[^\S\n]+(?P<word>[A-Z][\w'’-]*)")


# A group of the practice's clients names no one of them: "festival season for many of our
# clients".
GROUP_PHRASE = re.compile(
    r"(?i:\b(?:many|most|some|all|several|few|lots|plenty)[^\S\n]+of[^\S\n]+(?:(?:our|the|my|your)"
    r"[^\S\n]+)?(?:clients|patients|regulars|people|folks|customers|families|runners|walkers)\b)"
)


def _nobody(passage: str) -> bool:
    """Whether a passage, its holidays and groups read past, names no one, nor an event."""
    rest = A_HOLIDAY.sub(" ", passage) if A_HOLIDAY.search(passage) else passage
    rest = GROUP_PHRASE.sub(" ", rest)
    return not CLIENT_WORDS.search(rest) and not VISIT.search(rest) and _names_no_one(rest)


WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def _calendar_sentence(sentence: str, signals: Signals) -> Calendar:
    """The Calendar of a sentence, read once however many dates it holds."""
    found = signals.calendars.get(sentence)
    if found is None:
        holidays = len(A_HOLIDAY.findall(sentence))
        plain = A_HOLIDAY.sub(" ", sentence) if holidays else sentence
        found = Calendar(holidays, _nobody(sentence), plain)
        signals.calendars[sentence] = found
    return found


def own_calendar(passage: str, text: str) -> bool:
    """Whether a date without a year is the practice's own closing day, naming no one."""
    closure = CLOSURE.search(passage)
    if closure is None or YEAR_OR_WHEN.search(text):
        return False
    # The closure's own words are the practice's: "Our office is closed" names no client.
    rest = passage[: closure.start()] + " " + passage[closure.end() :]
    rest = A_HOLIDAY.sub(" ", rest)
    return not (
        SOMEONE_ELSE.search(rest)
        or CLIENT_WORDS.search(rest)
        or VISIT.search(rest)
        or PSEUDONYM.search(rest)
        or EVENT.search(rest)
    )


LEAD_REACH = 300  # characters of a lead-in read: the sentence right before its list


def _closed_list_item(item: str, block: Block, signals: Signals) -> bool:
    """Whether a list item is one of the practice's closing days: led in by a closure, and
    naming no one itself (no name, no event). Read once per item, however many dates."""
    found = signals.closed_items.get(block.start)
    if found is None:
        lead = signals.leads.get(block.start)
        found = (
            lead is not None
            and own_calendar(lead[-LEAD_REACH:] + "\n" + item, "")
            and _names_no_one(item)
        )
        signals.closed_items[block.start] = found
    return found


def _names_no_one(passage: str) -> bool:
    """Whether a passage, past its holidays, has no person, pseudonym, event or other name."""
    rest = A_HOLIDAY.sub(" ", passage) if A_HOLIDAY.search(passage) else passage
    if (
        SOMEONE_ELSE.search(rest)
        or ONE_PERSON.search(rest)
        or PSEUDONYM.search(rest)
        or FIRST_PERSON.search(rest)
        or EVENT.search(rest)
    ):
        return False
    inner = (m.group("word").lower() for m in INNER_CAPITAL.finditer(rest))
    return all(w in MONTHS or w in WEEKDAYS for w in inner)


def date_verdict(view: str, start: int, end: int, block: Block, signals: Signals) -> Verdict:
    """What becomes of a date: none in a reference list, in history of public figures or in
    the practice's own closing days; a warning for a month or a holiday alone."""
    if in_reference(view, block, signals):
        return SKIP
    first, stop = context.sentence_bounds(view, start)
    sentence = view[first:stop]
    text = view[start:end]
    # A paragraph is read whole: "Jr." in "Martin Luther King Jr. Day" ends no sentence.
    paragraph = view[block.start : block_end(view, block.start, block)]
    if own_calendar(paragraph if block.stop - block.start <= ENTRY_LENGTH else sentence, text):
        return SKIP  # "We close for Thanksgiving Day and December 25": the practice's hours
    closed_item = block.kind == "item" and _closed_list_item(paragraph, block, signals)
    if closed_item and not YEAR_OR_WHEN.search(text):
        return SKIP  # "We are closed on these holidays:" and a list of them: the practice's
    part = clause(sentence, start - first)
    others = sentence.replace(part, " ")
    undated = not any(c.isdigit() for c in others)
    if (
        not signals.case
        and sentence != part
        and undated
        and _names_no_one(others)
        and own_calendar(part, text)
    ):
        # "We are closed on Independence Day, July 4; book early": the first clause's, where
        # no other clause gives a day ("; your session moves to July 5" is the client's).
        return SKIP
    calendar = _calendar_sentence(sentence, signals)
    # Only a month or a holiday alone, never a day or a year: "27 December 2023" is one day.
    alone = not any(c.isdigit() for c in text) and not YEAR_OR_WHEN.search(text)
    if calendar.holidays >= 3 and calendar.nobody and alone and A_HOLIDAY.fullmatch(text):
        return SKIP  # "Diwali, Hmong New Year, Thanksgiving, Hanukkah": the calendar's
    at = start - first
    own = clause(sentence, at)
    if not YEAR_OR_WHEN.search(text) and HOLIDAY_DATED.search(own) and _nobody(own):
        return SKIP  # "Kwanzaa runs from 26 December to 1 January": the holiday's own dates
    if context.historical(text) and words_of(sentence) & signals.public:
        return SKIP  # "his inauguration in January 1961", in a passage about Kennedy
    plain = calendar.plain
    if (
        not signals.case
        and PUBLIC_EVENT.search(sentence)
        and not SOMEONE_ELSE.search(plain)
        and not CLIENT_WORDS.search(plain)
        and not VISIT.search(plain)
        and not WRITER.search(plain)
    ):
        return SKIP  # "The codes changed in October 2021": when a public thing changed
    if (
        not signals.case
        and PUBLIC_EVENT.search(sentence)
        and (practice_own := PRACTICE_OWN.search(sentence))
        # A price's change is dated by its month alone: "3 February 2024" is someone's day.
        and not (practice_own.group("prices") and DAY_NUMBER.search(text))
        and not VISIT.search(plain)
        and _names_no_one(plain)
    ):
        return SKIP  # "We will be at the health fair on Saturday, May 16": the practice's day
    if (
        not signals.case
        and calendar.nobody
        and PATTERN.search(sentence)
        and alone
        and not LAST_BEFORE.search(view, max(first, start - 8), start)
    ):
        return SKIP  # "The quietest was the first week of August": the practice's year
    if text.lower() in MONTHS:
        if WRITER.search(sentence) and not SOMEONE_ELSE.search(sentence):
            return SKIP  # "In June we open at 8": the practice's own calendar, no client's
        if GROUP_OF.search(sentence) and not ONE_PERSON.search(sentence):
            return SKIP  # "a third of the runners we saw in March": a month of a group's
        return MONTH_ALONE
    if (
        HOLIDAY.search(text)
        and not any(c.isdigit() for c in text)
        and not YEAR_OR_WHEN.search(text)
    ):
        return HOLIDAY_ALONE
    return FLAG
