"""A picture for a post: made again from its pixels alone, at most the site's widest, safely named.

Nothing of the uploaded file but its pixels reaches content/images/: no EXIF (camera, time,
GPS), XMP, IPTC, comment or colour profile, and not its file name, which may name a client.
"""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from ..content.newfiles import write_new

# The theme's text column is 70ch (about 760 CSS pixels at its widest); twice that keeps a
# picture sharp on high-density screens. Anything wider is made smaller.
SITE_WIDTH = 1600
MAX_BYTES = 20 * 1024 * 1024  # an upload larger than this is refused before it is read
MAX_PIXELS = 60_000_000  # a larger picture is refused (a 60-megapixel camera is the most)
FORMATS = {"JPEG", "MPO", "PNG", "WEBP", "GIF", "TIFF", "BMP"}
FOLDER = "images"
PLAIN = re.compile(r"[^a-z0-9-]+")


class NotAPictureError(Exception):
    """What was sent is no picture the desk can take, and why, in plain words."""


@dataclass(frozen=True)
class Picture:
    """A picture written under content/images/."""

    relpath: str  # relative to the content folder
    width: int
    height: int

    def markdown(self, alt: str) -> str:
        """The line that shows it in a post."""
        return f"![{alt_text(alt)}]({{static}}/{self.relpath})"


def alt_text(alt: str) -> str:
    """Alt text as Markdown keeps it: one line, no bracket that would end it."""
    line = " ".join(alt.split())
    return line.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def clean(raw: bytes, width: int = SITE_WIDTH) -> tuple[bytes, str, tuple[int, int]]:
    """The picture's pixels alone, re-encoded: (bytes, extension, size); NotAPictureError if not."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(raw)) as opened:
                if opened.format not in FORMATS:
                    raise NotAPictureError(
                        f"a {opened.format or 'file'} file is not a picture the site shows; "
                        "save it as JPEG or PNG"
                    )
                if opened.width * opened.height > MAX_PIXELS:
                    raise NotAPictureError(
                        "the picture is larger than any camera's; make it smaller"
                    )
                # Turned the way the camera said, before the orientation tag goes with the rest.
                image = ImageOps.exif_transpose(opened)
                image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as err:
            raise NotAPictureError(
                "the picture is larger than any camera's; make it smaller"
            ) from err
        except (OSError, SyntaxError, ValueError) as err:
            raise NotAPictureError(
                "this file is not a picture (or it is damaged); choose another"
            ) from err
    keeps_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    image = image.convert("RGBA" if keeps_alpha else "RGB")
    if image.width > width:
        height = max(1, round(image.height * width / image.width))
        image = image.resize((width, height), Image.Resampling.LANCZOS)
    # A new image from the pixels alone: no info, no EXIF, no profile carried over.
    bare = Image.frombytes(image.mode, image.size, image.tobytes())
    out = io.BytesIO()
    if keeps_alpha:
        bare.save(out, "PNG", optimize=True)
        return out.getvalue(), "png", bare.size
    bare.save(out, "JPEG", quality=85, optimize=True, progressive=True)
    return out.getvalue(), "jpg", bare.size


def save(content: Path, slug: str, raw: bytes, width: int = SITE_WIDTH) -> Picture:
    """Write the cleaned picture as content/images/<slug>-<n>.<ext>, never over another file."""
    data, extension, (w, h) = clean(raw, width)
    stem = PLAIN.sub("-", slug.lower()).strip("-")[:60].strip("-") or "picture"
    folder = content / FOLDER
    for number in range(1, 10_000):
        name = f"{stem}-{number}.{extension}"
        if write_new(folder / name, data):
            return Picture(f"{FOLDER}/{name}", w, h)
    raise NotAPictureError(f"{FOLDER}/ already holds 9999 pictures named {stem}-…; rename some")
