"""Full names and pseudonyms: capitalised word runs that are not terms or common words."""

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from .findings import Finding, finding
from .spans import Span, blank
from .wordlists import (
    ANATOMY,
    COMMON,
    FIRST_NAMES,
    GIVEN_NAMES,
    HEAD_NOUNS,
    MONTHS_AND_DAYS,
    ORGANISATIONS,
    PUBLIC_FIGURES,
    TERMS,
    TITLES,
)

# Latin Extended-A (Polish, Czech, Turkish, ... "Szymańska", "Łukasz") holds capitals and
# small letters in turn: it is in both, so such a name is one word, not broken at "ń". So do
# Extended-B and Extended Additional, Vietnamese's letters ("Nguyễn", "Phạm", "Trương").
# Cyrillic and Greek keep their capitals apart: a name written in them ("Михаил Белозерский")
# is capitalised words as a Latin one is.
UPPER = "A-ZÀ-ÖØ-ÞĀ-ſƀ-ɏḀ-ỿЀ-ЯΆ-Ϋ"
LOWER = "a-zß-öø-ÿĀ-ſƀ-ɏḀ-ỿа-џά-ώ"
# "Krystal S.", "Mary-Jo K.", and a Korean given name's two syllables, "Ji-woo B.".
PSEUDONYM = re.compile(rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}]?[{LOWER}]+)? [{UPPER}]\.")


def pseudonym(client: str, line: int = 0) -> Finding | None:
    """A finding unless `client` is a pseudonym like 'Krystal S.' or 'Mary-Ann K.'."""
    if PSEUDONYM.fullmatch(client.strip()):
        return None
    return finding(line, "pseudonym", client.strip())


# A run: two or more words with a capital first letter, apart by spaces only.
# Anchored at a word start, so a 200 KB capitalised word is read once.
RUN = re.compile(
    rf"(?<![\w.-])(?<!\w['’])[{UPPER}][\w'’-]*\.?(?:[ \t\u00a0]+[{UPPER}][\w'’-]*\.?)+"
)
# A word ends in a letter or digit: the quote of 'Mary Smith' is not part of it.
TOKEN = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?\.?")
CAPITALISED = re.compile(
    rf"(?:[{UPPER}][{LOWER}]*)(?:[{UPPER}][{LOWER}]+)*(?:[-'’][{UPPER}{LOWER}][{LOWER}]*)*\.?"
)
INITIAL = re.compile(rf"[{UPPER}]\.")
POSSESSIVE = re.compile(r"['’]s$")


@lru_cache(maxsize=8192)
def base(word: str) -> str:
    """A word as looked up in the lists: no dot, no possessive, lower case, no accents."""
    word = POSSESSIVE.sub("", word.rstrip(".")).lower()
    if word.isascii():
        return word
    # The lists are written in plain letters: "André", "Renée" and "Tomás" are listed names.
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


@lru_cache(maxsize=8192)
def listed(words: frozenset[str], word: str) -> bool:
    """Whether `word`, or each part of it when hyphenated, or its singular is listed."""
    if not word.isascii() and any(
        unicodedata.combining(c) for c in unicodedata.normalize("NFD", word)
    ):
        # An accented word is no English plural: "Inès" is not "in" + "es".
        return all(part in words for part in base(word).split("-"))
    return all(
        part in words or part.removesuffix("s") in words or _es_plural(part, words)
        for part in base(word).split("-")
    )


# English adds "-es" after a hiss or an o ("boxes", "churches", "heroes"), never after "n":
# "Ines" is no plural of "in".
ES_AFTER = ("s", "x", "z", "ch", "sh", "o")


def _es_plural(word: str, words: frozenset[str]) -> bool:
    stem = word.removesuffix("es")
    return stem != word and stem.endswith(ES_AFTER) and stem in words


@lru_cache(maxsize=4096)
def label(token: str) -> str:
    """T title, I initial, C common word, E exempt term, W other capitalised word, O other."""
    if base(token) in TITLES and (token.endswith(".") or token[0].isupper()):
        return "T"
    if INITIAL.fullmatch(token):
        return "I"
    if not CAPITALISED.fullmatch(token):
        return "O"
    if listed(ANATOMY, token) or listed(MONTHS_AND_DAYS, token) or listed(HEAD_NOUNS, token):
        return "E"
    if listed(COMMON, token):
        return "C"
    return "W"


def _runs(text: str, start: int, end: int) -> Iterator[list[re.Match[str]]]:
    """Runs of capitalised words, titles and initials in text[start:end]."""
    run: list[re.Match[str]] = []
    for m in TOKEN.finditer(text, start, end):
        capitalised = label(m.group()) != "O"
        # A full stop ends the run unless it belongs to a title or an initial.
        previous = run[-1].group() if run else ""
        joined = run and (not previous.endswith(".") or label(previous) in "TI")
        if capitalised and joined:
            run.append(m)
            continue
        if len(run) > 1:
            yield run
        run = [m] if capitalised else []
    if len(run) > 1:
        yield run


def _labels(run: list[re.Match[str]]) -> list[str]:
    """The label of each token of a run, in the light of its neighbours."""
    labels = [label(m.group()) for m in run]
    heads = [i for i, m in enumerate(run) if labels[i] in "CEW" and listed(HEAD_NOUNS, m.group())]
    if heads:
        labels[: heads[-1] + 1] = ["E"] * (heads[-1] + 1)
    for i in range(len(run) - 1):
        # A common word that is a given name, before an unknown word: "Will Price".
        given, next_given = (base(m.group()) in FIRST_NAMES for m in run[i : i + 2])
        if labels[i : i + 2] == ["C", "W"] and given and not next_given:
            labels[i] = "W"
    return labels


def _is_name_shape(shape: str) -> bool:
    """Two unknown capitalised words, or an initial before one: not 'Krystal S.' or 'K. S.'."""
    return shape.count("W") >= 2 or "IW" in shape


def _name_start(
    run: list[re.Match[str]], labels: list[str], i: int, j: int, heading: bool
) -> int | None:
    """Where a full name starts in run[i:j], a stretch of W and I tokens, if it holds one."""
    if not _is_name_shape("".join(labels[i:j])):
        return None
    # The shape of what follows each token, counted once from the end: a long run
    # of capitalised words is read in one pass, not once from each of its words.
    w_after, iw_after = [0] * (j - i), [False] * (j - i)
    for x in range(j - i - 2, -1, -1):
        k = i + x + 1
        w_after[x] = w_after[x + 1] + (labels[k] == "W")
        iw_after[x] = iw_after[x + 1] or (labels[k] == "I" and k + 1 < j and labels[k + 1] == "W")
    for x, k in enumerate(range(i, j)):
        if labels[k] == "I" or base(run[k].group()) in FIRST_NAMES:
            return k
        # In a Title Case heading every word is capitalised: only an initial or
        # a known given name says "person". In prose, keep the given name of
        # "Dana M. Henderson" but drop the verb of "Treating Mary Smith".
        if heading and not (w_after[x] >= 2 or iw_after[x]):
            return None
        if not heading and w_after[x] < 2:
            return k
    return None


def _name_spans(run: list[re.Match[str]], heading: bool) -> Iterator[Span]:
    """(start, end) of each full name in one run of capitalised tokens."""
    labels = _labels(run)
    i = 0
    while i < len(run):
        if labels[i] == "T" and i + 1 < len(run) and labels[i + 1] in "CWI":
            j = i + 2  # a title makes a name of whatever follows: Dr. Long, Dr. J. Smith
        elif labels[i] in "WI":
            j = i
        else:
            i += 1
            continue
        while j < len(run) and labels[j] in "WI":
            j += 1
        start = i if labels[i] == "T" else _name_start(run, labels, i, j, heading)
        if start is not None:
            last = run[j - 1]
            word = last.group()
            full_stop = labels[j - 1] != "I" and word.endswith(".")
            possessive = 2 if POSSESSIVE.search(word.rstrip(".")) else 0
            yield run[start].start(), last.end() - full_stop - possessive
        i = j


def name_spans(
    text: str, start: int = 0, end: int | None = None, heading: bool = False
) -> Iterator[Span]:
    """Spans of full names in text[start:end], a text whose known phrases are masked."""
    end = len(text) if end is None else end
    nicknamed = _nicknamed(text, start, end) if NICK_QUOTES.search(text, start, end) else []
    yield from nicknamed
    for candidate in RUN.finditer(text, start, end):
        for run in _runs(text, *candidate.span()):
            for span in _name_spans(run, heading):
                if not any(span[0] < b and a < span[1] for a, b in nicknamed):
                    yield span


# A nickname in quotes between a given name and a family name: 'Gwendolyn "Wren" Halvorsen'.
NICK_QUOTES = re.compile(r"[\"“‘']")
NICKNAMED = re.compile(
    rf"(?<![\w'’-])(?P<given>[{UPPER}][{LOWER}]+)[ \t]+"
    rf"[\"“‘'](?P<nick>[{UPPER}][{LOWER}]+)[\"”’'][ \t]+(?P<family>[{UPPER}][\w'’-]*[^\W\d_])"
)


def _nicknamed(text: str, start: int, end: int) -> list[Span]:
    """Spans of full names with a quoted nickname between their two parts."""
    spans = []
    for m in NICKNAMED.finditer(text, start, end):
        given, family = m.group("given"), m.group("family")
        # A known given name, or two unknown words around it: 'Chapter "Pain" Basics' is none.
        unknown = label(given) == "W" and label(m.group("nick")) == "W"
        if base(given) not in GIVEN and not unknown:
            continue
        if label(family) == "W":
            spans.append((m.start(), m.end() - (2 if POSSESSIVE.search(family) else 0)))
    return spans


PLURAL = r"(?:['’]?s|es)?"
# An allowed phrase or condition name longer than this is no term (the rule book reports
# such a name); left out of the pattern, it cannot make the trie thousands of levels deep.
MAX_PHRASE = 200
BRACKETED = re.compile(r"\([^)]*\)")
END = ""


def _trie(node: dict[str, Any], suffix: str) -> str:
    """The alternation for one node of a character trie, sharing common prefixes."""
    alternatives = [
        re.escape(char) + _trie(child, suffix)
        for char, child in sorted(node.items())
        if char not in (END, " ")
    ]
    tails = [r"\s+" + _trie(node[" "], suffix)] if " " in node else []
    if END in node:
        tails.append("")
    if tails:
        alternatives.append(suffix + ("(?:" + "|".join(tails) + ")" if tails != [""] else ""))
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


@lru_cache(maxsize=64)
def phrase_pattern(phrases: tuple[str, ...], literal: bool = False) -> re.Pattern[str] | None:
    """One case-insensitive pattern for `phrases`, tolerant of line breaks and, unless
    `literal`, of plurals, and without a part in brackets: "Restless leg syndrome (RLS)".

    The phrases share one character trie, so each position of a text is tried
    against a few first letters, not against every phrase.
    """
    root: dict[str, Any] = {}
    for phrase in phrases:
        words = (phrase if literal else BRACKETED.sub(" ", phrase)).lower().split()
        if not words or len(phrase) > MAX_PHRASE:
            continue  # no term is that long; the trie's depth is a phrase's length
        node = root
        for char in " ".join(words):
            node = node.setdefault(char, {})
        node[END] = {}
    if not root:
        return None
    body = _trie(root, "" if literal else PLURAL)
    return re.compile(r"(?<![\w-])" + body + r"(?![\w-])", re.IGNORECASE)


# Terms of the trade, the field's public figures and the organisations a site names.
BUILT_IN = tuple(TERMS + PUBLIC_FIGURES + ORGANISATIONS)


def mask_phrases(text: str, phrases: Iterable[str]) -> str:
    """`text` with the built-in terms, public figures, organisations and `phrases` masked."""
    return masked(text, tuple(phrases))[0]


def masked(text: str, phrases: tuple[str, ...]) -> tuple[str, list[Span]]:
    """`text` with the built-in terms and `phrases` masked by x's, and the spans masked.

    Only lines with a capital letter are searched: a masked phrase matters to the name
    and place detectors alone, which need one.
    """
    pattern = phrase_pattern(phrases + BUILT_IN)
    if pattern is None:
        return text, []
    spans: list[Span] = []
    offset = 0
    for line in text.split("\n"):
        if CAPITAL.search(line):
            spans += [
                (offset + a, offset + b) for a, b in (m.span() for m in pattern.finditer(line))
            ]
        offset += len(line) + 1
    return (blank(text, spans, "x") if spans else text), spans


CAPITAL = re.compile(rf"[{UPPER}]")


def names(
    text: str,
    *,
    heading: bool = False,
    known: re.Pattern[str] | None = None,
    limit: int | None = None,
) -> list[str]:
    """Full names: capitalised word runs that are not terms, common words or pseudonyms.

    `known` masks condition names and allowed phrases; names starting at or
    after `limit` belong to the next line and are left to it.
    """
    spans = [m.span() for m in known.finditer(text)] if known is not None else []
    text = blank(mask_phrases(text, ()), spans, "x")
    limit = len(text) if limit is None else limit
    return [text[s:e] for s, e in name_spans(text, heading=heading) if s < limit]


# "Moraska AF", "Butryn N": a surname and initials without dots is how a reference
# list names an author; nobody writes a client's name that way.
CITED_SHAPE = re.compile(rf"[{UPPER}][\w'’-]+[ \t\u00a0]+[A-Z]{{1,3}}")


def cited_shape(name: str) -> bool:
    """Whether a name is written as a reference list writes an author: 'Lucas N'."""
    return CITED_SHAPE.fullmatch(name) is not None


def surname(name: str) -> str:
    """The last word of a name, as looked up: 'Codman' of 'Ernest Amory Codman'."""
    words = [w for w in TOKEN.findall(name) if not INITIAL.fullmatch(w)]
    return base(words[-1]) if words else ""


GIVEN = FIRST_NAMES | GIVEN_NAMES
NOT_SURNAME = COMMON | ANATOMY | HEAD_NOUNS | MONTHS_AND_DAYS
