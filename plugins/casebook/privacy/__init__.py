"""A privacy lint for every content file, after the 18 HIPAA Safe Harbor identifiers.

Detectors are modules, one concern each: `people` (full names, pseudonyms),
`placenames` (towns and counties, from the `gazetteer`), `patterns` (phones,
emails, addresses, dates, ages, record numbers), `links` (URLs and link
targets), `slugs` (slugs, redirects, file names), `images` (EXIF and XMP).
`document` reads a file into what a reader sees; `lint` runs them all.
"""

from .findings import Finding
from .images import image_findings, image_references
from .links import urls
from .lint import lint_case, lint_source
from .patterns import addresses, ages, dates, emails, phones, record_numbers
from .people import names, pseudonym
from .placenames import places
from .slugs import lint_path, lint_slug

__all__ = [
    "Finding",
    "lint_source",
    "lint_case",
    "lint_slug",
    "lint_path",
    "pseudonym",
    "image_findings",
    "image_references",
    "names",
    "places",
    "phones",
    "emails",
    "addresses",
    "dates",
    "ages",
    "record_numbers",
    "urls",
]
