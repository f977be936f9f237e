"""What a reader sees of a case, as lines of plain text, and the fingerprint of those lines.

The lines are the case as its page, the lists and the feeds show it: title, address, summary,
the summary box's fields, the announced follow-up, the conditions it is listed under, then
the body as rendered to text, block by block, with each image (its address, alt text and
title) where it stands and every link's target after it. Whitespace is collapsed and
Unicode composed, so re-wrapping a paragraph, a comment, the file's line endings or the
order of its keys change nothing; a word, an image, a caption or a condition does.
"""

from __future__ import annotations

import copy
import difflib
import hashlib
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from html.parser import HTMLParser
from typing import Any

from markdown import Markdown

from ..cases import case_fields
from ..content.settings import Settings
from ..content.source import Source
from ..content.values import text_list

VERSION = "v1"  # the normalisation below; a fingerprint starts with it
HASH_LENGTH = 32  # hex digits of SHA-256 kept: 128 bits
# Elements that start a line of their own; everything else flows into the line around it.
BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre table thead tbody tfoot tr th td "
    "figure figcaption caption hr br section article aside header footer details summary "
    "address".split()
)
BREAK = "\x00"  # where a block starts or ends (a NUL in the text is read as a space)
UNSEEN = frozenset({"script", "style", "template", "noscript"})  # never shown as text
QUOTED = 80  # characters of a changed passage quoted in a message
SHOWN_CHANGES = 3  # changes a message lists before "and N more"
# Word by word within changed lines up to this many word pairs; beyond, whole passages.
MAX_WORD_PAIRS = 4_000_000

Names = Callable[[str], str]  # a tag as written -> the condition's name a reader sees


def _tidy(text: object) -> str:
    """One line of text as a reader sees it: composed, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFC", str(text)).split())


class Reader:
    """Renders front-matter text and bodies as the site's Markdown settings do, to lines."""

    def __init__(self, settings: Settings):
        config: dict[str, Any] = copy.deepcopy(dict(settings.get("MARKDOWN") or {}))
        extensions = list(config.get("extensions") or [])
        for name in config.get("extension_configs") or {}:
            if name not in extensions:
                extensions.append(name)
        # As the YAML reader does: a body's first lines are never read as a header.
        config["extensions"] = [e for e in extensions if e != "markdown.extensions.meta"]
        self._markdown = Markdown(**config)

    def html(self, text: str) -> str:
        """Markdown text as the site renders it to HTML."""
        rendered: str = self._markdown.reset().convert(text)
        return rendered

    def text_lines(self, html: str) -> tuple[list[str], list[str]]:
        """The lines of text of an HTML fragment (images among them), and its links' targets."""
        if not html.strip():
            return [], []
        reading = _Text()
        reading.feed(html)
        reading.close()
        # A line break inside a paragraph is a space, as the browser shows it.
        lines = [_tidy(line) for line in "".join(reading.pieces).split(BREAK)]
        return [line for line in lines if line], list(dict.fromkeys(reading.links))

    def plain(self, text: str) -> str:
        """A Markdown front-matter value (a summary) as the text a reader sees."""
        lines, _links = self.text_lines(self.html(text))
        return " ".join(lines)


class _Text(HTMLParser):
    """Text, images and link targets of HTML, tag by tag: no tree, so no depth to exhaust."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.links: list[str] = []
        self.unseen = 0  # inside a script or a style: never shown

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in UNSEEN:
            self.unseen += 1
        if self.unseen:
            return
        values = {name: value or "" for name, value in attrs}
        if tag in BLOCKS:
            self.pieces.append(BREAK)
        if tag == "img":
            self.pieces.append(f"{BREAK}{_image(values)}{BREAK}")
        elif tag == "a" and values.get("href"):
            self.links.append(f"link: {_tidy(values['href'])}")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in UNSEEN:
            self.unseen -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in UNSEEN:
            self.unseen = max(0, self.unseen - 1)
        elif not self.unseen and tag in BLOCKS:
            self.pieces.append(BREAK)

    def handle_data(self, data: str) -> None:
        if not self.unseen:
            self.pieces.append(data.replace(BREAK, " "))


def _image(values: dict[str, str]) -> str:
    parts = [f"image: {_tidy(values.get('src', ''))}"]
    for name in ("alt", "title"):
        if values.get(name):
            parts.append(f"{name}: {_tidy(values[name])}")
    return " | ".join(parts)


def case_lines(source: Source, reader: Reader, names: Names) -> list[str]:
    """Everything a reader sees of the case in `source`, as lines of plain text."""
    meta = source.meta
    lines = [f"title: {_tidy(meta.get('title') or '')}", f"address: {_tidy(meta.get('slug', ''))}"]
    summary = meta.get("summary")
    if summary is not None:
        lines.append(f"summary: {reader.plain(str(summary))}")
    for _key, label, value in case_fields(meta.get("case")):
        shown = "; ".join(map(str, value)) if isinstance(value, list) else value
        lines.append(f"{label}: {_tidy(shown)}")
    announced = meta.get("followup_announced")
    if announced is not None and _tidy(announced):
        lines.append(f"follow-up coming: {_tidy(announced)}")
    tags = text_list(source, "tags")[0]
    lines += [f"condition: {name}" for name in sorted({_tidy(names(t)) for t in tags})]
    body, links = reader.text_lines(reader.html(source.body))
    return [line for line in lines if line.split(": ", 1)[-1]] + body + links


def fingerprint(lines: Iterable[str]) -> str:
    """The fingerprint of a case's lines: the same lines, the same fingerprint."""
    digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
    return f"{VERSION}-{digest[:HASH_LENGTH]}"


def _quote(words: Sequence[str]) -> str:
    text = " ".join(words)
    return f'"{text}"' if len(text) <= QUOTED else f'"{text[: QUOTED - 1]}…"'


def _word_changes(old: Sequence[str], new: Sequence[str]) -> list[str]:
    if len(old) * len(new) > MAX_WORD_PAIRS:
        return [f"removed: {_quote(old)}", f"added: {_quote(new)}"]
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    found = []
    for op, a, b, c, d in matcher.get_opcodes():
        if op in ("delete", "replace"):
            found.append(f"removed: {_quote(old[a:b])}")
        if op in ("insert", "replace"):
            found.append(f"added: {_quote(new[c:d])}")
    return found


def changes(old: Sequence[str], new: Sequence[str]) -> list[str]:
    """What changed from `old` lines to `new`, in plain words: 'added: "…"', 'removed: "…"'."""
    # Lines first (linear in a long case), then words within the lines that changed.
    matcher = difflib.SequenceMatcher(None, list(old), list(new), autojunk=False)
    found: list[str] = []
    for op, a, b, c, d in matcher.get_opcodes():
        if op == "equal":
            continue
        before = [w for line in old[a:b] for w in line.split()]
        after = [w for line in new[c:d] for w in line.split()]
        found += _word_changes(before, after)
    return found


def summary_of_changes(found: Sequence[str]) -> str:
    """The first few changes joined for a one-line message, and how many more there are."""
    shown = "; ".join(found[:SHOWN_CHANGES])
    more = len(found) - SHOWN_CHANGES
    return f"{shown}; and {more} more" if more > 0 else shown


def names_from(lookup: Callable[[str], Any]) -> Names:
    """Tag -> condition name through a vocabulary's lookup; an unknown tag as written."""

    def name(tag: str) -> str:
        entry = lookup(tag)
        found = getattr(entry, "name", None)
        return found if isinstance(found, str) else tag

    return name
