"""The privacy lint in the rule book: allow lists, privacy_ok, file names, files and photographs."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

from .. import practice, privacy
from ..content.corpus import File, Kind
from ..content.problems import Level, Problem
from ..content.settings import Settings
from ..content.source import Source, decode
from ..content.values import cut, text_list
from ..privacy import faces, files
from ..privacy.cache import LintCache, settings_key
from ..privacy.findings import PHOTOS, Finding

PHOTO_CONSENT = "photo_consent"
TEXT_FILES = (".svg", ".pdf")


@dataclass(frozen=True)
class Privacy:
    """What the lint is given for every file of a site: phrases, terms, the practice's sites."""

    allowed: tuple[str, ...] = ()  # the allow list and the practice's own details
    terms: tuple[str, ...] = ()  # condition names and aliases
    sites: tuple[str, ...] = ()  # the practice's own web hosts
    town: str = ""  # the practice's town: accepted in its address, a warning alone
    settings: str = ""  # what the lint reads of the settings, for the cache's key


def read_allow_list(found: Iterable[File]) -> tuple[list[str], list[Problem]]:
    """The site-wide privacy allow list: one phrase a line, `#` starts a comment."""
    for file in found:
        if file.kind != Kind.ALLOW_LIST:
            continue
        try:
            raw = file.path.read_bytes()
        except OSError as err:
            return [], [file.problem(f"cannot be read ({err.strerror or err}); fix it")]
        text, problem = decode(file.relpath, raw, file.shown)
        if problem or text is None:
            return [], [problem] if problem else []
        lines = (line.strip() for line in text.split("\n"))
        return [line for line in lines if line and not line.startswith("#")], []
    return [], []


def own_sites(settings: Settings) -> tuple[str, ...]:
    """The practice's own web hosts (SITEURL, the booking page, the email's domain)."""
    identity = practice.identity(settings)
    hosts = [
        privacy.links.host(str(v))
        for v in (settings.get("SITEURL"), identity.get("booking_url"))
        if v
    ]
    email = identity.get("email")
    if isinstance(email, str) and "@" in email:
        hosts.append(email.rsplit("@", 1)[1].strip().lower())
    return tuple(h for h in hosts if h)


def privacy_context(settings: Settings, allowed: list[str], terms: list[str]) -> Privacy:
    """What every file's lint is given: the allow list, the practice's own details, the terms.

    The practice's town alone is no allowed phrase: a client living there is the likeliest
    leak of all. Written alone it is a warning; in the practice's address it is accepted.
    """
    town = str(practice.identity(settings).get("town") or "").strip()
    phrases = [p for p in [*allowed, *practice.allowed_phrases(settings)] if p.strip()]
    kept = tuple(p for p in phrases if not town or p.strip().lower() != town.lower())
    return Privacy(kept, tuple(terms), own_sites(settings), town, settings_key(settings))


def _problem(source: Source, found: Finding, town: str = "") -> Problem:
    """A finding as the rule book reports it: an error, or a warning, with its category."""
    warning = found.warning or (
        bool(town) and found.kind == "place" and found.text.lower() == town.lower()
    )
    message = found.message
    if warning and not found.warning:
        message += (
            " (a warning, not an error: it is the practice's own town; fine where it is about "
            "the practice, not where a client lives)"
        )
    level = Level.WARNING if warning else Level.ERROR
    return replace(source.at(message, found.line, level=level), category=found.category)


def check_privacy(source: Source, context: Privacy, cache: LintCache | None) -> list[Problem]:
    """The privacy lint on a file; what its `privacy_ok` silences comes back as notes."""
    own = text_list(source, "privacy_ok")[0] if source.readable else []
    everything = _lint(source, list(context.allowed), context, cache)
    kept = _lint(source, [*context.allowed, *own], context, cache) if own else everything
    reported = {(f.line, f.message) for f in kept}
    problems = [_problem(source, f, context.town) for f in kept]
    case = source.meta.get("case")
    client = case.get("client") if isinstance(case, dict) else None
    if isinstance(client, str) and client.strip():
        found = privacy.pseudonym(client, source.line("case", "client"))
        if found and (found.line, found.message) not in reported:
            problems.append(_problem(source, found))
    silenced = [f for f in everything if (f.line, f.message) not in reported]
    problems += [
        source.at(f"privacy_ok silences '{f.text}'", f.line, level=Level.NOTE) for f in silenced
    ]
    used = {f.text.lower() for f in silenced}
    problems += [
        source.at(
            f"privacy_ok: '{cut(phrase)}' silences nothing in this post; remove it",
            source.line("privacy_ok"),
            "privacy_ok",
            Level.NOTE,
        )
        for phrase in own
        if not any(phrase.lower() in text or text in phrase.lower() for text in used)
    ]
    return problems


def _lint(
    source: Source, allowed: list[str], context: Privacy, cache: LintCache | None
) -> list[Finding]:
    def lint() -> list[Finding]:
        found = privacy.lint(
            source, allowed=allowed, known_terms=context.terms, own_sites=context.sites
        )
        # An empty `client:` is reported once, as missing, by check_case.
        return [f for f in found if f.kind != "pseudonym" or f.text.strip()]

    if cache is None:
        return lint()
    return cache.findings(source.text, allowed, lint, context.terms, context.settings)


def check_path(file: File, context: Privacy, cache: LintCache | None) -> list[Problem]:
    """A file name a reader sees in an address (an image, a condition) that names a client.

    A condition's file is named for it: its terms ("Osgood-Schlatter disease") are no name.
    """

    def lint() -> list[Finding]:
        return list(privacy.lint_path(file.relpath, context.terms))

    key = f"path:{file.relpath}"
    found = cache.findings(key, (), lint, context.terms, context.settings) if cache else lint()
    return [replace(file.problem(f.message), category=f.category) for f in found]


def _file_key(file: File) -> str:
    return f"file:{file.relpath}:{hashlib.sha256(file.path.read_bytes()).hexdigest()}"


def check_file_text(file: File, context: Privacy, cache: LintCache | None) -> list[Problem]:
    """Camera, place and time metadata left in an image, and what the text inside an image,
    an SVG or a PDF gives away."""

    def lint() -> list[Finding]:
        found = privacy.image_findings(file.path) if file.suffix not in TEXT_FILES else []
        kind, fields = files.file_fields(file.path)
        name = PurePosixPath(file.relpath).name
        found += files.lint_fields(
            fields, name, kind, allowed=context.allowed, known_terms=context.terms
        )
        return found

    try:
        key = _file_key(file)
        found = (
            cache.findings(key, context.allowed, lint, context.terms, context.settings)
            if cache
            else lint()
        )
    except OSError as err:
        return [file.problem(f"cannot read the file ({err}); re-save it or remove it")]
    except Exception as err:  # noqa: BLE001 - a damaged file must be reported, never crash
        return [file.problem(f"cannot read the file ({err}); re-save it or remove it")]
    return [
        replace(
            file.problem(f.message, f.line or None, Level.WARNING if f.warning else Level.ERROR),
            category=f.category,
        )
        for f in found
    ]


def check_image(file: File) -> list[Problem]:
    """Camera, place and time metadata left in an image (check_file_text reads its text too)."""
    return check_file_text(file, Privacy(), None)


PUBLIC = ("published", "hidden")


def _shown_by(sources: Sequence[Source]) -> dict[str, list[tuple[Source, int]]]:
    """Each image file name, with the posts that show it and the line where they do."""
    shown: dict[str, list[tuple[Source, int]]] = {}
    for source in sources:
        for line, target in privacy.image_references(source.text):
            name = PurePosixPath(target.split("?", 1)[0].split("#", 1)[0]).name
            shown.setdefault(name, []).append((source, line))
    return shown


def _consents(source: Source) -> set[str]:
    """The image names a post's `photo_consent` lists."""
    listed, _problems = text_list(source, PHOTO_CONSENT)
    return {PurePosixPath(name.strip()).name for name in listed if name.strip()}


def check_photos(
    found: Iterable[File], sources: dict[str, Source], cache: LintCache | None
) -> list[Problem]:
    """A full-face photograph in a public post is an error unless the post records consent.

    Every raster image is looked at (`faces`): one shown by a public post whose
    `photo_consent` does not name it is an error; one that no public post shows but the
    site still publishes (a draft's, or none's) is a warning.
    """
    posts = [s for s in sources.values() if s.readable]
    shown = _shown_by(posts)
    problems = []
    for file in found:
        if file.kind != Kind.IMAGE:
            continue
        try:
            count = _faces(file, cache)
        except Exception:  # noqa: BLE001 - check_file_text reports a file that cannot be read
            count = 0
        if not count:
            continue
        name = PurePosixPath(file.relpath).name
        showing = shown.get(name, [])
        public = [(s, line) for s, line in showing if _status(s) in PUBLIC]
        without = [s.label or s.path for s, _line in public if name not in _consents(s)]
        faces_found = f"{count} face{'s' if count > 1 else ''} found"
        if without:
            message = (
                f"{name} shows a full face ({faces_found}) in {', '.join(without)}, which records "
                f"no consent to show it; crop or blur the face, or, with the person's written "
                f"consent, add `{PHOTO_CONSENT}: [{name}]` to the post"
            )
            problems.append(replace(file.problem(message), category=PHOTOS))
        elif not public:
            message = (
                f"{name} shows a full face ({faces_found}) and is published with the site's "
                f"images, though no public post shows it; remove it, or crop or blur the face"
            )
            problems.append(replace(file.problem(message, level=Level.WARNING), category=PHOTOS))
    return problems


def _status(source: Source) -> str:
    status = source.meta.get("status", "published")
    return str(status).strip().lower() if status else "published"


def _faces(file: File, cache: LintCache | None) -> int:
    """How many full faces an image shows (remembered by the image's bytes)."""

    def look() -> list[Finding]:
        count = faces.count_faces(file.path)
        return [Finding(0, "face", str(count), "", PHOTOS)] if count else []

    found = cache.findings(f"faces:{_file_key(file)}", (), look, ()) if cache else look()
    return int(found[0].text) if found else 0
