"""Slugs, redirect addresses and file names: identifiers in the URLs readers see.

A slug is lower-case words joined by hyphens. A known given name followed by a
surname-like word (john-smith-neck-pain) is a full name; a given name and an
initial (krystal-s, sciatica-and-low-back-pain-dana-m) is a pseudonym.
"""

import re
from functools import lru_cache
from pathlib import PurePosixPath
from urllib.parse import unquote

from .ages import age_spans
from .dates import date_spans
from .findings import Finding, address_finding, finding
from .links import url_identifier
from .lowernames import name_words
from .people import BUILT_IN, phrase_pattern
from .phones import phone_spans
from .placenames import word_places
from .spans import blank
from .wordlists import ANATOMY, COMMON, FIRST_NAMES, GIVEN_NAMES, HEAD_NOUNS, MONTHS_AND_DAYS

WORD = re.compile(r"[a-z]+")
SEPARATORS = re.compile(r"[-_.~+]")
# Given names that are everyday words too: in a slug nothing shows which is meant.
EVERYDAY_GIVEN = (
    COMMON
    | MONTHS_AND_DAYS
    | frozenset(
        "hope faith joy pat art sue gene dawn eve ray don guy max bill frank mark rose grace "
        "jack will may june april ruth".split()
    )
)
SLUG_GIVEN = (FIRST_NAMES | GIVEN_NAMES) - EVERYDAY_GIVEN
# Words a slug uses that are never a surname.
NOT_SURNAMES = COMMON | ANATOMY | HEAD_NOUNS | MONTHS_AND_DAYS | FIRST_NAMES | GIVEN_NAMES
LEADING_LETTER = re.compile(r"\b[a-z]")
WORD_HYPHEN = re.compile(r"(?<=[a-z])[-_.~+]|[-_.~+](?=[a-z])")


@lru_cache(maxsize=16)
def _slug_pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for the built-in terms and the condition terms, as a slug spells them."""
    return phrase_pattern(BUILT_IN + tuple(SEPARATORS.sub(" ", t.lower()) for t in terms))


def _masked(spaced: str, terms: tuple[str, ...]) -> str:
    """A spaced slug with the built-in terms and the condition terms masked by zeros."""
    pattern = _slug_pattern(terms)
    return blank(spaced, [m.span() for m in pattern.finditer(spaced)], "0") if pattern else spaced


def _names(masked: str) -> list[tuple[int, int]]:
    """Spans of a known given name followed by a surname-like word, in a masked slug."""
    tokens = list(WORD.finditer(masked))
    spans = []
    for given, surname in zip(tokens, tokens[1:], strict=False):
        adjacent = surname.start() - given.end() == 1
        first, last = given.group(), surname.group()
        if adjacent and first in SLUG_GIVEN and len(last) > 1 and last not in NOT_SURNAMES:
            spans.append((given.start(), surname.end()))
    return spans


def _places(spaced: str) -> list[tuple[int, int]]:
    """Spans of place names among the words of a spaced slug."""
    tokens = list(WORD.finditer(spaced))
    words = [t.group() for t in tokens]
    return [(tokens[i].start(), tokens[j - 1].end()) for i, j in word_places(words)]


NUMBER = re.compile(r"\d+(?:st|nd|rd|th)?")
DIGIT = re.compile(r"\d")


def _number_of(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The number within an age's span, or the span itself (an age in words)."""
    number = NUMBER.search(text, *span)
    return number.span() if number else span


def address_findings(
    address: str, line: int, where: str, terms: tuple[str, ...] = ()
) -> list[Finding]:
    """Names, places, phone numbers, day-level dates and ages over 89 in one slug or file name.

    `terms` (condition names) are no name or place: a condition file is named for its
    condition ("osgood-schlatter-disease").
    """
    lower = address.lower()
    spaced = _masked(SEPARATORS.sub(" ", lower), terms)
    # Numbers keep their hyphens (2009-06-18, 508-555-0100); words lose them.
    numeric = WORD_HYPHEN.sub(" ", lower)
    # Dates in words need their capitals back: "june 18" is "June 18".
    capitalised = LEADING_LETTER.sub(lambda m: m.group().upper(), spaced)
    digits = DIGIT.search(lower) is not None
    found = [("phone", span) for span in phone_spans(numeric)] if digits else []
    taken = [span for _kind, span in found]
    dates = date_spans(numeric, alone=False) if digits else []
    dates += date_spans(capitalised, alone=False)
    found += [("date", s) for s in dates if not any(s[0] < e and b < s[1] for b, e in taken)]
    # In an address the number is what to rename: 'edith-m-turns-95' shows '95'.
    ages = [_number_of(spaced, s) for s in age_spans(spaced)] if digits or "ninet" in lower else []
    found += [("age", s) for s in ages if not any(s[0] < e and b < s[1] for b, e in taken)]
    names = _names(spaced)
    found += [("name", span) for span in names]
    found += [
        ("place", (s, e)) for s, e in _places(spaced) if not any(s < b and a < e for a, b in names)
    ]
    seen, findings = set(), []
    for kind, (start, end) in sorted(found, key=lambda item: item[1]):
        text = address[start:end]
        if (kind, text) not in seen:
            seen.add((kind, text))
            findings.append(address_finding(line, kind, text, where, address))
    return findings


def lint_slug(slug: str, line: int, terms: tuple[str, ...] = ()) -> list[Finding]:
    """Full names, places, phone numbers, day-level dates and ages in a post's slug."""
    return address_findings(slug.strip(), line, "slug", terms)


def client_in_slug(slug: str, line: int, clients: list[str]) -> list[Finding]:
    """The full name a client's pseudonym abbreviates, spelled out in the slug."""
    # 'Mikhail B.' and '...-mikhail-belozersky': the given name, then a word starting with
    # the initial, is the name the initial stands for, known given name or not.
    words = [w for w in SEPARATORS.split(slug.strip().lower()) if w]
    found = []
    for client in clients:
        parts = client.lower().replace(".", " ").split()
        if len(parts) != 2 or len(parts[1]) != 1:
            continue  # not a pseudonym of a given name and an initial
        given, initial = parts
        for first, last in zip(words, words[1:], strict=False):
            named = first == given and last.startswith(initial) and last not in NOT_SURNAMES
            # A verb or an adverb after the name ("dana-bakes-bread") is no surname.
            if named and name_words(last):
                text = f"{first}-{last}"
                found.append(address_finding(line, "name", text, "slug", slug.strip()))
    return found


def lint_path(relpath: str, terms: tuple[str, ...] = ()) -> list[Finding]:
    """Identifiers in a file name a reader sees in a URL (images/jane-doe-xray.jpg), on line 0."""
    path = PurePosixPath(relpath.replace("\\", "/"))
    parts = [*path.parent.parts, path.stem if path.suffix else path.name]
    return [
        finding
        for part in parts
        if part not in ("/", ".", "..")
        for finding in address_findings(part, 0, "file name", terms)
    ]


# Old WordPress addresses keep the publication date as folders (/2009/06/18/slug/):
# the date a post went out is public, so all-digit folders are not read as dates.
NUMBER_FOLDER = re.compile(r"\d+")


def lint_redirect(address: str, line: int) -> list[Finding]:
    """Identifiers in an old address kept by redirect_from, such as /2009/06/18/old-slug/."""
    path, _, query = address.partition("?")
    findings = [
        finding
        for part in unquote(path).split("/")
        if part and not NUMBER_FOLDER.fullmatch(part)
        for finding in address_findings(part, line, "redirect_from address")
    ]
    if query and url_identifier("http://x/?" + query):
        findings.append(finding(line, "url", address))
    return findings
