"""Every page a build wrote, by the digest of its bytes, kept in the cache folder.

A page a later build need not render again is put back from here: linked (or copied, across
file systems) into the output folder, so a publish build into an empty folder costs no more
than one that finds last build's files in place. An entry is used only while it is exactly
what was stored (its size and modification time): anything else is rendered again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from dataclasses import dataclass
from typing import BinaryIO

PAGES = "pages"
# How a file aside is made: new (never through a link), and on Windows in bytes, not text.
ASIDE = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
)


@dataclass(frozen=True)
class Entry:
    """A page as stored: the digest of its bytes, and the size and time of the stored file."""

    digest: str
    size: int
    mtime_ns: int


def digest(data: bytes) -> str:
    """What names a page in the store."""
    return hashlib.blake2b(data, digest_size=20).hexdigest()


class Store:
    """Pages by digest, under `folder/pages/`."""

    def __init__(self, folder: str) -> None:
        self.folder = os.path.join(folder, PAGES)

    def path(self, made: str) -> str:
        return os.path.join(self.folder, made[:2], made)

    def put(self, filename: str, data: bytes) -> Entry | None:
        """Keep the page just written at `filename` (its bytes `data`); None if it cannot be."""
        made = digest(data)
        stored = self.path(made)
        try:
            if not os.path.exists(stored):
                os.makedirs(os.path.dirname(stored), exist_ok=True)
                try:
                    os.link(filename, stored)
                except OSError:
                    _copy(filename, stored)
            found = os.stat(stored)
        except OSError:
            return None  # a read-only or full cache folder: the page is rendered next time
        return Entry(made, found.st_size, found.st_mtime_ns)

    def put_text(self, text: str) -> Entry | None:
        """Keep a file written elsewhere (a feed): a copy of its own, never a link, since the
        writer opens the output file again in place; None if it cannot be."""
        data = text.encode("utf-8")
        made = digest(data)
        stored = self.path(made)
        try:
            if not os.path.exists(stored):
                os.makedirs(os.path.dirname(stored), exist_ok=True)
                _write(stored, data)
            found = os.stat(stored)
        except OSError:
            return None
        return Entry(made, found.st_size, found.st_mtime_ns)

    def text(self, entry: Entry | None) -> str | None:
        """A file kept by `put_text`, if it is still exactly what was kept."""
        if entry is None:
            return None
        try:
            with open(self.path(entry.digest), "rb") as file:
                found = os.fstat(file.fileno())
                if (found.st_size, found.st_mtime_ns) != (entry.size, entry.mtime_ns):
                    return None  # changed or damaged since: never trusted
                data = file.read()
        except OSError:
            return None
        return data.decode("utf-8") if digest(data) == entry.digest else None

    def restore(self, entry: Entry | None, filename: str) -> bool:
        """Put the stored page at `filename`; False if it is not stored as it was."""
        if entry is None:
            return False
        stored = self.path(entry.digest)
        try:
            found = os.stat(stored)
            if (found.st_size, found.st_mtime_ns) != (entry.size, entry.mtime_ns):
                return False  # changed or damaged since: never trusted
            with contextlib.suppress(FileNotFoundError):
                if os.stat(filename).st_ino == found.st_ino:
                    return True  # last build's file, still in place
                os.unlink(filename)
            os.makedirs(os.path.dirname(filename), exist_ok=True)
            try:
                os.link(stored, filename)
            except OSError:
                _copy(stored, filename)
        except OSError:
            return False
        return True

    def forget_all_but(self, kept: set[str]) -> None:
        """Remove every stored page no kept build refers to."""
        if not os.path.isdir(self.folder):
            return
        for folder in os.listdir(self.folder):
            inside = os.path.join(self.folder, folder)
            for name in os.listdir(inside) if os.path.isdir(inside) else ():
                if name not in kept:
                    with contextlib.suppress(OSError):
                        os.unlink(os.path.join(inside, name))


def _copy(source: str, target: str) -> None:
    """Copy a file whole: written aside, then renamed, so no half file is ever seen."""
    with open(source, "rb") as file:
        _write(target, file)


def _write(target: str, data: bytes | BinaryIO) -> None:
    """Write a file whole: aside, then renamed, so no half file is ever seen. The name aside
    is made anew (a link planted there is removed, never written through)."""
    temporary = f"{target}.{os.getpid()}.tmp"
    try:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)  # a link itself, or a file a killed build left
        made = os.open(temporary, ASIDE, 0o666)
        with os.fdopen(made, "wb") as file:
            if isinstance(data, bytes):
                file.write(data)
            else:
                shutil.copyfileobj(data, file)
        os.replace(temporary, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def write_page(filename: str, text: str) -> None:
    """Write a page's file anew, as Pelican's writer does: a stored page is never changed."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(filename)  # it may be linked into the store
    with open(filename, "w", encoding="utf-8") as file:
        file.write(text)
