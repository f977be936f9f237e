"""The desk's first page: every case, post, page and condition, with where each stands."""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .. import rules
from ..content.corpus import File, Kind
from ..content.source import Source
from ..content.values import status_of
from .consent import Consent, consent_of
from .forms import Form, form_of

KIND_NAMES = {Form.CASE: "Case", Form.POST: "Post", Form.PAGE: "Page", Form.CONDITION: "Condition"}


@dataclass(frozen=True)
class Entry:
    """One file on the desk's list."""

    relpath: str
    title: str
    form: Form
    status: str
    errors: int
    warnings: int
    conditions: tuple[str, ...]
    changed: datetime.datetime | None
    slug: str | None
    follows: str | None
    consent: Consent | None

    @property
    def kind_name(self) -> str:
        return KIND_NAMES[self.form]

    @property
    def published(self) -> bool:
        return self.status in ("published", "hidden")


def _changed(file: File) -> datetime.datetime | None:
    try:
        return datetime.datetime.fromtimestamp(os.stat(file.path).st_mtime)
    except OSError:
        return None


def entries(files: Sequence[File], sources: dict[str, Source], judged: rules.Judged) -> list[Entry]:
    """Every post, page and condition file, newest change first."""
    counts: dict[str, list[int]] = {}
    for problem in judged.problems:
        found = counts.setdefault(problem.path, [0, 0])
        if problem.is_error:
            found[0] += 1
        elif problem.level == "warning":
            found[1] += 1
    made = []
    for file in files:
        if file.kind not in (Kind.ARTICLE, Kind.PAGE, Kind.CONDITION):
            continue
        source = sources.get(file.relpath)
        if source is None:
            continue
        form = form_of(file.kind, source, file.relpath)
        meta = source.meta
        title = str(meta.get("name" if form == Form.CONDITION else "title") or file.relpath)
        errors, warnings = counts.get(file.relpath, [0, 0])
        status = "published" if form == Form.CONDITION else status_of(source)
        case = meta.get("case")
        made.append(
            Entry(
                file.relpath,
                " ".join(title.split()),
                form,
                status,
                errors,
                warnings,
                tuple(_conditions(source, judged)),
                _changed(file),
                judged.slugs.get(file.relpath),
                meta.get("follows") if isinstance(meta.get("follows"), str) else None,
                consent_of(case) if form == Form.CASE else None,
            )
        )
    made.sort(key=lambda e: e.changed or datetime.datetime.min, reverse=True)
    return made


def _conditions(source: Source, judged: rules.Judged) -> list[str]:
    tags = source.meta.get("tags")
    if isinstance(tags, str):
        tags = [t.strip() for t in tags.split(",")]
    if not isinstance(tags, list):
        return []
    names = []
    for tag in tags:
        if isinstance(tag, str) and tag.strip():
            entry = judged.vocabulary.lookup(tag)
            names.append(entry.name if entry else tag.strip())
    return names


def chosen(
    found: Iterable[Entry], condition: str = "", status: str = "", kind: str = ""
) -> list[Entry]:
    """The entries a filter keeps: one condition, one status, one kind (empty: all)."""
    kept = []
    for entry in found:
        named = condition.casefold()
        other = named and named not in (c.casefold() for c in entry.conditions)
        if other and (entry.form != Form.CONDITION or entry.title.casefold() != named):
            continue
        if status == "draft" and entry.published:
            continue
        if status == "published" and not entry.published:
            continue
        if status == "problems" and not entry.errors:
            continue
        if kind and entry.form != kind:
            continue
        kept.append(entry)
    return kept
