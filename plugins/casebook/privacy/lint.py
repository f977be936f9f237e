"""The whole lint of one content file: every text a reader sees, as a reader sees it, by line."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from functools import lru_cache

from ..content.source import Source, parse
from . import (
    context,
    links,
    lowernames,
    people,
    placekinds,
    placenames,
    public_codes,
    scripts,
    slugs,
    things,
    whose,
)
from .ages import born_spans
from .document import TITLE_WORD, Document, read, title_case
from .emails import email_spans
from .findings import AGES, EMAIL, IP, URL, Finding, Hit, finding
from .ip import ip_spans
from .patterns import has_shape, shaped
from .seen import seen
from .spans import Span, Taken, blank
from .spelled import spelled_hits
from .targets import target_findings
from .unlisted import (
    KIND_WORDS,
    REGION_WORDS,
    WITHIN_STATE_WORDS,
    before_region_spans,
    kind_list_spans,
    unlisted_place_spans,
    within_state_spans,
)
from .wordlists import COMMON, ORGANISATIONS, PUBLIC_FIGURES

LANDMARK_REASON = (
    "a named local landmark (a pond, a trail, a park) can place a client; say 'a local trail' "
    "unless it is public and far from anyone's home"
)
ORGANISATION_NAMES = frozenset(" ".join(o.lower().split()) for o in ORGANISATIONS)
IN_BETWEEN = re.compile(r"[^\S\n]+(?:in|at)[^\S\n]+")
FIGURES = frozenset(" ".join(f.lower().split()) for f in PUBLIC_FIGURES)

UPPER = re.compile(r"[^\W\d_a-zß-ÿ]")
WORD = re.compile(r"[a-z]+")
# Bold text, as Markdown writes it: "**Doorway Pec Stretch**", "__Heat Versus Ice__".
# The inside never holds the marker: an unclosed "**" fails at the next one, not at the
# line's end, so a line of thousands of them is read once.
BOLD = re.compile(r"(\*\*|__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1")
BOLD_SMALL = frozenset("a an the of for and or to in on at with vs versus that your".split())
NAMING_WORDS = frozenset("from by with dear thanks meet about and".split())
# First names a host or path may start with ("denisebakes.example.com" is Denise's site).
GIVEN_NOT_COMMON = people.GIVEN - COMMON
# The words one of the context detectors needs before it is worth running on a file.
LOWER_NAME_WORDS = frozenset(
    "named called husband wife son daughter mother father mum mom dad brother sister aunt uncle "
    "niece nephew cousin grandson granddaughter grandmother grandfather partner friend neighbour "
    "neighbor roommate colleague boss manager supervisor carer caregiver boyfriend girlfriend "
    "fianc flatmate coworker co worker stepson stepdaughter stepmother stepfather grandchild kid "
    "child baby twin".split()
)
COUNTY_WORDS = frozenset("county parish court".split())
FAMILY_WORDS = frozenset("family families household twins kids children clan".split())
# Plurals too: "my sons Tomas and Eli".
LOWER_NAME_WORDS |= frozenset(w + "s" for w in LOWER_NAME_WORDS)
# "my client maria gonzales": a lower-case pair after these, not one given name alone.
CLIENT_WORDS = frozenset("client patient customer".split())
LOWER_PLACE_WORDS = frozenset(
    "live lives lived living grew born raised moved moving relocated commute commutes commuted "
    "commuting drive drives drove driven driving came comes coming visit visits visited visiting "
    "travel travels traveled travelled traveling travelling got headed heading stay stays stayed "
    "work works worked originally hail hails home hometown past outside retired settled resides "
    "resided arrive arrives arrived arriving flew flies flying flown taken address near "
    "beyond emigrated immigrated fled".split()
)
OLD_YEAR_HINT = re.compile(r"1[5-9]\d\d")


def _by_line(
    text: str, wanted: Callable[[str], bool], change: Callable[[int, str], tuple[list[Hit], str]]
) -> tuple[list[Hit], str]:
    """Run `change` on each line of `text` that is `wanted`, offsetting what it finds.

    No pattern crosses a newline, so a line is the smallest text each can run on.
    """
    found: list[Hit] = []
    pieces, offset = [], 0
    for line in text.split("\n"):
        if wanted(line):
            hits, line = change(offset, line)
            found += [
                Hit(h.start + offset, h.end + offset, h.kind, h.category, h.reason) for h in hits
            ]
        pieces.append(line)
        offset += len(line) + 1
    return found, "\n".join(pieces)


@lru_cache(maxsize=16)
def _phrases(allowed: tuple[str, ...]) -> tuple[str, ...]:
    """Allowed phrases as a reader sees them, empty ones left out (once per list of them)."""
    return tuple(seen(a).strip() for a in allowed if a and a.strip())


@lru_cache(maxsize=16)
def _terms(terms: tuple[str, ...]) -> tuple[str, ...]:
    """Condition terms, empty ones left out (once per list of them)."""
    return tuple(t for t in terms if t and t.strip())


@lru_cache(maxsize=64)
def _masks(terms: tuple[str, ...]) -> tuple[str, ...]:
    """The condition terms that may mask text: those that name no person or place themselves.

    A term is text a reader sees too; "Bus driver's hip (Doreen Castellano series)" masks
    nothing, or it would hide the client's name wherever it stands.
    """
    kept = []
    for term in terms:
        masked = people.mask_phrases(term, ())
        if any(True for _ in people.name_spans(masked)) or any(
            True for _ in placenames.place_spans(masked)
        ):
            continue
        kept.append(term)
    return tuple(kept)


def _inside(span: Span, spans: list[Span]) -> bool:
    """Whether a span overlaps any of `spans`."""
    return any(span[0] < b and a < span[1] for a, b in spans)


DIGIT = re.compile(r"\d")


class _Lint:
    """One file's lint: its Document, what may silence a finding, and what was found."""

    def __init__(self, doc: Document, allowed: tuple[str, ...], known: tuple[str, ...],
                 own_sites: tuple[str, ...], terms: tuple[str, ...]):  # fmt: skip
        self.doc = doc
        self.allowed = allowed
        self.known = known
        self.own_sites = own_sites
        self.signals = context.Signals(eponyms=context.eponyms(doc.seen, terms))
        self.signals.leads = context.lead_ins(doc.blocks, doc.seen)
        self.signals.famous = context.famous_lists(doc.blocks, self.signals.leads)
        old = OLD_YEAR_HINT.search(doc.seen) is not None
        self.signals.history = old and len(context.OLD_YEAR.findall(doc.seen)) >= 2
        self.signals.case, self.signals.text = bool(doc.clients), doc.seen
        self.hits: list[Hit] = []
        self.plain_urls: list[Span] = []
        self.bold: dict[int, list[Span]] = {}  # bold phrases of each line, by where it starts
        self.masked: list[Span] = []

    def run(self) -> list[Finding]:
        work = self.doc.seen
        view, masked = people.masked(work, self.known) if UPPER.search(work) else (work, [])
        self.masked = masked
        # The field's public figures this file names: "Kennedy" after them is no town.
        for start, end in masked:
            phrase = " ".join(work[start:end].lower().split()).removesuffix("'s").removesuffix("’s")
            if phrase in FIGURES:
                self.signals.public |= whose.words_of(phrase)
                self.signals.figures.append(start)
        self.signals.name_words |= self.signals.public
        work = self._web(work)
        spans = email_spans(work)
        self.hits += [Hit(s, e, "email", EMAIL) for s, e in spans]
        work = blank(work, spans)
        spans = ip_spans(work)
        self.hits += [Hit(s, e, "ip", IP) for s, e in spans]
        work = blank(work, spans + public_codes.spans(work))
        found, work = _by_line(work, has_shape, self._shaped)
        self.hits += [h for h in (self._dated(h) for h in found) if h is not None]
        self.hits += [Hit(s, e, "age", AGES) for s, e in born_spans(work, self.doc.year)]
        # After the chain, which reads an SSN or a phone a digit at a time as its own.
        self.hits += spelled_hits(work)  # "m a r i c e l  d e l a  c r u z", "P V 1 1 8 8"
        # The names view: the masked text, with what the shaped detectors took blanked too.
        taken = [(h.start, h.end) for h in self.hits]
        self._names_and_places(blank(view, taken) if taken else view)
        self._named_urls()
        return self._findings()

    def _web(self, work: str) -> str:
        """URLs written out in the text: an identifier in one is a finding; all are blanked."""
        spans = links.url_spans(work)
        given = GIVEN_NOT_COMMON
        for start, end in spans:
            url = work[start:end]
            reason = links.url_identifier(url, self.own_sites, given)
            if reason or (links.called_own(work, start) and not self._own(url)):
                self.hits.append(Hit(start, end, "url", URL))
            else:
                self.plain_urls.append((start, end))
        hosts = [s for s in links.host_spans(work) if not _inside(s, spans)]
        for start, end in hosts:
            host = work[start:end]
            if self._own(host):
                continue
            if links.named_host(host, given):
                self.hits.append(Hit(start, end, "url", URL))
            else:
                self.plain_urls.append((start, end))
        # Hosts stay: "pnolan [at] example.org" is an email the next detector reads whole.
        return blank(work, spans)

    def _named_urls(self) -> None:
        """Plain URLs that carry a word of a full name this file names: the son's bakery site
        "haddad-bakery.example.com/our-family" beside "Fadi Haddad"."""
        seen = self.doc.seen
        words = {
            w
            for h in self.hits
            if h.kind == "name"
            for w in WORD.findall(seen[h.start : h.end].lower())
            if len(w) > 3 and w not in COMMON
        }
        for start, end in self.plain_urls if words else ():
            url = seen[start:end]
            inside = links.url_words(url)
            if not self._own(url) and any(w in part for w in words for part in inside):
                self.hits.append(Hit(start, end, "url", URL))

    def _own(self, url: str) -> bool:
        host = links.host(url)
        return any(host == s or host.endswith("." + s) for s in self.own_sites)

    def _shaped(self, offset: int, line: str) -> tuple[list[Hit], str]:
        block = self.doc.block(offset)
        return shaped(line, block.header if block.kind == "table" else ())

    def _dated(self, hit: Hit) -> Hit | None:
        """A date as its context leaves it: kept, made a warning, or dropped."""
        if hit.kind == "age":  # "Travell worked into her nineties": a public figure's age
            return None if whose.figures_age(self.doc.seen, hit.start, self.signals) else hit
        if hit.kind != "date":
            return hit
        block = self.doc.block(hit.start)
        verdict = whose.date_verdict(self.doc.seen, hit.start, hit.end, block, self.signals)
        if verdict.level == whose.NONE:
            return None
        return Hit(hit.start, hit.end, hit.kind, hit.category, verdict.reason)

    def _names_and_places(self, view: str) -> None:
        """Full names, then places not inside a name, judged by their context."""
        spans = list(self.doc.spans())
        # A pseudonym is checked as one; its field is no place for names or places.
        clients = [(s, e) for block, s, e in spans if block.field == "client"]
        words = set(WORD.findall(view.lower()))
        related = bool(words & LOWER_NAME_WORDS)
        # Each finder's spans are kept only where no earlier finder's stand; the spans taken
        # are looked up by bisection, so a file of many names stays linear.
        lower: list[Span] = []
        taken_lower = Taken()
        finders = (
            lowernames.lower_name_spans(view) if related else (),
            lowernames.client_name_spans(view) if words & CLIENT_WORDS else (),
            lowernames.noted_name_spans(view),
            lowernames.cued_name_spans(view),
            lowernames.relation_name_spans(view) if related else (),
            lowernames.family_name_spans(view) if words & FAMILY_WORDS else (),
            scripts.cjk_name_spans(view),
        )
        for found in finders:
            fresh = [span for span in found if not taken_lower.overlaps(span)]
            lower += fresh
            for span in fresh:
                taken_lower.add(span)
        client_spans = Taken(clients)
        names: list[tuple[Hit, str]] = [
            (Hit(s, e, "name", "names"), view[s:e])
            for s, e in lower
            if not client_spans.overlaps((s, e))
        ]
        capitals = [
            (b, s, e) for b, s, e in spans if b.field != "client" and not view[s:e].islower()
        ]
        places = self._kinds(view, words, clients)
        taken_places = Taken((h.start, h.end) for h in places)
        for block, start, end in capitals:
            for s, e in people.name_spans(view, start, end, block.heading):
                if taken_places.overlaps((s, e)):
                    continue  # "Sweetwater Creek", "Tarbell Hollow": a place by its kind
                if self._in_bold_title(s, e):
                    continue  # "**Foam Roller Thoracic Extension**": a list item's title
                if things.no_person(view[s:e]) or whose.STUDY_AFTER.match(view, e):
                    continue  # "the Pacific Northwest", "the White Mountains", "Environ Med"
                if things.a_work_by(view, s, e) or things.goods(view, s, e):
                    # "a Dizzy Gillespie tune": a work's maker, a public figure, and no town;
                    # "a driver, a Callaway Paradym": a make and model, and no town either
                    self.signals.name_words |= whose.words_of(view[s:e])
                    continue
                if not context.private_before(view, s) and things.a_thing(
                    view, s, e, bool(self.doc.clients)
                ):
                    continue  # "the Camino Francés", "São Paulo", "*Painful Yarns* (2007)"
                if placenames.lived_in(view, s):
                    places.append(Hit(s, e, "place", "geography"))  # where, not who
                    taken_places.add((s, e))
                    continue
                whole = things.whole_place(view, s, e)
                if whole is not None:  # "New York City", "Big Sur": a place read whole
                    verdict = whose.place_verdict(view, whole[0], e, whole[1], block, self.signals)
                    if verdict.level != whose.NONE:
                        places.append(Hit(whole[0], e, "place", "geography", verdict.reason))
                        taken_places.add((whole[0], e))
                    continue
                verdict = whose.name_verdict(view, s, e, block, self.signals)
                self.signals.name_words |= whose.words_of(view[s:e])
                if verdict.level == whose.NONE:
                    self.signals.public |= whose.words_of(view[s:e])
                    continue
                names.append((Hit(s, e, "name", "names", verdict.reason), view[s:e]))
        # A name the file shows to be a public figure elsewhere is one here too.
        kept = [h for h, name in names if not self._public_elsewhere(name, h)] + places
        self.hits += kept
        taken = Taken((h.start, h.end) for h in kept)
        for block, start, end in capitals:
            for s, e, _name, tier in placenames.place_candidates(view, start, end, block.heading):
                if taken.overlaps((s, e)) or self._institution_before(s):
                    continue
                if things.in_title(view, s, e):
                    continue  # "*Sleepless in Seattle*": a place in a title is the title's
                if things.the_route(view, s, e):
                    continue
                verdict = whose.place_verdict(view, s, e, tier, block, self.signals)
                if verdict.level != whose.NONE:
                    self.hits.append(Hit(s, e, "place", "geography", verdict.reason))
        lower_places = placenames.lower_place_spans(view) if words & LOWER_PLACE_WORDS else ()
        for s, e in lower_places:
            if not client_spans.overlaps((s, e)):
                self.hits.append(Hit(s, e, "place", "geography"))
        # What is taken from here on: the client's field and every hit so far.
        taken = Taken([*clients, *((h.start, h.end) for h in self.hits)])
        unlisted = list(unlisted_place_spans(view, words)) if words & LOWER_PLACE_WORDS else []
        unlisted += before_region_spans(view) if words & REGION_WORDS else ()
        unlisted += within_state_spans(view) if words & WITHIN_STATE_WORDS else ()
        unlisted += kind_list_spans(view) if words & KIND_WORDS else ()
        if words & placenames.CALLED_AFTER_WORDS:
            unlisted += placenames.called_after_spans(view)
        for s, e in unlisted:
            if taken.overlaps((s, e)):
                continue
            block = self.doc.block(s)
            verdict = whose.place_verdict(view, s, e, "unlisted", block, self.signals)
            if verdict.level != whose.NONE:
                self.hits.append(Hit(s, e, "place", "geography", verdict.reason))
                taken.add((s, e))
        counties = placenames.county_spans(view) if words & COUNTY_WORDS else ()
        for s, e in counties:
            if not taken.overlaps((s, e)):
                self.hits.append(Hit(s, e, "place", "geography"))
                taken.add((s, e))
        landmarks = placenames.landmark_spans(view) if words & placenames.FEATURE_WORDS else ()
        for s, e in landmarks:
            if not taken.overlaps((s, e)):
                self.hits.append(Hit(s, e, "place", "geography", LANDMARK_REASON))
                taken.add((s, e))

    def _in_bold_title(self, start: int, end: int) -> bool:
        """Whether a pair lies in a bold phrase in Title Case whose other words are a title's
        (a common word, a term, a small word, a digit): "**Foam Roller Thoracic Extension**".
        A pair after "From", "By" or "Dear" is who the title names: "**A Note From Ana Ruiz**"."""
        text = self.doc.text
        first, last = self.doc.origin(start), self.doc.origin(end - 1) + 1
        line_start = self.doc.line_starts[self.doc.line_at(first) - 1]
        bold = self.bold.get(line_start)
        if bold is None:  # read once a line, however many names it holds
            line_end = text.find("\n", line_start)
            line = text[line_start : len(text) if line_end < 0 else line_end]
            found = BOLD.finditer(line) if "**" in line or "__" in line else ()
            bold = self.bold[line_start] = [
                (line_start + m.start(2), line_start + m.end(2)) for m in found
            ]
        # The one bold phrase that may hold the pair: the last to start at or before it.
        at = bisect_right(bold, (first, len(text))) - 1
        if at < 0:
            return False
        inner_start, inner_end = bold[at]
        named = TITLE_WORD.findall(text, first, last)
        if not (last <= inner_end and named and title_case(text[inner_start:inner_end])):
            return False
        if people.base(named[0]) in people.GIVEN:
            return False  # "**Thanks to Dana Whitfield**"
        if any(w.lower() in BOLD_SMALL for w in named):
            return True  # "**Heat Versus Ice**"
        before = TITLE_WORD.findall(text, inner_start, first)
        # The unknown words right before belong to the name: "Maricel" of "Dela Cruz".
        i = len(before)
        while i and people.label(before[i - 1]) == "W":
            i -= 1
        if i and before[i - 1].lower() in NAMING_WORDS:
            return False  # "**A Note From Maricel Dela Cruz**"
        others = before[:i] + TITLE_WORD.findall(text, last, inner_end)
        return any(
            w.lower() in BOLD_SMALL or people.label(w) in "CE" or w[0].isdigit() for w in others
        )

    def _kinds(self, view: str, words: set[str], clients: list[Span]) -> list[Hit]:
        """Places by their kind, numbered roads, places after "out past", judged by context."""
        hits: list[Hit] = []
        taken = Taken(clients)
        for s, e in placekinds.place_spans(view, words):
            if taken.overlaps((s, e)):
                continue
            verdict = whose.place_verdict(view, s, e, "unlisted", self.doc.block(s), self.signals)
            if verdict.level != whose.NONE:
                hits.append(Hit(s, e, "place", "geography", verdict.reason))
                taken.add((s, e))
        return hits

    def _institution_before(self, start: int) -> bool:
        """Whether a known organisation stands right before 'in' and the place at `start`:
        "Alfred Adson at the Mayo Clinic in Rochester" says where the institution is."""
        for a, b in self.masked:
            if b <= start and IN_BETWEEN.fullmatch(self.doc.seen, b, start):
                return " ".join(self.doc.seen[a:b].lower().split()) in ORGANISATION_NAMES
        return False

    def _public_elsewhere(self, name: str, hit: Hit) -> bool:
        return whose.public_elsewhere(self.doc.seen, name, hit.start, hit.end, self.signals)

    def _findings(self) -> list[Finding]:
        """The hits as findings by line, less what an allowed phrase covers."""
        seen = self.doc.seen
        pattern = people.phrase_pattern(self.allowed, literal=True)
        silenced = [m.span() for m in pattern.finditer(seen)] if pattern else []
        found = []
        for hit in self.hits:
            if any(a <= hit.start and hit.end <= b for a, b in silenced):
                continue
            if hit.kind == "record-number" and any(
                hit.start < a and b == hit.end and not DIGIT.search(seen, hit.start, a)
                for a, b in silenced
            ):
                continue  # "license no. MT-0000": its label, and the practice's own number
            text = " ".join(seen[hit.start : hit.end].split())
            written = self.doc.written(hit.start, hit.end)
            found.append(
                finding(self.doc.line(hit.start), hit.kind, text, hit.category, hit.reason, written)
            )
        return found


def lint_document(
    doc: Document,
    *,
    allowed: Iterable[str] = (),
    known_terms: Iterable[str] = (),
    own_sites: Iterable[str] = (),
) -> list[Finding]:
    """Everything in one read file that may identify a client, by line."""
    allowed = _phrases(tuple(allowed))
    terms = _terms(tuple(known_terms))
    known = _masks(terms) + allowed
    sites = tuple(s.lower().removeprefix("www.") for s in own_sites if s)
    # On one line, what a link leads to comes before what its text says.
    targets, local = target_findings(doc, sites)
    lowered = [a.lower() for a in allowed]
    findings = [f for f in targets if not any(f.text.lower() in a for a in lowered)]
    findings += _Lint(doc, allowed, known, sites, terms).run()
    # Addresses and the client's pseudonym are silenced by a phrase that contains them.
    others = local + [f for line, client in doc.clients if (f := people.pseudonym(client, line))]
    for line, slug in doc.slugs:
        others += slugs.lint_slug(slug, line, terms)
        found = {f.text for f in others}
        clients = [client for _line, client in doc.clients]
        others += [f for f in slugs.client_in_slug(slug, line, clients) if f.text not in found]
    for line, address in doc.redirects:
        others += slugs.lint_redirect(address, line)
    findings += [f for f in others if not any(f.text.lower() in a for a in lowered)]
    unique: dict[tuple[int, str, str], Finding] = {}
    for f in findings:
        unique.setdefault((f.line, f.kind, f.text), f)
    return sorted(unique.values(), key=lambda f: f.line)


def lint(
    source: Source,
    *,
    allowed: Iterable[str] = (),
    known_terms: Iterable[str] = (),
    own_sites: Iterable[str] = (),
) -> list[Finding]:
    """Everything in a content file's Source that may identify a client, by line.

    `allowed` phrases (the site's allow-list, the practice's own details and the post's
    privacy_ok) silence what lies inside them; `known_terms` (condition names and
    aliases) are never names or places, unless they name one themselves; `own_sites`
    are the practice's own web hosts.
    """
    return lint_document(
        read(source), allowed=allowed, known_terms=known_terms, own_sites=own_sites
    )


def lint_source(
    text: str,
    *,
    allowed: Iterable[str] = (),
    known_terms: Iterable[str] = (),
    own_sites: Iterable[str] = (),
) -> list[Finding]:
    """`lint` of a file's text, read as the site's reader reads it."""
    source = parse("post.md", text)
    if not source.readable:
        source = parse("post.md", "\n" * (source.body_start - 1) + source.body)
    return lint(source, allowed=allowed, known_terms=known_terms, own_sites=own_sites)


def lint_case(
    text: str, *, allowed: Iterable[str] = (), known_terms: Iterable[str] = ()
) -> list[Finding]:
    """Everything in a case post's source that may identify the client (lint_source)."""
    return lint_source(text, allowed=allowed, known_terms=known_terms)


__all__ = ["lint", "lint_document", "lint_source", "lint_case", "Span"]
