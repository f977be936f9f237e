"""Email addresses, written out or spelled to dodge filters ('jo dot smith at example dot org').

Runs on text as a reader sees it: `&#64;` and a full-width "＠" are already "@".
"""

from __future__ import annotations

import re

from .spans import Span, match_spans, texts
from .wordlists import COMMON

# The start is anchored (no word character before it), so a long word without
# an @ is read once, not once from every one of its characters.
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# An "@" with spaces around it, as some write to dodge a filter: "jo @ example.org".
SPACED_AT = re.compile(r"(?<![\w.+-])[\w.+-]+[^\S\n]@[^\S\n][\w-]+(?:\.[\w-]+)+")

# Spelled-out addresses: "[at]", "(at)", "{at}" or " at ", and "." or "dot" likewise; in
# Spanish and Portuguese "arroba" (or "@rroba", half written as the sign) and "punto" or
# "ponto"; French "arobase" or "chez" and "point"; German "bei" or "Klammeraffe" and "Punkt";
# Italian "chiocciola"; Dutch "apenstaartje" and "punt"; Polish "małpa" and "kropka"; Czech
# "zavináč" and "tečka"; Swedish "snabel-a" and Danish "punktum"; Russian "sobaka" and
# "tochka", also in Cyrillic; Ukrainian "krapka"; Vietnamese "a còng" and "chấm"; Hungarian
# "kukac" and "pont"; Greek "papaki" and "teleia"; Romanian "arond" and "punct"; Ukrainian
# "ravlyk" and "sobachka", Finnish "ät" (not Finnish
# "piste": a ski run in English and French).
# Words in another script are matched as the text is read: with their look-alike letters
# already Latin ("собака" is read "coбaкa"), so each is listed as seen too (SEEN_AS; a test
# holds them to seen.seen, which is not called here: its confusables data loads slowly).
SEEN_AS = {
    "собака": "co\u0431a\u043aa",
    "παπάκι": "\u03c0a\u03c0\u03ac\u03bai",
    "точка": "\u0442o\u0447\u043aa",
    "крапка": "\u043apa\u043f\u043aa",
    "τελεία": "\u03c4\u03b5\u03bb\u03b5\u03afa",
    "равлик": "pa\u0432\u043b\u0438\u043a",
    "собачка": "co\u0431a\u0447\u043aa",
}
AT = (
    r"(?:at|arroba|@rroba|arobase|chez|bei|klammeraffe|chiocciola|apenstaartje|małpa|malpa|"
    r"zavináč|zavinac|snabel-a|sobaka|собака|a[^\S\n]+còng|a[^\S\n]+cong|a[^\S\n]+móc|kukac|"
    rf"papaki|παπάκι|arond|ät|равлик|собачка|{SEEN_AS['собака']}|{SEEN_AS['παπάκι']}|"
    rf"{SEEN_AS['равлик']}|{SEEN_AS['собачка']})"
)
DOT = (
    r"(?:dot|punto|ponto|point|punkt|punktum|punt|kropka|tečka|tecka|tochka|точка|крапка|"
    rf"krapka|chấm|pont|punct|teleia|τελεία|{SEEN_AS['точка']}|{SEEN_AS['крапка']}|"
    rf"{SEEN_AS['τελεία']})"
)
AT_WORD = rf"(?:[^\S\n]*[\[({{<][^\S\n]*{AT}[^\S\n]*[\])}}>][^\S\n]*|[^\S\n]+{AT}[^\S\n]+)"
DOT_WORD = rf"(?:[^\S\n]*[\[({{<][^\S\n]*{DOT}[^\S\n]*[\])}}>][^\S\n]*|[^\S\n]+{DOT}[^\S\n]+|\.)"
# What says "address" by itself: a bracketed word, or "arroba", which is no English word.
BRACKETED = re.compile(
    rf"[\[({{<][^\S\n]*(?:{AT}|{DOT})[^\S\n]*[\])}}>]|(?:\ba|@)rroba\b|"
    r"\b(?:arobase|klammeraffe|chiocciola|apenstaartje|małpa|malpa|zavináč|zavinac|snabel-a|"
    rf"sobaka|собака|kukac|papaki|παπάκι|arond|a[^\S\n]+còng|равлик|собачка|{SEEN_AS['собака']}|"
    rf"{SEEN_AS['παπάκι']}|{SEEN_AS['равлик']}|{SEEN_AS['собачка']})\b",
    re.IGNORECASE,
)
LABEL = r"[A-Za-z0-9](?:[\w+-]{0,62}[A-Za-z0-9])?"
SPELLED = re.compile(
    rf"(?<![\w.+-])(?P<local>{LABEL}(?:{DOT_WORD}{LABEL}){{0,4}}){AT_WORD}"
    rf"(?P<domain>{LABEL}(?:{DOT_WORD}{LABEL}){{1,4}})(?![\w-])",
    re.IGNORECASE,
)
# The last part of a spelled domain must be a top-level domain, or " at " in prose
# ("she arrived at home dot") would be read as an address.
TOP_LEVEL = frozenset(
    "com org net edu gov mil int io co uk us ca au nz ie de fr es it nl be ch at se no dk fi "
    "info biz me tv app dev email mail health example test local pl ru cz sk br mx ar jp cn "
    "in kr tr gr pt ua hu ro fi vn gh ng ke za".split()
)
# Mail providers: their domain after a plain " at " is an address, not a place one is at.
MAIL_HOSTS = frozenset(
    "gmail googlemail yahoo ymail hotmail outlook live msn icloud me mac aol comcast verizon "
    "att sbcglobal protonmail proton gmx mail zoho fastmail hey yandex btinternet".split()
)
SPELLED_DOT = re.compile(rf"{DOT_WORD}", re.IGNORECASE)
DOTTED_LOCAL = re.compile(r"[^\W_][._+][^\W_]|[A-Za-z]\d|\d[A-Za-z]")
SPOKEN_DOT = re.compile(rf"[^\S\n]{DOT}[^\S\n]", re.IGNORECASE)
# The words for "at" besides "at" itself, each a reason to read a line for a spelled address.
OTHER_ATS = (
    "rroba", "arobase", "chez", "bei", "klammeraffe", "chiocciola", "apenstaartje", "małpa",
    "malpa", "zavináč", "zavinac", "snabel-a", "sobaka", "собака", "còng", "cong", "móc",
    "kukac", "papaki", "παπάκι", "arond", SEEN_AS["собака"].lower(),
    SEEN_AS["παπάκι"].lower(), " ät ", SEEN_AS["равлик"].lower(), SEEN_AS["собачка"].lower(),
)  # fmt: skip


def _spelled(text: str) -> list[Span]:
    """Spans of addresses spelled with 'at' and 'dot'."""
    lower = text.lower()
    if (
        " at " not in lower
        and "at]" not in lower
        and "at)" not in lower
        and "at}" not in lower
        and not any(word in lower for word in OTHER_ATS)
    ):
        return []
    spans = []
    at = 0
    while (m := SPELLED.search(text, at)) is not None:
        parts = SPELLED_DOT.split(m.group("domain"))
        top = parts[-1].lower()
        # A bracketed [at] says "address"; a plain " at " only with a spelled " dot "
        # or a mail provider's domain ("jdoe at gmail.com"): "find us at example.org"
        # is a web address in a sentence, not an email.
        mail_host = parts[0].lower() in MAIL_HOSTS
        # A local part with a dot, an underscore, a plus or a digit is a mailbox's, not
        # prose's: "guidry.clovis at example.org".
        dotted = DOTTED_LOCAL.search(m.group("local")) is not None
        spelled = BRACKETED.search(m.group()) or SPOKEN_DOT.search(m.group()) or mail_host or dotted
        # "we met at home dot com": an everyday word before a plain " at " is prose.
        everyday = not BRACKETED.search(m.group()) and m.group("local").lower() in COMMON
        if top in TOP_LEVEL and spelled and not everyday:
            spans.append(m.span())
            at = m.end()
        else:
            # "reach her at jane dot doe at gmail dot com": the first " at " was prose,
            # and the address may start where this try's domain did.
            at = m.start("domain")
    return spans


def email_spans(text: str) -> list[Span]:
    """Spans of email addresses, written out or spelled."""
    found = match_spans(EMAIL, text) if "@" in text else []
    if "@" in text:
        found += [s for s in match_spans(SPACED_AT, text) if not _inside(s, found)]
    found += [s for s in _spelled(text) if not _inside(s, found)]
    return sorted(found)


def _inside(span: Span, spans: list[Span]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)


def emails(text: str) -> list[str]:
    """Email addresses, written out or spelled."""
    return texts(text, email_spans(text))
