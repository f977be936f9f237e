"""The text inside files a site publishes as they are: images, SVG drawings and PDFs.

`svg_text` reads an SVG's <text>, <tspan>, <title> and <desc> (and aria-label) with
lxml, entities and the network off; `pdf_text` reads a PDF's pages and its properties
(Title, Author, Subject, Keywords) with pypdf. `lint_fields` lints those texts, and an
image's metadata (`images.image_text`), as the lint reads any other text: a finding
names the file, the field and what to do.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from .document import read_text
from .findings import FAX, NAMES, PHONE, Finding, finding, quoted
from .gazetteer import normal, tier
from .images import FIELD_LIMIT, FIELDS_LIMIT, TextField
from .lint import lint_document

SVG_TEXT = frozenset({"text", "tspan", "textPath", "title", "desc"})
PDF_PROPERTIES = {"/Title": False, "/Author": True, "/Subject": False, "/Keywords": False}
PDF_PAGES = 50  # a handout or a form; a longer PDF is read this far
PDF_PAGE_TEXT = 100_000


def svg_text(path: str | os.PathLike[str]) -> list[TextField]:
    """Every text an SVG drawing shows or names, one field a text element, with its line."""
    from lxml import etree  # noqa: PLC0415 - only SVGs need it

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, recover=True
    )
    try:
        root = etree.parse(str(path), parser).getroot()
    except (etree.XMLSyntaxError, OSError, ValueError):
        return []
    if root is None:
        return []
    fields = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname
        label = element.get("aria-label")
        if label:
            fields.append(TextField("SVG", "aria-label", label, line=element.sourceline or 0))
        if name in SVG_TEXT:
            text = " ".join("".join(element.itertext()).split()) if name != "tspan" else ""
            if text:
                fields.append(TextField("SVG", f"<{name}>", text, line=element.sourceline or 0))
        if len(fields) >= FIELDS_LIMIT:
            break
    return [TextField(f.where, f.name, f.value[:FIELD_LIMIT], line=f.line) for f in fields]


def pdf_text(path: str | os.PathLike[str]) -> list[TextField]:
    """A PDF's properties and the text of its pages, one field a line of text."""
    from pypdf import PdfReader  # noqa: PLC0415 - only PDFs need it
    from pypdf.errors import PyPdfError  # noqa: PLC0415

    try:
        reader = PdfReader(str(path), strict=False)
        properties = reader.metadata
        fields = [
            TextField("PDF properties", key.lstrip("/"), str(value), person)
            for key, person in PDF_PROPERTIES.items()
            if properties is not None and (value := properties.get(key))
        ]
        for number, page in enumerate(reader.pages[:PDF_PAGES], start=1):
            text = (page.extract_text() or "")[:PDF_PAGE_TEXT]
            fields += [
                TextField(f"page {number}", "text", line.strip())
                for line in text.splitlines()
                if line.strip()
            ]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as err:
        raise OSError(f"it cannot be read as a PDF ({err})") from err
    return fields[: FIELDS_LIMIT * 10]


def pdf_has_images(path: str | os.PathLike[str]) -> bool:
    """Whether a PDF holds a picture or a scanned page the lint cannot read (or may hold one)."""
    from pypdf import PdfReader  # noqa: PLC0415 - only PDFs need it
    from pypdf.errors import PyPdfError  # noqa: PLC0415

    try:
        reader = PdfReader(str(path), strict=False)
        # Pages past those read are unread too: only a short PDF is known to be text alone.
        if len(reader.pages) > PDF_PAGES:
            return True
        return any(len(page.images) for page in reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError):
        return True  # what cannot be read is warned about, never passed in silence


# What a finding is, as a file's message says it.
WHAT = {
    "names": "a full name", "geography": "a place smaller than a state", "dates": "a date",
    "ages": "an age over 89", "phone": "a phone number", "fax": "a fax number",
    "email": "an email address", "ssn": "a social security number",
    "medical-record": "a medical record number", "health-plan": "a health plan number",
    "account": "an account number", "licence": "a licence number",
    "vehicle": "a vehicle plate or VIN", "device": "a device serial number",
    "url": "a URL that identifies someone", "ip": "an IP address",
    "biometric": "a biometric identifier", "other-code": "an identifying code",
}  # fmt: skip
# "Denise Okafor", "(c) Irene Kowalczyk": what a name field holds when it holds a name.
PERSON = re.compile(r"(?:[A-ZÀ-Þ][\w'’-]*\.?[ \t]+){1,3}[A-ZÀ-Þ][\w'’-]+")
COPYRIGHT = re.compile(r"(?i:^\s*(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?:by\s+)?)")


def _advice(kind: str, name: str) -> str:
    if kind == "svg":
        return "remove it from the drawing's text, or redraw without it"
    if kind == "pdf":
        return "remove it from the document and its properties, or publish a blank form"
    return f"strip the metadata (exiftool -all= {name}) or re-save the image without it"


def lint_fields(
    fields: Iterable[TextField],
    name: str,
    kind: str,
    *,
    allowed: Iterable[str] = (),
    known_terms: Iterable[str] = (),
) -> list[Finding]:
    """What a file's texts give away: each field linted as text, as findings naming the field.

    `kind` is "image", "svg" or "pdf" (for the advice); `name` the file's name.
    """
    fields = list(fields)
    allowed = [a for a in allowed if a and a.strip()]
    lowered = [" ".join(a.lower().split()) for a in allowed]
    text = "\n".join(" ".join(f.value.split()) for f in fields)
    found = lint_document(read_text(text), allowed=allowed, known_terms=known_terms)
    by_field: dict[int, list[Finding]] = {}
    for f in found:
        by_field.setdefault(f.line - 1, []).append(f)
    findings: list[Finding] = []
    for i, field in enumerate(fields):
        own = by_field.get(i, [])
        value = " ".join(field.value.split())
        if field.names_a_person and not any(f.category == NAMES for f in own):
            person = PERSON.fullmatch(COPYRIGHT.sub("", value).strip())
            if person and not any(person.group().lower() in a for a in lowered):
                own.append(finding(0, "name", person.group(), NAMES))
        place = field.names_a_place and not own and tier(normal(value))
        if place and not any(value.lower() in a for a in lowered):
            own.append(finding(0, "place", value))
        for f in own:
            findings.append(_about(f, field, name, kind))
    return findings


def _about(found: Finding, field: TextField, name: str, kind: str) -> Finding:
    """A finding in a file's field, worded for the file: which field holds what, what to do."""
    category = found.category
    if category == PHONE and "fax" in field.value.lower():
        category = FAX
    where = f"{field.where} {field.name}" if field.name != "text" else field.where
    message = (
        f"{name} carries {WHAT.get(category, 'an identifier')} {quoted(found.text)} in its "
        f"{where}; {_advice(kind, name)}"
    )
    if found.warning:
        reason = found.message.rsplit("(a warning, not an error: ", 1)[-1].rstrip(")")
        message += f" (a warning, not an error: {reason})"
    return Finding(field.line, found.kind, found.text, message, category, found.warning)


def file_fields(path: str | os.PathLike[str]) -> tuple[str, list[TextField]]:
    """(kind, texts) of a published file: an image's metadata, an SVG's text, a PDF's text."""
    from .images import image_text  # noqa: PLC0415

    suffix = Path(path).suffix.lower()
    if suffix == ".svg":
        return "svg", svg_text(path)
    if suffix == ".pdf":
        return "pdf", pdf_text(path)
    return "image", image_text(path)
