"""Rules of a case's consent: how it is written, that it is bound to the text the client
approved, that nothing a reader sees changed since, and what a withdrawal leaves behind."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..consent import state, store, visible
from ..consent.state import KEYS, Standing
from ..content.corpus import File, Kind
from ..content.problems import Level, Problem
from ..content.settings import Settings
from ..content.source import Source
from ..content.values import PUBLIC, cut, short
from ..vocabulary import Vocabulary

if TYPE_CHECKING:  # the per-file rules of posts call this module's; only the types go back
    from . import Memo
    from .posts import Post

WRITE_IT = (
    "print an approval copy with `make consent OF={slug}`, have the client sign it, then "
    "write `given: <the date they signed>` and `how: signed approval copy` under `consent:`"
)


def _slug(source: Source) -> str:
    return cut(str(source.meta.get("slug") or "<slug>"), 100)


def check_consent(source: Source, case: dict[str, Any], status: str) -> list[Problem]:
    """`consent:` in a case block: true, false, or a block of given/how/text/withdrawn."""
    value = case.get("consent")
    if isinstance(value, dict):
        problems = _mapping(source, value)
    elif value is None or isinstance(value, bool):
        problems = []
    else:
        problems = [
            source.problem(
                f"case.consent: {short(value)} is neither true, false nor a block of "
                f"`given:`, `how:` and `text:` lines; {WRITE_IT.format(slug=_slug(source))}",
                "case",
                "consent",
            )
        ]
    found = state.read(value)
    if found.standing == Standing.WITHDRAWN:
        when = found.withdrawn.isoformat() if found.withdrawn else "a date to be written"
        return problems + [
            source.problem(
                f"case.consent.withdrawn: consent withdrawn ({when}): the case is on no page, "
                "list, feed or search of the site, and its address says it is no longer "
                "published; the file stays yours to keep or delete",
                "case",
                "consent",
                "withdrawn",
                level=Level.NOTE,
            )
        ]
    if status not in PUBLIC:
        return problems
    return problems + _standing(source, found)


def _standing(source: Source, found: state.Consent) -> list[Problem]:
    """What a published case's consent lacks."""
    slug = _slug(source)
    if found.standing == Standing.NONE:
        return [
            source.problem(
                "case.consent: no consent: a case never publishes until its client approved "
                f"it; {WRITE_IT.format(slug=slug)}, or keep the case as `status: draft` until "
                "then",
                "case",
                "consent",
            )
        ]
    if found.standing == Standing.AWAITING:
        return [
            source.problem(
                "case.consent.given: the approval copy is printed but not signed; once the "
                "client signs it, write `given: <the date they signed>` and `how: signed "
                "approval copy` under `consent:`, or keep the case as `status: draft` until then",
                "case",
                "consent",
                "text",
            )
        ]
    if found.standing == Standing.UNBOUND:
        what = "`consent: true`" if found.given is None else "consent without `text:`"
        return [
            source.problem(
                f"case.consent: {what} is not bound to any text, so a later change would "
                f"publish unnoticed; {WRITE_IT.format(slug=slug)}",
                "case",
                "consent",
                level=Level.WARNING,
            )
        ]
    return []


def _mapping(source: Source, value: dict[Any, Any]) -> list[Problem]:
    """The keys of a consent block and their values."""
    problems = []
    for key in value:
        if key not in KEYS:
            problems.append(
                source.problem(
                    f"case.consent.{cut(key, 40)}: not a consent key; the keys are "
                    f"{', '.join(KEYS)}",
                    "case",
                    "consent",
                    str(key),
                )
            )
    for key in ("given", "withdrawn"):
        given = value.get(key)
        if given not in (None, False, "") and state.as_date(given) is None:
            problems.append(
                source.problem(
                    f"case.consent.{key}: {short(given)} is not a date; write it as "
                    "YYYY-MM-DD, e.g. `2026-11-30`",
                    "case",
                    "consent",
                    key,
                )
            )
    how = value.get("how")
    if how is not None and not isinstance(how, str):
        problems.append(
            source.problem(
                f"case.consent.how: {short(how)} is not text; write how the client consented, "
                "e.g. `how: signed approval copy`",
                "case",
                "consent",
                "how",
            )
        )
    text = value.get("text")
    if text not in (None, "") and not (
        isinstance(text, str) and state.FINGERPRINT.fullmatch(text.strip())
    ):
        problems.append(
            source.problem(
                f"case.consent.text: {short(text)} is not a fingerprint `make consent` wrote; "
                f"run `make consent OF={_slug(source)}`, which writes it",
                "case",
                "consent",
                "text",
            )
        )
    return problems


def unseen_lines(source: Source) -> set[int]:
    """The lines of a case's `consent:` block: dates and fingerprints no reader ever sees."""
    start = source.lines.get(("case", "consent"))
    if start is None:
        return set()
    later = [n for keys, n in source.lines.items() if len(keys) <= 2 and n > start]
    end = min(later, default=max(source.body_start - 2, start + 1))
    return set(range(start, max(end, start + 1)))


def content_folder(found: Sequence[File]) -> Path | None:
    """The content folder the files were found in."""
    for file in found:
        whole = str(file.path)
        if whole.endswith(file.relpath):
            return Path(whole[: len(whole) - len(file.relpath)] or ".")
    return None


def check_approvals(
    posts: Sequence[Post],
    found: Sequence[File],
    vocabulary: Vocabulary,
    settings: Settings,
    memo: Memo | None = None,
) -> list[Problem]:
    """Published cases whose text is not the approved one, and posts following a withdrawn one."""
    content = content_folder(found)
    root = store.folder(content, settings) if content is not None else None
    names = visible.names_from(vocabulary.lookup)
    reader: list[visible.Reader] = []  # made once, and only if a case is bound
    problems: list[Problem] = []
    withdrawn: dict[str, Source] = {}
    for post in posts:
        case = post.source.meta.get("case")
        if post.kind != Kind.ARTICLE or not isinstance(case, dict):
            continue
        found_consent = state.of_case(case)
        if found_consent.standing == Standing.WITHDRAWN and post.slug:
            withdrawn[post.slug] = post.source
        if found_consent.bound and post.status in PUBLIC and root is not None:
            if not reader:
                reader.append(visible.Reader(settings))
            lines = _lines(post.source, reader[0], names, memo)
            problems += _compare(post.source, found_consent, lines, root)
    return problems + _followers(posts, withdrawn)


def _lines(
    source: Source, reader: visible.Reader, names: visible.Names, memo: Memo | None
) -> list[str]:
    """What a reader sees of the case, remembered by its text in a preview session."""
    if memo is None:
        return visible.case_lines(source, reader, names)
    tags = tuple(names(t) for t in source.meta.get("tags") or () if isinstance(t, str))
    key = ("visible", source.path, source.text, tags)
    found: list[str] | None = memo.get(key)
    if found is None:
        found = memo[key] = visible.case_lines(source, reader, names)
    return found


def _compare(source: Source, consent: state.Consent, lines: list[str], root: Path) -> list[Problem]:
    """A case whose text changed since its approval copy, or signed before it was printed."""
    slug, approved = _slug(source), consent.text or ""
    record = store.load(root, slug, approved)
    if visible.fingerprint(lines) != approved:
        if record is None:
            what = (
                f"the approved copy ({store.DEFAULT}/{slug}/{approved}/) is not in this "
                "project, so what changed cannot be shown"
            )
        else:
            what = visible.summary_of_changes(visible.changes(record.lines, lines))
        return [
            source.problem(
                f"case.consent.text: what a reader sees has changed since the client approved "
                f"it: {what}. It cannot be published until you restore the approved text, or "
                f"print a new approval copy with `make consent OF={slug}` and the client signs "
                "it (then write the date under `given:`)",
                "case",
                "consent",
                "text",
            )
        ]
    if record is not None and consent.given is not None and consent.given < record.printed:
        return [
            source.problem(
                f"case.consent.given: {consent.given.isoformat()} is before this approval copy "
                f"was printed ({record.printed.isoformat()}), so the client signed an earlier "
                "text; once they sign this copy, write the date they signed",
                "case",
                "consent",
                "given",
            )
        ]
    return []


def _followers(posts: Sequence[Post], withdrawn: dict[str, Source]) -> list[Problem]:
    """A published post that follows a withdrawn case: it now says so instead of linking."""
    problems = []
    for post in posts:
        target = post.source.meta.get("follows")
        if post.status != "published" or not isinstance(target, str):
            continue
        earlier = withdrawn.get(target.strip())
        if earlier is not None:
            problems.append(
                post.source.problem(
                    f"follows: '{cut(target)}' ({earlier.label}) was withdrawn: this post says "
                    "its earlier part is no longer published instead of linking to it; if this "
                    "post tells the same client's story, check that their consent to it stands",
                    "follows",
                    level=Level.WARNING,
                )
            )
    return problems
