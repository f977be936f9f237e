"""The privacy lint in the rule book: the allow lists, privacy_ok, file names and images."""

from __future__ import annotations

from collections.abc import Iterable

from .. import privacy
from ..content.corpus import File, Kind
from ..content.problems import Level, Problem
from ..content.source import Source, decode
from ..content.values import cut, text_list
from ..privacy.cache import LintCache


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


def check_privacy(
    source: Source, site_allowed: list[str], terms: list[str], cache: LintCache | None
) -> list[Problem]:
    """The privacy lint on a file; what its `privacy_ok` silences comes back as notes."""
    own = text_list(source, "privacy_ok")[0] if source.readable or source.partial else []
    everything = _lint(source, site_allowed, terms, cache)
    kept = _lint(source, [*site_allowed, *own], terms, cache) if own else everything
    reported = {(f.line, f.message) for f in kept}
    problems = [source.at(f.message, f.line) for f in kept]
    case = source.meta.get("case")
    client = case.get("client") if isinstance(case, dict) else None
    at: tuple[str, ...] = ("case", "client")
    if client is None:  # a follow-up names its client in a key of its own
        client, at = source.meta.get("client"), ("client",)
    if isinstance(client, str) and client.strip():
        found = privacy.pseudonym(client, source.line(*at))
        if found and (found.line, found.message) not in reported:
            problems.append(source.at(found.message, found.line))
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


def _lint(source, allowed, terms, cache):
    def lint():
        found = privacy.lint_source(source.text, allowed=allowed, known_terms=terms)
        # An empty `client:` is reported once, as missing, by check_case.
        return [f for f in found if f.kind != "pseudonym" or f.text.strip()]

    if cache is None:
        return lint()
    return cache.findings(source.text, allowed, lint)


def check_path(file: File, cache: LintCache | None) -> list[Problem]:
    """A file name a reader sees in an address (an image, a condition) that names a client."""

    def lint() -> list[privacy.Finding]:
        return list(privacy.lint_path(file.relpath))

    found = cache.findings(f"path:{file.relpath}", (), lint) if cache else lint()
    return [file.problem(f.message) for f in found]


def check_image(file: File) -> list[Problem]:
    """Camera, place and time metadata left in an image."""
    try:
        findings = privacy.image_findings(file.path)
    except OSError as err:
        return [file.problem(f"cannot read the image ({err}); re-save it or remove it")]
    except Exception as err:  # noqa: BLE001 - a damaged image must be reported, never crash
        return [file.problem(f"cannot read the image ({err}); re-save it or remove it")]
    return [file.problem(f.message, f.line or None) for f in findings]
