"""One content file as the lint reads it: what a reader sees, at its offsets, by block.

The text is already decoded, without BOM, with `\\n` line endings. It starts
with YAML front matter between `---` lines, or Pelican's `Key: value` header,
or has no header. `read` returns the reader-visible text with everything else
(keys, Markdown markers, skipped values) blanked, so every offset still points
into the source; lines of one paragraph or one folded value are joined by a
space, and blocks (paragraphs, headings, list items, front-matter values) are
apart by a newline, which no name or place can cross.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass, field

# Front-matter keys that hold no prose a reader sees about the client.
SKIP_KEYS = frozenset(
    {
        "tags",  # condition names, checked against the vocabulary by make check
        "category",  # one of the site's sections, chosen from a fixed set
        "date",  # publication dates: public, not the client's dates
        "modified",
        "reviewed",
        "privacy_ok",  # this post's allow-list, never shown
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
# Keys read as addresses, not prose.
SLUG_KEYS = frozenset({"slug"})
REDIRECT_KEYS = frozenset({"redirect_from"})
CLIENT_FIELD = "client"

KEY = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?=[ \t]|$)")
NESTED_KEY = re.compile(r"([ \t]+(?:-[ \t]+)?|-[ \t]+)([A-Za-z_][\w-]*)[ \t]*:(?=[ \t]|$)")
LIST_ITEM = re.compile(r"[ \t]*-[ \t]+")
HEADING = re.compile(r"[ \t]{0,3}#{1,6}(?=[ \t]|$)")
CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
BULLET = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
QUOTE = re.compile(r"[ \t]*(?:>[ \t]?)+")
FENCE = re.compile(r"[ \t]{0,3}(?:```|~~~)")
RULE = re.compile(r"[ \t]{0,3}(?:[-=*_][ \t]*){3,}$")
TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Anchored at the start of the spaces, so a long run of them is read once.
VALUE_COMMENT = re.compile(r"(?<![ \t])[ \t]+#.*$")


def title_case(text: str) -> bool:
    """Whether nearly every longer word is capitalised, as in 'Groin Pain In A Hockey Player'."""
    words = [w for w in TITLE_WORD.findall(text) if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


@dataclass(frozen=True)
class Block:
    """Where a block starts, and what the front matter says about it."""

    start: int
    key: str | None = None  # top-level front-matter key; None in the body
    field: str | None = None  # the nested key under it (`client`), else the key
    heading: bool = False  # a heading or title in Title Case: capitals carry no signal


@dataclass
class Document:
    """The reader-visible text of one file, its blocks, and its address-like values."""

    text: str
    work: str
    blocks: list[Block]
    line_starts: list[int]
    clients: list[tuple[int, str]] = field(default_factory=list)  # (line, value)
    slugs: list[tuple[int, str]] = field(default_factory=list)
    redirects: list[tuple[int, str]] = field(default_factory=list)

    def __post_init__(self):
        self._block_starts = [b.start for b in self.blocks]

    def line(self, offset: int) -> int:
        """The 1-based line of an offset."""
        return bisect_right(self.line_starts, offset)

    def block(self, offset: int) -> Block:
        """The block an offset is in."""
        index = bisect_right(self._block_starts, offset) - 1
        return self.blocks[index] if index >= 0 else Block(0)


def _front_matter_end(lines: list[str]) -> tuple[int, bool]:
    """(how many leading lines are front matter, whether it is YAML)."""
    if lines and lines[0].strip() == "---":
        for i, line in enumerate(lines[1:], start=1):
            if line.strip() in ("---", "..."):
                return i + 1, True
        return len(lines), True
    if lines and KEY.match(lines[0]):
        return next((i for i, line in enumerate(lines) if not line.strip()), len(lines)), False
    return 0, False


def _unquote(value: str) -> str:
    """A YAML scalar without its comment and quotes."""
    return VALUE_COMMENT.sub("", value).strip().strip("\"'").strip()


def _list_values(value: str) -> list[str]:
    """The items of a YAML flow list `[a, b]` or one scalar."""
    value = VALUE_COMMENT.sub("", value).strip()
    if value.startswith("[") and value.endswith("]"):
        return [_unquote(v) for v in value[1:-1].split(",") if _unquote(v)]
    return [_unquote(value)] if _unquote(value) else []


class _Reader:
    """Builds a Document line by line."""

    def __init__(self, text: str):
        self.text = text
        self.lines = text.split("\n")
        self.starts = []
        offset = 0
        for line in self.lines:
            self.starts.append(offset)
            offset += len(line) + 1
        self.pieces: list[str] = []  # each line, blanked where no reader sees it
        self.joins: list[bool] = []  # whether the newline after each line joins the next
        self.doc = Document(text, "", [], self.starts)

    def keep(self, i: int, line: str, block: Block | None, join: bool = False) -> None:
        """Record a processed line; a new block starts at it unless `block` is None."""
        self.pieces.append(line)
        self.joins.append(False)
        if block is not None:
            self.doc.blocks.append(block)
        if join and len(self.joins) > 1:
            self.joins[-2] = True

    def front_matter(self, end: int, yaml: bool) -> None:
        """Blank keys and skipped values; note client, slug and redirect values."""
        key = None
        for i in range(end):
            line = self.lines[i]
            stripped = line.strip()
            if (yaml and stripped in ("---", "...") and i in (0, end - 1)) or (
                yaml and stripped.startswith("#")
            ):
                self.keep(i, " " * len(line), None)
                continue
            top = KEY.match(line)
            if top:
                key = top.group(1).lower()
                value = line[top.end() :]
                self._value(i, key, key, top.end(), value, title=key == "title")
                continue
            nested = NESTED_KEY.match(line)
            if key is None or key in SKIP_KEYS:
                self.keep(i, " " * len(line), None)
            elif key in SLUG_KEYS | REDIRECT_KEYS:
                item = LIST_ITEM.match(line)
                self._value(
                    i, key, key, item.end() if item else 0, line[item.end() if item else 0 :]
                )
            elif nested:
                self._value(i, key, nested.group(2).lower(), nested.end(), line[nested.end() :])
            else:
                item = LIST_ITEM.match(line)
                if item:  # a new item of a block list (aliases, redirect_from)
                    self._value(i, key, key, item.end(), line[item.end() :])
                else:  # a folded or wrapped value goes on
                    self.keep(i, line, None, join=bool(stripped))

    def _value(
        self, i: int, key: str, field_: str, at: int, value: str, title: bool = False
    ) -> None:
        """One `key: value` line: the value kept as prose, or noted, or blanked."""
        line = self.lines[i]
        number = i + 1
        if key in SKIP_KEYS:
            self.keep(i, " " * len(line), None)
            return
        if key in SLUG_KEYS:
            self.doc.slugs += [(number, v) for v in _list_values(value)]
            self.keep(i, " " * len(line), None)
            return
        if key in REDIRECT_KEYS:
            self.doc.redirects += [(number, v) for v in _list_values(value)]
            self.keep(i, " " * len(line), None)
            return
        if field_ == CLIENT_FIELD:
            self.doc.clients.append((number, _unquote(value)))
        heading = title and title_case(value)
        block = Block(self.starts[i] + at, key, field_, heading)
        self.keep(i, " " * at + value, block)

    def body(self, begin: int) -> None:
        """Blank Markdown markers; join the lines of a paragraph, a list item or a quote."""
        fenced = False
        joinable = False  # whether the previous line's block may go on
        for i in range(begin, len(self.lines)):
            line, start = self.lines[i], self.starts[i]
            if FENCE.match(line):
                fenced = not fenced
                self.keep(i, " " * len(line), None)
                joinable = False
                continue
            if fenced or not line.strip():
                # Code is shown as it is, one line at a time; a blank line ends a block.
                self.keep(i, line, Block(start) if line.strip() else None)
                joinable = False
                continue
            heading = HEADING.match(line)
            if heading:
                closing = CLOSING_HASHES.search(line)
                end = closing.start() if closing else len(line)
                text = " " * heading.end() + line[heading.end() : end] + " " * (len(line) - end)
                self.keep(i, text, Block(start, heading=title_case(text)))
                joinable = False
                continue
            if RULE.match(line):  # a rule or a setext underline
                self.keep(i, " " * len(line), None)
                joinable = False
                continue
            marker = BULLET.match(line) or QUOTE.match(line)
            if marker:
                text = " " * marker.end() + line[marker.end() :]
                quote = ">" in marker.group()
                self.keep(i, text.replace(">", " ") if quote else text, Block(start))
                joinable = True
                continue
            if line.lstrip().startswith("|"):  # a table row: one block, cells apart by |
                self.keep(i, line, Block(start))
                joinable = False
                continue
            if joinable:
                self.keep(i, line, None, join=True)
            else:
                self.keep(i, line, Block(start))
            joinable = True

    def document(self) -> Document:
        """The finished Document."""
        seps = [" " if join else "\n" for join in self.joins]
        work = "".join(piece + sep for piece, sep in zip(self.pieces, seps, strict=True))
        self.doc.work = work[: len(self.text)]
        return self.doc


def read(text: str) -> Document:
    """A content file as the lint reads it."""
    reader = _Reader(text)
    end, yaml = _front_matter_end(reader.lines)
    reader.front_matter(end, yaml)
    reader.body(end)
    return reader.document()
