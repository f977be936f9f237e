"""The images a post shows, brought from the old site into content/images/.

From a copy of `wp-content/uploads` when one is given, else downloaded from the old site the
practitioner names (`OLD_SITE`; fetch.py: public addresses only, time and size limits), never
from a host the export names. A file is named after its own name, made plain and never
over another file: the same bytes already there are used as they are, anything else gets a
new name. An image that cannot be had keeps its place in the post and is reported.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from ..content.newfiles import write_new
from ..content.settings import Settings
from ..content.slugs import slug_of
from .fetch import MAX_BYTES, Fetcher, UnavailableError

IMAGES_FOLDER = "images"
UPLOADS_PATH = "/wp-content/uploads/"
RASTER = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".tif", ".tiff", ".bmp")
FILES = (*RASTER, ".svg", ".pdf")  # what a post may show or link to, brought home alike
MAX_STEM = 80


@dataclass(frozen=True)
class Brought:
    """Where an image of the old site lives now, and how it got there."""

    name: str  # under content/images/
    how: str  # "copied", "downloaded", "already there" or "missing"
    why: str = ""  # for a missing one


def is_file_url(path: str, is_image: bool) -> bool:
    """Whether an address of the old site is a file to bring home (not a page)."""
    return is_image or PurePosixPath(unquote(path)).suffix.lower() in FILES


def file_name(path: str, settings: Settings, number: int = 1) -> str:
    """A plain, safe file name for the file at an old address; `-N` for the Nth choice."""
    pure = PurePosixPath(unquote(path).replace("\\", "/"))
    suffix = pure.suffix.lower() if pure.suffix.lower() in FILES else ".jpg"
    suffix = ".jpg" if suffix == ".jpeg" else suffix
    # Dots and underscores part words (photo_2009.large -> photo-2009-large), as spaces would.
    words = re.sub(r"[._]+", "-", pure.stem)
    stem = slug_of(words, settings, MAX_STEM) or "image"
    return f"{stem}{'' if number == 1 else f'-{number}'}{suffix}"


def _checked(data: bytes, name: str) -> bytes:
    """The bytes if they are the kind of file the name says; UnavailableError if not."""
    suffix = PurePosixPath(name).suffix
    if suffix == ".pdf" and not data.startswith(b"%PDF-"):
        raise UnavailableError("not a PDF")
    if suffix == ".svg" and b"<svg" not in data[:4096]:
        raise UnavailableError("not an SVG image")
    if suffix in RASTER:
        from PIL import Image, UnidentifiedImageError  # noqa: PLC0415 - only when needed

        try:
            with Image.open(io.BytesIO(data)) as image:
                image.verify()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as err:
            raise UnavailableError(f"not an image ({str(err)[:60]})") from err
    return data


def from_uploads(uploads: Path, path: str) -> bytes:
    """The file at an old address from a local copy of wp-content/uploads."""
    decoded = unquote(path)
    if UPLOADS_PATH not in decoded:
        raise UnavailableError(f"not under {UPLOADS_PATH}, so not in UPLOADS")
    relative = decoded.split(UPLOADS_PATH, 1)[1]
    root = uploads.resolve()
    found = (root / relative).resolve()
    if not found.is_relative_to(root) or not found.is_file():
        raise UnavailableError(f"not in {uploads} (looked for {relative[:80]})")
    if found.stat().st_size > MAX_BYTES:
        raise UnavailableError(f"larger than {MAX_BYTES // 2**20} MB")
    return found.read_bytes()


@dataclass
class Images:
    """Every image brought home in one import, by its address on the old site."""

    content: Path
    settings: Settings
    fetcher: Fetcher | None = None  # the old site the practitioner named, if any
    uploads: Path | None = None
    found: dict[str, Brought] = field(default_factory=dict)  # by path on the old site
    owners: dict[str, str] = field(default_factory=dict)  # file name -> path on the old site
    down: dict[str, str] = field(default_factory=dict)  # hosts that did not answer, and why

    def bring(self, url: str) -> Brought:
        """The image at `url` (an absolute address on the old site), in content/images/."""
        parts = urlsplit(url)
        key = unquote(parts.path)
        if key not in self.found:
            query = f"?{parts.query}" if parts.query else ""
            self.found[key] = self._bring(parts.path + query, parts.path, parts.netloc.lower())
        return self.found[key]

    def _bring(self, url: str, path: str, host: str) -> Brought:
        try:
            data = self._fetch(url, path, host)
            data = _checked(data, file_name(path, self.settings))
        except UnavailableError as err:
            return Brought(self._free_name(path, None), "missing", str(err))
        name = self._free_name(path, data)
        target = self.content / IMAGES_FOLDER / name
        if target.exists():
            return Brought(name, "already there")
        if not write_new(target, data, durable=False):  # taken meanwhile: never over it
            name = self._free_name(path, data)
            if not write_new(self.content / IMAGES_FOLDER / name, data, durable=False):
                return Brought(name, "missing", "its name was taken while it was written")
        return Brought(name, "copied" if self.uploads else "downloaded")

    def _fetch(self, url: str, path: str, host: str) -> bytes:
        """The bytes of an old path: from UPLOADS, or from the named old site (never `host`,
        the export's own name for it)."""
        del host
        if self.uploads is not None:
            return from_uploads(self.uploads, path)
        if self.fetcher is None:
            raise UnavailableError(
                "not downloaded: give the old site's address (OLD_SITE=https://…) or a copy of "
                "its uploads (UPLOADS=…/wp-content/uploads)"
            )
        site = self.fetcher.netloc
        if site in self.down:
            raise UnavailableError(self.down[site])
        try:
            return self.fetcher.get(self.fetcher.url_for(url))
        except UnavailableError as err:
            if "did not answer" in str(err) or "public hosts only" in str(err):
                self.down[site] = str(err)
            raise

    def _free_name(self, path: str, data: bytes | None) -> str:
        """The first name not used by another image: the same bytes on disk count as free."""
        key = unquote(path)
        number = 1
        while True:
            name = file_name(path, self.settings, number)
            owner = self.owners.get(name)
            on_disk = self.content / IMAGES_FOLDER / name
            if owner in (None, key) and (
                not os.path.lexists(on_disk)
                or (data is not None and on_disk.is_file() and _same(on_disk, data))
            ):
                self.owners[name] = key
                return name
            number += 1


def _same(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False
