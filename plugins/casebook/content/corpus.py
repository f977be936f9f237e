"""Every file under content/: what the site makes of it, and its Source when it is a post."""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from . import source
from .problems import Level, Problem, shown
from .settings import Settings, casebook_settings

MARKDOWN = (".md", ".markdown", ".mkd", ".mdown")  # what Pelican's Markdown reader reads
# Other text formats Pelican could read; the site reads posts in Markdown only.
OTHER_FORMATS = (".html", ".htm", ".rst", ".txt", ".docx", ".doc", ".odt", ".rtf")
IMAGES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".tif", ".tiff", ".heic")
ALLOW_FILE = "privacy-allow.txt"


class Kind(StrEnum):
    """What the site makes of a file under the content folder."""

    ARTICLE = "article"  # a post (a case or any other), read as Markdown
    PAGE = "page"
    CONDITION = "condition"
    IMAGE = "image"  # copied as it is
    STATIC = "static"  # copied as it is
    ALLOW_LIST = "allow-list"  # the privacy allow list
    HIDDEN = "hidden"  # ignored (IGNORE_FILES)
    ELSEWHERE = "elsewhere"  # Markdown outside every folder the site reads
    FORMAT = "format"  # a post in a format the site does not read
    UNUSED = "unused"  # any other file
    ESCAPES = "escapes"  # a link to outside the folder
    ODD = "odd"  # no file to read: a FIFO, socket or device, a link in a loop or to nothing


POSTS = (Kind.ARTICLE, Kind.PAGE, Kind.CONDITION)  # read as Markdown


@dataclass(frozen=True)
class File:
    """One file under the content folder, and what the site makes of it."""

    path: Path  # on disk
    relpath: str  # relative to the content folder, with "/": the file's key everywhere
    shown: str  # as people read it where problems are printed
    kind: Kind
    label: str = ""  # as another file's message names it: the content folder's name, relpath
    why: str = ""  # for an ODD one: what it is instead of a file

    def problem(self, message: str, line: int | None = None, level: Level = Level.ERROR) -> Problem:
        """A problem with the file as a whole (or at a line of it)."""
        return Problem(self.relpath, message, line, None, level, self.shown)

    @property
    def suffix(self) -> str:
        """The file's extension, lower case, with its dot."""
        return os.path.splitext(self.relpath)[1].lower()


def _under(relpath: str, folders: Iterable[str]) -> bool:
    return any(not f.strip("/") or relpath.startswith(f.strip("/") + "/") for f in folders)


def _ignored(relpath: str, settings: Settings) -> bool:
    # Pelican matches IGNORE_FILES against each folder and file name on the way down.
    patterns = settings.get("IGNORE_FILES") or ()
    return any(fnmatch.fnmatch(part, p) for part in relpath.split("/") for p in patterns)


def kind_of(relpath: str, settings: Settings) -> Kind:
    """What the site makes of the file at `relpath`, with the same paths Pelican reads."""
    if _ignored(relpath, settings):
        return Kind.HIDDEN
    suffix = os.path.splitext(relpath)[1].lower()
    if relpath == ALLOW_FILE:
        return Kind.ALLOW_LIST
    in_articles = _under(relpath, settings["ARTICLE_PATHS"]) and not _under(
        relpath, settings.get("ARTICLE_EXCLUDES") or ()
    )
    in_pages = _under(relpath, settings["PAGE_PATHS"]) and not _under(
        relpath, settings.get("PAGE_EXCLUDES") or ()
    )
    in_static = _under(relpath, settings.get("STATIC_PATHS") or ())
    if suffix in MARKDOWN:
        if _under(relpath, [casebook_settings(settings)["CONDITIONS_PATH"]]):
            return Kind.CONDITION
        if in_pages:
            return Kind.PAGE
        if in_articles:
            return Kind.ARTICLE
        return Kind.ELSEWHERE
    if in_static:
        return Kind.IMAGE if suffix in IMAGES else Kind.STATIC
    if suffix in OTHER_FORMATS and (in_articles or in_pages):
        return Kind.FORMAT
    return Kind.UNUSED


def files(content: Path, settings: Settings) -> list[File]:
    """Every file under `content`, hidden ones too, in a stable order."""
    root = os.path.realpath(content)
    folder_name = Path(os.path.abspath(content)).name
    found = []
    # Pelican follows links, so a link is judged by where it leads (never round a loop).
    for folder, _dirs, names, odd in walk(str(content)):
        inside = _inside(os.path.realpath(folder), root)
        for name in sorted([*names, *odd]):
            path = Path(folder, name)
            relpath = path.relative_to(content).as_posix()
            kind = kind_of(relpath, settings)
            linked_out = os.path.islink(path) and not _inside(os.path.realpath(path), root)
            why = odd.get(name, "")
            if why and kind != Kind.HIDDEN:
                kind = Kind.ODD
            elif kind != Kind.HIDDEN and (linked_out or not inside):
                kind = Kind.ESCAPES
            found.append(File(path, relpath, shown(path), kind, f"{folder_name}/{relpath}", why))
    return found


def walk(top: str) -> Iterator[tuple[str, list[str], list[str], dict[str, str]]]:
    """os.walk(top, followlinks=True), as Pelican walks, but never round a loop or into a pipe.

    Yields (folder, subfolders, files, odd): `files` are regular files (or links to them),
    `odd` what is there instead of a file, by name: a FIFO, socket or device (never opened),
    a link to a folder that holds it, a link to nothing. Remove names from `subfolders` to
    leave them out, as with os.walk.
    """
    # Every folder holding `top` counts too: a link from images/ to content/ is a loop.
    above = set()
    folder = os.path.realpath(top)
    while True:
        try:
            here = os.stat(folder)
        except OSError:
            break
        above.add((here.st_dev, here.st_ino))
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    yield from _walk(top, frozenset(above))


def _walk(folder, ancestors):
    try:
        here = os.stat(folder)
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    ancestors = ancestors | {(here.st_dev, here.st_ino)}
    dirs, names, odd = [], [], {}
    for entry in entries:
        why = _odd(entry, ancestors)
        if why == "folder":
            dirs.append(entry.name)
        elif why:
            odd[entry.name] = why
        else:
            names.append(entry.name)
    yield folder, dirs, names, odd
    for name in dirs:
        yield from _walk(os.path.join(folder, name), ancestors)


def _odd(entry: os.DirEntry[str], ancestors: frozenset[tuple[int, int]]) -> str:
    """'folder', '' for a regular file, or what the entry is instead (without opening it)."""
    try:
        found = entry.stat()  # follows a link
    except OSError as err:
        if err.errno == errno.ELOOP:
            return "a link that leads back to itself (a loop)"
        return "a link to nothing (what it pointed to is gone)"
    if stat.S_ISDIR(found.st_mode):
        if (found.st_dev, found.st_ino) in ancestors:
            return "a link to a folder that holds it (a loop)"
        return "folder"
    if stat.S_ISREG(found.st_mode):
        return ""
    return SPECIAL.get(stat.S_IFMT(found.st_mode), "not a file")


SPECIAL = {
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
}


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root + os.sep)


class NotAFileError(OSError):
    """A path that names a pipe, a socket or a device: never read."""


def read_regular(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a regular file; NotAFileError for anything else, which is never waited on."""
    # O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
    descriptor = os.open(
        path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    )
    with os.fdopen(descriptor, "rb") as file:
        mode = os.fstat(file.fileno()).st_mode
        if not stat.S_ISREG(mode):
            raise NotAFileError(SPECIAL.get(stat.S_IFMT(mode), "not a file"))
        return file.read()


def unreadable_problem(relpath: str, shown_as: str, err: OSError) -> Problem:
    """Why a file could not be read, with what to do, as check and the build both say it."""
    if isinstance(err, NotAFileError):
        message = f"{err}, not a file: the site never opens it and cannot publish it; remove it"
    elif isinstance(err, FileNotFoundError):
        message = (
            "was there when the folder was listed and gone when it was read (deleted or "
            "renamed meanwhile); nothing was built from it: run the command again"
        )
    elif err.errno == errno.ELOOP:
        message = "a link that leads back to itself (a loop); remove it"
    else:
        message = (
            f"cannot be read ({err.strerror or err}); check the file's permissions, or remove it"
        )
    return Problem(relpath, message, None, None, Level.ERROR, shown_as)


def read(file: File) -> source.Source:
    """The Source of a post, page or condition file; a problem if it cannot be opened."""
    try:
        raw = read_regular(file.path)
    except OSError as err:
        problem = unreadable_problem(file.relpath, file.shown, err)
        return source.Source(
            file.relpath, "", problems=(problem,), readable=False, shown=file.shown,
            label=file.label,
        )  # fmt: skip
    return source.read(file.relpath, raw, file.shown, file.label)


def sources(found: Iterable[File]) -> Iterator[tuple[File, source.Source]]:
    """Each post, page and condition file with its Source, in order."""
    for file in found:
        if file.kind in POSTS:
            yield file, read(file)
