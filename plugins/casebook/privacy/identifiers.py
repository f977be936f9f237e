"""Numbers and codes that identify someone, by the words that label them.

Eight Safe Harbor categories are codes with no shape of their own: medical record,
health plan, account, licence, vehicle, device and biometric identifiers, and any
other unique code (a badge, a student ID, a race bib, a meeting ID). Each has its
labels (labels.py: "MRN", "member ID", "card ending in", "plate", "S/N", "voiceprint",
"badge", ...). A code is what follows its label in the same clause: letters and digits,
grouped by hyphens, dots or spaces ("7D-11420", "S0419 2237", "1HGCM 8263 3A004 352"),
or, after a plate, a vanity plate in capitals ("DIGGR"). A generic label ("ID",
"number", "#", "card") takes its category from the words around it ("the ID of her
medical-alert pendant" is a device). A code shaped like nothing else ("FP-0041-2291",
letters and digits in hyphenated groups) counts without a label, by the words of its
sentence. ICD-10-CM codes, spinal levels, years and measurements are never codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .findings import (
    ACCOUNT,
    DEVICE,
    OTHER_CODE,
    VEHICLE,
)
from .labels import CONTEXT, LABEL, LABEL_CATEGORIES, LABEL_STARTS, WORDS
from .spans import Span

# A code: letters and digits in groups apart by a hyphen, dot, slash or middle dot;
# "#" may stand before it. Two such tokens with a digit each, one space apart, are one
# code written in groups ("S0419 2237", "1HGCM 8263 3A004 352").
# A card's masked groups stand before its last digits: "****-****-0093-4471" is one token.
TOKEN = re.compile(
    r"(?<![\w.-])\#?(?:(?:[*•●✱#]{2,4}|[xX]{4})[-.])*[A-Za-z0-9]+(?:[-./·][A-Za-z0-9]+)*"
)
CAPITALS = re.compile(r"[A-Z]{1,3}")
PLATE = re.compile(r"(?<![\w-])[A-Z0-9]{2,8}(?![\w-])")
# The groups after a plate's first, each with a digit: "PKR 118", "EGX 2209"; never "I".
PLATE_GROUPS = re.compile(r"(?:[^\S\n](?=[A-Z]{0,3}\d)[A-Z0-9]{1,4}(?![\w·/-]|[.]\w)){1,2}")
PLATE_LETTERS = re.compile(r"[^\S\n][A-Z]{1,3}(?![\w·/-])")
ICD10 = re.compile(r"[A-TV-Z]\d[0-9A-Z]\.[0-9A-Z]{1,4}")
SPINAL = re.compile(r"(?:C[1-8]|T1[0-2]|T[1-9]|L[1-5]|S[1-5])(?:[-/](?:[CTLS]?\d{1,2}))?")
# A year a case speaks of: 1900 to 2039; "bib 2093" is a number, no year in anyone's story.
YEAR = re.compile(r"(?:19\d|20[0-3])\d")
UNIT_AFTER = re.compile(
    r"(?i:[^\S\n]*(?:%|°|percent|degrees?|mg|mm|cm|kg|lbs?|minutes?|mins?|hours?|days?|weeks?"
    r"|months?|years?|sessions?|times|reps?|miles?|km|x\b))"
)
# Where a label's clause ends: a code after it is another clause's. A state's abbreviation
# ends no clause: a licence is written with its state ("licence (Mass. S22019477)").
STATE_DOTS = (
    "Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont "
    "Neb Nev Okla Ore Pa Tenn Tex Vt Va Wash Wis Wyo"
).split()
# Looked behind from the dot only, so the abbreviations cost nothing elsewhere.
NOT_STATE = "".join(rf"(?<!\b{s}\.)" for s in STATE_DOTS)
CLAUSE_END = re.compile(rf"[;!?]|[.]{NOT_STATE}(?=\s+[A-Z(\d])|\n")
GAP = 48  # characters from a label to its code at most


@dataclass(frozen=True)
class Code:
    """A code found in a text: its span, its category, and its label's start if it stands close."""

    start: int
    end: int
    category: str
    quoted_from: int  # where the finding's text starts: the label when it stands right before
    adjacent: bool = False  # the label stands right before it (a bracket or "no." between)


DIGIT = re.compile(r"\d")


def _digits(text: str) -> int:
    return sum(c.isdigit() for c in text)


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str

    def group(self) -> str:
        return self.text


def tokens(text: str, start: int = 0, end: int | None = None) -> list[_Token]:
    """The code-like tokens of text[start:end], grouped ones joined."""
    end = len(text) if end is None else end
    found: list[_Token] = []
    for m in TOKEN.finditer(text, start, end):
        last = found[-1] if found else None
        joined = (
            last is not None
            and not _named_code(last.text)
            and not _named_code(m.group())
            and m.start() - last.end == 1
            and text[last.end] in " \t\u00a0"
            and DIGIT.search(last.text) is not None
            and DIGIT.search(m.group()) is not None
            and len(last.text) + len(m.group()) < 40
        )
        if joined and last is not None:
            found[-1] = _Token(last.start, m.end(), text[last.start : m.end()])
        else:
            found.append(_Token(m.start(), m.end(), m.group()))
    return _letters_between(found, text)


def _letters_between(found: list[_Token], text: str) -> list[_Token]:
    """Groups of digits with a letter or three between them joined: "218 C 44810"."""
    i, joined = 0, []
    while i < len(found):
        here = found[i]
        if (
            i + 2 < len(found)
            and DIGIT.search(here.text)
            and CAPITALS.fullmatch(found[i + 1].text)
            and DIGIT.search(found[i + 2].text)
            and found[i + 1].start - here.end == 1
            and found[i + 2].start - found[i + 1].end == 1
            and text[here.end] in " \t\u00a0"
            and text[found[i + 1].end] in " \t\u00a0"
        ):
            end = found[i + 2].end
            joined.append(_Token(here.start, end, text[here.start : end]))
            i += 3
            continue
        joined.append(here)
        i += 1
    return joined


def _named_code(token: str) -> bool:
    """A diagnosis code or a name with a number in it (M72.2, ICD-10-CM): never part of a code."""
    bare = token.lstrip("#")
    groups = bare.split("-")
    if ICD10.fullmatch(bare) or SPINAL.fullmatch(bare):
        return True
    return len(groups) > 1 and all(g.isalpha() or (g.isdigit() and len(g) <= 2) for g in groups)


HOST_AFTER = re.compile(r"\.(?:com|org|net|gov|edu|io|info|co)\b")
HOST_END = re.compile(r"\.(?:com|org|net|gov|edu|io|info|co)$")


def is_code(token: str, text: str, end: int) -> bool:
    """Whether a token is an identifying code, not a year, a diagnosis code or a measure."""
    bare = token.lstrip("#")
    if not bare or _named_code(bare):
        return False
    if YEAR.fullmatch(bare) and not token.startswith("#"):
        return False
    if UNIT_AFTER.match(text, end) or HOST_AFTER.match(text, end) or HOST_END.search(bare):
        return False  # "90 mm"; "icd10data.com": a site's name, no one's code
    digits = _digits(bare)
    letters = sum(c.isalpha() for c in bare)
    return digits >= 3 or (digits >= 1 and letters >= 1 and len(bare) >= 5)


def strong_code(token: str) -> bool:
    """A code by its shape alone: hyphenated groups, letters and digits, four digits or more."""
    groups = token.lstrip("#").split("-")
    if len(groups) < 2 or _digits(token) < 4 or not all(groups):
        return False
    letters = "".join(c for c in token if c.isalpha())
    if letters and not letters.isupper():
        return False  # "mid-1950s", "pre-2020": words, not a code
    has_letters = bool(letters)
    return (has_letters and any(c.isdigit() for c in groups[-1] + groups[0])) or len(groups) >= 3


def label_category(match: re.Match[str]) -> str | None:
    """The category a LABEL match names, or None for a generic label ("ID", "number")."""
    return _category(match)


def _category(match: re.Match[str]) -> str | None:
    for i, category in enumerate(LABEL_CATEGORIES):
        if match.group(f"c{i}"):
            return category
    return None


WORD = re.compile(r"[A-Za-z][\w'’-]*")


def context_category(text: str, start: int, end: int, default: str = OTHER_CODE) -> str:
    """The category the nearest telling word in text[start:end] gives, from the end back."""
    words = [w.lower() for w in WORD.findall(text, start, end)]
    for word in reversed(words):
        base = word.removesuffix("'s").removesuffix("’s")
        if word in CONTEXT or base in CONTEXT:
            return CONTEXT.get(word) or CONTEXT[base]
    return default


SENTENCE_END = re.compile(r"[!?]|[.](?=\s+[A-Z(\d])|\n")


def _clause_start(text: str, at: int, ends: re.Pattern[str] = CLAUSE_END) -> int:
    found = [m.end() for m in ends.finditer(text, max(0, at - 160), at)]
    return found[-1] if found else max(0, at - 160)


PHONE_SHAPE = re.compile(r"(?:\+?1[-. ]?)?\(?\d{3}\)?[-. ]?\d{3}[-. ]\d{4}")
FILLER = re.compile(r"(?:[^\S\n]|[,:(#\[])*")


def _code_after(text: str, label: re.Match[str], vehicle: bool) -> _Token | None:
    """The code a label stands before, in its clause and within GAP characters."""
    stop = min(len(text), label.end() + GAP)
    clause = CLAUSE_END.search(text, label.end(), stop)
    stop = clause.start() if clause else stop
    for m in tokens(text, label.end(), stop):
        after_filler = FILLER.match(text, label.end())
        first = vehicle and after_filler is not None and m.start == after_filler.end()
        letters = PLATE_LETTERS.match(text, m.end) if first and m.text.isdigit() else None
        if letters:  # "plate 4471 LB": digits, then the letters of the same plate
            return _Token(m.start, letters.end(), text[m.start : letters.end()])
        if is_code(m.text, text, m.end):
            return m
        if first:
            # After "plate", the very next word in capitals is a vanity plate: "MOSHEA".
            plate = PLATE.match(text, m.start)
            if plate and plate.group().isupper():
                # A plate written in groups ("PKR 118") is quoted whole: its digits are in it.
                # A state's code is no plate, nor its first group: "plate MA 3RK·771".
                if plate.group() in STATE_CODES:
                    continue  # "plate CA: 8BXT512": the plate is the code after its state
                rest = PLATE_GROUPS.match(text, plate.end())
                end = rest.end() if rest and rest.end() - plate.start() <= 10 else plate.end()
                return _Token(plate.start(), end, text[plate.start() : end])
        other = LABEL.match(text, m.start)
        if other and not other.group("generic"):
            return None  # another label takes over
    return None


ADJACENT = re.compile(r"[^\S\n]*[:#(]?[^\S\n]*(?:no\.?[^\S\n]*)?")
QUOTED_WITH = re.compile(r"[^\S\n]*[:#]?[^\S\n]*(?:no\.?[^\S\n]*)?")


def labelled_codes(text: str) -> list[Code]:
    """Every code after a label in `text`, with its category."""
    lower = text.lower()
    if not DIGIT.search(text) and "plate" not in lower:
        return []
    if LABEL_STARTS.isdisjoint(WORDS.findall(lower)) and "#" not in text:
        return []
    codes: list[Code] = []
    taken = -1
    for label in LABEL.finditer(text):
        category = _category(label)
        code = _code_after(text, label, category == VEHICLE)
        if code is None or code.start < taken:
            continue
        if category is None and PHONE_SHAPE.fullmatch(code.text):
            continue  # "her number: 508-555-0199" is a phone number, found as one
        if category is None:
            before = _clause_start(text, label.start())
            # A bare "card" is a payment card unless its words say an insurance or gym card.
            default = ACCOUNT if label.group().lower() == "card" else OTHER_CODE
            category = context_category(text, label.end(), code.start, "")
            category = category or context_category(text, before, label.start(), default)
        close = ADJACENT.fullmatch(text, label.end(), code.start) is not None
        quoted = QUOTED_WITH.fullmatch(text, label.end(), code.start) is not None
        # The label is quoted with its code when it is short: "MRN 123456", not
        # "transmitter ID 8GM7QK", where the code alone says what to remove.
        short = len(re.sub(r"\W", "", label.group())) <= 2 * len(re.sub(r"\W", "", code.text))
        start = label.start() if quoted and short else code.start
        codes.append(Code(code.start, code.end, category, start, close))
        taken = code.end
    return codes


# A maker's name right after an article, before an unlabelled code: a product's model
# ("a Vortek MX-2210", "the iReliev ET-7070"); a serial or ID has its label instead.
MAKER_BEFORE = re.compile(r"(?:^|[^\w'’])(?:[Tt]he|[Aa]n?)[^\S\n]+[A-Za-z]*[A-Z][A-Za-z]*[^\S\n]+$")


def unlabelled_codes(text: str) -> list[Code]:
    """Codes shaped like nothing else ("FP-0041-2291"), with the category their sentence gives."""
    if "-" not in text:
        return []
    codes = []
    for m in tokens(text):
        if "-" in m.text and strong_code(m.text) and is_code(m.text, text, m.end):
            if MAKER_BEFORE.search(text, max(0, m.start - 40), m.start):
                continue  # "the Acme TX-4410": a model number, which names no one's device
            start = _clause_start(text, m.start, SENTENCE_END)
            category = context_category(text, start, m.start)
            codes.append(Code(m.start, m.end, category, m.start))
    return codes


# A MAC address: six hexadecimal pairs apart by colons or hyphens, one device's own.
MAC = re.compile(r"(?<![\w:-])[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}(?![\w:-])")


# A plate is written after its state's code ("the red van is hers, MA 9KD 340"): in a
# sentence about a vehicle, letters and digits in one to three groups after the state.
STATES = (
    "AL AK AZ AR CA CO CT DC DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
    "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
).replace(" ", "|")
# Two capitals, then the state looked up: one alternation of 51 codes at every position
# is what would make this slow.
STATE_PLATE = re.compile(
    # One group of up to eight too: California's "8BXT512" is written without a space.
    # A state may be its old abbreviation: "Calif. 8BXT512".
    rf"\b(?P<state>[A-Z]{{2}}|(?:{'|'.join(STATE_DOTS)})\.)[^\S\n]+"
    r"(?P<plate>[A-Z0-9]{1,8}(?:[ -][A-Z0-9]{1,4}){0,2})(?![\w-])"
)
STATE_CODES = frozenset(STATES.split("|"))
VEHICLE_WORDS = frozenset(w for w, c in CONTEXT.items() if c == VEHICLE) | frozenset(
    "suv pickup motorbike motorcycle minivan jeep hatchback sedan".split()
)
# A handle (Venmo, Instagram) is one person's own: "@Dot-Kilbride-7", "@jules_t88". Emails
# are blanked before this runs; a handle is told from a mention by a digit or a joint in it.
HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z][A-Za-z0-9_.-]*[A-Za-z0-9](?![\w@-])")


def plate_spans(text: str) -> list[tuple[Span, str]]:
    """(span, VEHICLE) of plates written after a state's code, in a sentence about a vehicle."""
    found = []
    for m in STATE_PLATE.finditer(text):
        if m.group("state") not in STATE_CODES and not m.group("state").endswith("."):
            continue
        plate = m.group("plate")
        letters = sum(c.isalpha() for c in plate)
        digits = sum(c.isdigit() for c in plate)
        if not letters or not digits or not 4 <= letters + digits <= 8:
            continue
        start = _clause_start(text, m.start(), SENTENCE_END)
        words = {w.lower() for w in WORD.findall(text, start, m.start())}
        if words & VEHICLE_WORDS:
            found.append((m.span("plate"), VEHICLE))
    return found


# An aircraft's registration needs no label where its sentence is about a plane: "Her plane,
# N4471K, is a Super Cub" (the FAA's N, a digit, then up to four digits and two letters).
N_NUMBER = re.compile(r"(?<![\w-])N[1-9][0-9]{0,4}[A-Z]{0,2}(?![\w-])")
AIRCRAFT_WORDS = frozenset(
    "plane planes airplane aircraft floatplane seaplane cessna piper cub beaver otter "
    "helicopter glider".split()
)


RESPIRATORS = frozenset({"N100"})


def aircraft_spans(text: str) -> list[tuple[Span, str]]:
    """(span, VEHICLE) of N-numbers in a sentence about an aircraft."""
    found = []
    for m in N_NUMBER.finditer(text):
        start = _clause_start(text, m.start(), SENTENCE_END)
        # The sentence's end within a bounded reach, as its start is: a long line stays linear.
        reach = min(len(text), m.end() + 160)
        stop = SENTENCE_END.search(text, m.end(), reach)
        words = {w.lower() for w in WORD.findall(text, start, stop.start() if stop else reach)}
        # Four characters at least: "N95" and "N99" are masks, never a registration.
        if len(m.group()) >= 4 and m.group() not in RESPIRATORS and words & AIRCRAFT_WORDS:
            found.append((m.span(), VEHICLE))
    return found


def handle_spans(text: str) -> list[tuple[Span, str]]:
    """(span, category) of handles with a digit or a joint, by the words of their sentence."""
    found = []
    for m in HANDLE.finditer(text):
        name = m.group()[1:]
        if any(c.isdigit() for c in name) or any(c in name for c in "-_."):
            start = _clause_start(text, m.start(), SENTENCE_END)
            found.append((m.span(), context_category(text, start, m.start())))
    return found


def code_spans(text: str) -> list[tuple[Span, str]]:
    """(span, category) of every identifying code in `text`, labelled or by shape."""
    found = [((c.quoted_from, c.end), c.category) for c in labelled_codes(text)]
    if "@" in text:
        found += handle_spans(text)
    if " " in text and DIGIT.search(text):
        found += [f for f in plate_spans(text) if not any(_overlap(f[0], g[0]) for g in found)]
    if "N" in text:
        found += [f for f in aircraft_spans(text) if not any(_overlap(f[0], g[0]) for g in found)]
    if text.count(":") >= 5 or text.count("-") >= 5:
        found = [
            f
            for f in found
            if not any(m.start() < f[0][1] and f[0][0] < m.end() for m in MAC.finditer(text))
        ]
        found += [(m.span(), DEVICE) for m in MAC.finditer(text)]
    taken = [span for span, _ in found]
    for c in unlabelled_codes(text):
        if not any(a < c.end and c.start < b for a, b in taken):
            found.append(((c.start, c.end), c.category))
    return sorted(found)


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]
