"""The whole lint of one content file: every text a reader can see, by line."""

import re
from collections.abc import Callable, Iterable, Iterator

from . import links, patterns, people, placenames, slugs
from .document import Block, Document, read
from .findings import Finding, finding
from .spans import Span, blank


def _target(text: str, start: int, end: int) -> list[tuple[str, Span]]:
    """(kind, span) of what one link or image target gives away."""
    target = text[start:end]
    kind = links.target_kind(target)
    if kind == "mailto":
        return [("email", (start + s, start + e)) for s, e in links.mailto_addresses(target)]
    if kind == "tel":
        number = links.tel_number(target)
        return [("phone", (start + number[0], start + number[1]))] if number else []
    if kind == "web":
        return [("url", (start, end))] if links.url_identifier(target) else []
    return []


def _local_targets(doc: Document, targets: list[Span]) -> list[Finding]:
    """Names, places, numbers and dates in the paths of links to this site's own pages."""
    found = []
    for start, end in targets:
        target = doc.text[start:end]
        if links.target_kind(target) == "local":
            path = target.split("#", 1)[0].split("?", 1)[0]
            line = doc.line(start)
            found += [
                Finding(line, f.kind, f.text, f.message.replace("file name", "link target"))
                for f in slugs.lint_path(path)
            ]
    return found


def _by_line(
    work: str,
    wanted: Callable[[str], bool],
    change: Callable[[str], tuple[list[tuple[str, Span]], str]],
) -> tuple[list[tuple[str, Span]], str]:
    """Run `change` on each line of `work` that is `wanted`, offsetting what it finds.

    No pattern crosses a newline, so a line is the smallest text each can run on;
    most lines hold no digit and no capital, and are skipped.
    """
    found: list[tuple[str, Span]] = []
    pieces, offset = [], 0
    for line in work.split("\n"):
        if wanted(line):
            spans, line = change(line)
            found += [(kind, (offset + s, offset + e)) for kind, (s, e) in spans]
        pieces.append(line)
        offset += len(line) + 1
    return found, "\n".join(pieces)


DIGIT = re.compile(r"\d")
UPPER = re.compile(r"[^\W\d_a-zß-ÿ]")
AGE_WORDS = ("ninet", "agenarian")


def _has_shape(line: str) -> bool:
    """Whether a line may hold a shaped identifier: a digit, or an age in words."""
    return DIGIT.search(line) is not None or any(w in line.lower() for w in AGE_WORDS)


def _has_capital(line: str) -> bool:
    """Whether a line may hold a name or a place: a capital letter."""
    return UPPER.search(line) is not None


def _prose(doc: Document, known: tuple[str, ...]) -> tuple[list[tuple[str, Span]], list[Span]]:
    """(kind, span) of every identifier in the reader-visible text; and the link targets."""
    found: list[tuple[str, Span]] = []
    targets, work = links.split_links(doc.work)
    for start, end in targets:
        found += _target(doc.text, start, end)
    url_spans = links.url_spans(work)
    found += [("url", span) for span in url_spans if links.url_identifier(work[slice(*span)])]
    work = blank(work, url_spans)
    email_spans = patterns.email_spans(work)
    found += [("email", span) for span in email_spans]
    work = blank(work, email_spans)
    shaped, work = _by_line(work, _has_shape, patterns.shaped)
    found += shaped
    _none, view = _by_line(work, _has_capital, lambda line: ([], people.mask_phrases(line, known)))
    found += _names_and_places(doc, view)
    return found, targets


def _names_and_places(doc: Document, view: str) -> list[tuple[str, Span]]:
    """(kind, span) of full names, then of places not inside a name."""
    found, taken = [], []
    for block, start, end in _blocks(doc, view):
        if block.field == "client":
            continue  # a pseudonym, checked as one
        for span in people.name_spans(view, start, end, block.heading):
            found.append(("name", span))
            taken.append(span)
        for s, e in placenames.place_spans(view, start, end, block.heading):
            if not any(s < te and ts < e for ts, te in taken):
                found.append(("place", (s, e)))
    return found


def _blocks(doc: Document, view: str) -> Iterator[tuple[Block, int, int]]:
    """(block, start, end) of each block with at least one capital letter in it."""
    bounds = [b.start for b in doc.blocks] + [len(view)]
    for block, start, end in zip(doc.blocks, bounds, bounds[1:], strict=False):
        piece = view[start:end]
        if not piece.islower():
            yield block, start, end


def lint_source(
    text: str, *, allowed: Iterable[str] = (), known_terms: Iterable[str] = ()
) -> list[Finding]:
    """Everything in one content file that may identify a client, by line.

    `allowed` phrases (the site's allow-list and the post's privacy_ok) silence
    what lies inside them; `known_terms` (condition names and aliases) are never
    names or places.
    """
    allowed = tuple(a.strip() for a in allowed if a and a.strip())
    known = tuple(t for t in known_terms if t and t.strip()) + allowed
    doc = read(text)
    pattern = people.phrase_pattern(allowed, literal=True)
    silenced = [m.span() for m in pattern.finditer(text)] if pattern else []
    prose, targets = _prose(doc, known)
    # What the reader sees in the text is silenced where an allowed phrase stands.
    findings = [
        finding(doc.line(start), kind, " ".join(text[start:end].split()))
        for kind, (start, end) in prose
        if not any(a <= start and end <= b for a, b in silenced)
    ]
    # Addresses and the client's pseudonym are silenced by a phrase that contains them.
    others = _local_targets(doc, targets)
    others += [f for line, client in doc.clients if (f := people.pseudonym(client, line))]
    for line, slug in doc.slugs:
        others += slugs.lint_slug(slug, line)
    for line, address in doc.redirects:
        others += slugs.lint_redirect(address, line)
    lowered = [a.lower() for a in allowed]
    findings += [f for f in others if not any(f.text.lower() in a for a in lowered)]
    unique: dict[tuple[int, str, str], Finding] = {}
    for f in findings:
        unique.setdefault((f.line, f.kind, f.text), f)
    return sorted(unique.values(), key=lambda f: f.line)


def lint_case(
    text: str, *, allowed: Iterable[str] = (), known_terms: Iterable[str] = ()
) -> list[Finding]:
    """Everything in a case post's source that may identify the client (lint_source)."""
    return lint_source(text, allowed=allowed, known_terms=known_terms)
