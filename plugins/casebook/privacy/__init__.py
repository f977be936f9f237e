"""A privacy lint for every content file, after the 18 HIPAA Safe Harbor identifiers.

Every detector reads the text as a reader sees it (`seen`: entities decoded, NFKC, nothing
invisible, look-alike letters mapped), one module per kind of identifier: `people` (full
names, pseudonyms), `lowernames` (names in lower case where the words around say a
person), `scripts` (names in Han or Hangul), `placenames` and `addresses` (geography
smaller than a state, from the `gazetteer`), `dates`, `ages`, `phones` (phone and fax),
`emails`, `ssn`, `identifiers` (medical record, health plan, account, licence, vehicle,
device, biometric and other codes, by their labels), `spoken` (a code read out after its
label), `links` (URLs and link targets), `targets` (what a link's target gives away),
`ip`, `slugs` (slugs, redirects, file names), `images` and `files` (the text in images,
SVGs and PDFs), `faces` (full-face photographs). `context` and `whose` weigh the words
around a find (a citation, a public figure, a statement about a group, someone the client
knows); `document` reads a file's Source into what a reader sees; `lint` runs them all.
"""

from .addresses import addresses
from .ages import ages
from .dates import dates
from .emails import emails
from .findings import CATEGORIES, Finding
from .identifiers import code_spans
from .images import image_findings, image_references
from .ip import ip_addresses
from .links import urls
from .lint import lint, lint_case, lint_document, lint_source
from .patterns import record_numbers
from .people import names, pseudonym
from .phones import phones
from .placenames import places
from .slugs import lint_path, lint_slug
from .ssn import ssns

__all__ = [
    "CATEGORIES",
    "Finding",
    "lint",
    "lint_document",
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
    "ssns",
    "ip_addresses",
    "code_spans",
    "urls",
]
