"""One content file as the desk edits it: its bytes when opened, its text, and a new text.

A changed value is written into the front matter where it stands (header.py); the body is
replaced whole; the byte-order mark and the line endings the file had are kept. Saving is
atomic and refuses to write over a file that changed on disk since it was opened.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..content import source as reading
from ..content.source import Source
from . import header

BOM = "\ufeff"
_saving = threading.Lock()  # one save at a time: the check and the rename go together


def digest(raw: bytes) -> str:
    """What the desk remembers of a file's bytes when it opens it."""
    return hashlib.sha256(raw).hexdigest()


@dataclass(frozen=True)
class Document:
    """A content file's text as the readers see it, and how its bytes were written."""

    relpath: str
    text: str  # decoded, "\n" line endings, no byte-order mark
    base: str  # digest of the bytes it was read from ("" for a file not yet written)
    bom: bool = False
    crlf: bool = False
    shown: str = ""
    label: str = ""

    def source(self, text: str | None = None) -> Source:
        """The Source of this text (or of another text for the same file)."""
        return reading.parse(
            self.relpath, self.text if text is None else text, self.shown, self.label
        )

    def encode(self, text: str) -> bytes:
        """`text` as this file's bytes: its line endings and byte-order mark."""
        if self.crlf:
            text = text.replace("\n", "\r\n")
        return ((BOM if self.bom else "") + text).encode("utf-8")


class NotTextError(Exception):
    """A file the desk cannot edit as text (not UTF-8)."""


def open_document(path: Path, relpath: str, shown: str = "", label: str = "") -> Document:
    """The file at `path`, read now; NotTextError if it is not UTF-8."""
    raw = path.read_bytes()
    text, problem = reading.decode(relpath, raw, shown)
    if problem is not None or text is None:
        raise NotTextError(problem.message if problem else "not UTF-8 text")
    crlf = b"\r\n" in raw
    return Document(relpath, text, digest(raw), raw.startswith(b"\xef\xbb\xbf"), crlf, shown, label)


def compose(document: Document, changes: dict[header.Path, Any], body: str | None) -> str:
    """The document's text with `changes` made in its front matter and `body` (if given)."""
    text = document.text
    for path, value in changes.items():
        text = _change(document.source(text), text, path, value)
    if body is not None:
        source = document.source(text)
        rows = text.split("\n")[: source.body_start - 1]
        body = body.replace("\r\n", "\n").replace("\r", "\n")
        if body and not body.endswith("\n"):
            body += "\n"
        text = "\n".join(rows) + ("\n" if rows else "") + body
    return text


def _change(source: Source, text: str, path: header.Path, value: Any) -> str:
    rows = text.split("\n")
    if source.is_yaml:
        # The header between the `---` lines; rows[start - 1] is the opening line.
        opening, closing = source.start - 1, source.body_start - 2
        old = "\n".join(rows[opening + 1 : closing]) + "\n" if closing > opening + 1 else ""
        new = header.set_yaml(old, path, value).removesuffix("\n")
        return "\n".join([*rows[: opening + 1], *new.split("\n"), *rows[closing:]])
    if len(path) != 1:
        raise ValueError(f"a `Key: value` header has no nested keys ({'.'.join(path)})")
    if not source.meta and source.body_start == 1:
        return "\n".join([f"{path[0].capitalize()}: {header.plain_value(value)}", "", *rows])
    begin, end = source.start - 1, source.body_start - 1
    return "\n".join(header.set_plain(rows, begin, end, path[0], value))


class ChangedOnDiskError(Exception):
    """The file is no longer what the desk opened: nothing was written."""

    def __init__(self, current: bytes | None) -> None:
        super().__init__("changed on disk since it was opened")
        self.current = current


def save(path: Path, document: Document, text: str) -> str:
    """Write `text` over the file, whole or not at all, if it is still what was opened.

    Returns the digest of the bytes written; ChangedOnDiskError (and nothing written) if the
    file's bytes are not the ones `document` was read from, or it appeared or vanished.
    """
    data = document.encode(text)
    with _saving:
        try:
            current: bytes | None = path.read_bytes()
        except FileNotFoundError:
            current = None
        if (digest(current) if current is not None else "") != document.base:
            raise ChangedOnDiskError(current)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            if current is not None:
                os.chmod(temporary, path.stat().st_mode & 0o7777)
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.remove(temporary)
            raise
    return digest(data)
