"""The private copies of what clients approved: under consents/, beside content/, never built.

consents/<slug>/<fingerprint>/ holds `approved.json` (the lines the fingerprint was made
from, and the day the copy was printed), `approval.html` and `approval.pdf` (the copy the
client signed). The build never reads the folder; `make check` reads a record to say what
changed since the client approved it.
"""

from __future__ import annotations

import datetime
import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..content.newfiles import replace_whole
from ..content.settings import Settings
from .state import FINGERPRINT, as_date

SETTING = "CONSENTS_PATH"
DEFAULT = "consents"  # beside the content folder, at the project's root
RECORD = "approved.json"
COPY_HTML = "approval.html"
COPY_PDF = "approval.pdf"
MAX_RECORD = 5_000_000  # bytes; a record holds one case's text


@dataclass(frozen=True)
class Approved:
    """The text of one approval copy, as its fingerprint was made from it."""

    slug: str
    fingerprint: str
    printed: datetime.date
    lines: tuple[str, ...]


def folder(content: Path, settings: Settings) -> Path:
    """Where the approved copies are kept: CONSENTS_PATH, relative to the content's parent."""
    configured = settings.get(SETTING) or DEFAULT
    return Path(os.path.abspath(content)).parent / str(configured)


def place(root: Path, slug: str, fingerprint: str) -> Path:
    """The folder of one approval copy; ValueError if slug or fingerprint would leave `root`."""
    if not FINGERPRINT.fullmatch(fingerprint):
        raise ValueError(f"{fingerprint!r} is not a fingerprint")
    if not slug or slug in (".", "..") or any(c in slug for c in "/\\\0") or slug.startswith("."):
        raise ValueError(f"{slug!r} cannot name a folder")
    found = root / slug / fingerprint
    real_root = os.path.realpath(root)
    if not os.path.realpath(found).startswith(real_root + os.sep):
        raise ValueError(f"{slug!r} leads out of {root}")
    return found


def load(root: Path, slug: str, fingerprint: str) -> Approved | None:
    """The record of an approval copy, or None if there is none (or it is damaged)."""
    try:
        path = place(root, slug, fingerprint) / RECORD
        if path.stat().st_size > MAX_RECORD:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return _approved(data, slug, fingerprint)


def _approved(data: object, slug: str, fingerprint: str) -> Approved | None:
    if not isinstance(data, dict) or data.get("fingerprint") != fingerprint:
        return None
    lines, printed = data.get("lines"), as_date(data.get("printed"))
    if not isinstance(lines, list) or not all(isinstance(x, str) for x in lines) or not printed:
        return None
    return Approved(slug, fingerprint, printed, tuple(lines))


def save(root: Path, approved: Approved) -> tuple[Path, Approved]:
    """Keep the record of a copy; one already kept for the same text keeps its printed day."""
    where = place(root, approved.slug, approved.fingerprint)
    kept = load(root, approved.slug, approved.fingerprint)
    if kept is not None and kept.lines == approved.lines:
        return where / RECORD, kept
    data = {
        "slug": approved.slug,
        "fingerprint": approved.fingerprint,
        "printed": approved.printed.isoformat(),
        "lines": list(approved.lines),
    }
    replace_whole(where / RECORD, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    return where / RECORD, approved
