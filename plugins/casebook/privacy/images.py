"""What the images a site publishes carry besides their pixels: place, time, camera, and text.

Pillow reads EXIF from JPEG, PNG, WebP, TIFF and AVIF; XMP packets from Pillow's
`info["xmp"]` (and from the raw bytes of a GIF, whose XMP application block Pillow does
not expose); IPTC from a JPEG's Photoshop block; PNG text chunks, and JPEG and GIF
comments. GPS, the camera and the time taken are findings of their own (`image_findings`);
every text field (Artist, ImageDescription, Copyright, UserComment, XPAuthor,
CameraOwnerName, IPTC By-line and Caption, XMP dc:creator and Location, a PNG's Author,
a comment ...) is returned by `image_text` for the lint to read like any other text.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from PIL import ExifTags, Image, ImageFile, IptcImagePlugin, UnidentifiedImageError

from .findings import DATES, DEVICE, GEOGRAPHY, Finding

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
# A text field longer than this is cut: no caption needs more, and a hostile one stays cheap.
FIELD_LIMIT = 10_000
FIELDS_LIMIT = 200


@dataclass(frozen=True)
class TextField:
    """One text an image carries: where (EXIF, XMP, IPTC, PNG text, comment), which field, what."""

    where: str
    name: str
    value: str
    names_a_person: bool = False  # Artist, Author, Copyright: the value is someone's name
    names_a_place: bool = False  # City, Location: the value is a place
    line: int = 0  # in an SVG, the line of the element


# EXIF text tags, and whether each names a person.
EXIF_TEXT = {
    ExifTags.Base.ImageDescription: ("ImageDescription", False),
    ExifTags.Base.Artist: ("Artist", True),
    ExifTags.Base.Copyright: ("Copyright", True),
    ExifTags.Base.DocumentName: ("DocumentName", False),
    ExifTags.Base.XPTitle: ("XPTitle", False),
    ExifTags.Base.XPComment: ("XPComment", False),
    ExifTags.Base.XPAuthor: ("XPAuthor", True),
    ExifTags.Base.XPKeywords: ("XPKeywords", False),
    ExifTags.Base.XPSubject: ("XPSubject", False),
}
EXIF_IFD_TEXT = {
    ExifTags.Base.UserComment: ("UserComment", False),
    ExifTags.Base.CameraOwnerName: ("CameraOwnerName", True),
}
SERIALS = {
    ExifTags.Base.BodySerialNumber: "camera serial number",
    ExifTags.Base.LensSerialNumber: "lens serial number",
}
# IPTC IIM datasets of record 2 that hold text.
IPTC_TEXT = {
    5: ("ObjectName", False, False), 25: ("Keywords", False, False),
    80: ("By-line", True, False), 85: ("By-lineTitle", False, False),
    90: ("City", False, True), 92: ("Sub-location", False, True),
    95: ("Province-State", False, False), 101: ("Country", False, False),
    105: ("Headline", False, False), 110: ("Credit", True, False), 115: ("Source", False, False),
    116: ("CopyrightNotice", True, False), 118: ("Contact", True, False),
    120: ("Caption-Abstract", False, False), 122: ("Writer-Editor", True, False),
}  # fmt: skip
PERSON_KEYS = frozenset(
    "author artist creator copyright by-line owner cameraownername writer contact credit "
    "rights".split()
)
PLACE_KEYS = frozenset("city location sub-location sublocation locationshown".split())


def _text(value: object) -> str:
    """An EXIF, IPTC or PNG value as text: XP tags are UTF-16, UserComment has a charset prefix."""
    if isinstance(value, bytes):
        if value[:8] in (b"ASCII\0\0\0", b"UNICODE\0", b"JIS\0\0\0\0\0", b"\0" * 8):
            charset, value = value[:8], value[8:]
            if charset == b"UNICODE\0":
                return value.decode("utf-16", "replace").strip("\0 ")
        if len(value) >= 2 and value[1:2] == b"\0":
            return value.decode("utf-16-le", "replace").strip("\0 ")
        return value.decode("utf-8", "replace").strip("\0 ")
    if isinstance(value, tuple):
        return " ".join(_text(v) for v in value)
    return str(value).strip("\0 ")


def _key_kind(key: str) -> tuple[bool, bool]:
    lower = key.lower().rsplit(":", 1)[-1]
    return lower in PERSON_KEYS, lower in PLACE_KEYS


def _exif_text(image: Image.Image) -> list[TextField]:
    exif = image.getexif()
    fields = [
        TextField("EXIF", name, _text(exif[tag]), person)
        for tag, (name, person) in EXIF_TEXT.items()
        if exif.get(tag)
    ]
    inner = exif.get_ifd(ExifTags.IFD.Exif)
    fields += [
        TextField("EXIF", name, _text(inner[tag]), person)
        for tag, (name, person) in EXIF_IFD_TEXT.items()
        if inner.get(tag)
    ]
    return fields


def _iptc_text(image: Image.Image) -> list[TextField]:
    if not isinstance(image, ImageFile.ImageFile):
        return []
    try:
        info = IptcImagePlugin.getiptcinfo(image) or {}
    except (SyntaxError, ValueError, OSError, IndexError, KeyError):
        return []
    fields = []
    for (record, dataset), value in info.items():
        if record != 2 or dataset not in IPTC_TEXT:
            continue
        name, person, place = IPTC_TEXT[dataset]
        for item in value if isinstance(value, list) else [value]:
            fields.append(TextField("IPTC", name, _text(item), person, place))
    return fields


XMP_PARSER_OPTIONS = {"resolve_entities": False, "no_network": True, "huge_tree": False,
                      "recover": True, "load_dtd": False}  # fmt: skip


def _xmp_text(packet: bytes) -> list[TextField]:
    """Every text of an XMP packet, by the name of the property it belongs to (entities off)."""
    if not packet:
        return []
    from lxml import etree  # noqa: PLC0415 - only images with XMP need it

    try:
        root = etree.fromstring(packet, etree.XMLParser(**XMP_PARSER_OPTIONS))
    except (etree.XMLSyntaxError, ValueError):
        return []
    if root is None:
        return []
    fields = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute, value in element.attrib.items():
            name = etree.QName(attribute).localname
            if name not in ("about",) and value.strip() and not value.startswith("uuid:"):
                fields.append(_xmp_field(name, value))
        text = (element.text or "").strip()
        if text:
            owner = element
            while owner is not None and etree.QName(owner).namespace == RDF:
                owner = owner.getparent()
            name = etree.QName(owner).localname if owner is not None else "text"
            fields.append(_xmp_field(name, text))
    return fields


RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XMP_SKIP = frozenset(
    "GPSLatitude GPSLongitude GPSAltitude Make Model DateTimeOriginal DateCreated CreateDate "
    "ModifyDate MetadataDate CreatorTool DocumentID InstanceID OriginalDocumentID Orientation "
    "ColorSpace PixelXDimension PixelYDimension format lang".split()
)


def _xmp_field(name: str, value: str) -> TextField:
    person, place = _key_kind(name)
    return TextField("XMP", name, value if name not in XMP_SKIP else "", person, place)


def _png_text(image: Image.Image) -> list[TextField]:
    fields = []
    for key, value in (getattr(image, "text", None) or {}).items():
        if key.startswith("XML:com.adobe.xmp"):
            continue
        person, place = _key_kind(key)
        fields.append(TextField("PNG text", key, _text(value), person, place))
    return fields


def image_text(path: str | os.PathLike[str]) -> list[TextField]:
    """Every text field an image carries, cut to FIELD_LIMIT each and FIELDS_LIMIT in all."""
    try:
        with Image.open(path) as image:
            fields = _exif_text(image) + _iptc_text(image) + _png_text(image)
            comment = image.info.get("comment")
            if comment:
                fields.append(TextField("comment", "Comment", _text(comment)))
            packet = image.info.get("xmp") or b""
            if image.format == "GIF":
                packet = _gif_xmp(path)
    except UnidentifiedImageError:
        return []
    except Image.DecompressionBombError as err:
        raise OSError(f"it is too large to open safely: {err}") from err
    if isinstance(packet, str):
        packet = packet.encode("utf-8", "replace")
    fields += _xmp_text(packet[: 1024 * 1024])
    kept = [f for f in fields if f.value.strip()][:FIELDS_LIMIT]
    return [
        TextField(f.where, f.name, f.value[:FIELD_LIMIT], f.names_a_person, f.names_a_place, f.line)
        for f in kept
    ]


def _exif(image: Image.Image) -> list[tuple[str, str]]:
    """(what, category) of what the EXIF of an open image gives away besides text."""
    exif = image.getexif()
    found = []
    if exif.get_ifd(ExifTags.IFD.GPSInfo):
        found.append(("GPS position", GEOGRAPHY))
    camera = " ".join(
        str(exif[tag]).strip() for tag in (ExifTags.Base.Make, ExifTags.Base.Model) if exif.get(tag)
    )
    if camera:
        found.append((f"camera {camera}", DEVICE))
    inner = exif.get_ifd(ExifTags.IFD.Exif)
    taken = inner.get(ExifTags.Base.DateTimeOriginal)
    if taken:
        found.append((f"time taken {taken}", DATES))
    for tag, what in SERIALS.items():
        if inner.get(tag):
            found.append((f"{what} {_text(inner[tag])}", DEVICE))
    return found


XMP_CATEGORIES = {"GPS position": GEOGRAPHY, "camera": DEVICE, "time taken": DATES}


def _xmp(packet: bytes) -> list[tuple[str, str]]:
    """(what, category) of what an XMP packet gives away."""
    found = []
    for what, pattern in XMP_FIELDS:
        values = [m.group(m.lastindex or 0) for m in pattern.finditer(packet)]
        if values and what == "GPS position":
            found.append((what, XMP_CATEGORIES[what]))
        elif values:
            text = " ".join(v.decode("utf-8", "replace").strip() for v in values)
            found.append((f"{what} {text}", XMP_CATEGORIES[what]))
    return found


def _gif_xmp(path: str | os.PathLike[str]) -> bytes:
    """The XMP block of a GIF file, or b''."""
    with open(path, "rb") as stream:
        data = stream.read(GIF_READ_LIMIT)
    start = data.find(GIF_XMP)
    return data[start:] if start >= 0 else b""


def image_findings(path: str | os.PathLike[str]) -> list[Finding]:
    """Camera, serial, place and time metadata in an image file, as findings on line 0."""
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
    kinds = {what.split(" ")[0] for what, _ in found}
    blocks = [(what, category, "EXIF") for what, category in found]
    blocks += [(w, c, "XMP") for w, c in _xmp(packet) if w.split(" ")[0] not in kinds]
    name = Path(path).name
    return [
        Finding(
            0,
            "image-exif",
            what,
            f"{name} carries its {what} in {where}; strip the metadata "
            f"(exiftool -all= {name}) or re-save the image without {where}",
            category,
        )
        for what, category, where in blocks
    ]
