"""One content file as the lint reads it: every text a reader sees, as a reader sees it, by block.

The front matter is the reader's own (`content.source`: the values YAML or Pelican's
header gave, and where each stands), so the lint and the build never disagree about a
value. The body is read from the Markdown line by line: keys, Markdown markers and
link syntax blanked, the lines of one paragraph joined by a space. Everything is then
normalised as a reader sees it (`seen`). In `Document.seen`, blocks (a value, a
paragraph, a heading, a list item, a table row) are apart by a newline, which no name,
place or number can cross; `line()` leads any offset in it back to its line.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from ..content.source import Source
from ..content.yamlscan import ValueAt, ValuePath
from . import labels, links, ssn
from .offsets import align, compose
from .seen import OffsetMap, normalise

# Front-matter keys that hold no prose a reader sees about the client.
SKIP_KEYS = frozenset(
    {
        "category",  # one of the site's sections, chosen from a fixed set
        "date",  # publication dates: public, not the client's dates
        "modified",
        "reviewed",
        "privacy_ok",  # this post's allow-list, never shown
        "photo_consent",  # file names of images, linted as file names
        "status",  # draft / published / hidden
        "template",  # names of theme files
        "lang",
        "translation",
        "save_as",  # output paths set by the site, not the author's prose
        "url",
        "follows",  # the slug of another post, linted as that post's slug
        "author",  # the practitioner, named on every page by design
        "authors",
        "codes",  # ICD-10-CM codes, checked by make check
        "body_areas",  # chosen from the site's fixed list of areas
        "page_order",  # a number
        "consent",  # true or false
    }
)
SLUG_KEYS = frozenset({"slug"})
REDIRECT_KEYS = frozenset({"redirect_from"})
CLIENT_FIELD = "client"
SKIP_FIELDS = frozenset({"consent", "sessions", "outcome_status"})

HEADING = re.compile(r"[ \t]{0,3}#{1,6}(?=[ \t]|$)")
CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
BULLET = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
QUOTE = re.compile(r"[ \t]*(?:>[ \t]?)+")
FENCE = re.compile(r"[ \t]{0,3}(?:```|~~~)")
RULE = re.compile(r"[ \t]{0,3}(?:[-=*_][ \t]*){3,}$")
TABLE_SEPARATOR = re.compile(
    r"[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$"
)
TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
SMALL = frozenset("with from into onto over upon than that after about under".split())


def title_case(text: str) -> bool:
    """Whether nearly every longer word is capitalised, as in 'Groin Pain In A Hockey Player'."""
    words = [w for w in TITLE_WORD.findall(text)[1:] if len(w) > 3 and w.lower() not in SMALL]
    # After the first word, a longer one in lower case makes it sentence case ("Headaches on
    # the phones: Noor Haddad"): its capitals are a name's, however many of its words.
    return len(words) >= 1 and all(w[0].isupper() for w in words)


@dataclass(frozen=True)
class Block:
    """Where a block starts in the seen text, and what the file says about it."""

    start: int
    key: str | None = None  # top-level front-matter key; None in the body
    field: str | None = None  # the innermost key it stands under (`client`), else the key
    heading: bool = False  # a heading or title in Title Case: capitals carry no signal
    kind: str = "text"  # value, heading, text, item, quote, table, code
    section: str = ""  # the heading the block stands under, lower case
    header: tuple[str, ...] = ()  # a table row: its table's header cells, lower case
    stop: int = -1  # where the next block starts in the seen text (set once all are read)


@dataclass
class Document:
    """What a reader sees of one file, its blocks, and its address-like values."""

    text: str
    seen: str = ""
    blocks: list[Block] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=lambda: [0])
    targets: list[tuple[int, int]] = field(default_factory=list)  # link targets, in `text`
    clients: list[tuple[int, str]] = field(default_factory=list)  # (line, value)
    slugs: list[tuple[int, str]] = field(default_factory=list)
    redirects: list[tuple[int, str]] = field(default_factory=list)
    year: int | None = None  # the year the post is dated: what a year of birth is read against
    # (seen start, map from a seen offset within it to an offset in `text`)
    _segments: list[tuple[int, OffsetMap]] = field(default_factory=list)
    _segment_starts: list[int] = field(default_factory=list)
    _block_starts: list[int] = field(default_factory=list)

    def origin(self, offset: int) -> int:
        """The offset in the file's text where the seen character at `offset` was written."""
        i = bisect_right(self._segment_starts, offset) - 1
        if i < 0:
            return 0
        start, mapped = self._segments[i]
        return mapped(offset - start)

    def line(self, offset: int) -> int:
        """The 1-based line of a seen offset."""
        return self.line_at(self.origin(offset))

    def line_at(self, source_offset: int) -> int:
        """The 1-based line of an offset in the file's text."""
        return bisect_right(self.line_starts, source_offset)

    def written(self, start: int, end: int) -> str:
        """The file's own text behind the seen span [start, end)."""
        first, last = self.origin(start), self.origin(max(start, end - 1)) + 1
        return self.text[first:last]

    def block(self, offset: int) -> Block:
        """The block an offset is in."""
        index = bisect_right(self._block_starts, offset) - 1
        return self.blocks[index] if index >= 0 else Block(0)

    def spans(self) -> Iterator[tuple[Block, int, int]]:
        """(block, start, end) of every block."""
        bounds = [b.start for b in self.blocks] + [len(self.seen)]
        yield from zip(self.blocks, bounds, bounds[1:], strict=False)


def _line_starts(text: str) -> list[int]:
    starts, offset = [0], 0
    for line in text.split("\n")[:-1]:
        offset += len(line) + 1
        starts.append(offset)
    return starts


class _Builder:
    """Builds a Document: front-matter values, then the body."""

    def __init__(self, text: str):
        self.doc = Document(text, line_starts=_line_starts(text))
        self.pieces: list[str] = []
        self.length = 0

    def add(self, piece: str, mapped: OffsetMap, block: Block | None) -> None:
        """Append seen text led back to the file by `mapped`; a block starts at it if given."""
        if self.pieces:
            self.pieces.append("\n")
            self.length += 1
        if block is not None:
            self.doc.blocks.append(Block(self.length, *_fields(block)))
        self.doc._segments.append((self.length, mapped))
        self.pieces.append(piece)
        self.length += len(piece)

    def value(self, source: Source, place: ValuePath, value: str, block: Block) -> None:
        """One front-matter value, normalised, led back to where it is written."""
        at = _value_at(source, place)
        start = self.doc.line_starts[at.line - 1] + at.column if at.line else 0
        end_line = max(at.line, at.end_line)
        end = (
            self.doc.line_starts[end_line - 1] + at.end_column
            if end_line - 1 < len(self.doc.line_starts)
            else len(self.doc.text)
        )
        # A value always shows on one block: YAML's own line breaks (a `|` scalar) are spaces.
        shown = value.replace("\r", " ").replace("\n", " ")
        key = _label_key(self.doc.text, start, place)
        if key is not None:
            # "SSN: 432771093" is as much an SSN as the line reads; the bare value is none.
            start, shown = key, self.doc.text[key:start] + shown
        aligned = align(shown, self.doc.text, start, max(start, end))
        seen, mapped = normalise(shown)
        self.add(seen, compose(aligned, mapped), block)

    def finish(self) -> Document:
        doc = self.doc
        doc.seen = "".join(self.pieces)
        doc.blocks.sort(key=lambda b: b.start)
        stops = [b.start for b in doc.blocks[1:]] + [len(doc.seen)] * bool(doc.blocks)
        doc.blocks = [replace(b, stop=stop) for b, stop in zip(doc.blocks, stops, strict=True)]
        doc._segment_starts = [s for s, _ in doc._segments]
        doc._block_starts = [b.start for b in doc.blocks]
        return doc


def _label_key(text: str, start: int, place: ValuePath) -> int | None:
    """Where a top-level key written on its value's line starts, if it labels an identifier."""
    line = text.rfind("\n", 0, start) + 1
    written = text[line:start]
    key = written.strip().removesuffix(":").strip()
    if len(place) != 1 or not isinstance(place[0], str) or key.lower() != place[0].lower():
        return None
    words = key.replace("_", " ").replace("-", " ")
    if not (labels.LABEL.fullmatch(words) or ssn.LABEL.fullmatch(words)):
        return None
    return line + len(written) - len(written.lstrip())


def _fields(block: Block) -> tuple[Any, ...]:
    return (block.key, block.field, block.heading, block.kind, block.section, block.header)


def _value_at(source: Source, place: ValuePath) -> ValueAt:
    """Where a value stands; for one inside a YAML alias, where its nearest parent does."""
    while place:
        if place in source.values:
            return source.values[place]
        place = place[:-1]
    line = source.line()
    return ValueAt(line, 0, line, 0)


def _scalars(value: Any, place: ValuePath) -> Iterator[tuple[ValuePath, str]]:
    """Every scalar under a value, as the text a reader sees (dates as written, ISO)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and key.lower() in SKIP_FIELDS:
                continue
            yield from _scalars(item, (*place, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _scalars(item, (*place, i))
    elif isinstance(value, (datetime.date, datetime.datetime)):
        yield place, value.isoformat()
    elif isinstance(value, str):
        if value.strip():
            yield place, value
    elif value is not None and not isinstance(value, bool):
        yield place, str(value)


def _front_matter(builder: _Builder, source: Source) -> None:
    """Every value a reader sees, and the client, slug and redirect values apart."""
    doc = builder.doc
    for key, value in source.meta.items():
        if key in SKIP_KEYS:
            continue
        for place, text in _scalars(value, (key,)):
            line = _value_at(source, place).line
            if key in SLUG_KEYS:
                doc.slugs.append((line, text.strip()))
                continue
            if key in REDIRECT_KEYS:
                doc.redirects.append((line, text.strip()))
                continue
            inner = next((p for p in reversed(place) if isinstance(p, str)), key)
            if inner == CLIENT_FIELD:
                doc.clients.append((line, text.strip()))
            heading = key == "title" and title_case(text)
            block = Block(0, key, inner, heading, "value")
            builder.value(source, place, text, block)


class _Body:
    """Reads the body line by line into a text as long as the file's, keys and markers blanked."""

    def __init__(self, text: str, begin: int):
        self.text = text
        self.lines = text.split("\n")
        self.begin = begin
        self.starts = _line_starts(text)
        self.pieces: list[str] = []
        self.joins: list[bool] = []
        self.blocks: list[Block] = []  # starts are offsets in the file's text
        self.section = ""
        self.header: tuple[str, ...] = ()

    def keep(self, line: str, block: Block | None, join: bool = False) -> None:
        self.pieces.append(line)
        self.joins.append(False)
        if block is not None:
            self.blocks.append(block)
        if join and len(self.joins) > 1:
            self.joins[-2] = True

    def block(self, i: int, kind: str, heading: bool = False) -> Block:
        return Block(self.starts[i], None, None, heading, kind, self.section, self.header)

    def read(self) -> str:
        for i in range(self.begin):
            self.pieces.append(" " * len(self.lines[i]))  # the header: read from the Source
            self.joins.append(False)
        fenced = False
        joinable = False  # whether the previous line's block may go on
        for i in range(self.begin, len(self.lines)):
            line = self.lines[i]
            if FENCE.match(line):
                fenced = not fenced
                self.keep(" " * len(line), None)
                joinable = False
                continue
            if fenced or not line.strip():
                # Code is shown as it is, one line at a time; a blank line ends a block.
                self.keep(line, self.block(i, "code") if line.strip() else None)
                joinable = False
                if not line.strip():
                    self.header = ()
                continue
            joinable = self._line(i, line, joinable)
        work = "".join(
            p + (" " if j else "\n") for p, j in zip(self.pieces, self.joins, strict=True)
        )
        return work[: len(self.text)]

    def _line(self, i: int, line: str, joinable: bool) -> bool:
        """Read one line of prose; whether the next may join its block."""
        heading = HEADING.match(line)
        if heading:
            closing = CLOSING_HASHES.search(line)
            end = closing.start() if closing else len(line)
            text = " " * heading.end() + line[heading.end() : end] + " " * (len(line) - end)
            self.section = line[heading.end() : end].strip().lower()
            self.keep(text, self.block(i, "heading", title_case(text)))
            return False
        if RULE.match(line):  # a rule or a setext underline
            self.keep(" " * len(line), None)
            return False
        if line.lstrip().startswith("|"):  # a table row: one block, cells apart by |
            following = self.lines[i + 1] if i + 1 < len(self.lines) else ""
            if TABLE_SEPARATOR.match(line):
                self.keep(" " * len(line), None)
                return False
            if TABLE_SEPARATOR.match(following) and "-" in following:
                cells = [c.strip().lower() for c in line.strip().strip("|").split("|")]
                self.header = tuple(cells)
                self.keep(line, self.block(i, "table"))
                self.header = self.header  # the header row labels its own cells too
                return False
            self.keep(line, self.block(i, "table"))
            return False
        self.header = ()
        marker = BULLET.match(line) or QUOTE.match(line)
        if marker:
            text = " " * marker.end() + line[marker.end() :]
            quote = ">" in marker.group()
            self.keep(
                text.replace(">", " ") if quote else text,
                self.block(i, "quote" if quote else "item"),
            )
            return True
        if joinable:
            self.keep(line, None, join=True)
        else:
            self.keep(line, self.block(i, "text"))
        return True


def _year(value: Any) -> int | None:
    """The year of a `date` value: a YAML date, or the text a plain header holds."""
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.year
    found = YEAR.match(str(value).strip()) if value is not None else None
    return int(found.group()) if found else None


YEAR = re.compile(r"(?:19|20)\d\d\b")


def read(source: Source) -> Document:
    """A content file as the lint reads it."""
    builder = _Builder(source.text)
    _front_matter(builder, source)
    builder.doc.year = _year(source.meta.get("date"))
    body = _Body(source.text, source.body_start - 1)
    work = body.read()
    targets, work = links.split_links(work)
    builder.doc.targets = targets
    seen, mapped = normalise(work)
    # The body is one piece: its blocks are apart by the newlines already in it.
    base = builder.length + (1 if builder.pieces else 0)
    builder.add(seen, mapped, None)
    for block in body.blocks:
        builder.doc.blocks.append(Block(base + mapped.back(block.start), *_fields(block)))
    return builder.finish()


def read_text(text: str, blocks: list[tuple[int, str]] | None = None) -> Document:
    """Plain text (what an image, SVG or PDF holds) as a Document: one block a line."""
    builder = _Builder(text)
    seen, mapped = normalise(text)
    builder.add(seen, mapped, None)
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            builder.doc.blocks.append(Block(mapped.back(offset), kind="text"))
        offset += len(line) + 1
    return builder.finish()
