"""Camera, place and time metadata in the images a site publishes.

Pillow reads EXIF from JPEG, PNG, WebP, TIFF and AVIF. XMP packets (which can
repeat GPS, camera and time) are read from Pillow's `info["xmp"]`, and from the
raw bytes of a GIF, whose XMP application block Pillow does not expose.
"""

import os
import re
from pathlib import Path

from PIL import ExifTags, Image, UnidentifiedImageError

from .findings import Finding

IMAGE_REFERENCE = re.compile(
    r"!\[[^\]\n]*\]\([ \t]*<?([^)\s>]+)|<img\b[^<>]*\bsrc=[\"']([^\"'<>]+)"
)


def image_references(text: str) -> list[tuple[int, str]]:
    """(line, target) of each image a post shows, for `image_findings` by the caller."""
    return [
        (number, m.group(1) or m.group(2))
        for number, line in enumerate(text.splitlines(), start=1)
        for m in IMAGE_REFERENCE.finditer(line)
    ]


# XMP names for the same three things, as attributes (name="v") or elements (<name>v<).
XMP_FIELDS = (
    ("GPS position", re.compile(rb"exif:GPS(?:Latitude|Longitude)")),
    ("camera", re.compile(rb"tiff:(?:Make|Model)[ \t\r\n]*(?:=[ \t\r\n]*[\"']|>)([^\"'<]{1,200})")),
    (
        "time taken",
        re.compile(
            rb"(?:exif:DateTimeOriginal|photoshop:DateCreated)[ \t\r\n]*(?:=[ \t\r\n]*[\"']|>)"
            rb"([^\"'<]{1,64})"
        ),
    ),
)
GIF_XMP = b"XMP DataXMP"
# Enough of a GIF to hold its XMP block; the pixels after it are not read.
GIF_READ_LIMIT = 16 * 1024 * 1024


def _exif(image: Image.Image) -> list[str]:
    """What the EXIF of an open image gives away."""
    exif = image.getexif()
    found = []
    if exif.get_ifd(ExifTags.IFD.GPSInfo):
        found.append("GPS position")
    camera = " ".join(
        str(exif[tag]).strip() for tag in (ExifTags.Base.Make, ExifTags.Base.Model) if exif.get(tag)
    )
    if camera:
        found.append(f"camera {camera}")
    taken = exif.get_ifd(ExifTags.IFD.Exif).get(ExifTags.Base.DateTimeOriginal)
    if taken:
        found.append(f"time taken {taken}")
    return found


def _xmp(packet: bytes) -> list[str]:
    """What an XMP packet gives away."""
    found = []
    for what, pattern in XMP_FIELDS:
        values = [m.group(m.lastindex or 0) for m in pattern.finditer(packet)]
        if values and what == "GPS position":
            found.append(what)
        elif values:
            text = " ".join(v.decode("utf-8", "replace").strip() for v in values)
            found.append(f"{what} {text}")
    return found


def _gif_xmp(path: str | os.PathLike[str]) -> bytes:
    """The XMP block of a GIF file, or b''."""
    with open(path, "rb") as stream:
        data = stream.read(GIF_READ_LIMIT)
    start = data.find(GIF_XMP)
    return data[start:] if start >= 0 else b""


def image_findings(path: str | os.PathLike[str]) -> list[Finding]:
    """Camera, place and time metadata in an image file, as findings on line 0."""
    try:
        with Image.open(path) as image:
            found = _exif(image)
            packet = image.info.get("xmp") or b""
            if image.format == "GIF":
                packet = _gif_xmp(path)
    except UnidentifiedImageError:
        return []  # SVG and other non-raster files carry no EXIF
    except Image.DecompressionBombError as err:
        raise OSError(f"it is too large to open safely: {err}") from err
    if isinstance(packet, str):
        packet = packet.encode("utf-8", "replace")
    kinds = {what.split(" ")[0] for what in found}
    blocks = [(what, "EXIF") for what in found]
    blocks += [(what, "XMP") for what in _xmp(packet) if what.split(" ")[0] not in kinds]
    name = Path(path).name
    return [
        Finding(
            0,
            "image-exif",
            what,
            f"{name} carries its {what} in {where}; strip the metadata "
            f"(exiftool -all= {name}) or re-save the image without {where}",
        )
        for what, where in blocks
    ]
